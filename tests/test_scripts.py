"""Scripts studyguide cannot print right (Devanagari and its kin) are said so, at their line; the
crossword and word search leave out terms their cells would cut apart; Greek capitals lose their accents."""
from __future__ import annotations

import unicodedata

import pytest

from conftest import build_into, cli_main, write_guide
from studyguide import api, render, scripts
from studyguide.activities import cells, splits
from studyguide.theming import fonts

HINDI = """\
    title: Greetings
    summary: |
      In Hindi, hello is नमस्ते and thank you is धन्यवाद.
    vocabulary:
      - term: नमस्ते
        definition: hello, with palms together
      - term: Καλημέρα
        definition: good morning in Greek
      - term: τσάι
        definition: tea in Greek
      - term: Ελληνικά
        definition: the Greek language
    activities: [word_search, crossword]
    """
SHAPING = ("hindi.yaml:3:22: warning: Hindi (Devanagari) letters need joining that studyguide cannot do: they "
           "print unjoined, even with a font that has them (here and on line 5); write the words in Latin letters, "
           "or show them in a topic's picture (image:)")
LEFT_OUT = ("hindi.yaml:5:11: warning: {} term left out (a grid holds one letter a cell, and its letters join or "
            "carry signs that cannot stand alone in one): 'नमस्ते'")


def _warnings(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if "warning:" in line and "used nowhere else" not in line]


def test_validate_check_and_build_say_it_at_its_line(tmp_path):
    write_guide(tmp_path, "hindi.yaml", HINDI)
    validate = cli_main("validate", "hindi.yaml", cwd=tmp_path)
    assert validate.returncode == 0 and _warnings(validate.stderr) == [SHAPING]
    check = cli_main("check", "hindi.yaml", cwd=tmp_path)
    assert check.returncode == 0
    assert _warnings(check.stderr) == [SHAPING, LEFT_OUT.format("crossword: 1"), LEFT_OUT.format("word search: 1")]
    build = cli_main("build", "-o", "out", "hindi.yaml", cwd=tmp_path)
    assert build.returncode == 0
    assert _warnings(build.stderr) == [SHAPING, LEFT_OUT.format("word search: 1"), LEFT_OUT.format("crossword: 1")]
    assert "install a font" not in build.stderr  # a font would not make it right
    assert cli_main("check", "--strict", "hindi.yaml", cwd=tmp_path).returncode == 1


