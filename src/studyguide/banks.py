"""Word banks: the words that answer no blank of a question's bank (:func:`banked`), and the warnings for a bank
that cannot be made whole (:func:`bank_warnings`). Split from variants.py, which re-exports them."""
from __future__ import annotations

import dataclasses
import hashlib
import re
import unicodedata
from decimal import Decimal, InvalidOperation

from . import shuffle
from .capitals import capital, capitalised, opening_blanks
from .errors import Problem
from .inline import plain
from .model import FillInBlank, Guide


def default_seed(guide: Guide) -> str:
    """A short number from the guide's title, printed in the footer: rebuilding needs only the guide."""
    return str(int(hashlib.sha256(guide.title.encode("utf-8")).hexdigest()[:8], 16) % 10000)


def banked(guide: Guide) -> Guide:
    """Give each word-bank question of a single blank three words that do not answer it, so its bank
    never gives the answer away (it held only that answer): four words in all, as in a four-choice
    question; and one of two blanks one such word, so that a student who knows one answer is not given
    the other (its bank held the two answers alone). They come from the guide's other blanks' answers
    (words of the same kind), then its vocabulary terms, picked with the guide's seed, never another form of
    the blank's answer ('Triangles' for 'triangle': banks.inflected) nor two forms of one word; a number's come
    only from the other blanks' numbers (a word beside '62.8' gives the number away), and a word's are
    never numbers. With nothing of its kind in the guide a single blank gets no bank (:func:`bank_warnings`
    says so) and two keep theirs. When a single blank starts a sentence with a capital ('[[Aujourd'hui]],
    il fait beau.'), the three start with a capital too, or the answer's alone would give it away. A bank
    of three blanks or more stays the teacher's list of its answers, as a printed "use the words in the
    box" does (a word more on every bank of several blanks cost the science guide's A4 handout and a
    trial guide's large print a page each; lint.bank_answers names a bank of three)."""
    def spared(q) -> bool:  # (a bank given spare words: of one blank or two)
        return isinstance(q, FillInBlank) and q.word_bank and len({b.answer for b in q.blanks}) in (1, 2)

    if not any(spared(q) for q in guide.questions):
        return guide
    seed = guide.seed or default_seed(guide)
    answers = [b.answer for q in guide.questions if isinstance(q, FillInBlank) for b in q.blanks]
    terms = [t.term for t in guide.vocabulary]
    recalled = {same(a) for a in _recalled(guide)}
    sources = [list(dict.fromkeys(words)) for words in (answers, terms)]
    # each word folded and sorted by kind once, not once for every bank (a 50-unit guide: 15,000 times, 30 ms)
    seen = {w: (same(w), numeric(w)) for words in sources for w in words}
    out = []
    for q in guide.questions:
        if spared(q):
            taken = {same(a) for b in q.blanks for a in b.answers}  # ('Triangles' answers 'triangle', '１２' 12)
            one = len({b.answer for b in q.blanks}) == 1
            kind = all(numeric(b.answer) for b in q.blanks)  # (two of mixed kinds: a word)
            rng, pool = shuffle.rng(seed, "bank", q.prompt), {}
            for words in sources:
                words = [w for w in words if seen[w][0] not in taken and seen[w][1] == kind]
                rng.shuffle(words)
                for w in words:
                    pool.setdefault(seen[w][0], w)  # (one form of a word: 'angle · angles', '12 · １２' is one choice)
            pool = dict(sorted(pool.items(), key=lambda kv: kv[0] in recalled))  # (another's answer: last)
            extra = tuple(pool.values())[:3]
            if not one:  # (two blanks: one, no longer than their longest answer when the guide has one such,
                longest = max(len(plain(b.answer)) for b in q.blanks)  # so that it widens no blank: layout.blanks)
                extra = next(((w,) for w in pool.values() if len(plain(w)) <= longest), extra[:1])
            if one and q.blanks[0] in opening_blanks(q) and capital(q.blanks[0].answer):  # ('[[Aujourd'hui]], il …')
                extra = tuple(capitalised(w, guide.language) for w in extra)  # (its one capital would point at the answer)
            q = dataclasses.replace(q, bank=extra, word_bank=bool(extra) or not one)
        out.append(q)
    return dataclasses.replace(guide, questions=tuple(out))


