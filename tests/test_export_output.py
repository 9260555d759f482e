"""`studyguide export -o NAME` where NAME ends in the export's own extension (trial r10, L4): `-o deck.apkg` is that
deck, not a folder called deck.apkg; several guides cannot share one file's name, and are told so."""
from __future__ import annotations

import zipfile

from conftest import write_guide
from hostile_support import cli_inprocess

GUIDE = """
    title: Moles
    vocabulary:
      - term: mole
        definition: 6.02×10²³ particles.
    questions:
      - type: true_false
        prompt: A mole of water has a mass of 18 g.
        answer: true
"""


def test_a_file_name_with_the_formats_extension_is_that_file(tmp_path):
    write_guide(tmp_path, "moles.yaml", GUIDE)
    run = cli_inprocess(["export", "--to", "anki", "--apkg", "-o", "decks/chem.apkg", "moles.yaml"], tmp_path)
    assert (run.code, run.err) == (0, "")
    assert run.out == ("exported moles.yaml → decks/moles-anki.txt (1 term)\n"
                       "exported moles.yaml → decks/chem.apkg (1 term)\n")
    assert zipfile.is_zipfile(tmp_path / "decks" / "chem.apkg")  # a deck, not a folder
    run = cli_inprocess(["export", "--to", "canvas", "-o", "quiz.zip", "moles.yaml"], tmp_path)
    assert run.out == "exported moles.yaml → quiz.zip (1 question)\n" and zipfile.is_zipfile(tmp_path / "quiz.zip")


def test_several_guides_in_one_files_name_are_refused(tmp_path):
    write_guide(tmp_path, "moles.yaml", GUIDE)
    write_guide(tmp_path, "more.yaml", GUIDE)
    run = cli_inprocess(["export", "--to", "moodle", "-o", "out/quiz.xml", "moles.yaml", "more.yaml"], tmp_path)
    assert (run.code, run.err) == (2, "out/quiz.xml: -o names one .xml file, and 2 guides are exported: name a folder "
                                      "for their files (-o out/quiz/), or export one guide\n")
    assert not (tmp_path / "out").exists()
