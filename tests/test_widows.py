"""No paragraph leaves its last line alone at the top of a page (a widow) or its first line alone at the foot
(an orphan): the bundled guide's page 3 opened with "fairer.", the last word of a bullet begun on page 2, in
the handout and the key. Read from the printed pages (tests/widows.py)."""
from __future__ import annotations

import pytest

from conftest import CASES, GUIDES_DIR, page_texts, rendered
from widows import scan

POLICE = GUIDES_DIR / "china-foreign-police-training.yaml"


def test_the_bundled_guides_page_3_opens_with_the_whole_bullet():
    _, _, pages = rendered(POLICE)
    for copy in ("student", "key"):
        top = page_texts(pages[copy].pdf)[2].strip().splitlines()[0]
        assert top.startswith("• Critics warn that exporting police strategies"), f"{copy}: page 3 opens {top!r}"
        assert "fairer." not in page_texts(pages[copy].pdf)[1], f"{copy}: the bullet's last word left on page 2"


# builds where the first layout left a line alone: the bundled guide's A4 and large print, the photosynthesis
# guide on A5, the Italian guide in large print
@pytest.mark.parametrize("path, edition, paper", [
    (POLICE, None, "a4"), (POLICE, "large-print", None),
    (GUIDES_DIR / "photosynthesis-and-the-carbon-cycle.yaml", None, "a5"),
    (CASES / "trial" / "rinascimento.yaml", "large-print", None)], ids=lambda v: getattr(v, "stem", v))
def test_no_line_alone_over_a_page(path, edition, paper):
    _, _, pages = rendered(path, edition=edition, paper=paper)
    for copy in ("student", "key"):
        assert scan(pages[copy].pdf) == [], f"{path.stem} {edition or ''} {paper or 'letter'} {copy}"


PHOTOSYNTHESIS = GUIDES_DIR / "photosynthesis-and-the-carbon-cycle.yaml"


def test_keeping_a_widow_away_never_costs_a_page(monkeypatch):
    """Photosynthesis' A4 large print with widows kept away took 17 pages for 16 (its key 19 for 18): its vocabulary's
    last entry went on over a page only where a line could stand alone atop one. It prints as short as it would with
    widows allowed everywhere (where the rule costs no page, test_no_line_alone_over_a_page: no line alone)."""
    from studyguide import api, render, widows

    guide = api.load(PHOTOSYNTHESIS)
    theme = api.theme_for(guide, None, "large-print")
    built = render.render(guide, paper="a4", theme=theme)
    monkeypatch.setattr(widows._Rule, "__bool__", lambda self: True)  # (every layout allows widows)
    allowed = render.render(guide, paper="a4", theme=theme)
    for copy in ("student", "key"):
        assert built[copy].pages <= allowed[copy].pages, f"{copy}: {built[copy].pages} pages for {allowed[copy].pages}"
