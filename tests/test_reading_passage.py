"""The reading: line numbers as printed, and citations that name the printed lines.

Every test reads the PDF back: the passage's lines (grouped by baseline), the line numbers in the
margin, the questions' "lines A–B", and checks that the cited words are on exactly those lines,
in each paper, edition and theme, in the handout and the key, and in a shuffled version.
"""
from __future__ import annotations

import io
import re

import pypdf
import pytest

from conftest import page_texts, write_guide
from studyguide import api, render, variants
from studyguide.errors import GuideError

GUIDE = """\
title: Closing Main Street
reading:
  title: A Street Without Cars
  source: Written for this class by the teacher.
  text: |
    For forty years, Main Street carried cars, delivery trucks and buses through the middle of town. In the spring the council asked whether the street could do something else. {@vote}Six members voted to close four blocks to private cars for a trial year, and three voted against the plan.{@/vote} Buses, bicycles and early-morning deliveries were allowed to stay.

    The first weeks were confusing. Drivers who had always cut through downtown found the barriers and turned around, and the side streets filled with traffic. {@traffic}By the third week the city had changed the timing of eleven traffic lights, and the queues on the side streets grew shorter.{@/traffic} A crossing guard said that children walked to school in groups again.

    Shop owners watched the numbers closely. The bakery sold more coffee in the mornings, because people now lingered on the wide pavement. {@shops}The hardware store, whose customers carry heavy things to their cars, lost about a fifth of its sales in the first three months.{@/shops} Its owner asked the council for loading spaces at each end of the closed blocks.

    {@end}At the end of the year the council voted again, and this time the vote was eight to one.{@/end} The street stayed closed to private cars, the loading spaces were built, and the city promised to measure air quality every month for another two years. Nobody could say yet whether other towns would copy the plan, but several mayors came to walk the four blocks and ask questions.
questions:
  - type: short_answer
    prompt: In {@vote}, how did the council first decide?
    answer: Six to three, for a trial year.
  - type: multiple_choice
    prompt: What does {@traffic:paragraph} say the city changed?
    choices: [Bus routes, The timing of traffic lights, The speed limit]
    answer: B
  - type: short_answer
    prompt: Read {@shops}. Why did the hardware store lose sales?
  - type: true_false
    prompt: According to {@end}, the second vote was closer than the first.
    answer: false
"""

SPANS = {
    1: "Six members voted to close four blocks to private cars for a trial year, and three voted against the plan.",
    3: "The hardware store, whose customers carry heavy things to their cars, lost about a fifth of its sales in "
       "the first three months.",
    4: "At the end of the year the council voted again, and this time the vote was eight to one.",
}


def _items(pdf: bytes):
    """Per page, every piece of text with its baseline and left edge."""
    pages = []
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        found = []

        def visit(text, cm, tm, font, size):
            if text.strip():
                found.append((round(tm[5] * cm[3] + cm[5], 1), round(tm[4] * cm[0] + cm[4], 1), text.strip()))

        page.extract_text(visitor_text=visit)
        pages.append(found)
    return pages


