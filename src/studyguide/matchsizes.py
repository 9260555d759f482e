"""Large print's vocabulary matching laid out again with other set sizes, where those the layout chose
(layout.activities.matching_large._filled) leave a page short. The sizes are chosen on estimates, before the
layout: each set's height alone on its page, and the last set's page counted short when its set is short,
though what follows may start under it. So the layout offers the next sizes its search ranks
(``ctx.matching_others``: at most two) and each is laid out for real, kept when it adds no page and leaves
fewer pages short (mending.short_pages): the police guide's 13 terms on A4 went 4, 4 and 5, the second set's
page 34 % empty, where 3, 5 and 5 leave none of the three short."""
from __future__ import annotations

from . import mending


def resized(redraw, layout):
    """The mended layout, or the first of the other sizes offered that adds no page, handout or key, and leaves
    fewer pages short; one layout for each size tried, and none where no set's page was found short or where the
    first set was laid out where it landed (mending.matching_landed: its sizes are not those searched)."""
    ctx = layout[0]
    others = ctx.__dict__.get("matching_others")
    if not others or ctx.__dict__.get("matching_landed"):
        return layout
    short = mending.short_pages(redraw, layout)
    if not short:
        return layout
    fixes = {**mending.carried(ctx), **{k: True for k in ("notes_plain",) if ctx.__dict__.get(k)}}  # (kept too)
    for key, tries in others.items():
        for sizes in tries:
            again = redraw({**fixes, "matching_sizes": {**fixes["matching_sizes"], key: sizes}, "matching_others": {},
                            "stop_short": "count"}, until=ctx)  # (None: stopped, a page more short: pagetops)
            if again is not None and not mending.longer(again, layout) and \
                    len(mending.short_pages(redraw, again)) < len(short):
                return again
    return layout
