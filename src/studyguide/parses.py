"""Each paragraph's markup parsed once per build, not once per layout (render.render).

A build lays its guide out once, and again for each mending pass it tries (mending.py): three times for the
benchmark's 50-unit guide. Every layout makes its paragraphs anew, and reportlab parsed the markup of each again,
about a third of the build's time, though the text and style were the same as in the layout before. Within one build
(:func:`shared`), the first paragraph made from a markup in a style is parsed by reportlab; each later one with the
same markup, bullet and style (every attribute of it, by value) and the same fonts registered gets a copy of what
that parse gave. A copy, because reportlab changes a paragraph's fragments as it splits it over a page: each
paragraph has fragments of its own, as the parse would have made them (same values), so the PDF is the same bytes.

Only what copies safely is shared: fragments whose attributes are text, numbers, colours and lists of those, or
lists of tuples of those (an underline's, a link's). A paragraph with a form field or an image in it (fragments
holding objects), one whose markup changes its own style (``<para>``), or made from fragments is parsed as before.
Nothing is kept after the build: another guide, theme or edition starts with nothing shared.

Line breaking is shared the same way (:func:`wrapped`): a paragraph parsed from a shared key, wrapped at the widths an
earlier one of the build was, is given what that one's wrap set (its lines, its size), and breaks its lines only where
no paragraph has been before it. Those are given, not copied; a paragraph copies them only before reportlab would
change them in place (:func:`own`)."""
from __future__ import annotations

import contextlib
import copy
from contextvars import ContextVar

from reportlab.lib.colors import Color

from ._reportlab import PLACED, WRAPPED, font_registries
from ._reportlab_words import SharedParse, own_words

_build: ContextVar[dict | None] = ContextVar("parses_of_this_build", default=None)
_SCALARS = (str, int, float, bool, type(None))
_STATE = "_sg_lines"  # on a paragraph: (key of what it holds, its fragments, its bullet) while its wraps are shared
WATCH_STATE = "_sg_state"  # the watch's own (watch/cache.py), dropped where a wrap is given back here


@contextlib.contextmanager
def shared():
    """Paragraphs made in the ``with`` block (this thread's) share their parses, and their line breaks (:func:`wrapped`)."""
    token = _build.set({"parses": {}, "styles": {}, "tokens": {}, "names": {}, "wraps": {}, "held": {},
                        "made": {}})
    try:
        yield
    finally:
        _build.reset(token)


def share(paragraph, text, style, bullet, parse) -> None:
    """``paragraph`` given what parsing ``text`` in ``style`` gives (reportlab's ``parse()``, or a copy of an
    earlier paragraph's in this build)."""
    build = _build.get()
    paragraph.__dict__.pop(_STATE, None)
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
        known = build["parses"][key] = _kept(paragraph, style)
    elif known is False:
        parse()
    else:
        parsed_text, frags, bullet_frags = known
        paragraph.text, paragraph.style, paragraph.debug = parsed_text, style, 0
        paragraph.frags = _copy(frags)
        paragraph.bulletText = bullet if bullet_frags is None else _copy(bullet_frags)
    if known is not False:  # (its lines may be shared too: it holds what any paragraph parsed from that key holds)
        token = build["tokens"].setdefault(("parse", key), len(build["tokens"]))
        paragraph.__dict__[_STATE] = (token, paragraph.frags, paragraph.bulletText)


def once(key, make):
    """``make()``, worked out once a build for each ``key`` (and each time outside one): what the layout makes of a
    paragraph's text before reportlab parses it (layout.Para), the same in each layout of the build."""
    build = _build.get()
    if build is None:
        return make()
    made = build["made"]
    if key not in made:
        made[key] = make()
    return made[key]


# what a paragraph holds that is not an input to its next wrap (its own attributes are: :func:`extras`)
NOT_INPUTS = frozenset({"text", "style", "bulletText", "frags", "caseSensitive", "encoding", "debug", _STATE,
                        WATCH_STATE, "_wrapped_at", "_lines_at", "widow_number", "_widow_of", "_below"}) | PLACED
_NOT_OWN = NOT_INPUTS | WRAPPED  # (what reportlab's wrap sets is its result)


