"""Counting the pages a mending pass lays out (its trial layouts), for the tests that prove a trial stops early
(test_entries_trial, test_short_stop): counted in pages, not timed."""
from __future__ import annotations

from studyguide import mending, pagetops


def pages_in(monkeypatch, name: str) -> list:
    """The pages each call of the mending pass ``name`` laid out (from handle_pageBegin), one list per call."""
    calls, inside = [], []
    begin, real = pagetops.TopsDocTemplate.handle_pageBegin, getattr(mending, name)

    def counted_begin(doc):
        begin(doc)
        if inside:
            calls[-1].append(doc.page)

    def watched(redraw, layout):
        calls.append([])
        inside.append(1)
        try:
            return real(redraw, layout)
        finally:
            inside.pop()

    monkeypatch.setattr(pagetops.TopsDocTemplate, "handle_pageBegin", counted_begin)
    monkeypatch.setattr(mending, name, watched)
    return calls
