"""Large print never shrinks a picture, so a topic whose title and first lines ended a page printed its picture
atop the next, away from its text: a trial's "Il ritratto" had its title and two lines at the foot of page 2
and the portrait opening page 3 (r9 L12). Such a topic (with the section's heading over a first topic) now
moves whole to the next page when that costs no page and leaves no more pages short. Read back from the PDFs:
the title, its text and the picture (its caption, and the image drawn) print on one page, the pages as
many, and the picture at the same full size as before."""
from __future__ import annotations

from conftest import CASES, Pdf
from studyguide import api, render

GUIDE = CASES / "trial" / "rinascimento.yaml"


def _images(pdf: Pdf) -> list[tuple[int, float]]:
    """(page index, height) of every image drawn."""
    found = []
    for n, page in enumerate(pdf.reader.pages):
        def visit(op, args, cm, tm, n=n):
            if op == b"Do":
                found.append((n, round(cm[3], 1)))
        page.extract_text(visitor_operand_before=visit)
    return found


def test_a_large_print_topic_moves_whole_rather_than_leave_its_picture_a_page_after_its_title(tmp_path):
    guide = api.load(GUIDE)
    docs = render.render(guide, theme=api.theme_for(guide, "classic", "large-print"))
    for mode in ("student", "key"):
        (tmp_path / f"{mode}.pdf").write_bytes(docs[mode].pdf)
        pdf = Pdf(tmp_path / f"{mode}.pdf")
        assert pdf.page_count <= 16, mode  # (as many pages as before, or fewer)
        page = next(n for n, text in enumerate(pdf.pages) if "Il ritratto Il ritratto rinascimentale" in text)
        assert "Temi principali Il ritratto" in pdf.pages[page], mode  # (the section's heading with it)
        assert "Figura 1. Schema di un ritratto" in pdf.pages[page], (mode, page + 1)
        portrait = [(n, h) for n, h in _images(pdf) if h > 200]  # (the logo and the wide panorama are lower)
        assert portrait == [(page, 259.2)], (mode, portrait)  # full size: 3.6 in tall, never shrunk in large print


BEARS = CASES / "trial" / "grade2-bears-in-winter.yaml"


def test_a_topic_pushed_down_by_the_one_moved_before_it_moves_whole_too(tmp_path):
    """Grade 2's large print: the first topic moved whole to page 2 with its picture pushed the second, a title
    and a picture only, to page 2's foot: "Winter" alone there, its snow picture opening page 3 (trial r13 #4).
    Each topic so pushed now moves too: the title prints on the page of its caption, the pages as many (5)."""
    guide = api.load(BEARS)
    docs = render.render(guide, theme=api.theme_for(guide, "classic", "large-print"))
    for mode in ("student", "key"):
        (tmp_path / f"{mode}.pdf").write_bytes(docs[mode].pdf)
        pdf = Pdf(tmp_path / f"{mode}.pdf")
        assert pdf.page_count == 5, mode
        pages = [n for n, text in enumerate(pdf.pages) if "Picture 2. Snow in winter." in text]
        assert len(pages) == 1 and pdf.pages[pages[0]].startswith("Winter "), (mode, [t[:80] for t in pdf.pages])
        bear = next(n for n, text in enumerate(pdf.pages) if "Picture 1. Bear sleeps" in text)
        assert "What do bears do in winter?" in pdf.pages[bear], mode
        assert "Winter" not in pdf.pages[pages[0] - 1].replace("in winter", "").replace("in Winter", ""), mode
