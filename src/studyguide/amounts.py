"""Amounts in a guide's text: a number, perhaps signed, with a currency sign or a unit ('62.8', '1 ½', '9⁄20',
'−4 °C', '$6.00', '2 ATP'). What a math teacher does with them: numbers in a word bank and numeric choices are
listed in increasing order (:func:`ascending`), and a short answer that is an amount worked out from the
prompt's numbers is a word problem, which gets room for the working (:func:`worked`, :func:`word_problem`).

No reportlab and no yaml: the reader (reading/), the model's word bank and the layout all use it.
"""
from __future__ import annotations

import re
from fractions import Fraction
from functools import lru_cache
from typing import Optional, Sequence

from .inline import plain
from .scripts import GLUED_LETTERS, glued_letter

MATH_SIGNS = set("=≈≠×÷±≤≥√π∑∫")
SIGNS = "$€£¥₹₩₽₺₪₫฿₦₱₴₵₡₲₸"  # a currency's sign, before the number or after it ('€5', '5 €', '5€')
# a sign with its country's capitals ('R$', 'US$', 'A$', 'HK$'), or a currency's code as a word ('CHF 5')
CURRENCY = (rf"(?:[A-Z]{{1,3}})?[{SIGNS}]|(?:USD|EUR|GBP|JPY|CNY|CHF|INR|BRL|ZAR|AUD|CAD|NZD|MXN|RUB|KRW|SEK|NOK|"
            r"DKK|PLN|TRY|HKD|SGD|Rs\.?)\s?")
_MILLIONS = r"(?:bn|mn|tn|[mkbMKB])"  # '$5m', 'R$2.5bn': written on to money only (a '5m' alone is metres)
NUMBER = re.compile(rf"(?:(?:{CURRENCY})[−+-]?[\d½¼¾⅓⅔⅛⅜⅝⅞](?:[\d.,/⁄]*\d)?{_MILLIONS}?|"  # $20, R$5.00, US$1, $5m
                    rf"[−+-]?[\d½¼¾⅓⅔⅛⅜⅝⅞](?:[\d.,/⁄½¼¾⅓⅔⅛⅜⅝⅞]*[\d½¼¾⅓⅔⅛⅜⅝⅞])?[%{SIGNS}¢]?)")  # 62.8, −4, 9⁄20, 25%, 5€
YEAR = re.compile(r"1\d{3}|20\d{2}")  # a year alone is a date, not a result ('1776')
_VULGAR = {"½": Fraction(1, 2), "¼": Fraction(1, 4), "¾": Fraction(3, 4), "⅓": Fraction(1, 3), "⅔": Fraction(2, 3),
           "⅛": Fraction(1, 8), "⅜": Fraction(3, 8), "⅝": Fraction(5, 8), "⅞": Fraction(7, 8)}
_V = "½¼¾⅓⅔⅛⅜⅝⅞"


@lru_cache(maxsize=None)
def _amount() -> re.Pattern:
    """A sign and a currency; a mixed number ('1 1/2'), a fraction ('9⁄20'), a whole and a vulgar fraction ('1 ½'),
    a whole or decimal number (thousands with commas), or a vulgar fraction alone; a percent; then the unit, if
    any: after a space, or written onto the number in Hangul, kana or Han (1392년, 15세기, 500円, 3人). Compiled when first needed (start-up time)."""
    return re.compile(rf"(?P<sign>[−+-]?)(?P<cur>(?:(?:{CURRENCY})\s?)?)(?:(?P<w1>\d+)\s+(?P<n1>\d+)\s*[/⁄]\s*(?P<d1>\d+)|"
                      rf"(?P<n2>\d+)\s*[/⁄]\s*(?P<d2>\d+)|(?P<w3>\d+)\s?(?P<v3>[{_V}])|"
                      rf"(?P<w4>\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.(?P<dec>\d+))?|\.(?P<dot>\d+)|(?P<v5>[{_V}]))"
                      rf"(?P<pct>%?)(?P<unit>(?:\s+\S.*|[{SIGNS}¢]|(?<=\d){_MILLIONS}|[{GLUED_LETTERS}]+)?)$")


