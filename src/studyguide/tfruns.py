"""True/false answers alike in a row: a version's order mended so that no :data:`SAME_RUN` of them stand together.

Versions are drawn again while they hold such a run (variants.versions), but for a guide of mostly true answers a
random order avoids one only a few times in a hundred, so the draws can run out (hostile r14 finding 5: 22 true
and 8 false, version Q of 26 printed six true in a row, silently). The order drawn is then mended: each place
takes the first question left in the drawn order whose answer still leaves a way to fill the places after it
without such a run (known by counting backwards from the last place); a question that does not shuffle keeps
its place. When no order at all avoids the run (40 true answers), there is nothing to mend: `check` says so once.
"""
from __future__ import annotations

from typing import Optional, Sequence

from .model import TrueFalse

SAME_RUN = 5  # true/false answers alike in a row that a version avoids (trial r14 #12: PE's B went F,T,T,T,T,T,F,F,F,F)


def blocks(questions: Sequence) -> list[range]:
    """Where the runs of true/false questions next to each other are (two or more)."""
    out, start = [], None
    for i, q in enumerate(list(questions) + [None]):
        if isinstance(q, TrueFalse):
            start = i if start is None else start
        elif start is not None:
            if i - start > 1:
                out.append(range(start, i))
            start = None
    return out


def arranged(answers: Sequence[bool], pinned: set[int]) -> Optional[list[int]]:
    """An order of the places (which place's question goes in each) with fewer than :data:`SAME_RUN` answers
    alike in a row, each place taking the earliest question left that allows it; the pinned places keep their
    own. None when there is no such order."""
    n = len(answers)
    free = [k for k in range(n) if k not in pinned]
    trues = sum(answers[k] for k in free)
    before = [0] * (n + 1)  # free places before place k
    for k in range(n):
        before[k + 1] = before[k] + (k not in pinned)

    def step(k: int, used: int, last, length: int, answer: bool):
        """The state after place k holds ``answer`` (None when that makes the run too long or is not left)."""
        if k not in pinned:
            if answer and used >= trues or not answer and before[k] - used >= len(free) - trues:
                return None
            used += answer
        elif answers[k] != answer:
            return None
        length = length + 1 if answer == last else 1
        return None if length >= SAME_RUN else (used, answer, length)

    # ok[k]: the states (trues used, last answer, its run) from which places k.. can be filled
    ok: list[set] = [set() for _ in range(n + 1)]
    ok[n] = {(trues, a, m) for a in (True, False) for m in range(1, SAME_RUN)}
    for k in range(n - 1, -1, -1):
        for used in range(min(before[k], trues) + 1):
            for last, length in [(a, m) for a in (True, False) for m in range(1, SAME_RUN)] + [(None, 0)]:
                if any(step(k, used, last, length, a) in ok[k + 1] for a in (True, False)):
                    ok[k].add((used, last, length))
    state = (0, None, 0)
    if state not in ok[0]:
        return None
    left, order = free[:], []
    for k in range(n):
        if k in pinned:
            order.append(k)
            state = step(k, *state, answers[k])
            continue
        for j in left:
            after = step(k, *state, answers[j])
            if after in ok[k + 1]:
                order.append(j)
                left.remove(j)
                state = after
                break
    return order


def mended(questions: tuple) -> tuple:
    """``questions`` (a version's) with each run of true/false questions reordered as :func:`arranged` does, where
    it holds :data:`SAME_RUN` alike in a row and another order avoids it; the rest as drawn."""
    out = list(questions)
    for block in blocks(questions):
        qs = [questions[i] for i in block]
        if _longest([q.answer for q in qs]) < SAME_RUN:
            continue
        order = arranged([q.answer for q in qs], {k for k, q in enumerate(qs) if not q.shuffle})
        if order is not None:
            out[block.start:block.stop] = [qs[j] for j in order]
    return tuple(out)


def avoidable(questions: Sequence, i: int) -> bool:
    """Whether some order of the true/false run holding question ``i`` has no :data:`SAME_RUN` alike in a row."""
    block = next((b for b in blocks(questions) if i in b), None)
    if block is None:
        return False
    qs = [questions[k] for k in block]
    return arranged([q.answer for q in qs], {k for k, q in enumerate(qs) if not q.shuffle}) is not None


def _longest(answers: list[bool]) -> int:
    best = length = 0
    for k, a in enumerate(answers):
        length = length + 1 if k and a == answers[k - 1] else 1
        best = max(best, length)
    return best
