"""Teacher text stays exactly as typed: YAML scalars are never retyped, and only
``**bold**`` / ``*italic*`` mean anything inside text."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from conftest import build_into, built_from, made_once_in, write_guide
from studyguide import api, inline
from studyguide.model import ShortAnswer, TrueFalse


@pytest.fixture(scope="module")
def scalars(tmp_path_factory):
    path = write_guide(tmp_path_factory.mktemp("scalars"), "scalars.yaml", """
        title: 3.10
        subtitle: 1:30
        subject: NO
        grade: 010
        author: null-ish ~
        source:
          title: On
          date: 2026-11-14
        objectives: [yes, 1e3, 0x1F]
        questions:
          - type: short_answer
            prompt: Is it on?
            answer: No
          - type: true_false
            prompt: Is it off?
            answer: no
            points: 010
        """)
    return path


def test_scalars_stay_text(scalars):
    g = api.load(scalars)
    assert (g.title, g.subtitle, g.subject, g.grade) == ("3.10", "1:30", "NO", "010")
    assert g.author == "null-ish ~"
    assert (g.source.title, g.source.date) == ("On", "2026-11-14")
    assert g.objectives == ("yes", "1e3", "0x1F")
    short, tf = g.questions
    assert isinstance(short, ShortAnswer) and short.answer == "No"
    # booleans and numbers only where the format wants one
    assert isinstance(tf, TrueFalse) and tf.answer is False
    assert tf.points == 10


def test_scalars_print_as_typed(scalars, tmp_path):
    built = build_into(scalars, tmp_path)
    page = built.student.pages[0]
    assert page.startswith("3.10 1:30 NO · Grade 010 · null-ish ~")
    assert "November 14, 2026" in page  # an ISO date prints as the language writes dates
    assert "yes" in page and "1e3" in page and "0x1F" in page
    assert built.student.reader.metadata["/Title"] == "3.10"
    assert "Is it on? Write your answer on the line. No " in built.key.text  # (a one-word answer: one line)
    assert "Is it on? Write your answer on the line. 2." in built.student.text


INLINE = """
    title: "**Bold** title"
    summary: "AT&T says x < y and <b>not bold</b>, 2 * 3 * 4 = 24; &amp; stays; a*b*c too."
    objectives:
      - "**Strong** start and *slanted* end"
    questions:
      - type: short_answer
        prompt: "Why is <i>this</i> & that **important**?"
        answer: "Because <br/> is text"
    """


@pytest.fixture(scope="module")
def inline_built(tmp_path_factory):
    """(built by one xdist worker of the run, read by both: conftest.made_once_in)"""
    folder, result = made_once_in(tmp_path_factory, f"test_text.inline_built {INLINE!r}",
                                  lambda folder: api.build(write_guide(folder, "inline.yaml", INLINE), folder / "out"))
    return built_from(folder / "inline.yaml", result)


def test_markup_characters_print_exactly(inline_built):
    for pdf in (inline_built.student, inline_built.key):
        text = pdf.text
        assert "AT&T says x < y and <b>not bold</b>, 2 * 3 * 4 = 24; &amp; stays; a*b*c too." in text
        assert "Why is <i>this</i> & that important?" in text
        assert "**" not in text
    assert "Because <br/> is text" in inline_built.key.text


def test_bold_and_italic(inline_built):
    for pdf in (inline_built.student, inline_built.key):
        strong = {f.split("+", 1)[1] for f in pdf.fonts_of("Strong")}
        assert strong == {"DejaVuSans-Bold"}
        slanted = {f.split("+", 1)[1] for f in pdf.fonts_of("slanted")}
        assert slanted == {"DejaVuSans-Oblique"}
        start = {f.split("+", 1)[1] for f in pdf.fonts_of(" start and ")}
        assert start == {"DejaVuSans"}
        important = {f.split("+", 1)[1] for f in pdf.fonts_of("important")}
        assert important == {"DejaVuSans-Bold"}
        # '<b>' typed as text is not bold
        assert {f.split("+", 1)[1] for f in pdf.fonts_of("not bold")} == {"DejaVuSans"}


# -- inline.plain / inline.markup as functions ------------------------------------

@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="*`"), max_size=60))
def test_text_without_stars_or_backticks_is_left_alone(text):
    assert inline.plain(text) == text
    unescaped = inline.markup(text).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    assert unescaped == text
    assert "<" not in inline.markup(text) and ">" not in inline.markup(text)


@pytest.mark.parametrize("typed, shown", [
    ("**bold**", "bold"),
    ("*italic*", "italic"),
    ("a **b** and *c*", "a b and c"),
    ("2 * 3 * 4", "2 * 3 * 4"),
    ("a*b*c", "a*b*c"),
    ("** not bold **", "** not bold **"),
    ("x**2", "x**2"),
])
def test_plain(typed, shown):
    assert inline.plain(typed) == shown


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Co", "Zl", "Zp"), blacklist_characters="*`"),
               min_size=1, max_size=30))
def test_a_code_span_prints_its_text_in_the_monospace_font(text):
    # (backticks make code: docs/guide-format.md, Code; what is between them prints as typed, escaped, its spaces
    # kept as no-break spaces so that none is lost or broken at; a text holding private-use characters, which
    # inline.py uses as its own markers, keeps its backticks as typed, so those are left out here)
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace(" ", "\xa0")
    if text.strip() == text:  # (a span's own edge spaces are the code's)
        assert inline.plain(f"`{text}`") == text
        assert inline.markup(f"a `{text}` b").startswith("a <font face=\"SGMono\">")
        assert escaped in inline.markup(f"a `{text}` b")


def test_a_lone_backtick_prints_as_typed():
    assert (inline.plain("a ` b"), inline.markup("a ` b")) == ("a ` b", "a ` b")


def test_markup_makes_only_b_and_i():
    assert inline.markup("**A** & *b* <font>") == "<b>A</b> &amp; <i>b</i> &lt;font&gt;"


def test_text_with_nothing_to_escape_is_given_back_not_copied():
    """Every text a build prints is escaped; most hold no '&', '<' or '>'. A translation table copied each one,
    character by character (with the runs of bold and italic, 1.8 ms of a 4-unit build; 0.8 ms now)."""
    text = "The sun’s heat → water vapour, 100 °C"
    assert inline.escape(text) is text
    assert inline.escape("AT&T <b> & >") == "AT&amp;T &lt;b&gt; &amp; &gt;"


@pytest.mark.parametrize("typed, runs", [
    ("a **b** c", [("a ", False, False), ("b", True, False), (" c", False, False)]),
    ("**a** **b**", [("a", True, False), (" ", False, False), ("b", True, False)]),
    ("**a****b**", [("ab", True, False)]),  # (two bold runs with only their markers between are one run)
    ("***a*** *b*", [("a", True, True), (" ", False, False), ("b", False, True)]),
    ("\\*a\\*", [("*a*", False, False)]),
    ("", []),
])
def test_emphasis_is_read_as_runs(typed, runs):
    assert inline._styles(typed) == runs


def test_right_to_left_text_builds_without_a_warning(tmp_path):
    """Hebrew and Arabic are set in display order now (tests/test_fonts.py looks at the glyphs)."""
    path = write_guide(tmp_path, "g.yaml", """
        title: Greetings
        summary: "In Hebrew, hello is שלום."
        takeaways:
          - Plain English here.
        """)
    result = api.build(path, tmp_path / "out")
    assert result.warnings == []
