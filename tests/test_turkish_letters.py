"""Turkish (and Azerbaijani) i: its capital is İ, and the dotless ı (capital I) is a letter of its own.

Trial round 13, finding 3: the word search of a Turkish guide printed `iklim` as IKLIM, in its words to find and
in its grid (in Turkish that spells 'ıklım'), and so did the crossword's grid.
"""
from __future__ import annotations

import re

from conftest import Pdf, write_guide
from glyphs import assert_no_boxes, drawn
from hostile_support import cli_inprocess

from studyguide import scripts
from studyguide.capitals import capitalised
from studyguide.activities import cells

TURKISH = """\
    title: Türkiye'nin İklimi
    language: tr
    vocabulary:
      - term: iklim
        definition: Uzun yıllar boyunca görülen hava olaylarının ortalaması.
      - term: ılıman
        definition: Ne çok sıcak ne çok soğuk olan.
      - term: ılgın
        definition: Tuzlu topraklarda yetişen bir çalı.
      - term: İç Anadolu
        definition: Başkent Ankara'nın bulunduğu bölge.
      - term: kıyı
        definition: Karanın denizle birleştiği yer.
      - term: çığ
        definition: Dağdan kayan büyük kar kütlesi.
      - term: yayla
        definition: Yüksek yerlerdeki düzlük.
    questions:
      - type: short_answer
        prompt: Karadeniz'in iklimi nasıldır?
        answer: Her mevsim yağışlı.
    activities: [word_search, crossword]
    """


def _build(tmp_path, text=TURKISH, name="iklim"):
    write_guide(tmp_path, f"{name}.yaml", text)
    said = cli_inprocess(["build", f"{name}.yaml", "-o", "out"], cwd=tmp_path)
    assert said.code == 0, said.err
    return Pdf(tmp_path / "out" / f"{name}.pdf"), Pdf(tmp_path / "out" / f"{name}-key.pdf")


def _grid(raw: str) -> list[str]:
    """The word search's rows as printed: its letters, one a line, between the instructions and the words."""
    start = raw.index("Word Search")
    lines = [ln.strip() for ln in raw[start:raw.index("Words to find", start)].split("\n") if ln.strip()]
    letters = [ln for ln in lines if len(ln) == 1]  # (the title and the instructions' lines are longer)
    side = int(len(letters) ** 0.5)
    assert side * side == len(letters) and lines[-len(letters):] == letters
    return ["".join(letters[r * side:(r + 1) * side]) for r in range(side)]


def _found(rows: list[str], word: str) -> bool:
    """Whether ``word`` can be read in the grid in a straight line, any of the 8 ways."""
    n = len(rows)
    for r in range(n):
        for c in range(n):
            for dr, dc in ((0, 1), (1, 0), (1, 1), (-1, 1), (0, -1), (-1, 0), (-1, -1), (1, -1)):
                cells_ = [(r + dr * i, c + dc * i) for i in range(len(word))]
                if all(0 <= a < n and 0 <= b < n for a, b in cells_) and \
                        "".join(rows[a][b] for a, b in cells_) == word:
                    return True
    return False


def test_the_word_search_writes_iklim_as_iklim_with_dots_in_its_grid_and_its_words_to_find(tmp_path):
    student, key = _build(tmp_path)
    for pdf in (student, key):
        raw = "\n".join(pdf.raw_pages)
        rows = _grid(raw)
        for word in ("İKLİM", "ILIMAN", "ILGIN", "İÇANADOLU", "KIYI", "ÇIĞ"):
            assert _found(rows, word), word
        assert not _found(rows, "IKLIM")
        words = raw[raw.index("Words to find"):].split("\n")
        listed = [w.strip() for w in words[1:] if w.strip()][:7]
        assert "İKLİM" in listed and "IKLIM" not in listed and "İÇ ANADOLU" in listed and "ILIMAN" in listed


def test_the_crossword_key_writes_the_turkish_capitals(tmp_path):
    """Terms with a dotted i only: the key's grid has İ in their cells, and no dotless I anywhere."""
    text = TURKISH.split("    vocabulary:")[0] + """\
    vocabulary:
      - term: iklim
        definition: Uzun yıllar boyunca görülen hava olaylarının ortalaması.
      - term: bilim
        definition: Evreni ve doğayı inceleyen bilgi.
      - term: ilke
        definition: Temel kural.
      - term: kilim
        definition: Dokuma bir yaygı.
    activities: [crossword]
    """
    _, key = _build(tmp_path, text, "bilim")
    raw = key.raw_pages[[i for i, t in enumerate(key.pages) if "Crossword" in t][0]]
    grid = raw[raw.index("length of each word."):raw.index("Across")].split("\n", 1)[1]
    letters = re.sub(r"[\s\d]", "", grid)
    assert letters.count("İ") >= 5 and "I" not in letters
    assert set(letters) <= set("İKLMBE")


