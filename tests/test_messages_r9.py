"""Four messages of the first-hour trial (r9) made to say what to do: an answer typed 'b)' as a test prints
it (F8), an article pasted into a summary (F9), a dash's fix quoted whole words (F10), a phone photo too big
(F12)."""
from __future__ import annotations

import pytest

from studyguide import cli

GUIDE = """\
title: Acids
questions:
  - type: multiple_choice
    prompt: Which gas do acids make with metals?
    choices: [Oxygen, Hydrogen, Nitrogen]
    answer: {answer}
"""


def _validate(capsys, path) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exc:
        cli.main(["validate", str(path)])
    return exc.value.code, capsys.readouterr().err


@pytest.mark.parametrize("answer", ["b)", "(b)", "B.", "B)"])
def test_an_answer_written_as_a_test_prints_its_letter_is_that_letter(tmp_path, capsys, answer):
    from studyguide import api
    path = tmp_path / "acids.yaml"
    path.write_text(GUIDE.format(answer=answer), encoding="utf-8")
    assert _validate(capsys, path) == (0, "")
    assert api.load(path).questions[0].answer == 1  # B: Hydrogen


def test_a_letter_with_a_mark_that_is_a_choice_s_text_is_that_choice(tmp_path, capsys):
    from studyguide import api
    path = tmp_path / "acids.yaml"
    path.write_text(GUIDE.format(answer='"c)"').replace("Nitrogen", '"c)"'), encoding="utf-8")
    assert api.load(path).questions[0].answer == 2


@pytest.mark.parametrize("length, told", [
    (30_000, "to print an article itself, put it under 'reading:' instead, see docs/guide-format.md#reading"),
    (255_514, "to print an article, put it, or the part the class reads (at most 100,000 characters), under "
              "'reading:' instead, see docs/guide-format.md#reading")])
def test_an_article_pasted_into_the_summary_is_told_where_an_article_prints(tmp_path, capsys, length, told):
    article = ("Acids taste sour. " * (length // 18 + 1))[:length].strip()
    path = tmp_path / "acids.yaml"
    path.write_text(f"title: Acids\nsummary: {article}\n", encoding="utf-8")
    assert _validate(capsys, path) == (1, f"{path}:2:10: summary: {len(article):,} characters; at most 20,000 fit "
                                          f"here (shorten it; {told})\n")


def test_a_dash_without_its_space_is_quoted_in_whole_words(tmp_path, capsys):
    path = tmp_path / "acids.yaml"
    path.write_text("title: Acids\nobjectives:\n  - Name an acid\n  -Use the pH scale to compare solutions\n",
                    encoding="utf-8")
    code, err = _validate(capsys, path)
    assert f"{path}:4:3: a dash must be followed by a space (write '- Use the pH scale to compare…')" in err


def test_a_phone_photo_too_big_is_told_the_width_to_save_it_at(tmp_path, capsys):
    from PIL import Image
    Image.new("1", (6000, 4000)).save(tmp_path / "phone-photo.png")
    path = tmp_path / "acids.yaml"
    path.write_text("title: Acids\ntopics:\n  - title: Metals\n    image: phone-photo.png\n", encoding="utf-8")
    assert _validate(capsys, path) == (1, f"{path}:4:12: topics item 1.image: 'phone-photo.png' is 6000×4000 pixels; "
                                          "images may have at most 13 million pixels (save a copy at most 4,400 pixels "
                                          "wide: in Windows, Photos → … → Resize image; on a Mac, Preview → Tools → "
                                          "Adjust Size)\n")
    assert 4400 * (4400 * 4000 // 6000) <= 13_000_000  # (a copy that wide fits)
