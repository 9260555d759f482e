"""Shuffled versions keep the standard handout's promises (trial 5, defect 1): a matching question's
right-hand column and an ordering question's items never print in the order written, in any version."""
from __future__ import annotations

from conftest import Pdf, write_guide
from studyguide import api, grid, variants
from studyguide.classroom import SetOptions, build_set
from studyguide.model import LETTERS

PLANETS = """\
    title: Planets
    seed: "{seed}"
    questions:
      - type: matching
        prompt: Match each planet with what it is known for.
        pairs:
{pairs}
      - type: ordering
        prompt: Put the planets in order from the Sun.
        items: [{items}]
    """
NAMES = ["Mercury", "Venus", "Earth", "Mars", "Jupiter", "Saturn"]
KNOWN = ["closest to the Sun", "hottest", "has life", "red dust", "largest", "bright rings"]


def planets(tmp_path, seed: str, count: int):
    pairs = "\n".join(f"          - {{left: {n}, right: {k}}}" for n, k in zip(NAMES[:count], KNOWN[:count]))
    path = write_guide(tmp_path, f"planets-{count}.yaml", PLANETS.format(seed=seed, pairs=pairs,
                                                                         items=", ".join(NAMES[:count])))
    return path, api.load(path)


def test_no_version_prints_a_matching_column_or_ordering_items_in_the_written_order(tmp_path):
    """Over many seeds and sizes (two pairs: the written order was every other draw): the key never runs
    1–A, 2–B, 3–C... straight down, and the boxes never read 1, 2, 3... from the top."""
    for count in range(2, 7):
        straight = ", ".join(f"{i + 1}–{LETTERS[i]}" for i in range(count))
        in_order = ", ".join(str(i + 1) for i in range(count))
        _, guide = planets(tmp_path, "0", count)
        for seed in range(60):
            made, _ = variants.versions(guide, 6, str(seed))
            for v in made:
                matching, ordering = v.questions
                assert list(matching.order) != sorted(matching.order), (count, seed, v.version)
                assert grid.answer_text(matching) != straight
                assert grid.answer_text(ordering) != in_order, (count, seed, v.version)


def test_a_version_that_never_drew_the_written_order_prints_as_it_did(tmp_path):
    """Only a draw of the written order is drawn again: every other version keeps the order its seed gave
    (a teacher's lost key rebuilt from the seed still matches the copies handed out)."""
    from studyguide import shuffle

    _, guide = planets(tmp_path, "0", 4)
    kept = 0
    for seed in range(40):
        for index in range(4):
            first = variants._permute(4, set(), shuffle.rng(str(seed), LETTERS[index], "question", "0"))
            if first != sorted(first):
                kept += 1
                assert list(variants.version(guide, index, str(seed)).questions[0].order) == first
    assert kept > 140  # (of 160: about one draw in 24 is the written order)


def test_a_version_that_drew_the_written_order_prints_another_in_handout_key_and_grid(tmp_path):
    """Seed 8: version A's first draw for a four-pair question is the written order (1–A, 2–B, 3–C, 4–D)."""
    path, _ = planets(tmp_path, "8", 4)
    result = build_set(path, tmp_path / "out", None, SetOptions(versions=2))
    out = {o.path.name: Pdf(o.path) for o in result.outputs}
    key, handout, answers = out["planets-4-A-key.pdf"], out["planets-4-A.pdf"], out["planets-4-A-grid.pdf"]
    made, _ = variants.versions(api.load(path), 2)
    shown = made[0].questions[0].order  # the right-hand item printed at A, B, C, D
    assert list(shown) != [0, 1, 2, 3]
    expected = grid.answer_text(made[0].questions[0])
    assert expected != "1–A, 2–B, 3–C, 4–D" and expected in answers.text
    column = [KNOWN[i] for i in shown]  # the handout prints the right-hand column in that order
    where = [handout.text.index(f"{LETTERS[p]}. {item}") for p, item in enumerate(column)]
    assert where == sorted(where)
    # the key's blanks give, for planets 1 to 4, the letter of its item: the same answers as the grid
    letters = [LETTERS[list(shown).index(i)] for i in range(4)]
    assert [f"{letter} {i + 1}. {name}" in key.text for i, (letter, name) in enumerate(zip(letters, NAMES))] == [True] * 4


TEST = """\
    title: Unit test
    versions: 3
    questions:
      - type: short_answer
        prompt: Name one branch of government.
        answer: the judicial branch
      - type: multiple_choice
        prompt: Who signs a bill into law?
        choices: [the president, a judge]
        answer: A
    """


