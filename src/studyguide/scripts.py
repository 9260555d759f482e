"""Writing systems that need more than one glyph per character, and the capitals of puzzle grids.

reportlab draws one glyph per character, left to right, where the font puts it. That is enough for
Latin, Greek, Cyrillic, Armenian, Georgian, Chinese, Japanese, Korean (its syllables come
precomposed), Hebrew and Arabic (:mod:`studyguide.rtl` orders them and gives Arabic its joined
forms). It is not enough for the scripts in :data:`SHAPED`: their vowel signs go before the
letter they follow in the text (ि in हि), letters join into one shape (क्ष) or stack (Khmer's
subscripts, Tibetan's stacks). Only a shaping engine such as HarfBuzz does that, with the font's
own rules, and the oldest reportlab we support has none. So a guide that uses them gets one warning
per script, at its first line, instead of pages that look right to nobody who reads them.

Thai and Lao are not in the list: they are typed in the order they are written and their letters
do not join; their marks sit over or under a letter as the font draws them.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from functools import lru_cache
from itertools import product
from typing import Iterable, Optional

from .accents import composed
from .errors import Location, Problem

# (first, last, what a teacher calls it): the blocks of scripts whose letters join, reorder or stack
_BLOCKS = (
    (0x0700, 0x074F, "Syriac"),
    (0x07C0, 0x07FF, "N'Ko"),
    (0x0900, 0x097F, "Hindi (Devanagari)"),
    (0x0980, 0x09FF, "Bengali"),
    (0x0A00, 0x0A7F, "Punjabi (Gurmukhi)"),
    (0x0A80, 0x0AFF, "Gujarati"),
    (0x0B00, 0x0B7F, "Odia"),
    (0x0B80, 0x0BFF, "Tamil"),
    (0x0C00, 0x0C7F, "Telugu"),
    (0x0C80, 0x0CFF, "Kannada"),
    (0x0D00, 0x0D7F, "Malayalam"),
    (0x0D80, 0x0DFF, "Sinhala"),
    (0x0F00, 0x0FFF, "Tibetan"),
    (0x1000, 0x109F, "Burmese (Myanmar)"),
    (0x1780, 0x17FF, "Khmer"),
    (0x1800, 0x18AF, "Mongolian"),
    (0x19E0, 0x19FF, "Khmer"),
    (0x1B00, 0x1B7F, "Balinese"),
    (0x1CD0, 0x1CFF, "Hindi (Devanagari)"),  # Vedic marks
    (0xA8E0, 0xA8FF, "Hindi (Devanagari)"),  # Devanagari Extended
    (0xA980, 0xA9DF, "Javanese"),
    (0xA9E0, 0xA9FF, "Burmese (Myanmar)"),
    (0xAA60, 0xAA7F, "Burmese (Myanmar)"),
)
_STARTS = [first for first, _, _ in _BLOCKS]
SHAPED = tuple(dict.fromkeys(name for _, _, name in _BLOCKS))  # the scripts, once each



# Hangul (jamo, compatibility jamo, syllables), kana, Han: the letters Korean, Japanese and Chinese write a
# particle or a unit onto, with no space (한자로, 漢字を, 1392년, 500円): a regular-expression class's inside
GLUED_LETTERS = ("\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
                 "\uf900-\ufaff\uff66-\uff9f")


@lru_cache(maxsize=None)
def glued_letter() -> re.Pattern:
    """One of :data:`GLUED_LETTERS`. Compiled when first needed: its 50,000 characters take Python's re about
    2.5 ms, which every start-up paid (amounts, activities and citations each compiled it at import)."""
    return re.compile(f"[{GLUED_LETTERS}]")


# the vowel and other marks written over and under Hebrew and Arabic letters: a word's ending is the term's word
# (عائلةُ, أخًا for أخ), blanked whole, or the mark alone beside a blank printed a hint of the answer
POINTS = "\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4" \
    "\u06e7\u06e8\u06ea-\u06ed"
MARKED_END = f"(?:[{POINTS}]+[\\w{POINTS}]*)?"  # (for a pattern: the rest of a word that goes on with a mark)
UNSEEN = frozenset("\u200b\u00ad\u2060\ufeff")  # pasted, printed as nothing (noticed.INVISIBLE warns of them)
# invisible by design, and drawn by no font (each would print as a box): the variation selectors after U+FE0F (an IME
# writes U+E0100 after 辻 for an official name's glyph), the tag characters after a flag, the Mongolian free variation
# selectors and vowel separator, the Khmer inherent vowels, U+2065, U+FFF0-FFF8 and the shorthand format controls.
# Dropped from a guide's text as it is read (reading.loader), as U+FE00-FE0F are drawn as nothing by the bundled font.
_UNDRAWN = re.compile("[\u17b4\u17b5\u180b-\u180f\u2065\ufff0-\ufff8\U0001bca0-\U0001bca3\U000e0000-\U000e0fff]")


def drawable(text: str) -> str:
    """``text`` as the fonts draw it: without the invisible code points no font draws (:data:`_UNDRAWN`), each letter
    typed with its accents as marks of their own composed (:mod:`accents`; trial r15, finding 1). Every text a guide
    gives passes here as it is read (reading.loader)."""
    return text if text.isascii() else composed(_UNDRAWN.sub("", text))


# Japanese kanji and katakana (a regular-expression class's inside), and the sides of a term that stands as a word of
# its own: no kanji or katakana before it, only kana endings (を, です) after it (水 in 水を, not in 水曜日 nor 香水)
JA_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u30a0-\u30ff\uff66-\uff9f"
JA_AFTER, JA_BEFORE = "(?![^\\W\u3040-\u309f])", f"(?<![{JA_HAN}])"

# the particles and copula endings Korean writes onto a noun (물+을, 한자+로, 자음+입니다), longest first; up to
# two of them (한자+로+는) and then the word's end may follow a Korean term (the cloze's and the notes' rule)
KO_ENDINGS = sorted("은 는 이 가 을 를 의 에 에서 에게 에게서 께 께서 한테 로 으로 로서 으로서 로써 으로써 와 과 랑 이랑 "
                    "하고 도 만 까지 부터 처럼 보다 마다 조차 나 이나 든지 이든지 야 이야 이다 다 입니다 이에요 "
                    "예요 이었다 였다 이며 며 이고 고 라고 이라고 인 란 이란".split(), key=len, reverse=True)
KO_AFTER = f"(?=(?:{'|'.join(KO_ENDINGS)}){{0,2}}(?!\\w))"
# the Arabic definite article, written onto its noun, alone or after و, ف, ب, ك or ل (لل): البنت, والبيت, للبنت
ARABIC_ARTICLE = r"(?:(?<=(?<!\w)ال)|(?<=(?<!\w)[وفبك]ال)|(?<=(?<!\w)لل))"


def hebrew_prefixes(letters: int) -> str:
    """A pattern's start for a Hebrew word found after the one-letter words written onto it, in their order: ו (and),
    then ש, כש or מש (that, when, since), then ב, ל, כ or מ (in, to, as, from), then the article ה: הבית, בבית,
    והבית, שבבית, מהבית; each a lookbehind of its own (Python's are of one width), so those letters stay outside the
    match. Which of them a term of so many ``letters`` is found after: a two-letter term only after those that end in
    ה (ים is not in מים, nor בן in לבן, white); a three-letter one not right after מ or ש, as מ + three letters is the
    commonest noun pattern (ספר is not in מספר, number; nor קום in מקום) and ש + three is often a word too (מלה is
    not in שמלה, dress) (r13 hostile finding 2); a longer term after any (מהמחברת, שהמחברת)."""
    prefixes = ["".join(p) for p in product(("", "ו"), ("", "ש", "כש", "מש"), ("", "ב", "ל", "כ", "מ"), ("", "ה"))]
    kept = sorted((p for p in prefixes if p and (p.endswith("ה") if letters < 3 else
                                                  letters > 3 or not p.endswith(("מ", "ש")))), key=len, reverse=True)
    return "(?:" + "|".join(f"(?<=(?<!\\w){p})" for p in kept) + ")"


def folded(text: str) -> str:
    """Text in small letters without its accents, for telling words apart as a reader would not:
    'Constitución' and 'constitucion', 'Término' and 'termino', 'Résumé' and 'resume' are one; so are
    'run\\u200boff' and 'runoff' (a pasted zero-width space or soft hyphen is not seen on paper)."""
    return "".join(c for c in unicodedata.normalize("NFD", text.casefold())
                   if not unicodedata.combining(c) and c not in UNSEEN)

def script_of(ch: str) -> Optional[str]:
    """The name of the script in :data:`SHAPED` that ``ch`` belongs to, or None."""
    code = ord(ch)
    i = bisect.bisect_right(_STARTS, code) - 1
    if i >= 0 and _BLOCKS[i][0] <= code <= _BLOCKS[i][1]:
        return _BLOCKS[i][2]
    return None


def first_shaped(text: str) -> Optional[tuple[str, int]]:
    """(script, index) of the first letter in ``text`` that needs shaping, or None."""
    if text.isascii():
        return None
    for i, ch in enumerate(text):
        if ord(ch) >= 0x0700 and script_of(ch):
            return script_of(ch), i
    return None


def _lines(places: list[Location]) -> str:
    lines = list(dict.fromkeys(p.line for p in places if p.line))
    shown = ", ".join(str(n) for n in lines[:8]) + (f" and {len(lines) - 8} more" if len(lines) > 8 else "")
    return f" (here and on line{'s' if len(lines) > 1 else ''} {shown})" if lines else ""


# a guide in one of these languages calls the script by the language's name
_LANGUAGES = {"mr": ("Hindi (Devanagari)", "Marathi (Devanagari)"), "ne": ("Hindi (Devanagari)", "Nepali (Devanagari)"),
              "sa": ("Hindi (Devanagari)", "Sanskrit (Devanagari)"), "as": ("Bengali", "Assamese (Bengali)"),
              "si": ("Sinhala", "Sinhala"), "bo": ("Tibetan", "Tibetan"), "dz": ("Tibetan", "Dzongkha (Tibetan)")}


def warnings(texts: Iterable[tuple[Location, str]], language: Optional[str] = None) -> list[Problem]:
    """One warning for each script in the guide that studyguide cannot print right, at its first place,
    with the other lines that use it. ``language``: the guide's, which may name its script better."""
    primary = (language or "").split("-")[0].lower()
    renamed = dict([_LANGUAGES[primary]]) if primary in _LANGUAGES else {}
    found: dict[str, list[Location]] = {}
    for where, text in texts:
        hit = first_shaped(text)
        if hit:
            found.setdefault(hit[0], []).append(where.of(text, hit[1]))
    out = []
    for script, places in found.items():
        places.sort(key=lambda p: (not p.line, p))
        first, rest = places[0], [p for p in places[1:] if p.line != places[0].line]
        out.append(Problem(first, f"{renamed.get(script, script)} letters need joining that studyguide cannot do: they print "
                                  f"unjoined, even with a font that has them{_lines(rest)}; write the words in Latin "
                                  "letters, or show them in a topic's picture (image:)",
                           warning=True))
    return out


def needs_shaping(ch: str) -> bool:
    """Whether ``ch`` is a letter or sign of a script in :data:`SHAPED` (a font alone cannot print it right)."""
    return ord(ch) >= 0x0700 and script_of(ch) is not None


# -- capitals for the crossword and the word search ------------------------------------------------

_GREEK_ACCENTS = {"\u0300", "\u0301", "\u0342", "\u0313", "\u0314", "\u0343", "\u0344"}  # tonos, oxia, varia, ...
_IOTA_SUBSCRIPT = "\u0345"  # ypogegrammeni; NFD writes a prosgegrammeni (ᾨ) as Ω with it too
_GREEK_PAIRS = {"Α": "ΙΥ", "Ε": "ΙΥ", "Ο": "ΙΥ", "Υ": "Ι"}  # vowel + this one read as one sound (αι, ου, υι ...)


# languages whose i keeps its dot as a capital, İ, beside a dotless ı whose capital is I: Turkish, Azerbaijani
DOTTED_I = ("tr", "az")


def dotted_i(language: Optional[str]) -> bool:
    """Whether ``language`` (a guide's code: 'tr', 'az-Latn') writes the capital of i as İ."""
    return (language or "").replace("_", "-").split("-")[0].lower() in DOTTED_I


def caps(text: str, language: Optional[str] = None) -> str:
    """``text`` in capitals as a reader writes them: Greek capitals drop their accents (ΚΑΛΗΜΕΡΑ, not
    ΚΑΛΗΜΈΡΑ), and a vowel that the accent had kept apart from the one before it gets a diaeresis
    instead (τσάι → ΤΣΑΪ); in Turkish and Azerbaijani (``language``) i is İ (iklim → İKLİM; ılık → ILIK).
    Every other script: ``str.upper``."""
    text = text.replace("i", "\u0130") if dotted_i(language) else text
    up = text.upper().replace("\u1e9e", "SS")  # capital ẞ as SS, as str.upper writes ß (the puzzles' cells)
    if not any("\u0370" <= c <= "\u03ff" or "\u1f00" <= c <= "\u1fff" for c in up):
        return up
    clusters: list[str] = []  # each character with the combining marks after it
    for ch in unicodedata.normalize("NFC", text):
        if clusters and unicodedata.category(ch)[0] == "M":
            clusters[-1] += ch
        else:
            clusters.append(ch)
    return "".join(caps_cells(clusters))


def caps_cells(cells: Iterable[str], language: Optional[str] = None) -> list[str]:
    """Each cell (a letter and its marks, NFC) in capitals, Greek ones as :func:`caps` writes them, and a
    Turkish or Azerbaijani i as İ (``language``)."""
    if dotted_i(language):
        cells = [cell.replace("i", "\u0130") for cell in cells]
    out: list[str] = []
    bare_before = ""  # the letter before, when it lost an accent
    for cell in cells:
        up = unicodedata.normalize("NFD", cell.upper())
        if _is_greek(up[:1]):  # an iota subscript goes: ᾠ.upper() is ὨΙ, two cells for one letter
            up = unicodedata.normalize("NFD", unicodedata.normalize("NFD", cell).replace(_IOTA_SUBSCRIPT, "").upper())
        if not _is_greek(up[:1]):
            out.append(unicodedata.normalize("NFC", up))
            bare_before = ""
            continue
        bare = "".join(c for c in up if c not in _GREEK_ACCENTS)
        if bare_before and bare in _GREEK_PAIRS.get(bare_before, ""):
            bare += "\u0308"  # ά + ι: the two are read apart
        bare_before = bare if bare != up and len(bare) == 1 else ""
        out.append(unicodedata.normalize("NFC", bare))
    return out


def _is_greek(ch: str) -> bool:
    return bool(ch) and "\u0370" <= ch <= "\u03ff"


def alphabetical(word: str, language: Optional[str] = None) -> tuple:
    """The sort key of a word bank or a list of words: by the letters, accents and capitals aside, as a
    dictionary files them (à droite under A, l'église before l'hôpital; by character code every accented
    letter came after z), then by accents, then capitals first. Words without accents sort as before.
    In Turkish and Azerbaijani (``language``) ç ğ ı ö ş ü (and Azerbaijani ə x q) are letters of their own,
    each in its place in the alphabet (c ç d, h ı i: ılık before iklim), and I is the capital of ı.
    An item is filed by its first letter (:func:`_filed`): «dağ» under d, 10 yıl after 9 yıl, 𝐚𝐭𝐨𝐦 under a."""
    nfc = unicodedata.normalize("NFC", _filed(word))
    if dotted_i(language):  # (its capitals first: I is ı's, İ is i's)
        lowered = nfc.replace("I", "\u0131").replace("\u0130", "i").casefold()
        own = lowered.translate(_AZERI if language.lower().startswith("az") else _TURKISH)
    else:
        own = nfc.casefold().translate(_OWN_LETTERS)
    bare = "".join(c for c in unicodedata.normalize("NFD", own) if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", bare), word.casefold(), word


# quotes, brackets, guillemets, ¿ and ¡ before an item's first letter, which a dictionary files it past (not * # &:
# '*.txt' stays filed as typed); a number at its start in the digits of any script (12, ١٢ Arabic-Indic, ۱۲ Persian,
# १२ Devanagari; 1,000 or ١٬٠٠٠ grouped by threes; 0.5); a letter of the Mathematical Alphanumeric Symbols block
_OPENING = frozenset(("Ps", "Pe", "Pi", "Pf"))
_OPENING_OTHER = frozenset("'\"¿¡\uff02\uff07")  # (the rest are Po, as * # & are)
_NUMBER = re.compile(r"([-\u2212]?)(?:(\d{1,3}(?:[,\u066c]\d{3})+(?!\d))|(\d+))")  # (\d: any script's digit)
_FRACTION = re.compile(r"[.\u066b](\d+)")
_MATH_LETTER = re.compile("[\U0001d400-\U0001d7ff]")


def _filed(word: str) -> str:
    """``word`` as :func:`alphabetical` compares it (r13 hostile finding 9): without the quotes and brackets before its
    first letter or digit (a word of punctuation alone is kept), a math letter as its plain letter (NFKC, for 𝐚 and
    𝟏 only: ½, ﬁ and full-width letters are compared as typed, as before), and a leading number written with its
    count of digits first, as one digit from 1 to 9, so that 9 comes before 10 and numbers still come before
    letters; its digits, in whatever script they were typed, as their values (٩ before ١٠, as 9 before 10); a
    number after a minus sign ('-' or '−') before all these, by its value (−10, −4.5, −٤, 0.5).
    Text without these is returned as it is, and sorts as it did."""
    text = _MATH_LETTER.sub(lambda m: unicodedata.normalize("NFKC", m.group()), word)
    start = next((i for i, c in enumerate(text)
                  if c not in _OPENING_OTHER and unicodedata.category(c) not in _OPENING and not c.isspace()), 0)
    text = text[start:]
    number = _NUMBER.match(text)
    if number is None:
        return text
    typed, rest = number.group(2) or number.group(3), text[number.end():]
    digits = "".join(str(unicodedata.decimal(c)) for c in typed if c.isdecimal()).lstrip("0") or "0"
    if not number.group(1):
        return chr(0x30 + min(len(digits), 9)) + digits + rest
    # below zero (hostile r14: '−٤' came after '١٬٠٠٠'): before every number, the larger amount first, so each digit
    # and the count of digits are turned about (9 - d), and the fraction too, ended by ':' (after '9': −4.5, −4)
    fraction = _FRACTION.match(rest)
    tenths = "".join(str(9 - unicodedata.decimal(c)) for c in fraction.group(1)) if fraction else ""
    return ("/" + chr(0x39 - min(len(digits), 9)) + "".join(str(9 - int(d)) for d in digits) + "." + tenths + ":"
            + rest[fraction.end() if fraction else 0:])


# letters that are letters of their own wherever they are written, not a letter with an accent: Spanish ñ
# after n (cansado, canto, caña); Danish and Norwegian æ, ø, å after z (Swedish å too; its ä and ö are
# filed as a and o, as German files them)
_LAST = "\U0010ffff"
_OWN = {"ñ": "n" + _LAST, "æ": "z" + _LAST + "1", "ø": "z" + _LAST + "2", "å": "z" + _LAST + "3"}
_OWN_LETTERS = str.maketrans(_OWN)
# Turkish: a b c ç d e f g ğ h ı i j k l m n o ö p r s ş t u ü v y z; Azerbaijani: a b c ç d e ə f g ğ h x ı i j k q l
# m n o ö p r s ş t u ü v y z (â î û file with a i u, as their dictionaries do)
_TURK = {"ç": "c" + _LAST, "ğ": "g" + _LAST, "ı": "h" + _LAST + "2", "ö": "o" + _LAST, "ş": "s" + _LAST,
         "ü": "u" + _LAST}
_TURKISH = str.maketrans({**_OWN, **_TURK})
_AZERI = str.maketrans({**_OWN, **_TURK, "ə": "e" + _LAST, "x": "h" + _LAST + "1", "q": "k" + _LAST})
