"""A ',' with no space after it in a list typed on one line ('[There is a shortage of 5,000 apartments, ...]').

YAML ends an item at every ',' inside [ ... ], so '5,000' became the choices '... of 5' and '000 apartments', the
key circled the letters typed for the intended choices, and validate said ok (trial round 13, finding 1). The
exact validate messages are data in tests/cases/errors/comma-in-a-number.*; here: build gives them too and writes
nothing, the advice followed prints what was meant, and lists where such a comma is plain separation still build.
"""
from __future__ import annotations

from conftest import CASES, build_into, cli_main, write_guide
from studyguide import api
from studyguide.model import SelectAll

CASE = CASES / "errors" / "comma-in-a-number.yaml"


def test_build_refuses_the_split_choices_with_validates_messages_and_writes_nothing(tmp_path):
    guide = tmp_path / "rent.yaml"
    guide.write_bytes(CASE.read_bytes())
    proc = cli_main("build", "rent.yaml", "-o", "out", cwd=tmp_path)
    expected = CASE.with_suffix(".expected").read_text(encoding="utf-8").replace("tests/cases/errors/comma-in-a-number",
                                                                                  "rent").splitlines()
    assert proc.returncode == 1
    assert proc.stderr.splitlines()[:len(expected)] == expected
    assert "Traceback" not in proc.stderr and proc.stdout == ""
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_the_choice_quoted_as_told_prints_whole_and_the_key_marks_the_letters_typed(tmp_path):
    text = CASE.read_text(encoding="utf-8")
    for typed in ("There is a shortage of 5,000 apartments", "Landlords supply 4,000 apartments", "[4,000", " 5,500"):
        text = text.replace(typed, typed[0] + f'"{typed[1:]}"' if typed[0] in "[ " else f'"{typed}"')
    text = text.replace("Set the ceiling,Measure", "Set the ceiling, Measure")  # the other advice: 2 items
    built = build_into(write_guide(tmp_path, "rent.yaml", text), tmp_path / "out")
    first = built.guide.questions[0]
    assert isinstance(first, SelectAll) and first.choices == (
        "There is a shortage of 5,000 apartments", "The rent is below equilibrium", "Landlords supply 4,000 apartments")
    assert first.answers == (0, 2)
    assert built.guide.questions[1].choices == ("4,000", "5,500", "7,000")
    assert ("A. There is a shortage of 5,000 apartments B. The rent is below equilibrium C. Landlords supply 4,000 "
            "apartments 2.") in built.student.text
    # the key's circled letters read back as 'A .': A and C, the letters typed, beside the choices meant
    assert ("A . There is a shortage of 5,000 apartments B. The rent is below equilibrium C . Landlords supply 4,000 "
            "apartments 2.") in built.key.text
    assert "A. 4,000 B . 5,500 C. 7,000" in built.key.text


def test_commas_that_only_separate_still_read_as_typed(tmp_path):
    """'[A,C]' answers, '[matching,crossword]', '[friday,vocab]' tags, and commas with a space after them."""
    path = write_guide(tmp_path, "ok.yaml", """
        title: Capitals
        activities: [matching,flashcards]
        vocabulary:
          - {term: capital, definition: "The city where a government sits."}
          - {term: border, definition: "The line between two countries."}
        questions:
          - type: select_all
            prompt: Which cities are capitals?
            choices: [Paris, Lyon, Rome, Milan]
            answer: [A,C]
            tags: [friday,vocab]
    """)
    guide = api.load(path)
    assert guide.activities == ("matching", "flashcards")
    assert guide.questions[0].choices == ("Paris", "Lyon", "Rome", "Milan") and guide.questions[0].answers == (0, 2)
    assert guide.questions[0].tags == ("friday", "vocab")


