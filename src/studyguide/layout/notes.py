"""Guided notes: the topics, their summaries and points, with the vocabulary terms and the words a
teacher marks [[like this]] left blank; the key has each blank filled, on the same lines.

A blank is the fill-in-the-blank question's own blank (blanks.blank_markup), so it is as wide in
the handout as the word it hides in the key, and the two documents wrap alike.
"""
from __future__ import annotations

import re

from reportlab.platypus import Spacer


from .. import scripts
from ..model import Blank, first_paragraph
from ..scripts import MARKED_END
from . import fillable
from .columns import keep_words
from .cornellflow import SUMMARY_LINES, FootLines, WithTail, _Cut, _summary_lines
from .flow import Twin
from .marks import SectionMark
from .tables import of_topic

_GLUED = f"[{scripts.GLUED_LETTERS}]"  # Han, kana, Hangul: a particle is written onto the word, with no space
_HANGUL = "[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af"  # (Korean spaces its words: a term is a word's start)
_SPACED = f"[^\\W{scripts.GLUED_LETTERS}]"  # a letter or digit of another script (DNA in DNAは is a whole word)
_BEFORE = f"(?:(?={_GLUED})(?!{_HANGUL}])|(?={_HANGUL}])(?<!\\w)|(?!{_GLUED})(?<!{_SPACED}))"
_AFTER = f"(?:(?<={_GLUED})|(?:e?s)?{MARKED_END}(?!{_SPACED}))"
_HOLE = re.compile("\ue000(\\d+)\ue001")  # a private-use pair no guide text holds (schema refuses none, but
# markup passes it through untouched): where a blank goes once the rest is marked up


def pattern(words, language: str | None = None) -> re.Pattern | None:
    """Whole-word, any-case matches of ``words``, longest first (so 'soft power' wins over 'power');
    a plural -s or -es goes with the word into the blank. A word's side in Chinese, Japanese or Korean letters
    needs no word boundary: those are written with no space before a particle, or none at all (外国との[[貿易]]が,
    [[자음]]입니다), so its edge is found inside a run of text (a Korean word's start is still a word's start), and
    a Latin word beside them is whole (DNAは) (trial r12 finding 2). The rest of an Arabic or Hebrew word the term
    begins goes with it when a vowel mark follows it (أخ in أخًا: no mark left beside the blank); a Hebrew term is
    found after the little words written onto it (ה, ו, ב, כ, ל, מ, ש: בבית for בית), as the cloze finds it, and
    those letters stay printed before the blank. In Japanese (``language``) a one-character kanji or katakana term
    is found only as a word of its own (水を, not 水曜日 nor 香水); a [[mark]] is blanked where it was typed (holes)."""
    words = sorted({w for w in words if w.strip()}, key=lambda w: (-len(w), w))
    if not words:
        return None
    code = (language or "").split("-")[0].lower()
    runs: list[tuple[str, list[str]]] = []  # (words in a row with the same start share it: all of it is zero-width,
    for w in words:  # so 'S(?:a|b)' finds what 'Sa|Sb' does; a Hebrew start is 79 lookbehinds, 0.4 s for 24 terms)
        start, rest = _found(w, code)
        if runs and runs[-1][0] == start:
            runs[-1][1].append(rest)
        else:
            runs.append((start, [rest]))
    either = "|".join(start + (rest[0] if len(rest) == 1 else "(?:" + "|".join(rest) + ")") for start, rest in runs)
    return re.compile("(" + either + ")" + _AFTER, re.IGNORECASE)


def _found(word: str, language: str) -> tuple[str, str]:
    """One word's part of :func:`pattern`: what must hold before it (zero-width), then the word. A single kanji is a part of a great many longer words (水 of 水曜日,
    Wednesday; 香水, perfume), where a blank hides a piece of another word that no student could tell; a term of
    two or more is that word where it stands, also inside a longer name (政府 in 明治政府, the Meiji government).
    So is a single Hangul syllable (물 of 물리학, physics): it is found only as a word, its particles after it (물을,
    물이), as the cloze finds every Korean term. An Arabic term (in an Arabic guide) is also found after the article
    written onto it (بنت in البنت, والبنت, للبنت), as the cloze finds it."""
    if language == "ja" and len(word) == 1 and re.match(f"[{scripts.JA_HAN}]", word):
        return scripts.JA_BEFORE, re.escape(word) + scripts.JA_AFTER
    if len(word) == 1 and "\uac00" <= word <= "\ud7a3":
        return _BEFORE, re.escape(word) + scripts.KO_AFTER
    if language == "ar" and "\u0621" <= word[0] <= "\u064a":
        return f"(?:{_BEFORE}|{scripts.ARABIC_ARTICLE})", re.escape(word)
    if "\u05d0" <= word[0] <= "\u05ea":  # (the cloze's rule: ים is found after ה only, not at the end of מים)
        return f"(?:{_BEFORE}|{scripts.hebrew_prefixes(sum(c.isalpha() for c in word))})", re.escape(word)
    return _BEFORE, re.escape(word)


