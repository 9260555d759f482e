"""A long footer in large print on A4 (the title, the guide's footer, the version and seed, "Teacher copy"):
the title is cut with "…" (or the footer wraps) as far as the bottom margin needs, instead of the edition being
refused; only a footer that no cut of the title brings into the margin is refused."""
from __future__ import annotations

import pypdfium2
import pytest

from conftest import write_guide
from studyguide import api
from studyguide.classroom import SetOptions, build_set
from studyguide.errors import StudyguideError
from studyguide.pages import EDGE

CIVICS = """
title: "Unit 5 Review: How the U.S. Government Works"
footer: {footer}
versions: 2
seed: spring term
labels:
  answer_key: TEACHER COPY
questions:
  - type: short_answer
    prompt: Name the three branches of government.
    answer: Legislative, executive, judicial.
"""


def footer_lines(pdf) -> list[tuple[str, float, float]]:
    """Each page's text below the footer's rule: (text, bottom, top) in points from the paper's foot, line by line."""
    out = []
    doc = pypdfium2.PdfDocument(str(pdf))
    for page in doc:
        text = page.get_textpage()
        rows: dict[float, list] = {}
        for k in range(text.count_chars()):
            left, bottom, right, top = text.get_charbox(k)
            if top < 72 and text.get_text_range(k, 1).strip():
                rows.setdefault(round(bottom), []).append((k, bottom, top))
        for _, chars in sorted(rows.items(), reverse=True):
            first, last = chars[0][0], chars[-1][0]
            out.append((text.get_text_range(first, last - first + 1), min(c[1] for c in chars),
                        max(c[2] for c in chars)))
    return out


def test_a_long_large_print_footer_on_a4_is_cut_to_its_margin_not_refused(tmp_path):
    path = write_guide(tmp_path / "g", "civics.yaml", CIVICS.format(footer="Room 112"))
    result = build_set(path, tmp_path / "out", "a4", SetOptions(edition="large-print"))
    theme = api.theme_for(api.load(path), None, "large-print")
    files = {o.path.name: o.path for o in result.outputs}
    assert set(files) >= {"civics-large-print-A.pdf", "civics-large-print-A-key.pdf", "civics-large-print-B-key.pdf"}
    for name in ("civics-large-print-A.pdf", "civics-large-print-A-key.pdf"):
        lines = footer_lines(files[name])
        said = " ".join(text for text, _, _ in lines)
        assert "Room 112" in said and "Version A" in said and "Page 1 of 1" in said
        assert "Teacher copy" in said if "key" in name else "Teacher copy" not in said
        # every footer line on the paper (clear of the printer's edge) and under the body's bottom margin
        assert all(bottom >= EDGE - 4 and top <= theme.margin_bottom for _, bottom, top in lines), lines


def test_a_footer_no_cut_of_the_title_fits_is_still_refused(tmp_path):
    long = "Room 112 " + " ".join(["and the library's second floor reading room"] * 6)
    path = write_guide(tmp_path / "g", "civics.yaml", CIVICS.format(footer=f'"{long}"'))
    with pytest.raises(StudyguideError) as info:
        build_set(path, tmp_path / "out", "a4", SetOptions(edition="large-print"))
    message = str(info.value.problems[0])
    assert message.startswith(f"{path}:2:9: footer: the footer of each a4 page (the title, the footer, and 'Page 1 of 2')")
    assert "shorten the title and the footer" in message
    assert not (tmp_path / "out").exists()


LONG = """
title: "Unit 5 Review: How the U.S. Government Works and Why It Matters Today"
footer: Room 112
versions: 2
seed: spring term
questions:
  - type: multiple_choice
    prompt: Which branch makes laws?
    choices: [Legislative, Executive, Judicial]
    answer: Legislative
""" + "".join(f"""  - type: short_answer
    prompt: "Question {n}: name the three branches of government and say what each one does in a sentence."
    answer: Legislative, executive, judicial.
""" for n in range(4))


def footers(pdf, bottom: float, tiles: tuple[int, int]) -> list[list[tuple[str, float, float, float]]]:
    """Each small page's footer (one per tile of each sheet): its glyphs (char, baseline, bottom, top) in points
    from the small page's foot, found as the glyphs set below the text area's bottom (the cut lines' ✂ aside)."""
    import ctypes

    import pypdfium2.raw as raw

    out = []
    for page in pypdfium2.PdfDocument(str(pdf)):
        width, height = page.get_size()
        text, found = page.get_textpage(), {}
        for k in range(text.count_chars()):
            char = text.get_text_range(k, 1)
            x, y = ctypes.c_double(), ctypes.c_double()
            raw.FPDFText_GetCharOrigin(text, k, x, y)
            col, row = int(x.value // (width / tiles[0])), int(y.value // (height / tiles[1]))
            lift = row * height / tiles[1]
            if char.strip() and char != "\u2702" and y.value - lift < bottom:
                _, low, _, top = text.get_charbox(k)
                found.setdefault((col, row), []).append((char, y.value - lift, low - lift, top - lift))
        out += found.values() or [[]]
    return out


@pytest.mark.parametrize("theme", ["classic", "compact", "ink-saver", "modern"])
@pytest.mark.parametrize("paper, sheet, edition", [("half-letter", None, "large-print"), ("a5", None, "large-print"),
                                                   ("letter", "half", "large-print"), ("a4", "quarter", "standard"),
                                                   ("letter", None, "large-print")])
def test_every_pages_footer_is_one_line_under_the_text(tmp_path, theme, paper, sheet, edition):
    """Half-letter large-print keys wrapped "Room 112 · Answer Key · Version A · seed … · Page 1 of 8" to two
    lines, the upper one reaching the text (on half sheets over its last line): the title, then the seed (the
    answer grid prints it), then on a small page the guide's `footer:` give way, so every page's footer is one
    line between the text and the paper's edge."""
    from studyguide import sheets

    path = write_guide(tmp_path / "g", "civics.yaml", LONG)
    result = build_set(path, tmp_path / "out", paper, SetOptions(edition=edition, theme=theme, sheet=sheet))
    small = sheets.small_paper(paper, sheet) if sheet else paper
    bottom = sheets.fit(api.theme_for(api.load(path), theme, edition), small).margin_bottom
    pdfs = [o.path for o in result.outputs if not o.path.name.endswith("-grid.pdf")]
    assert len(pdfs) == 4  # A, B and their keys
    for pdf in pdfs:
        for number, glyphs in enumerate(footers(pdf, bottom, {"half": (2, 1), "quarter": (2, 2)}.get(sheet, (1, 1)))):
            said = "".join(c for c, *_ in glyphs)
            assert "Version" in said and "Page" in said and ("AnswerKey" in said) == pdf.name.endswith("-key.pdf")
            assert len({round(base, 1) for _, base, _, _ in glyphs}) == 1, (pdf.name, number, said)
            assert max(top for *_, top in glyphs) <= bottom and min(low for _, _, low, _ in glyphs) >= EDGE - 4
