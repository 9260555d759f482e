"""Numbers as a math teacher writes them (trial r7 L4, L5, L6): a word bank of numbers in increasing order,
room for the working on a numeric word problem, and a warning on a bank that lists only its blanks' answers."""
from __future__ import annotations

import re

import pytest

from conftest import Pdf, made_once_in, write_guide
from studyguide import api, budget

BAKING = """\
    title: Baking for the Bake Sale
    questions:
      - type: fill_in_blank
        prompt: A batch of 24 cookies needs 2 cups of flour, so 4 cups make [[48]] cookies.
        word_bank: true
      - type: fill_in_blank
        prompt: Half of 3 cups is [[1 ½]] cups.
      - type: fill_in_blank
        prompt: 3 batches of 3 cups is [[9]] cups.
      - type: fill_in_blank
        prompt: 100 cookies less 75 sold leaves [[25]].
      - type: short_answer
        prompt: Cookies sell for 3 for $1.50. How much do 12 cookies cost?
        answer: $6.00
      - type: short_answer
        prompt: A batch needs 1 ½ sticks of butter. How many sticks do 4 batches need?
        answer: 6 sticks
      - type: short_answer
        prompt: A 1.0 mol sample of glucose is fully oxidized. How many moles of CO₂ are produced?
        answer: 6 mol CO₂
      - type: short_answer
        prompt: At what temperature does water boil at sea level?
        answer: 100 °C
      - type: short_answer
        prompt: In what year did the bake sale start?
        answer: "1998"
      - type: fill_in_blank
        prompt: The ratio of 8 cups to [[9]] cups is [[8]] to 9.
        word_bank: true
    """


@pytest.fixture(scope="module")
def baking(tmp_path_factory):
    """(built by one xdist worker of the run, read by both: conftest.made_once_in)"""
    folder, result = made_once_in(tmp_path_factory, f"test_amounts.baking {BAKING!r}",
                                  lambda folder: api.build(write_guide(folder, "baking.yaml", BAKING), folder / "out"))
    path = folder / "baking.yaml"
    return path, api.load(path), Pdf(result.outputs[0].path)


def test_a_bank_of_numbers_is_in_increasing_order(baking):
    """'Word bank: 1 ½ · 25 · 48 · 9' was sorted as text (the three numbers beside 48 are other blanks')."""
    _, _, handout = baking
    assert "Word bank: 1 ½ · 8 · 25 · 48" in handout.text


def test_a_bank_of_words_or_mixed_units_stays_alphabetical():
    from studyguide.amounts import amount, ascending

    assert ascending(["oxygen", "2", "9"]) is None and ascending(["2 cups", "9 sticks"]) is None
    assert ascending(["36 ATP", "2 ATP", "4 ATP"]) == [1, 2, 0]
    assert [float(amount(t)[0]) for t in ("1 ½", "9⁄20", "1 1/2 cups", "$6.00", "−4 °C", "2,880 kJ", ".5")] == \
        [1.5, 0.45, 1.5, 6, -4, 2880, 0.5]
    assert amount("18th century") is None and amount("1:2") is None


def test_a_numeric_word_problem_gets_room_for_its_working(baking):
    """'$6.00', '6 sticks' and '6 mol CO₂' got one line and 'Write your answer on the line.' although the docs
    list '$20' among answers that ask for the working; a fact recalled ('100 °C', a year) keeps its one line."""
    _, guide, handout = baking
    lines = {q.prompt.split("?")[0][-30:]: q.lines for q in guide.questions if q.kind == "short_answer"}
    assert list(lines.values()) == [2, 2, 2, 1, 1]
    assert "Questions 5–7: Show your work and write the answer on the lines." in handout.text
    assert "Questions 8–9: Write your answer on the line." in handout.text


