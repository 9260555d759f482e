"""Flashcards: the term on one side, its definition (and example) on the other.

Two ways to print them (the layout draws both from this data):

* fold (``flashcards``): each row of the sheet is one card, the term on the
  left half and the definition on the right half of the same row; cut along
  the dashed lines between rows and fold each strip on the dotted centre
  line, and the two sides meet back to back. No double-sided printing needed.
* duplex (``flashcards_duplex``): the fronts (terms) fill one page and the
  backs (definitions) the next, each card's back at the mirrored column
  (:func:`back_position`), so a sheet printed double-sided and flipped on the
  long edge puts every definition behind its term.
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


def back_position(row: int, col: int, columns: int = COLUMNS) -> tuple[int, int]:
    """Where the back of the card at (row, col) goes on the next page, for long-edge flipping."""
    return row, columns - 1 - col


def sheets(cards: Sequence[Card], rows: int, columns: int = COLUMNS) -> list[list[tuple[int, int, Card]]]:
    """The cards in pages of ``rows`` × ``columns``: each page a list of (row, col, card) fronts."""
    per = max(1, rows * columns)
    out = []
    for start in range(0, len(cards), per):
        page = cards[start:start + per]
        out.append([(k // columns, k % columns, card) for k, card in enumerate(page)])
    return out
