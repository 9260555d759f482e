"""One place for True / False in a run, whatever the key says (trial r7, MEDIUM-3): a question with a
key-only explanation, or one that quotes the lines it cites, had its True / False on a row of their own at
the left, and the others at the right of their prompts. Read back from the PDFs: the x of every True, and the
handout's text on each page with and without the explanations."""
from __future__ import annotations

import io
import re

import pypdf
import pytest

from conftest import CASES, norm, page_texts, write_guide
from studyguide import classroom
from test_question_layout import _words

MIA = CASES / "trial" / "mias-sunflower.yaml"  # a grade-3 teacher's guide: five true/false, the first with a "Why:"


def _build(path, **options) -> dict[str, bytes]:
    """{"student": pdf, "key": pdf} of a build with these SetOptions."""
    files = classroom.build_set(path, path.parent / "out", None, classroom.SetOptions(**options), write=False).files
    return {("key" if p.name.endswith("-key.pdf") else "student"): pdf for p, pdf in files}


def _without_explanations(path, folder):
    """The guide at ``path`` with its `explanation:` lines left out, beside its pictures."""
    text = re.sub(r"(?m)^ +explanation: .*\n", "", path.read_text(encoding="utf-8"))
    assert text != path.read_text(encoding="utf-8")
    folder.mkdir()
    for picture in path.parent.glob("*.png"):
        (folder / picture.name).write_bytes(picture.read_bytes())
    plain = folder / path.name
    plain.write_text(text, encoding="utf-8")
    return plain


def _pages(pdf: bytes) -> list[str]:
    return [norm(t) for t in page_texts(pdf)]


def _trues(pdf: bytes) -> list[float]:
    """The x of each 'True' on every page (on a sheet of two half pages, each copy's, in its own half)."""
    pages = len(pypdf.PdfReader(io.BytesIO(pdf)).pages)
    return [round(x, 1) for page in range(1, pages + 1) for text, x, _ in _words(pdf, page) if text == "True"]


@pytest.mark.parametrize("options", [dict(edition="readable"),
                                     dict(format="quiz", questions="true_false,ordering", sheet="half")],
                         ids=["readable", "quiz-half"])
def test_a_key_note_or_a_quote_moves_no_true_false(tmp_path, options):
    """The trial's two builds. Readable: question 1's "Why:" stays by it in the key (mending.notes_home: it
    saves the key a sheet), and its True / False had dropped to a row of their own at the left while 2–5
    stood at the right of their prompts. Quiz on half pages: 1 (its note) and 2 (its quote of line 5) at the
    left, 3–5 at the right. Now every True of the run starts at one x, in the handout and the key, the same x
    as in the same guide without the explanation."""
    docs = _build(MIA, **options)
    plain = _build(_without_explanations(MIA, tmp_path / "plain"), **options)
    copies = 2 if options.get("sheet") else 1  # (two half pages to a letter sheet)
    for mode in ("student", "key"):
        xs = _trues(docs[mode])
        assert len(xs) == 5 * copies and len(set(xs)) == 1, (mode, xs)
    assert _trues(plain["student"]) == _trues(docs["student"])
    assert len(_pages(docs["student"])) == len(_pages(plain["student"]))
    key = " ".join(_pages(docs["key"]))
    assert "Why: The seed was as small as her fingernail." in key
    assert "Why:" not in " ".join(_pages(docs["student"]))


def test_a_quiz_note_beside_true_false_leaves_the_handout_as_without_it(tmp_path):
    """The half-page quiz: question 1's True / False are on a row of their own (the prompt and its points
    fill the narrow line), so its "Why:" sits at their left in the key, and the handout's text on each page
    is the text the guide makes without the explanation (its two lines beside True / False reach 2 pt below
    their row: the rows under it are that much lower, as a quiz's notes by their questions may push)."""
    options = dict(format="quiz", questions="true_false,ordering", sheet="half")
    docs = _build(MIA, **options)
    plain = _build(_without_explanations(MIA, tmp_path / "plain"), **options)
    assert _pages(docs["student"]) == _pages(plain["student"])
    moved = [abs(a[2] - b[2]) for a, b in zip(_words(docs["student"], 1), _words(plain["student"], 1))]
    assert max(moved) < 3
    key = _words(docs["key"], 1)
    true = next((x, y) for text, x, y in key if text == "True")
    why = next((x, y) for text, x, y in key if text.startswith("Why:"))
    assert why[0] < true[0] and abs(why[1] - true[1]) < 12  # at their left, on their row


