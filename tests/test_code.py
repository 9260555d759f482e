"""Code in a guide prints as code (print trial r11, a CS teacher's guide): `code` in backticks in DejaVu Sans Mono,
its spaces kept and no backticks printed; a program between ``` lines line by line, its indentation exact and its
levels evenly apart; a verse reading's indents evenly apart in large print. Read back from the PDFs."""
from __future__ import annotations

import functools
import io
from pathlib import Path

import pypdf
import pytest

from conftest import CASES, write_guide
from studyguide import api, render

CS = CASES / "trial" / "cs-python-loops.yaml"


def runs(pdf: bytes) -> list[tuple[int, str, float, str]]:
    """Every run of text drawn: (page, text, left edge, font's name)."""
    out = []
    for n, page in enumerate(pypdf.PdfReader(io.BytesIO(pdf)).pages, 1):
        def seen(text, cm, tm, font, size, n=n):
            if text.strip():
                name = str(font.get("/BaseFont", "")) if font else ""
                out.append((n, text, tm[4] * cm[0] + cm[4], name))
        page.extract_text(visitor_text=seen)
    return out


def built(path, edition=None, paper=None, kind="student"):
    """The handout's or the key's PDF of the guide in the classic look. One layout draws both, and several tests
    read the same guide's pages (the CS trial's, in each edition): each file's text is laid out once, keyed by
    its bytes as well as its name (no test here patches the layout)."""
    return _drawn(Path(path), Path(path).read_bytes(), edition, paper)[kind].pdf


@functools.lru_cache(maxsize=16)
def _drawn(path, data, edition, paper):
    guide = api.load(path)  # (data: the key only)
    return render.render(guide, paper=paper, theme=api.theme_for(guide, "classic", edition))


@pytest.mark.parametrize("kind", ["student", "key"])
def test_backticked_code_prints_in_the_monospace_font_without_its_backticks(tmp_path, kind):
    guide = write_guide(tmp_path, "g.yaml", """
        title: Code
        questions:
          - type: true_false
            prompt: "`17 // 5` evaluates to 3, and `x  = 1` keeps **both `=` spaces**; a lone ` stays."
            answer: true
        """)
    drawn = runs(built(guide, kind=kind))
    text = "".join(t for _, t, _, _ in drawn)
    assert "`17" not in text and "5`" not in text and "a lone ` stays" in text
    mono = "".join(t for _, t, _, f in drawn if "Mono" in f)
    assert "17\u00a0//\u00a05" in mono or "17 // 5" in mono.replace("\u00a0", " "), mono
    assert "x  = 1" in mono.replace("\u00a0", " ")  # (two spaces: as typed)
    assert any("Mono-Bold" in f for _, t, _, f in drawn if t.strip() == "="), drawn  # bold around code


def _listing(drawn, first: str, count: int) -> list[tuple[str, float]]:
    at = next(i for i, (_, t, _, _) in enumerate(drawn) if t.strip().startswith(first))
    return [(t.strip(), x) for _, t, x, f in drawn[at:at + count] if "Mono" in f]


@pytest.mark.parametrize("edition", [None, "large-print"])
def test_a_fenced_program_in_a_prompt_prints_line_by_line_its_levels_evenly_apart(edition):
    """Trial finding 1: the program was one line, "total = 0 for n in [3, 5, 7]: if n % 2 == 1: ..."."""
    for kind in ("student", "key"):
        rows = _listing(runs(built(CS, edition, kind=kind)), "total = 0", 5)
        assert [t for t, _ in rows] == ["total = 0", "for n in [3, 5, 7]:", "if n % 2 == 1:",
                                        "total = total + n", "print(total)"], rows
        x = [x for _, x in rows]
        step = x[2] - x[1]
        size = 18 if edition else 10.5
        assert step > 0.9 * 4 * 0.6 * 0.9 * size  # (four monospace spaces of the code's type)
        assert abs((x[3] - x[2]) - step) < 0.01 and x[0] == x[1] == x[4], x
    text = pypdf.PdfReader(io.BytesIO(built(CS))).pages[2].extract_text()
    assert "```" not in text and "total = 0 for n" not in text


