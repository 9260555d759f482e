"""Every exported text in composed form (Unicode NFC), whatever form the guide was typed or pasted in (trial r10, L1).

Vietnamese typed decomposed (a letter, then its accents as marks of their own) came out composed in Kahoot's sheet
only; Quizlet, Anki and Moodle kept it decomposed, where a student's typed (composed) answer or a search can miss
it. One rule for every export: the guide's text composed before it is written. Where a text was typed (its
``Location``) and the guide's file path are left as they are. Pure: a guide in, a guide out.
"""
from __future__ import annotations

import dataclasses
import unicodedata
from typing import Any

from ..errors import Location


def _composed(value: Any) -> Any:
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, Location):
        return value
    if isinstance(value, tuple):
        return tuple(_composed(v) for v in value)
    if isinstance(value, list):
        return [_composed(v) for v in value]
    if isinstance(value, dict):
        return type(value)({_composed(k): _composed(v) for k, v in value.items()})
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: _composed(getattr(value, f.name)) for f in dataclasses.fields(value) if f.init}
        return dataclasses.replace(value, **changes)
    return value  # numbers, paths, None


def composed(guide):
    """``guide`` with each of its texts in composed form (NFC); the guide itself when it already is."""
    return _composed(guide)