def spare_words(guide: Guide, q: FillInBlank) -> list[str]:
    """The words :func:`banked` may draw a question's spare from, in the guide's order: the other blanks' answers and
    the vocabulary terms of the answers' kind, none an answer the question accepts nor one another question asks
    for with no bank."""
    taken = {same(a) for b in q.blanks for a in b.answers}
    kind = all(numeric(b.answer) for b in q.blanks)
    recalled = {same(a) for a in _recalled(guide)}
    words = dict.fromkeys([b.answer for other in guide.questions if isinstance(other, FillInBlank) for b in other.blanks]
                          + [t.term for t in guide.vocabulary])
    return [w for w in words if same(w) not in taken | recalled and numeric(w) == kind]


def _recalled(guide: Guide) -> dict[str, tuple[int, int, int]]:
    """The answers of the blanks a student writes from memory (of questions with no word bank), each folded,
    with its question's number, the blank's number and how many blanks the question has: a bank that printed
    one would answer that blank for the student (trial r11: geometry Q12's bank held Q11's '2πr')."""
    out: dict[str, tuple[int, int, int]] = {}
    for n, q in enumerate(guide.questions, 1):
        if isinstance(q, FillInBlank) and not q.word_bank:
            for k, b in enumerate(q.blanks, 1):
                for a in b.answers:
                    out.setdefault(plain(a).casefold(), (n, k, len(q.blanks)))
    return out


def numeric(answer: str) -> bool:
    """An answer that is a number, perhaps with a sign or a unit: '62.8', '9⁄20', '½', '−4 °C', '$15'."""
    text = plain(answer).strip().lstrip("−-+±~≈$€£¥")
    return bool(text) and text[0].isnumeric()


def bank_warnings(guide: Guide, asked=None) -> Guide:
    """The guide with a warning for each question whose bank :func:`banked` leaves out when printed: of
    those that ask for one (``asked``: their numbers, when the word-bank accommodation asked for them)."""
    out = banked(guide)
    fix = "add vocabulary, or leave out 'word_bank'" if asked is None else "add vocabulary to give it one"
    left = [Problem(q.where, f"question {n}: no word bank is printed: a bank of only this blank's answer would "
                    "give it away, and " + ("no other blank of the guide is answered by a number to add (add one, "
                    "or leave out the bank)" if numeric(q.blanks[0].answer) else
                    f"the guide has no other blanks or vocabulary terms to add ({fix})"), warning=True)
            for n, (was, q) in enumerate(zip(guide.questions, out.questions), 1)
            if isinstance(was, FillInBlank) and was.word_bank and not q.word_bank and (asked is None or n in asked)]
    left += [_short_bank(n, q, asked) for n, (was, q) in enumerate(zip(guide.questions, out.questions), 1)
             if isinstance(was, FillInBlank) and q.word_bank and len({b.answer for b in q.blanks}) == 1
             and len(q.bank) == 1 and (asked is None or n in asked)]
    left += _leaks(out)
    return dataclasses.replace(guide, warnings=tuple(guide.warnings) + tuple(left)) if left else guide


_NTH = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")


