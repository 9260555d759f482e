"""A newcomer's mistakes from the first-hour trial (2026-12-04), each message followed as
it says. The exact messages are data in tests/cases/errors (the case each test reads); here a teacher
does what the message says, and the guide then reads and prints what was meant, with no second message
that undoes the first.
"""
from __future__ import annotations

import re

import pytest

from conftest import CASES, build_into, write_guide
from studyguide import api
from studyguide.errors import GuideError

ERRORS = CASES / "errors"


def _problems(path):
    with pytest.raises(GuideError) as exc:
        api.load(path)
    return [(p.where.line, p.where.col, p.message) for p in exc.value.problems]


def _lines(case: str) -> list[str]:
    return (ERRORS / f"{case}.yaml").read_text(encoding="utf-8").split("\n")


def _save(tmp_path, case: str, lines: list[str]):
    path = tmp_path / f"{case}.yaml"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _told_to_delete(message: str) -> list[int]:
    """The line numbers a chat message names after 'delete it' ('the ``` on lines 3 and 10, and line 12')."""
    return [int(n) for n in re.findall(r"\d+", message.split("delete it", 1)[1])]


def _delete_as_told(tmp_path, case: str, lines: list[str] | None = None):
    lines = lines if lines is not None else _lines(case)
    path = _save(tmp_path, case + "-as-typed", lines)
    ((line, col, message),) = _problems(path)
    assert col == 1
    gone = {line, *_told_to_delete(message)}
    return _save(tmp_path, case, [text for n, text in enumerate(lines, 1) if n not in gone])


@pytest.mark.parametrize("case", ["chatbot-fence", "chatbot-words", "chatbot-intro", "chatbot-words-no-fence"])
def test_a_chatbots_answer_saved_whole_builds_once_its_lines_are_deleted_as_told(tmp_path, case):
    built = build_into(_delete_as_told(tmp_path, case), tmp_path / "out")
    assert built.guide.title == "The water cycle"
    assert [q.prompt for q in built.guide.questions] == ["Where does rain come from?"]
    for pdf in (built.student, built.key):
        assert "The water cycle" in pdf.pages[0] and "Where does rain come from?" in pdf.text
        assert "`" not in pdf.text and "chang" not in pdf.text and "help" not in pdf.text


def test_a_chatbots_answer_pasted_under_the_reading_is_found_there(tmp_path):
    # docs/from-an-article.md: 'studyguide new --reading' starts the file, the chatbot's answer goes under it
    lines = ["title: The water cycle", "reading:", "  text: |", "    Rain falls from clouds.", "",
             "Sure! Here is the study guide:", "", "```yaml", "summary: Water moves in a loop.", "questions:",
             "  - type: short_answer", "    prompt: Where does rain come from?", "    answer: Clouds", "```"]
    path = _save(tmp_path, "pasted", lines)
    assert _problems(path) == [(6, 1, "this line is the chatbot's own words, not part of the guide: delete it "
                                      "(and the ``` on lines 8 and 14)")]
    guide = api.load(_delete_as_told(tmp_path, "pasted", lines))
    assert guide.summary == ("Water moves in a loop.",) and guide.questions[0].prompt == "Where does rain come from?"


def test_chat_words_and_fences_inside_a_guides_text_are_its_text(tmp_path):
    text = """
        title: Writing to a chatbot
        summary: |
          Sure! Here is what a chatbot answers:
          ```yaml
          title: ...
          ```
          Let me know if you want changes!
        questions:
          - type: short_answer
            prompt: What does the chatbot put around its answer?
            answer: Its own words
    """
    guide = api.load(write_guide(tmp_path, "legit.yaml", text))
    # (kept whole: the ``` lines make a program block, printed as typed: docs/guide-format.md, Code)
    assert guide.summary == ("Sure! Here is what a chatbot answers:", "```yaml\ntitle: ...\n```",
                             "Let me know if you want changes!")
    # the same guide with a mistake elsewhere is told that mistake, not to delete its text
    broken = write_guide(tmp_path, "broken.yaml", text.replace("prompt: What", "prompt What"))
    assert [p[:2] for p in _problems(broken)] == [(10, 5)]
    assert "write 'prompt: What does" in _problems(broken)[0][2] and "delete" not in _problems(broken)[0][2]


