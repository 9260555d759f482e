"""reportlab's private word-splitting hooks, behind the same door as ``_reportlab.py``: a word wider than its
line is cut where ``wordbreaks`` chooses (after ``_`` or ``.`` in code, with a mark; between letters with a hyphen
in a plain word), instead of reportlab's cut at the last letter that fits. Tested with the versions
``_reportlab.TESTED`` names. Also the door to reportlab's markup parsing, which parses.py shares within a build
(:class:`SharedParse`)."""
from __future__ import annotations

from reportlab.platypus import paragraph as rl_paragraph

from . import wordbreaks

_split_word, _split_frag_word = rl_paragraph._splitWord, rl_paragraph._splitFragWord
_is_bidi = getattr(rl_paragraph, "isBidiStr", lambda _text: False)  # (4.0.4 has none, and no bidi of its own to
# leave words to; 5.x's is False too unless reportlab's own right-to-left support is installed)
_rejoin_words, _rejoin_frag_words = rl_paragraph._rejoinSplitWords, rl_paragraph._rejoinSplitFragWords


def _cut_word(w, lineWidth, maxWidths, lineno, fontName, fontSize, encoding="utf8"):
    """reportlab's ``_splitWord`` (a paragraph in one face), cutting where wordbreaks says, marks in."""
    text = w.decode(encoding) if isinstance(w, bytes) else w
    last = len(maxWidths) - 1
    got = None if _is_bidi(text) else wordbreaks.pieces(
        text, fontName, fontSize, maxWidths[min(last, lineno)] - lineWidth,
        lambda n: maxWidths[min(last, lineno + n)], lineWidth > 0.5)
    if got is None:
        return _split_word(w, lineWidth, maxWidths, lineno, fontName, fontSize, encoding)
    added = wordbreaks.hyphened(text, got)  # (a hyphen we added: reportlab takes it off when it joins the word again)
    return [(rl_paragraph._SplitWordHY if hy else rl_paragraph._SplitWord)(p) for p, hy in zip(got, added)][:-1] \
        + [rl_paragraph._SplitWordEnd(got[-1])]


def _rejoined_word(R):
    """reportlab's ``_rejoinSplitWords`` (wrapping again, splitting over pages), without our '↪ ' or '¬'."""
    if len(R) > 1 and not isinstance(R[0], rl_paragraph._SplitWordHY):  # (reportlab takes off the hyphens it marks
        # only when the first piece has one: a word cut first after a no-break space, then between letters, has not)
        R = [rl_paragraph._SplitWord(wordbreaks.unmarked(p[:-1] if isinstance(p, rl_paragraph._SplitWordHY) else p, n,
                                                         n == len(R) - 1)) for n, p in enumerate(R)]
    return _rejoin_words(R)


def _rejoined_frag_word(F):
    """reportlab's ``_rejoinSplitFragWords``, our '↪' runs taken out first. Where a page ends inside a word cut
    with hyphens, reportlab marks the last piece 'ends the page' (``_SplitFragLL``, a kind it never cuts again),
    made for its own one-cut hyphenation; ours cuts a word over many rows, so the rows above that piece come back
    joined as one word the page must cut again (else it printed as one row 19,000 pt wide)."""
    for f in F:
        f[1:] = [ff for ff in f[1:] if not getattr(ff[0], "sg_turn", False)] or f[1:2]
    joined = _rejoin_frag_words(F)
    return rl_paragraph._HSFrag(joined) if len(F) > 1 and isinstance(joined, rl_paragraph._SplitFragLL) else joined


def _cut_frag_word(w, maxWidth, maxWidths, lineno):
    """reportlab's ``_splitFragWord`` (a word of runs: code beside words, bold...), cutting where wordbreaks says;
    the '↪' is drawn in the soft ink, in the monospace font where the run's own lacks it."""
    chars = [c for c in rl_paragraph._fragWordIter(w) if c[2] or hasattr(c[0], "cbDefn")]  # (a row's empty piece,
    # ours, rejoined: "x" / "−1234.75" set again, this word went to reportlab, which cut it "−" / "123" / "4.7" / "5")
    if not chars or any(hasattr(f, "cbDefn") or not c for f, _, c in chars):
        return _split_frag_word(w, maxWidth, maxWidths, lineno)
    last = len(maxWidths) - 1
    text, first = "".join(c for _, _, c in chars), chars[0][0]
    at, turn = wordbreaks.run_cuts(chars, maxWidth, lambda n: maxWidths[min(last, lineno + n)],
                                   maxWidth < maxWidths[min(last, lineno)] - 0.5)
    code = turn == wordbreaks.TURN
    if not at and not wordbreaks.kept_whole(text, sum(wide for _, wide, _ in chars), maxWidth):
        return _split_frag_word(w, maxWidth, maxWidths, lineno)
    bounds = [0] + at + [len(text)]
    out = []
    for j in range(len(bounds) - 1):
        pieces = wordbreaks.runs(chars[bounds[j]:bounds[j + 1]], first, turn, bounds[j] > 0, j == len(bounds) - 2,
                                 wordbreaks.hyphen_at(text, bounds[j + 1]))
        wide = sum(rl_paragraph.stringWidth(t, f.fontName, f.fontSize) for f, t in pieces)
        kind = (rl_paragraph._SplitFragHS if isinstance(w, rl_paragraph._HSFrag) else rl_paragraph._SplitFragH) \
            if j == len(bounds) - 2 else rl_paragraph._SplitFragHY if not code and pieces[-1][1].endswith(
                wordbreaks.HYPHEN) and not text[bounds[j + 1] - 1:bounds[j + 1]] == "-" else rl_paragraph._SplitFrag
        out.append(kind([wide] + pieces))
    return out


