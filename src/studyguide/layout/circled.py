"""Words in a row to circle: a true/false question's True and False (the key rings the right one)."""
from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable


class Options(Flowable):
    """Words in a row to circle (True / False); ``marked`` rings one of them."""

    def __init__(self, words, x: float, font: str, size: float, gap: float, marked: int | None = None,
                 color=None):
        super().__init__()
        self.words, self.x, self.font, self.size, self.gap = words, x, font, size, gap
        self.marked, self.color = marked, color

    def wrap(self, aW, aH):
        self.width, self.height = aW, self.size * 2.2
        return aW, self.height

    def natural_width(self):
        words = sum(stringWidth(w, self.font, self.size) for w in self.words)
        return self.x + words + self.gap * (len(self.words) - 1) + 6

    def draw(self):
        c = self.canv
        x, base = self.x, self.height / 2 - self.size * 0.35
        for n, word in enumerate(self.words):
            w = stringWidth(word, self.font, self.size)
            c.setFont(self.font, self.size)
            c.drawString(x, base, word)
            if n == self.marked:
                c.saveState()
                if self.color is not None:
                    c.setStrokeColor(self.color)
                c.setLineWidth(1.4)
                c.ellipse(x - 6, base - self.size * 0.45, x + w + 6, base + self.size * 1.15)
                c.restoreState()
            x += w + self.gap
