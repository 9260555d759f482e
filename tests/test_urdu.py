"""Urdu is written in the Arabic script with letters Arabic and Persian do not use (ہ heh goal, ے yeh barree,
۔ the full stop): DejaVu Sans, which draws Arabic and Persian, has none of them, and an Urdu guide printed them
as boxes, with a warning to install a font. They now print from the bundled Noto Naskh Arabic, and the guide's
whole Arabic script with them, in one style; a guide without them prints as before, in DejaVu Sans."""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from conftest import Pdf, build_into, write_guide

URDU = """
    title: پانی کا چکر
    language: ur
    topics:
      - title: بخارات
        summary: سورج سمندر کے پانی کو گرم کرتا ہے اور پانی بخارات بن کر اوپر اٹھتا ہے۔
        points:
          - بادل پانی کے ننھے قطروں سے بنتے ہیں۔
    vocabulary:
      - {term: بخارات, definition: پانی کی گیس والی شکل, example: دھوپ میں پانی بخارات بن جاتا ہے۔}
      - {term: بادل, definition: آسمان میں پانی کے قطرے, example: آسمان پر کالے بادل چھا گئے۔}
      - {term: بارش, definition: بادلوں سے گرنے والا پانی, example: کل رات بہت بارش ہوئی۔}
    questions:
      - type: short_answer
        prompt: پانی کا چکر کیا ہے؟
        answer: پانی کا زمین اور آسمان کے درمیان گھومنا
    activities: [matching, cloze]
    """
ARABIC_SCRIPT = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")


def _arabic_runs(pdf: Pdf) -> list:
    return [run for page in pdf.runs for run in page if ARABIC_SCRIPT.search(run.text)]


def test_an_urdu_guide_prints_its_letters_in_naskh_not_as_boxes(tmp_path):
    built = build_into(write_guide(tmp_path, "ur.yaml", URDU), tmp_path / "out")
    assert not [w for w in built.result.warnings if "no font has" in w.message], built.result.warnings
    for pdf in (built.student, built.key):
        runs = _arabic_runs(pdf)
        assert runs and {run.font.split("+")[-1] for run in runs} <= {"SGNaskh-Regular", "SGNaskh-Bold"}, \
            {run.font for run in runs}  # every Arabic-script letter in Naskh: no word half in DejaVu Sans
        letters = set(unicodedata.normalize("NFKC", "".join(run.text for run in runs)))
        assert {"ہ", "ے", "۔", "ٹ", "ں", "ھ"} <= letters  # Urdu's own letters, drawn (as their joined forms)
        assert "SGNaskh-Bold" in {run.font.split("+")[-1] for run in runs}  # the headings' real bold
    assert "Name" in built.student.text  # the labels not given print in English, from DejaVu Sans as before


def test_arabic_and_persian_without_urdus_letters_print_in_dejavu_as_before(tmp_path):
    built = build_into(Path(__file__).parent / "cases" / "export" / "rtl-arabic-hebrew.yaml", tmp_path)
    fonts = {run.font.split("+")[-1] for run in _arabic_runs(built.student)}
    assert fonts and all(f.startswith("DejaVuSans") for f in fonts), fonts


def test_urdu_by_name_is_told_its_code(tmp_path):
    from studyguide import labels

    assert labels.code_of("Urdu") == labels.code_of("اردو") == "ur"


def test_urdu_cards_from_quizlet_are_told_urdu_with_the_line_to_add(tmp_path):
    """Urdu cards were told nothing (Urdu was no language a guide could name); they are told 'language: ur' now."""
    from studyguide.importers import import_file

    source = tmp_path / "urdu.txt"
    source.write_text("بادل\tآسمان میں پانی کے قطرے\nبارش\tبادلوں سے گرنے والا پانی\n", encoding="utf-8")
    _, draft = import_file(source, tmp_path / "urdu.yaml")
    assert [p.message for p in draft.problems] == [
        "the definitions are in Urdu, and Quizlet's text does not record a guide's language, so the handout's "
        "headings would print in English; studyguide has no Urdu headings built in: if the handout is in Urdu, add "
        "'language: ur' under the title and write its headings under 'labels:' ('studyguide check' names those it "
        "prints; docs/guide-format.md#labels)"]


def test_the_readable_edition_of_an_urdu_guide_says_which_font_draws_its_script(tmp_path, capsys):
    """The readable copy is set in DejaVu Sans, and said so, but Urdu's letters are drawn in Naskh: said too."""
    import pytest

    from studyguide import cli

    path = write_guide(tmp_path, "ur.yaml", URDU)
    with pytest.raises(SystemExit) as exc:
        cli.main(["build", str(path), "-o", str(tmp_path / "out"), "--edition", "readable"])
    err = " ".join(capsys.readouterr().err.split())
    assert exc.value.code == 0, err
    assert ("the readable font, Atkinson Hyperlegible, has no Arabic letters: this copy is set in DejaVu Sans "
            "throughout (its Arabic script in Noto Naskh Arabic, which draws ے and ہ, letters DejaVu Sans lacks), so "
            "that each line "
            "is in one font") in err
    runs = _arabic_runs(Pdf(tmp_path / "out" / "ur-readable.pdf"))
    assert runs and {run.font.split("+")[-1] for run in runs} <= {"SGNaskh-Regular", "SGNaskh-Bold"}
