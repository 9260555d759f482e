"""What prose and verse readings share: the margins beside the text (line numbers on the left, the key's
bars and question numbers on the right) and the tracks the key's bars run in."""
from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth


def gutter(ctx) -> tuple[float, float]:
    """Widths of the left margin (paragraph and line numbers) and of the right one (the key's notes)."""
    style = ctx.styles["footer"]
    left = stringWidth("[99]  999", style.fontName, style.fontSize) + 8
    right = stringWidth("99, 99", style.fontName, style.fontSize) + 14
    return left, right


def tracks(found: dict) -> dict[str, int]:
    """Each span's bar position: the lowest one no earlier span sharing a line of it uses."""
    out: dict[str, int] = {}
    for name, (a, b, _, _) in sorted(found.items(), key=lambda item: item[1]):
        taken = {out[o] for o, (c, d, _, _) in found.items() if o in out and c <= b and a <= d}
        out[name] = min(set(range(len(found) + 1)) - taken)
    return out
