"""A program typed between ``` lines (fenced.py), printed as typed: DejaVu Sans Mono at the text's size (so large
print scales it, its indentation with it), every space kept, in a light box.

A line too long for the box turns over: the rest starts on the next row, as far in as the line, after a "↪" in the
soft ink, so no reader takes it for a line of its own. A block that fits on a page is kept on one; a longer one
breaks only before a line no deeper than the one above it, and never after a line ending ':' (a block's opener
stays with its body).
"""
from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from .. import fenced, inline
from .._reportlab import FRAME_FUZZ
from ..theming import fonts

PAD = 4.0      # points between the box and its text
SIZE = 0.9     # of the text's size: a monospace letter is wider than a proportional one
TURN = "\u21aa "  # starts a row that carries on the line above (DejaVu Sans Mono has it)
LEAST = 12     # characters a row holds at least, however narrow the column


def _depth(line: str) -> int:
    return len(line) - len(line.lstrip(" ")) if line.strip() else -1


class CodeBlock(Flowable):
    """The lines of one fenced block; ``rows`` are laid out for the width it was last wrapped at."""

    def __init__(self, ctx, lines: tuple[str, ...], style: str = "body", indent: float = 0.0):
        super().__init__()
        fonts.register(inline.MONO)
        body = ctx.styles[style]
        self.ctx, self.lines, self.indent = ctx, tuple(lines), indent
        self.size = round(body.fontSize * SIZE, 2)
        self.leading = round(body.leading * SIZE, 2)
        self.char = stringWidth("0", inline.MONO, self.size)
        self.spaceBefore = self.spaceAfter = body.fontSize * 0.4
        self._rows, self._at = [], None

    def _layout(self, aW):
        if self._at == aW:
            return self._rows
        room = max(LEAST, int((aW - self.indent - 2 * PAD) / self.char))
        rows = []  # (index of its line, text, whether it carries on a line)
        for i, line in enumerate(self.lines):
            depth = max(_depth(line), 0)
            rest, first = line, True
            while True:
                wide = room if first else room - len(TURN) - depth
                wide = max(wide, LEAST // 2)
                if len(rest) <= wide:
                    rows.append((i, rest if first else " " * depth + TURN + rest, not first))
                    break
                cut = rest.rfind(" ", (wide * 3) // 5, wide + 1)  # at a space near the row's end, else mid-word
                cut = cut if cut > depth else wide
                rows.append((i, rest[:cut] if first else " " * depth + TURN + rest[:cut], not first))
                rest, first = rest[cut:].lstrip(" ") if cut < wide else rest[cut:], False
        self._rows, self._at = rows, aW
        return rows

    def wrap(self, aW, aH):
        self.width = aW
        self.height = len(self._layout(aW)) * self.leading + 2 * PAD
        return aW, self.height

    def _breaks(self) -> list[int]:
        """The rows a page may break before: a line's first row, the line no deeper than the one above (a line
        before it ending ':' never)."""
        out = []
        for r, (i, _, turned) in enumerate(self._rows):
            if r == 0 or turned:
                continue
            above, line = self.lines[i - 1], self.lines[i]
            if above.rstrip().endswith(":") or not above.strip():
                if not above.strip() and r:  # a blank line: a fine place, unless it follows an opener
                    out.append(r)
                continue
            if _depth(line) <= _depth(above):
                out.append(r)
        return out

    def split(self, aW, aH):
        rows = self._layout(aW)
        if aH < self.ctx.height - 1 and self.height <= self.ctx.height:
            return []  # it fits on a page of its own: kept whole, on the next page
        fit = int((aH - 2 * PAD + FRAME_FUZZ) // self.leading)
        allowed = [r for r in self._breaks() if 2 <= r <= fit and len(rows) - r >= 2]
        if not allowed:
            allowed = [r for r in range(2, fit + 1) if not rows[r][2]] or [fit] if fit >= 2 else []
        if not allowed:
            return []
        cut = max(allowed)
        first_line = rows[cut][0]
        return [CodeBlock(self.ctx, self.lines[:first_line], indent=self.indent)._like(self),
                CodeBlock(self.ctx, self.lines[first_line:], indent=self.indent)._like(self)]

    def _like(self, other):
        self.size, self.leading, self.char = other.size, other.leading, other.char
        self.spaceBefore, self.spaceAfter = other.spaceBefore, other.spaceAfter
        return self

    def draw(self):
        ctx, canv = self.ctx, self.canv
        rows = self._layout(self.width)
        canv.saveState()
        canv.setStrokeColor(ctx.color("rule"))
        canv.setLineWidth(0.5)
        canv.rect(self.indent, 0, self.width - self.indent, self.height, stroke=1, fill=0)
        y = self.height - PAD - self.size
        for _, text, turned in rows:
            x = self.indent + PAD
            if turned:
                depth = len(text) - len(text.lstrip(" "))
                canv.setFillColor(ctx.color("ink_soft"))
                canv.setFont(inline.MONO, self.size)
                canv.drawString(x + depth * self.char, y, TURN.strip())
                text = " " * (depth + len(TURN)) + text[depth + len(TURN):]
            canv.setFillColor(ctx.color("ink"))
            canv.setFont(inline.MONO, self.size)
            if text.strip():
                lead = len(text) - len(text.lstrip(" "))
                canv.drawString(x + lead * self.char, y, text.lstrip(" "))
            y -= self.leading
        canv.restoreState()


def flowables(ctx, text: str, style: str = "body", indent: float = 0.0) -> list:
    """The text's fenced blocks as :class:`CodeBlock` s (none for a text without one)."""
    return [CodeBlock(ctx, b.lines, style, indent) for b in fenced.blocks(text)]
