"""Flashcards: the term on one side, its definition (and example) on the other.

Two ways to print them (the layout draws both from this data):

* fold (``flashcards``): each row of the sheet is one card, the term on the
  left half and the definition on the right half of the same row; cut along
  the dashed lines between rows and fold each strip on the dotted centre
  line, and the two sides meet back to back. No double-sided printing needed.
* duplex (``flashcards_duplex``): the fronts (terms) fill one page and the
  backs (definitions) the next, each card's back where the sheet's turn over
  its long edge carries it (:func:`back_position`), so a sheet printed
  double-sided and flipped on the long edge (most printers' default) puts every
  definition behind its term. A portrait sheet (a full page, or four quarter
  pages) turns side to side: the columns change places. A landscape sheet (two
  half pages side by side) turns top to bottom: the rows do, and each half
  page's back stays behind its own front.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence

COLUMNS = 2   # cards across a duplex page


@dataclass(frozen=True)
class Card:
    term: str
    definition: str
    example: Optional[str] = None


def make(terms: Sequence[tuple[str, str, Optional[str]]]) -> tuple[Card, ...]:
    return tuple(Card(t, d, e) for t, d, e in terms)


def back_position(row: int, col: int, columns: int = COLUMNS, rows: int = 0) -> tuple[int, int]:
    """Where the back of the card at (row, col) goes on the next page, for long-edge flipping: the mirrored
    column on a portrait sheet; ``rows`` given (the rows a page holds), the mirrored row of a landscape
    sheet, which a turn over its long edge turns top to bottom."""
    return (rows - 1 - row, col) if rows else (row, columns - 1 - col)


def sheets(cards: Sequence[Card], rows: int, columns: int = COLUMNS) -> list[list[tuple[int, int, Card]]]:
    """The cards in pages of ``rows`` × ``columns``: each page a list of (row, col, card) fronts."""
    per = max(1, rows * columns)
    out = []
    for start in range(0, len(cards), per):
        page = cards[start:start + per]
        out.append([(k // columns, k % columns, card) for k, card in enumerate(page)])
    return out
