"""Right-to-left text (Hebrew, Arabic) in the order and shapes a reader expects on paper.

A PDF shows glyphs left to right, exactly as given, and reportlab (at the oldest
version studyguide supports) neither orders nor joins right-to-left scripts. So:

- Arabic letters are given their joined forms (initial, medial, final, and the
  lam-alef ligature) by arabic-reshaper, with the vowel marks kept: learners read them;
- each *line*, once the paragraph is broken into lines in reading order, is put
  in display order by python-bidi (the Unicode bidirectional algorithm, brackets
  mirrored), so numbers and Latin words inside stay left to right, and the first
  line read is the top one. A vowel mark ends up just before its letter, where the
  bundled font's zero-width right-to-left marks are drawn from.

Bold and italic inside right-to-left text cannot be kept through that reordering;
the guide's reader reports them with their location (see :func:`problem`).
"""
from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache
from typing import Optional

_RTL_CLASSES = ("R", "AL")
_TAGS = re.compile("<[^>]*>")


@lru_cache(maxsize=1)
def _rtl_blocks() -> re.Pattern:
    # the blocks that hold every right-to-left letter (Hebrew, Arabic, Syriac, Thaana, NKo, ... and
    # their presentation forms); one search in C instead of a look-up per character
    return re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]")


def has_rtl(text: str) -> bool:
    """Whether ``text`` has a letter of a right-to-left script."""
    return not text.isascii() and _rtl_blocks().search(text) is not None and \
        any(unicodedata.bidirectional(c) in _RTL_CLASSES for c in text)


def base_is_rtl(text: str) -> bool:
    """The paragraph's direction: that of its first letter with a strong direction (UBA P2, P3)."""
    return direction(text) is True


def direction(text: str) -> Optional[bool]:
    """True (right to left) or False as the first letter with a strong direction; None without one."""
    for c in text:
        kind = unicodedata.bidirectional(c)
        if kind in _RTL_CLASSES:
            return True
        if kind == "L":
            return False
    return None


def all_rtl(texts) -> bool:
    """Whether ``texts`` read right to left as a set (a Hebrew matching's terms and meanings): each one that has a
    direction of its own reads right to left ('1948' has none), and one does at least; a Hebrew word matched
    to its English meaning is a left-to-right exercise."""
    found = [direction(t) for t in texts]
    return True in found and False not in found


def shown_direction(markup: str) -> Optional[bool]:
    """:func:`direction` of the text paragraph markup shows (tags and entities are not letters)."""
    return direction(shown_text(markup))


def shown_text(markup: str) -> str:
    """The text paragraph markup shows."""
    return html.unescape(_TAGS.sub("", markup))


@lru_cache(maxsize=1)
def _reshaper():
    from arabic_reshaper import ArabicReshaper
    from arabic_reshaper.reshaper_config import default_config

    # only the lam-alef ligatures: the bundled font has those presentation forms, not the rarer ones
    config = {key: key.startswith("ARABIC LIGATURE LAM WITH ALEF") and "MAKSURA" not in key
              for key in default_config if key.startswith("ARABIC LIGATURE")}
    config.update(delete_harakat=False, support_ligatures=True)
    return ArabicReshaper(configuration=config)


def shape(text: str) -> str:
    """Arabic letters in their joined forms; other text unchanged."""
    if not any(unicodedata.bidirectional(c) == "AL" for c in text):
        return text
    return _reshaper().reshape(text)


def display(line: str, rtl: bool) -> str:
    """One line of (shaped) text in display order, its paragraph's direction given."""
    return display_order(line, rtl)[0]


def display_order(line: str, rtl: bool) -> tuple[str, list[int]]:
    """One line in display order, and where each of its characters was in ``line`` (so a run's
    face follows its characters). python-bidi's pure-Python algorithm step by step, with the positions kept
    (its Rust get_display gives only the string, and leaves brackets unmirrored), and with the bracket-pair rule
    N0 it lacks (:mod:`studyguide.bracketpairs`): tests/test_rtl_brackets.py holds it to the Rust one's levels."""
    if not has_rtl(line):
        if "\u202a" in line or "\u202c" in line or SEPARATED in line:  # an instruction's left-to-right run's
            kept = [i for i, c in enumerate(line) if c not in "\u202a\u202b\u202c\u200f"]  # marks (run_in_markup),
            # a key's blank's, a bank's dots': not drawn
            return "".join(line[i] for i in kept), kept
        return line, list(range(len(line)))
    from bidi import algorithm as uba

    from .bracketpairs import pair_brackets

    shift, head = 0, line.split("\u202c")[0]
    if rtl and "\u202c" in line and "\u202a" not in head and "\u202b" not in head:
        line, shift = "\u202a" + line, 1  # a left-to-right run begun on the line before goes on on this one
    if not rtl:  # a key's blank (blanks.blank_markup): embedded in the line's own direction, so it stays where
        line = line.replace("\u202b", "\u202a")  # the handout's blank is, and its answer turns no arrow round
    storage = uba.get_empty_storage()
    storage["base_level"] = 1 if rtl else 0
    storage["base_dir"] = "R" if rtl else "L"
    uba.get_embedding_levels(line, storage)
    for index, char in enumerate(storage["chars"]):
        char["sg_index"] = index - shift
    if rtl:
        _numbers_join_their_unit(storage["chars"])
    uba.explicit_embed_and_overrides(storage)
    uba.resolve_weak_types(storage)
    pair_brackets(storage)  # (N0, which bidi.algorithm lacks)
    uba.resolve_neutral_types(storage, False)
    uba.resolve_implicit_levels(storage, False)
    uba.reorder_resolved_levels(storage, False)
    uba.apply_mirroring(storage, False)
    chars = [c for c in storage["chars"] if c["ch"] != SEPARATED]
    return "".join(c["ch"] for c in chars), [c["sg_index"] for c in chars]


