"""Paragraph work kept across rebuilds in a warm process (watch), for text that did not change.

Between two saves of a guide, most of its paragraphs are the same text in the
same style at the same width. Parsing their markup and breaking them into
lines is a third of a rebuild's work; this module does it once and replays it.

What is kept is the *result* of reportlab's own code, never a flowable:
reportlab's paragraphs change as they are wrapped, split and drawn, so a
paragraph object cannot be shared. Each result is stored as a pickle and
unpickled for every paragraph that needs it, so each paragraph gets its own
objects, the same as reportlab would have made (same values, same sharing
between them). The key holds every input the result depends on:

- parsing: the markup, every attribute of the style, the bullet text, the
  parser's options, and the fonts and font families registered so far;
- line breaking: all of the above, the widths the paragraph was wrapped at
  before (each wrap starts from the last one's result), the width now, and the
  paragraph's own attributes (anything set on it, such as ``autoLeading``).

A paragraph that was split, or made from fragments rather than markup, or
whose inputs cannot be told apart by value, simply takes reportlab's own path.
So the PDFs are byte for byte the ones ``studyguide build`` writes (the watch
tests check this on every guide in guides/ and on the benchmark's guide).

:func:`install` patches reportlab's ``Paragraph`` in this process only; only
``studyguide watch`` calls it. The cache keeps at most :data:`MAX_BYTES` of
pickles and drops the least recently used first.
"""
from __future__ import annotations

import operator
import pickle
from collections import OrderedDict

from reportlab.pdfbase import pdfdoc, ttfonts
from reportlab.platypus import paragraph as rl_paragraph

from .._reportlab import PARSE, WRAPPED, font_registries, replay_compatible
from ..parses import NOT_INPUTS, WATCH_STATE, extras
from ..parses import value_key as _value

MAX_BYTES = 48 * 1024 * 1024

Paragraph = rl_paragraph.Paragraph
_original = {}  # name → reportlab's own function, while installed
_STATE = WATCH_STATE  # on a paragraph: the key of its current state, or None once it is not ours to replay
# what a paragraph holds besides the results of parsing and wrapping (never part of a key or a snapshot): the
# same as for a build's shared wraps (parses.wrapped)
_OWN = NOT_INPUTS


class _Cache:
    def __init__(self, limit: int):
        self.items: OrderedDict = OrderedDict()
        self.size = 0
        self.limit = limit
        self.hits = self.misses = 0

    def get(self, key):
        value = self.items.get(key)
        if value is None:
            self.misses += 1
            return None
        self.items.move_to_end(key)
        self.hits += 1
        return value

    def put(self, key, value) -> None:
        old = self.items.pop(key, None)
        if old is not None:
            self.size -= len(old[0])
        self.items[key] = value
        self.size += len(value[0])
        while self.size > self.limit and self.items:
            _, dropped = self.items.popitem(last=False)
            self.size -= len(dropped[0])

    def clear(self) -> None:
        self.items.clear()
        self.size = 0


cache = _Cache(MAX_BYTES)


_style_keys: dict = {}  # id(style) → (style, its attribute names, their values, key)
_style_tokens: dict = {}  # every attribute of a style, by value → a number standing for them


def _style_key(style):
    """A number that stands for every attribute of ``style``, by value. Remembered for each style object,
    and checked against its attributes (by identity, which is cheap) on every use, in case the style
    was changed meanwhile."""
    d = style.__dict__
    names, values = tuple(d), tuple(d.values())
    known = _style_keys.get(id(style))
    if known is not None and known[0] is style and known[1] == names and all(map(operator.is_, known[2], values)):
        return known[3]
    values_key = tuple((k, _value(v)) for k, v in d.items() if k != "parent")
    if len(_style_tokens) > 10_000:  # numbers are never reused for other values while the cache holds them
        _style_tokens.clear()
        _style_keys.clear()
        cache.clear()
    key = _style_tokens.setdefault(values_key, len(_style_tokens))  # a small number: quick to hash
    if any(type(v) in (list, dict, set, bytearray) for v in values):
        return key  # a value that can change in place: worked out again every time
    if len(_style_keys) > 2_000:
        _style_keys.clear()
    _style_keys[id(style)] = (style, names, values, key)  # holds the style, so its id is not reused
    return key


_fonts_now: list = [None, None]  # [the registries' sizes, a number for their exact contents]
_font_tokens: dict = {}  # the registries' exact contents (holding the font objects) → that number


def _fonts_key():
    """A number for the registered fonts and font families, which decide how markup parses and how wide
    text is. Registering only ever adds to them (studyguide names a theme's own fonts by their files'
    contents), so their sizes tell when to look at them again."""
    fonts, typefaces, tt2ps, ps2tt = font_registries()
    sizes = (len(fonts), len(typefaces), len(tt2ps), len(ps2tt))
    if _fonts_now[0] != sizes:
        exact = (tuple(fonts.items()), tuple(typefaces.items()), tuple(sorted(tt2ps.items())), tuple(sorted(ps2tt.items())))
        _fonts_now[:] = [sizes, _font_tokens.setdefault(exact, len(_font_tokens))]
    return _fonts_now[1]


def _extras(para):
    """The paragraph's own attributes (set on it by whoever made it), as part of a key."""
    return extras(para, _OWN | _WRAPPED)


