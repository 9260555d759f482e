"""A number is printed whole, never cut by a hyphen into a wrong value (trial r15, hostile findings 1 and 2):
matching items 10 and up printed "1-" / "0." in a cell narrower than "10."."""
from __future__ import annotations

import re

import pypdfium2 as pdfium
import pytest

from conftest import write_guide
from studyguide import api, render


def page_lines(pdf: bytes) -> list[str]:
    doc = pdfium.PdfDocument(pdf)
    return [line.strip() for page in doc for line in page.get_textpage().get_text_range().replace("\r", "").split("\n")]


def cut_numbers(lines: list[str]) -> list[tuple[str, str]]:
    """Lines ending in a digit and a hyphen with a digit on the next: a number cut in two."""
    return [(a, b) for a, b in zip(lines, lines[1:]) if re.search(r"\d[-‐\u00ad]$", a) and re.match(r"\d", b)]


MATCHING12 = "title: Twelve pairs\nquestions:\n  - type: matching\n    prompt: Match each term.\n    pairs:\n" + "".join(
    f"      - left: word{k}\n        right: meaning {k}\n" for k in range(1, 13))


@pytest.mark.parametrize("theme, edition, paper", [("classic", None, "letter"), ("compact", None, "letter"),
                                                   ("ink-saver", None, "a5"), ("modern", None, "letter"),
                                                   ("classic", "large-print", "letter"), ("modern", "large-print", "a5")])
def test_matching_numbers_from_ten_on_are_printed_whole(tmp_path, theme, edition, paper):
    guide = api.load(write_guide(tmp_path, "m12.yaml", MATCHING12))
    built = render.render(guide, ("student", "key"), paper=paper, theme=api.theme_for(guide, theme, edition))
    for role in ("student", "key"):
        lines = page_lines(built[role].pdf)
        assert cut_numbers(lines) == []
        words = " ".join(lines).split()
        assert [n for n in ("9.", "10.", "11.", "12.") if n not in words] == []  # each whole, in its cell