_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|[\"“‘(]\s*)$")


def _name(m: re.Match, lower: set) -> bool:
    """Whether a match of a lower-case term is part of a name instead ('Human Rights Watch' for the
    term 'human rights'): capitals beyond a sentence's first letter."""
    word = m.group(0)
    if word.casefold() not in lower and word[:-1].casefold() not in lower and word[:-2].casefold() not in lower:
        return False
    starts = bool(_SENTENCE_START.search(m.string[:m.start()]))
    rest = word[1:] if starts else word
    return rest != rest.lower()


def _related(a: str, b: str) -> bool:
    """Whether one term is the other or holds it as whole words ('cell' and 'cell membrane')."""
    return f" {a} " in f" {b} " or f" {b} " in f" {a} "


def holes(text: str, found: re.Pattern | None, lower: set = frozenset(), marks=()) -> tuple[str, list[str]]:
    """``text`` with each match and each marked span (``marks``: (start, end), where the teacher typed
    [[word]]) replaced by a numbered hole, and the words taken out, in order.
    ``lower``: the folded terms written in lower case, which a capitalised name does not match.

    A term is blanked once in a paragraph, where it first stands: a later use of it, or of a term that
    holds it or that it holds ('cell' after 'cell membrane'), is printed. A line with the same word
    blanked two or three times ("Plant ___ have a ___ wall") could not be worked out. A marked word is
    blanked where it was marked, and only there; a term inside a mark is the mark's, and a term marked is
    blanked only where marked."""
    taken: list[str] = []
    if found is None and not marks:
        return text, taken
    spans = sorted(marks)
    # a term also marked is blanked where marked, and only there (hostile r14 #10: "Energy moves; [[energy]] is
    # conserved" blanked both): one blank a paragraph, as for a term found alone
    blanked: list[str] = [" ".join(text[a:b].casefold().split()) for a, b in spans]
    matches = [m for m in (found.finditer(text) if found is not None else ())
               if not any(m.start() < end and start < m.end() for start, end in spans)]
    out, pos = [], 0
    for start, end, m in sorted([(a, b, None) for a, b in spans] + [(m.start(), m.end(), m) for m in matches],
                                key=lambda t: t[0]):
        if m is not None:
            term = " ".join(m.group(1).casefold().split())
            if _name(m, lower) or any(_related(term, done) for done in blanked):
                continue
            blanked.append(term)
        out.append(text[pos:start] + f"\ue000{len(taken)}\ue001")
        taken.append(text[start:end])
        pos = end
    return "".join(out) + text[pos:], taken


def blanked(ctx, text: str, found, style: str, marks=(), **kw):
    """A paragraph of ``text`` with its matches and ``marks`` blank for the student and filled in the key."""
    from .. import inline
    from .blanks import blank_markup

    raw, taken = holes(text, found, lowercase(ctx.guide), marks)
    if not taken:
        return ctx.p(text, style, **kw)
    markup = inline.markup(raw, ctx.fonts)

    first = ctx.__dict__.get("_notes_blanks", 0)  # the fillable edition's fields: blank1, blank2... in order
    ctx.__dict__["_notes_blanks"] = first + len(taken)

    def para(key: bool):
        def blank(m):
            k = first + int(m.group(1)) + 1  # (the field's name is read only where a field prints, so a guide in
            # a language not built in is not told to give it for pages without fields)
            return blank_markup(ctx, Blank((taken[int(m.group(1))],)), key, field=f"blank{k}",
                                 tip=ctx.label("field_blank", k=k) if fillable.on(ctx) else "")
        filled = _HOLE.sub(blank, markup)
        return ctx.raw(filled, style, **kw)

    return Twin(para(False), para(True), ctx)