@pytest.mark.parametrize("with_font", [False, True])
def test_warned_whether_or_not_a_font_covers_it(tmp_path, monkeypatch, with_font):
    """No font: the letters would be boxes, but "install a font" is not the advice (it would not fix them).
    A font that has them: they would print, unjoined, and the warning still says so."""
    from test_fonts import _make_font

    if with_font:
        (tmp_path / "fonts").mkdir()
        _make_font(tmp_path / "fonts" / "deva.ttf", "".join(chr(c) for c in range(0x0900, 0x0980)))
        monkeypatch.setenv("STUDYGUIDE_FONT_PATH", str(tmp_path / "fonts"))
        monkeypatch.setenv("STUDYGUIDE_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(fonts, "_installed", None if with_font else [])
    path = write_guide(tmp_path, "g.yaml", "title: नमस्ते\nsummary: Hello is नमस्ते in Hindi; ⟂ too.\n")
    font_for, warnings = render.glyph_plan(api.load(path))
    assert (font_for.get("न") is not None) == with_font
    messages = [str(w) for w in warnings]
    assert messages[0] == (f"{path}:1:8: warning: Hindi (Devanagari) letters need joining that studyguide cannot do: "
                           "they print unjoined, even with a font that has them (here and on line 2); write the "
                           "words in Latin letters, or show them in a topic's picture (image:)")
    assert not any("'न'" in m for m in messages)  # never listed among the characters to install a font for


@pytest.mark.parametrize("text, script", [
    ("বাংলা", "Bengali"), ("ਪੰਜਾਬੀ", "Punjabi (Gurmukhi)"), ("ગુજરાતી", "Gujarati"), ("தமிழ்", "Tamil"),
    ("తెలుగు", "Telugu"), ("ಕನ್ನಡ", "Kannada"), ("മലയാളം", "Malayalam"), ("සිංහල", "Sinhala"),
    ("ខ្មែរ", "Khmer"), ("မြန်မာ", "Burmese (Myanmar)"), ("བོད་ཡིག", "Tibetan"), ("ଓଡ଼ିଆ", "Odia"),
    ("ܣܘܪܝܝܐ", "Syriac")])
def test_each_script_that_needs_shaping_is_named(text, script):
    assert scripts.first_shaped(f"a {text}") == (script, 2)


@pytest.mark.parametrize("text", ["ภาษาไทย", "ພາສາລາວ", "עִבְרִית", "العربية", "한국어", "Ελληνικά", "русский", "中文"])
def test_scripts_printed_right_get_no_warning(text):
    """Thai and Lao are typed in written order and do not join; Hebrew and Arabic are studyguide's own work
    (rtl.py); Hangul comes in whole syllables."""
    assert scripts.first_shaped(text) is None


def test_a_term_whose_letters_are_not_single_characters_cannot_go_in_a_grid():
    assert cells("नमस्ते") == ("न", "म", "स्", "ते") and splits("नमस्ते")
    assert splits("कमल")        # no marks, but its letters join into one shape in writing
    assert splits("ที่")          # Thai: a vowel and a tone mark over one letter
    assert splits("x\u0304")    # a mark NFC cannot join to its letter
    assert not splits("café") and not splits("cafe\u0301") and not splits("Здравствуйте")
    assert not splits("안녕하세요") and not splits("Ελληνικά") and not splits("straße")


def test_greek_capitals_drop_their_accents():
    assert scripts.caps("Καλημέρα") == "ΚΑΛΗΜΕΡΑ"
    assert scripts.caps("Γειά σου") == "ΓΕΙΑ ΣΟΥ"
    assert scripts.caps("τσάι") == "ΤΣΑΪ" and scripts.caps("Κάιρο") == "ΚΑΪΡΟ"  # ά + ι: read apart, so Ϊ
    assert scripts.caps("προϊόν") == "ΠΡΟΪΟΝ"  # a diaeresis stays
    assert scripts.caps("ΐ") == "Ϊ" and scripts.caps("ῥόδον") == "ΡΟΔΟΝ"  # polytonic too
    # an iota subscript (or prosgegrammeni) goes with the breathings and accents: ᾠ.upper() is two letters
    assert cells("ᾠδή") == ("Ω", "Δ", "Η") and cells("ᾅδης") == ("Α", "Δ", "Η", "Σ") and cells("ᾨδή") == tuple("ΩΔΗ")
    assert scripts.caps("ᾠδή") == "ΩΔΗ" and scripts.caps("ᾅδης") == "ΑΔΗΣ"
    assert scripts.caps("café") == "CAFÉ" and scripts.caps("йод") == "ЙОД"  # other scripts keep their marks
    assert cells("Καλημέρα") == tuple("ΚΑΛΗΜΕΡΑ") and cells("τσάι") == ("Τ", "Σ", "Α", "Ϊ")
    assert cells("Ελληνικά") == tuple("ΕΛΛΗΝΙΚΑ")


def test_hindi_terms_are_left_out_of_the_grids_and_greek_prints_without_accents(tmp_path, monkeypatch):
    from test_fonts import _make_font

    (tmp_path / "fonts").mkdir()  # a font for Devanagari, so that a letter in a grid would read back as itself
    _make_font(tmp_path / "fonts" / "deva.ttf", "".join(chr(c) for c in range(0x0900, 0x0980)))
    monkeypatch.setenv("STUDYGUIDE_FONT_PATH", str(tmp_path / "fonts"))
    monkeypatch.setenv("STUDYGUIDE_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(fonts, "_installed", None)
    built = build_into(write_guide(tmp_path, "hindi.yaml", HINDI), tmp_path / "out")
    for pdf in (built.student, built.key):
        text = " ".join(pdf.raw_pages)
        assert "नमस्ते" in text  # the summary and the vocabulary print it
        grids = text[text.index("Word Search"):]  # the word search, its list of words and the crossword
        assert "Crossword" in grids and "\x00" not in grids
        assert not any(scripts.needs_shaping(c) for c in grids), "Devanagari cut into grid cells"
        letters = unicodedata.normalize("NFD", grids)
        accented = [a + b for a, b in zip(letters, letters[1:]) if "Α" <= a <= "Ω" and b in "\u0301\u0300\u0342"]
        assert accented == [], "an accent on a Greek capital"
    key = " ".join(built.key.raw_pages)
    assert "ΚΑΛΗΜΕΡΑ" in key and "ΕΛΛΗΝΙΚΑ" in key and "ΤΣΑΪ" in key  # the word search's list of words to find


def test_a_guide_in_marathi_calls_it_marathi(tmp_path):
    path = write_guide(tmp_path, "mr.yaml", "title: मराठी\nlanguage: mr\n")
    assert [str(w) for w in scripts.warnings(api.load(path).texts, "mr")] == [
        f"{path}:1:8: warning: Marathi (Devanagari) letters need joining that studyguide cannot do: they print "
        "unjoined, even with a font that has them; write the words in Latin letters, or show them in a topic's "
        "picture (image:)"]
    assert str(scripts.warnings(api.load(path).texts, "en")[0]).split(": ")[2].startswith("Hindi (Devanagari)")