SEPARATED = "\u200f"  # (a right-to-left mark, which no guide's text holds: reading.walker) after a word bank's dot
# between Hebrew or Arabic words: a line's last dot reads with the words before it, at the line's left end, where an
# English paragraph's own direction put it at the right, before the first word (separator); not drawn


def separator(words, dot: str) -> str:
    """``dot``, the separator of a word bank's ``words``: marked to go with the word before it where they read
    right to left (the bank's label is English, so its paragraph is)."""
    return dot.replace("·", "·" + SEPARATED) if all_rtl(words) else dot


def _numbers_join_their_unit(chars: list[dict]) -> None:
    """In a right-to-left line, a number whose next letter is Latin ("عند 0 °C", "5 kg") is read with
    it, left to right, as the typist's left-to-right mark would make it: the algorithm alone leaves
    the number and the sign between on the right-to-left side and prints "C° 0". The number's digits
    are taken as Latin letters (UBA W7 does the same after a Latin letter); nothing else changes."""
    kinds = [c["type"] for c in chars]
    n = 0
    while n < len(kinds):
        if kinds[n] != "EN":
            n += 1
            continue
        end = n
        while end < len(kinds) and kinds[end] in ("EN", "ES", "CS", "ET"):
            end += 1
        after = next((k for k in kinds[end:] if k in ("L", "R", "AL")), None)
        if after == "L":
            for char, kind in zip(chars[n:end], kinds[n:end]):
                if kind == "EN":
                    char["type"] = "L"
        n = end


def visual(text: str) -> str:
    """A one-line text drawn straight on the canvas, shaped and in display order (a single
    character, such as a crossword letter, is left as it is)."""
    if len(text) < 2 or not has_rtl(text):
        return text
    return display(shape(text), base_is_rtl(text))


def problem(text: str) -> tuple[str, int] | None:
    """Why ``text`` (a guide's text, as typed) cannot be set right to left, and where in it (the
    first star of the paragraph), or None. Only a right-to-left paragraph (its first letter Hebrew or
    Arabic) is refused: in a left-to-right one, a Hebrew or Arabic word is reordered with its
    emphasis (each character keeps its face, :func:`visual_lines`), and other paragraphs are not
    reordered at all."""
    if not has_rtl(text) or "*" not in text:
        return None
    from .inline import _styles

    start = 0
    for para in re.split(r"(\n[ \t]*\n)", text):
        if base_is_rtl(para) and "*" in para and any(b or i for _, b, i in _styles(para)):
            return ("bold and italic (**…**, *…*) cannot be kept in right-to-left text: the letters are put in "
                    "display order line by line, and the emphasis would land on the wrong words; remove the "
                    "stars", start + para.index("*"))
        start += len(para)
    return None


def _marks_after(marks, face_at, lead: int, order: list[int]) -> dict[int, list[str]]:
    """Where each onDraw mark goes in a line set in display order: {display index: marks after it}.
    A mark just after an underlined run (a blank) goes after the run's rightmost character as shown,
    so the field it makes covers the blank (fields.on_marker measures back from it)."""
    from .inline import escape

    shown_at = {logical: shown for shown, logical in enumerate(order)}
    out: dict[int, list[str]] = {}
    for before, callback in marks:
        last = before - lead - 1
        if last not in shown_at:
            continue  # (at the line's start, or its blank taken with the spaces round the line)
        first = last
        while first - 1 in shown_at and face_at[lead + first - 1][1] and face_at[lead + last][1]:
            first -= 1
        at = max(shown_at[j] for j in range(first, last + 1))
        label = escape(callback.label or "").replace('"', "&quot;")
        out.setdefault(at, []).append(f'<onDraw name="{callback.name}" label="{label}"/>')
    return out


