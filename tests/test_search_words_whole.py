"""The word search's words to find: each prints whole on one line of its column. Its columns were counted with
8 pt of padding where a cell has 10 (4 at its left, reportlab's 6 at its right), so a word within 2 pt of its
column's width broke: n16's German large print (compact, letter) listed "ÜBERSCHWEMMU-" over "NG", and a
student looked for NG in the grid. A word that does not fit its column now takes one column fewer."""
from __future__ import annotations

import pytest

from conftest import CASES, page_texts
from studyguide import api, render

N16 = CASES / "layout" / "n16-german.yaml"
WORDS = ["BRÜCKE", "FRÜHJAHR", "GRÖSSE", "STRASSENBAHN", "ÜBERSCHWEMMUNG"]  # (its terms, as the grid spells them)


@pytest.mark.parametrize("theme_name, paper", [("compact", "letter"), ("classic", "a4"), ("modern", "letter")])
def test_every_word_to_find_prints_whole_on_one_line(theme_name, paper):
    guide = api.load(N16)
    theme = api.theme_for(guide, theme_name, edition="large-print")
    built = render.render(guide, ("student", "key"), paper=paper, theme=theme)
    for mode in ("student", "key"):
        pages = page_texts(built[mode].pdf)
        listed = [text.split("Gesuchte Wörter", 1)[1] for text in pages if "Gesuchte Wörter" in text]
        assert len(listed) == 1, (mode, len(listed))
        lines = [line.split() for line in listed[0].splitlines()]
        assert [word for word in WORDS if any(word in line for line in lines)] == WORDS, (mode, listed[0][:200])
        assert "-" not in listed[0].split("Leitfaden")[0], (mode, listed[0][:200])
