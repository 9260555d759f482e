"""Checks on the facts a guide's header prints as written: its grade level and its source's date.

Both print as typed, so a slip prints too: ``grade: -3`` as "Grades -3", ``grade: 1e30`` as a 31-digit
grade, ``source.date: 2026-02-30`` as a day that never was, ``0001-01-01`` as "January 1, 1".
"""
from __future__ import annotations

import datetime
import re
from typing import Optional

from .walker import clip

_NUMBERS = re.compile(r"[0-9Kk\s,+/&\u2013\u2014-]+")  # a grade of numbers only (layout.header.grade_label)
_ISO = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?")     # as labels.date reads a date
MAX_GRADE = 20   # past the last year of school in any system, room for a university year


def grade_problem(grade: str) -> Optional[str]:
    """What is wrong with a grade of numbers only (a level from K or 0 to MAX_GRADE, or a range of two),
    or None. Words ("Year 7", "Grade -3 remedial") print as typed and are not checked."""
    text = grade.strip()
    if not _NUMBERS.fullmatch(text):
        return None
    if text[:1] in "-\u2013\u2014+":
        return f"grade: {clip(text)} is not a grade level; write a level like 7, or a range like 9\u201312"
    for n in re.findall(r"\d+", text):
        if int(n) > MAX_GRADE:
            return (f"grade: {clip(text)} is not a grade level (they go up to {MAX_GRADE}); write a level like 7,"
                    " a range like 9\u201312, or words such as 'Adult learners'")
    return None


def date_problem(text: str) -> Optional[str]:
    """What is wrong with a source date written as YYYY-MM-DD (or YYYY-MM), or None; other text prints as typed."""
    found = _ISO.fullmatch(text.strip())
    if not found:
        return None
    year, month, day = (int(g) if g else None for g in found.groups())
    if year < 1000:
        return (f"source.date: {clip(text)} is in the year {year}; write an old date as it should print,"
                " in quotes, such as 'about 380 BC'")
    try:
        datetime.date(year, month, day or 1)
    except ValueError:
        if not 1 <= month <= 12:
            return f"source.date: {clip(text)} has no month {month}; write the date as YYYY-MM-DD, such as {year}-01-31"
        last = (datetime.date(year + month // 12, month % 12 + 1, 1) - datetime.timedelta(days=1)).day
        return (f"source.date: {clip(text)} is not a day of the calendar ({year}-{month:02d} has {last} days);"
                f" write the date as YYYY-MM-DD, such as {year}-{month:02d}-{last:02d}")
    return None
