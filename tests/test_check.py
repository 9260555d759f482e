"""The teacher's view: `studyguide check` (located findings, --strict), the page budget, the coverage table."""
from __future__ import annotations

import re

import pytest

from conftest import build_into, guide_params, page_texts, cli_main, write_guide
from studyguide import api, budget, cli, lint


def run(*args, capsys):
    """`studyguide ARGS` in this process: (exit status, stdout, stderr)."""
    with pytest.raises(SystemExit) as exc:
        cli.main(list(map(str, args)))
    out, err = capsys.readouterr()
    return exc.value.code, out, err


def findings(path) -> list[str]:
    _, found, _ = budget.review(path)
    return [str(p) for p in found]


def at(path, text: str, needle: str) -> str:
    """``path:line:col`` of the first ``needle`` in the guide's text (1-based)."""
    for n, line in enumerate(text.splitlines(), 1):
        if needle in line:
            return f"{path}:{n}:{line.index(needle) + 1}"
    raise AssertionError(needle)


def guide(tmp_path, text: str, name: str = "g.yaml"):
    path = write_guide(tmp_path, name, text)
    return path, path.read_text(encoding="utf-8")


def test_duplicate_choices_and_the_answer_among_them(tmp_path):
    path, text = guide(tmp_path, """\
        title: Capitals
        questions:
          - type: multiple_choice
            prompt: The capital of France?
            choices: [Paris, London, "  PARIS  "]
            answer: A
          - type: select_all
            prompt: Which are seas?
            choices: [North Sea, Baltic, "north   sea", Sahara]
            answer: [A, B]
        """)
    paris, sea = at(path, text, '"  PARIS'), at(path, text, '"north')
    assert findings(path) == [
        f"{paris}: warning: question 1: choices A and C are the same ('PARIS') and A is the "
        "answer, so the question does not have exactly one right answer; reword or replace one of them",
        f"{sea}: warning: question 2: choices A and C are the same ('north sea'); reword or "
        "replace one of them",
    ]


def test_a_right_letter_twice_and_a_matching_side_twice(tmp_path, capsys):
    """`answer: [A, A, C]` (a typo for another letter) and two pairs with the same left (a student cannot
    tell them apart) are located warnings; --strict fails on them."""
    path, text = guide(tmp_path, """\
        title: Plants
        questions:
          - type: select_all
            prompt: Which are gases?
            choices: [Oxygen, Water, Nitrogen]
            answer: [A, A, C]
          - type: matching
            prompt: Match each part to its job.
            pairs:
              - {left: Leaf, right: Makes food}
              - {left: "leaf ", right: Holds the plant up}
              - {left: Root, right: makes FOOD}
        """)
    twice, leaf = at(path, text, "A, C]"), at(path, text, '"leaf ')
    assert findings(path) == [
        f"{twice}: warning: question 1.answer: A is listed twice (list each right letter once; was another "
        "letter meant?)",
        f"{leaf}: warning: question 2: pairs 1 and 2 have the same left ('leaf'); reword "
        "or replace one of them",
        f"{at(path, text, 'makes FOOD')}: warning: question 2: pairs 1 and 3 have the same right ('makes FOOD'); "
        "reword or replace one of them",
    ]
    assert run("check", path, capsys=capsys)[0] == 0
    assert run("check", "--strict", path, capsys=capsys)[0] == 1


def test_an_activity_listed_twice_prints_once_and_says_so(tmp_path):
    """`activities: [matching, Matching]` in a guide: the build option refuses a repeat, and the guide had
    printed one matching activity without a word; now `check` warns at the repeat."""
    path, text = guide(tmp_path, """\
        title: Plants
        vocabulary:
          - {term: leaf, definition: the part of a plant that makes food}
          - {term: root, definition: the part of a plant that takes in water}
          - {term: stem, definition: the part of a plant that holds it up}
          - {term: seed, definition: the part of a plant that grows into a new one}
        activities: [matching, cloze, Matching]
        """)
    assert [f for f in findings(path) if "activities" in f] == [f"{at(path, text, 'Matching]')}: warning: activities item 3: 'Matching' is item 1 "
                              "too; each activity prints once (leave this one out)"]
    handout = build_into(path, tmp_path / "out").student
    assert handout.text.count("Vocabulary Matching") == 1


