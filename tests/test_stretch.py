"""Answer space that fills a short page (stretch.py): the written answers whose line count the guide left to the
default get more lines where their page would end more than 30 % empty, measured on the printed pixels."""
from __future__ import annotations

import pytest

from conftest import norm, page_texts, rendered
from test_print_design import EMPTY_AT_MOST, FROZEN, _lined_rules, page_fill
from studyguide import api, render, sheets

WEIGHING = "Weighing both sides, name one possible benefit"  # question 14's prompt
DIFFERENTLY = "Why might Chinese officials and human rights groups"  # question 15's


def _frozen_without_lines(tmp_path, *prompts):
    """The frozen first guide with the `lines:` of the short answers ``prompts`` open taken out (their counts the
    default); its other text as it is."""
    out, drop = [], False
    for line in FROZEN.read_text(encoding="utf-8").splitlines():
        if "prompt:" in line:
            drop = any(p in line for p in prompts)
        if not (drop and line.strip().startswith("lines:")):
            out.append(line)
    path = tmp_path / "frozen-default-lines.yaml"
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return path


def _built(path, **options):
    guide = api.load(path)
    theme = api.theme_for(guide, None, options.pop("edition", None))
    return theme, render.render(guide, theme=theme, **options)


def test_a_short_page_gives_its_default_answer_lines_until_it_is_full_enough(tmp_path):
    """Large print, letter: page 15 holds questions 14 and 15 and ends 31 % empty, the matching after them too
    tall for the rest. With question 14's count the default (15 keeps its `lines: 4`), question 14 takes one more
    line and the page ends under 30 % empty; question 15 prints its 4 as given, and every question starts on the
    page it did, in the handout and the key, whose model answers read as before."""
    theme, docs = _built(_frozen_without_lines(tmp_path, WEIGHING), edition="large-print")
    for mode, doc in docs.items():
        fill = page_fill(doc.pdf, theme)
        assert fill[14][0] <= EMPTY_AT_MOST, (mode, fill[14])
        assert doc.question_pages[12:17] == [14, 15, 15, 16, 16], mode
        texts = [norm(t) for t in page_texts(doc.pdf)]
        assert texts[14].startswith("14. (3 pts) Weighing both sides"), mode
        answer = "A risk is that officers bring home surveillance methods that limit citizens’ privacy and freedoms."
        assert (answer in texts[14]) == (mode == "key"), mode
    assert docs["student"].pages == 27 and docs["key"].pages == 29
    rules = _lined_rules(docs["student"].pdf, theme)
    assert rules[13:16] == [4, 5 + 4, 4 + 5]  # (page 16: question 16's 4 and the essay's first 5 lines, as before)


def test_the_lines_are_shared_by_the_default_answers_on_the_page(tmp_path):
    """Both answers on page 15 at their default count: the one line it needs goes to the later (their counts
    alike); the handout and the key still start every question on the same page."""
    theme, docs = _built(_frozen_without_lines(tmp_path, WEIGHING, DIFFERENTLY), edition="large-print")
    assert docs["student"].question_pages == docs["key"].question_pages
    assert page_fill(docs["student"].pdf, theme)[14][0] <= EMPTY_AT_MOST
    assert _lined_rules(docs["student"].pdf, theme)[14] == 4 + 5


def test_a_given_count_on_a_short_page_is_printed_as_given():
    """The frozen guide as it is gives every count (`lines: 4`): page 15 stays 31 % empty with its 4 + 4 lines
    rather than print more than the teacher asked for. (The frozen guide's large print as test_print_design
    lays it out, once in a run: conftest.rendered.)"""
    _, theme, docs = rendered(FROZEN, edition="large-print")
    assert page_fill(docs["student"].pdf, theme)[14][0] > EMPTY_AT_MOST
    assert _lined_rules(docs["student"].pdf, theme)[14] == 4 + 4


RIVER_ANSWER = "The land is flatter there, so the water has less slope to pull it along and spreads out."