def test_a_bank_of_two_blanks_gets_a_spare_number_and_one_of_three_is_warned_about(baking, tmp_path):
    """'Word bank: 8 · 9' for 'The ratio of 8 cups to [[9]] cups is [[8]] to 9.' held the two answers alone: a
    student who knew one was given the other. It gets a spare, another blank's number (a word would give the
    numbers away), in increasing order, the same on every build; a bank of three blanks is still warned about."""
    path, guide, handout = baking
    bank = re.findall(r"Word bank: ([\d½ ]+?(?: · [\d½ ]+?)*) (?=[A-Z])", handout.text)[-1]  # (question 10's)
    words = bank.split(" · ")
    assert len(words) == 3 and {"8", "9"} < set(words) and set(words) - {"8", "9"} <= {"1 ½", "25", "48"}, bank
    assert words == sorted(words, key=lambda w: float(w.replace(" ½", ".5"))), bank
    again = api.build(path, tmp_path / "again")
    assert again.outputs[0].path.read_bytes() == (path.parent / "out" / "baking.pdf").read_bytes()
    assert [str(f) for r in budget.check([path]) for f in r.findings] == [  # (trial r11: a bank gives a recalled blank away)
        f"{path}:3:5: warning: question 1: its word bank prints '1 ½' and '25', the answers to question 2 and question "
        "4, which have no word bank: the bank gives them away (add blanks answered by numbers, give questions 2 and 4 "
        "'word_bank: true' too, or leave out this question's 'word_bank')"]
    three = write_guide(tmp_path, "three.yaml", BAKING.replace(
        "The ratio of 8 cups to [[9]] cups is [[8]] to 9.", "Count [[1]], [[2]] and [[3]]."))
    assert [r.error for r in budget.check([three])] == [None]
    found = [str(f) for r in budget.check([three]) for f in r.findings]
    assert found == [f"{three}:27:5: warning: question 10: its word bank holds only the 3 answers of its blanks "
                     "(1 · 2 · 3), so a student who knows two is given the last; split it into questions of one "
                     "blank each (each gets a bank of four words), or leave out 'word_bank'"]
    four = write_guide(tmp_path, "four.yaml", BAKING.replace(  # (its prompt no longer opens with '[': it was
        "The ratio of 8 cups to [[9]] cups is [[8]] to 9.", "Count [[1]], [[2]], [[3]] and [[4]]."))  # not read)
    assert [(r.error, r.findings) for r in budget.check([four])] == [(None, [])]


RECALL = """\
    title: Human body review
    questions:
      - type: short_answer
        prompt: Look at Figure 2. How many bones does an adult human have?
        answer: "206"
      - type: short_answer
        prompt: In paragraph 3, how many chambers does the heart have?
        answer: "4"
      - type: short_answer
        prompt: What is the largest organ of the body?
        answer: skin
    """


def test_a_figure_or_paragraph_number_does_not_make_a_word_problem(tmp_path):
    """Review r7 M3: 'Look at Figure 2. How many bones…' → 206 and 'In paragraph 3, how many chambers…' → 4 got
    "Show your work" and two lines each: any digit in the prompt counted. A reference to a place is no amount."""
    path = write_guide(tmp_path, "recall.yaml", RECALL)
    guide = api.load(path)
    assert [q.lines for q in guide.questions] == [1, 1, 1]
    handout = Pdf(api.build(path, tmp_path / "out").outputs[0].path)
    assert "Questions 1–3: Write your answer on the line." in handout.text
    assert "Show your work" not in handout.text


def test_a_prompt_gives_amounts_only_as_quantities():
    from studyguide.amounts import given

    assert not any(given(p) for p in ("Read Lines 16–20. How many times does the bell ring?", "In 1776, how many "
                                      "colonies declared independence?", "Question 4: how many legs has an insect?",
                                      "In Chapter 3, how many brothers does Jo have?"))
    assert all(given(p) for p in ("A car goes 60 km in 2 hours. How fast is it?", "A rock falls for 3 s. How far?",
                                  "See Figure 2. A box holds 12 eggs. How many eggs are in 5 boxes?"))


MONEY = """\
    title: Brazil's economy
    paper: a4
    questions:
      - type: short_answer
        prompt: At R$5.00 to US$1, what is US$53.2 bn of soybeans worth in reais?
        answer: R$266 bn
      - type: short_answer
        prompt: A ticket costs €5 and a programme 2 €. What do both cost?
        answer: 7 €
      - type: short_answer
        prompt: A scarf costs £3.20. What do three scarves cost?
        answer: £9.60
      - type: short_answer
        prompt: A bowl of ramen is ¥800 and a drink ¥150. What is the bill?
        answer: ¥950
      - type: short_answer
        prompt: A train ticket is ₹ 300 for one. What do four cost?
        answer: ₹1,200
      - type: short_answer
        prompt: A coffee costs CHF 5 in Zurich. What do two cost?
        answer: CHF 10
      - type: short_answer
        prompt: A firm earned $12m and spent $4.5m. What was its profit?
        answer: $7.5m
      - type: short_answer
        prompt: What currency does Brazil use?
        answer: the real
    """


def test_money_in_any_currency_makes_a_word_problem(tmp_path):
    """Trial r8 L1: 'At R$5.00 to US$1, what is US$53.2 bn … worth?' → 'R$266 bn' got one line and 'Write your
    answer on the line.': the docs promise the working's room to an amount worked out from the prompt's money,
    and only $ € £ ¥ written before the number were read as money (not R$, US$, ₹, CHF, 5 €, $12m)."""
    path = write_guide(tmp_path, "money.yaml", MONEY)
    guide = api.load(path)
    assert [q.lines for q in guide.questions] == [2, 2, 2, 2, 2, 2, 2, 1]
    handout = Pdf(api.build(path, tmp_path / "out").outputs[0].path)
    assert "Questions 1–7: Show your work and write the answer on the lines." in handout.text
    assert "8. What currency does Brazil use? Write your answer on the line." in handout.text


