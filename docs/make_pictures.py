"""Render the README's pictures from the first guide's PDFs.

Run after `studyguide build`:  python docs/make_pictures.py
Needs pypdfium2 (pip install pypdfium2); not a dependency of studyguide itself.
"""
from pathlib import Path

import pypdfium2 as pdfium

HERE = Path(__file__).parent
OUT = HERE.parent / "output"
PICTURES = {  # picture → (pdf, page index)
    "handout-page-1.png": ("china-foreign-police-training.pdf", 0),
    "key-questions-page.png": ("china-foreign-police-training-key.pdf", 5),
}

for name, (pdf_name, index) in PICTURES.items():
    page = pdfium.PdfDocument(OUT / pdf_name)[index]
    image = page.render(scale=1.0).to_pil().convert("RGB").quantize(32)
    image.save(HERE / name, optimize=True)
    print(f"wrote docs/{name}")
