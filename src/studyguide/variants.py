"""Classroom variants of a guide: accommodations and shuffled versions (A, B, C, ...).

Each variant is a new :class:`Guide`, so the same renderer, tests and exports
work on it unchanged. Every shuffle is seeded from (seed, version letter,
question), so the same guide and seed always give the same versions, and a
lost key can be rebuilt from the seed printed in the footer.
"""
from __future__ import annotations

import dataclasses
import math
import re
from functools import lru_cache
from typing import Optional

from . import amounts, lettered, shuffle, unshuffled
from .tfruns import SAME_RUN, mended
from .banks import bank_warnings, default_seed
from .errors import Location, Problem
from .model import LETTERS, Accommodations, Essay, FillInBlank, Guide, Matching, MultipleChoice, Ordering, SelectAll, ShortAnswer, TrueFalse

# "All of the above", "None of these" and the like, in the built-in languages and in Arabic and Hebrew
# (which print right to left), keep the last place by themselves (a choice about the choices above it
# means nothing elsewhere). Case and Arabic vowel marks ignored. The phrase must be the whole choice, or be
# followed only by a verdict ("… are correct", "… sont correctes", "以上都不是") and punctuation: "All the
# above-ground parts" or "Any of these noble gases" are real choices, and so is Hebrew "אף אחד" (nobody).
_PHRASES = "|".join([
    r"(all|none|both|neither|any)\s+of\s+(the\s+)?(choices\s+|answers\s+)?(above|these|those)\b",  # en
    r"all\s+the\s+above\b",                                                               # en
    r"(todas|todos|ninguna|ninguno|ambas|ambos)\s+(de\s+)?(las|los|estas|estos)?\s*"
    r"(anteriores|opciones anteriores|respuestas anteriores|de\s+arriba)",               # es
    r"(ninguna|ninguno)\s+de\s+(estas|estos|ellas|ellos)\b",                               # es
    r"(toutes|tous|aucune|aucun)\s+(les|des|de\s+ces)\s+(réponses|propositions)?\s*"
    r"(ci-dessus|précédentes|précédents)",                                             # fr
    r"(tout ce qui précède|(aucune|aucun)\s+de\s+ces\s+(réponses|propositions)|"
    r"(toutes|tous)\s+ces\s+(réponses|propositions))",                                  # fr
    r"(alle|keine|keiner)\s+(der\s+)?(oben\s+genannten|genannten|vorherigen|vorangehenden|obigen)",  # de
    r"keine\s+davon\b",                                                                 # de
    r"(todas|todos|nenhuma|nenhum)\s+(as|os|das|dos)\s+(alternativas\s+|opções\s+)?"
    r"(anteriores|acima)",                                                              # pt
    r"(todas\s+as|nenhuma\s+das)\s+alternativas\b",                                     # pt
    r"以上(各项|选项|答案|说法|各項|選項)?(都|皆|均|全)",                                     # zh
    r"(كل|جميع|لا\s+شي[ءئ]|ليس\s+[أا]يا)\s+(مما|ما|من)\s+(سبق|ذكر|تقدم)",                  # ar
    r"(كل|جميع|لا\s+شي[ءئ]\s+من)\s+ال([إا]جابات|خيارات)\s+(السابقة|المذكورة)",              # ar
    r"כל\s+ה(נ[\"״]ל|תשובות|אמור\s+לעיל)",                                                # he
    r"אף\s+(אחת|אחד|תשובה)\s+מה(נ[\"״]ל|תשובות|אמור)",                              # he
])
# What may follow the phrase: a noun for the choices and a verdict on them, then punctuation.
_TAILS = "|".join([
    r"(\s+(answers|choices|options|statements))?(\s+(are|is)\s+(all\s+)?(correct|true|right|false|incorrect"
    r"|wrong)|\s+apply)?",                                                                        # en
    r"\s+(son|es)\s+(correct|verdader|fals|incorrect)[oa]s?",                                   # es
    r"\s+(sont|est)\s+(correcte?s?|vraie?s?|exacte?s?|justes?|fausses?|faux)",                  # fr
    r"(\s+(Antworten|Aussagen|Möglichkeiten|Optionen))?(\s+(sind|ist)\s+(richtig|korrekt|wahr|falsch)"
    r"|\s+(trifft|treffen)\s+zu)?",                                                             # de
    r"\s+(estão|está|são|é)\s+(corret|cert|verdadeir|fals|incorret)[oa]s?",                   # pt
    r"[不非]?(是|对|對|正确|正確|错|錯|错误|錯誤)?(的)?",                                          # zh
    r"\s+(صحيح|صحيحة|خطأ|خاطئة)",                                                              # ar
    r"\s+(נכונות|נכון|נכונה|נכונים|שגויות|שגוי)",                                              # he
])
_STAYS_LAST = rf"({_PHRASES})({_TAILS})?[\s.!?。．！？،؟:;)\]]*$"
_ARABIC_MARKS = re.compile("[\u064B-\u0652\u0670\u0640]")  # vowel marks and the stretching tatweel


