"""Word banks and word lists are in alphabetical order as a reader of the guide's language knows it: an
accented letter files with its plain letter (à droite under A, l'église before l'hôpital), not after z."""
from __future__ import annotations

import re
import unicodedata

from conftest import Pdf, write_guide
from hostile_support import cli_inprocess

from studyguide import scripts

FRENCH = """\
    title: En ville
    language: fr
    vocabulary:
      - term: traverser
        definition: to cross
        example: Il faut traverser la rue au feu.
      - term: l'hôpital
        definition: the hospital
        example: L'hôpital est au bout de la rue.
      - term: la gare
        definition: the train station
        example: Le train part de la gare à midi.
      - term: à droite
        definition: to the right
        example: Tournez à droite après l'église.
      - term: l'église
        definition: the church
        example: L'église date du douzième siècle.
    questions:
      - type: fill_in_blank
        prompt: Pour aller au musée, [[traversez]] le pont et tournez [[à gauche]].
        word_bank: true
    activities: [cloze, word_search]
    """


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_word_banks_and_the_words_to_find_file_accented_words_with_their_letter(tmp_path):
    """Trial r6: a French guide's banks printed 'traversez · à gauche' and 'l'hôpital · l'église', and the word
    search listed À DROITE last: the words were sorted by character code, where every accented letter comes
    after z."""
    write_guide(tmp_path, "ville.yaml", FRENCH)
    said = cli_inprocess(["build", "ville.yaml", "-o", "out"], cwd=tmp_path)
    assert said.code == 0, said.err
    text = _squash(Pdf(tmp_path / "out" / "ville.pdf").text)
    assert "Banque de mots : à gauche · l'église · traversez" in text  # the question's bank (and its spare word)
    # the word-bank sentences' bank, and the word search's first word to find
    assert "Banque de mots : à droite · l'église · l'hôpital · la gare · traverser" in text
    words = text[text.index("Mots à trouver"):].split()
    assert words[3:5] == ["À", "DROITE"]


def test_the_order_is_by_letters_first_then_accents_then_capitals():
    key = scripts.alphabetical
    assert sorted(["zèbre", "école", "Eclair", "ecole", "été"], key=key) == ["Eclair", "ecole", "école", "été", "zèbre"]
    # without accents the order is what it was: capitals aside, then capitals first
    assert sorted(["b", "B", "a", "C"], key=key) == sorted(["b", "B", "a", "C"], key=lambda w: (w.casefold(), w))
    assert key("한국어") == ("한국어", "한국어", "한국어")  # precomposed syllables stay whole


def test_letters_of_their_own_file_after_their_neighbours():
    """Spanish ñ is a letter after n (cansado, canto, caña), Danish and Norwegian æ, ø, å come after z: the
    review found 'caña · cansado · canto' once accents were set aside."""
    assert sorted(["caña", "canto", "Ñandú", "cansado", "nube", "oso"], key=scripts.alphabetical) == [
        "cansado", "canto", "caña", "nube", "Ñandú", "oso"]
    assert sorted(["ærlig", "zebra", "åben", "øl", "abe"], key=scripts.alphabetical) == [
        "abe", "zebra", "ærlig", "øl", "åben"]


FILED = """\
    title: Yayla
    language: tr
    vocabulary:
      - {term: zebra, definition: Çizgili bir at., example: Hayvanat bahçesinde bir zebra gördük.}
      - {term: «dağ», definition: Yüksek yer., example: Köyün arkasında «dağ» yükselir.}
      - {term: "'ova'", definition: Düz arazi., example: Çukurova verimli bir 'ova' sayılır.}
      - {term: 10 yıl, definition: Bir on yıl., example: Okul 10 yıl önce açıldı.}
      - {term: 9 yıl, definition: Dokuz yıl., example: Ağaç 9 yıl içinde büyüdü.}
      - {term: 𝐚𝐭𝐨𝐦, definition: Maddenin en küçük parçası., example: Her 𝐚𝐭𝐨𝐦 bir çekirdek taşır.}
    activities: [cloze, word_search]
    """


def test_an_item_is_filed_by_its_first_letter_a_number_by_its_value(tmp_path):
    """r13 hostile finding 9: the bank and the words to find filed «dağ» after zebra, 'ova' first, 10 yıl before 9 yıl
    and 𝐚𝐭𝐨𝐦 after every plain word: by the code of the quote, the digit, the math letter before the letters."""
    write_guide(tmp_path, "yayla.yaml", FILED)
    said = cli_inprocess(["build", "yayla.yaml", "-o", "out"], cwd=tmp_path)
    assert said.code == 0, said.err
    text = _squash(Pdf(tmp_path / "out" / "yayla.pdf").text)
    assert "9 yıl · 10 yıl · 𝐚𝐭𝐨𝐦 · «dağ» · 'ova' · zebra" in text, text  # the cloze's bank
    words = text[text.index("find"):].split()  # 3 columns read row by row: 9 YIL | ATOM | 'OVA', then 10 YIL | ...
    assert words[1:9] == ["9", "YIL", "ATOM", "'OVA'", "10", "YIL", "«DAĞ»", "ZEBRA"], words[:12]


