"""A summary's sentence that introduces a table ("A nine-column table:") ended a page while its table opened
the next, on A5 (review r8 M3). It now keeps the table's heading row and first rows with it. Read back from
the PDFs: each lead-in is on the page of its table's first row, and no page ends with a line ending in ':'."""
from __future__ import annotations

import pytest

from conftest import CASES, Pdf
from studyguide import api, render

GUIDE = CASES / "tables" / "tables-stress.yaml"  # tables of 1 and 9 columns, empty cells, Hebrew, 200 rows
LEADS = {"A nine-column table:": "Mercury", "Empty cells and bold:": "alpha", "Hebrew cells:": "שלום"}


@pytest.mark.parametrize("theme, edition", [("classic", "large-print"), ("compact", None)])
def test_a_lead_in_sentence_opens_the_page_of_its_table(tmp_path, theme, edition):
    guide = api.load(GUIDE)
    docs = render.render(guide, paper="a5", theme=api.theme_for(guide, theme, edition))
    for mode in ("student", "key"):
        (tmp_path / f"{mode}.pdf").write_bytes(docs[mode].pdf)
        pdf = Pdf(tmp_path / f"{mode}.pdf")
        for lead, first in LEADS.items():
            page = next(i for i, text in enumerate(pdf.pages) if lead in text)
            assert first in pdf.pages[page].split(lead, 1)[1], (mode, lead, page + 1)
        for n, lines in enumerate(pdf.lines[:-1]):
            body = [line for line in lines if "Page " not in line]
            assert not body[-1].endswith(":"), (mode, n + 1, body[-1])