def test_words_glued_by_a_comma_are_the_items_typed_and_and_is_still_warned_of(tmp_path):
    """'[New York,Los Angeles]' was refused as 'read as 2 choices', with quotes as the first fix, which made one
    choice 'New York,Los Angeles': a comma glued between two words is a separator typed without its space (no
    text puts one there), so the items are read as typed and the 'and' after a comma is still warned of. (In a
    list that also types ', ', a glued comma beside a phrase is a slip: see the test after this one.)"""
    path = write_guide(tmp_path, "entente.yaml", """
        title: World War I
        questions:
          - type: multiple_choice
            prompt: Which countries formed the Triple Entente?
            choices: [Britain,Russia, and France]
            answer: A
          - type: multiple_choice
            prompt: Which city is larger?
            choices: [New York,Los Angeles]
            answer: A
          - type: ordering
            prompt: Put the steps in order.
            items: [Set the ceiling,Measure the shortage]
    """)
    proc = cli_main("validate", "entente.yaml", cwd=tmp_path)
    assert proc.returncode == 0
    assert proc.stderr.splitlines() == [
        "entente.yaml:5:31: warning: question 1.choices item 3: 'and France' is a choice of its own: in [ ... ] "
        "every ',' starts a new choice (leave out the 'and', or put a choice that holds commas in quotes)",
    ]
    built = build_into(path, tmp_path / "out")
    assert [q.choices if hasattr(q, "choices") else q.items for q in built.guide.questions] == [
        ("Britain", "Russia", "and France"), ("New York", "Los Angeles"), ("Set the ceiling", "Measure the shortage")]
    assert "A. New York B. Los Angeles" in built.student.text


def test_a_glued_comma_beside_a_phrase_in_a_list_that_also_types_comma_space_is_refused(tmp_path):
    """Hostile r14 finding 4: once glued words counted as two items, '[x = 1,y = 2, x = 2,y = 1]' printed four
    choices and '[Heat the water,then add salt, Stir, Serve]' four steps, silently (refused before). A list that
    separates with ', ' elsewhere and glues two phrases is a slip; '(1,2)' is a point whatever the list types (it
    printed '(1' and '2)', silently): each is an error at its ',' with the fix."""
    path = write_guide(tmp_path, "slips.yaml", """
        title: Slips
        questions:
          - type: multiple_choice
            prompt: Solve x + y = 3 and x - y = -1.
            choices: [x = 1,y = 2, x = 2,y = 1]
            answer: A
          - type: ordering
            prompt: Put the steps in order.
            items: [Heat the water,then add salt, Stir, Serve]
          - type: multiple_choice
            prompt: Which point is on the line y = 2x?
            choices: [(1,2), (2,1), (3,5)]
            answer: A
          - type: multiple_choice
            prompt: Where is it?
            choices: [Paris,France, Lyon]
            answer: A
    """)
    proc = cli_main("validate", "slips.yaml", cwd=tmp_path)
    head = ("in [ ... ] every ',' starts a new {0}, even with no space after it; if it is one {0}, put it in quotes "
            "(\"{1}\") or write each {0} on a line of its own after '- '; if you meant 2 {0}s, type a space after the "
            "','")
    assert proc.returncode == 1 and proc.stdout == ""
    assert proc.stderr.splitlines() == [
        "slips.yaml:5:20: question 1.choices: 'x = 1,y = 2' is read as 2 choices, 'x = 1' and 'y = 2': "
        + head.format("choice", "x = 1,y = 2") + " (this list has 1 more such ',', the next at line 5 column 33: fix "
        "it the same way)",
        "slips.yaml:9:27: question 2.items: 'Heat the water,then add salt' is read as 2 items, 'Heat the water' and "
        "'then add salt': " + head.format("item", "Heat the water,then add salt"),
        "slips.yaml:12:17: question 3.choices: '(1,2)' is read as 2 choices, '(1' and '2)': in [ ... ] every ',' "
        "starts a new choice, even with no space after it; put each choice holding a ',' in quotes (\"(1,2)\") or "
        "write each on a line of its own after '- ' (this list has 2 more such ',', the next at line 12 column 24: "
        "fix each the same way)"]
    # the fix followed: the points quoted print whole, and the key marks the letter typed
    fixed = path.read_text(encoding="utf-8").replace("x = 1,y = 2, x = 2,y = 1", '"x = 1,y = 2", "x = 2,y = 1"')
    fixed = fixed.replace("Heat the water,then", "Heat the water, then").replace(
        "[(1,2), (2,1), (3,5)]", '["(1,2)", "(2,1)", "(3,5)"]')
    built = build_into(write_guide(tmp_path, "fixed.yaml", fixed), tmp_path / "out")
    assert "A. (1,2) B. (2,1) C. (3,5)" in built.student.text
    assert "A. x = 1,y = 2 B. x = 2,y = 1" in built.student.text
    assert [q.choices if hasattr(q, "choices") else q.items for q in built.guide.questions][3] == (
        "Paris", "France", "Lyon")