def test_answers_all_at_one_letter(tmp_path):
    qs = "".join(f"""
          - type: multiple_choice
            prompt: Question {i}?
            choices: [yes, no, maybe]
            answer: B
        """ for i in range(3))
    path, text = guide(tmp_path, "title: Letters\nquestions:" + qs.replace("\n        ", "\n"))
    assert findings(path) == [
        f"{at(path, text, 'type: multiple_choice')}: warning: the answers of all 3 multiple-choice questions are B; "
        "students may notice: move some right answers to other letters"]
    two = text.replace("answer: B", "answer: C", 1)
    (tmp_path / "two.yaml").write_text(two, encoding="utf-8")
    assert findings(tmp_path / "two.yaml") == []


def test_all_of_the_above_not_last(tmp_path):
    path, text = guide(tmp_path, """\
        title: Above
        questions:
          - type: multiple_choice
            prompt: Which?
            choices: [Red, All of the above., Blue, Green]
            answer: B
          - type: select_all
            prompt: Which ones?
            choices: [Red, Blue, None of the above]
            answer: [C]
        """)
    assert findings(path) == [
        f"{at(path, text, 'All of')}: warning: question 1: 'All of the above.' is choice B, not the last one; "
        "move it to the end (it is about the choices above it)"]


def test_vocabulary_term_used_nowhere_else(tmp_path):
    path, text = guide(tmp_path, """\
        title: Terms
        summary: Plants turn light into sugar. Their leaves hold chloroplasts.
        vocabulary:
          - term: chloroplast
            definition: Where a plant cell makes sugar.
          - term: stoma
            definition: A pore in a leaf; every stoma can open.
            example: Each stoma opens by day.
          - term: xylem
            definition: Tubes that carry water.
        questions:
          - type: true_false
            prompt: Xylem carries water.
            answer: true
        """)
    assert findings(path) == [
        f"{at(path, text, 'stoma')}: warning: vocabulary term 'stoma' is used nowhere else in the guide; use it in "
        "the reading or a question, or leave it out"]


def test_an_english_term_typed_with_its_article_is_used_where_its_noun_is(tmp_path):
    """A term typed 'the Senate' was 'used nowhere else' in a guide whose questions say 'Senate' and 'a Senate
    seat': its noun is found as the French or German ones are, plurals too; a term used nowhere is still told."""
    path, text = guide(tmp_path, """\
        title: Congress
        summary: Congress makes the laws.
        vocabulary:
          - term: the Senate
            definition: The upper chamber of Congress.
          - term: a filibuster
            definition: A long speech that delays a vote.
          - term: the House
            definition: The lower house, seated by population.
        questions:
          - type: short_answer
            prompt: How long is a Senate term, and why do senators use filibusters?
            answer: Six years; to delay a vote.
        """)
    assert findings(path) == [
        f"{at(path, text, 'the House')}: warning: vocabulary term 'the House' is used nowhere else in the guide; use it "
        "in the reading or a question, or leave it out"]


WORDS = [("der Hund", "dog"), ("die Katze", "cat"), ("das Haus", "house"), ("der Baum", "tree"),
         ("die Schule", "school"), ("das Buch", "book"), ("der Tisch", "table"), ("die Tür", "door"),
         ("das Fenster", "window"), ("der Apfel", "apple"), ("die Milch", "milk"), ("das Brot", "bread")]