@lru_cache(maxsize=None)
def _stays_last() -> re.Pattern:
    return re.compile(_STAYS_LAST, re.I)  # compiled when first needed: 2 ms a start otherwise


def about_the_others(choice: str) -> bool:
    """Whether a choice is about the choices above it ("All of the above", "Ninguna de las anteriores",
    "لا شيء مما سبق", "כל הנ״ל")."""
    return _stays_last().match(_ARABIC_MARKS.sub("", choice.strip())) is not None


def merged(acc: Accommodations, extra: Optional[Accommodations]) -> Accommodations:
    """The guide's accommodations with ``extra`` (from the command line) on top: a flag adds its
    accommodation, and ``--extra-lines N`` replaces the guide's count (``extra.extra_lines`` None: not given)."""
    if extra is None:
        return acc
    return Accommodations(reduced_choices=acc.reduced_choices or extra.reduced_choices,
                          word_bank=acc.word_bank or extra.word_bank,
                          extra_lines=acc.extra_lines if extra.extra_lines is None else extra.extra_lines)


def accommodate(guide: Guide, extra: Optional[Accommodations] = None) -> Guide:
    """Apply the guide's accommodations, and ``extra`` (from the command line) on top."""
    acc = merged(guide.accommodations, extra)
    if acc == Accommodations():
        return dataclasses.replace(guide, accommodations=acc) if guide.accommodations != acc else guide
    seed = guide.seed or default_seed(guide)
    out, asked, whole = [], set(), []  # (asked: the questions the word-bank accommodation gives a bank)
    for n, q in enumerate(guide.questions, 1):
        if acc.reduced_choices and isinstance(q, MultipleChoice) and len(q.choices) >= 4:
            if not _droppable(q) and _droppable(q, letters=False):  # a choice left out would move the letters
                whole.append(lettered.said(guide, n, q, lettered.named_in(q), f"the copy with reduced choices "
                                           f"keeps all {len(q.choices)} of its choices (leaving one out would change "
                                           "their letters); write the choice's words instead"))
            q = _drop(q, shuffle.rng(seed, "reduced", q.prompt).choice(_droppable(q) or [None]))
        if acc.word_bank and isinstance(q, FillInBlank) and not q.word_bank:
            q = dataclasses.replace(q, word_bank=True)
            asked.add(len(out) + 1)
        # a one-line answer (a number, a word: "Write your answer on the line.") keeps its line: the extra
        # lines are room for sentences, and would have turned its instruction into "complete sentences"
        if acc.extra_lines and isinstance(q, (ShortAnswer, Essay)) and not (isinstance(q, ShortAnswer) and q.lines <= 1):
            q = dataclasses.replace(q, lines=min(q.lines + acc.extra_lines, 60), lines_added=acc.extra_lines)
        out.append(q)
    if acc.reduced_choices:
        out = _unsame(guide.questions, out, seed)
    guide = dataclasses.replace(guide, questions=tuple(out), accommodations=acc,
                                warnings=tuple(guide.warnings) + tuple(whole))
    return bank_warnings(guide, asked) if asked else guide


def one_letter(questions) -> Optional[int]:
    """The answer of every multiple-choice question among ``questions`` when there are two or more and they
    all have the same one (the index of its letter); None otherwise."""
    answers = {q.answer for q in questions if isinstance(q, MultipleChoice)}
    many = sum(1 for q in questions if isinstance(q, MultipleChoice)) >= 2
    return answers.pop() if many and len(answers) == 1 else None


