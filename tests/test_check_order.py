"""`check` says when another order of the activities prints the handout on fewer pages (reorder.py), and
where to write it; it never reorders, and says nothing when no order saves a page."""
from __future__ import annotations

import pytest

from conftest import REPO, cli_main, page_texts
from studyguide import api, reorder
from studyguide.errors import Location

TERMS = [("volcano", "A mountain where melted rock comes up from inside the earth."),
         ("magma", "Melted rock below the ground."), ("lava", "Melted rock that flows out onto the ground."),
         ("crater", "The bowl-shaped hole at the top of a volcano."), ("ash", "Tiny pieces of rock blown into the air."),
         ("eruption", "The moment a volcano throws out rock, ash and gas."),
         ("plate", "A huge slab of the earth's outer shell."), ("dormant", "Quiet now, but able to erupt again.")]


def volcanoes(tmp_path, questions: int, activities: str, name: str = "volcanoes.yaml"):
    """A guide of 8 terms and ``questions`` three-line short answers; ``activities``: its `activities:` value as
    typed. With 5 questions and [word_search, matching], the matching goes alone on page 3, 36 % full, while
    matching first fits under question 5 on page 2, the word search after it."""
    vocab = "".join(f"  - term: {t}\n    definition: {d}\n" for t, d in TERMS)
    qs = "".join(f"  - type: short_answer\n    prompt: Question {i} about the volcano, its magma and its lava?\n"
                 f"    lines: 3\n    answer: Some words.\n    points: 1\n" for i in range(1, questions + 1))
    path = tmp_path / name
    path.write_text(f"title: Volcanoes\nvocabulary:\n{vocab}activities: {activities}\nquestions:\n{qs}",
                    encoding="utf-8")
    return path


def check(*args):
    result = cli_main("check", *args)
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def test_check_names_the_order_that_saves_a_page_at_the_activities_line(tmp_path):
    path = volcanoes(tmp_path, 5, "[word_search, matching]")
    out = check(path)
    assert out[0].startswith(f"{path}: 3 pages")
    assert out[-2].split() == ["matching", "3", "3", "36", "%", "full", "6", "terms"]
    assert out[-1] == (f"  another order of the activities saves a page: write 'activities: [matching, word_search]' "
                       f"at {path}:19 (handout 3 → 2 pages, key 3 → 2)")
    # what it says is what build then prints: the matching under question 5, the word search after it
    assert path.read_text(encoding="utf-8").count("activities: [word_search, matching]") == 1  # (left as written)
    moved = volcanoes(tmp_path, 5, "[matching, word_search]", "moved.yaml")
    built = api.build(moved, tmp_path / "out")
    handout, key = (page_texts(o.path.read_bytes()) for o in built.outputs)
    assert (len(handout), len(key)) == (2, 2)
    assert "Question 5" in handout[1] and handout[1].index("Vocabulary Matching") < handout[1].index("Word Search")
    assert check(moved)[-1].split()[:3] == ["word", "search", "2"]  # (and the moved guide gets no hint of its own)


def test_a_block_list_is_named_at_its_key_and_the_flags_order_as_a_flag(tmp_path):
    path = volcanoes(tmp_path, 5, "\n  - word_search\n  - matching")
    assert check(path)[-1].startswith("  another order of the activities saves a page: write "
                                      f"'activities: [matching, word_search]' at {path}:19 (")
    plain = volcanoes(tmp_path, 5, "[]", "plain.yaml")
    assert check(plain, "--activities", "word_search,matching")[-1] == (
        "  another order of the activities saves a page: give --activities matching,word_search "
        "(handout 3 → 2 pages, key 3 → 2)")


@pytest.mark.parametrize("questions,why", [
    (6, "tried: the matching is alone on page 3, 36 % full, but no order saves a page"),
    (4, "not tried: both activities share page 2, 95 % full"),
])
def test_no_hint_when_no_order_saves_a_page(tmp_path, questions, why):
    out = check(volcanoes(tmp_path, questions, "[word_search, matching]"))
    assert not any("another order" in line for line in out), why
    assert out[-1].split()[:2] == ["matching", "3" if questions == 6 else "2"]


def test_at_most_six_orders_are_laid_out_the_last_activity_brought_forward_first(tmp_path, monkeypatch):
    """Four activities have 24 orders; the guide's own and 5 others are laid out, no more."""
    assert reorder.orders(["crossword", "cloze", "word_search", "matching"])[:2] == [
        ("matching", "crossword", "cloze", "word_search"), ("matching", "crossword", "word_search", "cloze")]
    path = volcanoes(tmp_path, 6, "[crossword, cloze, word_search, matching]")
    laid = []
    real = api.render_guide
    monkeypatch.setattr(api, "render_guide", lambda g, *a, **k: laid.append(g.activities) or real(g, *a, **k))
    out = check(path)
    assert out[-1].split()[:2] == ["matching", "4"] and "36 % full" in out[-1]
    assert len(set(laid)) == reorder.ORDERS == 6


def test_the_guide_formats_example_is_the_line_check_prints():
    """docs/guide-format.md quotes the hint; it stays the line reorder.hint writes."""
    line = reorder.hint(["crossword", "matching"], 7, (("matching", "crossword"), 6, 7, 6), Location("guides/x.yaml", 147))
    assert f"`{line.strip()}`" in (REPO / "docs" / "guide-format.md").read_text(encoding="utf-8")