@pytest.mark.parametrize("size, lines", [(6, None), (7, "lines 7, 9, 11, 13, 15, 17"), (12, "lines 7–27")])
def test_a_vocabulary_list_to_learn_is_one_finding_not_one_a_term(tmp_path, capsys, size, lines):
    """A language class's word list is the lesson: its 40 terms had made 40 lines of 'used nowhere else', which
    hid the one warning that mattered. Up to 5 unused terms are named one a line; more are one line, at the
    first, with their count and lines (each line up to 10 of them, else the range)."""
    vocabulary = "".join(f"\n  - term: {t}\n    definition: {d}" for t, d in WORDS[:size])
    path, text = guide(tmp_path, f"title: Wortschatz\nlanguage: de\nsummary: Der Hund schläft.\n"
                                 f"vocabulary:{vocabulary}\n")
    unused = [t for t, _ in WORDS[1:size]]  # 'der Hund' is in the summary
    status, _, err = run("check", path, capsys=capsys)
    said = [line for line in err.splitlines() if "warning:" in line]
    assert status == 0
    if lines is None:
        assert said == [f"{at(path, text, t)}: warning: vocabulary term '{t}' is used nowhere else in the guide; use "
                        "it in the reading or a question, or leave it out" for t in unused]
        return
    assert said == [f"{at(path, text, 'die Katze')}: warning: {size - 1} of {size} vocabulary terms are used nowhere "
                    f"else in the guide ({lines}): fine for a vocabulary list to learn; otherwise use them in the "
                    "reading or a question, or leave them out"]
    assert at(path, text, unused[-1]).split(":")[-2] == lines.replace("–", ", ").split(", ")[-1]


@pytest.mark.parametrize("language, summary, terms, unused", [
    # Chinese has no spaces between words: every term had been "used nowhere", though the summary uses both
    ("zh", "中国警察培训项目的目的是加强合作。", ["警察", "合作", "主权"], ["主权"]),
    # a Spanish plural changes the accent and adds -es; German adds -en (and Umlauts): not English's 's'
    ("es", "Las constituciones nuevas dieron derechos.", ["constitución", "derecho", "virreinato"], ["virreinato"]),
    ("de", "Die Städte und Staaten wuchsen.", ["Stadt", "Staat", "Fürst"], ["Fürst"]),
])
def test_a_term_is_found_as_the_guides_language_writes_it(tmp_path, language, summary, terms, unused):
    vocabulary = "".join(f"\n  - term: {t}\n    definition: x" for t in terms)
    path, text = guide(tmp_path, f"title: T\nlanguage: {language}\nsummary: {summary}\nvocabulary:{vocabulary}\n")
    assert findings(path) == [
        f"{at(path, text, t)}: warning: vocabulary term '{t}' is used nowhere else in the guide; use it in "
        "the reading or a question, or leave it out" for t in unused]


def test_question_taller_than_a_page(tmp_path):
    path, text = guide(tmp_path, """\
        title: Tall
        questions:
          - type: essay
            prompt: Write a long essay.
            lines: 40
        """)
    heights, page = budget.measure_questions(api.load(path))
    assert heights[0] > page
    assert findings(path) == [
        f"{at(path, text, 'type: essay')}: warning: question 1 is taller than a page (about {heights[0] / page:.1f} "
        "pages) and will be split across pages; shorten it, or give it fewer lines or choices"]


def _lined_last(tmp_path, filler: int, lines: int):
    padding = " ".join(["padding"] * (14 * filler))
    mc = "".join(f"""
          - type: multiple_choice
            prompt: Question {n} {padding if n == 1 else ''}
            choices: [one, two, three, four]
            answer: A""" for n in range(1, 7))
    return guide(tmp_path, f"""\
        title: Lines
        questions:{mc}
          - type: essay
            prompt: Write about it.
            lines: {lines}
        """, f"g{filler}-{lines}.yaml")