def _leaks(printed: Guide) -> list[Problem]:
    """A warning for each printed bank holding words that answer other questions' blanks written from memory
    (one for the bank, naming each word and blank). :func:`banked` takes such words last, when the guide has
    no others of their kind, so the teacher can mend it: more words, or banks for those questions too."""
    recalled, out = {}, []
    for answer, owner in _recalled(printed).items():  # (an answer as compared, its blank, the answer as folded)
        recalled.setdefault(same(answer), (*owner, answer))
    for n, q in enumerate(printed.questions, 1):
        words = [w for w in (q.bank if isinstance(q, FillInBlank) and q.word_bank else ()) if same(w) in recalled]
        if not words:
            continue
        owners = [recalled[same(w)] for w in words]
        named: dict[str, list[str]] = {}  # each blank once, with the answers its words are other forms of
        for w, (m, k, of, answer) in zip(words, owners):
            forms = named.setdefault(f"question {m}'s {_NTH[k - 1] if k <= len(_NTH) else f'{k}th'} blank"
                                     if of > 1 else f"question {m}", [])
            if answer != plain(w).casefold() and answer not in forms:
                forms.append(answer)
        blanks = [label + (" (" + _and([f"'{a}'" for a in forms]) + ")" if forms else "")
                  for label, forms in named.items()]
        asked = "questions " + _and([str(m) for m in dict.fromkeys(o[0] for o in owners)]) \
            if len({o[0] for o in owners}) > 1 else f"question {owners[0][0]}"
        one, shown, alone = len(words) == 1, [f"'{plain(w)}'" for w in words], len(blanks) == 1
        more = ("another blank answered by a number" if one else "blanks answered by numbers") \
            if numeric(words[0]) else "vocabulary terms"
        out.append(Problem(q.where, f"question {n}: its word bank prints {_and(shown)}, "
                           f"the answer{'' if one else 's'} to {_and(blanks)}, which {'has' if alone else 'have'} no "
                           f"word bank: the bank gives {'it' if alone else 'them'} away (add {more}, give {asked} "
                           "'word_bank: true' too, or leave out this question's 'word_bank')", warning=True))
    return out


_DIGITS_AS_TYPED = re.compile(r"([+-]?)(\d{1,3}(?:,\d{3})+(?!\d)|\d+)(\.\d+)?")


def same(word: str) -> str:
    """What two bank words are compared by: a number by its value, in whatever digits it was typed ('12', '１２'
    full-width and '١٢' Arabic-Indic are one word; '−4' and '-4', '12.0' and '12' too), the text after it as
    typed; any other word by :func:`inflected`."""
    if not numeric(word):
        return inflected(word)
    text = "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c
                   for c in unicodedata.normalize("NFKC", plain(word)).strip())
    text = text.translate({0x2212: "-", 0x066B: ".", 0x066C: ","})
    number = _DIGITS_AS_TYPED.match(text)
    if number is None:
        return inflected(word)
    try:
        value = Decimal(number[1] + number[2].replace(",", "") + (number[3] or "")).normalize()
    except InvalidOperation:
        return inflected(word)
    return f"#{value + 0:f}|{' '.join(text[number.end():].split())}"


def inflected(word: str) -> str:
    """A word as it is compared with another blank's answer: case aside, and its last word without a plural's
    ending ('Triangles' gives 'triangle' away, 'Boxes' 'box', 'Cities' 'city'). Not 'glass' nor 'bus' (a double
    s, or three letters): an 's' that is no plural's ending stays."""
    text = " ".join(plain(word).casefold().split())
    head, _, last = text.rpartition(" ")
    if len(last) > 4 and last.endswith("ies"):
        last = last[:-3] + "y"
    elif len(last) > 4 and last.endswith("es") and last[:-2].endswith(("s", "x", "z", "ch", "sh")):
        last = last[:-2]
    elif len(last) > 3 and last.endswith("s") and not last.endswith(("ss", "us", "is")) and last[-2].isalpha():
        last = last[:-1]
    return f"{head} {last}" if head else last


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _short_bank(n: int, q, asked) -> Problem:
    """The warning for a single blank's bank that :func:`banked` could give only one other word, not three:
    "10⁻³ · 6.02×10²³" for a millimole's blank is a coin toss (trial r10 L13). A bank of three, one chance in
    three, is not warned of: a guide with two other numbers gives each of them such banks."""
    shown = " · ".join(plain(w) for w in sorted((q.blanks[0].answer,) + q.bank, key=plain))
    number = numeric(q.blanks[0].answer)
    source = ("the guide has only one other blank answered by a number, and a number's bank holds only numbers" if number
              else "the guide's other blanks' answers and its vocabulary terms give it only one other word")
    more = "blanks answered by numbers" if number else "vocabulary"
    fix = f"add {more}, or leave out 'word_bank'" if asked is None else f"add {more} to give it more"
    return Problem(q.where, f"question {n}: its word bank prints only 2 words ({shown}), a coin toss: {source} "
                   f"({fix})", warning=True)
