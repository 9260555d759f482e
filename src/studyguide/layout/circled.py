"""Words in a row to circle: a true/false question's True and False (the key rings the right one)."""
from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from .flow import natural_width


class Options(Flowable):
    """Words in a row to circle (True / False); ``marked`` rings one of them."""

    def __init__(self, words, x: float, font: str, size: float, gap: float, marked: int | None = None,
                 color=None, mirrored: bool = False):
        super().__init__()
        self.words, self.x, self.font, self.size, self.gap = words, x, font, size, gap
        self.marked, self.color = marked, color
        self.mirrored = mirrored  # read from the right: ``x`` in from the right edge, the first word rightmost

    def wrap(self, aW, aH):
        self.width, self.height = aW, self.size * 2.2
        return aW, self.height

    def natural_width(self):
        words = sum(stringWidth(w, self.font, self.size) for w in self.words)
        return self.x + words + self.gap * (len(self.words) - 1) + 6

    def spots(self) -> list[tuple[float, float]]:
        """Where each word is drawn in the (wrapped) row: (its left edge, its width), in the words' order."""
        out, x = [], self.width - self.x if self.mirrored else self.x
        for word in self.words:
            w = stringWidth(word, self.font, self.size)
            out.append((x - w if self.mirrored else x, w))
            x += -(w + self.gap) if self.mirrored else w + self.gap
        return out

    def draw(self):
        c = self.canv
        base = self.height / 2 - self.size * 0.35
        for n, (word, (x, w)) in enumerate(zip(self.words, self.spots())):
            c.setFont(self.font, self.size)
            c.drawString(x, base, word)
            if n == self.marked:
                c.saveState()
                if self.color is not None:
                    c.setStrokeColor(self.color)
                c.setLineWidth(1.4)
                c.ellipse(x - 6, base - self.size * 0.45, x + w + 6, base + self.size * 1.15)
                c.restoreState()


class InlineOptions(Flowable):
    """A prompt with its options (True / False) at the right of its last line, left of the points,
    when that line leaves them room; else on a row of their own under the prompt, in the same column
    (a run's True / False line up wherever each prompt ends; from the left in right-to-left text). A question
    read from the right (``row.mirrored``) has them at the left of its last line, right of the points."""

    def __init__(self, row, options, x: float):
        super().__init__()
        self.row, self.options, self.x = row, options, x  # (the options' own indent on a row of their own)

    def wrap(self, aW, aH):
        _, h = self.row.wrap(aW, aH)
        para, style = self.row.para, self.row.para.style
        self._lines = para.getActualLineWidths0() or [0.0]
        # one column for every True / False, beside a prompt or under it: left of the points' column
        # (beside a prompt whose points sit on its first line they had stood that much further right)
        self._points = self.row.right_w if self.row.right else 0
        need = natural_width(self.options) - self.x + 8  # (the ring's overhang on either side)
        gap = 12 + self.row.size  # (room for a fillable form's radio button left of each word)
        flush = 2 if getattr(self.row, "mirrored", False) else 0  # (TA_RIGHT: the last line's free side at the left)
        self.inline = style.alignment == flush and self.row.indent + self._lines[-1] + gap + need + self._points <= aW
        self._need, (_, self._oh) = need, self.options.wrap(aW, aH)
        self.width, self.height = aW, h + (0 if self.inline else self._oh)
        return aW, self.height

    def _column(self) -> float:
        """Where the options are drawn from: their words 10 pt clear of the points' column (either side)."""
        if getattr(self.row, "mirrored", False):  # (drawn ``x`` in from their own right edge: mirrored Options)
            return self._points + self._need - 4 + self.x - self.width
        return self.width - self._points - self._need + 4 - self.x

    def draw(self):
        row_h = self.row.height
        self.row.drawOn(self.canv, 0, self.height - row_h)
        if not self.inline:
            own = self.row.para.style.alignment == 0 or getattr(self.row, "mirrored", False)
            self.options.drawOn(self.canv, self._column() if own else 0, 0)
            return
        style = self.row.para.style  # the last line's baseline
        base = self.row.baseline() - (len(self._lines) - 1) * style.leading
        self.options.drawOn(self.canv, self._column(), self.height - row_h + base - self._oh / 2 + self.row.size * 0.35)
