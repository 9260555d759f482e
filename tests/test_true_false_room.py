"""True / False labels wider than the room on their row (review r7-2 H3, left in closing 32): German labels on
A5, in large print, stood in one row from the prompt's indent to past the right edge of the page ("Stimmt
vollkommen" at the indent, "Stimmt überhaupt nicht" off the sheet), and the key's ring round a false answer
with them. Now the words stand one under the other when their row does not fit, each wrapped to the room if it
is wider still. Read back from the PDFs: every glyph drawn in the handout and the key, on every page, lies
within the text area (the paper less the theme's margins), for several label sets, every paper, theme and
edition; and each question still shows both words. A points label wider than half the line (the review's
"(1000 Punkte — siehe Bewertungsraster auf der Rückseite)") stood left of the left margin and squeezed its
prompt to a word a line: it now goes under the prompt, wrapped to the line."""
from __future__ import annotations

import pypdfium2 as pdfium
import pytest

from conftest import write_guide
from studyguide import api, render, sheets
from studyguide.theming.styles import make_styles

LABELS = {
    "de": ("language: de\n", ("Richtig", "Falsch")),
    "wahr": ("language: de\nlabels: {'true': Wahr, 'false': Falsch}\n", ("Wahr", "Falsch")),
    "stimmt": ("language: de\nlabels: {'true': Stimmt vollkommen, 'false': Stimmt überhaupt nicht}\n",
               ("Stimmt vollkommen", "Stimmt überhaupt nicht")),
    "fr": ("language: fr\nlabels: {'true': C'est tout à fait vrai, 'false': C'est complètement faux}\n",
           ("C'est tout à fait vrai", "C'est complètement faux")),
    "pt": ("language: pt\n", ("Verdadeiro", "Falso")),
    "long": ("labels: {'true': Correct in every respect and in every detail, 'false': Not correct}\n",
             ("Correct in every respect and in every detail", "Not correct")),
    "points": ("language: de\nlabels:\n  points: ({n} Punkte — siehe Bewertungsraster auf der Rückseite)\n"
               "  point: ({n} Punkt — siehe Bewertungsraster auf der Rückseite)\n"
               "  'true': Stimmt vollkommen\n  'false': Stimmt überhaupt nicht\n",
               ("Stimmt vollkommen", "Stimmt überhaupt nicht")),
}
QUESTIONS = """questions:
  - type: true_false
    prompt: Die Sonne ist ein Stern.
    answer: true
  - type: true_false
    prompt: Der Mond ist ein Planet, der um die Erde kreist und dabei sein Licht selbst erzeugt, wie die Sonne auch.
    answer: false
    points: 12.5
    explanation: Der Mond spiegelt das Licht der Sonne.
  - type: true_false
    prompt: Wasser kocht auf Meereshöhe bei 100 °C.
    answer: false
    points: 10
"""
PAPERS = ("letter", "a4", "half-letter", "a5")
THEMES = ("classic", "compact", "modern", "ink-saver")


def _outside(pdf: bytes, margin: float) -> list[tuple[int, str, float, float]]:
    """(page, character, left, right) of each glyph drawn outside the page's text area, left or right."""
    out = []
    doc = pdfium.PdfDocument(pdf)
    for i in range(len(doc)):
        page = doc[i]
        width = page.get_size()[0]
        text = page.get_textpage()
        chars = text.get_text_range()
        for c in range(text.count_chars()):
            if chars[c].isspace():
                continue
            left, _, right, _ = text.get_charbox(c)
            if left < margin - 0.5 or right > width - margin + 0.5:
                out.append((i + 1, chars[c], round(left, 1), round(right, 1)))
    return out


def _text(pdf: bytes) -> str:
    doc = pdfium.PdfDocument(pdf)
    return " ".join(" ".join(doc[i].get_textpage().get_text_range().split()) for i in range(len(doc)))


