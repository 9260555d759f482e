"""A poem as a reading (`reading: form: verse`): printed as an anthology prints it, and cited by its own lines.

Every test reads the PDF back: each printed row's text and position, the line numbers in the margin
and the row each sits on, the gap between stanzas, the citations ("lines 17–20") in the handout, the
key, large print, half-letter, A4 and a quiz, where the source line lands, and the messages a wrong
value gets. A trial's poem printed as six prose paragraphs, its "line numbers" counting printed
lines: `{@house}` said lines 9–10, 16–19 or 14–17 by edition, where the poem's lines are 17–20.
"""
from __future__ import annotations

import io
import re

import pypdf
import pytest

from conftest import write_guide
from studyguide import api, formats
from studyguide.errors import GuideError

POEM = """\
{@stop}Because I could not stop for Death –
He kindly stopped for me –{@/stop}
The Carriage held but just Ourselves –
And Immortality.

We slowly drove – He knew no haste
And I had put away
{@labor}My labor and my leisure too,
For His Civility –{@/labor}

We passed the School, where Children strove
At Recess – in the Ring –
We passed the Fields of Gazing Grain –
We passed the Setting Sun –

Or rather – He passed Us –
The Dews drew quivering and chill –
For only Gossamer, my Gown –
My Tippet – only Tulle –

{@house}We paused before a House that seemed
A Swelling of the Ground –
The Roof was scarcely visible –
The Cornice – in the Ground –{@/house}

Since then – 'tis Centuries – and yet
Feels shorter than the Day
I first surmised the Horses' Heads
Were toward Eternity –
"""
LINES = [re.sub(r"\{@/?\w+\}", "", line) for line in POEM.splitlines() if line]


def guide_text(poem: str = POEM, form: str = "verse", extra: str = "", summary: int = 60, place: str = "start") -> str:
    body = "\n".join("    " + line if line else "" for line in poem.splitlines())
    return f"""\
title: Because I could not stop for Death
summary: |
  {'A summary. ' * summary}
reading:
  title: The Poem
  place: {place}
  form: {form}
  source: Public domain. Dashes and capitals are Dickinson's.
  text: |
{body}
questions:
  - type: multiple_choice
    prompt: In {{@stop}}, Death is presented as
    choices: [a monster, a gentleman caller, a judge]
    answer: B
  - type: true_false
    prompt: In {{@labor}}, she gives up her work and her free time.
    answer: true
  - type: short_answer
    prompt: What is the "House" in {{@house}}? Quote two words that tell you.
    answer: Her grave, as {{@house}} shows.
{extra}"""


def _rows(pdf: bytes) -> list[tuple[int, float, float, str]]:
    """Every piece of text: (page, baseline, left edge, text)."""
    out = []
    for n, page in enumerate(pypdf.PdfReader(io.BytesIO(pdf)).pages, 1):
        def visit(text, cm, tm, font, size, n=n):
            if text.strip():
                out.append((n, round(tm[5] * cm[3] + cm[5], 1), round(tm[4] * cm[0] + cm[4], 1), text.strip()))
        page.extract_text(visitor_text=visit)
    return out


def poem_rows(pdf: bytes, first: str = LINES[0]):
    """The poem as printed: [(page, baseline, left, text)] from its first line to its last row before
    the source line, and the numbers in its left margin: [(page, baseline, number)]."""
    rows = _rows(pdf)
    start = next(i for i, r in enumerate(rows) if r[3].startswith(first))
    left = rows[start][2]
    end = next(i for i, r in enumerate(rows) if i > start and r[3].startswith("Public domain"))
    body = [r for r in rows[start:end] if r[2] >= left - 0.5 and not re.fullmatch(r"[\d, ]+", r[3])]
    numbers = [(p, y, int(t)) for p, y, x, t in rows[start - 3:end] if x < left - 0.5 and t.isdigit()]
    return body, numbers, rows[end]


def poem_lines(body) -> list[tuple[int, float, str]]:
    """The printed rows as the poem's lines: a row indented further in (a turned-over line) joins the
    line above it. [(page, baseline of its first row, text)]"""
    left, out = min(x for _, _, x, _ in body), []
    for page, y, x, text in body:
        if x > left + 1:
            out[-1] = (out[-1][0], out[-1][1], out[-1][2] + " " + text)
        else:
            out.append((page, y, text))
    return out


