"""A column of figures lines up on the decimal point: "3.5" above "12.75" above "100", percentages and amounts
too, in every theme, in large print and in a table that reads from the right. They were right-aligned, so each
decimal point stood where its figure's length put it (closing note 33). Read back from the PDF, character by
character: each decimal point's left edge, and a whole number's right edge where the points stand."""
from __future__ import annotations

import pypdfium2 as pdfium
import pytest

from conftest import write_guide
from studyguide import api, render
from studyguide.layout.tables import decimal_part

FIGURES = """
    title: Decimal figures
    summary: |
      Prices and shares this year:

      | Item | Price (US$) | Share | Amount |
      |---|---|---|---|
      | Apples | 3.5 | 52.9 % | R$1,250.50 |
      | Bread | 12.75 | 5 % | R$64,000 |
      | Coffee | 100 | 17.25 % | R$9.5 |
      | Dates | 0.125 | 0.5 % | R$12 |

      Prices rose in the year.
"""


def figure_edges(pdf: bytes, texts: list[str], decimal: str = ".") -> list[float]:
    """For each figure (first found on page 1), where its whole number ends: the right edge of the ink of its
    last digit before the decimal sign (a '.' has its ink well right of where the pen puts it)."""
    page = pdfium.PdfDocument(pdf)[0]
    chars = page.get_textpage()
    text = chars.get_text_range()
    out = []
    for figure in texts:
        at = text.find(figure)
        assert at >= 0, figure
        whole = len(figure) - len(decimal_part(figure, decimal))
        out.append(chars.get_charbox(at + whole - 1)[2])
    return out


@pytest.mark.parametrize("theme, edition", [("classic", None), ("modern", None), ("ink-saver", None),
                                            ("compact", None), ("classic", "large-print"), ("modern", "large-print")])
def test_figures_line_up_on_their_decimal_point(tmp_path, theme, edition):
    guide = api.load(write_guide(tmp_path, "t.yaml", FIGURES))
    docs = render.render(guide, theme=api.theme_for(guide, theme, edition))
    for mode in ("student", "key"):
        pdf = docs[mode].pdf
        for column in (["3.5", "12.75", "100", "0.125"], ["52.9", "5 %", "17.25", "0.5 %"],
                       ["R$1,250.50", "R$64,000", "R$9.5", "R$12"]):
            edges = figure_edges(pdf, column)
            assert max(edges) - min(edges) < 1.0, (column, edges)  # (a digit's side bearing; they were 8-30 pt apart)
        text = pdfium.PdfDocument(pdf)[0].get_textpage().get_text_range()
        assert "Apples 3.5 52.9 % R$1,250.50" in " ".join(text.split())  # a row reads across, in its order


def test_a_table_that_reads_from_the_right_lines_its_figures_up_too(tmp_path):
    guide = api.load(write_guide(tmp_path, "he.yaml", """
        title: ערים
        language: he
        summary: |
          | עיר | שטח (קמ״ר) |
          |---|---|
          | חיפה | 63.7 |
          | אילת | 84 |
          | ירושלים | 125.16 |
    """))
    pdf = render.render(guide, theme=api.theme_for(guide, None, None))["student"].pdf
    edges = figure_edges(pdf, ["63.7", "84", "125.16"])
    assert max(edges) - min(edges) < 1.0, edges


@pytest.mark.parametrize("figure, decimal, part", [
    ("12.75", ".", ".75"), ("100", ".", ""), ("52.9 %", ".", ".9 %"), ("5 %", ".", " %"), ("R$1,250.50", ".", ".50"),
    ("R$64,000", ".", ""), ("US$53.2 bn", ".", ".2 bn"), ("(4.5)", ".", ".5)"), ("2,487万", ".", "万"),
    ("1.204,5", ",", ",5"), ("3,5 %", ",", ",5 %"), ("—", ".", "")])
def test_what_prints_right_of_a_figure_s_whole_number(figure, decimal, part):
    assert decimal_part(figure, decimal) == part