def wrapped(paragraph, width, wrap):
    """``wrap()`` (reportlab's wrap of ``paragraph`` at ``width``), or what it set and gave for an earlier paragraph of
    this build that held the very same: parsed from the same key (:func:`share`), wrapped at the same widths before,
    in a style of the same values, with the same attributes of its own and the same fonts registered. A mending trial
    lays out the same paragraphs again: each is broken into lines once a build, not once a layout.

    What is given back is shared, not copied (a pickle or a deep copy cost as much as breaking the lines): reportlab
    changes a paragraph's lines and fragments in place only while splitting it (before which it takes its own copy,
    :func:`own`) or breaking its lines again (its own fragments' words first)."""
    build = _build.get()
    d = paragraph.__dict__
    state = d.pop(_STATE, None)
    key = None
    if build is not None and state is not None and state[1] is d.get("frags") and state[2] is d.get("bulletText"):
        key = _wrap_key(build, paragraph, state[0], width)
    known = None if key is None else build["wraps"].get(key)
    if known is not None:
        changed, size = known
        d.update(changed)
        if WATCH_STATE in d:  # (the watch's own key for it no longer says what it holds)
            d[WATCH_STATE] = None
    else:
        frags = d.get("frags")
        if build is not None and build["held"].get(id(frags)) is frags:  # (breaking its lines again changes its
            words = own_words(frags)  # fragments' words in place, never what is in them: its own words, the rest shared)
            d["frags"] = copy.deepcopy(frags) if words is None else words
        before = dict(d)
        size = wrap()
        if key is None:
            return size
        changed = {k: v for k, v in d.items()  # (what a wrap sets, even the very object it held before)
                   if k in WRAPPED or (k not in NOT_INPUTS or k == "frags") and before.get(k, d) is not v}
        build["wraps"][key] = changed, size
        build["held"].update((id(v), v) for v in changed.values() if type(v) not in _SCALARS)
    d[_STATE] = (key, d.get("frags"), d.get("bulletText"))
    return size


def _wrap_key(build, paragraph, state: int, width):
    """A small number standing for a wrap's inputs (:func:`wrapped`), or None if one has no value to compare."""
    style_key = _style_key(build, paragraph.style)
    if style_key is None:
        return None
    d = paragraph.__dict__
    try:  # (the fonts registered are in the parse's key: a font's name stands for the same widths ever after)
        key = ("wrap", state, style_key, value_key(width), d.get("encoding"),
               () if _NOT_OWN.issuperset(d) else extras(paragraph, _NOT_OWN))
        return build["tokens"].setdefault(key, len(build["tokens"]))
    except TypeError:
        return None


def own(paragraph) -> None:
    """Before reportlab splits ``paragraph`` (which may change anything it holds in place): its own copy of whatever of
    it is shared with other paragraphs of the build (:func:`wrapped`). A deep copy, a few times a build."""
    build = _build.get()
    if build is None:
        return
    held, d = build["held"], paragraph.__dict__
    d.pop(_STATE, None)  # (from here on its fragments are reportlab's to change, and its wraps its own)
    mine = {k: v for k, v in d.items() if held.get(id(v)) is v}
    if mine:
        d.update(copy.deepcopy(mine))


def extras(paragraph, skip) -> tuple:
    """The attributes set on ``paragraph`` (by whoever made it) but those named in ``skip``, by value, as part of a
    key: TypeError for one compared by identity."""
    return tuple(sorted((k, value_key(v)) for k, v in paragraph.__dict__.items() if k not in skip))


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
            if type(value) not in (list, tuple) or not all(_plain(v) or type(v) is tuple and all(map(_plain, v))
                                                           for v in value):
                return None  # (a list of tuples of those: an underline's or a link's, the same in every copy)
            if type(value) is list:
                lists.append(name)
        keys = tuple(attrs)
        out.append((type(f), names.setdefault(keys, keys), tuple(attrs.values()), tuple(lists)))
    return out


def _plain(value) -> bool:
    return type(value) in _SCALARS or isinstance(value, Color)


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
    out once for each style object while its attributes stay the same (equal, as a tuple of them compares: quick when
    they are the very same objects, as they are while nothing sets them)."""
    attrs = getattr(style, "__dict__", None)
    if attrs is None:
        return None
    known = build["styles"].get(id(style))
    values = tuple(attrs.values())
    if known is not None and known[0] is style and known[1] == values:
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