def test_true_false_keep_one_column_whatever_each_questions_points(tmp_path):
    """True / False stood left of each question's own points: beside '(10 pts)' a few points further left
    than beside '(1 pt)'. They now stand left of the widest points of the guide's true/false questions."""
    path = write_guide(tmp_path, "points.yaml", """
        title: Points
        questions:
          - type: true_false
            prompt: The sun is a star.
            answer: true
            points: 1
          - type: true_false
            prompt: The moon is a planet.
            answer: false
            points: 10
          - type: true_false
            prompt: Water boils at 100 °C at sea level.
            answer: true
        """)
    docs = _build(path)
    for mode in ("student", "key"):
        words = _words(docs[mode], 1)
        trues = [round(x, 1) for text, x, _ in words if text == "True"]
        assert len(trues) == 3 and len(set(trues)) == 1, (mode, trues)
        ten = next(x for text, x, _ in words if text == "(10 pts)")
        false = next(x for text, x, _ in words if text == "False")
        assert false < ten


def test_a_note_beside_true_false_on_their_own_row_stays_by_its_question(tmp_path):
    """A prompt that fills its line has True / False on a row of their own, at the right: its "Why:" fits
    at their left in the key, where the handout has nothing, so it stays by its question (it went to the
    Notes on the Answers after the handout)."""
    path = write_guide(tmp_path, "own-row.yaml", """
        title: Own row
        questions:
          - type: true_false
            prompt: "When a car brakes hard on a dry road, the energy of its motion simply disappears and is not turned into any other form of energy at all, not even heat"
            answer: false
            explanation: It turns into heat.
        """)
    docs = _build(path)
    student, key = _words(docs["student"], 1), _words(docs["key"], 1)
    true = next((x, y) for text, x, y in key if text == "True")
    why = next((x, y) for text, x, y in key if text.startswith("Why:"))
    assert abs(why[1] - true[1]) < 0.5 and why[0] < true[0]  # on their line, at their left
    assert "Notes on the Answers" not in " ".join(_pages(docs["key"]))
    assert [w for w in student if w[0] in ("True", "False")] == [w for w in key if w[0] in ("True", "False")]


def test_long_words_and_points_keep_the_options_right_of_the_numbers(tmp_path):
    """German True/False words and long points labels in the compact quiz: the one column for them all
    stood left of the margin (32.8 pt against 39.6, left of the question numbers; review r7-2 H2); there
    the options take the prompt's indent."""
    import pypdfium2 as pdfium

    questions = "".join(f"\n  - type: true_false\n    prompt: Water boils at 100 °C at sea level, case {k}.\n"
                        f"    answer: true\n    points: {p}" for k, p in enumerate((12.5, 1000, 1), 1))
    path = write_guide(tmp_path, "tf.yaml", "title: TF long\nlanguage: de\nlabels:\n"
                       "  points: ({n} Punkte — siehe Bewertungsraster auf der Rückseite)\n"
                       "  point: ({n} Punkt — siehe Bewertungsraster auf der Rückseite)\n"
                       "  'true': Stimmt vollkommen\n  'false': Stimmt überhaupt nicht\n"
                       f"questions:{questions}\n")
    for pdf in _build(path, theme="compact", format="quiz").values():
        page = pdfium.PdfDocument(pdf)[0].get_textpage()
        whole = page.get_text_range()
        def left(word):
            return [page.get_charbox(m.start())[0] for m in re.finditer(re.escape(word), whole)]
        options, prompts = left("Stimmt vollkommen"), left("Water boils")
        assert len(options) == len(prompts) == 3
        assert min(options) >= min(prompts) - 0.5, (options, prompts)
