"""Large print's choice and select-all questions split only to fill a page, kept split only where that saves a
page. A question nearly half a page tall that misses the room left splits there when sending it on whole would
leave the page 30 % empty (layout.opening.TALL, ROOM), when its choices are long (LONG: half its rows two lines or
more; short ones are never cut to fill a page): long choices under long prompts took a page each. But a
split leaves a student turning the page to compare the choices, and where it saves no page (the bundled
photosynthesis guide's q11: its steps 3 | 2 over pages 15-16, still 17 pages) it is only worse print. So a
layout with such splits (``ctx.fill_splits``) is laid out again with those questions whole (``split_whole``);
the split one is kept only when the whole one takes a handout page more. An ordering never splits to fill a
page (its items are read together): only when it is taller than one."""
from __future__ import annotations

from . import mending


def whole_unless_saved(redraw, layout):
    """The mended layout (mending.run), or the same with its questions split to fill a page kept whole, when
    that costs the handout no page (nor the key: mending.longer); one layout more, only where a split was made."""
    ctx = layout[0]
    splits = set(ctx.__dict__.get("fill_splits", ())) - set(ctx.__dict__.get("split_whole", ()))
    if ctx.theme.edition != "large-print" or not splits:
        return layout
    fixes = mending.carried(ctx)
    again = redraw({**fixes, "split_whole": frozenset(fixes.get("split_whole", ())) | splits})
    return layout if mending.longer(again, layout) else again