def topic_pattern(guide, topic) -> re.Pattern | None:
    """What a topic's notes blank wherever it stands: the guide's terms (:func:`pattern`); its [[marks]] are
    blanked where they were typed (:func:`texts_of`)."""
    return pattern([t.term for t in guide.vocabulary], guide.language)


def texts_of(topic) -> list[tuple[str, tuple]]:
    """The topic's summary ("" without one) and points, each with the spans marked [[like this]] in it."""
    texts = ((topic.summary or ""),) + topic.points
    return [(text, tuple((a, b) for k, a, b in topic.marks if k == which)) for which, text in enumerate(texts)]


def lowercase(guide) -> set:
    """The vocabulary terms typed in lower case (a marked word is always blanked where it was marked)."""
    return {t.term.casefold() for t in guide.vocabulary if t.term == t.term.lower()}


def bank(ctx) -> list:
    """With the word-bank accommodation: under the title block, a box of the words the notes' blanks take, each
    once, in alphabetical order (a term typed in lower case in it, where a sentence opened with it); the key
    prints the same box, so its pages stay the handout's."""
    from .. import scripts
    from .blanks import bank_box

    g = ctx.guide
    if not g.accommodations.word_bank:
        return []
    lower, words = lowercase(g), {}
    for topic in g.topics:
        found = topic_pattern(g, topic)
        for text, marks in texts_of(topic):
            for word in holes(text, found, lower, marks)[1]:
                folded = word.casefold()
                if {folded, folded[:-1], folded[:-2]} & lower:  # ('Characterization' opening a sentence)
                    word = word[:1].lower() + word[1:]
                words.setdefault(" ".join(word.split()), None)
    return [Spacer(1, 6), bank_box(ctx, sorted(words, key=lambda w: scripts.alphabetical(w, g.language)), ctx.width), Spacer(1, 8)]


def notes(ctx) -> list:
    from . import header
    from .sections import figure, pictured

    g = ctx.guide
    flow = header.header(ctx) + bank(ctx) + [SectionMark(ctx, "topics")]
    for topic in g.topics:
        found, (summary, *points) = topic_pattern(g, topic), texts_of(topic)
        text = [ctx.p(topic.title, "subheading")]
        if topic.summary:
            text.append(blanked(ctx, topic.summary, found, "body", summary[1]))
        text += of_topic(ctx, topic)
        text += [blanked(ctx, point, found, "bullet", marks, bulletText="•") for point, marks in points]
        if topic.image is not None:  # (the picture on the page of its topic's text, as in the handout)
            text = pictured(ctx, text, figure(ctx, topic.image, topic.caption))
        flow += text
    return flow + [SectionMark(ctx, "end")]


