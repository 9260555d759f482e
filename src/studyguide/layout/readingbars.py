"""What prose and verse readings share: the margins beside the text (line numbers on the left, the key's
bars and question numbers on the right), the tracks the key's bars run in, a line number on every fifth
line, and the reading's last block kept with its source line."""
from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth

from .._reportlab import FRAME_FUZZ

EVERY = 5  # a line number on every fifth line, as anthologies print them


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


def numbers_at(found: dict, cited_by: dict) -> dict[int, str]:
    """The key's question numbers by line: each span's questions at its first line, those of spans starting on the
    same line together ("3, 4"), where each was drawn at the same place and the two printed over each other."""
    at: dict[int, set] = {}
    for name, (a, _, _, _) in found.items():
        if cited_by.get(name):
            at.setdefault(a, set()).update(cited_by[name])
    return {n: ", ".join(map(str, sorted(qs))) for n, qs in at.items()}


def strands(ctx, flowable, aW, aH) -> bool:
    """Whether ``flowable`` (the reading's last block) fits in the room left but its source line after it
    does not, while the two together would fit on a page: the source would open the next page alone."""
    tail = flowable.tail
    height = flowable.height
    if height > aH + FRAME_FUZZ:
        return False
    after = flowable.getSpaceAfter()
    gap = max(tail.getSpaceBefore() - after, 0)
    need = height + after + gap + tail.wrap(aW, 1e6)[1]
    return need > aH + FRAME_FUZZ and need <= ctx.height
