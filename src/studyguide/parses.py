"""Each paragraph's markup parsed once per build, not once per layout (render.render).

A build lays its guide out once, and again for each mending pass it tries (mending.py): three times for the
benchmark's 50-unit guide. Every layout makes its paragraphs anew, and reportlab parsed the markup of each again,
about a third of the build's time, though the text and style were the same as in the layout before. Within one build
(:func:`shared`), the first paragraph made from a markup in a style is parsed by reportlab; each later one with the
same markup, bullet and style (every attribute of it, by value) and the same fonts registered gets a copy of what
that parse gave. A copy, because reportlab changes a paragraph's fragments as it splits it over a page: each
paragraph has fragments of its own, as the parse would have made them (same values), so the PDF is the same bytes.

Only what copies safely is shared: fragments whose attributes are text, numbers, colours and lists of those. A
paragraph with a form field or an image in it (fragments holding objects), one whose markup changes its own style
(``<para>``), or made from fragments is parsed as before. Nothing is kept after the build: another guide, theme or
edition starts with nothing shared."""
from __future__ import annotations

import contextlib
import operator
from contextvars import ContextVar

from reportlab.lib.colors import Color

from ._reportlab import font_registries
from ._reportlab_words import SharedParse

_build: ContextVar[dict | None] = ContextVar("parses_of_this_build", default=None)
_SCALARS = (str, int, float, bool, type(None))


@contextlib.contextmanager
def shared():
    """Paragraphs made in the ``with`` block (this thread's) share their parses."""
    token = _build.set({"parses": {}, "styles": {}, "tokens": {}, "names": {}})
    try:
        yield
    finally:
        _build.reset(token)


def share(paragraph, text, style, bullet, parse) -> None:
    """``paragraph`` given what parsing ``text`` in ``style`` gives (reportlab's ``parse()``, or a copy of an
    earlier paragraph's in this build)."""
    build = _build.get()
    if build is None or not isinstance(text, str) or not (bullet is None or isinstance(bullet, str)):
        return parse()
    style_key = _style_key(build, style)
    if style_key is None:
        return parse()
    sizes = tuple(map(len, font_registries()))  # (registering only adds: the sizes tell the fonts apart)
    key = (text, style_key, bullet, paragraph.caseSensitive, sizes)
    known = build["parses"].get(key)
    if known is None:
        parse()
        build["parses"][key] = _kept(paragraph, style)
    elif known is False:
        parse()
    else:
        parsed_text, frags, bullet_frags = known
        paragraph.text, paragraph.style, paragraph.debug = parsed_text, style, 0
        paragraph.frags = _copy(frags)
        paragraph.bulletText = bullet if bullet_frags is None else _copy(bullet_frags)


def _kept(paragraph, style):
    """What a paragraph's parse gave, as copies to hand on (text, fragments, bullet fragments or None), or False
    when it does not copy safely."""
    if paragraph.style is not style:  # (its markup set its own style)
        return False
    frags, bullet = paragraph.frags, paragraph.bulletText
    names = _build.get()["names"]
    kept = _frozen(frags, names)
    kept_bullet = None if bullet is None or isinstance(bullet, str) else _frozen(bullet, names)
    if kept is None or (kept_bullet is None and not (bullet is None or isinstance(bullet, str))):
        return False
    return paragraph.text, kept, kept_bullet


def _frozen(frags, names: dict):
    """Fragments as (class, attribute names, their values, names of list attributes), copied from ``frags``; None if
    one holds more than text, numbers, colours and lists or tuples of them. The names are kept once for all
    fragments that have the same (``names``): a 166-unit guide's fragments took 13 MB more kept as dictionaries."""
    if not isinstance(frags, list):
        return None
    out = []
    for f in frags:
        attrs = getattr(f, "__dict__", None)
        if attrs is None:
            return None
        lists = []
        for name, value in attrs.items():
            if type(value) in _SCALARS or isinstance(value, Color):
                continue
            if type(value) not in (list, tuple) or not all(type(v) in _SCALARS or isinstance(v, Color) for v in value):
                return None
            if type(value) is list:
                lists.append(name)
        keys = tuple(attrs)
        out.append((type(f), names.setdefault(keys, keys), tuple(attrs.values()), tuple(lists)))
    return out


def _copy(frozen) -> list:
    out = []
    for cls, keys, values, lists in frozen:
        frag = cls.__new__(cls)
        own = frag.__dict__
        own.update(zip(keys, values))
        for name in lists:
            own[name] = list(own[name])
        out.append(frag)
    return out


def _style_key(build, style):
    """A small number standing for every attribute of ``style`` by value (None if one has no value to compare), worked
    out once for each style object while its attributes stay the very same objects."""
    attrs = getattr(style, "__dict__", None)
    if attrs is None:
        return None
    known = build["styles"].get(id(style))
    values = tuple(attrs.values())
    if known is not None and known[0] is style and len(known[1]) == len(values) \
            and all(map(operator.is_, known[1], values)):
        return known[2]
    try:
        by_value = tuple((name, value_key(v)) for name, v in attrs.items() if name != "parent")
        hash(by_value)
    except TypeError:
        return None
    key = build["tokens"].setdefault(by_value, len(build["tokens"]))
    if not any(type(v) in (list, dict, set, bytearray) for v in values):  # (else one may change in place: not kept)
        build["styles"][id(style)] = (style, values, key)  # (holds the style: its id is not another's in this build)
    return key


def value_key(v):
    """A hashable stand-in for a style's or paragraph's attribute, equal to another's only when both are the same value
    of the same type (1, 1.0 and True are not), so both draw the same; TypeError for one compared by identity (a new
    one each build would never match). The watch's cache keys its wraps by it too (watch/cache.py)."""
    if v is None or isinstance(v, (str, bytes)):
        return v
    t = type(v)
    if t in (int, float, bool):
        return (t, v)
    if t in (list, tuple):
        return (t, tuple(value_key(x) for x in v))
    hash(v)
    if t.__eq__ is object.__eq__:
        raise TypeError(t)
    return (t, v)


SharedParse.share = staticmethod(share)
