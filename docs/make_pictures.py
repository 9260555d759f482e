"""Render the README's pictures from the first guide's PDFs, and the themes side by side.

Run after `studyguide build`:  python docs/make_pictures.py
Needs pypdfium2 (pip install pypdfium2, or '.[test]'); not a dependency of studyguide itself.
"""
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageDraw

from studyguide import preview

HERE = Path(__file__).parent
REPO = HERE.parent
OUT = REPO / "output"
FIRST = REPO / "guides" / "china-foreign-police-training.yaml"
PICTURES = {  # picture → (pdf, page index)
    "handout-page-1.png": ("china-foreign-police-training.pdf", 0),
    "key-questions-page.png": ("china-foreign-police-training-key.pdf", 4),  # questions 1-5, notes beside
}


def side_by_side(shots, name: str, gap: int = 16) -> None:
    """Pages in a row, each framed in grey, saved as docs/NAME."""
    sheet = Image.new("RGB", (sum(s.width for s in shots) + gap * (len(shots) - 1), max(s.height for s in shots)),
                      "white")
    x = 0
    for shot in shots:
        sheet.paste(shot, (x, 0))
        ImageDraw.Draw(sheet).rectangle((x, 0, x + shot.width - 1, shot.height - 1), outline=(170, 170, 170))
        x += shot.width + gap
    sheet.quantize(64).save(HERE / name, optimize=True)
    print(f"wrote docs/{name}")


for name, (pdf_name, index) in PICTURES.items():
    page = pdfium.PdfDocument(OUT / pdf_name)[index]
    image = page.render(scale=1.0).to_pil().convert("RGB").quantize(32)
    image.save(HERE / name, optimize=True)
    print(f"wrote docs/{name}")

# the first page of the first guide in each bundled theme, side by side, names underneath
pages = []
for listed in preview.available(FIRST.parent):
    if listed.source == "bundled":
        pdf = pdfium.PdfDocument(preview.first_page(FIRST, listed, FIRST.parent))
        pages.append((listed.name, pdf[0].render(scale=0.55).to_pil().convert("RGB")))
w, h = pages[0][1].size
gap, label = 16, 28
sheet = Image.new("RGB", (len(pages) * (w + gap) - gap, h + label), "white")
draw = ImageDraw.Draw(sheet)
for i, (name, image) in enumerate(pages):
    x = i * (w + gap)
    sheet.paste(image, (x, 0))
    draw.rectangle((x, 0, x + w - 1, h - 1), outline=(170, 170, 170))
    draw.text((x + w // 2, h + 8), name, fill="black", anchor="mt", font_size=16)
sheet.quantize(128).save(HERE / "themes.png", optimize=True)
print("wrote docs/themes.png")

# the week's other handouts from the same guide: a quiz's first page and a sheet of exit tickets
import tempfile  # noqa: E402

from studyguide import api  # noqa: E402
from studyguide.classroom import SetOptions, build_set  # noqa: E402

with tempfile.TemporaryDirectory() as tmp:
    build_set(FIRST, tmp, None, SetOptions(format="quiz", questions="multiple_choice,true_false", key=False))
    kinds = [q.kind for q in api.load(FIRST).questions]  # the first true/false and fill-in, whatever their numbers
    ticket = ",".join(str(kinds.index(k) + 1) for k in ("true_false", "fill_in_blank") if k in kinds)
    build_set(FIRST, tmp, None, SetOptions(format="exit-ticket", questions=ticket, key=False))
    shots = [pdfium.PdfDocument(Path(tmp) / f"{FIRST.stem}-{name}.pdf")[0].render(scale=0.75).to_pil().convert("RGB")
             for name in ("quiz", "exit-ticket")]
side_by_side(shots, "quiz-and-exit-ticket.png")

# guided notes, handout beside key, and a page of Frayer cards
with tempfile.TemporaryDirectory() as tmp:
    build_set(FIRST, tmp, None, SetOptions(format="notes"))
    build_set(FIRST, tmp, None, SetOptions(format="organizers", key=False))
    shots = [pdfium.PdfDocument(Path(tmp) / f"{FIRST.stem}-{name}.pdf")[index].render(scale=0.6).to_pil().convert("RGB")
             for name, index in (("notes", 0), ("notes-key", 0), ("organizers", 2))]
side_by_side(shots, "notes-and-organizers.png")

# the fillable edition, filled as a student would in a PDF app (pypdf fills the fields; pdfium draws them)
import pypdf  # noqa: E402

with tempfile.TemporaryDirectory() as tmp:
    handout = build_set(FIRST, tmp, None, SetOptions(edition="fillable", key=False)).outputs[0]
    reader = pypdf.PdfReader(handout.path)
    fields = reader.get_fields()
    page = next(i for i, p in enumerate(reader.pages)  # the first page with a text field over answer lines
                if any(a.get_object().get("/FT") == "/Tx" and int(a.get_object().get("/Ff", 0)) & 4096
                       for a in p.get("/Annots") or []))
    names = [a.get_object().get("/T") or a.get_object()["/Parent"]["/T"] for a in reader.pages[page]["/Annots"]]
    values = {}
    for name in dict.fromkeys(names):
        field = fields[name]
        if field.get("/FT") == "/Tx":
            values[name] = "The article gives the goals the officials state, but few facts about the courses."
        elif "/Kids" in field:  # a radio group: its last button (False, or the last letter)
            values[name] = sorted(s for s in field["/_States_"] if s != "/Off")[-1]
        elif name[-1] in "ABD":  # a select-all check box: some ticked, some not
            values[name] = "/Yes"
    writer = pypdf.PdfWriter(clone_from=reader)
    writer.update_page_form_field_values(writer.pages[page], values, auto_regenerate=False)
    writer.set_need_appearances_writer(True)
    filled = Path(tmp) / "filled.pdf"
    with open(filled, "wb") as fh:
        writer.write(fh)
    doc = pdfium.PdfDocument(filled)
    doc.init_forms()
    shot = doc[page].render(scale=1.0, may_draw_forms=True).to_pil().convert("RGB")
shot.quantize(64).save(HERE / "fillable.png", optimize=True)
print("wrote docs/fillable.png")

# the vocabulary activities: a matching set in the handout and the key, and the crossword's key page
handout, key = (pdfium.PdfDocument(OUT / f"{FIRST.stem}{end}.pdf") for end in ("", "-key"))


def page_with(pdf, text: str) -> int:
    return next(i for i in range(len(pdf)) if text in pdf[i].get_textpage().get_text_range())


matching_at = page_with(handout, "Vocabulary Matching")
grid_at = len(handout) - 1  # the crossword's grid closes the handout
shots = [pdf[i].render(scale=0.6).to_pil().convert("RGB")
         for pdf, i in ((handout, matching_at), (key, matching_at), (key, grid_at))]
side_by_side(shots, "activities.png")
