"""Pagination a teacher can rely on: handout and key in step, questions whole,
no orphaned headings, margins kept, the vocabulary header repeated."""
from __future__ import annotations

import re

import pytest

from conftest import built_from, guide_params, made_once_in, norm
from studyguide import api
from studyguide.labels import for_language
from studyguide.inline import plain
from studyguide.model import MultipleChoice, SelectAll

EDGE = 36.0  # 0.5 in


def T(text):
    return norm(plain(text))


def stress_yaml() -> str:
    """Questions whose key-only parts (explanations, long model answers, alternates) are much
    taller than anything in the handout, so any drift between the two documents shows."""
    long = "This explanation is only in the key and runs on for a while to take up room. " * 6
    out = ["title: Stress test for pagination", "subject: Testing", "questions:"]
    for i in range(1, 31):
        kind = ("multiple_choice", "short_answer", "fill_in_blank", "true_false", "select_all", "essay")[i % 6]
        out.append(f"  - type: {kind}")
        if kind == "fill_in_blank":
            out.append(f'    prompt: "Question {i} asks for [[a word|another word|a third]] and [[one more]]."')
        else:
            out.append(f"    prompt: Question {i} asks something that needs a careful answer.")
        if kind in ("multiple_choice", "select_all"):
            out.append("    choices: [First choice, Second choice, Third choice, Fourth choice]")
            out.append("    answer: B" if kind == "multiple_choice" else "    answer: [A, C]")
        if kind == "true_false":
            out.append("    answer: true")
        if kind in ("short_answer", "essay"):
            out.append("    lines: 1" if kind == "short_answer" else "    lines: 2")
            out.append(f"    answer: {'A model answer far longer than its one line. ' * (4 + i % 5)}")
        out.append(f"    points: {i % 4 + 1}")
        out.append(f"    explanation: {long[: 80 * (1 + i % 6)]}")
    return "\n".join(out) + "\n"


@pytest.fixture(scope="module")
def stress(tmp_path_factory):
    """(built by one xdist worker of the run, read by both: conftest.made_once_in)"""
    def make(folder):
        (folder / "stress.yaml").write_text(stress_yaml(), encoding="utf-8")
        return api.build(folder / "stress.yaml", folder / "out")
    folder, result = made_once_in(tmp_path_factory, f"test_layout.stress {stress_yaml()!r}", make)
    return built_from(folder / "stress.yaml", result)


def test_stress_key_stays_in_step_with_handout(stress):
    s, k = stress.result.outputs
    assert len(s.question_pages) == 30
    assert s.question_pages == k.question_pages
    # every key-only explanation is there: by its question where it costs the handout nothing, the rest on
    # the key's own pages after the handout's end, each naming its question and the page it is on
    assert stress.key.text.count("Why: ") == 30
    assert "Why: " not in stress.student.text and "Notes on the Answers" not in stress.student.text
    assert s.pages >= 4 and k.pages > s.pages
    key = " ".join(stress.key.pages[s.pages - 1:])  # they start under the handout's last line, or after it
    after = key[key.index("Notes on the Answers"):]
    sent = re.findall(r"(\d+)\. \(page (\d+)\) ", after)
    assert len(sent) >= 20 and after.count("Why: ") == len(sent)
    assert all(int(page) == s.question_pages[int(n) - 1] for n, page in sent)


def check_questions_whole(built):
    pages = built.outputs["student"].question_pages
    for n, (q, page) in enumerate(zip(built.guide.questions, pages), 1):
        for pdf in (built.student, built.key):
            text = pdf.pages[page - 1]
            if isinstance(q, (MultipleChoice, SelectAll)):
                for choice in q.choices:
                    assert T(choice) in text, f"question {n}: choice {choice!r} not on page {page} with its prompt"


@pytest.mark.parametrize("guide_path", guide_params())
def test_choices_on_the_page_of_their_question(built):
    check_questions_whole(built)


def test_stress_choices_on_the_page_of_their_question(stress):
    check_questions_whole(stress)


