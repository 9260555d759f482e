"""Sub- and superscripts typed as on a keyboard: 'Fe^3+', 'SO4^2-', '6.02 x 10^23', 'H2O'. The guide format has
no markup for them, so they print as typed (trial r14 finding 6: "Fe^3+ or SO4^2-" on the handout, the key, the
clues and the cloze); `validate` and `check` warn at the line with the characters to paste in their place. The
text is never rewritten: the teacher decides (a caret may be meant, in a lesson on spreadsheet formulas).

What is found, and what is left alone (measured on every guide in guides/ and tests/cases):
* a caret before a whole number or a charge ('10^-3', 'x^2', 'Fe^3+'), outside `code`, fenced ``` blocks, a
  spreadsheet formula ('=B2^0.5') and a web address: always. A power that no raised characters write in full
  ('x^0.5', 'x^-1/2', 'x^(1/2)') is named with nothing to paste: half of it pasted would change its meaning;
* a formula of two element symbols or more with a count ('H2O', 'SO4', 'Ca(OH)2', 'NH4+' with its charge, 'H2O'
  straight after Chinese): only in a guide that
  writes a sub- or superscript digit elsewhere or types a caret, since it is then about formulas and writes
  them one way or another. 'CO2 emissions' in a geography guide, 'A4 paper', 'MP3', 'COVID-19', 'B12' and 'O2'
  are not warned of. In such a guide too: an ion ('Ca2+', 'Na+', 'OH-'; not a grade 'C+' nor a level 'B2+', nor
  a prefix 'In- and out-groups' nor an element that makes no such ion, 'Be+', 'As-': see _ion) and
  a letter's subscript typed as in TeX ('v_0', 'x_{12}'; not a name such as 'file_2');
* a Greek letter's power ('π^2') and a power closed as Pandoc writes it ('Fe^3+^'), as any caret.
"""
from __future__ import annotations

import re

from . import fenced
from .errors import Location, Problem
from .model import Guide
from .quantities import ELEMENTS
from .reading.walker import clip

_SUP = str.maketrans("0123456789+-−()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁽⁾")
_SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
# printed as typed, carets and all: inline code, a spreadsheet formula ('=B2^0.5', '=A1^2') and a web address
_CODE = re.compile(r"`[^`\n]*`|(?<!\S)=[A-Za-z(]\S*|\b(?:https?://|www\.)\S+")
SHOWN = 10  # texts warned of one by one; past them, one warning for the guide, naming this many kinds of piece
_ACCEPTED = re.compile(r"(?<=\[\[)([^\]|]*)(\|[^\]]*)(?=\]\])")  # a blank's other answers: never printed
# an optional '6.02 x ' before a power of ten, the base (a bracket, or a word or number from its start: tried at
# every letter, a 100,000-letter gene sequence took minutes) and a caret before a signed whole number or a
# charge ('^2', '^-3', '^(-3)', '^3+', '^+') that ends there ('(m/s^2)': the bracket is the sentence's); a power
# of numbers with '.' or '/' between ('^0.5', '^-1/2', '^(1/2)') is 'rest'
_CARET = re.compile(r"(?P<times>(?<![\w.])\d+(?:\.\d+)? ?[xX*] ?(?=10\^))?"
                    r"(?P<base>\([^()\s]*\)|(?(times)|(?<![A-Za-z0-9\u0370-\u03ff]))[A-Za-z0-9\u0370-\u03ff]+)\^"
                    r"(?:(?P<power>\([+\-−]?\d+[+\-−]?\)|[+\-−]?\d+[+\-−]?|[+\-−])\^?(?![\w^]|[.,/]\d)"
                    r"|(?P<rest>(?P<open>\()?[+\-−]?\d+(?:[.,/][+\-−]?\d+)+(?(open)\))))")
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"  # written with no space before 'H2O'
_FORMULA = re.compile(rf"(?:(?<![\w\-‐/.])|(?<=[{_CJK}]))"
                      r"(?P<body>(?:[A-Z][a-z]?\d*|\((?:[A-Z][a-z]?\d*)+\)\d*)+)(?P<charge>[+\-−]?)"
                      rf"(?:(?![\w\-‐/])|(?=[{_CJK}]))")
# a letter's subscript typed as in TeX ('v_0', 'x_2', 'x_{12}', 'λ_1'): one letter, Latin or Greek, never a
# longer name ('file_2', 'score_1': a program's), and only in a guide about formulas (as for 'H2O' above)
_LOW = re.compile(r"(?<![\w\\])(?P<base>[A-Za-z\u0370-\u03ff])_(?:(?P<n>\d{1,2})|\{(?P<braced>\d{1,2})\})(?![\w{])")
_SYMBOL = re.compile(r"[A-Z][a-z]?")
# after a hyphen, the rest of a word it stands for: 'In- and out-groups', 'NO- or low-cost', 'Pr-, Po- forms'
_SUSPENDED = re.compile(r",? (?:and|or|to|&) [^\s\-]+-\w|, [A-Z][a-z]?- ")
_WRITTEN = re.compile(r"[₀-₉⁰¹²³⁴-⁹]")