def test_an_exit_ticket_prints_once_though_the_guide_asks_versions_of_its_test(tmp_path):
    """Trial 5, defect 12: the guide's 'versions: 3' made three identical tickets A, B and C, with a warning
    about 'this guide's questions'. The guide's count is for the unit test; the ticket is printed once."""
    from hostile_support import cli_inprocess

    write_guide(tmp_path, "unit.yaml", TEST)
    said = cli_inprocess(["build", "unit.yaml", "--format", "exit-ticket", "--questions", "1", "-o", "out"], cwd=tmp_path)
    assert (said.code, said.err) == (0, "")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["unit-exit-ticket-key.pdf", "unit-exit-ticket.pdf"]
    ticket = Pdf(tmp_path / "out" / "unit-exit-ticket.pdf")
    assert "Name one branch of government." in ticket.text and "Version" not in ticket.text
    # the unit test itself keeps its three versions
    said = cli_inprocess(["build", "unit.yaml", "-o", "test"], cwd=tmp_path)
    assert said.code == 0 and {p.name for p in (tmp_path / "test").iterdir()} >= {"unit-C.pdf", "unit-C-grid.pdf"}


def test_versions_of_an_exit_ticket_it_cannot_shuffle_are_warned_in_the_tickets_words(tmp_path):
    from hostile_support import cli_inprocess

    write_guide(tmp_path, "unit.yaml", TEST)
    said = cli_inprocess(["build", "unit.yaml", "--format", "exit-ticket", "--questions", "1", "--versions", "3",
                          "-o", "out"], cwd=tmp_path)
    assert said.code == 0
    assert said.err == ("unit.yaml: warning: --versions 3 asked, but nothing in this exit ticket (one question) can be "
                        "shuffled, so versions B and C print the same as A: the one question is a short-answer "
                        "question, which has no choices to shuffle; for this exit ticket, leave out --versions, or "
                        "choose questions with choices to shuffle\n")
    # a ticket that has the orders gets its versions, without a word
    said = cli_inprocess(["build", "unit.yaml", "--format", "exit-ticket", "--questions", "1,2", "--versions", "2",
                          "-o", "two"], cwd=tmp_path)
    assert (said.code, said.err) == (0, "")
    first = [Pdf(tmp_path / "two" / f"unit-exit-ticket-{v}.pdf").text for v in "AB"]
    assert first[0] != first[1] and "Version B" in first[1]


def _long_test(tmp_path, count: int, points: str = ""):
    """The grid of version A of a test of ``count`` true-or-false questions, what build says of its pages, and
    each row as it should read ("12. False 1"), from the questions in version A's order."""
    lines = ["title: Long test", "seed: '5'", "questions:"]
    for n in range(1, count + 1):
        lines += ["  - type: true_false", f"    prompt: Statement {n} is true.", f"    answer: {'true' if n % 3 else 'false'}"]
        lines += [f"    points: {points}"] if points else []
    path = tmp_path / f"long-{count}.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = build_set(path, tmp_path / f"out-{count}", None, SetOptions(versions=1))
    reported = {o.path.name: o.pages for o in result.outputs}[f"long-{count}-A-grid.pdf"]
    shuffled = variants.versions(api.load(path), 1)[0][0].questions
    rows = [f"{n}. {grid.answer_text(q)}" + (f" {points}" if points else "") for n, q in enumerate(shuffled, 1)]
    assert len(set(rows)) > 2  # (true and false both appear, in the version's order)
    return Pdf(tmp_path / f"out-{count}" / f"long-{count}-A-grid.pdf"), reported, rows


def test_a_45_question_grid_is_one_page_in_two_columns_and_build_says_one(tmp_path):
    """Trial 5, defect 2: 45 answers took two pages of one narrow column (1–32, then 33–45), and build said
    '(1 page)'. Now two columns of 23 and 22 rows on one page, each headed."""
    grid_pdf, reported, rows = _long_test(tmp_path, 45, "1")
    assert (grid_pdf.page_count, reported) == (1, 1)
    (page,) = grid_pdf.pages
    assert page == ("Long test · Answer grid · Version A · seed 5 No. Answer Points " + " ".join(rows[:23])
                    + " No. Answer Points " + " ".join(rows[23:]))


def test_a_grid_longer_than_a_page_says_its_version_and_page_on_each_and_build_counts_them(tmp_path):
    """150 answers: three columns of 25 on each of two pages (not 99 and then 51), each page headed, with a
    footer naming the version and the page, so a loose page is told apart; build reports 2 pages. (No
    question has points: no points column.)"""
    grid_pdf, reported, rows = _long_test(tmp_path, 150)
    assert (grid_pdf.page_count, reported) == (2, 2)
    for k, page in enumerate(grid_pdf.pages):
        columns = [rows[a:a + 25] for a in range(75 * k, 75 * k + 75, 25)]
        assert page == ("Long test · Answer grid · Version A · seed 5 " + " ".join(
            "No. Answer " + " ".join(column) for column in columns)
            + f" Long test · Answer grid · Version A · seed 5 · Page {k + 1} of 2")