def _look(frag) -> tuple[str, float, str, float]:
    """What a run of text is drawn in, besides its underline: (face, size, colour, rise). The rise is a key's
    answer raised off its blank's rule (blanks.raised): dropped, the dots under an Arabic ب or ي sat in the rule."""
    colour = frag.textColor
    return (frag.fontName, frag.fontSize, "#" + colour.hexval()[2:] if hasattr(colour, "hexval") else str(colour),
            getattr(frag, "rise", 0) or 0)


def _in_look(body: str, look: tuple[str, float, str, float], plain: tuple[str, float, str, float]) -> str:
    """``body`` (markup) in ``look``: a <font> tag for what differs from the paragraph's own (``plain``),
    so an English paragraph's smaller italic instruction keeps its size and colour after an Arabic word;
    a raised run in <super> (a <font> takes no rise) at its own size."""
    names = ("face", "size", "color")
    tags = [f'{name}="{value:g}"' if name == "size" else f'{name}="{value}"'
            for name, value, own in zip(names, look[:3], plain[:3]) if value != own]
    body = f'<font {" ".join(tags)}>{body}</font>' if tags else body
    rise = look[3] - plain[3]
    if rise:
        tag = "super" if rise > 0 else "sub"
        body = f'<{tag} rise="{abs(rise):g}" size="{look[1]:g}">{body}</{tag}>'
    return body


def _naskh_sized(para) -> None:
    """Noto Naskh Arabic's runs set larger, to DejaVu Sans's size of the script (families.NASKH_SCALE): the size
    travels in each run's look into the lines in display order; the paragraph's leading stays its style's. A blank
    and a key's answer on it keep their size: the blank is measured in DejaVu, the rule under a larger run would lie
    lower than the rest of the blank's, and the answer stays as wide as the handout's blank."""
    from .theming.fontruns import drawn_size

    for frag in para.frags:
        if hasattr(frag, "fontName") and not getattr(frag, "us_lines", None):
            frag.fontSize = drawn_size(frag.fontName, frag.fontSize)


SPACES = " \t\n"  # what a line may begin or end with that is not shown


def visual_lines(markup: str, style, width: float, base: Optional[bool] = None) -> str:
    """``markup`` (shaped, in reading order) broken into lines at ``width`` the way reportlab
    breaks it, each line then put in display order, joined with <br/>: the text a left-to-right
    PDF line shows. Each character keeps the face it was drawn in."""
    from reportlab.lib.enums import TA_JUSTIFY
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    from ._reportlab import broken_lines
    from .inline import escape

    probe = Paragraph(markup, ParagraphStyle("rtl-probe", parent=style, alignment=TA_JUSTIFY
                                             if style.alignment == TA_JUSTIFY else style.alignment))
    _naskh_sized(probe)
    probe.wrap(width, 1e9)
    para_rtl = base_is_rtl(_TAGS.sub("", markup)) if base is None else base
    plain = _look(style)
    out = []
    for line in broken_lines(probe):
        faces: list[tuple[str, tuple, bool]] = []  # (text, look, underlined) in reading order
        marks: list[tuple[int, object]] = []  # (characters before it, callback) of each onDraw mark
        if isinstance(line, tuple):  # one font for the whole paragraph: (extra space, words), in its one
            faces.append((" ".join(line[1]), _look(probe.frags[0]) if probe.frags else plain, False))  # run's
        else:
            for frag in line.words:
                text = getattr(frag, "text", "")
                if text:
                    faces.append((text, _look(frag), bool(getattr(frag, "us_lines", None))))
                elif getattr(getattr(frag, "cbDefn", None), "kind", None) == "onDraw":
                    marks.append((sum(len(t) for t, _, _ in faces), frag.cbDefn))
        joined = "".join(t for t, _, _ in faces)
        logical = joined.strip(SPACES)  # (not a blank's no-break spaces: str.strip() took a blank that began a line)
        face_at = [(face, under) for text, face, under in faces for _ in text]
        lead = len(joined) - len(joined.lstrip(SPACES))
        shown, order = display_order(logical, para_rtl)
        after = _marks_after(marks, face_at, lead, order)
        # a blank's runs (the key's answer between its spaces) share one <u>, as in the line as typed: reportlab
        # draws an underline in the colour of its first run, and the answer's own <u> drew its part of the rule blue
        pieces, current, run, under = [], None, [], [False]

        def flush(next_under: bool = False):
            if run:
                if current[1] and not under[0]:
                    pieces.append("<u>")
                pieces.append(_in_look(escape("".join(run)), current[0], plain))
                under[0] = current[1]
                run.clear()
            if under[0] and not next_under:
                pieces.append("</u>")
                under[0] = False

        for n, (c, i) in enumerate(zip(shown, order)):
            face = face_at[lead + i]
            if face != current:
                flush(face[1])
            current = face
            run.append(c)
            if n in after:  # a blank's field mark (fields.marker), after the blank as it is shown
                flush()
                pieces.extend(after[n])
        flush()
        out.append("".join(pieces))
    return "<br/>".join(out), para_rtl
