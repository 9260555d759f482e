"""A guide's `labels:`, checked: each label's text, and the {...} parts studyguide fills in for it.

A label's {...} parts must be ones filled in for that label (the English label shows them: 'Page {n} of
{total}'), and a label must keep the ones it is there to print: a `page: Página` prints on every footer with
no number, unwarned. Those a label may do without (the page count, a date's parts) are listed here.
"""
from __future__ import annotations

import string
from typing import Optional

from ..labels import EN, KEYS as LABEL_KEYS
from .walker import clip, missing

# filled in though the English label does not use them: {m}, the month's number (Chinese dates), see labels.date
EXTRA_PLACEHOLDERS = {"full_date": {"m"}, "month_year": {"m"}}
# what a label may leave out: the page and sheet counts ('Página {n}'), a set's range of terms, the flashcards'
# title, the word search's directions (instructions of one's own), the words an answer stands for ('Auch
# richtig: {others}'), and any part of a date
MAY_LEAVE_OUT = {"page": {"total"}, "sheet": {"total"}, "matching_set": {"first", "last"}, "fronts": {"title"},
                 "backs": {"title"}, "word_search_instructions": {"ways"}, "also_accept": {"answer"},
                 "full_date": {"month", "day", "year", "m"}, "month_year": {"month", "year", "m"}}


def placeholders(text: str) -> list[str]:
    """The names of the {...} parts of a label's text, in order ('Page {n} of {total}' → ['n', 'total'])."""
    return [f for _, f, _, _ in string.Formatter().parse(text) if f]


class LabelsMixin:
    """For the guide's walker: `labels:` → the guide's overrides of single labels (errors and warnings located)."""

    def _labels(self, node) -> Optional[dict]:
        keys = None if missing(node) else self.mapping(node, "labels", LABEL_KEYS)
        out = None if keys is None else {}
        for key, value in (keys or {}).items():
            text = self.text(value, f"labels.{key}", required=True, max_len=300)
            if text and self._placeholders_ok(value, key, text):
                self._placeholders_kept(value, key, text)
                out[key] = text
        self.untranslated(out)
        return out

    def _placeholders_ok(self, node, key: str, text: str) -> bool:
        """A label's {...} parts must be ones studyguide fills in for that label."""
        allowed = sorted(set(placeholders(EN[key])) | EXTRA_PLACEHOLDERS.get(key, set()))
        if not allowed:
            return True  # nothing is filled in: the label prints as typed, braces and all
        offer = f"use {', '.join('{' + f + '}' for f in allowed)}"
        try:
            parts = [(f, spec, conv) for _, f, spec, conv in string.Formatter().parse(text) if f is not None]
        except ValueError:
            self.error(node, f"labels.{key}: a '{{' or '}}' without its partner; {{...}} marks what is filled in "
                             f"({offer}); for a brace itself write {{{{ or }}}}")
            return False
        odd = next((f for f, spec, conv in parts if spec or conv), None)
        if odd is not None:
            self.error(node, f"labels.{key}: write {{{clip(odd.split('.')[0])}}} without ':' or '!' after the name "
                             f"({offer})")
            return False
        wrong = [f for f, _, _ in parts if f not in allowed]
        if wrong:
            self.error(node, f"labels.{key}: '{{{clip(wrong[0])}}}' is not filled in here ({offer}); "
                             "for a brace itself write {{ or }}")
            return False
        return True

    def _placeholders_kept(self, node, key: str, text: str) -> None:
        """Warn of a label without a {...} part it is there to print ('page: עמוד' prints every footer with no
        page number), with the part to put in it."""
        left = [f for f in placeholders(EN[key]) if f not in placeholders(text) and f not in MAY_LEAVE_OUT.get(key, ())]
        if not left:
            return
        braced = ["{" + f + "}" for f in left]
        self.warn(node.where, f"labels.{key}: '{clip(text)}' has no {' or '.join(braced)}, so it prints without what "
                              f"{' and '.join(braced)} {'stands' if len(left) == 1 else 'stand'} for (in English the "
                              f"label is '{EN[key]}'); put {' and '.join(braced)} where that goes, e.g. "
                              f"'{clip(text)} {' '.join(braced)}'")