def test_a_letter_grid_holds_34_rows_a_column_and_spreads_more_evenly_over_pages(tmp_path):
    """Review 5b: 99 answers fit one letter page but 100 took two pages a third full, because the grid kept a
    handout's bottom margin, a row and a half above the footer's rule. The rows now reach the rule's gap:
    34 a column, so 102 answers are one page; 103 are two pages of even columns (18 rows, the last 13)."""
    grid_pdf, reported, rows = _long_test(tmp_path, 102)
    assert (grid_pdf.page_count, reported) == (1, 1)
    assert grid_pdf.pages[0] == "Long test · Answer grid · Version A · seed 5 " + " ".join(
        "No. Answer " + " ".join(rows[a:a + 34]) for a in (0, 34, 68))
    grid_pdf, reported, rows = _long_test(tmp_path, 103)
    assert (grid_pdf.page_count, reported) == (2, 2)
    for k, page in enumerate(grid_pdf.pages):
        columns = [rows[a:a + 18] for a in range(54 * k, 54 * k + 54, 18)]
        assert page == ("Long test · Answer grid · Version A · seed 5 " + " ".join(
            "No. Answer " + " ".join(column) for column in columns if column)
            + f" Long test · Answer grid · Version A · seed 5 · Page {k + 1} of 2")


NOTES = """\
    title: Cells
    versions: 3
    topics:
      - title: Inside a cell
        points:
          - The nucleus holds the cell's [[DNA]].
          - The [[cell membrane]] lets food and water in.
    vocabulary:
      - term: nucleus
        definition: The part of a cell that holds its DNA.
    questions:
      - type: multiple_choice
        prompt: What holds the DNA?
        choices: [the nucleus, the wall, the vacuole]
        answer: A
    """


def test_notes_and_organizers_print_once_though_the_guide_asks_versions_of_its_test(tmp_path):
    """Trial r6: a guide with 'versions: 3' (for its unit test) built as guided notes, Cornell notes or
    organizers made three identical copies A, B and C, each with an answer grid of no rows, and told the
    teacher to change the guide's count to 1 ('ask for 1, or add questions'): those formats have no
    question to shuffle. They print once, as a plain build names them, without a word."""
    from hostile_support import cli_inprocess

    write_guide(tmp_path, "cells.yaml", NOTES)
    for fmt in ("notes", "cornell", "organizers"):
        said = cli_inprocess(["build", "cells.yaml", "--format", fmt, "-o", fmt], cwd=tmp_path)
        assert (said.code, said.err) == (0, ""), fmt
        assert sorted(p.name for p in (tmp_path / fmt).iterdir()) == [f"cells-{fmt}-key.pdf", f"cells-{fmt}.pdf"]
        key = Pdf(tmp_path / fmt / f"cells-{fmt}-key.pdf")
        assert "nucleus" in key.text and "Version" not in key.text and "seed" not in key.text
    # asked for on the command line: printed once all the same, and the warning says why, in the format's words
    said = cli_inprocess(["build", "cells.yaml", "--format", "organizers", "--versions", "2", "-o", "asked"],
                         cwd=tmp_path)
    assert said.code == 0
    assert said.err == ("cells.yaml: warning: --versions 2: graphic organizers have no questions to shuffle, so "
                        "they print once, without version letters or an answer grid (leave out --versions)\n")
    assert sorted(p.name for p in (tmp_path / "asked").iterdir()) == ["cells-organizers-key.pdf",
                                                                      "cells-organizers.pdf"]


def _true_false_guide(tmp_path, answers: str):
    from conftest import write_guide
    items = "".join(f"  - {{type: true_false, prompt: 'Statement {n} about healthy habits.', answer: "
                    f"{'true' if a == 'T' else 'false'}, points: 1}}\n" for n, a in enumerate(answers, 1))
    return write_guide(tmp_path, "tf.yaml", "title: Healthy Habits and Moving Safely\nquestions:\n" + items)


def test_a_version_draws_again_rather_than_print_five_true_false_answers_alike_in_a_row(tmp_path):
    """Trial r14 #12: the PE guide's version B ran F,T,T,T,T,T,F,F,F,F though its written order alternates."""
    from studyguide import api, variants
    guide = api.load(_true_false_guide(tmp_path, "FTFTFTFTFT"))
    orders = ["".join("T" if q.answer else "F" for q in v.questions) for v in variants.versions(guide, 6)[0]]
    assert all("TTTTT" not in o and "FFFFF" not in o for o in orders), orders
    assert len(set(orders)) > 1
    # nine true and one false cannot avoid it: the versions are drawn as before, and `check` names the written run
    guide = api.load(_true_false_guide(tmp_path, "TTTTTFTTTT"))
    assert variants.long_run(guide) is False
    from studyguide import lint
    assert [p.message for p in lint.check(guide) if "in a row" in p.message] == [
        "questions 1 to 5: the answers of 5 true/false questions in a row are all true; students may notice: no "
        "order of them avoids it, so rewrite some as false statements (at most 4 true in a row)"]