def _rivers(tmp_path, choices: int, stages: int, answer: str = RIVER_ANSWER):
    """A page of ``choices`` multiple-choice questions and a short answer of the default count (3 lines), before
    an ordering question of ``stages`` items (kept whole) too tall for the room left under them."""
    text = ["title: Rivers and their parts", "questions:"]
    for n in range(choices):
        text += ["  - type: multiple_choice", f"    prompt: Which part of a river is described in statement {n + 1}?",
                 "    choices: [the source, the mouth, the delta, the meander]", "    answer: A"]
    text += ["  - type: short_answer", "    prompt: Explain in your own words why a river slows down as it nears the sea.",
             f"    answer: {answer}",
             "  - type: ordering", "    prompt: Put the stages of the river's journey in order.", "    items:"]
    text += [f"      - Stage {k + 1} of the journey of the water down to the sea" for k in range(stages)]
    path = tmp_path / f"rivers-{choices}-{stages}.yaml"
    path.write_text("\n".join(text) + "\n", encoding="utf-8")
    return path


# (choices, stages) per theme and paper: page 1 would end short (over 30 % empty), and the short answer's 3
# lines, given at most 3 more (stretch.MOST), fill to 70 %
STANDARD = [("classic", "letter", (4, 16)), ("classic", "a4", (5, 16)), ("compact", "letter", (7, 16)),
            ("modern", "letter", (4, 16)), ("modern", "a4", (4, 16)), ("ink-saver", "letter", (6, 16)),
            ("ink-saver", "a4", (6, 16)), ("classic", "a5", (1, 10)), ("classic", "half-letter", (2, 10)),
            ("compact", "a5", (3, 10)), ("modern", "a5", (1, 10)), ("modern", "half-letter", (1, 10)),
            ("ink-saver", "a5", (2, 10)), ("ink-saver", "half-letter", (2, 10))]
FULL = (4, 16)


@pytest.mark.parametrize("theme,paper,shape", STANDARD, ids=[f"{t}-{p}" for t, p, _ in STANDARD])
def test_the_standard_edition_fills_a_short_page_with_answer_lines(tmp_path, theme, paper, shape):
    """Every theme, on full and small pages: the short answer takes lines enough that page 1 is no more than 30 %
    empty (it was more), the ordering question still opens page 2 in the handout and the key, no page is added,
    and the key writes its model answer on the first of the lines."""
    guide = api.load(_rivers(tmp_path, *shape))
    th = api.theme_for(guide, theme, None)
    docs = render.render(guide, theme=th, paper=paper)
    starts, th = [1] * (shape[0] + 1) + [2], sheets.fit(th, paper)  # (a small page's margins, as printed)
    for mode, doc in docs.items():
        assert doc.pages == 2 and doc.question_pages == starts, mode
        assert page_fill(doc.pdf, th)[0][0] <= EMPTY_AT_MOST, mode
    assert 3 < _lined_rules(docs["student"].pdf, th)[0] <= 6
    assert "The land is flatter there" in norm(page_texts(docs["key"].pdf)[0])


def test_an_answer_of_one_line_keeps_its_line(tmp_path):
    """A short answer whose model answer is a word has one line and asks *Write your answer on the line.*: on a
    short page it keeps that one line (more would contradict the instruction), and the page stays as it was."""
    guide = api.load(_rivers(tmp_path, *FULL, answer="Gravity"))
    th = api.theme_for(guide, None, None)
    docs = render.render(guide, theme=th)
    assert page_fill(docs["student"].pdf, th)[0][0] > EMPTY_AT_MOST
    assert _lined_rules(docs["student"].pdf, th)[0] == 1
    assert "Write your answer on the line." in norm(page_texts(docs["student"].pdf)[0])


def test_an_answer_gains_at_most_its_own_count(tmp_path):
    """A page that only many more lines could fill stays as it is: a 3-line answer never gains more than 3 (nor any
    answer more than 4), as a two-word answer given 12 lines above an activity asked for an essay no one set."""
    guide = api.load(_rivers(tmp_path, 1, 16))  # page 1: one question and the short answer, over half empty
    th = api.theme_for(guide, None, None)
    docs = render.render(guide, theme=th)
    assert page_fill(docs["student"].pdf, th)[0][0] > 0.5
    assert _lined_rules(docs["student"].pdf, th)[0] == 3
    assert docs["student"].question_pages == docs["key"].question_pages == [1, 1, 2]