def test_given_lines_alone_on_a_page_are_named_with_the_count_that_saves_it(tmp_path):
    """An essay's given 'lines: 12' is printed in full, even when its last lines are all a page holds; when they
    fill less of it than a quarter, `check` names that page and the count that ends the question on the page
    before, and that count does."""
    named = 0
    for filler in range(0, 30, 2):
        path, text = _lined_last(tmp_path, filler, 12)
        built = build_into(path, tmp_path / f"out{filler}")
        said = [f for f in findings(path) if "print alone on page" in f]
        last = built.student.pages[-1]
        if "Write about it." in last or "Question" in last.replace("Question 7 (continued)", ""):  # (the label
            # over lines that go on is not a question starting there)
            assert said == [], filler
            continue
        pages = len(built.student.pages)
        fill = api.render_guide(api.load(path), key=False)[0]["student"].page_fill[pages]
        if not said:  # (a page a quarter full of lines and more is not a sheet for a few lines)
            assert fill > 0.2, (filler, fill)
            continue
        named += 1
        found = re.fullmatch(re.escape(f"{at(path, text, 'type: essay')}: warning: question 7: the last ") + r"(\d+)"
                             + re.escape(f" of its answer lines print alone on page {pages}; 'lines: ")
                             + r"(\d+)" + re.escape(f"' would end it on page {pages - 1}"), said[0] if said else "")
        assert found and len(said) == 1, (filler, said)
        assert int(found.group(1)) >= 3 and int(found.group(1)) + int(found.group(2)) >= 12, said
        fewer, _ = _lined_last(tmp_path, filler, int(found.group(2)))
        shorter = build_into(fewer, tmp_path / f"fewer{filler}")
        assert len(shorter.student.pages) == pages - 1 and len(shorter.key.pages) == pages - 1, filler
        assert "The lines go on over the page." not in " ".join(shorter.student.pages)
        assert [f for f in findings(fewer) if "print alone on page" in f] == []
    assert named >= 1


def test_objectives_no_question_checks(tmp_path):
    path, text = guide(tmp_path, """\
        title: Aims
        objectives:
          - Name the parts of a leaf.
          - Explain photosynthesis.
          - Describe the carbon cycle.
        questions:
          - type: true_false
            prompt: Leaves have stomata.
            answer: true
            objective: 1
          - type: short_answer
            prompt: What do plants make?
            objective: Describe the carbon cycle.
        """)
    assert findings(path) == [
        f"{at(path, text, 'Explain photosynthesis')}: warning: objective 2 ('Explain photosynthesis.') is not "
        "checked by any question; add 'objective: 2' to a question that checks it, or a new question"]
    # no question names an objective: nothing to say about coverage
    plain = text.replace("    objective: 1\n", "").replace("    objective: Describe the carbon cycle.\n", "")
    (tmp_path / "plain.yaml").write_text(plain, encoding="utf-8")
    assert findings(tmp_path / "plain.yaml") == []


def test_lint_is_pure():
    import ast
    import inspect

    tree = ast.parse(inspect.getsource(lint))
    names = {a.name for n in ast.walk(tree) if isinstance(n, (ast.Import, ast.ImportFrom)) for a in n.names}
    modules = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    assert not any("reportlab" in (m or "") for m in modules | names)


CLEAN = """\
title: Clean
questions:
  - type: multiple_choice
    prompt: Two and two?
    choices: ["3", "4"]
    answer: B
    points: 2
  - type: fill_in_blank
    prompt: Water is [[wet]] and [[clear]].
    points: 1
"""


def test_strict_exit_status(tmp_path, capsys):
    clean = write_guide(tmp_path, "clean.yaml", CLEAN)
    messy = write_guide(tmp_path, "messy.yaml", CLEAN.replace('["3", "4"]', '["4", "4 "]').replace("answer: B", "answer: A"))
    assert run("check", clean, capsys=capsys)[0] == 0
    assert run("check", "--strict", clean, capsys=capsys)[0] == 0
    code, out, err = run("check", messy, capsys=capsys)
    assert code == 0 and "warning: question 1: choices A and B are the same ('4')" in err
    code, out, err = run("check", "--strict", messy, capsys=capsys)
    assert code == 1 and err.count("warning:") == 1
    broken = write_guide(tmp_path, "broken.yaml", "title: Broken\nquestions: [{type: essay}]\n")
    code, out, err = run("check", broken, clean, capsys=capsys)
    assert code == 1 and "broken.yaml:2" in err and out.startswith(f"{clean}:")


