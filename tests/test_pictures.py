"""Pictures print as a teacher sees them on screen: a phone photo upright (its EXIF orientation
applied), a 16-bit greyscale scan in its greys, and pictures of every other mode Pillow reads from a
PNG, JPEG or GIF in their colours. Each test builds a guide with the picture as a topic's image or
as the logo, renders page 1 of the handout and of the key, and reads the printed pixels."""
from __future__ import annotations

from pathlib import Path

import pytest

from studyguide import api

RED, BLUE, GREEN, YELLOW = (220, 0, 0), (0, 0, 220), (0, 170, 0), (230, 200, 0)
# upright: a red band on top, blue left and green right in the middle, a yellow band at the foot
BANDS = [(RED, (0, 0, 60, 40)), (BLUE, (0, 40, 30, 80)), (GREEN, (30, 40, 60, 80)), (YELLOW, (0, 80, 60, 120))]

QUESTION = "questions:\n  - type: true_false\n    prompt: Is it upright?\n    answer: true\n"


def pages_with(tmp_path: Path, picture: str, where: str) -> list:
    """Page 1 of the handout and of the key of a guide showing ``picture`` as a topic's image or the logo."""
    import pypdfium2

    guide = tmp_path / "g.yaml"
    head = f"title: Pictures\nlogo: {picture}\n" if where == "logo" else "title: Pictures\n"
    topic = f"topics:\n  - title: A picture\n    image: {picture}\n" if where == "image" else ""
    guide.write_text(head + topic + QUESTION, encoding="utf-8")
    return [pypdfium2.PdfDocument(out.path)[0].render(scale=2).to_pil().convert("RGB")
            for out in api.build(guide, tmp_path / "out").outputs]


def centre_of(page, colour, tolerance: int = 45) -> tuple[float, float, tuple]:
    """The middle of the printed area of ``colour`` (thin strokes such as text left out) and its box."""
    from PIL import ImageChops, ImageFilter

    bands = [band.point(lambda v, c=c: 255 if abs(v - c) <= tolerance else 0) for band, c in zip(page.split(), colour)]
    found = ImageChops.multiply(ImageChops.multiply(bands[0], bands[1]), bands[2])
    # the filter runs on the colour's own area (and a margin wider than its reach): the same pixels
    # as over the whole page, as all the rest is unprinted, in a fraction of the time
    near = found.getbbox()
    if near:
        near = (max(near[0] - 4, 0), max(near[1] - 4, 0), min(near[2] + 4, page.width), min(near[3] + 4, page.height))
        box = found.crop(near).filter(ImageFilter.MinFilter(5)).getbbox()
        box = box and (box[0] + near[0], box[1] + near[1], box[2] + near[0], box[3] + near[1])
    assert near and box, f"nothing of {colour} printed"
    return (box[0] + box[2]) / 2, (box[1] + box[3]) / 2, box


# -- 2. phone photos: the EXIF orientation ------------------------------------------------------------

TURNS = {2: "FLIP_LEFT_RIGHT", 3: "ROTATE_180", 4: "FLIP_TOP_BOTTOM", 5: "TRANSPOSE", 6: "ROTATE_90",
         7: "TRANSVERSE", 8: "ROTATE_270"}  # how a camera stores an upright scene under each orientation


def phone_photo(path: Path, orientation: int) -> None:
    """A portrait picture (60×120 upright) stored as a camera with that EXIF orientation stores it."""
    from PIL import Image, ImageDraw, ImageOps

    upright = Image.new("RGB", (60, 120), "white")
    for colour, box in BANDS:
        ImageDraw.Draw(upright).rectangle((box[0], box[1], box[2] - 1, box[3] - 1), fill=colour)
    stored = upright.transpose(getattr(Image.Transpose, TURNS[orientation])) if orientation > 1 else upright
    exif = Image.Exif()
    exif[0x0112] = orientation
    stored.save(path, quality=95, exif=exif)
    with Image.open(path) as check:  # the picture is what every viewer shows: upright again
        assert ImageOps.exif_transpose(check).convert("RGB").getpixel((30, 5))[0] > 200


@pytest.mark.parametrize("where", ["image", "logo"])
@pytest.mark.parametrize("orientation", range(1, 9))
def test_a_phone_photo_prints_upright_as_every_viewer_shows_it(tmp_path, orientation, where):
    phone_photo(tmp_path / "phone.jpg", orientation)
    for page in pages_with(tmp_path, "phone.jpg", where):
        red, blue, green, yellow = (centre_of(page, colour) for colour, _ in BANDS)
        assert red[1] < blue[1] < yellow[1] and red[1] < green[1] < yellow[1], "red on top, yellow at the foot"
        assert blue[0] < green[0], "blue on the left, green on the right"
        left, top = red[2][0], red[2][1]
        right, bottom = yellow[2][2], yellow[2][3]
        assert bottom - top > 1.8 * (right - left), "a portrait picture prints as a portrait"


