"""The benchmark measures guides a teacher could build: its largest size is inside the format's limits."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from studyguide import api
from studyguide.errors import GuideError

BENCH = str(Path(__file__).resolve().parent.parent / "bench")
sys.path.insert(0, BENCH)
try:
    import generate
finally:
    sys.path.remove(BENCH)


def test_largest_size_is_accepted_as_it_is(tmp_path):
    path = generate.write(tmp_path / "largest.yaml", generate.LARGEST)
    assert path.stat().st_size < 1_000_000
    guide = api.load(path)
    assert len(guide.questions) == 996 and len(guide.vocabulary) == 830


def test_one_unit_more_is_past_the_list_limit(tmp_path):
    path = generate.write(tmp_path / "over.yaml", generate.LARGEST + 1)
    with pytest.raises(GuideError) as err:
        api.load(path)
    assert "questions: 1,002 items; a list may hold at most 1,000" in str(err.value)