def test_the_filing_key_sets_aside_quotes_and_brackets_only():
    key = scripts.alphabetical
    assert sorted(["(b)", "a", "¿qué?", "«c»", "\"d\"", "pez"], key=key) == ["a", "(b)", "«c»", "\"d\"", "pez", "¿qué?"]
    assert sorted(["10", "9", "0.75", "0.5", "1,000 m", "2 kg", "$15", "Latin"], key=key) == [
        "$15", "0.5", "0.75", "2 kg", "9", "10", "1,000 m", "Latin"]  # ($ stays before the digits, as it was)
    assert sorted(["*.txt", "a*b", "#tag", "&amp;"], key=key) == ["#tag", "&amp;", "*.txt", "a*b"]  # (as typed)
    assert sorted(["proton", "𝐚𝐭𝐨𝐦", "𝑏𝑒𝑡𝑎", "ion"], key=key) == ["𝐚𝐭𝐨𝐦", "𝑏𝑒𝑡𝑎", "ion", "proton"]
    assert key("!!!") == ("!!!", "!!!", "!!!") and key("½") == ("½", "½", "½")  # (nothing to file past: as typed)


YEARS = """\
    title: الأعمار
    language: ar
    vocabulary:
      - {term: ١٠ سنوات, definition: عقد كامل من الزمن., example: بنيت المدرسة قبل ١٠ سنوات تقريبا.}
      - {term: ٩ سنوات, definition: أقل من عقد بسنة., example: عمر أخي ٩ سنوات الآن.}
      - {term: ١٢ شهرا, definition: سنة كاملة., example: في السنة ١٢ شهرا دائما.}
      - {term: ٣ أيام, definition: مدة قصيرة., example: بقينا في القرية ٣ أيام فقط.}
    activities: [cloze, word_search]
    """


def _values(pieces: list) -> list:
    """The number each piece of a line starts with, as a reader of the page reads them: the text is drawn right
    to left, so the extracted line is in the order seen from the left and each number's digits are reversed."""
    return [int("".join(str(unicodedata.decimal(c)) for c in re.search(r"\d+", p).group()[::-1])) for p in pieces]


def test_arabic_indic_numbers_are_filed_by_their_value(tmp_path):
    """Numbers were filed by value for ASCII digits only: an Arabic guide's bank and words to find read
    ١٠ سنوات, ١٢ شهرا, ٣ أيام, ٩ سنوات (by the digits' codes, 10 before 3); now 3, 9, 10, 12, as 9 yıl before 10 yıl."""
    write_guide(tmp_path, "years.yaml", YEARS)
    said = cli_inprocess(["build", "years.yaml", "-o", "out"], cwd=tmp_path)
    assert said.code == 0, said.err
    text = unicodedata.normalize("NFKC", "\n".join(Pdf(tmp_path / "out" / "years.pdf").raw_pages))
    bank = next(line for line in text.splitlines() if line.startswith("Word bank:"))
    assert _values(bank.split("·"))[::-1] == [3, 9, 10, 12], bank  # (its first word stands at the right)
    found = text[text.index("Words to find"):].splitlines()[1:5]
    assert _values(found) == [3, 9, 10, 12], found  # (one word a line, from the top)


def test_every_scripts_digits_are_filed_by_value():
    key = scripts.alphabetical
    assert sorted(["۱۲ ماه", "۳ ماه", "१० साल", "९ साल", "١٬٠٠٠ كتاب", "٥٠٠ كتاب", "11 a"], key=key) == [
        "۳ ماه", "९ साल", "१० साल", "11 a", "۱۲ ماه", "٥٠٠ كتاب", "١٬٠٠٠ كتاب"]


def test_a_number_below_zero_is_filed_by_its_value_in_any_digits():
    # hostile r14 finding 6: '−٤' (minus four, Arabic-Indic) came after '١٬٠٠٠', and '−4' after every word
    assert sorted(["١٬٠٠٠", "−٤", "5", "abc", "−4.5", "-15", "-12", "-0.5", "0.5", "−1,000"], key=scripts.alphabetical) \
        == ["−1,000", "-15", "-12", "−4.5", "−٤", "-0.5", "0.5", "5", "١٬٠٠٠", "abc"]