def check_no_orphan_heading(built):
    g = built.guide
    headings = {T(g.headings.get(k) or for_language(g.language, g.labels)[k]) for k in ("summary", "objectives", "topics", "perspectives", "chart",
                                           "takeaways", "vocabulary", "questions")}
    for pdf in (built.student, built.key):
        for number, lines in enumerate(pdf.lines, 1):
            body = lines[:-1]  # the last line is the footer
            assert body, f"{pdf.path.name} page {number} is empty"
            assert norm(body[-1]) not in headings, f"{pdf.path.name} page {number} ends with a heading"


@pytest.mark.parametrize("guide_path", guide_params())
def test_no_heading_alone_at_the_foot_of_a_page(built):
    check_no_orphan_heading(built)


def test_stress_no_heading_alone(stress):
    check_no_orphan_heading(stress)


@pytest.mark.parametrize("guide_path", guide_params())
def test_text_keeps_half_an_inch_from_the_edges(built):
    for pdf in (built.student, built.key):
        for number, page in enumerate(pdf.reader.pages, 1):
            width, height = float(page.mediabox.width), float(page.mediabox.height)
            spots = []

            def visit(text, cm, tm, font_dict, size, spots=spots):
                if text.strip():
                    x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                    y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                    spots.append((x, y, size, text))

            page.extract_text(visitor_text=visit)
            assert spots
            for x, y, size, text in spots:
                assert EDGE - 0.01 <= x <= width - EDGE, f"{pdf.path.name} p{number}: {text[:30]!r} at x={x}"
                assert EDGE - 0.01 <= y and y + size <= height - EDGE, f"{pdf.path.name} p{number}: {text[:30]!r} at y={y}"


@pytest.mark.parametrize("guide_path", guide_params())
def test_vocabulary_header_repeats_on_each_page(built):
    g = built.guide
    if not g.vocabulary:
        pytest.skip("no vocabulary")
    for pdf in (built.student, built.key):
        # (the vocabulary table's pages: before the matching activity, whose terms print as lines of their own too)
        # (and before the questions, whose word banks may list terms too, one alone on a line)
        end = next((i for i, lines in enumerate(pdf.lines) if "Vocabulary Matching" in map(norm, lines)), len(pdf.lines))
        pages = []
        for lines in pdf.lines[:end]:
            lines = [norm(ln) for ln in lines]
            pages.append(lines[:lines.index("Questions")] if "Questions" in lines else lines)
            if "Questions" in lines:
                break
        term_pages = sorted({i for i, lines in enumerate(pages) for t in g.vocabulary if T(t.term) in lines})
        for i in term_pages:
            lines = pages[i]
            first_term = min(lines.index(T(t.term)) for t in g.vocabulary if T(t.term) in lines)
            assert lines[first_term - 2:first_term] == ["Term", "Meaning"], (
                f"{pdf.path.name} page {i + 1}: vocabulary rows without the header above them")


@pytest.mark.parametrize("guide_path", guide_params())
def test_benefits_and_criticisms_side_by_side(built):
    g = built.guide
    if not (g.benefits and g.criticisms):
        pytest.skip("no two-column chart")
    words = for_language(g.language, g.labels)
    head = f"{T(g.headings.get('benefits') or words['benefits'])} {T(g.headings.get('criticisms') or words['criticisms'])}"
    first_rows = f"{T(g.benefits[0].point)}"
    for pdf in (built.student, built.key):
        text = pdf.text
        assert head in text
        # the first row follows the two column heads: a benefit, then its criticism neighbour
        after = text[text.index(head) + len(head):]
        assert after.lstrip().startswith(first_rows)
        assert T(g.criticisms[0].point) in after[: 400]


def test_an_interrupt_inside_a_kept_together_block_stays_an_interrupt():
    """reportlab 4.0.x cached ``annotateException`` on the first KeepTogether only: a TERM signal that
    landed inside a later block's wrap became an AttributeError, reported as an internal error instead
    of a clean stop (CI's oldest-reportlab run caught it once). Run on both ends of the bounds by .ci/run."""
    import io

    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import Flowable, KeepTogether

    from studyguide import interrupts
    from studyguide._reportlab import Together

    class Struck(Flowable):
        def wrap(self, aW, aH):
            raise interrupts.Interrupted(15)

    KeepTogether([])  # (the first one made; the next ones lacked the method)
    with pytest.raises(interrupts.Interrupted) as caught:
        Together([Struck()]).wrapOn(Canvas(io.BytesIO()), 100, 100)
    assert caught.value.exit_code in (143, 130)