def _formula(word: str, charge: str = "") -> bool:
    """A chemical formula typed with plain digits: element symbols only, two or more, and a count ('H2O', 'SO4',
    'Ca(OH)2'); not 'A4', 'MP3', 'PS' nor 'O2' (one symbol: 'B12', 'F1' and 'V8' are no formulas). With a
    ``charge``, an ion: 'OH-' needs no count, and one symbol makes one with a charge's number ('Ca2+', 'Fe3+'),
    or alone when it is two letters or H ('Na+', 'Cl-', 'H+'; not a grade's 'B-' or 'C+', nor B and C at all)."""
    symbols, counts = _SYMBOL.findall(word), re.findall(r"\d+", word)
    if not all(s in ELEMENTS for s in symbols) or not all(c[0] != "0" and 2 <= int(c) <= 99 for c in counts):
        return False  # (a formula writes no 1: 'H1N1' is a flu)
    if len(symbols) == 1 and charge:
        return re.fullmatch(r"[A-Z][a-z]?[2-7]?", word) is not None and _ion(symbols[0], bool(counts), charge)
    return len(symbols) >= 2 and (bool(counts) or bool(charge))


# The one-element ions a lesson writes (hostile r15, finding 4: 'In- and out-groups', 'No- or low-cost', 'Be+'
# and 'As-' were taken for ions). A charge of one, with no number: the ions of one charge, 'Na+', 'K+', 'Cl-'
# (one letter only for H and K: 'F-', 'I-' and 'S-' are a grade, a road and a wave). With a number, a metal's
# cation ('Ca2+', 'Fe3+') or a non-metal's anion ('O2-', 'N3-'). Never B and C: 'B2+' and 'C1' are language levels.
_ONE_PLUS = frozenset("H K Li Na Rb Cs Cu Ag Au Tl Hg".split())
_ONE_MINUS = frozenset("H Cl Br".split())
_ANIONS = frozenset("N O P S As Se Te".split())
_NOT_METALS = frozenset("H He B C N O F Ne Si P S Cl Ar Ge As Se Br Kr Te I Xe At Rn Ts Og".split())


def _ion(symbol: str, counted: bool, charge: str) -> bool:
    if not counted:
        return symbol in (_ONE_PLUS if charge == "+" else _ONE_MINUS)
    return symbol not in _NOT_METALS if charge == "+" else symbol in _ANIONS


def _written(body: str, charge: str) -> str:
    """A formula as it should be written: its counts low, its charge raised; one symbol's number is its charge's
    ('Ca2+' → 'Ca²⁺', as 'NH4+' → 'NH₄⁺')."""
    if len(_SYMBOL.findall(body)) == 1:
        symbol = _SYMBOL.match(body).group()
        return symbol + (body[len(symbol):] + charge).translate(_SUP)
    return body.translate(_SUB) + charge.translate(_SUP)


def _pasted(match: re.Match) -> str:
    """The caret's match as it should be written: '6.02×10²³', 'Fe³⁺', 'SO₄²⁻', 'x²'; '' when no raised
    characters write all of it ('x^0.5')."""
    if match["rest"]:
        return ""
    base = match["base"]
    if re.fullmatch(r"(?:[A-Z][a-z]?\d*)+", base) and all(s in ELEMENTS for s in _SYMBOL.findall(base)):
        base = base.translate(_SUB)  # ('SO4^2-', 'O2^-': the count is written low)
    power = match["power"]  # (a closing caret, '^3+^' as Pandoc writes it, is left out with the opening one)
    if power.startswith("(") and power.endswith(")"):
        power = power[1:-1]
    times = match["times"]
    lead = times.rstrip(" xX*") + "×" if times else ""
    return lead + base + power.translate(_SUP)


def _found(text: str, formulas: bool) -> list[tuple[int, str, str]]:
    """Each piece of keyboard notation in ``text``: (where it starts, as typed, as it should be written)."""
    blank = lambda m: " " * len(m.group())  # noqa: E731 (the text as long as it was: the columns stay)
    bare = _ACCEPTED.sub(lambda m: m[1] + blank(re.match(".*", m[2], re.S)), _CODE.sub(blank, fenced.blanked(text)))
    # (code prints as typed, carets and all; '[[H₂O|H2O]]' accepts the typed form in the exports, and prints H₂O)
    out = [(m.start(), m.group(), _pasted(m)) for m in _CARET.finditer(bare)]
    taken = [range(m, m + len(typed)) for m, typed, _ in out]
    if formulas:
        out += [(m.start(), m.group(), _written(m["body"], m["charge"])) for m in _FORMULA.finditer(bare)
                if _formula(m["body"], m["charge"]) and not any(m.start() in r for r in taken)
                and not _SUSPENDED.match(bare, m.end())]
        out += [(m.start(), m.group(), m["base"] + (m["n"] or m["braced"]).translate(_SUB)) for m in _LOW.finditer(bare)]
    return sorted(out)