def cornell(ctx) -> list:
    """Cornell notes: a cue column of questions (the topics' `cues:`; empty for the students' own), the
    notes beside them with their blanks, and a summary at the foot to write in (the key: the first
    paragraph of the guide's summary, on the same lines)."""
    from reportlab.platypus import Table, TableStyle

    from reportlab.lib.units import inch

    from . import header
    from .sections import figure

    g = ctx.guide
    cue_w = ctx.width * 0.3
    flow = header.header(ctx) + bank(ctx) + [Spacer(1, 6), SectionMark(ctx, "topics")]
    heads = [ctx.p(ctx.label("cues"), "cell_head"), ctx.p(ctx.label("notes_column"), "cell_head")]
    cue_w = keep_words(heads, [cue_w, ctx.width - cue_w], padding=12)[0]  # (the cells' padding, below)
    head = Table([heads], colWidths=[cue_w, ctx.width - cue_w])
    rows, style = [], [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 6),
                       ("RIGHTPADDING", (0, 0), (-1, -1), 6), ("TOPPADDING", (0, 0), (-1, -1), 2),
                       ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                       ("LINEAFTER", (0, 0), (0, -1), ctx.theme.grid * 2, ctx.color("rule"))]
    for topic in g.topics:
        found, (summary, *points) = topic_pattern(g, topic), texts_of(topic)
        notes = [ctx.p(topic.title, "subheading")]
        notes[0].title = True  # (never the last of a row's notes left on a page: cornellflow._titled)
        notes += [blanked(ctx, topic.summary, found, "body", summary[1])] if topic.summary else []
        notes += of_topic(ctx, topic, ctx.width - cue_w - 12, gaps=False)  # (a row each)
        points = [blanked(ctx, point, found, "bullet", marks, bulletText="•") for point, marks in points]
        for point in points[1:]:
            point.after_point = True  # (WithTail sends it over with the point before, not alone)
        notes += points
        wide = None
        if topic.image is not None:  # in the notes column, under the points, as the guided notes have it
            column = ctx.width - cue_w - 12
            picture = _large_figure(ctx, topic) or figure(ctx, topic.image, topic.caption, width=column,
                                                          height=2.2 * inch)
            wide = picture if picture.full[0] > column else None
            notes += [] if wide else [picture]
        cues = [ctx.p(cue, "cell") for cue in topic.cues]
        first = len(rows)
        rows.append([cues[:1] or "", notes[:2]])  # a row per piece: a long topic splits between them
        rows += [[cues[i:i + 1] or "", [piece]] for i, piece in enumerate(notes[2:], 1)]
        rows += [[[c], ""] for c in cues[len(notes) - 1:]]  # cues beyond the notes' pieces
        if wide is not None:  # across both columns, under the topic's notes and cues
            rows.append([wide, ""])
            style.append(("SPAN", (0, len(rows) - 1), (1, len(rows) - 1)))
        style += [("LINEBELOW", (0, len(rows) - 1), (-1, len(rows) - 1), ctx.theme.grid, ctx.color("rule")),
                  ("BOTTOMPADDING", (0, len(rows) - 1), (-1, len(rows) - 1), 8)]
        if first:
            style.append(("TOPPADDING", (0, first), (-1, first), 6))
    head.setStyle(TableStyle(style[:5] + [("LINEBELOW", (0, 0), (-1, 0), ctx.theme.grid * 2, ctx.color("ink")),
                                          ("LINEAFTER", (0, 0), (0, 0), ctx.theme.grid * 2, ctx.color("rule"))]))
    body = Table(rows, colWidths=[cue_w, ctx.width - cue_w], repeatRows=0, splitByRow=1)
    body.setStyle(TableStyle(style))
    summary = first_paragraph(g.summary)  # a model of what a student sums up: the reading's gist
    title = ctx.p(ctx.heading_text("summary"), "subheading")
    most = SUMMARY_LINES + g.accommodations.extra_lines  # (the accommodation's lines: all printed)

    def block(count: int, width: float) -> list:
        """The summary's heading and ``count`` lines; fewer than all of them: the key's model keeps the
        sentences of it that fit them (at least its first), so both documents have the lines the page holds."""
        sentences = re.split(r"(?<=[.!?])\s+", summary.strip()) if summary else []
        for end in range(len(sentences), 0, -1) if count < most and sentences else [len(sentences)]:
            lines = _summary_lines(ctx, count, " ".join(sentences[:end]) if summary else None)
            if lines._needed(width) <= count:
                break
        cut = [_Cut(ctx, count, width, sentences, end)] if sentences and end < len(sentences) else []
        return [Spacer(1, 10), title, lines] + cut

    foot = FootLines(block, g.accommodations.extra_lines, ctx.height)
    foot.ctx = ctx
    least = (0.0, 0.0)  # large print: a row's notes go on over a page that would end short (cornellflow.rows_filled),
    if ctx.theme.edition == "large-print":  # a topic's title and two lines at least on the page, two lines over it
        sub, line = ctx.styles["subheading"], ctx.styles["body"].leading  # (+ the cells' padding)
        least = (sub.spaceBefore + sub.leading + sub.spaceAfter + 2 * line + 8, 2 * line + 4)
    return flow + [WithTail(body, [SectionMark(ctx, "end"), foot], least=least, head=head)]


def _large_figure(ctx, topic):
    """In large print, a topic's picture at the large-print handout's size (a picture there is never shrunk;
    at the notes column's 2.2 in, the labels in the plates guide's cross-section printed at 5 pt): in the notes
    column when it fits there, else across the page under the topic's notes. Elsewhere: None."""
    from .sections import figure

    if ctx.theme.edition != "large-print":
        return None
    wide = figure(ctx, topic.image, topic.caption)
    wide.least = 1.0  # (nor shrinks to finish a page)
    return wide

