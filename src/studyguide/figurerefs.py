"""A question that names a picture the build leaves out: "Look at Figure 2…" on a quiz, an exit ticket, or
a handout built with --skip topics, none of which prints the topics' pictures (trial r9, M8).

A picture is named by the opening of its caption: a figure word and a number, 'Figure 2', 'Figura 2',
'Fig. 3', 'Map 1', '图 2'; a caption opening with any other word ('The 1918 flu ward', 'Apollo 11 crew') names
none. A question whose prompt, instructions or choices name it by any word of the same kind, in any capitals
('Fig 2' for 'Figure 2', '如图2所示'), is told at its own line. Pure: the guide as the build prints it in,
warnings out.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from .errors import Problem
from .model import FillInBlank, Guide
from .reading.citations import CITE_RE
from .reading.walker import clip

# the words that name a picture, a kind to a line: any word of a kind names what another of it names
# ('Fig. 2' is 'Figure 2'); abbreviations are written without their dot, which may follow any word
KINDS = (
    "figure fig figura abbildung abb figur figuur rysunek rys рисунок рис 图 圖 그림 図",
    "image imagen immagine imagem bild picture photo foto fotografía fotografia photograph",
    "map mapa carte karte mappa kaart 地图 地圖 지도 地図",
    "diagram diagramme diagrama diagramm schema 图表 圖表 도표 図表",
    "chart graph graphique gráfico grafico grafik gráfica",
    "source fuente quelle fonte document documento dokument",
    "plate planche tafel lámina tavola illustration ilustración ilustração illustrazione",
)
_KIND = {word: kind for kind in KINDS for word in kind.split()}
_OPENING = re.compile(r"\W*([^\W\d_]+)\.?\s*(\d+[a-z]?)(?![0-9A-Za-z])", re.IGNORECASE)  # 'Figure 2', 'Fig. 2a'
SHOWN = ("handout", "notes", "cornell")  # the formats whose pages show the topics' pictures
WHAT = {"quiz": "a quiz", "exit-ticket": "an exit ticket"}


def _named(caption: str) -> Optional[re.Pattern]:
    """What a question writes to name the picture of ``caption`` ('Figura 2. Veduta…' → Figura 2), or None."""
    found = _OPENING.match(caption)
    kind = _KIND.get(found.group(1).lower()) if found else None
    if kind is None:  # 'The 1918 flu ward', 'Apollo 11 crew': no picture's name (review r9 M2)
        return None
    words = sorted(kind.split(), key=len, reverse=True)
    either = "|".join((r"" if _unspaced().search(w) else r"(?<!\w)") + re.escape(w) for w in words)
    return re.compile(rf"(?:{either})\.?\s*{re.escape(found.group(2))}(?![0-9A-Za-z])", re.IGNORECASE)


@lru_cache(maxsize=None)
def _unspaced() -> re.Pattern:
    """Chinese, Japanese, Korean: no spaces. Compiled when a caption is first named (2.6 ms of every start-up)."""
    return re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def _left_out(guide: Guide) -> str:
    """How the build leaves the pictures out ('a quiz', 'this build (--skip topics)'), or '' when it prints them."""
    if guide.format not in SHOWN:
        return WHAT.get(guide.format, f"--format {guide.format}")
    return "--skip topics" if "topics" in guide.omit else ""


def warnings(guide: Guide) -> list[Problem]:
    """A warning for each question of ``guide`` (prepared for its format, --skip applied) that names a picture
    its pages leave out: the question, where, the picture's caption, and what to do; and for each that cites
    the reading a build with --skip reading leaves out (:func:`reading_left`)."""
    return pictures_left(guide) + reading_left(guide)


def reading_left(guide: Guide) -> list[Problem]:
    """A warning for each question whose student's text cites the reading ('{@troops}', printed "lines
    12–14") when --skip reading leaves the reading out: at the citation, with what the lines are. (A quiz or an
    exit ticket prints no reading anyway: each question prints the words it cites, layout.passage.cite.)"""
    if guide.reading is None or "reading" not in guide.omit or "questions" in guide.omit or guide.format != "handout":
        return []
    out = []
    for n, q, own in _questions(guide):
        texts = [q.prompt] + [str(c) for c in getattr(q, "choices", ()) or ()]
        texts += [p for p in q.parts if isinstance(p, str)] if isinstance(q, FillInBlank) else []
        found = next((m for text in texts if (m := CITE_RE.search(text or ""))), None)
        if found is None:
            continue
        typed = found.group(0)
        where = next((loc.of(text, text.index(typed)) for loc, text in own if typed in text), q.where)
        out.append(Problem(where, f"question {n} cites the reading ('{typed}'), but --skip reading leaves it out: "
                                  "the line numbers it prints are those of the handout built without --skip reading "
                                  "(the same paper and edition); hand that reading out with it, or build without "
                                  "--skip reading", warning=True))
    return out


def _questions(guide: Guide):
    """Each question: (its number, it, the guide's texts typed on its own lines, not a twin's before it)."""
    starts = [q.where for q in guide.questions]
    for n, q in enumerate(guide.questions, 1):
        after = starts[n] if n < len(starts) and starts[n].file == q.where.file else None
        yield n, q, [(loc, text) for loc, text in guide.texts if loc.file == q.where.file and q.where.line <= loc.line
                     and (after is None or loc.line < after.line)]


def pictures_left(guide: Guide) -> list[Problem]:
    """A warning for each question that names a picture the build's pages leave out."""
    how = _left_out(guide)
    if not how:
        return []
    skipped = how == "--skip topics"
    left = "--skip topics leaves it out" if skipped else f"{how} does not print it"
    fix = "build without --skip topics" if skipped else \
        "choose questions without it (--questions), or give the handout, which prints it"
    return unseen(guide, left, fix)


def unseen(guide: Guide, left: str, fix: str, leaving=()) -> list[Problem]:
    """A warning for each question of ``guide`` (but those numbered in ``leaving``) that names a topic's picture
    which ``left`` says is not shown ('--skip topics leaves it out'), with ``fix`` as the other way out."""
    pictures = [(p, t) for t in guide.topics if t.image and t.caption and (p := _named(t.caption))]
    out = []
    for n, q, own in _questions(guide):
        if n in leaving:
            continue
        texts = [q.prompt, q.instructions or ""] + [str(c) for c in getattr(q, "choices", ()) or ()]
        for named, topic in pictures:
            said = next((m.group(0) for text in texts if (m := named.search(text))), None)
            if said is None:
                continue
            where = next((loc for loc, text in own if named.search(text) and text in texts), q.where)
            out.append(Problem(where, f"question {n} names {said}, the picture captioned '{clip(topic.caption)}', "
                                      f"but {left}: students cannot see it; say in the question what the picture "
                                      f"shows, or {fix}", warning=True))
            break
    return out


def naming(guide: Guide, topic) -> list[int]:
    """The numbers of the questions whose prompt, instructions or choices name ``topic``'s picture by its
    caption's opening ('Look at Figure 2'): those the picture must stay readable for (picsize)."""
    named = _named(topic.caption) if topic.image and topic.caption else None
    if named is None:
        return []
    return [n for n, q in enumerate(guide.questions, 1)
            if any(named.search(text) for text in [q.prompt, q.instructions or ""]
                   + [str(c) for c in getattr(q, "choices", ()) or ()])]