def test_a_teachers_own_line_before_the_guide_is_not_called_the_chatbots(tmp_path):
    path = write_guide(tmp_path, "notes.yaml", """
        Water cycle notes:
        title: The water cycle
        questions:
          - type: short_answer
            prompt: Where does rain come from?
    """)
    ((line, col, message),) = _problems(path)
    assert (line, col) == (1, 1) and message.startswith("guide: unknown key 'Water cycle notes'")


def test_text_after_the_pipe_moved_to_the_next_line_prints_without_it(tmp_path):
    ((line, col, message),) = _problems(ERRORS / "pipe-text-on-its-line.yaml")
    assert "move 'Water moves between the ocean…' to the next line, indented under 'summary: |'" in message
    lines = _lines("pipe-text-on-its-line")
    key = lines[line - 1][:col - 1]
    lines[line - 1:line] = [key.rstrip(), "  " + lines[line - 1][col - 1:]]  # indented under 'summary: |'
    built = build_into(_save(tmp_path, "pipe", lines), tmp_path / "out")
    assert built.guide.summary == ("Water moves between the oceans, the air and the land. The sun heats the water "
                                   "so it evaporates.",)
    assert "Water moves between the oceans" in built.student.pages[0] and "|" not in built.student.text


def test_italics_with_a_colon_at_the_start_quoted_as_told_print_in_italics(tmp_path):
    ((line, col, message),) = _problems(ERRORS / "italic-colon-first.yaml")
    assert message == _problems(write_guide(tmp_path, "no-colon.yaml", """
        title: The water cycle
        questions:
          - type: short_answer
            prompt: *Think* why do puddles dry up?
    """))[0][2]  # the advice a '*' text gets without the ':'
    lines = _lines("italic-colon-first")
    lines[line - 1] = lines[line - 1][:col - 1] + '"' + lines[line - 1][col - 1:] + '"'
    built = build_into(_save(tmp_path, "italic", lines), tmp_path / "out")
    assert built.guide.questions[0].prompt == "*Think:* why do puddles dry up faster on a hot day?"
    assert "Think: why do puddles dry up faster" in built.student.text and "*" not in built.student.text
    assert all("Italic" in font or "Oblique" in font for font in built.student.fonts_of("Think:"))


def test_text_that_starts_with_a_dash_or_question_mark_quoted_as_told(tmp_path):
    problems = _problems(ERRORS / "text-starts-with-dash.yaml")
    assert [p[:2] for p in problems] == [(4, 13), (7, 13)]
    assert not [p for p in problems if "YAML syntax" in p[2]]
    lines = _lines("text-starts-with-dash")
    for line, col, _ in problems:
        lines[line - 1] = lines[line - 1][:col - 1] + '"' + lines[line - 1][col - 1:] + '"'
    built = build_into(_save(tmp_path, "dash", lines), tmp_path / "out")
    assert [q.prompt for q in built.guide.questions] == ["- 40 °C is how cold?", "? Where does rain come from"]
    assert "- 40 °C is how cold?" in built.student.text


def test_a_list_item_on_its_keys_line_moved_down_as_told(tmp_path):
    ((line, col, message),) = _problems(ERRORS / "list-item-on-key-line.yaml")
    assert message.startswith("a list's items go on the lines below its key") and "under 'objectives:'" in message
    lines = _lines("list-item-on-key-line")
    lines[line - 1:line] = [lines[line - 1][:col - 1].rstrip(), "  " + lines[line - 1][col - 1:]]
    assert api.load(_save(tmp_path, "list", lines)).objectives == (
        "Name the four stages of the water cycle.", "Explain what the sun's energy does.")


def test_a_key_typed_with_equals_or_a_dash_written_as_told_prints_without_it(tmp_path):
    lines = _lines("key-with-equals")
    for line, col, message in _problems(ERRORS / "key-with-equals.yaml"):
        lines[line - 1] = re.search(r"\(write '(.*)'\)$", message)[1]
    built = build_into(_save(tmp_path, "equals", lines), tmp_path / "out")
    assert (built.guide.title, built.guide.subtitle) == ("The water cycle", "Where rain comes from")
    first = built.student.pages[0]
    assert "The water cycle" in first and "Where rain comes from" in first
    assert "= The" not in first and "- Where" not in first