def split_long_words() -> None:
    """Have every paragraph cut an over-long word through :func:`_cut_word` / :func:`_cut_frag_word`."""
    rl_paragraph._splitWord, rl_paragraph._splitFragWord = _cut_word, _cut_frag_word
    rl_paragraph._rejoinSplitWords, rl_paragraph._rejoinSplitFragWords = _rejoined_word, _rejoined_frag_word


WHOLE = "sg_whole_runs"  # a style's attribute: its paragraphs' words are not cut for Chinese or Japanese (a word
# bank: each term between spaced dots is one word, '鉄道', and a line breaks between terms, never inside one)


def _in_text_pieces(w) -> list | None:
    """A frag word holding Chinese or Japanese cut where :func:`wordbreaks.run_breaks` says, each piece a word that
    reportlab sets with no space before the next (a plain list), the last of the word's own kind (with the space
    after it, if it had one); None where it has no such cut. A run with no text of its own (the fillable edition's
    field mark) stays with the character before it; an underlined run (a blank) is never cut."""
    runs = w[1:]
    chars = [(i, c) for i, (f, t) in enumerate(runs) if not hasattr(f, "cbDefn") for c in t]
    text = "".join(c for _, c in chars)
    if not wordbreaks.has_han_kana(text):
        return None
    at = set(wordbreaks.run_breaks(text, [bool(getattr(runs[i][0], "us_lines", None)) for i, _ in chars]))
    if not at:
        return None
    pieces, piece, k = [], [0], 0
    for f, t in runs:
        if hasattr(f, "cbDefn") or not t:
            piece.append((f, t))
            continue
        start = 0
        for j in range(len(t)):
            if k + j in at and (j > start or len(piece) > 1):
                if j > start:
                    piece.append((f, t[start:j]))
                pieces.append(piece)
                piece, start = [0], j
        piece.append((f, t[start:]))
        k += len(t)
    pieces.append(type(w)(piece))
    for p in pieces:
        p[0] = sum(getattr(f.cbDefn, "width", 0) if hasattr(f, "cbDefn") else
                   rl_paragraph.stringWidth(t, f.fontName, f.fontSize) for f, t in p[1:])
    return pieces


def cut_in_text(frags, width) -> list | None:
    """A paragraph's frag words (``frags`` as reportlab's ``breakLines`` gets them) with each word that holds Chinese
    or Japanese cut into pieces (:func:`_in_text_pieces`); None when none is cut, the paragraph is one word (the
    long-word cutter, :func:`_cut_word`, cuts that as before) or is not written in Chinese or Japanese."""
    split = isinstance(frags[0], list)  # (the words a split left, not parsed runs)
    try:
        text = "".join([f.text for f in frags] if not split else [t for w in frags for _, t in w[1:]])
        if text.isascii() or not wordbreaks.has_han_kana(text):
            return None  # (most paragraphs, in 1 to 3 µs)
    except (AttributeError, TypeError):
        pass  # (a run without text: looked at below)
    runs = [run for w in frags for run in w[1:]] if split else [(f, getattr(f, "text", "")) for f in frags]
    # (a blank's runs are not counted: the key's answer in it is not in the handout, whose lines must be the key's)
    if not wordbreaks.mostly_han_kana("".join(t for f, t in runs if isinstance(t, str) and not
                                              getattr(f, "us_lines", None))):
        return None
    words = rl_paragraph._getFragWords(frags, width[0] if isinstance(width, (list, tuple)) else width)
    if len(words) < 2:
        return None
    out, cut = [], False
    for w in words:
        pieces = _in_text_pieces(w) if type(w) in (list, rl_paragraph._HSFrag) else None
        out += pieces or [w]
        cut = cut or pieces is not None
    return out if cut else None


def own_words(frags):
    """A wrapped paragraph's fragments (reportlab's "frag words": ``[width, (fragment, text), ...]`` lists, a word
    each, as ``Paragraph.breakLines`` leaves them) with each word a list of its own: breaking the lines again changes
    the words in place (:func:`_rejoined_frag_word` drops its '↪' runs, reportlab rescales a width), never the
    fragments or texts in them, which stay shared. None for fragments in any other shape."""
    if not rl_paragraph._processed_frags(frags):
        return None
    out = []
    for word in frags:
        cls = type(word)
        mine = cls.__new__(cls)
        list.extend(mine, word)
        attrs = getattr(word, "__dict__", None)
        if attrs:
            mine.__dict__.update(attrs)
        out.append(mine)
    return out


class SharedParse(rl_paragraph.Paragraph):
    """A Paragraph whose markup parsing (``Paragraph._setup``) goes through ``share(paragraph, text, style, bulletText,
    parse)`` (parses.share, set when that module is imported), ``parse()`` being reportlab's own."""

    share = None

    def _setup(self, text, style, bulletText, frags, cleaner):
        share, own = SharedParse.share, rl_paragraph.Paragraph._setup
        if share is None or frags is not None or cleaner is not rl_paragraph.cleanBlockQuotedText:
            return own(self, text, style, bulletText, frags, cleaner)
        share(self, text, style, bulletText, lambda: own(self, text, style, bulletText, None, cleaner))

    def breakLines(self, width):
        """reportlab's, with a word holding Chinese or Japanese cut where a line may break (:func:`cut_in_text`):
        its lines break inside such a run as at a space (reportlab breaks only at spaces, and cut a word only when
        wider than a whole line)."""
        cut = cut_in_text(self.frags, width) if self.frags and not getattr(self.style, WHOLE, False) else None
        if cut is not None:
            self.frags = cut
        return rl_paragraph.Paragraph.breakLines(self, width)