# what reportlab's wrap sets; any other attribute a wrap is seen to set is added (see _wrap)
_WRAPPED = WRAPPED


def _dumps(obj) -> bytes:
    return pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)


def _setup(self, text, style, bulletText, frags, cleaner):
    setup = _original[PARSE]
    if frags is not None or cleaner is not rl_paragraph.cleanBlockQuotedText or not isinstance(text, str) \
            or not (bulletText is None or isinstance(bulletText, str)):
        setup(self, text, style, bulletText, frags, cleaner)
        self.__dict__[_STATE] = None
        return
    try:
        key = ("parse", type(self), text, _style_key(style), bulletText, self.caseSensitive, self.encoding,
               _fonts_key())
        hash(key)
    except TypeError:
        setup(self, text, style, bulletText, frags, cleaner)
        self.__dict__[_STATE] = None
        return
    hit = cache.get(key)
    if hit is not None:
        parsed = pickle.loads(hit[0])
        self.text, self.frags, self.style, self.bulletText, self.debug = parsed["text"], parsed["frags"], style, parsed["bulletText"], 0
        self.__dict__[_STATE] = key
        return
    setup(self, text, style, bulletText, frags, cleaner)
    if self.style is not style:  # the markup changed the style (<para ...>): not replayed
        self.__dict__[_STATE] = None
        return
    try:
        cache.put(key, (_dumps({"text": self.text, "frags": self.frags, "bulletText": self.bulletText}),))
    except Exception:  # noqa: BLE001  (something in it does not pickle: not replayed)
        self.__dict__[_STATE] = None
        return
    self.__dict__[_STATE] = key


def _wrap(self, availWidth, availHeight):
    global _WRAPPED
    wrap = _original["wrap"]
    d = self.__dict__
    state = d.get(_STATE)
    if state is None:
        return wrap(self, availWidth, availHeight)
    try:
        key = ("wrap", state, _value(availWidth), _extras(self))
        hash(key)
    except TypeError:
        d[_STATE] = None
        return wrap(self, availWidth, availHeight)
    hit = cache.get(key)
    if hit is not None:
        d.update(pickle.loads(hit[0]))
        d[_STATE] = key
        return hit[1]
    before = dict(d)
    size = wrap(self, availWidth, availHeight)
    changed = {k: v for k, v in d.items() if k not in _OWN - {"frags"} and (k not in before or before[k] is not v)}
    try:
        cache.put(key, (_dumps(changed), size))
    except Exception:  # noqa: BLE001
        d[_STATE] = None
        return size
    _WRAPPED = _WRAPPED | changed.keys()
    d[_STATE] = key
    return size


def _split(self, availWidth, availHeight):
    # splitting changes the paragraph's fragments in place: from here on it is reportlab's alone
    self.__dict__[_STATE] = None
    return _original["split"](self, availWidth, availHeight)


# --------------------------------------------------------------------------- writing the PDF
# Two pure functions of their input, kept for the pages and font subsets that did not change:
# compressing a stream (zlib.compress is deterministic for the same bytes and level), and cutting a
# font down to the glyphs a document used (the same font and the same glyphs in the same order give
# the same bytes).
_compressed = _Cache(MAX_BYTES // 2)


def _encode(text):
    if isinstance(text, str):
        text = text.encode("utf8")
    hit = _compressed.get(text)
    if hit is not None:
        return hit[1]
    out = _original["encode"](text)
    _compressed.put(text, (text, out))
    return out


def _make_subset(self, subset):
    key = (self, tuple(subset))
    hit = _compressed.get(key)
    if hit is not None:
        return hit[1]
    out = _original["makeSubset"](self, subset)
    _compressed.put(key, (out, out))
    return out


def install() -> bool:
    """Replay parsing, line breaking, compression and font subsetting in this process from now on
    (idempotent). False if this reportlab is not one it knows how to replay (then nothing changes)."""
    if _original:
        return True
    if not replay_compatible():
        return False
    for name, fn in ((PARSE, _setup), ("wrap", _wrap), ("split", _split)):
        _original[name] = Paragraph.__dict__[name]
        setattr(Paragraph, name, fn)
    _original["encode"] = pdfdoc.PDFZCompress.encode  # the one instance every stream uses
    pdfdoc.PDFZCompress.encode = _encode
    _original["makeSubset"] = ttfonts.TTFontFile.__dict__["makeSubset"]
    ttfonts.TTFontFile.makeSubset = _make_subset
    return True


def uninstall() -> None:
    """Back to reportlab's own functions, and empty caches (for tests)."""
    for name in (PARSE, "wrap", "split"):
        if name in _original:
            setattr(Paragraph, name, _original[name])
    if "encode" in _original:
        del pdfdoc.PDFZCompress.encode  # the class's own method again
    if "makeSubset" in _original:
        ttfonts.TTFontFile.makeSubset = _original["makeSubset"]
    _original.clear()
    cache.clear()
    _compressed.clear()
    _style_keys.clear()
    _style_tokens.clear()
    _font_tokens.clear()
    _fonts_now[:] = [None, None]


def installed() -> bool:
    return bool(_original)


_users = 0


def acquire() -> None:
    """:func:`install`, counted: the cache stays until as many :func:`release` calls (one per watcher)."""
    global _users
    install()
    _users += 1


def release() -> None:
    global _users
    _users = max(0, _users - 1)
    if _users == 0:
        uninstall()
