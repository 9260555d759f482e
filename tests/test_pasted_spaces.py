"""A space pasted from Word, Google Docs or a web page right after a key's ':' or a list's '-' (first-hour trial r11,
finding 1): 'answer:<U+00A0>Drought' looked right and got "this line has no ':' after its key", or a message about
the line after it. It is read as the space it looks like, with one warning at its line and column; in indentation
(how wide it is there is a guess) it stays a located mistake, and inside text it stays a letter of the text.
"""
from __future__ import annotations

import pytest

from conftest import build_into, cli_main, norm, page_texts
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
    done = cli_main("validate", path)
    assert done.returncode == 0
    assert done.stderr.splitlines()[0] == (f"{path}:12:12: warning: an invisible non-breaking space "
                                           + FIX.format("'answer:'"))


PASTED_ITEMS = """title: Cells
subject: Biology
takeaways:
  - Types:\u00a0prokaryote and eukaryote.
  - Example:\u00a0a red blood cell has no nucleus.
  - example:\u00a0a nerve cell is long.
  - Definition:\u00a0a cell is the unit of life.
questions:
  - type: multiple_choice
    prompt: Which city is a capital?
    choices:
      - choice:\u00a0Paris
      - Example:\u00a0Lyon
    answer: Paris
  - type: short_answer
    prompt: Why are the reservoirs low?
    answer: Drought.
"""
TAKEAWAYS = ("Types:\u00a0prokaryote and eukaryote.", "Example:\u00a0a red blood cell has no nucleus.",
             "example:\u00a0a nerve cell is long.", "Definition:\u00a0a cell is the unit of life.")


def test_an_item_text_that_starts_with_a_key_word_stays_text_when_the_file_reads(tmp_path):
    """Review r11 finding 3: '- Example:<U+00A0>…' pasted into takeaways built at 08782ac, and then failed with
    "put this takeaway in quotes": 'Example' is close to the vocabulary key 'example'. A takeaway has no keys, so it
    stays text; 'choice' is a choice's own key, so '- choice:<U+00A0>Paris' is still read as one."""
    path = tmp_path / "cells.yaml"
    path.write_text(PASTED_ITEMS, encoding="utf-8")
    built = build_into(path, tmp_path / "out")
    assert built.guide.takeaways == TAKEAWAYS
    assert built.guide.questions[0].choices == ("Paris", "Example:\u00a0Lyon")
    assert _warned(built.guide) == [(12, 16, "an invisible non-breaking space " + FIX.format("'choice:'"))]
    page = norm(page_texts(built.student.data)[0])
    for line in ("Types: prokaryote and eukaryote.", "Example: a red blood cell has no nucleus.",
                 "example: a nerve cell is long.", "Definition: a cell is the unit of life.", "Example: Lyon"):
        assert line in page


def test_in_a_file_that_only_reads_with_the_space_an_item_text_still_stays_text(tmp_path):
    """The first-hour case ('answer:<U+00A0>Drought' makes the file unreadable) is read as the key it looks like;
    the takeaways and the choice that read as text before stay text, and only the key lines are warned of."""
    text = PASTED_ITEMS.replace("answer: Drought", "answer:\u00a0Drought")
    guide = _load(tmp_path, text)
    assert guide.questions[1].answer == "Drought."
    assert guide.takeaways == TAKEAWAYS
    assert guide.questions[0].choices == ("Paris", "Example:\u00a0Lyon")
    assert _warned(guide) == [(12, 16, "an invisible non-breaking space (from Word, Google Docs or a web page) "
                                       "follows 'choice:'; it is read as a space here (type a normal space there; "
                                       "the same on line 17)")]


def test_a_block_keeps_its_odd_spaces_when_the_file_only_reads_with_the_space(tmp_path):
    """Review r11 finding 4: with the file unreadable, 'Note:<U+00A0>' and '-<U+00A0>' inside a '|' block were made
    spaces too; they are the block's text, as they are when the file reads."""
    text = GUIDE.replace("answer: Drought", "answer:\u00a0Drought").replace(
        "    prompt: Give two reasons the reservoirs are low.\n",
        "    prompt: |\n      Note:\u00a0give two reasons.\n      -\u00a0one from farms\n")
    guide = _load(tmp_path, text)
    assert guide.questions[1].prompt == "Note:\u00a0give two reasons.\n-\u00a0one from farms"
    assert guide.questions[1].answer == "Drought and heavy use by farms and cities."
    assert _warned(guide) == [(14, 12, "an invisible non-breaking space " + FIX.format("'answer:'"))]
