"""Choices named by their letter in a question's own text: "Choice C is photosynthesis; D is fermentation."

The letters are the ones printed for the guide as written. Shuffled versions (and the reduced-choices copy,
which drops a choice) print other letters, so a note naming "C" would name the wrong choice there: such a
question keeps its choices in their written order in every version (variants.py), and `check` and `build`
say so at the text (:func:`warnings`).

The costs are unequal: a letter missed prints a wrong note beside the right answer in every shuffled
version's key; a capital wrongly taken for a choice only keeps one question's choices in order (with a
warning). So a capital counts as a choice letter (one of the question's own) in three ways.

Always, when a word for a choice introduces it ("choice C", "options A and B", "Answer: C", "Respuesta
correcta: B", "Réponse : B", "答案：B", "The answer is B because…", "la respuesta correcta es la B"), or it opens a
sentence with a verdict on it ("B is wrong", "(B) is right", "B is the answer", "D es incorrecta").

In an explanation, also when it opens a sentence the way only a choice's letter does: a run of letters and a
word ("A, C and D are mammals", "Both A and C mention…"), "Only B has four legs", "B because whales are
mammals", "C: the whale", "Not C: …", "Why not A?", "Eliminate A and C" — unless the letter is the
subject's: it stands as a word in the question's prompt or choices ("Events A and B", choice "A positive"),
the explanation writes it as notation ("P(A)", "A ∩ B", "statement A", "set A"), or the run is of things
related to each other ("A and B are independent", "… are parallel").

Ordinary capitals are not letters of choices: "P(A)", "structure (B)", "Figure 3(A)", "B is false" (logic),
"C is not a metal", "D is not the tonic" (a note), "Vitamin C", "grade A", "plan B", "type O", and the
article "A" ("A cell wall is rigid"). Once a text names one letter, a sentence opened by another letter and
a verb ("; D is alcoholic fermentation") names that one too, for the message.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from .inline import plain
from .model import LETTERS, MultipleChoice, SelectAll

_WORDS = ("choices?|options?|answers?|alternatives?|"         # en ('letter B' is a phonics question's)
          "opci[oó]n|opciones|respuestas?|alternativas?|incisos?|literal(?:es)?|letras?|"  # es, pt
          "choix|réponses?|propositions?|"                                          # fr
          "antwort(?:en)?|auswahl|"                                                 # de
          "opç(?:ão|ões)|respostas?|risposta|antwoord|svar")                        # pt, it, nl, sv
# words that name the answer only before a colon: 'Solution: B', not 'solution A is acidic'
_COLON_WORDS = ("solution|soluci[oó]n|lösung|soluzione|correct|right|key|clave|gabarito|ans|"
                "答案|正确答案|正解|정답|đáp\\s+án|jawaban|cevap|odpowiedź|vastaus")  # zh, ja, ko, vi, id, tr, pl, fi
_GOOD = r"(?:correct[ao]?|right|best|bonne|juste|richtige|correta|certa|final|true)"   # 'Respuesta correcta: B'
_AND = r"(?:\s*,\s*|\s*/\s*|\s*&\s*|\s+(?:and|or|nor|y|e|o|u|ni|et|ou|und|oder)\s+)"
_ONE = r"\(?[A-Z](?![\w’'-])\)?"
_RUN = rf"{_ONE}(?:{_AND}{_ONE})*"
_RUNS = rf"{_ONE}(?:{_AND}{_ONE})+"
_VERB = r"(?:is|are|was|were|would\s+be|es|son|era|fue|está|están|est|sont|ist|sind|é|são)"
# a verdict on a choice, not on a statement: 'B is false' is logic's, 'C is not a metal' chemistry's
_VERDICT = (r"(?:not\s+)?(?:wrong|incorrect|correct|right|the\s+(?:(?:right|correct|best|wrong|only|true)\s+)?"
            r"(?:answer|choice|option|one)|incorrect[ao]s?|correct[ao]s?|errad[ao]s?|cert[ao]s?|justes?|falsch|"
            r"richtig|la\s+(?:respuesta\s+)?correcta|la\s+bonne(?:\s+réponse)?)\b")
_OPENS = (r"(?:^|(?<=[.;:!?,])\s*|(?:^|(?<=\s))(?i:and|but|while|whereas|only|so|both|neither|y|pero|mientras|"
          r"solo|sólo|ni|et|mais|seule?|und|aber|nur|la|las)\s+)")
_START = r"(?:^|(?<=[.;!?])\s+)"   # a sentence's start
_REASON = r"(?i:because|since|as|for|porque|pues|ya|car|parce|puisque|weil|da|denn|pois)"
# a reason a sentence opened by a letter gives: 'B because…' ('H for hydrogen, C for carbon' names symbols)
_BECAUSE = r"(?i:because|since|porque|ya\s+que|car|parce\s+que|puisque|weil|pois)"
# what may follow 'the answer is B': the end of a clause, or a reason ('The answer is A bit tricky' is not A)
_AFTER = rf"(?=\s*[.,;:!?)—–]|$|\s+-\s|\s+{_REASON}\b)"
# what relates two things to each other rather than judging choices: 'A and B are independent'
_RELATED = (r"(?i:(?:not\s+|both\s+|also\s+|mutually\s+|each\s+other\s+)*(?:independ|depend|exclusive|disjoint|"
            r"parallel|perpendicular|congruent|similar|complementary|supplementary|collinear|coplanar|concurrent|"
            r"equal|equivalent|identical|opposite|inverse|adjacent|vertical|proportional|codominant|allele|isomer|"
            r"isotope|connected|linked|related|tangent|consistent|inconsistent|contradictory|the\s+same|alike|"
            r"in\s+(?:series|parallel|phase|contact|equilibrium)|independientes|paralel|iguales|congruentes|"
            r"equivalentes|indépendant|parallèle|égau|unabhängig|gleich))")
# a letter the text writes as notation, a name or a label, not a choice's: P(A), A ∩ B, x = A, statement A
_NOUNS = (r"(?i:events?|sets?|points?|statements?|propositions?|lines?|angles?|vert(?:ex|ices)|sides?|segments?|"
          r"types?|blood|groups?|vitamins?|alleles?|genes?|genotypes?|notes?|chords?|keys?|plans?|grades?|"
          r"figures?|panels?|structures?|regions?|zones?|layers?|sites?|matri(?:x|ces)|vectors?|persons?|people|"
          r"players?|teams?|towns?|cit(?:y|ies)|cars?|trains?|box(?:es)?|bags?|urns?|objects?|blocks?|"
          r"particles?|charges?|balls?|compounds?|substances?|solutions?|samples?|species|populations?|strains?|"
          r"tubes?|beakers?|curves?|graphs?|circuits?|resistors?|bulbs?|switch(?:es)?|countr(?:y|ies)|"
          r"compan(?:y|ies)|students?|hepatitis|schedule|eventos?|sucesos?|conjuntos?|puntos?|tipos?|grupos?|"
          r"vitaminas?|rectas?|ángulos?|événements?|ensembles?|ereignisse?|mengen?|punkte?)")
_MATH = "=<>≤≥≠+×·∩∪→⇒⇔∧∨¬∖⊂⊆∈∉|^′"


@lru_cache(maxsize=None)
def _patterns() -> dict[str, re.Pattern]:
    """The ways a text names a choice by letter, compiled when first needed: 'word' (after a word for a
    choice), 'verdict' (opening a sentence with a verdict on it), 'loose' (any verb: a text found naming one
    adds the letters its other sentences open with); read unless the letter is the subject's, 'verb runs' (two
    or more letters opening a sentence with a verb) and the explanation's own ways: 'runs' (with any word),
    'only', 'reason', 'label', 'first', 'not', 'pick'. And 'notation', 'nouns':
    the subject's letters a text writes."""
    return {
        "word": re.compile(rf"\b(?i:{_WORDS})(?:\s+(?i:{_GOOD}))?(?:\s*[:=]\s*|\s+)\(?({_RUN})|"
                           rf"\b(?i:{_COLON_WORDS})(?:\s+(?i:{_GOOD}))?\s*[:=：]\s*({_RUN}){_AFTER}|"
                           rf"\b(?i:answer|choice|option|one|respuesta|opci[oó]n|réponse|resposta|antwort|risposta|"
                           rf"alternativa|it)(?:\s+(?i:{_GOOD}))?\s+(?i:is|es|est|é|ist|è)\s+(?:(?i:not|no|pas|nicht)\s+)?"
                           rf"(?:(?i:la|el|le|a|the|letter|letra|lettre)\s+)?({_RUN}){_AFTER}"),
        "verdict": re.compile(rf"{_OPENS}({_RUN})\s+(?i:{_VERB})\s+(?i:{_VERDICT})"),
        "loose": re.compile(rf"{_OPENS}({_RUN})\s+(?i:{_VERB})\b"),
        "verb runs": re.compile(rf"{_OPENS}({_RUNS})(?!\s+(?i:{_VERB})\s+{_RELATED})\s+(?i:{_VERB})\b"),
        "runs": re.compile(rf"{_OPENS}({_RUNS})(?!\s+(?:(?i:{_VERB})\s+)?{_RELATED})\s+(?=[a-zà-ÿ])"),
        "only": re.compile(rf"(?<![\w’'-])(?i:only|just|both|neither|solo|sólo|solamente|seule?(?:ment)?|nur)\s+"
                           rf"(?:(?i:la|el|le|die)\s+)?({_RUN})\s+(?=[a-zà-ÿ])"),
        "reason": re.compile(rf"{_OPENS}(?:(?i:la|el|le)\s+)?({_RUN}),?\s+{_BECAUSE}\b"),
        "label": re.compile(rf"{_START}({_RUN})(?:\s*:|\)|\s+[—–-])\s"),
        "first": re.compile(rf"^\(?([A-Z])\)?\.\s+(?=[A-Z])"),
        "not": re.compile(rf"{_START}(?i:why\s+|¿?por\s+qué\s+)?(?i:not|no|pas|nicht)\s+(?:(?i:la|el|le)\s+)?"
                          rf"({_RUN}){_AFTER}"),
        "pick": re.compile(rf"\b(?i:choose|pick|select|eliminate|rule\s+out|cross\s+out|elige|descarta|choisis|"
                           rf"élimine|wähle)\s+(?:(?i:la|el|le)\s+)?({_RUN})"
                           rf"(?=\s*[.,;:!?)—–]|$|\s+(?i:first|then|instead|too|also)\b|\s+{_REASON}\b)"),
        "notation": re.compile(rf"(?<=[\w)])\(([A-Z])\)|(?<![\w’'-])([A-Z])\s*(?=[{_MATH}])|"
                               rf"(?<=[{_MATH}])\s*([A-Z])(?![\w’'-])"),
        "nouns": re.compile(rf"\b{_NOUNS}\s+({_RUN})|(?<![\w’'-])({_RUN})\s+(?:{_NOUNS}|(?i:cells?))\b|"
                            rf"(?:\b(?i:triangles?|segments?|lines?|rays?|angles?|polygons?|quadrilaterals?|"
                            rf"rectangles?|squares?|parallelograms?|trapezoids?|planes?|arcs?|chords?)\s+|[∠△□⊙])"
                            rf"([A-Z]{{2,5}})\b"),
    }


