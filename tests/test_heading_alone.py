"""A section's heading never ends a page: it prints with what it heads. The bundled guide's ink-saver theme
printed "Key Topics" as the last line of page 1 and its first topic on page 2, because the first topic's
list, moved whole with its title (mending.keep_lists), left the heading behind."""
from __future__ import annotations

import pytest

from conftest import GUIDES, page_texts, rendered
from studyguide import labels

SECTIONS = ("summary", "objectives", "topics", "perspectives", "chart", "takeaways", "vocabulary", "questions")


def _last_lines(pdf: bytes) -> list[str]:
    """Each page's last line of text above its footer (the footer is the page's last line)."""
    lines = [[line.strip() for line in text.splitlines() if line.strip()] for text in page_texts(pdf)]
    return [page[-2] if len(page) > 1 else "" for page in lines]


THEMES = ("classic", "compact", "modern", "ink-saver")
# Each bundled guide in every theme on letter and in classic on A4 (test_print_design lays out those pages too, so a
# worker lays each out once); the other A4 themes shared between the two guides, so every theme is on A4 once. The
# ink-saver case the heading was first found in, the China guide, keeps ink-saver on both papers.
A4_ALSO = {"china-foreign-police-training": ("compact", "ink-saver"), "photosynthesis-and-the-carbon-cycle": ("modern",)}
CASES = [pytest.param(path, paper, theme, id=f"{path.stem}-{paper}-{theme}") for path in GUIDES
         for paper in (None, "a4") for theme in THEMES
         if paper is None or theme == "classic" or theme in A4_ALSO.get(path.stem, THEMES)]


@pytest.mark.parametrize("path, paper, theme", CASES)
def test_no_page_ends_with_a_section_heading(path, theme, paper):
    guide, _, pages = rendered(path, theme=theme, paper=paper)
    words = labels.for_language(guide.language, guide.labels)
    headings = {guide.headings.get(key) or words[key] for key in SECTIONS}
    for copy in ("student", "key"):
        ends = _last_lines(pages[copy].pdf)
        alone = [(n, line) for n, line in enumerate(ends[:-1], 1) if line in headings]
        assert not alone, f"{path.stem} {theme} {paper or 'letter'} {copy}: pages ending on a heading: {alone}"
