"""`check`'s "used nowhere else" counts a Spanish, Portuguese, French or Italian verb's conjugated forms as uses of
its infinitive (trial r16 #9: "'adelgazar' is used nowhere else", where topic 2 writes "Alicia adelgaza"), and
only a verb's, as its definition shows: an adjective that ends as an infinitive does is not found in the noun it
comes from ('celular' in 'células')."""
from __future__ import annotations

import re

import pytest

from conftest import CASES, write_guide
from studyguide import api, lint
from studyguide.activities.verbs import verb_forms

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


@pytest.mark.parametrize("term, language, definition, found, not_found", [
    ("adelgazar", "es", "perder peso", "adelgaza adelgazo adelgazaba adelgazando adelgazado adelgazaron",
     "adelgazamiento adelgazante"),
    ("cantar", "es", "to sing", "canta cantamos cantaba cantare cantaria cante", "cantidad cantina"),
    ("contar", "es", "to count", "contamos contaron contado", "contra contrato"),
    ("cocinar", "es", "to cook", "cocina cocino cocinan", "cocinero cocinita"),  # ('cocina': the verb's, and a noun's)
    ("levantarse", "es", "ponerse de pie", "levanta levantamos", "levantamiento"),
    ("casarse", "es", "unirse en matrimonio", "", "casa casado"),  # (a stem of three letters: not looked for)
    ("manger", "fr", "to eat", "mange mangeons mangez mangeait mangerons", "mangeoire mangue"),
    ("finir", "fr", "to end", "", "finit"),
    ("attendre", "fr", "to wait", "attend attendons attendu attendait", "attention attente"),
    ("mangiare", "it", "to eat", "mangio mangiamo mangiato mangiando", "mangiatoia"),
    ("escrever", "pt", "to write", "escreve escreveu escrevendo", "escrevente escrivaninha"),
    ("speak", "en", "to talk", "", "speaks"),
    ("hablar", "es", "la voz", "", "habla"),
])
def test_verb_forms(term, language, definition, found, not_found):
    """Only the stem with an ending of the verb's class is its form: 'contra' is no form of 'contar' (hostile r16 #2)."""
    forms = verb_forms([term], language, definition)
    def used(word):
        return any(re.fullmatch(f, word) for f in forms)
    assert [w for w in found.split() if not used(w)] == []
    assert [w for w in not_found.split() if used(w)] == []


def test_only_the_verbs_with_a_form_in_the_guide_are_used():
    """es-verbs.yaml (hostile r16 #2) writes 'cocina', 'trabajo', 'paseo' and 'forma', forms of cocinar, trabajar,
    pasear and formar (and nouns too), and 'contra', 'cantidad', which are not forms of contar and cantar."""
    path = CASES / "check" / "es-verbs.yaml"
    assert _unused(path) == [
        f"{path}:{line}:11: warning: vocabulary term '{verb}' is used nowhere else in the guide; use it in the reading "
        "or a question, or leave it out" for line, verb in ((17, "contar"), (20, "cantar"), (32, "nadar"))]
