"""In large print a picture is never shrunk: the large-print Cornell notes printed a topic's picture at the
standard notes column's 2.2 in (238 pt wide for the plates guide's cross-section, its labels about 5 pt) while
the large-print handout printed it 389 pt wide. Cornell (and guided notes) now print it as the handout does,
across the page under the topic's notes when the notes column is too narrow for it. Widths are read from the
content stream's image matrix."""
from __future__ import annotations

from conftest import Pdf, write_guide
from studyguide.classroom import SetOptions, build_set

GUIDE = """
title: Inside the Earth
vocabulary:
  - term: mantle
    definition: The thick hot layer under the crust.
topics:
  - title: The layers of the Earth
    summary: The crust is thin; under it the mantle flows very slowly.
    cues: [Which layer is liquid?]
    points:
      - The outer core is liquid iron and nickel.
    image: layers.png
    caption: A quarter of the Earth, cut open.
  - title: Plates
    points:
      - Plates move a few centimetres a year.
questions:
  - type: true_false
    prompt: The mantle is liquid.
    answer: false
"""


def _images(pdf: Pdf) -> list[tuple[int, float, float, float]]:
    """(page index, x, width, height) of every image drawn."""
    found = []
    for n, page in enumerate(pdf.reader.pages):
        def visit(op, args, cm, tm, n=n):
            if op == b"Do":
                found.append((n, cm[4], cm[0], cm[3]))
        page.extract_text(visitor_operand_before=visit)
    return found


def _build(tmp_path, **kw) -> dict[str, Pdf]:
    from PIL import Image, ImageDraw

    folder = tmp_path / "g"
    path = write_guide(folder, "earth.yaml", GUIDE)
    picture = Image.new("RGB", (900, 560), "white")
    ImageDraw.Draw(picture).ellipse((40, 40, 520, 520), fill=(230, 120, 40))  # wider than tall, as the cross-section
    picture.save(folder / "layers.png")
    out = tmp_path / "out"
    result = build_set(path, out, None, SetOptions(**kw))
    return {o.path.name: Pdf(o.path) for o in result.outputs}


def test_large_print_cornell_and_notes_print_a_picture_as_large_as_the_large_print_handout(tmp_path):
    handout = _build(tmp_path / "h", edition="large-print")["earth-large-print.pdf"]
    (_, _, full, full_h), = _images(handout)
    assert full > 380  # the handout's size: 80 % of the large-print text width
    small = _build(tmp_path / "s", format="cornell")
    (_, _, standard, _), = _images(small["earth-cornell.pdf"])
    assert standard < full * 0.7  # the standard Cornell notes column (unchanged)
    cornell = _build(tmp_path / "c", format="cornell", edition="large-print")
    notes = _build(tmp_path / "n", format="notes", edition="large-print")
    for name, pdf in [*cornell.items(), *notes.items()]:
        (page, x, w, h), = _images(pdf)
        assert abs(w - full) < 0.5 and abs(h - full_h) < 0.5, (name, w, full)
        assert "A quarter of the Earth, cut open." in pdf.pages[page], name  # its caption with it
    (_, x, w, _), = _images(cornell["earth-cornell-large-print.pdf"])
    assert x < 0.3 * 612  # across the page: it starts under the cue column
