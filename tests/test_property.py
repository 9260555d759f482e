"""Property: any guide-shaped file gives a valid PDF or clean, located messages, never a crash.

Hypothesis writes guide files with the real keys, arbitrary Unicode text (control characters,
lone surrogates escaped in double quotes or raw in the bytes, direction overrides, ': ', '#',
'[[', '**', reportlab tags) and arbitrary shapes (lists where text belongs, nesting, nulls),
in every scalar style and in several encodings, so many are not even valid YAML. For each:

* the build succeeds and both PDFs open with pypdf, or
* it fails with a StudyguideError whose every line is ``file:line[:col]: message``;
* no other exception escapes, and each example's build takes less than the bound on CPU time.

The examples are derandomized (the same every run) and few, so CI is repeatable and fast; a
handful also run through the real command line in a fresh interpreter (exit 0 or 1, never 70).
They are stress runs (marker ``stress``): the default run leaves them out, `pytest -m stress` and CI run them.
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import pypdf
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from hostile_support import LOCATED, MAX_SECONDS, SUMMARY, cpu_spent
from studyguide import api
from studyguide.errors import StudyguideError
from studyguide.model import DEFAULT_HEADINGS
from studyguide.reading.questions import QUESTION_KEYS
from studyguide.reading.schema import SOURCE_KEYS, TOP_KEYS

pytestmark = pytest.mark.stress

SETTINGS = dict(deadline=None, derandomize=True, database=None, print_blob=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much])

# Pieces of text that trip YAML, the markup, the fonts or the layout.
FRAGMENTS = [
    ": ", " #", "#", "[[", "]]", "[[answer]]", "[[a|b]]", "**", "*", "**bold**", "*it*", "- ", "---", "...", "'", '"',
    "\\", "{", "}", "[", "]", ",", "&a ", "*a", "!!python/object/apply:os.system ['echo x'] ", "!x ", "%", "@", "`",
    "|", ">", "? ", "<img src=\"/etc/passwd\"/>", "<a href=\"http://example.com\">x</a>", "<font size=90>", "</font>",
    "&amp;", "&lt;", "<b>", "</i>", "<br/>", "\u202e", "\u2066", "\u200b", "\ufeff", "\u00ad", "\x00", "\x07", "\x1b",
    "\x7f", "\x85", "\u2028", "\ud800", "\udfff", "\t", "\n", "\n\n", "\r\n", "\r", "😀", "中文", "λ≈→", "é", "e\u0301",
    "true", "false", "null", "~", "1e9", "0x1F", "-1", ".nan", "yes", "no", "A", "B", "x" * 300,
]
PRINTABLE = st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=12)  # any script, emoji, marks
TEXT = st.lists(st.one_of(st.sampled_from(FRAGMENTS), PRINTABLE, PRINTABLE, st.text(max_size=12)), max_size=6).map("".join)
WORDS = st.text(alphabet="abcdefghij klmnopqrstuvwxyz", min_size=1, max_size=30).filter(lambda s: s.strip())
NICE = st.lists(st.one_of(WORDS, PRINTABLE, st.sampled_from(["**bold**", "*it*", "AT&T", "x < y", "<b>", "é", "中文", "😀"])),
                min_size=1, max_size=4).map(" ".join).filter(lambda s: s.strip())
SIMPLE = st.sampled_from([WORDS] * 3 + [NICE] * 4 + [TEXT]).flatmap(lambda s: s)  # mostly tame text, sometimes anything
ANY = st.recursive(st.one_of(TEXT, st.none(), st.booleans(), st.integers(-5, 50)),
                   lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(
                       ["title", "prompt", "type", "x", "choices", "answer", "term"]), inner, max_size=3),
                   max_leaves=6)


def shaped(strategy):
    """The right shape most of the time, any shape sometimes (hypothesis favours the first of a list)."""
    return st.sampled_from([strategy] * 7 + [ANY]).flatmap(lambda s: s)


def items(strategy, max_size=3):
    return st.lists(strategy, max_size=max_size)


POINT = st.one_of(SIMPLE, st.fixed_dictionaries({"point": SIMPLE}, optional={"detail": SIMPLE}))
TOPIC = st.fixed_dictionaries({"title": SIMPLE}, optional={
    "summary": SIMPLE, "points": shaped(items(SIMPLE)), "caption": SIMPLE,
    "image": st.sampled_from(["pic.png", "missing.png", "/etc/passwd", "../x.png", "link.png", "bad.png", "."]),
})
CHOICES = items(SIMPLE, 5)


@st.composite
def question(draw):
    qtype = draw(st.sampled_from(list(QUESTION_KEYS) + ["essay_question"]))
    q = {"type": qtype, "prompt": draw(st.one_of(SIMPLE, SIMPLE.map(lambda s: s + " [[" + s[:8] + "]] end")))}
    extra = {
        "choices": shaped(CHOICES),
        "answer": st.one_of(st.sampled_from(["A", "B", "C", "z", "true", "no", "maybe"]), items(st.sampled_from("ABCZ")), SIMPLE),
        "points": st.one_of(st.sampled_from(["1", "2.5", "-1", "1e9", ".nan", "x"]), ANY),
        "lines": st.sampled_from(["3", "40", "41", "0", "x"]),
        "word_bank": st.sampled_from(["true", "false", "maybe"]),
        "pairs": shaped(items(st.fixed_dictionaries({"left": SIMPLE, "right": SIMPLE}), 4)),
        "items": shaped(items(SIMPLE, 4)),
        "explanation": SIMPLE,
        "shuffle": st.sampled_from(["false", "true", "sometimes"]),
        "objective": st.sampled_from(["1", "2", "99", "Understand"]),
        "time_limit": st.sampled_from(["20", "5", "900", "4", "901", "x"]),
        "colour": SIMPLE,
    }
    for key in draw(st.lists(st.sampled_from(sorted(extra)), unique=True, max_size=5)):
        q[key] = draw(extra[key])
    return q


FIELDS = {
    "title": shaped(SIMPLE), "subtitle": shaped(SIMPLE), "subject": shaped(SIMPLE), "grade": shaped(SIMPLE),
    "author": shaped(SIMPLE), "summary": shaped(SIMPLE),
    "language": st.one_of(st.sampled_from(["en", "es", "pt-BR", "zh", "xx-", "english"]), ANY),
    "paper": st.one_of(st.sampled_from(["letter", "a4", "A4", "legal"]), ANY),
    "source": st.one_of(SIMPLE, st.fixed_dictionaries({}, optional={k: SIMPLE for k in SOURCE_KEYS}), ANY),
    "headings": shaped(st.fixed_dictionaries({}, optional={k: SIMPLE for k in DEFAULT_HEADINGS})),
    "objectives": shaped(items(SIMPLE)), "takeaways": shaped(items(SIMPLE)),
    "topics": shaped(items(TOPIC, 2)),
    "perspectives": shaped(items(st.fixed_dictionaries({"who": SIMPLE, "view": SIMPLE}))),
    "benefits": shaped(items(POINT)), "criticisms": shaped(items(POINT)),
    "vocabulary": shaped(items(st.fixed_dictionaries({"term": SIMPLE, "definition": SIMPLE}, optional={"example": SIMPLE}))),
    "questions": shaped(items(question(), 4)),
    "versions": st.one_of(st.sampled_from(["1", "3", "26", "27", "0", "two"]), ANY),
    "seed": shaped(SIMPLE),
    "time_limit": st.one_of(st.sampled_from(["20", "45", "3", "1000", "soon"]), ANY),
    "coverage": st.one_of(st.sampled_from(["both", "key", "Key", "handout", "keys", "none"]), ANY),
    "reading": st.one_of(st.fixed_dictionaries({"text": SIMPLE}, optional={
        "title": SIMPLE, "source": SIMPLE, "place": st.sampled_from(["start", "questions", "end"])}), ANY),
    "activities": shaped(items(st.one_of(st.sampled_from(["matching", "word search", "crossword", "puzzle"]), SIMPLE))),
    "accommodations": st.one_of(st.fixed_dictionaries({}, optional={
        "reduced_choices": st.sampled_from(["true", "no", "maybe"]), "word_bank": st.sampled_from(["yes", "false"]),
        "extra_lines": st.sampled_from(["2", "21", "x"])}), ANY),
    "labels": st.one_of(st.fixed_dictionaries({}, optional={"name": SIMPLE, "period": SIMPLE, "nmae": SIMPLE}), ANY),
    "theme": st.one_of(st.sampled_from(["classic", "modern", "ink-saver", "compact", "modrn", "themes/x.yaml",
                                        "../x.yaml", "/etc/passwd"]), ANY),
    "school": shaped(SIMPLE), "course": shaped(SIMPLE), "teacher": shaped(SIMPLE),
    "header": shaped(SIMPLE), "footer": shaped(SIMPLE),
    "logo": st.sampled_from(["pic.png", "missing.png", "/etc/passwd", "../x.png", "link.png", "bad.png", "."]),
    "titel": SIMPLE,
}
assert set(FIELDS) - {"titel"} == set(TOP_KEYS)


@st.composite
def guide_tree(draw):
    keys = draw(st.lists(st.sampled_from(sorted(FIELDS)), unique=True, min_size=1, max_size=7))
    if "title" not in keys and not draw(st.sampled_from([False] * 9 + [True])):  # mostly with a title
        keys.insert(0, "title")
    return {k: draw(FIELDS[k]) for k in keys}


# -- writing the tree as YAML, in every style, right or wrong ----------------------------------

def _double(text: str) -> str:
    out = []
    for ch in text:
        code = ord(ch)
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif code < 0x20 or 0x7F <= code <= 0x9F or 0xD800 <= code <= 0xDFFF or code in (0x2028, 0x2029, 0xFEFF):
            out.append(f"\\u{code:04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def scalar(value, style: str, indent: int) -> str:
    if value is None:
        return {"single": "~", "double": "null"}.get(style, "")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if style == "single":
        return "'" + value.replace("'", "''") + "'"
    if style == "double":
        return _double(value)
    if style == "literal" and value.strip():
        pad = " " * (indent + 2)
        return "|\n" + "\n".join(pad + line for line in value.split("\n"))
    return value  # plain: exactly as typed, which may well break the YAML


def emit(value, styles, indent: int = 0) -> list[str]:
    """Block-style lines for a mapping or list; scalars take the next style from ``styles``."""
    pad = " " * indent
    lines: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, (dict, list)) and item:
                if isinstance(item, list) and next(styles) == "flow" and all(not isinstance(i, (dict, list)) for i in item):
                    lines.append(f"{pad}{key}: [" + ", ".join(scalar(i, next(styles), indent) for i in item) + "]")
                else:
                    lines.append(f"{pad}{key}:")
                    lines += emit(item, styles, indent + 2)
            elif isinstance(item, (dict, list)):
                lines.append(f"{pad}{key}: " + ("{}" if isinstance(item, dict) else "[]"))
            else:
                lines.append(f"{pad}{key}: {scalar(item, next(styles), indent)}".rstrip(" "))
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, (dict, list)) and item:
                sub = emit(item, styles, indent + 2)
                lines.append(f"{pad}- " + sub[0][indent + 2:])
                lines += sub[1:]
            elif isinstance(item, (dict, list)):
                lines.append(f"{pad}- " + ("{}" if isinstance(item, dict) else "[]"))
            else:
                lines.append(f"{pad}- {scalar(item, next(styles), indent + 2)}".rstrip(" "))
    else:
        lines.append(pad + scalar(value, next(styles), indent))
    return lines


ENCODINGS = ["utf-8"] * 6 + ["utf-8-sig", "utf-16", "utf-16-be-bom", "latin-1", "crlf"]


@st.composite
def guide_file(draw) -> bytes:
    tree = draw(guide_tree() if draw(st.sampled_from(["tree"] * 6 + ["any"])) == "tree" else ANY)
    style_list = draw(st.lists(st.sampled_from(["double", "double", "double", "single", "plain", "literal", "flow"]),
                               min_size=1, max_size=20))
    styles = iter(style_list * 1000)
    text = "\n".join(emit(tree, styles)) + "\n"
    encoding = draw(st.sampled_from(ENCODINGS))
    if encoding == "utf-8-sig":
        return b"\xef\xbb\xbf" + text.encode("utf-8", "surrogatepass")
    if encoding == "utf-16":
        return text.encode("utf-16", "surrogatepass")
    if encoding == "utf-16-be-bom":
        return b"\xfe\xff" + text.encode("utf-16-be", "surrogatepass")
    if encoding == "latin-1":
        return text.encode("latin-1", "replace")
    if encoding == "crlf":
        return text.replace("\n", "\r\n").encode("utf-8", "surrogatepass")
    return text.encode("utf-8", "surrogatepass")


def _folder(root: Path) -> Path:
    """A guide folder with a good image, a bad one and a link out, for the guides to name."""
    from PIL import Image

    folder = root / "guides"
    folder.mkdir()
    Image.new("RGB", (30, 20), (10, 120, 40)).save(folder / "pic.png")
    (folder / "bad.png").write_bytes(b"\x89PNG\r\n\x1a\nnot really")
    (folder / "link.png").symlink_to("/etc/passwd")
    return folder


def check_located(lines: list[str]) -> None:
    for line in lines:
        assert LOCATED.match(line), f"not a located message: {line!r}"
        assert "Traceback" not in line


@settings(max_examples=100, **SETTINGS)
@given(data=guide_file())
def test_any_guide_builds_or_fails_cleanly(data):
    with tempfile.TemporaryDirectory() as tmp:
        folder = _folder(Path(tmp))
        path = folder / "g.yaml"
        path.write_bytes(data)
        out = Path(tmp) / "out"
        refused = None
        with cpu_spent() as spent:  # (with a wall-clock guard against a hang only)
            try:
                result = api.build(path, out)
            except StudyguideError as exc:
                refused = exc
        if refused is not None:
            event("refused")
            assert str(refused).strip(), "an error with no message"
            check_located(str(refused).splitlines())
            assert not out.exists() or not any(out.iterdir()), "a failed build wrote something"
        else:
            event("built")
            check_located([str(w) for w in result.warnings])
            assert sorted(p.name for p in out.iterdir()) == ["g-key.pdf", "g.pdf"]
            for o in result.outputs:
                reader = pypdf.PdfReader(str(o.path))
                assert len(reader.pages) == o.pages > 0
                reader.pages[0].extract_text()
        assert spent.cpu < MAX_SECONDS, f"took {spent.cpu:.1f} s of CPU"
        assert sorted(p.name for p in Path(tmp).iterdir()) in (["guides"], ["guides", "out"])


# Well-formed guides (every key its right shape, all text double-quoted) with any printable text:
# these mostly build, so the layout, markup, fonts and PDF writer get the arbitrary text.
TAME = st.lists(st.one_of(WORDS, PRINTABLE, st.sampled_from([f for f in FRAGMENTS if f.isprintable()])),
                min_size=1, max_size=5).map(" ".join).filter(lambda s: s.strip())


@st.composite
def tame_guide(draw) -> bytes:
    tree = {"title": draw(TAME)}
    for key in draw(st.lists(st.sampled_from(["subtitle", "summary", "objectives", "topics", "perspectives", "benefits",
                                              "vocabulary", "questions"]), unique=True, max_size=5)):
        if key in ("subtitle", "summary"):
            tree[key] = draw(TAME)
        elif key == "objectives":
            tree[key] = draw(st.lists(TAME, min_size=1, max_size=3))
        elif key == "topics":
            tree[key] = [{"title": draw(TAME), "summary": draw(TAME), "points": draw(st.lists(TAME, min_size=1, max_size=3))}]
        elif key == "perspectives":
            tree[key] = [{"who": draw(TAME), "view": draw(TAME)}]
        elif key == "benefits":
            tree[key] = draw(st.lists(TAME, min_size=1, max_size=3))
        elif key == "vocabulary":
            tree[key] = [{"term": draw(TAME), "definition": draw(TAME), "example": draw(TAME)}]
        else:
            choices = draw(st.lists(TAME, min_size=2, max_size=4, unique=True))
            tree[key] = [
                {"type": "multiple_choice", "prompt": draw(TAME), "choices": choices, "answer": "B",
                 "explanation": draw(TAME)},
                {"type": "fill_in_blank", "prompt": draw(TAME) + " [[" + draw(WORDS) + "]] " + draw(TAME)},
                {"type": "matching", "prompt": draw(TAME), "pairs": [{"left": draw(TAME), "right": draw(TAME)}] * 2},
                {"type": "short_answer", "prompt": draw(TAME), "answer": draw(TAME)},
            ]
    return ("\n".join(emit(tree, iter(["double"] * 10_000))) + "\n").encode("utf-8")


@settings(max_examples=30, **SETTINGS)
@given(data=tame_guide())
def test_well_formed_guides_with_any_text_build(data):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "g.yaml"
        path.write_bytes(data)
        refused = None
        with cpu_spent() as spent:
            try:
                result = api.build(path, Path(tmp) / "out")
            except StudyguideError as exc:
                refused = exc
        if refused is not None:
            check_located(str(refused).splitlines())
            event("refused")
        else:
            event("built")
            for o in result.outputs:
                assert len(pypdf.PdfReader(str(o.path)).pages) == o.pages > 0
        assert spent.cpu < MAX_SECONDS, f"took {spent.cpu:.1f} s of CPU"


@settings(max_examples=6, **SETTINGS)
@given(data=guide_file())
def test_the_command_line_exits_0_or_1_with_located_messages(data):
    with tempfile.TemporaryDirectory() as tmp:
        folder = _folder(Path(tmp))
        (folder / "g.yaml").write_bytes(data)
        p = subprocess.run([sys.executable, "-m", "studyguide", "build", "guides/g.yaml", "-o", "out"], cwd=tmp,
                           capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=30)
        assert p.returncode in (0, 1), p.stderr
        assert "Traceback" not in p.stderr and "internal error" not in p.stderr
        messages = [ln for ln in p.stderr.splitlines() if not SUMMARY.match(ln)]
        if p.returncode == 1:
            assert messages
        check_located(messages)