def amount(text: str) -> Optional[tuple[Fraction, str]]:
    """(value, unit) of a text that is an amount ('1 ½ cups' → (3/2, '|cups'), '$6.00' → (6, '$|'),
    '−4 °C' → (−4, '|°C')); None for anything else ('18th century'; '3 × 10⁸ m/s' has the unit '× 10⁸ m/s')."""
    m = _amount().match(" ".join(plain(text).split()))
    if not m:
        return None
    g = m.groupdict()
    if g["unit"][:1].isalpha() and not g["cur"] and not glued_letter().match(g["unit"]):  # '5m' (metres, or millions?), '18th'
        return None
    if g["d1"] or g["d2"]:
        if int(g["d1"] or g["d2"]) == 0:
            return None
        value = int(g["w1"] or 0) + Fraction(int(g["n1"] or g["n2"]), int(g["d1"] or g["d2"]))
    elif g["v3"]:
        value = int(g["w3"]) + _VULGAR[g["v3"]]
    elif g["w4"]:
        value = Fraction(g["w4"].replace(",", "") + ("." + g["dec"] if g["dec"] else ""))
    elif g["dot"]:
        value = Fraction("0." + g["dot"])
    else:
        value = _VULGAR[g["v5"]]
    return (-value if g["sign"] in ("−", "-") else value), f"{g['cur'].strip()}{g['pct']}|{g['unit'].strip()}"


def ascending(texts: Sequence[str]) -> Optional[list[int]]:
    """The indexes of ``texts`` in increasing order of value when every one is an amount of the same unit
    (or none has a unit); None otherwise (a word among them, or two units). Equal values keep their order."""
    found = [amount(t) for t in texts]
    if len(texts) < 2 or any(a is None for a in found) or len({a[1] for a in found}) > 1:
        return None
    return sorted(range(len(texts)), key=lambda i: found[i][0])


def worked(answer) -> bool:
    """A model answer that is worked out rather than written: a number and perhaps its unit, the unit in three
    words at most, not a list and not a name ('1 ⅞ cups', '−4 °C', '97 ppm per year', '$20', '25%', '9.8 N',
    '6 mol CO₂'; not '1914, in Sarajevo', '18th century', '2 World Wars' or a year alone), or a calculation: a
    sign of one with a number beside it ('C = π × 66 ≈ 207.2 cm'; not '(a = b)')."""
    text = plain(answer or "").strip().rstrip(".")
    if any(c in MATH_SIGNS for c in text) and any(c.isdigit() for c in text):
        return True
    words = re.sub(rf"^({CURRENCY})\s+(?=\d)", r"\1", text).split()  # 'CHF 5', '₹ 300': one amount
    numbers = 0
    while numbers < min(2, len(words)) and NUMBER.fullmatch(words[numbers]):
        numbers += 1
    unit = words[numbers:]
    if numbers == 0 or len(unit) > 3 or any(c in ",;:" for w in unit for c in w):
        return False
    # 'World Wars', 'Battle of Hastings': not units; a formula in capitals ('CO₂', 'ATP') is one
    named = any(len(w) > 2 and w[0].isupper() and any(c.islower() for c in w) for w in unit)
    return not named and not (YEAR.fullmatch(words[0]) and not unit)


def word_problem(prompt: str, answer, tabled: bool = False) -> bool:
    """A short answer worked out from numbers its prompt gives ('Cookies sell for 3 for $1.50. How much do 12
    cookies cost?' → '$6.00'), or from a table's in a guide that holds one (``tabled``: 'Use the table in Unit 6.
    How many degrees warmer is Madrid than Montreal?' → '18 °C'): it needs room for the working, not one line. A
    prompt without a number asks for a fact to recall ('What is water's boiling point?' → '100 °C'), which one
    line holds."""
    return worked(answer) and (given(prompt) or tabled and bool(_TABLE.search(plain(prompt or ""))))