def _lines_cited(pdf: bytes) -> list[str]:
    text = " ".join(" ".join(p.extract_text().split()) for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    return re.findall(r"[Ll]ines? \d+(?:–\d+)?", text)


@pytest.fixture(scope="module")
def poem(tmp_path_factory):
    return api.load(write_guide(tmp_path_factory.mktemp("g") / "guides", "poem.yaml", guide_text()))


EDITIONS = [("letter", None, None), ("letter", "large-print", None), ("half-letter", None, None), ("a4", None, None),
            ("letter", None, "compact"), ("letter", "readable", None)]


@pytest.mark.parametrize("paper,edition,theme", EDITIONS)
def test_each_typed_line_prints_as_a_line_numbered_as_the_poem(poem, paper, edition, theme):
    out, _ = api.render_guide(poem, paper, theme=api.theme_for(poem, theme, edition))
    for mode in ("student", "key"):
        body, numbers, _ = poem_rows(out[mode].pdf)
        lines = poem_lines(body)
        assert [t for _, _, t in lines] == LINES  # each line a line, none joined (a long one turned over)
        if edition != "large-print":
            assert len(body) == len(LINES)  # none turned over
        assert not any(re.fullmatch(r"\[\d+\]", r[3]) for r in _rows(out[mode].pdf))  # no paragraph numbers
        assert [n for _, _, n in numbers] == [5, 10, 15, 20]  # the poem's every fifth line
        for page, y, n in numbers:  # each beside the first row of the poem's line n
            assert (page, pytest.approx(y, abs=0.3)) == lines[n - 1][:2], n
        # the citations name the poem's lines, in every edition alike
        assert _lines_cited(out[mode].pdf)[:3] == ["lines 1–2", "lines 7–8", "lines 17–20"]
    assert _lines_cited(out["key"].pdf)[3] == "lines 17–20"  # (the answer's citation, the key's alone)


def test_stanzas_are_a_blank_line_apart_and_the_lines_flush_left(poem):
    out, _ = api.render_guide(poem, "letter")
    body, _, _ = poem_rows(out["student"].pdf)
    assert len({x for _, _, x, _ in body}) == 1
    same_page = [(a, b) for a, b in zip(body, body[1:]) if a[0] == b[0]]
    step = body[0][1] - body[1][1]
    for i, (a, b) in enumerate(zip(body, body[1:])):
        if a[0] != b[0]:
            continue
        gap = a[1] - b[1]
        assert gap == pytest.approx(2 * step if (i + 1) % 4 == 0 else step, abs=0.2), (i, gap)
    assert same_page


def test_a_prose_reading_still_joins_its_lines_and_counts_printed_lines(tmp_path):
    guide = api.load(write_guide(tmp_path / "guides", "prose.yaml", guide_text(form="prose")))
    out, _ = api.render_guide(guide, "letter")
    rows = _rows(out["student"].pdf)
    assert any(r[3] == "[1]" for r in rows)
    assert _lines_cited(out["student"].pdf)[:3] != ["lines 1–2", "lines 7–8", "lines 17–20"]


def test_a_long_line_turns_over_indented_and_is_not_counted(tmp_path):
    long = ("We passed the School, where Children strove at Recess in the Ring, and passed the Fields of "
            "Gazing Grain, and the Setting Sun, and more")
    poem = POEM.replace("We passed the School, where Children strove", long)
    guide = api.load(write_guide(tmp_path / "guides", "long.yaml", guide_text(poem)))
    for edition in (None, "large-print"):
        out, _ = api.render_guide(guide, "letter", theme=api.theme_for(guide, edition=edition))
        body, numbers, _ = poem_rows(out["student"].pdf)
        at = next(i for i, r in enumerate(body) if r[3].startswith("We passed the School"))
        start_x = body[at][2]
        turned = [r for r in body[at + 1:] if not r[3].startswith("At Recess")]
        turned = body[at + 1:body.index(next(r for r in body if r[3].startswith("At Recess")))]
        assert turned and all(x > start_x + 10 for _, _, x, _ in turned)  # indented further in
        assert " ".join(t for _, _, _, t in [body[at]] + turned) == long
        assert [n for _, _, n in numbers] == [5, 10, 15, 20]
        ten = next((p, y) for p, y, n in numbers if n == 10)
        assert any((p, round(y)) == (ten[0], round(yy)) and t.startswith("At Recess")
                   for p, yy, _, t in body for (p, y) in [ten])  # line 10 is still "At Recess…"
        assert _lines_cited(out["student"].pdf)[2] == "lines 17–20"


def _stanzas(count: int) -> str:
    return "\n".join(f"Stanza {s} opens here and rhymes,\nIts second line goes on,\nIts third line comes in "
                     f"time,\nIts fourth line, {s}, is gone.\n" for s in range(1, count + 1))


@pytest.mark.parametrize("paper,edition,theme", EDITIONS)
def test_no_page_leaves_one_line_of_a_stanza_alone_and_the_source_keeps_the_last_lines(tmp_path, paper, edition, theme):
    """A long poem of quatrains, with stanzas of two and three lines between, across pages: every page
    break inside a stanza leaves two lines or more on each side, and the source line prints on the
    page of the poem's last line."""
    poem = _stanzas(30).replace("Its third line comes in time,\nIts fourth line, 7, is gone.\n",
                                "Its third line comes in time.\n\nA couplet of two lines,\nand here its end.\n")
    guide = api.load(write_guide(tmp_path / "guides", "long.yaml", guide_text(poem).replace(
        "{@stop}", "").replace("{@labor}", "").replace("{@house}", "")))
    typed = [line for line in poem.splitlines()]
    out, _ = api.render_guide(guide, paper, theme=api.theme_for(guide, theme, edition))
    body, numbers, source = poem_rows(out["student"].pdf, "Stanza 1 opens")
    assert [t for _, _, _, t in body] == [t for t in typed if t]
    assert len({p for p, _, _, _ in body}) >= 2
    stanza, at = [], 0
    for line in typed:
        if line:
            stanza.append(body[at][0])
            at += 1
        elif stanza:
            for page in set(stanza):
                assert stanza.count(page) >= min(2, len(stanza)), (stanza, typed[at - len(stanza)])
            assert len(set(stanza)) == 1 or len(stanza) >= 4
            stanza = []
    assert source[0] == body[-1][0]  # the source line under the poem's last lines


def test_a_prose_readings_source_line_is_not_left_alone_at_a_pages_top(tmp_path):
    """The trial's large print: the source line opened page 3 alone. With this summary before the reading
    (place: questions) the old layout left it alone at the top of page 2 (standard) and 4 (large print);
    now the paragraph's last two lines go over with it, and nothing else moves."""
    guide = api.load(write_guide(tmp_path / "guides", "prose.yaml", guide_text(form="prose", summary=155,
                                                                                place="questions")))
    for paper, edition, theme in [("letter", None, None), ("letter", "large-print", None)]:
        out, _ = api.render_guide(guide, paper, theme=api.theme_for(guide, theme, edition))
        rows = _rows(out["student"].pdf)
        source = next(r for r in rows if r[3].startswith("Public domain"))
        last = [r for r in rows if r[2] > 60 and r[1] > 60 and r[0] == source[0] and rows.index(r) < rows.index(source)]
        assert source[0] > 1 and len(last) == 2 and last[-1][3].endswith("toward Eternity –"), (edition, last)
        assert last[0][1] - last[1][1] < last[1][1] - source[1] < 2.5 * (last[0][1] - last[1][1])  # just under them


@pytest.mark.parametrize("edition", [None, "large-print"])
def test_a_poems_source_line_keeps_its_last_lines(tmp_path, edition):
    """Wherever the poem falls on the page (a longer or shorter summary before it), its source line prints
    under its last line, on the same page, with two lines of the stanza or more."""
    moved = 0
    for summary in range(100, 320, 20):
        guide = api.load(write_guide(tmp_path / str(summary), "p.yaml", guide_text(summary=summary, place="questions")))
        out, _ = api.render_guide(guide, "letter", theme=api.theme_for(guide, edition=edition))
        body, _, source = poem_rows(out["student"].pdf)
        lines = poem_lines(body)
        assert source[0] == lines[-1][0], summary
        on_page = [line for line in lines if line[0] == source[0]]
        assert len(on_page) >= 2
        moved += lines[0][0] != source[0]
    assert moved


def test_the_quiz_prints_the_cited_lines_with_slashes(poem):
    quiz = formats.prepare(poem, "quiz")
    out, _ = api.render_guide(quiz, "letter")
    text = " ".join(" ".join(p.extract_text().split()) for p in pypdf.PdfReader(io.BytesIO(out["student"].pdf)).pages)
    assert "Lines 17–20: “We paused before a House that seemed / A Swelling of the Ground – / The Roof was " \
           "scarcely visible – / The Cornice – in the Ground –”" in text
    assert "In lines 1–2, Death is presented as" in text


def test_a_span_across_stanzas_is_quoted_with_a_double_slash(tmp_path):
    poem = POEM.replace("The Cornice – in the Ground –{@/house}", "The Cornice – in the Ground –").replace(
        "Since then – 'tis Centuries – and yet", "Since then – 'tis Centuries – and yet{@/house}")
    guide = api.load(write_guide(tmp_path / "guides", "p.yaml", guide_text(poem)))
    out, _ = api.render_guide(formats.prepare(guide, "quiz"), "letter")
    text = " ".join(" ".join(p.extract_text().split()) for p in pypdf.PdfReader(io.BytesIO(out["student"].pdf)).pages)
    assert "Lines 17–21: “We paused" in text and "in the Ground – // Since then – 'tis Centuries – and yet”" in text


def test_the_exports_cite_the_poems_lines(poem):
    cited = api.cited_as_printed(poem)
    assert cited.questions[2].prompt == 'What is the "House" in lines 17–20? Quote two words that tell you.'
    assert cited.questions[2].answer == "Her grave, as lines 17–20 shows."


def _problems(tmp_path, text):
    path = write_guide(tmp_path / "guides", "bad.yaml", text)
    with pytest.raises(GuideError) as info:
        api.load(path)
    return path, [str(p) for p in info.value.problems]


def test_a_wrong_form_is_located_with_the_fix(tmp_path):
    path, problems = _problems(tmp_path, guide_text(form="poem"))
    assert problems == [f"{path}:7:9: reading.form: 'poem' is not a form of reading (write 'form: verse' for a poem "
                        "or a song, each typed line printed as a line and numbered as the poem's own, or leave "
                        "'form:' out for prose, its lines joined into paragraphs)"]


def test_a_paragraph_citation_of_a_poem_is_located_with_the_fix(tmp_path):
    path, problems = _problems(tmp_path, guide_text().replace('"House" in {@house}', '"House" in {@house:paragraph}'))
    line = guide_text().splitlines().index('    prompt: What is the "House" in {@house}? Quote two words that tell you.') + 1
    assert problems == [f"{path}:{line}:36: '{{@house:paragraph}}' cites a paragraph, but the reading is a poem "
                        "('form: verse'), numbered by its lines: write {@house}, which prints the poem's lines "
                        "('lines 17–20')"]


def test_a_poem_typed_as_prose_gets_a_warning_that_names_form_verse(tmp_path):
    text = guide_text().replace("  form: verse\n", "")
    path = write_guide(tmp_path / "guides", "p.yaml", text)
    warnings = [str(w) for w in api.load(path).warnings]
    assert warnings == [f"{path}:8:9: warning: reading.text: its 24 lines are short and broken where the next word "
                        "would have fit, as a poem's are, but a reading prints its lines joined into paragraphs; if "
                        "it is a poem or a song, write 'form: verse' under 'reading:' (each line then prints as typed, "
                        "numbered as the poem's own lines); if it is prose, write 'form: prose' and this note goes"]
    assert not api.load(write_guide(tmp_path / "g2", "p.yaml", guide_text(form="prose"))).warnings


@pytest.mark.parametrize("width", [35, 45, 55, 65])
def test_prose_typed_with_line_breaks_gets_no_such_warning(tmp_path, width):
    """Prose wrapped at a width (pasted from a page or an editor) breaks where the next word would not fit."""
    import textwrap

    words = ("For forty years, Main Street carried cars, delivery trucks and buses through the middle of town. "
             "In the spring the council asked whether the street could do something else. ") * 3
    text = textwrap.fill(words, width) + "\n\n" + textwrap.fill(words[::-1].title(), width)
    guide = guide_text(text, "x").replace("  form: x\n", "").split("questions:")[0] + "questions:\n  - type: essay\n" \
        "    prompt: Why?\n"
    assert not api.load(write_guide(tmp_path / "guides", "p.yaml", guide)).warnings


SONNET = """\
Shall I compare thee to a summer's day?
Thou art more lovely and more temperate:
Rough winds do shake the darling buds of May,
And summer's lease hath all too short a date;
Sometime too hot the eye of heaven shines,
And often is his gold complexion dimm'd;
And every fair from fair sometime declin'd,
By chance or nature's changing course untrimm'd;
But thy eternal summer shall not fade,
Nor lose possession of that fair thou ow'st;
Nor shall death brag thou wander'st in his shade,
When in eternal lines to time thou grow'st:
    So long as men can breathe or eyes can see,
    So long lives this, and this gives life to thee.
"""


@pytest.mark.parametrize("edition", [None, "large-print"])
def test_a_line_typed_further_in_prints_further_in(tmp_path, edition):
    """The sonnet's couplet, typed four spaces in, prints two ems in (half an em a space), is counted as
    lines 13 and 14, and the line number 10 is beside line 10."""
    text = guide_text(SONNET).replace("{@stop}", "").replace("{@labor}", "").replace("{@house}", "")
    guide = api.load(write_guide(tmp_path / "guides", "s.yaml", text))
    out, _ = api.render_guide(guide, "letter", theme=api.theme_for(guide, edition=edition))
    rows = _rows(out["student"].pdf)
    start = next(i for i, r in enumerate(rows) if r[3].startswith("Shall I compare"))
    body = rows[start:start + 40]
    left = body[0][2]
    couplet = [r for r in body if r[3].startswith("So long")]
    assert [r[3] for r in couplet] == ["So long as men can breathe or eyes can see,",
                                       "So long lives this, and this gives life to thee."] or edition
    if edition:  # (large print turns them over, further in again)
        turned = rows[rows.index(couplet[0]) + 1]
        assert "So long as men can breathe or eyes can see,".endswith(turned[3]) and turned[2] > couplet[0][2] + 10
    size = 18 if edition else 10.5
    assert all(r[2] - left == pytest.approx(2 * size, abs=0.5) for r in couplet)
    ten = next(r for r in rows[start - 3:start + 40] if r[3] == "10" and r[2] < left)
    assert any(abs(r[1] - ten[1]) < 0.3 and r[3].startswith("Nor lose possession") for r in body)


def test_a_list_of_steps_typed_one_a_line_gets_no_poem_hint(tmp_path):
    """Seven steps typed one a line, no final stops, were told "its 7 lines are short ... write 'form: verse'"
    (review2 L5); numbered or labelled lines are a list. The sonnet typed as prose is still told."""
    steps = "\n".join(f"Step {n}: {what}" for n, what in enumerate(
        ["open the box", "take out the beaker", "fill it with water", "light the burner", "set the beaker on it",
         "wait for the boil", "write down the time"], 1))
    for text in (steps, steps.replace("Step ", "").replace(":", ".")):
        guide = guide_text(text, "x").replace("  form: x\n", "").split("questions:")[0] + \
            "questions:\n  - type: essay\n    prompt: Why?\n"
        assert not api.load(write_guide(tmp_path / "guides", "p.yaml", guide)).warnings, text
    sonnet = guide_text(SONNET, "x").replace("  form: x\n", "").split("questions:")[0] + \
        "questions:\n  - type: essay\n    prompt: Why?\n"
    assert [str(w).split("warning: ")[1][:30] for w in api.load(write_guide(tmp_path / "s", "p.yaml", sonnet)).warnings] \
        == ["reading.text: its 14 lines are"]
