"""A key note that nearly fills a page on its own (review r8 H1): under "Notes on the Answers (continued)" it fits
no page, so the build failed ("question 3 is taller than a page"), where it built before the heading existed.
Such a note now opens its page with no heading over it; every note is printed, once."""
from __future__ import annotations

import re

from conftest import CASES, Pdf
from studyguide import api, render

GUIDE = CASES / "keynotes" / "milton-long-notes.yaml"


def test_a_note_that_fills_a_page_alone_goes_on_without_the_continued_heading(tmp_path):
    guide = api.load(GUIDE)
    docs = render.render(guide, paper="a5", theme=api.theme_for(guide, "modern", "large-print"))
    (tmp_path / "key.pdf").write_bytes(docs["key"].pdf)
    key = Pdf(tmp_path / "key.pdf")
    assert (docs["student"].pages, docs["key"].pages) == (11, 14)  # as before the "(continued)" heading
    for question in guide.questions:
        words = re.sub(r"\s+", " ", question.explanation).strip()
        first = words.split(". ")[0]
        assert key.text.count(first) == words.count(first), question.number  # every note whole, once
    notes = [i for i, page in enumerate(key.pages) if "Notes on the Answers" in page]
    assert notes == [11, 12]  # the heading, then "(continued)" over note 2; note 3 alone on page 14
    assert key.lines[13][0].startswith("3.") or key.lines[13][1].startswith("3."), key.lines[13][:2]


def test_the_last_note_never_opens_a_page_alone_where_the_note_before_can_go_with_it(tmp_path):
    """The Russian guide on A5: note 4 opened the key's last page alone under "Notes on the Answers (continued)",
    notes 1 and 3 on the page before under the grid. Note 3 now goes over with it, on the same pages."""
    result = api.build(CASES / "trial" / "krugovorot-ru.yaml", tmp_path, paper="a5")
    handout, key = (Pdf(o.path) for o in result.outputs)
    assert (handout.page_count, key.page_count) == (6, 7)
    six, seven = (" ".join(page.split()) for page in key.pages[5:])
    assert six.split("Words to find")[1].split("Notes on the Answers ")[1].startswith("1. (page 2) Почему:")
    assert "3. (page 2)" not in six and "4. (page 2)" not in six
    assert seven.startswith("Notes on the Answers (continued) 3. (page 2) Почему: Облака")
    assert "4. (page 2) Also accept “конденсация”" in seven
