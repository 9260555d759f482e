"""Word banks and word lists are in alphabetical order as a reader of the guide's language knows it: an
accented letter files with its plain letter (à droite under A, l'église before l'hôpital), not after z."""
from __future__ import annotations

import re

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
