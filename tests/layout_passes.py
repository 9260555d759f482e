"""Watching what a mending pass lays out (its trial layouts), for the tests that prove a trial stops early
(test_entries_trial, test_short_stop, test_longer_stop): counted in pages or flowables placed, not timed."""
from __future__ import annotations

from studyguide import mending, pagetops


def while_in_pass(monkeypatch, name: str, cls, method: str, seen, started=lambda: None) -> None:
    """While the mending pass ``name`` runs, ``cls.method(doc, *args)`` becomes ``seen(real method, doc, *args)``
    (outside it, the real method alone); ``started()`` is called as each call of the pass begins."""
    inside, real_method, real_pass = [], getattr(cls, method), getattr(mending, name)

    def method_(doc, *args):
        return seen(real_method, doc, *args) if inside else real_method(doc, *args)

    def watched(redraw, layout):
        started()
        inside.append(1)
        try:
            return real_pass(redraw, layout)
        finally:
            inside.pop()

    monkeypatch.setattr(cls, method, method_)
    monkeypatch.setattr(mending, name, watched)


def pages_in(monkeypatch, name: str) -> list:
    """The pages each call of the mending pass ``name`` laid out (from handle_pageBegin), one list per call."""
    calls: list = []

    def begun(begin, doc):
        begin(doc)
        calls[-1].append(doc.page)

    while_in_pass(monkeypatch, name, pagetops.TopsDocTemplate, "handle_pageBegin", begun, lambda: calls.append([]))
    return calls
