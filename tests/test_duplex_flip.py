"""Double-sided flashcards, read back as a teacher would use them: print the fronts and backs on the two
sides of one sheet, turned over the edge the fronts page names, and each card's back is its own meaning.

For every card on a fronts sheet (each copy of it, on half and quarter sheets) the test takes its term's
centre, carries it through the stated flip (over the long edge of a landscape sheet the sheet turns top to
bottom; of a portrait one, side to side) and reads the back sheet's text there: the text nearest that
point must be the card's definition, and no other card's."""
from __future__ import annotations

import re

import pypdfium2 as pdfium
import pytest

from conftest import write_guide
from studyguide.classroom import SetOptions, build_set

CARDS = {  # terms and meanings that no other card's text contains
    "basalt": "Dark rock made of cooled lava.",
    "granite": "Pale speckled rock formed deep underground.",
    "magma": "Melted rock below the surface.",
    "mantle": "The thick hot layer under the crust.",
    "trench": "A deep narrow valley in the ocean floor.",
    "rift": "A crack where two plates pull apart.",
    "fault": "A break in rock along which it has moved.",
}

GUIDE = "title: Rocks\nvocabulary:\n" + "".join(
    f"  - term: {t}\n    definition: {d}\n" for t, d in CARDS.items()) + """\
questions:
  - type: true_false
    prompt: Granite forms from magma.
    answer: true
activities: [flashcards_duplex]
"""

BUILDS = [(paper, sheet, edition) for paper in ("letter", "a4") for sheet in (None, "half", "quarter")
          for edition in (None, "large-print") if not (sheet == "quarter" and edition)]


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def chars(page) -> list[tuple[str, float, float]]:
    """Each printed character of the page with its box's centre (points, from the sheet's lower left)."""
    text = page.get_textpage()
    out = []
    for i in range(text.count_chars()):
        ch = text.get_text_range(i, 1)
        if ch.strip():
            left, bottom, right, top = text.get_charbox(i)
            out.append((ch, (left + right) / 2, (bottom + top) / 2))
    return out


def centres(found: list[tuple[str, float, float]], word: str) -> list[tuple[float, float]]:
    """The centre of each place ``word`` is printed (a term printed twice on a half sheet: both)."""
    letters = "".join(ch for ch, _, _ in found)
    out = []
    for m in re.finditer(re.escape(word), letters):
        boxes = found[m.start():m.end()]
        xs, ys = [x for _, x, _ in boxes], [y for _, _, y in boxes]
        out.append(((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2))
    return out


def flipped(point, size, edge: str):
    """Where ``point`` of a sheet's front is on its back, the sheet turned over its ``edge`` (long, short)."""
    (x, y), (w, h) = point, size
    top_to_bottom = (w > h) == (edge == "long")  # the edge turned over is the sheet's top
    return (x, h - y) if top_to_bottom else (w - x, y)


@pytest.fixture(scope="module")
def guide(tmp_path_factory):
    return write_guide(tmp_path_factory.mktemp("duplex"), "rocks.yaml", GUIDE)


@pytest.mark.parametrize("paper,sheet,edition", BUILDS)
def test_each_back_is_behind_its_front_under_the_stated_flip(guide, tmp_path, paper, sheet, edition):
    built = build_set(guide, tmp_path, paper, SetOptions(sheet=sheet, edition=edition, key=False))
    pdf = pdfium.PdfDocument(built.outputs[0].path)
    pages = [chars(pdf[n]) for n in range(len(pdf))]
    fronts = [n for n, page in enumerate(pages) if "(Double-Sided):fronts" in "".join(ch for ch, _, _ in page)]
    assert fronts, "no fronts page"
    checked = set()
    for n in fronts:
        front, back, size = pages[n], pages[n + 1], pdf[n].get_size()
        assert "(Double-Sided):backs" in "".join(ch for ch, _, _ in back)
        edge = re.search(r"on the (long|short) edge", pdf[n].get_textpage().get_text_range().replace("\r\n", " "))
        assert edge, "the fronts page names no edge to flip on"
        spots = [(term, flipped(c, size, edge.group(1))) for term in CARDS for c in centres(front, term)]
        copies = {None: 1, "half": 2, "quarter": 4}[sheet]  # each card printed once on each page of the sheet
        assert spots and len(spots) % copies == 0 and all(sum(t == term for t, _ in spots) == copies for term, _ in spots)
        behind = {spot: [] for spot in range(len(spots))}
        for ch, x, y in back:  # each character of the back goes to the card it is printed on: the nearest spot
            nearest = min(range(len(spots)), key=lambda k: (spots[k][1][0] - x) ** 2 + (spots[k][1][1] - y) ** 2)
            behind[nearest].append(ch)
        for k, (term, _) in enumerate(spots):
            text = "".join(behind[k])
            assert squeeze(CARDS[term]) in text, f"page {n + 1}: behind {term!r} is {text!r}"
            others = [t for t in CARDS if t != term and squeeze(CARDS[t]) in text]
            assert not others, f"page {n + 1}: behind {term!r} are the meanings of {others}"
            checked.add(term)
    assert checked == set(CARDS)