def test_a_version_whose_draws_run_out_is_mended_rather_than_print_a_long_run(tmp_path, monkeypatch):
    """Hostile r14 finding 5: 22 true then 8 false; a random order avoids five alike in a row about 2 % of the
    time, so version Q of 26 used up its draws and printed six true in a row, with no message. The last draw is
    mended (each place takes the first question left that still allows a run-free rest); the others are as
    drawn. A guide of 40 true answers cannot avoid it, and check says what would help, once."""
    from studyguide import api, lint, tfruns, variants
    guide = api.load(_true_false_guide(tmp_path, "T" * 22 + "F" * 8))
    tf = lambda qs: "".join("T" if q.answer else "F" for q in qs)  # noqa: E731
    drawn = [tf(variants.version(guide, i).questions) for i in range(26)]
    assert sum("TTTTT" in o for o in drawn) > 20  # (the first draws: most have such a run)
    monkeypatch.setattr(variants, "TRIES", 0)  # every version's draws run out at once
    orders = [tf(v.questions) for v in variants.versions(guide, 26)[0]]
    assert all("TTTTT" not in o and "FFFFF" not in o for o in orders), orders
    # a draw with no such run is printed as drawn; a mended one keeps the drawn order up to where it must change
    assert [o for o, d in zip(orders, drawn) if "TTTTT" not in d] == [d for d in drawn if "TTTTT" not in d]
    assert orders[0] == "TFFTTTTFTTTTFTTTFTTTTFTTTFTTFT" and drawn[0] == "TFFTTTTTTTTTFTTFFTTTTTTFTFTTFT"
    # a question that does not shuffle keeps its place; an order that cannot be run-free is left as it is
    assert tfruns.arranged([True] * 8 + [False] * 2, {0}) == [0, 1, 2, 3, 8, 4, 5, 6, 7, 9]
    assert tfruns.arranged([True] * 9 + [False], set()) is None
    guide = api.load(_true_false_guide(tmp_path, "T" * 40))
    proc_messages = [p.message for p in lint.check(guide) if "in a row" in p.message]
    assert proc_messages == ["questions 1 to 40: the answers of 40 true/false questions in a row are all true; "
                             "students may notice: no order of them avoids it, so rewrite some as false statements "
                             "(at most 4 true in a row)"]


def test_versions_of_a_guide_with_a_marked_word_in_a_topic_build(tmp_path):
    """A [[mark]] in a topic keeps where it was typed; versions are evened by hashing the guide, and a
    place kept as a list made every versioned build of such a guide (the starter's own) an internal error."""
    from hostile_support import cli_inprocess

    write_guide(tmp_path, "marked.yaml", """\
        title: Energy
        topics:
          - title: Energy
            summary: Plants store [[energy]] from sunlight in sugar.
        questions:
          - {type: multiple_choice, prompt: Where do plants store energy?, choices: [sugar, water, soil], answer: A}
          - {type: true_false, prompt: Sunlight carries energy., answer: true}
        """)
    said = cli_inprocess(["build", "marked.yaml", "--versions", "2", "-o", "out"], cwd=tmp_path)
    assert (said.code, said.err) == (0, "")
    assert {p.name for p in (tmp_path / "out").iterdir()} >= {"marked-A.pdf", "marked-B-key.pdf"}


def test_true_false_statements_pinned_in_place_leave_the_other_shuffles_to_the_versions(tmp_path):
    """Five true statements pinned with 'shuffle: false' make a run no redraw can break: drawing again 200 times
    for it threw away the version that differed from A, so B printed A's choices too and the teacher was told
    that nothing in the guide can be shuffled (its multiple choice can)."""
    from conftest import write_guide
    pinned = "".join(f"  - {{type: true_false, prompt: 'Statement {n} about cells.', answer: true, shuffle: false}}\n"
                     for n in range(1, 6))
    path = write_guide(tmp_path, "tf.yaml", "title: Cells\nquestions:\n" + pinned
                       + "  - {type: true_false, prompt: 'Roots make food.', answer: false}\n"
                       + "  - {type: multiple_choice, prompt: 'The color of leaves', choices: [green, red], answer: A}\n")
    guide = api.load(path)
    for seed in "bcef":  # (seeds whose 200th redraw of B repeated A)
        (a, b), problem = variants.versions(guide, 2, seed)
        assert (problem, a.questions[-1].choices != b.questions[-1].choices) == (None, True), seed
