"""A matching set takes at most 12 terms, and the docs say so where they say a set takes the room left on its page
(trial r10 L5: "as many terms as the room left on its page holds", while the AP guide's 35 terms made sets of
12, 12 and 11 on pages left 25 to 45 % empty)."""
from __future__ import annotations

import re
from pathlib import Path

from conftest import REPO, Pdf
from studyguide import api
from studyguide.activities.matching import SET_SIZE

AP_GOV = Path(__file__).parent / "cases" / "trial" / "apgov-federalism.yaml"


def test_the_ap_guides_sets_are_of_twelve_terms_at_most_as_the_docs_say(tmp_path):
    built = api.build(AP_GOV, tmp_path)
    text = " ".join(Pdf(built.outputs[0].path).pages[9:])
    assert re.findall(r"Set (\d): terms (\d+)–(\d+)", text) == [("1", "1", "12"), ("2", "13", "24"), ("3", "25", "35")]
    assert SET_SIZE == 12
    docs = " ".join((REPO / "docs" / "guide-format.md").read_text(encoding="utf-8").split())
    assert f"each set takes as many terms as the room left on its page holds, up to {SET_SIZE} (" in docs
    assert "Twelve is the most a set takes, however much room is left" in docs
    readme = " ".join((REPO / "README.md").read_text(encoding="utf-8").split())
    assert f"as many terms as the room left on its page holds ({SET_SIZE} at most)" in readme