def test_amounts_of_money_are_read_with_their_currency():
    from studyguide.amounts import amount, ascending, worked

    assert [float(amount(t)[0]) for t in ("R$5.00", "US$1", "€5", "5 €", "5€", "£3", "¥500", "₹ 300", "CHF 5",
                                          "$5m", "R$2.5bn", "HK$12")] == [5, 1, 5, 5, 5, 3, 500, 300, 5, 5, 2.5, 12]
    assert ascending(["R$12.50", "R$1.00", "R$5.00"]) == [1, 2, 0]  # choices in increasing order keep it
    assert ascending(["R$5.00", "US$1"]) is None  # two currencies: not one scale
    assert amount("5m") is None and amount("18th") is None  # metres or millions; an ordinal
    assert not any(worked(t) for t in ("R2-D2", "2 World Wars", "the real", "1998"))


TABLED = """\
    title: Negative numbers
    topics:
      - title: "Unit 6: Negative Numbers"
        summary: |
          Numbers below zero are negative.

          | Town | Lowest temperature in January (°C) |
          |---|---|
          | Montreal | −15 |
          | Madrid | 3 |
    questions:
      - type: short_answer
        prompt: Use the table in Unit 6. How many degrees warmer is Madrid than Montreal?
        answer: 18 °C
      - type: short_answer
        prompt: How many degrees is the lowest reading in Table 1 below zero?
        answer: "15"
      - type: short_answer
        prompt: At what temperature does water freeze?
        answer: 0 °C
    """


def test_a_word_problem_working_from_a_table_gets_room_for_its_working(tmp_path):
    """Trial r15 #8: 'Use the table in Unit 6. How many degrees warmer is Madrid than Montreal?' → '18 °C' got one
    line and 'Write your answer on the line.': its amounts are in the table, not the prompt, and the student had
    no room for 3 − (−15). A prompt naming a table the guide holds gets a calculation's two lines; a fact recalled
    keeps one, and so does a table named in a guide that holds none."""
    path = write_guide(tmp_path, "tabled.yaml", TABLED)
    assert [q.lines for q in api.load(path).questions] == [2, 2, 1]
    handout = Pdf(api.build(path, tmp_path / "out").outputs[0].path)
    assert "Questions 1–2: Show your work and write the answer on the lines." in handout.text
    assert "3. At what temperature does water freeze? Write your answer on the line." in handout.text
    untabled = write_guide(tmp_path, "untabled.yaml", TABLED.replace("| Montreal | −15 |", "Montreal: −15").replace(
        "| Madrid | 3 |", "Madrid: 3").replace("| Town | Lowest temperature in January (°C) |", "").replace("|---|---|", ""))
    assert [q.lines for q in api.load(untabled).questions] == [1, 1, 1]


TABLE_WORDS = """\
    title: Elements
    summary: |
      Some elements and their symbols.

      | Element | Symbol |
      |---|---|
      | Oxygen | O |
      | Iron | Fe |
    questions:
      - type: short_answer
        prompt: What is the atomic number of oxygen on the periodic table?
        answer: "8"
      - type: short_answer
        prompt: How many players are on a side in doubles table tennis?
        answer: "2"
      - type: short_answer
        prompt: How many grams of table salt does the recipe use in all?
        answer: "12"
      - type: short_answer
        prompt: In which times table does fifty-six come right after forty-nine?
        answer: "7"
      - type: short_answer
        prompt: Using the data table, how many elements are listed?
        answer: "2"
      - type: short_answer
        prompt: How many symbols in Table 1 have two letters?
        answer: "1"
    """


def test_a_word_that_only_holds_table_does_not_make_a_word_problem(tmp_path):
    """Hostile r16 #3: any prompt with the word 'table', in a guide that holds one, got two lines and 'Show your
    work': 'the periodic table', 'doubles table tennis'. Only a prompt that points at a table ('the data table',
    'Table 1', 'the table in Unit 6') works from one; a compound that holds the word asks for a fact."""
    path = write_guide(tmp_path, "table-words.yaml", TABLE_WORDS)
    assert [q.lines for q in api.load(path).questions] == [1, 1, 1, 1, 2, 2]
    handout = Pdf(api.build(path, tmp_path / "out").outputs[0].path)
    assert "Questions 1–4: Write your answer on the line." in handout.text
    assert "Questions 5–6: Show your work and write the answer on the lines." in handout.text