def test_numbers_and_words_typed_with_bare_commas_build_as_the_items_typed(tmp_path):
    """'[1,2,3,4]', '[1914,1918,1939,1945]' and '[0.5,0.75,1.5]' built before the glued-comma check and were then
    refused, with advice (quote it) that made one choice of four (hostile round 13, finding 1). A comma with no
    space is an error only where it is almost surely inside an item; these are read as typed, with no message."""
    path = write_guide(tmp_path, "primes.yaml", """
        title: Numbers
        activities: [matching,flashcards]
        questions:
          - {type: select_all, prompt: Which are prime?, choices: [1,2,3,4], answer: [B,C]}
          - {type: multiple_choice, prompt: When did WWI end?, choices: [1914,1918,1939,1945], answer: B}
          - {type: ordering, prompt: Order them., items: [0.5,0.75,1.5]}
          - {type: multiple_choice, prompt: A colour?, choices: [red,green,blue,100,200], answer: A}
          - {type: multiple_choice, prompt: How many?, choices: [10,20, 30, 40], answer: A}
    """)
    proc = cli_main("validate", "primes.yaml", cwd=tmp_path)
    assert (proc.returncode, proc.stderr) == (0, ""), proc.stderr
    guide = api.load(path)
    assert [q.choices if hasattr(q, "choices") else q.items for q in guide.questions] == [
        ("1", "2", "3", "4"), ("1914", "1918", "1939", "1945"), ("0.5", "0.75", "1.5"),
        ("red", "green", "blue", "100", "200"), ("10", "20", "30", "40")]


def test_one_error_per_list_naming_two_items_and_the_flow_mappings_whole_text(tmp_path):
    """A list of 990 glued pieces wrote every item into each message (1.2 MB of stderr for 150 such lists,
    finding 6); '{definition: ... 1,000,000 people}' was cut at its first ',' in the fix (finding 7); a quoted
    '"5"' glued to '000 apartments' slipped past (finding 8)."""
    many = "About 1" + ",000" * 989 + " people"
    path = write_guide(tmp_path, "flood.yaml", f"""
        title: Cities
        vocabulary:
          - {{term: metropolis, definition: A city of more than 1,000,000 people}}
          - {{term: town, definition: A small place}}
        questions:
          - {{type: ordering, prompt: Order., items: [{many}]}}
          - {{type: multiple_choice, prompt: How many?, choices: ["5",000 apartments, none], answer: A}}
          - {{type: multiple_choice, prompt: How many?, choices: [1,000, 5,000, 9], answer: A}}
    """)
    proc = cli_main("validate", "flood.yaml", cwd=tmp_path)
    assert proc.returncode == 1 and proc.stdout == ""
    head = ("in [ ... ] every ',' starts a new {0}, even with no space after it; if it is one {0}, put it in quotes "
            "(\"{1}\") or write each {0} on a line of its own after '- '; if you meant {2} {0}s, type a space after ")
    assert proc.stderr.splitlines() == [
        "flood.yaml:3:58: vocabulary item 1: the ',' in the text of 'definition' ends it inside { ... }, so '000' "
        "is read as a key; put the whole text in quotes: definition: \"A city of more than 1,000,000 people\"",
        "flood.yaml:6:53: question 1.items: 'About 1,000,000,000,000,000,000,000,000,000,000,000,000,000…' is read "
        "as 990 items, 'About 1', '000' and 988 more: "
        + head.format("item", "About 1,000,000,000,000,000,000,000,000,000,000,000,000,000…", 990) + "each ','",
        "flood.yaml:7:61: question 2.choices: '5,000 apartments' is read as 2 choices, '5' and '000 apartments': "
        + head.format("choice", "5,000 apartments", 2) + "the ','",
        "flood.yaml:8:59: question 3.choices: '1,000' is read as 2 choices, '1' and '000': "
        + head.format("choice", "1,000", 2) + "the ',' (this list has 1 more such ',', the next at line 8 "
        "column 66: fix it the same way)",
    ]
