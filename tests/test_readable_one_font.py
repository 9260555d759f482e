"""The readable edition sets a guide written in a script its font lacks in one font (trial r8 M3): Atkinson
Hyperlegible has no Cyrillic, Greek or Vietnamese letters, so a Russian guide printed its words in DejaVu
Sans and its digits and Latin words in Atkinson, slashed zeros among them ('505 000 км³'), in every line,
without a word. Now such a copy is DejaVu Sans throughout, and the build says so once; a Latin guide, or
one that borrows a Greek letter, keeps Atkinson, its PDF unchanged."""
from __future__ import annotations

from conftest import write_guide
from glyphs import assert_no_boxes, drawn, fonts_listed

from studyguide.classroom import SetOptions, build_set

RUSSIAN = """\
title: Круговорот воды в природе
language: ru
labels: {name: "Фамилия, имя", date: Дата, period: Класс, questions: Вопросы, true: Верно, false: Неверно}
summary: В год с поверхности океана испаряется около 505 000 км³ воды (данные 2025 года, NASA).
questions:
  - type: true_false
    prompt: Около 97 % всей воды на Земле — солёная вода океанов.
    answer: true
"""


def _build(tmp_path, name, text):
    result = build_set(write_guide(tmp_path, f"{name}.yaml", text), tmp_path / "out", None, SetOptions(edition="readable"))
    return result, (tmp_path / "out" / f"{name}-readable.pdf").read_bytes()


def _fonts(data) -> set[str]:
    return {font.split("+")[-1] for font, _, _ in fonts_listed(data)}


def test_a_russian_guide_is_set_in_one_font_and_the_teacher_is_told(tmp_path):
    result, data = _build(tmp_path, "voda", RUSSIAN)
    assert _fonts(data) == {"DejaVuSans", "DejaVuSans-Bold"}  # no Atkinson Hyperlegible beside it
    digits = {d.font.split("+")[-1] for d in drawn(data) if d.char in "05NAS"}
    assert digits and digits <= {"DejaVuSans", "DejaVuSans-Bold"}  # '505 000', '2025' and 'NASA' in the words' font
    assert_no_boxes(data, "voda-readable.pdf")
    said = [str(w) for w in result.warnings if "readable font" in w.message]
    assert said == [f"{tmp_path / 'voda.yaml'}:1:8: warning: the readable font, Atkinson Hyperlegible, has no Cyrillic "
                    "letters: this copy is set in DejaVu Sans throughout, so that each line is in one font"]
    # the standard edition is not the readable one: no word about it
    standard = build_set(tmp_path / "voda.yaml", tmp_path / "std", None, SetOptions())
    assert not [w for w in standard.warnings if "readable font" in w.message]


def test_greek_and_vietnamese_are_named_too(tmp_path):
    greek, _ = _build(tmp_path, "nero", "title: Ο κύκλος του νερού\nsummary: Ο ήλιος θερμαίνει τον ωκεανό.\n"
                                        "questions:\n  - {type: true_false, prompt: Το νερό εξατμίζεται., answer: true}\n")
    viet, _ = _build(tmp_path, "nuoc", "title: Vòng tuần hoàn của nước\nsummary: Mặt trời làm nóng nước biển.\n"
                                       "questions:\n  - {type: true_false, prompt: Nước bốc hơi., answer: true}\n")
    assert [w.message for w in greek.warnings if "readable font" in w.message] == [
        "the readable font, Atkinson Hyperlegible, has no Greek letters: this copy is set in DejaVu Sans throughout, "
        "so that each line is in one font"]
    [message] = [w.message for w in viet.warnings if "readable font" in w.message]
    assert message.startswith("the readable font, Atkinson Hyperlegible, has no letters such as ầ, ủ, ư: ")


def test_a_latin_guide_that_borrows_a_greek_letter_keeps_the_readable_font(tmp_path):
    result, data = _build(tmp_path, "light", "title: Light\nsummary: Red light has a wavelength λ of about 700 nm; "
                                             "the Greek word φῶς means light.\nquestions:\n  - {type: true_false, "
                                             "prompt: Blue light has a shorter λ than red light., answer: true}\n")
    assert "AtkinsonHyperlegible-Regular" in _fonts(data)
    assert not [w for w in result.warnings if "readable font" in w.message]


def test_a_persian_guide_drawn_in_naskh_is_not_said_to_have_urdus_letters(tmp_path):
    """A Persian guide with one 'ۀ' (a letter DejaVu Sans lacks) is drawn in Noto Naskh Arabic like an Urdu one; the
    note said Naskh 'has Urdu's letters' (review r10 L): it names the letter instead, as the rest of the note does."""
    persian, _ = _build(tmp_path, "ab", "title: چرخهٔ آب\nlanguage: fa\nsummary: آب دریا گرم می‌شود. خانۀ ما نزدیک "
                                        "دریاچه است.\nquestions:\n  - {type: true_false, prompt: آب بخار می‌شود., "
                                        "answer: true}\n")
    [message] = [w.message for w in persian.warnings if "readable font" in w.message]
    assert message == ("the readable font, Atkinson Hyperlegible, has no Arabic letters: this copy is set in DejaVu Sans "
                       "throughout (its Arabic script in Noto Naskh Arabic, which draws ۀ, a letter DejaVu Sans lacks), "
                       "so that each line is in one font")
    assert "Urdu" not in message