# A prompt that points at a table ('the table in Unit 6', 'this table', 'Table 2', 'the data table'), in the languages
# with labels of their own and Italian; not a word that only holds 'table' ('the periodic table', 'the times table',
# 'table tennis', 'table salt'), which asks for a fact. Only words for 'this', 'the' and a few kinds of table
# (data, lab, results) may stand before it, and a compound's second word may not follow it.
_KINDS = r"(?:(?:data|lab|results?|summary|frequency|value|conversion)\s+)?"
_NOT_AFTER = (r"(?!\s+(?:tennis|salt|spoons?|spoonfuls?|cloth|manners|tops?|wine|legs?|lamps?|settings?|football|"
              r"periódica|periodica|periódico|périodique|de\s+multiplicar|de\s+multiplication|de\s+multiplicação|"
              r"da\s+tabuada|pitagorica|noir)\b)")
_TABLE = re.compile(
    rf"\b(?:(?:the|this|that|these|those|each|our|your)\s+{_KINDS}tables?|"  # English
    r"(?:la|las|esta|estas|esa|esas|una)\s+tablas?|"  # Spanish
    r"(?:le|les|ce|cet|ces|du|des|au|aux)\s+tableaux?|"  # French
    r"(?:der|die|den|dem|diese[rnms]?|jede[rnms]?)\s+tabellen?|"  # German
    r"(?:a|as|na|nas|da|das|esta|essa)\s+tabelas?|"  # Portuguese
    r"(?:la|le|nella|della|alla|questa|quella)\s+tabell[ae])\b" + _NOT_AFTER +  # Italian
    r"|\b(?:tables?|tablas?|tableaux?|tabellen?|tabelas?|tabell[ae])\s+\d|表格", re.IGNORECASE)


@lru_cache(maxsize=None)
def _reference_and_quantity() -> tuple[re.Pattern, re.Pattern]:
    """A place in the text, not an amount ('Figure 2', 'paragraph 3', 'Lines 16-20', 'Question 4', 'Chapter 3'); and
    a quantity. Compiled when a prompt is first looked at (2.2 ms of every start-up, for a guide that needs neither)."""
    reference = re.compile(r"\b(?:fig(?:ure)?s?|paragraphs?|paras?|pages?|pp?|questions?|q|lines?|ll?|chapters?|ch|"
                           r"sections?|tables?|units?|lessons?|steps?|parts?|exercises?|problems?|items?|verses?|"
                           r"acts?|scenes?|slides?|sources?|documents?|graphs?|diagrams?|maps?)\.?\s*"
                           r"\d+[a-z]?(?:\s*(?:[-–—,]|and|to)\s*\d+[a-z]?)*", re.IGNORECASE)
    quantity = re.compile(rf"(?<![\w.])(?:(?P<code>{CURRENCY})\s*(?=\d))?" + NUMBER.pattern
                          + rf"(?P<unit>\s*(?:°\w*|[a-zA-Zµ]{{1,3}}\b|[{SIGNS}¢]))?")
    return reference, quantity


def given(prompt: str) -> bool:
    """Whether a prompt gives amounts to work from: two numbers at least, or one that is a measure (a decimal,
    a fraction, money, a percent, or a number with a short unit: '1.0 mol', '9.8 m'). A reference to a place
    ('Figure 2', 'paragraph 3', 'Lines 16–20', 'Question 4') or a year ('in 1776') is not one."""
    reference, quantity = _reference_and_quantity()
    text = reference.sub(" ", plain(prompt or ""))
    found = [m for m in quantity.finditer(text) if not YEAR.fullmatch(m.group(0).strip())]
    if len(found) >= 2:
        return True
    return any(re.search(rf"[.,/⁄{SIGNS}¢%½¼¾⅓⅔⅛⅜⅝⅞]", m.group(0).split()[0]) or m.group("unit") or m.group("code")
               for m in found)


def one_line(answer) -> bool:
    """A model answer that is a word, a number or a short phrase (five words at most, no sentence in
    it): its question gets one line by default, and asks for the answer rather than for sentences.
    Only pieces holding a letter or a digit are words: in '3,000 N (3.0 × 10³ N)' the × is not."""
    if not answer:
        return False
    text = plain(answer).strip()
    words = [w for w in text.split() if any(c.isalnum() for c in w)]
    return len(words) <= 5 and not re.search(r"[.!?;](\s|$)", text) and "\n" not in text
