"""Where a worked formula in running text may not break: the printed page's no-break spaces.

A teacher types a formula with spaces round its signs ("Slope = (9 − (−3)) / (4 − 0) = 12 / 4"), and a line
could end on "(9" with "− (−3))" on the next, or on "at d =" with "9 m" below. The spaces that would part a
formula that way become no-break spaces as the paragraph is set (only the printed page: the exports keep
the guide's text as typed):

* after a minus sign that starts a term (a space or a bracket before it): "− 3", "− (−3)";
* inside a short bracket that holds a number or a sign ("(4 − 0)", "(0, 2)"), and just inside any bracket;
* after "=" (or ≈ ≠ ≤ ≥ < >) when a short operand or a number follows ("= 9 m" keeps "= 9", "< −7" its "−7"), and
  before it after a short name ("d = 9": the "d" stays with its sign). Never before it after a number: a line may
  end on "−12" with "< −7" on the next, so that a chain "−30 < −20 < −10 < 0 < 10" breaks before any of its signs
  (glued whole, it was wider than a narrow cell and the word cutter split a number: hostile r15, finding 1).

* between every part of a short formula of three or more parts ("a² + b² = c²", "x + 3 = 7"): it fits on a
  line whole, so it goes on to the next whole rather than leave "a²" at one line's end and "+ b² = c²" on
  the next (trial r11, the geometry summary).

A line still breaks between the parts of a long formula: at " / ", " + ", before a minus, and between a
bracket and what follows it.
"""
from __future__ import annotations

import re

NB = "\u00a0"
_SIGNS = "−–-"  # minus, and the en dash and hyphen typed for one
_SIGN = "[−–\\-]"
_RELATIONS = "=≈≠≤≥"
# a minus that starts a term (a space, a bracket or a tag's end before it), then a space, then a number or "("
_MINUS = re.compile(rf"(?<![^\s(>{NB}])({_SIGN}) +(?=[\d(.]|\u221a)")
# a bracket with no tag inside, at most one bracket within it (an operand "(−3)")
_BRACKET = re.compile(r"\((?:[^()<>]|\([^()<>]*\))*\)")
_SHORT_BRACKET = 20  # characters, brackets included: "(9 − (−3))" is 10, "(y₂ − y₁)" 9
_MATHS = re.compile(rf"\d|{_SIGN}|[+×÷/=^·]")
# a relation with spaces round it: the operand after it is short (up to 6 characters, then a space,
# punctuation or the text's end), or the name before it is (up to 2 characters: d, v, x₁)
# '<' and '>' too, escaped in markup as '&lt;' and '&gt;'; and a number after a relation, however long, stays with it
# ("so −12 < −7." broke as "so −12 <" and "−7.": trial r15, finding 7); a number before one is not kept with it
_AFTER = re.compile(rf"(?:(?<=[ {NB}][{_RELATIONS}])|(?<=[ {NB}]&lt;)|(?<=[ {NB}]&gt;)) +"
                    rf"(?=[^\s<]{{1,6}}(?:[\s<.,;:!?)]|$)|{_SIGN}?[\d.,]*\d)")
_BEFORE = re.compile(rf"(?:(?<=^[^\s<>]{{1}})|(?<=[\s>(][^\s<>]{{1}})|(?<=^[^\s<>]{{2}})|(?<=[\s>(][^\s<>]{{2}}))(?<!\d) +"
                     rf"(?=(?:[{_RELATIONS}]|&lt;|&gt;)[ {NB}])")
_LESS_MORE = ("&lt; ", "&gt; ", " &lt;", " &gt;")
_TRIGGER = re.compile(rf"[{_SIGN[1:-1]}{_RELATIONS}(]|&[lg]t;")  # (searched: a third of the time a set of the characters took)
# a short formula: three or more operands (no longer than _PART characters each, tags aside) joined by signs
# with spaces round them, one a sign of maths (a hyphen or en dash alone is a dash in a sentence)
_OPERAND = rf"(?:[^\s<{NB}]|<[^>]*>)+"
_CHAIN = re.compile(rf"(?<![^\s>(]){_OPERAND}(?:[ {NB}]+[+×÷/·−–{_RELATIONS}\-][ {NB}]+{_OPERAND}){{2,}}")
_MATHS_SIGN = re.compile(rf"[ {NB}][+×÷·−{_RELATIONS}][ {NB}]")
_JOINED = re.compile(rf"[ {NB}][+×÷/·−–{_RELATIONS}\-][ {NB}]")  # a sign _CHAIN joins by, spaced: none, no formula
_PART, _SHORT_FORMULA = 8, 20  # characters: an operand ("2πr", "√(a²"), and the whole ("a² + b² = c²" is 12)
_TAGS = re.compile(r"<[^>]*>")


def keep_formulas(markup: str) -> str:
    """Markup whose spaces inside a formula (see the module's note) are no-break spaces."""
    if _TRIGGER.search(markup) is None:  # (most paragraphs: nothing to look for)
        return markup
    if "(" in markup:
        markup = _BRACKET.sub(_bracket, markup)
    # each pattern is tried only where what it must find is there: a sign with a space after it (_MINUS), a
    # relation with a space on either side (_AFTER, _BEFORE), a spaced sign (_CHAIN). Most paragraphs hold a "="
    # or "-" only inside a tag (<font name="DejaVuSans-Bold">), and the four patterns took 3 % of a build there
    if any(s + " " in markup for s in _SIGNS):
        markup = _MINUS.sub(rf"\1{NB}", markup)
    if any(" " + r in markup or r + " " in markup for r in _RELATIONS) or any(r in markup for r in _LESS_MORE):
        markup = _BEFORE.sub(NB, _AFTER.sub(NB, markup))
    return _CHAIN.sub(_short_formula, markup) if _JOINED.search(markup) else markup


def _short_formula(found: re.Match) -> str:
    """A formula's text with no-break spaces, when it is short (:data:`_SHORT_FORMULA`) and its parts are."""
    text = found.group()
    plain = _TAGS.sub("", text)
    parts = re.split(rf"[ {NB}]+", plain)
    if len(plain) > _SHORT_FORMULA or max(len(p) for p in parts[::2]) > _PART or not _MATHS_SIGN.search(plain):
        return text
    return "".join(part if part.startswith("<") else part.replace(" ", NB) for part in re.split(r"(<[^>]*>)", text))


def _bracket(found: re.Match) -> str:
    text = found.group()
    if " " not in text:
        return text
    if len(text) <= _SHORT_BRACKET and _MATHS.search(text):
        return text.replace(" ", NB)
    return re.sub(r"(?<=^\() +| +(?=\)$)", lambda m: NB * len(m.group()), text)  # "( 9" keeps its "("
