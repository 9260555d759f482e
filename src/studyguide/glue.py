"""Stretchable space between questions, as TeX's glue: a gap has its natural size and may give up to
:data:`GIVE` of it, so a question that misses the foot of a page by a few points is set there, the gaps
above it on that page shrunk evenly, rather than leave the rest of the page empty.

The document looks ahead when the first question of a page comes to be placed: it measures what
follows as the frame would place it, and where a question would not fit by less than what the gaps on
the page could give, it takes that room from them before any is placed. Nothing else moves: no type,
leading or answer line changes, and the key is drawn from the same layout, so every question still
starts on the same page in both. Where no question is taken the gaps keep their size exactly.
"""
from __future__ import annotations

from reportlab.platypus import KeepTogether
from reportlab.platypus.doctemplate import BaseDocTemplate

from ._reportlab import FRAME_FUZZ, FootGap, frame_state, kept_height, kept_items, zero_size

GIVE = 0.5  # of a gap's natural size that it may give up (it keeps at least half)
LOOK = 40  # flowables measured ahead at most (a page holds far fewer)


def gluey(flowable) -> bool:
    """Whether a flowable opens with a gap that may shrink (a question: layout.questions marks it)."""
    return getattr(flowable, "glue", False)


def _holder(flowable):
    """The flowable whose ``spaceBefore`` is the gap (a kept-together block's first item)."""
    return kept_items(flowable)[0] if isinstance(flowable, KeepTogether) else flowable


def plan(frame, flowables, canv) -> dict:
    """id of each gluey flowable on this page → points its gap gives up, when that sets one more
    question on the page; else {}. ``frame`` is the page's, as it stands before ``flowables[0]``."""
    room, at_top, after, width = frame_state(frame)
    merges, after = after is not None, after or 0.0
    gaps = []  # (flowable, the gap it opens with here, what it may give)
    for f in flowables[:LOOK]:
        if not (gluey(f) or type(f) is FootGap):  # past the questions: measured only where the frame
            return {}  # places it (the key's notes are gathered as the questions are drawn)
        zero = zero_size(f)
        s = 0.0
        if not at_top:  # (as the frame reckons the space above a flowable)
            s = after if zero else f.getSpaceBefore()
            s = max(s - after, 0.0) if merges else s
        if room - s <= 0 and not zero:
            need = None
        else:
            h = _height(f, width, room - s, canv)
            need = s + h - room
        glue = gluey(f) and not at_top and s > 0
        if glue:
            gaps.append((f, s, min(s, GIVE * _holder(f).getSpaceBefore())))
        # the page ends here, unless a question misses it by no more than the gaps on it may give
        if need is None or need > (0 if isinstance(f, KeepTogether) else FRAME_FUZZ):
            if not glue or need is None or need > sum(g for _, _, g in gaps):
                return {}
            total = sum(g for _, _, g in gaps)
            return {id(g): need * give / total + 0.01 for g, _, give in gaps}
        room -= s + h
        after = f.getSpaceAfter()
        room -= after
        if h > 0 or s > 0 or after:
            at_top = False
    return {}


def _height(f, width: float, room: float, canv) -> float:
    """The height a flowable takes in the frame (a kept-together block's as it measures itself)."""
    if isinstance(f, KeepTogether):
        return kept_height(f, width)
    f.canv = canv
    try:
        return f.wrap(width, room)[1]
    finally:
        del f.canv


class GlueDocTemplate(BaseDocTemplate):
    """A document that plans each page's gaps (:func:`plan`) when its first question comes to be placed."""

    _glue_page = None

    def handle_flowable(self, flowables):
        f = flowables[0] if flowables else None
        frame = getattr(self, "frame", None)
        if f is not None and gluey(f) and frame is not None and self._glue_page != self.page:
            self._glue_page = self.page
            gives = plan(frame, flowables, self.canv)
            for g in flowables[:LOOK] if gives else ():
                if id(g) in gives:
                    holder = _holder(g)
                    holder.spaceBefore = holder.getSpaceBefore() - gives[id(g)]
        super().handle_flowable(flowables)
