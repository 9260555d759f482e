"""A `--from` that disagrees with what the file plainly is (trial r10, M3): a Canvas quiz's .zip read as Quizlet text
was told to be saved again as UTF-8 in Notepad (which would damage it). A zip, a workbook, an Anki deck package and an
XML file are told as what they are, with the `--from` that reads them, and nothing is written."""
from __future__ import annotations

import pytest

from conftest import write_guide
from hostile_support import cli_inprocess
from studyguide import api
from test_export_output import GUIDE  # (the same small chemistry guide, exported then read back)


@pytest.fixture
def exported(tmp_path):
    guide = write_guide(tmp_path, "moles.yaml", GUIDE)
    for fmt in ("qti", "moodle", "kahoot", "anki"):
        [outcome] = api.export([guide], fmt, tmp_path, apkg=fmt == "anki")
        assert outcome.error is None
    return tmp_path


@pytest.mark.parametrize("name, fmt, said", [
    ("moles-qti.zip", "quizlet", "is a zip file (as Canvas exports a quiz, in QTI), not Quizlet text: leave out --from, "
                                 "or use --from qti"),
    ("moles-qti.zip", "moodle", "is a zip file (as Canvas exports a quiz, in QTI), not Moodle XML: leave out --from, "
                                "or use --from qti"),
    ("moles-kahoot.xlsx", "csv", "is a spreadsheet (.xlsx, as Kahoot and Quizizz export), not CSV text: leave out "
                                 "--from, or use --from kahoot or --from quizizz"),
    ("moles-moodle.xml", "quizlet", "is an XML file (Moodle XML), not Quizlet text: leave out --from, or use --from "
                                    "moodle"),
    ("moles-anki.txt", "moodle", "is not XML, so not Moodle XML (which starts with <?xml or <quiz>): leave out --from, "
                                 "and import tells what the file is"),
    ("moles-anki.apkg", "anki", "is an Anki deck package (.apkg), which import does not read: in Anki, export the deck "
                                "as Notes in Plain Text (File → Export), and import that .txt"),
    ("moles-anki.apkg", None, "is an Anki deck package (.apkg), which import does not read: in Anki, export the deck "
                              "as Notes in Plain Text (File → Export), and import that .txt"),
])
def test_a_file_is_told_as_what_it_plainly_is(exported, name, fmt, said):
    run = cli_inprocess(["import", name, *(("--from", fmt) if fmt else ()), "-o", "new/"], exported)
    assert (run.code, run.err) == (1, f"{name}: {said}; nothing imported\n")
    assert not (exported / "new").exists()


def test_the_right_from_still_imports(exported):
    run = cli_inprocess(["import", "moles-qti.zip", "--from", "qti", "-o", "new/"], exported)
    assert (run.code, run.out) == (0, "imported moles-qti.zip → new/moles-qti.yaml (0 terms, 1 question)\n")
