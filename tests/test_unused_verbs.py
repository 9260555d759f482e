"""`check`'s "used nowhere else" counts a Spanish, Portuguese, French or Italian verb's conjugated forms as uses of
its infinitive (trial r16 #9: "'adelgazar' is used nowhere else", where topic 2 writes "Alicia adelgaza"), and
only a verb's, as its definition shows: an adjective that ends as an infinitive does is not found in the noun it
comes from ('celular' in 'células')."""
from __future__ import annotations

import pytest

from conftest import CASES, write_guide
from studyguide import api, lint
from studyguide.activities.articles import verb_forms

ALMOHADON = CASES / "trial" / "el-almohadon.yaml"


def _unused(path) -> list[str]:
    return [str(w) for w in lint.unused_terms(api.load(path))]


def test_adelgaza_is_a_use_of_adelgazar():
    assert _unused(ALMOHADON) == []


GUIDE = """
    title: Las células
    language: {language}
    summary: Las células del cuerpo trabajan juntas. Ayer hablamos de ellas, y Ana pintó una.
    vocabulary:
      - {{term: hablar, definition: {hablar}}}
      - {{term: pintar, definition: {pintar}}}
      - {{term: celular, definition: Relativo a la célula.}}
      - {{term: nadar, definition: Moverse en el agua.}}
      - {{term: ir, definition: Moverse a otro lugar.}}
    """


@pytest.mark.parametrize("hablar, pintar", [("Decir palabras.", "Cubrir de color."), ("to speak", "to paint")])
def test_a_verbs_forms_are_its_uses_an_adjectives_nouns_are_not(tmp_path, hablar, pintar):
    path = write_guide(tmp_path, "celulas.yaml", GUIDE.format(language="es", hablar=hablar, pintar=pintar))
    assert _unused(path) == [
        f"{path}:7:12: warning: vocabulary term 'celular' is used nowhere else in the guide; use it in the reading or "
        "a question, or leave it out",
        f"{path}:8:12: warning: vocabulary term 'nadar' is used nowhere else in the guide; use it in the reading or a "
        "question, or leave it out",
        f"{path}:9:12: warning: vocabulary term 'ir' is used nowhere else in the guide; use it in the reading or a "
        "question, or leave it out"]


def test_a_noun_defined_by_another_noun_is_not_a_verb(tmp_path):
    path = write_guide(tmp_path, "celulas.yaml", GUIDE.format(language="es", hablar="La voz.", pintar="Un arte."))
    assert [w.split("'")[1] for w in _unused(path)] == ["hablar", "pintar", "celular", "nadar", "ir"]


@pytest.mark.parametrize("term, language, definition, forms", [
    ("adelgazar", "es", "perder peso", [r"adelgaz\w{0,4}"]),
    ("casarse", "es", "unirse en matrimonio", [r"cas\w{0,4}"][:0]),  # (a stem of three letters: not looked for)
    ("levantarse", "es", "ponerse de pie", [r"levant\w{0,4}"]),
    ("manger", "fr", "to eat", [r"mang\w{0,4}"]),
    ("finir", "fr", "to end", [r"fin\w{0,4}"][:0]),
    ("mangiare", "it", "to eat", [r"mangi\w{0,4}"]),
    ("escrever", "pt", "to write", [r"escrev\w{0,4}"]),
    ("speak", "en", "to talk", []),
    ("hablar", "es", "la voz", []),
])
def test_verb_forms(term, language, definition, forms):
    assert verb_forms([term], language, definition) == forms