def _unsame(written, reduced: list, seed: str) -> list:
    """``reduced`` (each multiple-choice question of ``written`` with a wrong choice dropped) with one drop
    chosen again when its answers all came to one letter and the written ones did not (B, A, B had become
    A, A, A): the first question that can take another letter takes its written one, else another."""
    same = one_letter(reduced)
    if same is None or one_letter(written) is not None:
        return reduced
    for k, (was, q) in enumerate(zip(written, reduced)):
        if not isinstance(was, MultipleChoice) or len(q.choices) == len(was.choices):
            continue  # (nothing was dropped from it)
        others = [i for i in _droppable(was) if (was.answer - 1 if i < was.answer else was.answer) != same]
        kept = [i for i in others if i > was.answer] or others  # its written letter first
        if kept:
            return reduced[:k] + [_drop(was, shuffle.rng(seed, "reduced", was.prompt, "again").choice(kept))] \
                + reduced[k + 1:]
    return reduced


def undoing_swap(written: Guide) -> tuple[int, Optional[int]]:
    """(question number, choice) of the first swap of a right answer with another choice that leaves neither
    the guide's answers nor its reduced-choices copy's all one letter; (first question, None) when none does."""
    qs = list(written.questions)
    first = next(n for n, q in enumerate(qs, 1) if isinstance(q, MultipleChoice))
    for n, q in enumerate(qs, 1):
        if not isinstance(q, MultipleChoice) or len(q.choices) < 4 or q.answer in q.pinned \
                or about_the_others(q.choices[q.answer]):
            continue  # ('All of the above' stays last)
        for i in range(len(q.choices)):
            if i == q.answer or i in q.pinned or about_the_others(q.choices[i]):
                continue
            order = list(q.choices)
            order[i], order[q.answer] = order[q.answer], order[i]
            moved = qs[:n - 1] + [dataclasses.replace(q, choices=tuple(order), answer=i)] + qs[n:]
            copy = accommodate(dataclasses.replace(written, questions=tuple(moved), accommodations=Accommodations(
                reduced_choices=True)))
            if one_letter(moved) is None and one_letter(copy.questions) is None:
                return n, i
    return first, None


def _droppable(q: MultipleChoice, letters: bool = True) -> list[int]:
    """The wrong choices one may leave out: never a pinned or 'all/none of the above' one, and when the
    question's text names choices by letter, only one after all those (their letters stay true; ``letters``
    false: any)."""
    named = lettered.named_in(q)[1] if letters else ()
    first = max(LETTERS.index(x) for x in named) + 1 if named else 0
    return [i for i, c in enumerate(q.choices)
            if i != q.answer and i >= first and i not in q.pinned and not about_the_others(c)]


def _drop(q: MultipleChoice, drop: Optional[int]) -> MultipleChoice:
    """The question without its choice ``drop`` (None: as it is), the same in handout and key."""
    if drop is None:
        return q
    keep = [i for i in range(len(q.choices)) if i != drop]
    return dataclasses.replace(q, choices=tuple(q.choices[i] for i in keep), answer=keep.index(q.answer),
                               pinned=tuple(keep.index(i) for i in q.pinned))


def _permute(count: int, fixed: set[int], rng) -> list[int]:
    """A permutation of range(count) that keeps ``fixed`` positions in place."""
    free = [i for i in range(count) if i not in fixed]
    moved = free[:]
    rng.shuffle(moved)
    mapping = dict(zip(free, moved))
    return [mapping.get(i, i) for i in range(count)]


def _moved(count: int, rng) -> list[int]:
    """A permutation of range(count) that is never the written order (the right-hand column of a matching
    question as written would make its key 1–A, 2–B, 3–C... straight down): drawn again until it is not, so
    a draw that was never the written order stays as it was, and the others are as likely as each other."""
    perm = _permute(count, set(), rng)
    while count > 1 and perm == sorted(perm):
        perm = _permute(count, set(), rng)
    return perm


def _numbers_in_order(q) -> bool:
    """Whether a question's choices (those that may move) are numbers of one unit written in increasing or
    decreasing order ('2, 4, 32, 36'), which test writers keep: versions print them so. Numbers written in
    another order ('Which is the greatest? 3/4, 5/8, 7/12') shuffle as usual: sorted, they would give the
    answer away (the greatest last)."""
    free = [c for i, c in enumerate(q.choices) if i not in q.pinned and not about_the_others(c)]
    rising = amounts.ascending(free)
    return rising is not None and (rising == sorted(rising) or rising == sorted(rising, reverse=True))


