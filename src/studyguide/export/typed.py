"""A blank's answers as students type them (trial r10, H1): an auto-marked blank whose only answer is ``10⁻³`` or
``6.02×10²³`` marks every typed answer wrong, since no keyboard types ⁻, ³ or ×.

For the exports that accept several answers to a blank (Moodle, Canvas/QTI, Quizizz), each answer gets the forms a
keyboard types, added after the teacher's own where they are plain: superscripts as ``^`` and their digits (``10^-3``,
``m^2``, ``SO4^2-``), subscripts as digits (``H2O``), × as ``x`` and ``*``, the minus sign − as ``-``, the fraction
slash ⁄ as ``/``. A blank with no answer a keyboard types even so (``A → B``, ``½``, ``≤ 5``) is warned of at its
question's line, with the way to add the typed forms. Pure: a guide in, the guide and warnings out.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..errors import Problem
from ..model import Blank, FillInBlank, Guide
from ._common import NAMES, plain, warn

_SUPER = "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾"
_SUPER_RUN = re.compile(f"[{_SUPER}]+")
_SUPERS = str.maketrans(_SUPER, "0123456789+-=()")
_SUBS = str.maketrans("₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎", "0123456789+-=()")
_PLAIN = str.maketrans({"\u2212": "-", "\u2044": "/"})
# what no keyboard types: superscripts and subscripts, ×, ÷, −, fractions such as ½, arrows and maths signs
_UNTYPED = re.compile("[\u00b2\u00b3\u00b9\u00bc-\u00be\u00d7\u00f7\u2044\u2070-\u209f\u2150-\u215f"
                      "\u2190-\u21ff\u2200-\u22ff]")
# the exports whose blanks accept several answers, by their names and the names teachers know them by
ACCEPTING = ("moodle", "qti", "quizizz", "canvas", "brightspace", "wayground")


def typed_forms(answer: str) -> list[str]:
    """The forms a keyboard types of ``answer`` ('6.02×10²³' → ['6.02x10^23', '6.02*10^23']); [] when it is
    typed as it is, or still holds a character no keyboard types."""
    text = _SUPER_RUN.sub(lambda m: "^" + m.group(0).translate(_SUPERS), answer).translate(_SUBS).translate(_PLAIN)
    forms = [text.replace("\u00d7", "x"), text.replace("\u00d7", "*")] if "\u00d7" in text else [text]
    return [] if text == answer or _UNTYPED.search(forms[0]) else forms


def untyped(text: str) -> list[str]:
    """The characters of ``text`` a keyboard does not type, each once."""
    return list(dict.fromkeys(_UNTYPED.findall(plain(text))))


def typeable(guide: Guide, fmt: str) -> tuple[Guide, list[Problem]]:
    """``guide`` with its blanks' typed forms added as accepted answers, for the export ``fmt``, and a warning at
    each question with a blank none of whose answers a keyboard types; the guide as it is for other formats."""
    if fmt not in ACCEPTING:
        return guide, []
    name = NAMES.get(fmt, fmt.capitalize())
    questions, problems = [], []
    for n, q in enumerate(guide.questions, 1):
        if isinstance(q, FillInBlank):
            parts = tuple(Blank(tuple(dict.fromkeys(b.answers + tuple(f for a in b.answers for f in typed_forms(a)))))
                          if isinstance(b, Blank) else b for b in q.parts)
            for b in (p for p in parts if isinstance(p, Blank)):
                if all(untyped(a) for a in b.answers):
                    only = "only answer" if len(b.answers) == 1 else "answers"
                    chars = " ".join(untyped(b.answer))
                    problems.append(warn(q, n, f"{fmt}: the blank's {only} \"{b.answer}\" cannot be typed on a "
                                               f"keyboard ({chars}), so {name} marks every student's typed answer "
                                               f"wrong: add what students type as other answers after a |, such as "
                                               f"[[{b.answer}|…]]"))
            q = replace(q, parts=parts) if parts != q.parts else q
        questions.append(q)
    return replace(guide, questions=tuple(questions)), problems