def test_page_budget(tmp_path, capsys):
    path = write_guide(tmp_path, "clean.yaml", CLEAN)
    code, out, err = run("check", path, capsys=capsys)
    assert code == 0 and err == ""
    # multiple choice 1 minute, fill-in 1 per blank: 3 minutes
    lines = out.splitlines()
    assert lines[:3] == [
        f"{path}: 1 page, 3 points, about 3 minutes (questions 3)",
        "  section    pages  minutes  last page",
        "  header     1            –     shared",  # the questions go on on its page
    ]
    # the last page is the questions': how full it is, to trim or add to a guide
    assert re.fullmatch(r"  questions  1            3  +(\d+) % full  2 questions, 3 points", lines[3])
    assert 5 < int(re.search(r"(\d+) % full", lines[3]).group(1)) < 50
    assert len(lines) == 4


def test_page_budget_of_a_guide_with_activities(builds):
    from conftest import GUIDES_DIR

    path = GUIDES_DIR / "china-foreign-police-training.yaml"
    b = builds[path.stem]
    g, found, plan = budget.review(path)
    assert plan.pages == b.outputs["student"].pages
    names = [p.name for p in plan.parts]
    assert names == ["header", "summary", "objectives", "topics", "perspectives", "chart", "takeaways", "vocabulary",
                     "reading", "questions", "matching", "cloze", "crossword"]
    pages = b.outputs["student"].question_pages
    questions = plan.parts[names.index("questions")]
    assert (questions.first, questions.last) == (pages[0], pages[-1])
    assert questions.minutes == sum(budget.question_minutes(q) for q in g.questions)
    assert plan.parts[-1].last == plan.pages
    for part, nxt in zip(plan.parts, plan.parts[1:]):
        assert part.first <= part.last <= nxt.first
    text = "\n".join(budget.lines("x", plan))
    assert re.search(r"^x: \d+ pages, 46 points, about \d+ minutes \(reading \d+, questions \d+, activities \d+\)$",
                     text, re.M)
    assert re.search(r"^  crossword\s+\d+–\d+\s+13\s+\d+ % full  13 clues$", text, re.M)


def test_page_budget_starts_each_activity_on_the_page_its_title_prints_on(tmp_path):
    """Each activity starts, in the budget, on the page its title prints on. (Found when the frozen guide's
    questions ended two thirds down a page where no matching set fitted: the budget said matching began
    there. Its first set now starts under the last question, so both share that page, truly.)"""
    from conftest import CASES, build_into

    path = CASES / "frozen" / "china-foreign-police-training-2026-12.yaml"
    student = build_into(path, tmp_path).student
    _, _, plan = budget.review(path)
    parts = {p.name: p for p in plan.parts}
    for name, title in (("matching", "Vocabulary Matching"), ("cloze", "Vocabulary in Context"), ("crossword", "Crossword")):
        assert parts[name].first == next(n for n, p in enumerate(student.pages, 1) if title in p), name
    # the questions end where their last one prints (the matching may start under it, on the same page)
    last = " ".join(api.load(path).questions[-1].prompt.split()[:4])
    assert parts["questions"].last == max(n for n, p in enumerate(student.pages, 1) if last in " ".join(p.split()))
    assert parts["questions"].last <= parts["matching"].first


@pytest.mark.parametrize("paper", ["letter", "a4"])
@pytest.mark.parametrize("guide_path", guide_params())
def test_bundled_guides_pass_check_cleanly(guide_path, paper):
    """The bundled guides are the examples every new user sees: `check --strict` finds nothing, on either paper."""
    guide, found, _ = budget.review(guide_path, paper)
    assert [str(p) for p in found] == []
    if guide.objectives:
        assert all(q.objective is not None for q in guide.questions), "every question names its objective"


