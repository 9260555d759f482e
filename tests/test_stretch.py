"""Answer space that fills a short page (stretch.py): the written answers whose line count the guide left to the
default get more lines where their page would end more than 30 % empty, measured on the printed pixels."""
from __future__ import annotations

from conftest import norm, page_texts
from test_print_design import EMPTY_AT_MOST, FROZEN, _lined_rules, page_fill
from studyguide import api, render

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
    rather than print more than the teacher asked for."""
    theme, docs = _built(FROZEN, edition="large-print")
    assert page_fill(docs["student"].pdf, theme)[14][0] > EMPTY_AT_MOST
    assert _lined_rules(docs["student"].pdf, theme)[14] == 4 + 4