def test_a_long_program_line_turns_over_after_a_mark():
    drawn = runs(built(CS, paper="a5"))
    rows = _listing(drawn, "for name in []", 4)
    assert rows[2][0].startswith("\u21aa"), rows  # the turned-over row starts with ↪ …
    assert rows[2][1] == rows[1][1]  # … as far in as its line
    assert "".join(t for t, _ in rows[1:]).replace("\u21aa", "").replace(" ", "") == \
        'print("Hello,",name,"-thislineislongenoughtoturnoveronaquartersheet")'


def test_verse_indents_stay_evenly_apart_in_large_print():
    """Trial finding 2: a program typed as a verse reading had its 4-space levels 4 px and 8 px apart."""
    drawn = runs(built(CS, "large-print"))
    starts = ["for current_score in", "if current_score >=", "number_of_passing_scores +=", "elif", "else:"]
    x = {s: next(x for _, t, x, _ in drawn if t.strip().startswith(s)) for s in starts}
    level = x["if current_score >="] - x["for current_score in"]
    assert level > 6, x
    assert abs(x["number_of_passing_scores +="] - x["if current_score >="] - level) < 0.5, x
    assert abs(x["elif"] - x["if current_score >="]) < 0.5 and abs(x["else:"] - x["elif"]) < 0.5, x


def test_a_verse_page_never_breaks_after_a_line_ending_with_a_colon():
    """Trial finding 2: large print ended page 1 with the listing's 'else:', its body on page 2."""
    lines = [" ".join(line.split()) for line in api.load(CS).reading.paragraphs]
    drawn = runs(built(CS, "large-print"))
    pages = {p for p, _, _, _ in drawn}
    last = {}
    for page, text, _, _ in drawn:
        if any(line.startswith(text.strip()) and len(text.strip()) > 3 for line in lines):
            last[page] = text.strip()
    assert len(last) >= 2 and pages, last  # (the listing runs over two pages)
    assert not any(t.endswith(":") for t in last.values()), last


def test_milton_in_large_print_keeps_its_indents_in_proportion():
    """The verse bug under finding 2: Milton's 2- and 8-space indents printed 9 pt and 18 pt in (not 1:4)."""
    from test_verse_indents import _typed_and_turned, runs as verse_runs
    guide = api.load(CASES / "verse" / "milton-indents.yaml")
    lines = [" ".join(line.split()) for line in guide.reading.paragraphs[:44]]
    pdf = render.render(guide, paper="letter", theme=api.theme_for(guide, "classic", "large-print"))["student"].pdf
    typed, _ = _typed_and_turned(verse_runs(pdf), lines)
    levels = sorted({round(x - min(typed), 1) for x in typed})
    assert len(levels) == 3 and abs(levels[2] / levels[1] - 4) < 0.1, levels


def test_moodle_gets_a_program_as_pre_code_and_backticks_as_code():
    from studyguide.export import moodle
    xml = moodle.export(api.load(CS))[0][0][1].decode()
    assert "<pre><code>total = 0&#10;for n in [3, 5, 7]:&#10;    if n % 2 == 1:&#10;        total = total + n" in xml
    assert "<p><code>17 // 5</code> evaluates to 3.4.</p>" in xml and "SGMono" not in xml


@pytest.mark.parametrize("kind", ["student", "key"])
def test_ordering_lines_of_a_program_keep_their_indentation(kind):
    """Trial finding 3: '    print(number)' printed flush with 'while number <= 10:'."""
    drawn = runs(built(CS, kind=kind))
    lead = {t.strip(): len(t) - len(t.lstrip()) for _, t, _, f in drawn if "Mono" in f and t.strip() in
            ("number = 2", "while number <= 10:", "print(number)", "number = number + 2")}
    # (drawn in the monospace font, so each space typed before a line is a letter's width in)
    assert lead == {"number = 2": 0, "while number <= 10:": 0, "print(number)": 4, "number = number + 2": 4}, lead


def test_a_short_answer_whose_model_answer_is_code_asks_for_code():
    """Trial finding 8: Q9 (model answer 'for i in range(10, 0, -1):') asked for complete sentences."""
    text = " ".join(pypdf.PdfReader(io.BytesIO(built(CS))).pages[3].extract_text().split())
    assert "using range(). Write the code on the lines." in text and "complete sentences" not in text