def test_a_question_at_column_one_indented_as_told_reads_and_a_half_fix_is_told_the_rest(tmp_path):
    case = "question-at-column-one"
    ((line, col, message),) = _problems(ERRORS / f"{case}.yaml")
    assert (line, col) == (6, 1) and message.endswith("indent this line and the lines under it 2 spaces more)")
    lines = _lines(case)
    lines[5:8] = ["  " + text for text in lines[5:8]]  # line 6 and the two lines under it
    guide = api.load(_save(tmp_path, case, lines))
    assert [q.prompt for q in guide.questions] == ["Where does rain come from?", "Snow is a kind of precipitation."]
    assert [t.term for t in guide.vocabulary] == ["runoff"]

    # only the '- ' moved: told to move the lines under it, not to move 'type' back
    half = _lines(case)
    half[5] = "  " + half[5]
    assert _problems(_save(tmp_path, "half", half)) == [(7, 3, (
        "this line is indented differently from the lines around it (line up the keys that belong together: start 'prompt' "
        "and the lines under it in the same column as 'type' above)"))]
    half[6:8] = ["  " + text for text in half[6:8]]
    assert [q.prompt for q in api.load(_save(tmp_path, "half", half)).questions] == [
        "Where does rain come from?", "Snow is a kind of precipitation."]


def test_keys_under_a_dash_in_its_column_moved_as_told_read(tmp_path):
    case = "question-keys-under-dash"
    ((line, col, message),) = _problems(ERRORS / f"{case}.yaml")
    assert (line, col) == (7, 3)
    lines = _lines(case)
    lines[6:8] = ["  " + text for text in lines[6:8]]  # 'prompt' and the line under it, under 'type'
    assert [q.prompt for q in api.load(_save(tmp_path, case, lines)).questions] == [
        "Where does rain come from?", "Snow is a kind of precipitation.", "What makes water evaporate?"]


def test_curly_quotes_made_straight_as_told_keep_the_whole_text(tmp_path):
    ((line, col, message),) = _problems(ERRORS / "curly-quotes-item.yaml")
    assert "curly quotes “ ” are not quotes to YAML" in message
    lines = _lines("curly-quotes-item")
    lines[line - 1] = lines[line - 1].replace("“", '"').replace("”", '"')
    built = build_into(_save(tmp_path, "curly", lines), tmp_path / "out")
    assert built.guide.objectives[1] == "Explain transpiration: how plants give off water."
    assert "Explain transpiration: how plants give off water." in built.student.text


def test_a_hash_in_a_list_is_named_and_quoted_as_told_the_item_prints_whole(tmp_path):
    """'[Name the stages, Explain stage #2 (condensation), Draw the cycle]': YAML reads ' #2 ...' as a comment,
    the list's ']' with it. The message names the comment and shows the list with the item quoted; typed as
    shown, the item prints whole."""
    lines = _lines("hash-in-flow-list")
    problems = _problems(_save(tmp_path, "as-typed", lines))
    assert [(line, col) for line, col, _ in problems] == [(2, 45), (7, 21)]
    for line, col, message in problems:
        assert lines[line - 1][col - 2:col] == " #" and "' #' starts a comment, which YAML leaves out" in message
        fixed = message.split("put the item in double quotes: ", 1)[1]
        assert fixed.replace('"', "") in lines[line - 1]
        lines[line - 1] = lines[line - 1].replace(fixed.replace('"', ""), fixed)
    built = build_into(_save(tmp_path, "hash-in-flow-list", lines), tmp_path / "out")
    assert built.guide.objectives[1] == "Explain stage #2 (condensation)"
    assert built.guide.questions[0].choices == ("Evaporation", "Condensation", "Precipitation #3")
    assert not built.result.warnings
    assert "Explain stage #2 (condensation)" in built.student.text and "Precipitation #3" in built.key.text


@pytest.mark.parametrize("case, key", [("summary-under-key-with-colon", "summary"),
                                       ("summary-paragraphs-with-colon", "summary"),
                                       ("prompt-under-key-with-colon", "prompt")])
def test_text_under_its_key_with_a_colon_reads_as_typed_once_the_key_gets_its_bar(tmp_path, case, key):
    # a fresh teacher's trial (r7, M1): told "write 'Water evaporates: |'" before, which broke the guide again
    ((line, col, message),) = _problems(ERRORS / f"{case}.yaml")
    told = re.search(r"write '(\w+): \|'", message)[1]
    assert told == key
    lines = [re.sub(rf"^(\s*){key}:$", rf"\1{key}: |", text) for text in _lines(case)]
    guide = api.load(_save(tmp_path, case, lines))
    text = " ".join(guide.summary) if key == "summary" else guide.questions[0].prompt  # (summary: its paragraphs)
    said = _lines(case)[line - 1].strip()
    assert said in text and ": " in said
