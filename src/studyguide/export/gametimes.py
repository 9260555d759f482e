"""The time a classroom game gives a question: its own ``time_limit``, else the guide's, else the games'
usual 20 seconds; a written answer (Quizizz's Open-Ended) at least the time to write its lines. A time the
tool does not offer becomes the nearest one it does. ``t`` is a game's template (games.Template): its
``name``, the ``times`` it offers or its ``max_time``, and whether it ``has_time`` at all."""
from __future__ import annotations

from typing import Optional

from ..model import Essay, Question, ShortAnswer
from ._common import warn


def allowed_time(t, want: int) -> int:
    """The time limit the tool offers nearest to ``want`` seconds (between two, the longer)."""
    if t.times is not None:
        return min(t.times, key=lambda s: (abs(s - want), -s))
    return min(want, t.max_time) if t.max_time is not None else want


def time_rule(t) -> str:
    if t.times is not None:
        return f"{t.name} offers time limits of {', '.join(map(str, t.times))} seconds"
    return f"{t.name} allows at most {t.max_time} seconds"


# A written answer's time: half a minute to read and think, and half a minute to write each answer line (the
# handout's lines, an accommodation's extra ones included), rounded up to a time the tool offers
THINK_TIME, LINE_TIME = 30, 30


def open_time(t, lines: int) -> int:
    """The seconds a written answer of ``lines`` lines gets: the shortest time the tool offers that is long
    enough, or its longest (3 lines: 120 s; an essay's 12: 600 s, on Quizizz)."""
    want = THINK_TIME + LINE_TIME * max(lines, 1)
    if t.times is not None:
        return min([s for s in t.times if s >= want] or [max(t.times)])
    return min(want, t.max_time) if t.max_time is not None else want


def question_time(t, n: int, q: Question, default: int, problems: list) -> Optional[int]:
    """The question's time: its own time_limit (a warning if the tool does not offer it), else the guide's (a
    written answer: at least the time to write its lines)."""
    if not t.has_time:
        return None
    if q.time_limit is None:
        if isinstance(q, (ShortAnswer, Essay)):
            return max(allowed_time(t, default), open_time(t, q.lines))
        return allowed_time(t, default)
    got = allowed_time(t, q.time_limit)
    if got != q.time_limit:
        problems.append(warn(q, n, f"{time_rule(t)}; time_limit {q.time_limit} became {got}"))
    return got