def _shuffles(q) -> bool:
    """Whether versions shuffle the question's choices: not when its text names them by letter (the
    letters would name others) or when they are numbers written in order (:func:`_numbers_in_order`)."""
    return q.shuffle and not lettered.keeps_order(q) and not _numbers_in_order(q)


def _kept(q) -> str:
    """Why versions print what a question has to shuffle as written (its choices, pairs or items), when
    they do (:func:`orders` gives it one order)."""
    if not q.shuffle:
        return "it has 'shuffle: false'"
    if isinstance(q, (Matching, Ordering)):
        return f"its two {'pairs' if isinstance(q, Matching) else 'items'} print one way (never as written)"
    if lettered.keeps_order(q):
        return "its text names its choices by letter, so they keep their order"
    if _numbers_in_order(q):
        return "its choices are numbers in order, which keep their order"
    return "its choices are held in their places"


def _choices(q, rng):
    """Shuffle a question's choices; pinned ones and 'all/none of the above' keep their places. Choices its
    text names by letter keep their order, and so do numbers written in order (:func:`_shuffles`)."""
    if lettered.keeps_order(q) or _numbers_in_order(q):
        return q
    last = {i for i, c in enumerate(q.choices) if about_the_others(c)}
    perm = _permute(len(q.choices), set(q.pinned) | last, rng)  # new position p shows old choice perm[p]
    new_index = {old: pos for pos, old in enumerate(perm)}
    fields = dict(choices=tuple(q.choices[i] for i in perm), pinned=tuple(new_index[i] for i in q.pinned))
    if isinstance(q, MultipleChoice):
        fields["answer"] = new_index[q.answer]
    else:
        fields["answers"] = tuple(sorted(new_index[i] for i in q.answers))
    return dataclasses.replace(q, **fields)


def _runs(questions) -> list[list[int]]:
    """Indexes of consecutive questions of the same type: a version shuffles within each run,
    so a guide that puts multiple choice first and the essay last keeps that shape."""
    runs: list[list[int]] = []
    for i, q in enumerate(questions):
        if runs and questions[runs[-1][-1]].kind == q.kind:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def orders(guide: Guide) -> int:
    """How many different versions the shuffles can make of ``guide``: the orders of each run of questions
    of one type times those of each question's choices, pairs or items (as :func:`version` draws them; two
    choices of the same text make it fewer on paper)."""
    qs = guide.questions
    n = 1
    for run in _runs(qs):
        n *= math.factorial(sum(1 for i in run if qs[i].shuffle))
    for q in qs:
        if isinstance(q, (MultipleChoice, SelectAll)) and _shuffles(q):
            n *= math.factorial(sum(1 for i, c in enumerate(q.choices) if i not in q.pinned and not about_the_others(c)))
        elif isinstance(q, Matching) and q.shuffle:
            n *= math.factorial(len(q.pairs)) - 1  # never in the written order
        elif isinstance(q, Ordering) and q.shuffle:
            n *= math.factorial(len(q.items)) - 1  # never in the right order
    return n


TRIES = 200  # draws for a version unlike the ones before it


def same_run(questions) -> tuple[int, int]:
    """The longest run of true/false questions in a row with the same answer: (its length, its first index)."""
    best, start, length = (0, 0), 0, 0
    for i, q in enumerate(questions):
        alike = i and isinstance(q, TrueFalse) and isinstance(questions[i - 1], TrueFalse) \
            and q.answer == questions[i - 1].answer
        start, length = (start, length + 1) if alike else (i, int(isinstance(q, TrueFalse)))
        best = max(best, (length, -start))
    return best[0], -best[1]


def long_run(guide: Guide) -> bool:
    """Whether ``guide`` (a version) holds :data:`SAME_RUN` true/false answers alike in a row that another order
    of its runs could avoid: in each run of true/false questions, neither answer more than 4 for each of the
    other's and one (9 true and 2 false can go TTTTFTTTTFT; 9 and 1 cannot, and are then not redrawn), and none
    of them pinned by 'shuffle: false' (no redraw moves it: drawing again only lost a version unlike the others)."""
    if same_run(guide.questions)[0] < SAME_RUN:
        return False
    for run in _runs(guide.questions):
        if isinstance(guide.questions[run[0]], TrueFalse):
            if not all(guide.questions[i].shuffle for i in run):
                return False
            true = sum(guide.questions[i].answer for i in run)
            if max(true, len(run) - true) > (SAME_RUN - 1) * (min(true, len(run) - true) + 1):
                return False
    return True


