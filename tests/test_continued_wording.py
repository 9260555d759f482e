"""A question that goes on over a page is named in one wording wherever it does: over its choices or items
(layout/opening.py), over its answer lines (layout/lines.py) and over a large-print matching's later part
(matchparts.py). Before, the first said "Question 1 (continued)" and the other two "Question 8, continued"; an
Italian guide that gave `continued` got its own words over choices and English ones over lines."""
import re

import pytest
from conftest import CASES, page_texts

from studyguide import api, labels, render

GUIDES = CASES.parent.parent / "guides"


@pytest.mark.parametrize("code", sorted(labels.LANGUAGES))
def test_every_language_names_a_question_going_on_in_one_wording(code):
    table = labels.LANGUAGES[code]
    assert set(table) == set(labels.EN)  # (every key English has, in every built-in language)
    said = table["continued"].format(what=table["field_question"].format(n=8))
    assert table["lines_part"].format(number=8) == said
    part = table["matching_part"].format(number=8, first=5, last=12, a="E", b="L")
    assert part.startswith(said) and len(part) > len(said)


def _continuations(path, edition, theme_name="classic"):
    guide = api.load(path)
    built = render.render(guide, ("student", "key"), paper="letter", theme=api.theme_for(guide, theme_name,
                                                                                          edition=edition))
    return [(mode, n, line) for mode in ("student", "key") for n, text in enumerate(page_texts(built[mode].pdf), 1)
            for line in text.splitlines() if re.search(r"contin", line)]


@pytest.mark.parametrize("path, edition, expected", [
    (GUIDES / "photosynthesis-and-the-carbon-cycle.yaml", "standard", [(7, "Question 8 (continued)")]),  # lines
    (CASES / "layout" / "n13-long-order-select.yaml", "large-print",  # choices and items
     [(6, "Question 1 (continued)"), (7, "Question 2 (continued)")]),
    (CASES / "layout" / "v03-match12.yaml", "large-print", [(6, "Question 1 (continued): items 5–12, letters E–L")]),
])
def test_the_handout_and_key_print_the_same_words_over_each_kind_of_continuation(path, edition, expected):
    found = _continuations(path, edition)
    assert found == [(mode, n, line) for mode in ("student", "key") for n, line in expected]


def test_a_guide_giving_continued_gets_it_over_answer_lines_too():
    """The Renaissance trial guide (Italian, no built-in labels) gives `continued: "{what} (continua)"` and not
    `lines_part`: its lines over page 8 went on under "Question 8, continued"; now in its own word, and check
    names `field_question` as the label that still prints in English there."""
    found = _continuations(CASES / "layout" / "rinascimento.yaml", "large-print")
    assert [line for *_, line in found if "Question" in line] == ["Question 8 (continua)"] * 2
    assert labels.for_language("it", {"continued": "{what} (continua)", "field_question": "Domanda {n}"})[
        "lines_part"] == "Domanda {number} (continua)"
    assert labels.for_language("es", {"continued": "{what} (sigue)"})["lines_part"] == "Pregunta {number} (sigue)"
    assert labels.for_language("it", {"lines_part": "Domanda {number}, segue", "continued": "{what} (continua)"})[
        "lines_part"] == "Domanda {number}, segue"
    told = labels.not_built_in("it", {"continued": "{what} (continua)"}, {"lines_part", "name"})
    assert told.endswith('Header and footer — name: "Name". Other words — field_question: "Question {n}". '
                         "(docs/guide-format.md#labels)")
    assert labels.not_built_in("it", {}, {"lines_part"}).endswith(
        'Headings — lines_part: "Question {number} (continued)". (docs/guide-format.md#labels)')


@pytest.mark.parametrize("given, expected", [
    ('  lines_part: "Question {number}, carried on"', "Question 1, carried on: items 5–12, letters E–L"),
    ('  continued: "{what} (cont.)"', "Question 1 (cont.): items 5–12, letters E–L"),
])
def test_a_guide_giving_its_continued_wording_gets_it_over_a_matching_part(tmp_path, given, expected):
    """A large-print matching cut in two opens its later part with the guide's own `lines_part` (or the one its
    `continued` makes), as its lines and choices do; before, that part printed the built-in "(continued)"."""
    path = tmp_path / "match12.yaml"
    path.write_text((CASES / "layout" / "v03-match12.yaml").read_text(encoding="utf-8") + f"labels:\n{given}\n",
                    encoding="utf-8")
    guide = api.load(path)
    built = render.render(guide, ("student", "key"), paper="letter", theme=api.theme_for(guide, "classic",
                                                                                          edition="large-print"))
    found = [(mode, n, line) for mode in ("student", "key") for n, text in enumerate(page_texts(built[mode].pdf), 1)
             for line in text.splitlines() if "items 5" in line or "(continued)" in line]
    assert found == [(mode, 6, expected) for mode in ("student", "key")]
    assert labels.for_language("es", {"lines_part": "Pregunta {number}, sigue"})["matching_part"] == \
        "Pregunta {number}, sigue: elementos {first}–{last}, letras {a}–{b}"


def test_a_matching_part_made_from_a_given_wording_is_still_named_where_its_rest_prints_in_english():
    told = labels.not_built_in("it", {"lines_part": "Domanda {number} (continua)"}, {"matching_part"})
    assert told.endswith('Headings — matching_part: "Question {number} (continued): items {first}–{last}, letters '
                         '{a}–{b}". (docs/guide-format.md#labels)')