def printed_lines(pdf: bytes) -> tuple[dict[int, tuple[int, str, float]], float]:
    """The passage's lines as printed: number → (page, text, baseline), and the lines' left edge.

    A paragraph starts on the baseline of its "[n]" in the margin and runs on, one line every
    leading, at the lines' left edge; at a page's foot it goes on at the next page's top. A line
    number is a number in the margin on a line's baseline; the lines between numbered ones are
    counted in reading order, and every number printed must agree with that count."""
    pages = _items(pdf)
    marks = [(p, y, x) for p, found in enumerate(pages) for y, x, t in found if re.fullmatch(r"\[\d+\]", t)]
    assert marks, "no paragraph number printed"
    p0, y0, x0 = marks[0]
    left = min(x for y, x, t in pages[p0] if abs(y - y0) < 0.2 and x > x0 + 5 and not t.isdigit())
    sequence, labels, carry = [], [], False
    for p, found in enumerate(pages, 1):
        every = sorted({y for y, _, _ in found}, reverse=True)
        rows = []  # one baseline per printed row (a margin number may sit a hair off its line's)
        for y in every:
            if not rows or rows[-1] - y > 0.3:
                rows.append(y)
        snap = lambda y: next(r for r in rows if abs(r - y) <= 0.3)  # noqa: E731
        starts = {snap(y) for y, x, t in found if re.fullmatch(r"\[\d+\]", t)}
        at_left = {snap(y) for y, x, _ in found if abs(x - left) < 0.5}
        inside, last = carry and rows and rows[0] in at_left, None
        carry = False
        for y in rows:
            if y in starts:
                inside = True
            elif inside and not (y in at_left and last is not None and abs(last - y - leading_of(found, at_left)) < 0.3):
                inside = bool(last is None and y in at_left)  # the first line at a page's top
            if not inside:
                continue
            text = " ".join(t for y2, x2, t in sorted(found, key=lambda i: i[1])
                            if abs(y2 - y) <= 0.3 and x2 > left - 0.5 and not _note(t, x2, left))
            numbers = [int(t) for y2, x2, t in found if abs(y2 - y) <= 0.3 and x2 < left and t.isdigit()]
            if numbers:
                labels.append((len(sequence), numbers[0]))
            sequence.append((p, text, y))
            last = y
        later = [y for y in rows if last is not None and y < last - 0.2 and y > 60]  # anything but the footer
        carry = last is not None and not later  # the passage ran to the foot of the page
    offsets = {n - i for i, n in labels}
    assert len(offsets) == 1, f"the numbering does not run on line by line: {labels}"
    assert all(n % 5 == 0 for _, n in labels) and len(labels) == len(sequence) // 5
    first = offsets.pop()
    assert first == 1
    return {first + i: line for i, line in enumerate(sequence)}, left


def leading_of(found, at_left) -> float:
    """The passage's line spacing: the commonest gap between baselines at its left edge."""
    ys = sorted(at_left, reverse=True)
    gaps = [round(a - b, 1) for a, b in zip(ys, ys[1:])]
    return max(set(gaps), key=gaps.count) if gaps else 0.0


def _note(text: str, x: float, left: float) -> bool:
    """The key's note right of a cited line: the numbers of the questions that cite it."""
    return x > left + 100 and re.fullmatch(r"[0-9, ]+", text) is not None


def _norm(text: str) -> str:
    return " ".join(text.split())


