"""Large-print organizers (trial r8, L4): the perspectives chart printed each who in bold atop its view box
under a heading that said only "View"; and a Frayer card took a page of its own (10 sheets for 8 terms).
The heading now says "Who / View", and on a page where two cards of three ruled lines a box fit (A4) and two
of four do not, the cards have three lines and two share a page, never split."""
from __future__ import annotations

import re

from conftest import Pdf, write_guide
from studyguide.classroom import SetOptions, build_set

TERMS = ["stanza", "speaker", "tone", "imagery"]
GUIDE = """
title: Reading a Poem
perspectives:
  - who: A reader who takes the poem as advice
    view: The poem praises independent choices.
  - who: A reader who notices the irony
    view: The speaker will later tell a neater story.
vocabulary:
""" + "".join(f"""  - term: {t}
    definition: A short meaning of {t}.
    example: One example of {t}.
""" for t in TERMS) + """questions:
  - type: true_false
    prompt: A poem has a speaker.
    answer: true
"""


def _pages(tmp_path, paper):
    path = write_guide(tmp_path / "g", "poem.yaml", GUIDE)
    result = build_set(path, tmp_path / paper, paper, SetOptions(format="organizers", edition="large-print"))
    return {o.path.name: Pdf(o.path) for o in result.outputs}


def _cards(page: str) -> list[str]:
    """The terms whose card is on the page (its band, right before the lower boxes' "Examples"), checked whole:
    a "Definition" and a "Non-examples" heading for each."""
    on = [t for t in TERMS if re.search(rf"(?<![\w.]){t} Examples", page)]
    assert page.count("Definition") == page.count("Non-examples") == len(on), page
    return on


def test_large_print_perspectives_say_who_and_two_frayer_cards_share_an_a4_page(tmp_path):
    a4 = _pages(tmp_path, "a4")
    assert set(a4) == {"poem-organizers-large-print.pdf", "poem-organizers-large-print-key.pdf"}
    for name, pdf in a4.items():
        assert "Who / View" in pdf.text and "Evidence" in pdf.text, name
        cards = [_cards(page) for page in pdf.pages]
        assert sorted(t for on in cards for t in on) == sorted(TERMS), (name, cards)  # every card whole on one page
        # a page each before; the first goes with the "Frayer Model" heading, which leaves no room for a second
        assert [len(on) for on in cards if on] == [1, 2, 1], (name, cards)
    assert len(a4["poem-organizers-large-print.pdf"].pages) == len(a4["poem-organizers-large-print-key.pdf"].pages)
    key = a4["poem-organizers-large-print-key.pdf"].text
    assert all(f"A short meaning of {t}." in key for t in TERMS)


def test_large_print_frayer_cards_on_letter_keep_four_lines_a_page_each(tmp_path):
    letter = _pages(tmp_path, "letter")
    for name, pdf in letter.items():
        cards = [_cards(page) for page in pdf.pages]
        assert max(len(on) for on in cards) == 1, (name, cards)  # two do not fit even at three lines: unchanged