def _letters(match: re.Match) -> list[str]:
    return re.findall(r"[A-Z]", "".join(g for g in match.groups() if g))


def subjects(text: str, subject: str) -> set[str]:
    """The letters that are the subject's, not choices: standing as a word in the prompt or choices
    (``subject``), or written as notation or a name in ``text`` or there. An 'A' opening a sentence or a
    choice before a word ('A cell…') is the article, unless the subject stands other letters as words too."""
    pats = _patterns()
    subject = plain(subject) if subject else ""
    own = set(re.findall(r"(?<![\w’'-])[B-Z](?![\w’'-])", subject))
    if re.search(r"(?<![\w’'-])A(?![\w’'-])(?!\s+[a-z])", subject) or (
            own and re.search(r"(?<![\w’'-])A(?![\w’'-])", subject)):
        own.add("A")
    for found in (pats["notation"], pats["nouns"]):
        for m in found.finditer(f"{text} {subject}"):
            own.update(_letters(m))
    return own


def letters_named(text: Optional[str], count: int, subject: Optional[str] = "",
                  choices: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The choice letters (of ``count`` choices) that ``text`` names, in order: () when it names none.
    ``subject`` is an explanation's question's prompt and choices (a letter standing as a word there is the
    subject's); None for a prompt's or instructions' own text, read only in the ways a choice's letter is
    always meant. In an explanation's own ways, a run with a letter past the choices ('C, H, O and N') is
    the subject's, and so is a label before a word that starts with it when that word is not its choice
    ('B: boron…' where choice B is carbon: a symbol and its name; ``choices``: the question's)."""
    if not text:
        return ()
    text = " ".join(plain(text).split())
    if not re.search(rf"(?<![\w’'-])[{LETTERS[:count]}](?![\w’'-])", text):
        return ()  # (no capital of its choices stands alone: most texts, read at once)
    pats = _patterns()
    found: list[str] = []
    for name in ("word", "verdict"):
        for m in pats[name].finditer(text):
            found += _letters(m)
    own = subjects(text, subject or "")
    ways = ("verb runs",) if subject is None else ("runs", "only", "reason", "label", "first", "not", "pick")
    for name in ways:
        for m in pats[name].finditer(text):
            letters = _letters(m)
            if name == "label" and letters == ["A"] and re.search(r"\bQ\s*:", text):
                continue  # 'Q: … A: …' is a question and its answer
            if any(x not in LETTERS[:count] for x in letters) or (name == "label" and _symbol(m, text, choices)):
                continue
            if not own & set(letters):
                found += letters
    found = [x for x in found if x in LETTERS[:count]]
    if found:
        for m in pats["loose"].finditer(text):
            found += [x for x in _letters(m) if x in LETTERS[:count]]
    return tuple(sorted(set(found)))


def _symbol(label: re.Match, text: str, choices: tuple[str, ...]) -> bool:
    """Whether a label ('B: ') stands before a word that starts with its letter and is not its choice's text
    ('B: boron' where choice B is 'carbon'): a symbol and what it stands for."""
    letters = _letters(label)
    word = re.match(r"\s*(\w+)", text[label.end():])
    if len(letters) != 1 or not word or not choices or LETTERS.index(letters[0]) >= len(choices):
        return False
    word = word.group(1).casefold()
    return word[0] == letters[0].casefold() and not choices[LETTERS.index(letters[0])].casefold().startswith(word)


FIELDS = ("explanation", "prompt", "instructions")  # the question's own texts that may name its choices


def named_in(q) -> tuple[Optional[str], tuple[str, ...]]:
    """(the field, the letters) of the first text of a multiple-choice or select-all question that names its
    choices by letter; (None, ()) when none does."""
    if isinstance(q, (MultipleChoice, SelectAll)):
        for name in FIELDS:
            subject = " ".join([q.prompt or "", *q.choices]) if name == "explanation" else None
            found = letters_named(getattr(q, name), len(q.choices), subject, q.choices)
            if found:
                return name, found
    return None, ()


def naming(q) -> tuple[Optional[str], tuple[str, ...]]:
    """:func:`named_in` of a question whose choices versions would shuffle; (None, ()) for any other."""
    if not isinstance(q, (MultipleChoice, SelectAll)) or not q.shuffle or len(q.choices) - len(q.pinned) < 2:
        return None, ()
    return named_in(q)


def keeps_order(q) -> bool:
    """Whether the question's own text names its choices by letter, so that its choices keep their order."""
    return naming(q)[0] is not None


def warnings(guide) -> list:
    """A warning at the text of each question that names its choices by letter: versions keep its choices
    in their written order (the letters it names stay true)."""
    return [said(guide, n, q, naming(q), "versions keep its choices in order; write the choice's words instead "
                 "to let them shuffle") for n, q in enumerate(guide.questions, 1) if naming(q)[0]]


def said(guide, n: int, q, named: tuple, what: str):
    """The warning, at the text ``named`` (:func:`naming`) of question ``n``, that it names choices by letter,
    so ``what``."""
    from .errors import Problem
    from .noticed import after

    name, found = named
    return Problem(after(guide, q.where, getattr(q, name)), f"question {n}'s {name} names choices by letter "
                   f"({', '.join(found)}), so {what}", warning=True)
