"""A space pasted from Word, Google Docs or a web page right after a key's ':' or a list's '-' (first-hour trial r11,
finding 1): 'answer:<U+00A0>Drought' looked right and got "this line has no ':' after its key", or a message about
the line after it. It is read as the space it looks like, with one warning at its line and column; in indentation
(how wide it is there is a guess) it stays a located mistake, and inside text it stays a letter of the text.
"""
from __future__ import annotations

import pytest

from conftest import run_cli
from studyguide import api
from studyguide.errors import GuideError

GUIDE = """title: The Water Cycle
subject: Science
objectives:
  - Describe the water cycle.
  - Explain a drought.
questions:
  - type: true_false
    prompt: Lake Mead is a reservoir.
    answer: true
  - type: short_answer
    prompt: Give two reasons the reservoirs are low.
    answer: Drought and heavy use by farms and cities.
"""
NAMES = {"\u00a0": "non-breaking space", "\u2007": "figure space", "\u202f": "narrow non-breaking space",
         "\u3000": "full-width space", "\u200b": "zero-width space", "\ufeff": "zero-width no-break space"}
FIX = "(from Word, Google Docs or a web page) follows {}; it is read as a space here (type a normal space there)"


def _load(tmp_path, text):
    path = tmp_path / "water.yaml"
    path.write_text(text, encoding="utf-8")
    return api.load(path)


def _warned(guide):
    return [(w.where.line, w.where.col, w.message) for w in guide.warnings]


@pytest.mark.parametrize("odd", list(NAMES))
@pytest.mark.parametrize("typed, line, col, follows", [
    ("title: The", 1, 7, "'title:'"),                    # the first line: the message was about line 2
    ("    answer: Drought", 12, 12, "'answer:'"),        # the message was "no ':' after its key"
    ("  - type: short", 10, 4, "the '-' of this list item"),
    ("  - Explain", 5, 4, "the '-' of this list item"),
])
def test_an_odd_space_after_a_key_or_a_dash_is_read_as_a_space_and_warned(tmp_path, odd, typed, line, col, follows):
    at = typed.index(":") + 1 if typed.strip()[0] != "-" else typed.index("-") + 1
    text = GUIDE.replace(typed, typed[:at] + odd + typed[at + 1:], 1)
    assert text != GUIDE
    guide = _load(tmp_path, text)
    assert _warned(guide) == [(line, col, f"an invisible {NAMES[odd]} " + FIX.format(follows))]
    plain = _load(tmp_path, GUIDE)
    assert (guide.title, guide.objectives, guide.questions) == (plain.title, plain.objectives, plain.questions)


def test_a_file_yaml_reads_with_the_space_as_a_letter_is_read_as_it_looks(tmp_path):
    """'-<U+00A0>Explain' as a list's only item parses, as the text '-\\u00a0Explain ...', not as a list."""
    guide = _load(tmp_path, "title: T\nobjectives:\n  -\u00a0Explain a drought.\n")
    assert guide.objectives == ("Explain a drought.",)
    assert _warned(guide) == [(3, 4, "an invisible non-breaking space " + FIX.format("the '-' of this list item"))]


def test_odd_spaces_inside_text_are_letters_and_get_no_warning(tmp_path):
    text = ("title: T\nsummary: |\n  Note:\u00a0this is text.\n  -\u00a0and so is this.\n"
            "objectives:\n  - Explain:\u00a0a drought.\n")
    guide = _load(tmp_path, text)
    assert guide.objectives == ("Explain:\u00a0a drought.",)
    assert guide.warnings == ()


def test_many_lines_get_one_warning_naming_them(tmp_path):
    text = GUIDE.replace("prompt: ", "prompt:\u00a0").replace("answer: Drought", "answer:\u00a0Drought")
    assert _warned(_load(tmp_path, text)) == [
        (8, 12, "an invisible non-breaking space (from Word, Google Docs or a web page) follows 'prompt:'; it is "
                "read as a space here (type a normal space there; the same on lines 11 and 12)")]


def test_with_a_mistake_elsewhere_the_warning_and_the_mistake_are_both_said(tmp_path):
    """A non-breaking space in indentation is still a mistake, at its column; the one after 'answer:' is named too."""
    text = GUIDE.replace("    answer: Drought", "    answer:\u00a0Drought").replace("    prompt: Give", "  \u00a0 prompt: Give")
    with pytest.raises(GuideError) as exc:
        _load(tmp_path, text)
    assert [(p.where.line, p.where.col, p.warning, p.message) for p in exc.value.problems] == [
        (11, 3, False, "this line has a non-breaking space in its indentation, at column 3 (an invisible character "
                       "from a word processor); retype the spaces"),
        (12, 12, True, "an invisible non-breaking space " + FIX.format("'answer:'"))]


def test_validate_says_where_and_builds_nothing_wrong(tmp_path):
    path = tmp_path / "water.yaml"
    path.write_text(GUIDE.replace("answer: Drought", "answer:\u00a0Drought"), encoding="utf-8")
    done = run_cli("validate", path)
    assert done.returncode == 0
    assert done.stderr.splitlines()[0] == (f"{path}:12:12: warning: an invisible non-breaking space "
                                           + FIX.format("'answer:'"))
