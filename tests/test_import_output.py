"""`studyguide import FILE -o OUT` (trial r10, M2): a folder, one that exists or a name ending in /, gets the new
guide inside it under FILE's name; a guide's file name is that file; anything else is refused, so no guide is ever
written to a file without .yaml (which `build` takes for a guide named `newguides`)."""
from __future__ import annotations

import pytest

from hostile_support import cli_inprocess

BANK = "front,back\nphotosynthesis,How plants make sugar from light\ncarbon sink,Takes in more than it gives\n"


@pytest.mark.parametrize("out, made", [("newguides/", "newguides/bank.yaml"), ("existing", "existing/bank.yaml"),
                                       ("mine.yml", "mine.yml"), ("new/deep.yaml", "new/deep.yaml")])
def test_a_folder_gets_the_guide_inside_it(tmp_path, out, made):
    (tmp_path / "bank.csv").write_text(BANK, encoding="utf-8")
    (tmp_path / "existing").mkdir()
    run = cli_inprocess(["import", "bank.csv", "-o", out], tmp_path)
    assert (run.code, run.err) == (0, "")
    assert run.out == f"imported bank.csv → {made} (2 terms, 0 questions)\n"
    assert "photosynthesis" in (tmp_path / made).read_text(encoding="utf-8")


def test_a_name_that_is_neither_a_guide_nor_a_folder_is_refused(tmp_path):
    (tmp_path / "bank.csv").write_text(BANK, encoding="utf-8")
    run = cli_inprocess(["import", "bank.csv", "-o", "newguides"], tmp_path)
    assert (run.code, run.err) == (1, "newguides: -o names the new guide: a file ending in .yaml (newguides.yaml), "
                                      "or a folder to write bank.yaml in, ending in / (newguides/); nothing imported\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bank.csv"]