def _cited(pdf: bytes) -> dict[int, tuple[str, int, int]]:
    """Question number → ('lines'/'line'/'paragraph', first, last) from the printed questions."""
    text = _norm(" ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages))
    out = {}
    for n, words in ((1, "how did the council first decide"), (2, "say the city changed"),
                     (3, "Why did the hardware store"), (4, "the second vote was closer")):
        m = re.search(r"(lines?|paragraphs?) (\d+)(?:–(\d+))?[^.?]{0,40}" + re.escape(words)
                      if n != 3 else r"Read (lines?) (\d+)(?:–(\d+))?\. " + re.escape(words), text)
        assert m, f"question {n}: no citation printed"
        out[n] = (m.group(1), int(m.group(2)), int(m.group(3) or m.group(2)))
    return out


def _check(student: bytes, key: bytes, numbers=None) -> None:
    lines, left = printed_lines(student)
    assert printed_lines(key)[0] == lines  # the key prints the same lines on the same pages
    assert _cited(key) == _cited(student)
    numbers = numbers or {1: 1, 3: 3, 4: 4}
    cites = _cited(student)
    for span_q, words in SPANS.items():
        q = numbers[span_q]
        kind, a, b = cites[q]
        assert kind.startswith("line")
        joined = lambda lo, hi: _norm(" ".join(lines[i][1] for i in range(lo, hi + 1)))
        assert _norm(words) in joined(a, b), (q, a, b)
        assert _norm(words) not in joined(a + 1, b) and _norm(words) not in joined(a, b - 1)  # no line too many
        # the key marks the span: the citing question's number beside its first line, right of the text
        page, _, y = lines[a]
        marks = [t for yy, x, t in _items(key)[page - 1] if abs(yy - y) < 0.2 and x > left + 200 and t[:1].isdigit()]
        assert str(q) in marks[-1].replace(" ", "").split(","), (q, marks)
    kind, p, last = cites[numbers.get(2, 2)]
    assert (kind, p, last) == ("paragraph", 2, 2)


@pytest.fixture(scope="module")
def guide(tmp_path_factory):
    return api.load(write_guide(tmp_path_factory.mktemp("g") / "guides", "street.yaml", GUIDE))


@pytest.mark.parametrize("paper", ["letter", "a4"])
@pytest.mark.parametrize("edition", [None, "large-print"])
def test_cited_text_is_on_the_printed_lines(guide, paper, edition):
    out, _ = api.render_guide(guide, paper, theme=api.theme_for(guide, edition=edition))
    _check(out["student"].pdf, out["key"].pdf)
    assert out["student"].question_pages == out["key"].question_pages


@pytest.mark.parametrize("theme", ["modern", "ink-saver", "compact", "readable"])
def test_cited_text_is_on_the_printed_lines_in_every_theme(guide, theme):
    chosen = api.theme_for(guide, edition="readable") if theme == "readable" else api.theme_for(guide, theme)
    out, _ = api.render_guide(guide, "letter", theme=chosen)
    _check(out["student"].pdf, out["key"].pdf)


def test_large_print_numbers_other_lines_than_standard(guide):
    standard, _ = api.render_guide(guide, "letter")
    large, _ = api.render_guide(guide, "letter", theme=api.theme_for(guide, edition="large-print"))
    assert _cited(standard["student"].pdf) != _cited(large["student"].pdf)  # so the numbers are computed, not typed
    assert len(printed_lines(large["student"].pdf)[0]) > len(printed_lines(standard["student"].pdf)[0])
    pages = {page for page, _, _ in printed_lines(large["student"].pdf)[0].values()}
    assert len(pages) >= 2  # the large-print reading flows onto a second page, its numbering kept (printed_lines)


def test_a_shuffled_version_cites_and_marks_its_own_question_numbers(guide):
    shuffled = variants.version(guide, 1, seed="7")
    order = {q.prompt: n for n, q in enumerate(shuffled.questions, 1)}
    numbers = {n: order[q.prompt] for n, q in enumerate(guide.questions, 1)}
    out, _ = api.render_guide(shuffled, "letter")
    _check(out["student"].pdf, out["key"].pdf, numbers)


def _problems(tmp_path, text):
    path = write_guide(tmp_path / "guides", "bad.yaml", text)
    with pytest.raises(GuideError) as info:
        api.load(path)
    return [str(p) for p in info.value.problems]


def test_an_unknown_name_is_located(tmp_path):
    problems = _problems(tmp_path, GUIDE.replace("According to {@end}", "According to {@finale}"))
    bad = tmp_path / "guides" / "bad.yaml"
    assert problems == [
        f"{bad}:12:5: warning: reading: the span 'end' is cited by no question (write {{@end}} in a question's text, "
        "or remove the mark)",
        f"{bad}:24:26: '{{@finale}}' names no marked span of the reading (marked: end, shops, traffic, vote); "
        "mark the words in the reading as {@finale}...{@/finale}"]


def test_a_misspelt_name_is_told_the_span_it_is_close_to(tmp_path):
    """A typo gets the marked name it is near, not advice to mark a new span, and the span it meant
    gets no 'cited by no question' warning beside it."""
    problems = _problems(tmp_path, GUIDE.replace("According to {@end}", "According to {@ending}")
                         .replace("{@traffic:paragraph}", "{@trafic:paragraph}"))
    bad = tmp_path / "guides" / "bad.yaml"
    assert problems == [
        f"{bad}:18:23: '{{@trafic}}' names no marked span of the reading (marked: end, shops, traffic, vote); "
        "did you mean {@traffic:paragraph}?",
        f"{bad}:24:26: '{{@ending}}' names no marked span of the reading (marked: end, shops, traffic, vote); "
        "did you mean {@end}?"]


def test_an_unused_name_is_a_located_warning(tmp_path):
    path = write_guide(tmp_path / "guides", "unused.yaml", GUIDE.replace("Read {@shops}.", "Read the third paragraph."))
    warnings = [str(w) for w in api.load(path).warnings]
    assert warnings == [f"{path}:10:141: warning: reading: the span 'shops' is cited by no question (write {{@shops}} "
                        "in a question's text, or remove the mark)"]


def test_a_span_never_ended_and_an_end_without_start_are_located(tmp_path):
    problems = _problems(tmp_path, GUIDE.replace("{@/vote}", "").replace("{@end}At", "At"))
    bad = tmp_path / "guides" / "bad.yaml"
    assert problems == [
        f"{bad}:6:178: reading: the span '{{@vote}}' is never ended (write {{@/vote}} after its last word; to print "
        "'{@' itself, write {@@})",
        f"{bad}:12:93: reading: '{{@/end}}' ends a span that no '{{@end}}' starts before it (start the span with "
        "{@end}; to print '{@' itself, write {@@})",
    ]


def test_braces_print_as_typed_and_at_signs_literally(tmp_path):
    text = GUIDE.replace("For forty years", "Write {@@}x} or {x} and {@ y}: for forty years")
    out, _ = api.render_guide(api.load(write_guide(tmp_path / "guides", "lit.yaml", text)), "letter", key=False)
    printed = _norm(" ".join(page_texts(out["student"].pdf)))
    assert "Write {@x} or {x} and {@ y}: for forty years" in printed


def test_exports_cite_the_lines_the_handout_prints(guide):
    from studyguide.export import exporter

    cited = guide_cited = api.cited_as_printed(guide)
    out, _ = api.render_guide(guide, guide.paper, key=False)
    kind, a, b = _cited(out["student"].pdf)[1]
    made, _ = exporter("moodle")(cited)
    xml = b"".join(data for _, data in made).decode("utf-8")
    assert "{@" not in xml
    assert f"In {kind} {a}–{b}, how did the council first decide?" in xml
    assert guide_cited.questions[0].prompt == f"In {kind} {a}–{b}, how did the council first decide?"


def test_the_first_guide_cites_its_reading_on_the_printed_lines():
    from conftest import REPO

    guide = api.load(REPO / "guides" / "china-foreign-police-training.yaml")
    citing = [q for q in guide.questions if "{@" in q.prompt]
    assert len(citing) >= 3 and not guide.warnings
    for edition in (None, "large-print"):
        out, _ = api.render_guide(guide, "letter", theme=api.theme_for(guide, edition=edition))
        lines, _ = printed_lines(out["student"].pdf)
        text = _norm(" ".join(page_texts(out["student"].pdf)))
        a, b = map(int, re.search(r"In lines? (\d+)(?:–(\d+))?, how do Chinese authorities", text).groups("0"))
        b = b or a
        span = "Officials call the goal a fairer social order, built on what China learned while its cities grew fast."
        assert span in _norm(" ".join(lines[i][1] for i in range(a, b + 1)))
        assert span not in _norm(" ".join(lines[i][1] for i in range(a + 1, b + 1)))


@pytest.mark.parametrize("fmt, questions", [("quiz", None), ("exit-ticket", "1,4")])
def test_a_format_without_the_reading_prints_what_each_question_cites(tmp_path, fmt, questions):
    """A quiz or exit ticket does not print the reading: each citing question prints the cited words
    under its prompt, headed by the handout's own line numbers, so no citation points at unseen lines."""
    from studyguide.classroom import SetOptions, build_set

    path = write_guide(tmp_path / "guides", "street.yaml", GUIDE)
    handout, _ = api.render_guide(api.load(path), "letter")
    cites = _cited(handout["student"].pdf)
    outputs = build_set(path, tmp_path / "out", None, SetOptions(format=fmt, questions=questions)).outputs
    for output in outputs[:2]:
        text = _norm(" ".join(p.extract_text() for p in pypdf.PdfReader(output.path).pages))
        assert "A Street Without Cars" not in text  # (the reading is not in this format)
        for q, words in SPANS.items():
            if questions and str(q) not in questions.split(","):
                continue
            kind, a, b = cites[q]  # the quiz keeps the handout's numbers: the lines the class read
            where = f"Line {a}" if a == b else f"Lines {a}–{b}"
            assert f"{where.lower()}" in text
            assert f"{where}: “{_norm(words)}”" in text, (q, where)
        if not questions:  # a paragraph cited: the whole paragraph, headed as the prompt names it
            assert "Paragraph 2: “The first weeks were confusing." in text
            assert "walked to school in groups again.”" in text


def test_what_only_the_key_cites_is_never_printed_for_the_student(tmp_path):
    """A question whose prompt cites nothing but whose explanation (key only) cites a span: the quiz
    prints no excerpt under it, in the student's copy or the key (the key keeps the student's pages)."""
    from studyguide.classroom import SetOptions, build_set

    text = GUIDE.replace("""    prompt: What does {@traffic:paragraph} say the city changed?""",
                         """    prompt: What did the city change downtown?
    explanation: See {@traffic}; the answer is in {@shops} too.""")
    path = write_guide(tmp_path / "guides", "street.yaml", text)
    outputs = build_set(path, tmp_path / "out", None, SetOptions(format="quiz")).outputs
    assert len(outputs) >= 2
    for output in outputs[:2]:
        text = _norm(" ".join(p.extract_text() for p in pypdf.PdfReader(output.path).pages))
        assert "the timing of eleven traffic lights" not in text.lower()  # Q2 cites nothing a student reads
        assert "Lines 3–5" not in text and "The first weeks" not in text
        assert "whose customers carry heavy things" in text  # Q3's prompt cites {@shops}: still printed
    key = _norm(" ".join(p.extract_text() for p in pypdf.PdfReader(outputs[1].path).pages))
    assert "See lines" in key  # the explanation still names the lines in the key


def test_french_citations_join_two_numbers_with_et_and_space_the_colon(tmp_path):
    """A French quiz: "Paragraphe 2 :" (a space before the colon, as "Lignes 3 à 5 :"), and two numbers side
    by side joined by "et" ("lignes 3 et 4", "Questions 1 et 2 :"), never "3 à 4" (trial 15)."""
    from studyguide import labels
    from studyguide.classroom import SetOptions, build_set

    fr = labels.for_language("fr")
    assert labels.span(fr, "cite_lines", 15, 16) == "lignes 15 et 16"
    assert labels.span(fr, "cite_lines", 15, 17) == "lignes 15 à 17"
    assert labels.span(fr, "directions", 1, 2) == "Questions 1 et 2\u00a0:"
    assert labels.span(labels.EN, "cite_lines", 15, 16) == "lines 15–16"
    assert labels.span({**fr, "cite_lines": "l. {first}-{last}"}, "cite_lines", 3, 4) == "l. 3 et 4"

    path = write_guide(tmp_path / "guides", "rue.yaml", "language: fr\n" + GUIDE + """\
  - type: true_false
    prompt: Le conseil a voté deux fois.
    answer: true
""")
    outputs = build_set(path, tmp_path / "out", None, SetOptions(format="quiz")).outputs
    for output in outputs[:2]:
        raw = " ".join(p.extract_text() for p in pypdf.PdfReader(output.path).pages)
        text = " ".join(raw.replace("\u00a0", " ").split())
        assert "Paragraphe 2 : « The first weeks were confusing." in text
        assert "Questions 4 et 5 :" in text  # the two true/false questions share one direction
        pairs = re.findall(r"(\d+) (à|et) (\d+)", text)
        assert pairs and all((int(b) == int(a) + 1) == (word == "et") for a, word, b in pairs), pairs


def test_the_fix_a_citation_without_a_reading_is_given_prints_what_was_meant(tmp_path):
    """`{@x}` in a guide with no reading is refused, and the message says to write {@@} to print '{@'
    itself; that printed '{@@}x}' as typed (the importers' engineer found it). It now prints '{@x}', in
    handout and key, in a prompt, a choice and a fill-in-the-blank's text."""
    from conftest import write_guide
    from studyguide.errors import GuideError

    bad = write_guide(tmp_path, "bad.yaml", """
        title: Braces
        questions:
          - type: short_answer
            prompt: What does {@x} mean here?
            answer: A mark.
        """)
    with pytest.raises(GuideError) as err:
        api.load(bad)
    assert "to print '{@' itself, write {@@}" in str(err.value)
    good = write_guide(tmp_path, "good.yaml", """
        title: Braces
        questions:
          - type: short_answer
            prompt: What does {@@}x} mean here?
            answer: A mark.
          - type: multiple_choice
            prompt: Which is a mark?
            choices: ["{@@}y}", none]
            answer: A
          - type: fill_in_blank
            prompt: The mark {@@}z} is a [[mark]].
        """)
    guide = api.load(good)
    docs = render.render(guide, theme=api.theme_for(guide))
    for mode in ("student", "key"):
        text = pypdf.PdfReader(io.BytesIO(docs[mode].pdf)).pages[0].extract_text()
        assert "{@x}" in text and "{@y}" in text and "{@z}" in text and "{@@}" not in text, (mode, text)


QUOTED = """\
    title: Land
    language: {language}
    reading:
      text: |
        The freedpeople wanted land. {{@land}}"Give us our own land," one leader said, "and we will feed ourselves."{{@/land}}
        Others said {{@fr}}« Tournez à gauche ! » to the visitors.{{@/fr}}
    questions:
      - type: short_answer
        prompt: What did the leader ask for in {{@land}}?
        answer: Land of their own.
      - type: short_answer
        prompt: What was said in {{@fr}}?
        answer: Directions.
    """


@pytest.mark.parametrize("language, expected", [
    ("en", "“‘Give us our own land,’ one leader said, ‘and we will feed ourselves.’”"),
    ("fr", "« “Give us our own land,” one leader said, “and we will feed ourselves.” »"),
    ("de", "„‚Give us our own land,‘ one leader said, ‚and we will feed ourselves.‘“")])
def test_a_quotation_inside_a_cited_span_takes_the_inner_quotation_marks(tmp_path, language, expected):
    """Trial r6: a quiz printed a span that starts with what someone said as “"Give us our own land," one
    leader said…”, a double mark against a double mark. Inside the excerpt's quotation marks the marks of
    the guide's language for a quotation in a quotation print: ‘ ’ in English, “ ” in French, ‚ ‘ in German."""
    from studyguide.classroom import SetOptions, build_set

    path = write_guide(tmp_path / "guides", "land.yaml", QUOTED.format(language=language))
    outputs = build_set(path, tmp_path / "out", None, SetOptions(format="quiz")).outputs
    for output in outputs[:2]:
        text = _norm(" ".join(p.extract_text() for p in pypdf.PdfReader(output.path).pages).replace("\u00a0", " "))
        assert expected in text, text
        assert '"' not in text
    if language == "fr":  # French guillemets in the span: “ ” inside, without the guillemets' spaces
        assert "« “Tournez à gauche !” to the visitors. »" in text