COVERED = """\
title: Coverage
objectives:
  - Name the parts of a leaf.
  - Explain photosynthesis.
  - Describe the carbon cycle.
questions:
  - type: true_false
    prompt: Leaves have stomata.
    answer: true
    objective: 1
    points: 1
  - type: short_answer
    prompt: What do plants make from light?
    answer: Sugar.
    objective: 3
    points: 2
  - type: short_answer
    prompt: Where does the carbon go?
    objective: 3
    points: 3
  - type: true_false
    prompt: Roots drink light.
    answer: false
"""


def test_coverage_table_in_the_key_same_pages_in_both(tmp_path):
    b = build_into(write_guide(tmp_path, "cov.yaml", COVERED), tmp_path / "out")
    key1, handout1 = b.key.pages[0], b.student.pages[0]
    assert "Coverage: objectives × questions" in key1
    assert "1. Name the parts of a leaf. 1 1" in key1
    assert "2. Explain photosynthesis. not checked by any question –" in key1
    assert "3. Describe the carbon cycle. 2, 3 5" in key1
    assert "No objective named 4 –" in key1
    assert "not checked" not in b.student.text
    assert "What the questions check" in handout1 and "2. Explain photosynthesis. – –" in handout1
    assert key1.index("Coverage") < key1.index("Objectives") and handout1.index("What the") < handout1.index("Objectives")
    s, k = b.outputs["student"], b.outputs["key"]
    assert s.pages == k.pages and s.question_pages == k.question_pages


def test_no_coverage_table_without_named_objectives(tmp_path):
    """The guide above with no question naming an objective: its objectives print, and no table in either
    document. (This looked at the bundled guides that name none; each names some, so it checked nothing.)"""
    text = re.sub(r"(?m)^    objective: \d+\n", "", COVERED)
    assert "objective:" not in text and text.count("type:") == COVERED.count("type:")
    b = build_into(write_guide(tmp_path, "cov.yaml", text), tmp_path / "out")
    assert "1. Name the parts of a leaf." in b.key.pages[0] and "3. Describe the carbon cycle." in b.student.pages[0]
    assert "objectives × questions" not in b.key.text and "not checked" not in b.key.text
    assert "What the questions check" not in b.student.text


def test_check_reports_every_problem_with_the_warnings_instead_of_stopping_at_the_first(tmp_path):
    """A broken guide's layout mistakes all come in one run, and its warnings come with its errors."""
    guides = tmp_path / "guides"
    guides.mkdir()
    (guides / "layout.yaml").write_text("title: x\nsubtitle: a: b\nobjectives:\n\t- one\n", encoding="utf-8")
    (guides / "content.yaml").write_text(
        "title: World War I\nquestions:\n  - type: fill_in_blank\n"
        "    prompt: The causes were [imperialism] and [[nationalism]].\n"
        "  - type: true_false\n    prompt: Italy joined the Central Powers.\n    answer: maybe\n", encoding="utf-8")
    run = cli_main("check", "guides", cwd=tmp_path)
    assert run.returncode == 1
    assert run.stdout == ""
    assert run.stderr.splitlines() == [
        "guides/content.yaml:4:13: warning: question 1.prompt: '[imperialism]' has single brackets, so it prints "
        "on the student's sheet as typed (write [[imperialism]] to make it a blank)",
        "guides/content.yaml:7:13: question 2.answer: expected true or false, found the text 'maybe'",
        "guides/layout.yaml:2:12: text that contains ': ' must be in quotes (put the whole text in double quotes)",
        "guides/layout.yaml:4:1: a tab is used for indentation (indent with spaces, not tabs)",
    ]


@pytest.mark.parametrize("options", [["--paper", "letter", "--theme", "classic"], ["--edition", "large-print"]],
                         ids=["letter-classic", "large-print"])  # (two tests: xdist runs them side by side)