def test_a_turned_photo_goes_into_the_pdf_as_the_phone_saved_it(tmp_path):
    """Turned by the page, not decoded and stored again: a 12-megapixel photo keeps its JPEG size."""
    phone_photo(tmp_path / "phone.jpg", 6)
    import pypdf

    built = pypdf.PdfReader(api.build(_write(tmp_path, "phone.jpg"), tmp_path / "out").outputs[0].path)
    [image] = [x.get_object() for x in built.pages[0]["/Resources"]["/XObject"].values()]
    assert (image["/Width"], image["/Height"]) == (120, 60)  # as stored: sideways
    assert image.get_data() == (tmp_path / "phone.jpg").read_bytes()  # the JPEG itself (ASCII85 undone)


def _write(tmp_path: Path, picture: str) -> Path:
    guide = tmp_path / "g.yaml"
    guide.write_text(f"title: Pictures\ntopics:\n  - title: A picture\n    image: {picture}\n" + QUESTION,
                     encoding="utf-8")
    return guide


# -- 9. 16-bit greyscale, and the other modes a PNG, JPEG or GIF opens in ------------------------------

def grey16(path: Path, values, size=(300, 200), **save) -> None:
    from PIL import Image

    im = Image.new("I;16", size)
    im.putdata(values)
    im.save(path, **save)


def test_a_16_bit_grey_picture_prints_its_grey_not_white(tmp_path):
    grey16(tmp_path / "scan.png", [32768] * 60000)
    for page in pages_with(tmp_path, "scan.png", "image"):
        x, y, box = centre_of(page, (128, 128, 128), tolerance=2)
        assert box[2] - box[0] > 300, "the whole picture prints mid-grey"


def test_a_16_bit_grey_gradient_keeps_its_shades(tmp_path):
    grey16(tmp_path / "ramp.png", [x * 65535 // 299 for _ in range(200) for x in range(300)])
    page = pages_with(tmp_path, "ramp.png", "image")[0]
    dark, mid, light = (centre_of(page, (v, v, v), tolerance=8)[2] for v in (30, 128, 225))
    assert dark[2] < mid[0] and mid[2] < light[0], "dark on the left, light on the right"
    assert all(box[2] - box[0] < 80 for box in (dark, mid, light)), "each grey in a band of its own"


def test_a_16_bit_grey_picture_with_a_transparent_grey_prints_it_as_paper(tmp_path):
    values = [0 if 10 <= x < 30 and 10 <= y < 30 else 40000 for y in range(40) for x in range(40)]
    grey16(tmp_path / "key.png", values, size=(40, 40), transparency=40000)
    for page in pages_with(tmp_path, "key.png", "image"):
        _, _, box = centre_of(page, (0, 0, 0), tolerance=10)  # the black square, opaque
        x, y = box[0] - (box[2] - box[0]) // 4, (box[1] + box[3]) // 2
        assert page.getpixel((x, y)) == (255, 255, 255), "the transparent grey around it prints as paper"


def _mode(path: Path, kind: str) -> tuple[int, int, int]:
    """A picture in one of Pillow's modes, filled with one colour; that colour as a viewer shows it."""
    from PIL import Image

    made = {
        "L": lambda: Image.new("L", (90, 60), 100),
        "LA": lambda: Image.new("LA", (90, 60), (100, 255)),
        "1": lambda: Image.new("1", (90, 60), 0),
        "P": lambda: Image.new("P", (90, 60), 1),
        "RGB": lambda: Image.new("RGB", (90, 60), (20, 120, 200)),
        "CMYK": lambda: Image.new("CMYK", (90, 60), (0, 200, 200, 30)),
    }[kind.split("-")[0]]()
    if made.mode == "P":
        made.putpalette([0, 0, 0, 20, 120, 200] + [0] * 762)
    made.save(path, **({"transparency": 0} if kind == "P-transparent" else {}))
    return made.convert("RGB").getpixel((0, 0))


@pytest.mark.parametrize("kind, name", [("L", "l.png"), ("LA", "la.png"), ("1", "bw.png"), ("P", "pal.png"),
                                        ("P-transparent", "palt.png"), ("P", "pal.gif"), ("L", "grey.jpg"),
                                        ("RGB", "rgb.jpg"), ("CMYK", "cmyk.jpg")])
def test_pictures_of_every_mode_print_their_colour(tmp_path, kind, name):
    colour = _mode(tmp_path / name, kind)
    for page in pages_with(tmp_path, name, "image"):
        # a CMYK JPEG prints through the printer's own colours, which a screen shows a little apart
        _, _, box = centre_of(page, colour, tolerance=40 if kind == "CMYK" else 3)
        assert box[2] - box[0] > 300, f"the {kind} picture prints in its colour"
