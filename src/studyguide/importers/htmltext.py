"""HTML (a Moodle, Canvas or Anki field) → guide text, and a sentence for each thing that did not map.

What a reader of the HTML sees is what the guide gets: block elements (paragraphs, divs, list items, headings,
table rows) on lines of their own, raised and lowered digits as Unicode's superscripts and subscripts (10⁸, H₂O),
bold and italic around their words only, and nothing of what a browser never shows (scripts, styles, the head,
templates, elements hidden with ``display:none``).
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

# a star of the source's text while emphasis markers are added (a private-use character; moodle.py marks blanks
# with U+E000 and U+E001)
STAR = "\ue0f1"

_SUP = dict(zip("0123456789+-−=()ni", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ⁿⁱ"))
_SUB = dict(zip("0123456789+-−=()aeoxhklmnpst",
                "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎ₐₑₒₓₕₖₗₘₙₚₛₜ"))
_SUP["x"] = "ˣ"

_PARAGRAPH = ("p", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "pre", "hr")
_LINE = ("div", "li", "tr", "dt", "dd", "dl", "section", "article", "header", "footer", "caption", "figcaption")
_CELL = ("td", "th")
_UNSEEN = ("script", "style", "head", "template", "title", "noscript")
_VOID = ("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr")
_LEFT_OUT = {"img": "a picture (<img>)", "video": "a video (<video>)", "audio": "a sound (<audio>)",
             "iframe": "an embedded page (<iframe>)", "object": "an embedded object (<object>)",
             "embed": "an embedded object (<embed>)", "math": "a formula (<math>)", "svg": "a drawing (<svg>)"}
_HIDDEN = re.compile(r"(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)\s*(;|$)", re.I)
# what a reference may not name: nothing, a control character (Python's reader drops those without a word), a
# surrogate half, the replacement mark, a noncharacter, past Unicode
_NO_CHARACTER = re.compile("[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff\ufffd\ufdd0-\ufdef]")


def _unprintable(code: int) -> bool:
    return code > 0x10FFFF or (code & 0xFFFE) == 0xFFFE or bool(_NO_CHARACTER.match(chr(code)))


def clip(text: str, size: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[:size - 1] + "…"


class Converter(HTMLParser):
    """Feed it HTML; ``text()`` is the guide text and ``notes`` the sentences for what did not map."""

    BOLD, ITALIC = ("b", "strong"), ("i", "em")

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.notes: list[str] = []
        self.break_ = ""  # the break a block element asks for before the next text ("\n", "\n\n" or " ")
        self.marks: list[list] = []  # the open <b>, <i>, <sup>, <sub>: [tag, where its text starts in out, live]
        self.unseen: list[str] = []  # the tags open inside an element nobody sees (script, display:none…)
        self.hidden: list[str] = []  # the text of a display:none element, for its note
        self.tables = 0
        self.trail = False  # just after emphasis that ended in a space (moved out after its marker)
        self.fresh = False  # just after a <br>: the source's spaces and line breaks that follow are not seen

    # -- what is written --
    def _note(self, note: str) -> None:
        if note not in self.notes:
            self.notes.append(note)

    def _block(self, gap: str) -> None:
        """A block starts or ends: the next text goes on a new line (a blank line after a paragraph)."""
        if not any(piece.strip() for piece in self.out):  # (stops at the first text: no quadratic rescans)
            return
        if len(gap) > len(self.break_) or self.break_ == " ":
            self.break_ = gap

    def _write(self, text: str) -> None:
        if self.break_ or self.fresh:  # the source's line breaks and indents at a line's start: not seen
            text = text.lstrip(" \t\n")
            if not text:
                return
        if self.break_:
            while self.out and not self.out[-1].strip():
                self.out.pop()
            if self.out:
                self.out[-1] = self.out[-1].rstrip()
            self.out.append(self.break_)
            self.break_ = ""
        if self.trail and text[:1] in (" ", "\t"):
            text = text.lstrip(" \t")  # "<i>spaced </i> end": one space, as a browser shows it
        self.fresh = self.trail = False
        self.out.append(text)

    # -- HTMLParser's calls --
    def handle_starttag(self, tag, attrs):
        if self.unseen:
            if tag not in _VOID:
                self.unseen.append(tag)
            return
        values = dict(attrs)
        if tag in _UNSEEN or _HIDDEN.search(values.get("style") or "") or "hidden" in values:
            if tag in _UNSEEN or tag not in _VOID:
                self.unseen.append(tag)
                if tag not in _UNSEEN:
                    self.hidden.append("")
            return
        if tag in self.BOLD + self.ITALIC + ("sup", "sub"):
            kind = "b" if tag in self.BOLD else "i" if tag in self.ITALIC else tag
            live = kind in ("sup", "sub") or not any(m[0] == kind and m[2] for m in self.marks)  # <b><b>: one
            self.marks.append([kind, len(self.out), live])
        elif tag == "br":
            if not self.break_:
                self.out.append("\n")
                self.fresh = True
        elif tag in _PARAGRAPH:
            self._block("\n\n")
            if tag == "table":
                self.tables += 1
        elif tag in _LINE:
            self._block("\n")
        elif tag in _CELL:
            self._block(" ")
        if tag in _LEFT_OUT:
            self._note(f"{_LEFT_OUT[tag]} is left out (a guide holds text)")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if self.unseen:
            if tag in self.unseen:
                while self.unseen.pop() != tag:
                    pass
                if not self.unseen and self.hidden:
                    text = self.hidden.pop()
                    self._note(f"hidden text{' ' + repr(clip(text)) if text.strip() else ''} is left out "
                               "(display:none: a student would not see it)")
                    self.hidden.clear()
            return
        kind = "b" if tag in self.BOLD else "i" if tag in self.ITALIC else tag if tag in ("sup", "sub") else None
        if kind is not None:
            self._close(kind)
        elif tag in _PARAGRAPH:
            self._block("\n\n")
        elif tag in _LINE:
            self._block("\n")

    def handle_data(self, data):
        if self.unseen:
            if self.hidden:
                self.hidden[-1] += data
            return
        self._write(data.replace("*", STAR))  # a star the source prints: see _common.literal()

    # -- emphasis and raised text, closed around their words --
    def _close(self, kind: str) -> None:
        at = next((i for i in range(len(self.marks) - 1, -1, -1) if self.marks[i][0] == kind), None)
        if at is None:
            return  # an end tag with no start
        _, start, live = self.marks[at]
        crossed = [m for m in self.marks[at + 1:] if m[0] in ("b", "i")]  # <b>x<i>y</b>z</i>: overlapping
        del self.marks[at:]
        if kind in ("sup", "sub"):
            self._raise(kind, start)
        elif live and not any(m[2] for m in crossed):
            self._emphasise(kind, start)
        for m in crossed:  # still open, and kept so that their end tags find them; neither prints a marker
            m[2] = False
            self.marks.append(m)

    def _segment(self, start: int) -> str:
        text = "".join(self.out[start:])
        del self.out[start:]
        return text

    def _emphasise(self, kind: str, start: int) -> None:
        text = self._segment(start)
        core = text.strip()
        if not core:
            self.out.append(text)  # <b></b>, <b> </b>: nothing to emphasise
            return
        mark = "**" if kind == "b" else "*"
        lead, trail = text[:len(text) - len(text.lstrip())], text[len(text.rstrip()):]
        if self.out and self.out[-1][-1:].isspace():
            lead = ""  # "and <i> spaced</i>": one space, as a browser shows it
        self.out.append(f"{lead}{mark}{core}{mark}{trail}")
        self.trail = bool(trail)

    def _raise(self, kind: str, start: int) -> None:
        text = self._segment(start)
        core = text.strip().replace(STAR, "*")
        table = _SUP if kind == "sup" else _SUB
        if core and all(c in table for c in core):
            self.out.append("".join(table[c] for c in core))
            return
        if not core:
            self.out.append(text)
            return
        before = re.search(r"\S{0,12}$", "".join(self.out[-12:])).group(0).replace(STAR, "*")
        sign = "^" if kind == "sup" else "_"
        written = f"{sign}({core})" if len(core) > 1 and not re.fullmatch(r"\([^()]*\)", core) else sign + core
        self.out.append(written.replace("*", STAR))
        self._note(f"{'raised' if kind == 'sup' else 'lowered'} text '{clip(core)}' is written "
                   f"'{clip(before + written)}' (Unicode has {'super' if kind == 'sup' else 'sub'}scripts for digits, "
                   "signs and a few letters only; check it reads as meant)")

    def text(self) -> str:
        self.close()
        for kind, start, live in reversed(self.marks):  # left open: closed at the end, as a browser shows it
            if kind in ("sup", "sub"):
                self._raise(kind, start)
            elif live:
                self._emphasise(kind, start)
        self.marks = []
        if self.tables:
            self._note(f"{'a table is' if self.tables == 1 else f'{self.tables} tables are'} kept as lines of text, "
                       "one a row (a guide holds no tables)")
        return "".join(self.out).strip()


_REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));?( ?)")


def _references(markup: str, notes: list[str]) -> str:
    """The markup without the character references that name no character a guide can print (Python's reader
    makes U+0000 and a surrogate half a replacement mark, and drops U+10FFFF without a word), each said."""
    def check(m: re.Match) -> str:
        code = int(m.group(1), 16) if m.group(1) else int(m.group(2))
        if not (_unprintable(code) or code == 0xFEFF):
            return m.group(0)
        space = "" if m.start() and markup[m.start() - 1] == " " else m.group(3)  # "def &#0; x": one space left
        kind = ("a replacement mark" if code == 0xFFFD else "a control character" if 0 < code < 0x80
                else "not a character")
        what = ("U+FEFF, an invisible mark" if code == 0xFEFF else "past the last character" if code > 0x10FFFF
                else f"U+{code:04X}, {kind}")
        note = f"the character reference '{clip(m.group(0).rstrip())}' ({what}) is left out (a guide cannot print it)"
        if note not in notes:
            notes.append(note)
        return space
    return _REFERENCE.sub(check, markup) if "&#" in markup else markup


def convert(markup: str) -> tuple[str, list[str]]:
    parser = Converter()
    parser.feed(_references(markup or "", parser.notes))
    return parser.text(), parser.notes
