"""An Urdu guide's True and False, its flashcards' fold label and its tables' columns, in Noto Naskh Arabic, are sized
as the Urdu body is (×1.133, families.NASKH_SCALE), as test_naskh_drawn has the name lines. True and False and the
fold label printed at the point size asked, ~12 % smaller than the prompts beside them; a table's column was made as
wide as its heading measured at that smaller size, and 'درجه حرارت' broke over two lines in a column that had room
for it. Measured on the page from glyph boxes, each against the same build without Naskh (the guide with no Urdu
letter prints its Arabic script in DejaVu Sans, whose sizes were right)."""
from __future__ import annotations

import pypdfium2 as pdfium
import pytest

from conftest import cli_main, write_guide

GUIDE = """
    title: چرخه آب
    language: {language}
    labels: {{true: درست, false: غلط, fold: تاکنید}}
    summary: |
      آب دریا گرم می‌شود و بخار می‌شود. {extra}

      | مرحله | جا | درجه حرارت |
      | بخار | دریا | 30 |
      | باران | زمین | 15 |
    vocabulary:
      - {{term: بخار, definition: آب گرم شده}}
      - {{term: باران, definition: آبی که از ابر می‌بارد}}
    questions:
      - type: true_false
        prompt: درست یا غلط یا تاکنید؟
        answer: true
    activities: [flashcards]
    """


def _boxes(page, word) -> list[tuple[float, float, float, float]]:
    """(left, bottom, right, top) in points of each place ``page`` prints ``word``, from its glyph boxes."""
    text, out = page.get_textpage(), []
    found = text.search(word)
    while (hit := found.get_next()):
        boxes = [text.get_charbox(k) for k in range(hit[0], hit[0] + hit[1])]
        out.append((min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes),
                    max(b[3] for b in boxes)))
    return out


def _built(tmp_path, name, language, extra, edition):
    guide = write_guide(tmp_path, f"{name}.yaml", GUIDE.format(language=language, extra=extra))
    done = cli_main("build", "-o", tmp_path / name, "--edition", edition, guide, timeout=120)
    assert done.returncode == 0, done.stderr
    key = next((tmp_path / name).glob("*-key.pdf"))
    return pdfium.PdfDocument(str(key.with_name(key.name.replace("-key.pdf", ".pdf"))))


def _measures(pdf) -> dict:
    """The heights of True, False and the fold label over the same words in the prompt; whether the table's
    heading 'درجه حرارت' stands on one line; how far the fold label's ink reaches either side of the fold line."""
    first = pdf[0]
    out = {}
    for word in ("درست", "غلط"):
        prompt, label = sorted(_boxes(first, word), key=lambda b: -b[3])[:2]  # (the prompt above its True/False)
        out[word] = (label[3] - label[1]) / (prompt[3] - prompt[1])
    said = _boxes(first, "تاکنید")[0]  # (the prompt's, the first; each card's label is set upwards, taller than wide)
    fold = next(b for page in pdf for b in _boxes(page, "تاکنید") if b[3] - b[1] > b[2] - b[0])
    out["fold"] = (fold[2] - fold[0]) / (said[3] - said[1])
    middle = first.get_width() / 2  # (the fold line: the cards span the text area, its margins alike)
    out["fold reach"] = (middle - fold[0], fold[2] - middle)  # (to the term's side, to the meaning's)
    heat, degree = _boxes(first, "حرارت")[0], _boxes(first, "درجه")[0]
    out["one line"] = abs(heat[1] - degree[1]) < 1
    return out


@pytest.mark.parametrize("edition", ["standard", "large-print"])
def test_true_false_the_fold_label_and_table_columns_in_naskh_are_the_size_of_the_naskh_body(tmp_path, edition):
    naskh = _measures(_built(tmp_path, "naskh", "ur", "دریاچے گرم ہیں۔", edition))  # (ے ہ ۔: Naskh draws it all)
    dejavu = _measures(_built(tmp_path, "dejavu", "fa", "", edition))
    for what in ("درست", "غلط", "fold"):
        assert abs(naskh[what] / dejavu[what] - 1) < 0.04, (edition, what, naskh[what], dejavu[what])
    assert naskh["one line"] and dejavu["one line"], (edition, naskh, dejavu)
    # the fold label's letters within the faces' padding (12 pt) and no further into the meaning's side than
    # DejaVu's: its baseline, 0.26 em off the line, was DejaVu's alone, and Naskh, deeper, went 0.8 pt further in
    # large print (a meaning's first line touched it)
    assert max(naskh["fold reach"]) < 12 and naskh["fold reach"][1] <= dejavu["fold reach"][1] + 0.2, \
        (edition, naskh["fold reach"], dejavu["fold reach"])