def test_the_capitals_of_i_follow_the_language():
    assert scripts.caps("iklim", "tr") == "İKLİM" and scripts.caps("ılıman", "tr") == "ILIMAN"
    assert scripts.caps("İç Anadolu", "az") == "İÇ ANADOLU" and scripts.caps("iki", "tr-TR") == "İKİ"
    assert scripts.caps("iklim") == "IKLIM" and scripts.caps("iklim", "en") == "IKLIM"  # others: as before
    assert cells("iklim", language="tr") == ("İ", "K", "L", "İ", "M") and cells("iklim") == tuple("IKLIM")
    assert scripts.caps("ilgi", "lt") == "ILGI"  # Lithuanian: no dotted capital
    # a word bank's spare words, capitalised when the blank opens a sentence (banks.banked)
    assert capitalised("iklim", "tr") == "İklim" and capitalised("ılık", "tr") == "Ilık"
    assert capitalised("iklim") == "Iklim" and capitalised("à droite", "fr") == "À droite"


BANKS = TURKISH.replace("    activities: [word_search, crossword]", """\
      - type: fill_in_blank
        prompt: Kışın dağdan [[çığ]] düşer; kıyıda iklim [[ılıman]], içeride [[iklim]] karasaldır; bölgede [[ılgın]] yetişir.
        word_bank: true
    activities: [cloze, word_search]""")


def test_banks_and_words_to_find_are_in_turkish_alphabetical_order(tmp_path):
    """Trial r13, finding 10: the bank put ılgın and ılıman after yayla (ı after z); in Turkish ı comes before i,
    ç after c, and I is ı's capital: ILGIN before İÇ ANADOLU."""
    student, key = _build(tmp_path, BANKS, "banks")
    for pdf in (student, key):
        text = re.sub(r"\s+", " ", pdf.text)
        assert "Word bank: çığ · ılgın · ılıman · iklim" in text  # the question's bank
        assert "Word bank: çığ · ılgın · ılıman · İç Anadolu · iklim · kıyı · yayla" in text  # the cloze's (ç < k)
        # the words to find, read down 4 columns (ÇIĞ ILGIN | ILIMAN İÇ ANADOLU | İKLİM KIYI | YAYLA), row by row
        assert "Words to find ÇIĞ ILIMAN İKLİM YAYLA ILGIN İÇ ANADOLU KIYI" in text


def test_the_turkish_and_azerbaijani_alphabets():
    def order(words, language):
        return sorted(words, key=lambda w: scripts.alphabetical(w, language))
    assert order(["zeytin", "ılık", "iklim", "Irmak", "İzmir", "hızlı", "çay", "cuma", "öğle", "ova", "şiş", "su",
                  "ümit", "uzun", "dağ", "gül"], "tr") == [
        "cuma", "çay", "dağ", "gül", "hızlı", "ılık", "Irmak", "iklim", "İzmir", "ova", "öğle", "su", "şiş", "uzun",
        "ümit", "zeytin"]
    assert order(["qala", "kitab", "xalq", "ılıq", "hava", "əl", "fal", "ekin", "iş"], "az") == [
        "ekin", "əl", "fal", "hava", "xalq", "ılıq", "iş", "kitab", "qala"]
    other = ["zeytin", "ılık", "iklim", "Irmak", "İzmir", "çay", "cuma", "caña", "cansado", "ærlig", "x", "q"]
    for language in (None, "en", "fr", "de", "es", "da", "lt"):  # every other language: the order it had
        assert [scripts.alphabetical(w, language) for w in other] == [scripts.alphabetical(w) for w in other]


def test_the_readable_editions_puzzles_draw_the_capital_i_from_a_font_that_has_it(tmp_path):
    """The glyph check read the puzzles' capitals as str.upper writes them (IKLIM), so a Turkish guide that types
    no İ itself planned no font for the İ its word search and crossword print: the readable edition's font
    (Atkinson Hyperlegible) has no İ, and every İ in the grid, the words to find and the crossword key was a box."""
    write_guide(tmp_path, "hava.yaml", """
        title: Hava ve iklim
        language: tr
        vocabulary:
          - {term: iklim, definition: Bir yerin uzun süreli hava durumu.}
          - {term: rüzgar, definition: Hareket eden hava.}
          - {term: bulut, definition: Gökteki su damlacıkları.}
          - {term: yağmur, definition: Buluttan düşen su.}
        activities: [word_search, crossword]
        """)
    said = cli_inprocess(["build", "hava.yaml", "--edition", "readable", "-o", "out"], cwd=tmp_path)
    assert said.code == 0, said.err
    for name in ("hava-readable.pdf", "hava-readable-key.pdf"):
        assert_no_boxes(tmp_path / "out" / name, name)
        capitals = [d for d in drawn(tmp_path / "out" / name) if d.char == "İ"]
        assert len(capitals) >= 3 and {d.font.split("+")[-1] for d in capitals} == {"DejaVuSans"}, capitals[:3]
    assert "İKLİM" in Pdf(tmp_path / "out" / "hava-readable.pdf").text  # (words to find)