def _themes_for(paper: str, n: int) -> tuple[str, ...]:
    """The themes the ``n``-th label set is laid out in on ``paper``: two of the four, turned by one a label set
    and by one a paper. Over the four papers every label set meets every theme, and on each paper every theme
    meets several label sets, in both editions (the labels, the paper's width and the theme's margins and sizes
    each meet every other; the whole product, 224 layouts, took twice as long)."""
    at = n + PAPERS.index(paper)
    return THEMES[at % 4], THEMES[(at + 2) % 4]


@pytest.mark.parametrize("paper", PAPERS)
def test_true_false_never_print_past_the_text_area(tmp_path, paper):
    for n, (name, (labels, words)) in enumerate(LABELS.items()):
        guide = api.load(write_guide(tmp_path, f"{name}.yaml", f"title: TF {name}\n{labels}{QUESTIONS}"))
        for theme in _themes_for(paper, n):
            for edition in (None, "large-print"):
                th = sheets.fit(api.theme_for(guide, theme, edition), paper)
                docs = render.render(guide, paper=paper, theme=th)
                for mode in ("student", "key"):
                    pdf = docs[mode].pdf
                    assert _outside(pdf, th.margin_x) == [], (name, theme, edition, mode)
                    text = _text(pdf)
                    for word in words:  # (a word wrapped to two lines reads with a space where it broke)
                        assert text.count(word) + text.count(word.replace(" ", "")) >= 3, (name, theme, edition, word)


def test_a_stack_stands_at_the_prompts_indent_and_the_key_rings_the_answer_on_the_page(tmp_path):
    """A5, large print, the long German labels: True over False at the prompt's indent (the number column's
    width in from the margin), False's first line under True's; the key's rings are within the page (no ink in
    the margins beside the questions)."""
    labels, (true, false) = LABELS["stimmt"]
    guide = api.load(write_guide(tmp_path, "stimmt.yaml", f"title: TF\n{labels}{QUESTIONS}"))
    th = sheets.fit(api.theme_for(guide, "classic", "large-print"), "a5")
    docs = render.render(guide, paper="a5", theme=th)
    for mode in ("student", "key"):
        page = pdfium.PdfDocument(docs[mode].pdf)[0]
        text = page.get_textpage()
        chars = text.get_text_range()
        at = chars.index(true)
        below = chars.index(false, at)
        t_left, t_bottom, _, _ = text.get_charbox(at)
        f_left, f_bottom, _, _ = text.get_charbox(below)
        assert abs(t_left - f_left) < 1 and f_bottom < t_bottom - make_styles(th)["choice"].fontSize
        assert abs(t_left - (th.margin_x + th.number_width)) < 2
    scale = 1.0
    image = pdfium.PdfDocument(docs["key"].pdf)[0].render(scale=scale).to_pil().convert("L")
    right = int((image.width / scale - th.margin_x + 1) * scale)
    strip = image.crop((right, 0, image.width, image.height))
    assert strip.getextrema()[0] > 200  # nothing darker than light grey right of the text area


def test_points_wider_than_half_the_line_go_under_the_prompt(tmp_path):
    """A5, compact: the long points label beside question 2 left its prompt a column one word wide ("Der /
    Mond / ist ..."); now the prompt's first line is the line's width, the points under it (within the text area: the test above)."""
    labels, _ = LABELS["points"]
    guide = api.load(write_guide(tmp_path, "points.yaml", f"title: TF\n{labels}{QUESTIONS}"))
    th = sheets.fit(api.theme_for(guide, "compact"), "a5")
    docs = render.render(guide, paper="a5", theme=th)
    for mode in ("student", "key"):
        lines = [" ".join(line.split()) for line in
                 pdfium.PdfDocument(docs[mode].pdf)[0].get_textpage().get_text_range().splitlines()]
        first = next((line for line in lines if line.startswith("Der Mond")), "")
        assert first.startswith("Der Mond ist ein Planet, der um die Erde"), lines
        assert any(line.startswith("(12,5 Punkte — siehe") for line in lines), lines