def warnings(guide: Guide) -> list[Problem]:
    """A warning for each text holding keyboard notation, at its first piece, naming each with what to paste;
    for a guide with more than :data:`SHOWN` such texts (or a text with more than 6 pieces), one warning naming
    the first kinds of piece with their places and counting the rest. The powers with nothing to paste are
    named apart."""
    texts = list(guide.texts)
    formulas = any(_WRITTEN.search(t) or "^" in _CODE.sub("", fenced.blanked(t)) for _, t in texts)
    pieces: list[tuple[Location, str, str, int]] = []  # (place, as typed, to paste, which text)
    said: set = set()
    for where, text in texts:
        if (where, text) not in said:
            said.add((where, text))
            pieces += [(where.of(text, at), typed, pasted, len(said)) for at, typed, pasted in _found(text, formulas)]
    kept = [p for p in pieces if p[2]]
    texts_of = {n: list(dict.fromkeys(p[1:3] for p in kept if p[3] == n)) for n in dict.fromkeys(p[3] for p in kept)}
    few = len(texts_of) <= SHOWN and all(len(typed) <= 6 for typed in texts_of.values())
    out = [_one_text([p for p in kept if p[3] == n][0][0], typed) for n, typed in texts_of.items()] if few else \
        _grouped(kept)
    return out + _unpasteable([(where, typed) for where, typed, pasted, _ in pieces if not pasted])


def _one_text(where: Location, typed: list[tuple[str, str]]) -> Problem:
    one = len(typed) == 1
    return Problem(where, f"{_and([_q(t) for t, _ in typed])} print{'s' if one else ''} as typed: a guide has no "
                          f"markup for superscripts and subscripts; paste {_and([_q(p) for _, p in typed])} in "
                          f"{'its' if one else 'their'} place (copy from this message)", warning=True)


def _grouped(pieces: list[tuple[Location, str, str, int]]) -> list[Problem]:
    """One warning for the guide's pieces: each kind (as typed) with what to paste, its first place and how many
    places; past :data:`SHOWN` kinds, how many more kinds in how many places, and where the first of them are."""
    kinds: dict[tuple[str, str], list[Location]] = {}
    for where, typed, pasted, _ in pieces:
        kinds.setdefault((typed, pasted), []).append(where)
    named = [f"'{t}' → '{p}' ({_place(places[0])}{f', {len(places):,} places' if len(places) > 1 else ''})"
             for (t, p), places in list(kinds.items())[:SHOWN]]
    rest = list(kinds.items())[SHOWN:]
    if rest:
        count = sum(len(places) for _, places in rest)
        named.append(f"{len(rest):,} more kind{'s' if len(rest) > 1 else ''} of piece in {count:,} "
                     f"place{'s' if count > 1 else ''} ({_and([_q(t) for (t, _), _ in rest[:3]])}"
                     f"{', …' if len(rest) > 3 else ''}), the first at {_place(rest[0][1][0])}")
    return [Problem(pieces[0][0], f"{len(pieces):,} pieces of keyboard notation print as typed: a guide has no "
                                  f"markup for superscripts and subscripts; paste what follows each arrow in its "
                                  f"place (copy from this message): {_and(named)}", warning=True)]


def _unpasteable(pieces: list[tuple[Location, str]]) -> list[Problem]:
    """One warning for the powers no raised characters write in full ('x^0.5', 'x^(1/2)'), with their places."""
    if not pieces:
        return []
    named = [f"'{typed}' ({_place(where)})" for where, typed in pieces[:6]]
    if len(pieces) > 6:
        named.append(f"{len(pieces) - 6:,} more, the first of them at {_place(pieces[6][0])}")
    one = len(pieces) == 1
    it = "it" if one else "them"
    return [Problem(pieces[0][0], f"{_and(named)} print{'s' if one else ''} as typed, and no raised characters "
                                  f"write all of {it} (there is no raised '.' or '/'): leave {it} as typed, or write "
                                  f"the power another way (√x for x^(1/2), 1/x for x^-1, or in words)", warning=True)]


def _place(where: Location) -> str:
    return f"line {where.line}:{where.col}" if where.col else f"line {where.line}" if where.line else "the guide"


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _q(text: str) -> str:
    return f"'{text}'"