def versions(guide: Guide, count: int, seed: Optional[str] = None, where: Optional[Location] = None,
             asked: bool = False) -> tuple[list[Guide], Optional[Problem]]:
    """Versions A, B, ... (``count`` of them), each unlike those before it while the guide has orders left
    (a version that repeats an earlier one is drawn again, with the same seed: so version C is the same
    whether 3 or 26 are asked); and the warning when more are asked than the guide has orders, at ``where``
    (the guide's ``versions:`` line when the count came from it; else the guide's file). ``asked``: the count
    came from --versions (an exit ticket's warning names that option)."""
    space, out, seen, repeats = orders(guide), [], set(), []
    for i in range(count):
        v = version(guide, i, seed)
        again = 0
        while again < TRIES and (v.questions in seen and len(seen) < space or long_run(v)):
            again += 1
            v = version(guide, i, seed, again)
        if long_run(v):  # the draws ran out: the last one mended, its true/false runs broken (hostile r14 #5)
            v = dataclasses.replace(v, questions=mended(v.questions))
        if v.questions in seen:
            repeats.append(LETTERS[i])
        seen.add(v.questions)
        out.append(v)
    if not repeats:
        return out, None
    k, label = len(seen), "--versions" if asked else "versions:"
    which = (f"{repeats[0]} to {repeats[-1]}" if "".join(repeats) == LETTERS[k:count] and len(repeats) > 2
             else ", ".join(repeats))
    ticket = _few(len(guide.questions)) if guide.format == "exit-ticket" else ""  # (the questions --questions chose)
    if k == 1:  # nothing moves: said why, question by question (every version asked is still printed)
        return out, Problem(where or Location(str(guide.path)), unshuffled.same_as_a(
            guide, count, which.replace(", ", " and "), len(repeats) > 1, label, _runs(guide.questions), _kept,
            ticket), warning=True)
    these, fix = (f"this exit ticket ({ticket})", f"for this exit ticket, use --versions {k}, or choose questions with "
                  "more choices to shuffle") if ticket else ("this guide's questions and choices",
                                                             f"ask for {k}, or add questions or choices")
    return out, Problem(where or Location(str(guide.path)), f"{label} {count} asked, but {these} can be shuffled into "
                        f"only {k} different versions: version{'s' if len(repeats) > 1 else ''} {which} "
                        f"repeat{'' if len(repeats) > 1 else 's'} an earlier one; {fix}", warning=True)


def _few(n: int) -> str:
    return "one question" if n == 1 else f"{n} questions"


def version(guide: Guide, index: int, seed: Optional[str] = None, again: int = 0) -> Guide:
    """Version ``index`` (0 → A): questions reordered within runs of one type, choices, matching
    and ordering items reshuffled; 'shuffle: false' pins a question or a choice in place. ``again``: the
    how-many-th redraw (:func:`versions`: it repeated an earlier version); 0 is the first draw."""
    seed = seed or guide.seed or default_seed(guide)
    letter = LETTERS[index]
    salt = letter + (f"/{again}" if again else "")  # (the first draw's salt is the letter, as it always was)
    qs = list(guide.questions)
    order = list(range(len(qs)))
    for run in _runs(qs):
        fixed = {k for k, i in enumerate(run) if not qs[i].shuffle}
        perm = _permute(len(run), fixed, shuffle.rng(seed, salt, "order", str(run[0])))
        for k, src in enumerate(perm):
            order[run[k]] = run[src]
    out = []
    for i in order:
        q = qs[i]
        rng = shuffle.rng(seed, salt, "question", str(i))
        if isinstance(q, (MultipleChoice, SelectAll)) and q.shuffle:
            q = _choices(q, rng)
        elif isinstance(q, Matching) and q.shuffle:
            q = dataclasses.replace(q, order=tuple(_moved(len(q.pairs), rng)))
        elif isinstance(q, Ordering) and q.shuffle:
            perm = _permute(len(q.items), set(), rng)
            if perm == sorted(perm) and len(perm) > 1:  # never printed in the right order
                perm = perm[1:] + perm[:1]
            q = dataclasses.replace(q, order=tuple(perm))
        out.append(q)
    return dataclasses.replace(guide, questions=tuple(out), seed=seed, version=letter)