def test_check_takes_builds_paper_theme_and_edition_and_counts_the_clues_that_print(tmp_path, options):
    """A long guide's crossword keeps 28 of its 30 terms on letter paper in the classic theme: `check`
    said 30 clues (it planned the crossword for no page). It now counts what prints, and gives the
    budget of the paper, theme and edition `build` is asked for (the large-print pages among them)."""
    from conftest import CASES

    path = CASES / "layout" / "frankenstein.yaml"
    run = cli_main("check", path, *options)
    assert run.returncode == 0, run.stderr
    pages = int(re.search(r": (\d+) pages", run.stdout).group(1))
    clues = int(re.search(r"^  crossword .* (\d+) clues$", run.stdout, re.M).group(1))
    built = cli_main("build", path, "-o", tmp_path / options[-1], *options)
    assert built.returncode == 0, built.stderr
    assert f"({pages} pages)" in built.stdout
    left = re.findall(r"crossword: (\d+) terms? left out", built.stderr)  # (a warning for each reason)
    assert clues == 30 - sum(int(n) for n in left) < 30


def test_the_blank_page_before_double_sided_cards_is_no_sections_page():
    """Double-sided cards open a sheet's front; the page left blank before them is not counted as the
    last page of the section before (the trial's "cloze 5–6, 2 % full"): that section ends, and is as
    full as, the page before the blank one."""
    import dataclasses


    from conftest import CASES, norm
    from studyguide import render

    frozen = api.load(CASES / "frozen" / "china-foreign-police-training-2026-12.yaml")
    seen = 0
    for first in ("cloze", "matching", "crossword", "word_search"):
        guide = dataclasses.replace(frozen, activities=(first, "flashcards_duplex"))
        student = render.render(guide, theme=api.theme_for(guide))["student"]
        pages = [norm(t) for t in page_texts(student.pdf)]
        plan = budget.budget(guide, student)
        cards = next(p for p in plan.parts if p.name == "flashcards_duplex")
        before = plan.parts[plan.parts.index(cards) - 1]
        assert before.name == first
        if "left blank on purpose" in pages[cards.first - 2]:
            seen += 1
            assert before.last == cards.first - 2, (before, cards)
            assert before.fill is not None and before.fill > 0.1, before  # the page it ends on has its text
        else:
            assert before.last == cards.first - 1, (before, cards)
    assert seen  # (one of them does leave a page blank)


def test_the_budget_of_a_guide_in_versions_is_that_of_version_a_as_build_prints_it(tmp_path, capsys):
    """Trial r6: a guide with 'versions:' prints version A (shuffled) when built, but check laid out the
    questions in the order written: its quiz was '4 pages' in check and 5 in build. Here the shuffle fills the
    last page differently (eight questions: six fit one page in either order since the gaps between
    questions may give a little): the last page's fill check gives is version A's, and the line says which copy."""
    from studyguide import variants
    from studyguide.render import render

    long = ", ".join(f"Choice {c} is a rather long choice that takes most of a line here" for c in "ABCDEFGH")
    questions = "".join(f"  - type: multiple_choice\n    prompt: Question {i} asks which one is right?\n"
                        f"    choices: [{long if i % 2 == 0 else 'Yes, No'}]\n    answer: A\n" for i in range(8))
    path = tmp_path / "test.yaml"
    path.write_text(f"title: Test\nversions: 2\nseed: '0'\nquestions:\n{questions}", encoding="utf-8")

    def said(guide):
        return budget.lines("x", budget.budget(guide, render(guide, ("student",))["student"]))[-1]

    written = api.load(path)
    version_a = variants.versions(written, 2, "0")[0][0]
    assert said(version_a) != said(written)  # (the case: the order written fills the last page differently)
    code, out, _ = run("check", path, capsys=capsys)
    assert code == 0
    assert out.splitlines()[0].startswith(f"{path} (version A): ")
    assert out.splitlines()[-1] == said(version_a)
