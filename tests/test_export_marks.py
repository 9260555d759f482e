"""Exports mark what the paper marks: the same word bank, the same points, the same answers (p29 audit 4)."""
from __future__ import annotations

import html
import io
import re
import xml.etree.ElementTree as ET
import zipfile

import pypdf
import pytest

from conftest import norm, page_texts, write_guide
from studyguide import api, cli, render
from studyguide.export import moodle, qti

QTI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"


def handout_text(guide) -> str:
    docs = render.render(guide, theme=api.theme_for(guide))
    return norm(" ".join(page_texts(docs["student"].pdf)))


def moodle_items(guide) -> tuple[list[ET.Element], list[str]]:
    [(_, data)], problems = moodle.export(guide)
    return ET.fromstring(data).findall("question")[1:], [str(p) for p in problems]


def qti_items(guide) -> tuple[list[ET.Element], ET.Element, list[str]]:
    [(_, data)], problems = qti.export(guide)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        [name] = [n for n in z.namelist() if n.endswith(".xml") and "/" in n and not n.endswith("assessment_meta.xml")]
        root = ET.fromstring(z.read(name))
        meta = ET.fromstring(z.read(name.rsplit("/", 1)[0] + "/assessment_meta.xml"))
    return list(root.iter(f"{QTI}item")), meta, [str(p) for p in problems]


def shown(markup: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]*>", " ", markup)).split()).replace(" · ", " · ")


def qti_points(item) -> float:
    fields = {f.findtext(f"{QTI}fieldlabel"): f.findtext(f"{QTI}fieldentry") for f in item.iter(f"{QTI}qtimetadatafield")}
    return float(fields["points_possible"])


def test_an_exported_word_bank_is_the_handouts(tmp_path):
    """Moodle and Canvas printed "Word bank: photosynthesis" under a one-blank question: the answer alone.
    They now show the handout's bank: the same four words (three of them wrong), in the same order; and a
    bank of two blanks with its spare word."""
    path = write_guide(tmp_path, "bank.yaml", """
        title: Plants
        vocabulary:
          - term: chlorophyll
            definition: The green pigment.
          - term: stomata
            definition: Leaf pores.
        questions:
          - type: fill_in_blank
            prompt: Plants make food by [[photosynthesis]].
            word_bank: true
          - type: fill_in_blank
            prompt: Roots take in [[water]] and [[minerals]].
            word_bank: true
        """)
    guide = api.load(path)
    printed = re.findall(r"Word bank: (.+?)(?= \d+\.| Plants|$)", handout_text(guide))
    assert len(printed) == 2, printed
    one = printed[0].split(" · ")
    assert len(one) == 4 and "photosynthesis" in one, one
    two = printed[1].split(" · ")
    assert len(two) == 3 and {"minerals", "water"} < set(two) and set(two) - {"minerals", "water"} <= \
        {"photosynthesis", "chlorophyll", "stomata"}, two
    items, problems = moodle_items(guide)
    assert problems == []
    for item, bank in zip(items, printed):
        assert shown(item.findtext("questiontext/text")).endswith("Word bank: " + bank)
    items, _, problems = qti_items(guide)
    assert problems == []
    for item, bank in zip(items, printed):
        assert shown(item.findtext(f"{QTI}presentation/{QTI}material/{QTI}mattext")).endswith("Word bank: " + bank)


def test_a_bank_the_handout_leaves_out_is_left_out_of_the_exports(tmp_path):
    path = write_guide(tmp_path, "alone.yaml", """
        title: Alone
        questions:
          - type: fill_in_blank
            prompt: Plants make food by [[photosynthesis]].
            word_bank: true
        """)
    guide = api.load(path)
    assert [str(w) for w in guide.warnings] == [
        f"{path}:3:5: warning: question 1: no word bank is printed: a bank of only this blank's answer would "
        "give it away, and the guide has no other blanks or vocabulary terms to add (add vocabulary, or leave "
        "out 'word_bank')"]
    assert "Word bank" not in handout_text(guide)
    items, _ = moodle_items(guide)
    assert "Word bank" not in items[0].findtext("questiontext/text")
    items, _, _ = qti_items(guide)
    assert "Word bank" not in items[0].findtext(f"{QTI}presentation/{QTI}material/{QTI}mattext")


POINTS = """
    title: Marks
    questions:
      - type: multiple_choice
        prompt: Pick one.
        choices: [a, b, c]
        answer: A
        {points}
      - type: true_false
        prompt: The sky is blue.
        answer: true
      - type: fill_in_blank
        prompt: Water is [[hydrogen]] and [[oxygen]].
    """


def test_a_question_without_points_is_worth_what_the_paper_says(tmp_path):
    """The key said "Total: 3 points" while Canvas's quiz was worth 5 and Moodle gave each question without
    points 1 mark. A question without points now gets 0 where others have points (Canvas takes 0; Moodle
    takes a default mark of 0); Moodle's Cloze cannot be worth 0, and says so at the question's line."""
    path = write_guide(tmp_path, "marks.yaml", POINTS.format(points="points: 3"))
    guide = api.load(path)
    assert "Total: 3 points" in handout_text(guide)
    items, problems = moodle_items(guide)
    assert [i.findtext("defaultgrade") for i in items] == ["3", "0", None]
    assert re.findall(r"\{(\d+):SHORTANSWER:", items[2].findtext("questiontext/text")) == ["1", "1"]
    assert problems == [
        f"{path}:11:5: warning: question 3 (fill_in_blank): it has no points, so the handout's total counts it as 0, "
        "but Moodle's Cloze type cannot mark a question 0; its 2 blanks are worth 1 mark each here: give it points "
        "in the guide to make the two agree"]
    zero = write_guide(tmp_path, "zero.yaml", POINTS.format(points="points: 3").replace(
        "prompt: Water is", "points: 0\n        prompt: Water is"))
    assert moodle_items(api.load(zero))[1] == [
        f"{zero}:11:5: warning: question 3 (fill_in_blank): it is worth 0 points, but Moodle's Cloze type cannot "
        "mark a question 0; its 2 blanks are worth 1 mark each here: give it points in the guide to make the two agree"]
    items, meta, problems = qti_items(guide)
    assert [qti_points(i) for i in items] == [3.0, 0.0, 0.0]
    assert meta.findtext("{http://canvas.instructure.com/xsd/cccv1p0}points_possible") == "3.0"
    assert problems == []


def moodle_marks(item: ET.Element) -> float:
    """A question's mark as Moodle's import makes it: a Cloze question's is the sum of its blanks' weights
    ({2:SHORTANSWER:...} or {2:NUMERICAL:...}, whole numbers; no weight is 1), any other's its defaultgrade."""
    if item.get("type") == "cloze":
        return sum(int(w or 1) for w in re.findall(r"\{([0-9]*):(?:SHORTANSWER|NUMERICAL):", item.findtext("questiontext/text")))
    return float(item.findtext("defaultgrade"))


def test_the_export_line_says_when_moodles_total_is_not_the_papers(tmp_path, capsys):
    """1 point for 2 blanks: Moodle's Cloze weights are whole numbers, so the question is worth 2 marks there.
    The warning at the question said so; the line that names the file did not, and the quiz in Moodle
    totalled 22.5 while the key said 21.5 (trial5 #16). It now gives both totals, as Moodle and the key
    have them, and the warning says what to set in the quiz to make them agree."""
    path = write_guide(tmp_path, "gas.yaml", """
        title: Gas Laws
        questions:
          - type: multiple_choice
            prompt: Which temperature is the coldest?
            choices: ["0 °C", "0 K", "32 °F"]
            answer: B
            points: 20
          - type: fill_in_blank
            prompt: At STP, 1 mol of an ideal gas occupies [[22.4]] L, and 2 mol occupy [[44.8]] L.
            points: 1
          - type: true_false
            prompt: Gas pressure falls as its volume grows.
            answer: true
            points: 0.5
        """)
    guide = api.load(path)
    assert "Total: 21.5 points" in handout_text(guide)
    with pytest.raises(SystemExit):
        cli.main(["export", "--to", "moodle", str(path), "-o", str(tmp_path / "out")])
    out, err = capsys.readouterr()
    written = tmp_path / "out" / "gas-moodle.xml"
    items = ET.fromstring(written.read_bytes()).findall("question")[1:]
    assert [moodle_marks(i) for i in items] == [20, 2, 0.5]
    assert out.splitlines() == [f"exported {path} → {written} (3 questions; 22.5 marks in Moodle, not the paper's "
                                "21.5: see the warning at question 2)"]
    assert err.splitlines() == [
        f"{path}:8:5: warning: question 2 (fill_in_blank): Moodle's Cloze type marks each blank in whole marks; the "
        "2 blanks are worth 1 mark each, 2 in all, not 1: in the Moodle quiz, set this question's maximum mark to 1 "
        "to match the paper"]


def test_the_export_line_gives_no_second_total_when_the_marks_agree(tmp_path, capsys):
    """2 points for 2 blanks are 1 mark a blank: Moodle and the paper agree, and nothing more is said."""
    path = write_guide(tmp_path, "gas.yaml", """
        title: Gas Laws
        questions:
          - type: fill_in_blank
            prompt: At STP, 1 mol of an ideal gas occupies [[22.4]] L, and 2 mol occupy [[44.8]] L.
            points: 2
        """)
    with pytest.raises(SystemExit):
        cli.main(["export", "--to", "moodle", str(path), "-o", str(tmp_path)])
    out, err = capsys.readouterr()
    assert out.endswith("gas-moodle.xml (1 question)\n") and err == ""


@pytest.mark.parametrize("first, second, said", [
    ("3", "1.5", "; 4 marks in Moodle, not the paper's 4.5: see the warnings at questions 1, 2"),
    ("3", "1", ""),  # 2 + 2 marks in Moodle, 3 + 1 points on paper: each question differs, the totals do not
])
def test_the_export_line_adds_up_every_question_moodle_marks_otherwise(tmp_path, first, second, said):
    from studyguide.export import holds

    blanks = "prompt: Water is [[hydrogen]] and [[oxygen]]."
    path = write_guide(tmp_path, "two.yaml", f"""
        title: Two
        questions:
          - type: fill_in_blank
            {blanks}
            points: {first}
          - type: fill_in_blank
            {blanks}
            points: {second}
        """)
    guide = api.load(path)
    items, _ = moodle_items(guide)
    _, problems = moodle.export(guide)
    assert [moodle_marks(i) for i in items] == [2, 2] and len(problems) == 2
    assert holds(guide, problems, "moodle") == "2 questions" + said


def test_a_guide_without_points_gives_each_question_one_mark(tmp_path):
    """No total on paper, no points anywhere: a quiz still needs marks, one a question (and no warning)."""
    path = write_guide(tmp_path, "nomarks.yaml", POINTS.format(points=""))
    guide = api.load(path)
    assert "Total:" not in handout_text(guide)
    items, problems = moodle_items(guide)
    assert [i.findtext("defaultgrade") for i in items] == ["1", "1", None] and problems == []
    assert re.findall(r"\{(\d+):SHORTANSWER:", items[2].findtext("questiontext/text")) == ["1", "1"]
    items, meta, problems = qti_items(guide)
    assert [qti_points(i) for i in items] == [1.0, 1.0, 1.0] and problems == []
    assert meta.findtext("{http://canvas.instructure.com/xsd/cccv1p0}points_possible") == "3.0"


def test_an_escaped_star_in_a_blank_is_the_answer_moodle_expects(tmp_path):
    """`[[\\*x\\*]]` prints *x* on the key, but Moodle's Cloze answer was <i>x</i>: a student typing what
    the key shows was marked wrong. The answer is now *x* (stars escaped, as Moodle's wildcard needs)."""
    path = write_guide(tmp_path, "star.yaml", r"""
        title: Stars
        questions:
          - type: fill_in_blank
            prompt: The key shows [[\*x\*]] and [[y]].
          - type: fill_in_blank
            prompt: Alone [[\*z\*]].
        """)
    guide = api.load(path)
    docs = render.render(guide, theme=api.theme_for(guide))
    key = norm(pypdf.PdfReader(io.BytesIO(docs["key"].pdf)).pages[0].extract_text())
    assert "The key shows *x* and y ." in key, key
    items, _ = moodle_items(guide)
    cloze = items[0].findtext("questiontext/text")
    assert "{1:SHORTANSWER:=\\*x\\*}" in cloze and "<i>" not in cloze, cloze
    assert items[1].findtext("answer/text") == "\\*z\\*"
    items, _, _ = qti_items(guide)
    assert [v.text for v in items[1].iter(f"{QTI}varequal")] == ["*z*"]


COMMON = "The quick brown fox jumps over the lazy dog and then keeps running far away to the "


def test_kahoot_answers_cut_to_75_characters_still_differ(tmp_path):
    """Cut to 75 characters, Kahoot's right and wrong answers both read "The quick brown fox … far awa…".
    They now keep the part where they differ; answers that no cut can tell apart leave the question out."""
    from openpyxl import load_workbook

    from studyguide.export import games

    apart = "word " * 16 + "{0} " + "z" * 150 + " {1}"
    path = write_guide(tmp_path, "long.yaml", f"""
        title: Long
        questions:
          - type: multiple_choice
            prompt: Where does the fox run?
            choices: ["{COMMON}east", "{COMMON}west", Nowhere]
            answer: B
          - type: multiple_choice
            prompt: Which?
            choices: ["{apart.format('alpha', 'one')}", "{apart.format('beta', 'one')}", "{apart.format('alpha', 'two')}"]
            answer: A
        """)
    [(_, data)], problems = games.kahoot(api.load(path))
    rows = [r for r in load_workbook(io.BytesIO(data)).active.iter_rows(min_row=9, values_only=True) if r[0]]
    assert rows == [(1, "Where does the fox run?", "…fox jumps over the lazy dog and then keeps running far away to the east",
                     "…fox jumps over the lazy dog and then keeps running far away to the west", "Nowhere", None, 20, 2)]
    assert all(len(a) <= 75 for a in rows[0][2:5])
    assert [str(p) for p in problems][-1] == (
        f"{path}:7:5: warning: question 2 (multiple_choice): Kahoot answers have at most 75 characters, and choices "
        "A, B and C cut to that length read the same, so students could not tell the right one; it is left out "
        "(shorten them)")
    assert games.distinct_cuts(["a" * 80 + "1", "a" * 80 + "2", "short"], 75) == [
        "…" + "a" * 73 + "1", "…" + "a" * 73 + "2", "short"]


def test_kahoot_answers_that_differ_only_just_before_the_cut_keep_the_part_where_they_differ(tmp_path):
    """Cut plainly, these read "…a span of exactly o…" and "…a span of exactly n…": one letter apart, the
    difference ("one hundred" or "ninety") cut off. They keep their endings instead, from the same place on."""
    from openpyxl import load_workbook

    from studyguide.export import games

    start = "Water boils at 100 °C and freezes at 0 °C, which makes a span of exactly "
    path = write_guide(tmp_path, "water.yaml", f"""
        title: Water
        questions:
          - type: multiple_choice
            prompt: Which statement about water at sea level is true?
            choices: ["{start}one hundred degrees between them.", "{start}ninety degrees between them in total.",
                      "Water boils at 212 °C", "None of the above"]
            answer: A
        """)
    [(_, data)], problems = games.kahoot(api.load(path))
    rows = [r for r in load_workbook(io.BytesIO(data)).active.iter_rows(min_row=9, values_only=True) if r[0]]
    assert rows[0][2:6] == ("…0 °C, which makes a span of exactly one hundred degrees between them.",
                            "…0 °C, which makes a span of exactly ninety degrees between them in total.",
                            "Water boils at 212 °C", "None of the above")
    assert [str(p).split(": warning: ")[1] for p in problems] == [
        "question 1 (multiple_choice): Kahoot answers have at most 75 characters; choice A is cut to "
        "'…0 °C, which makes a span of exactly one hundred degrees between them.'",
        "question 1 (multiple_choice): Kahoot answers have at most 75 characters; choice B is cut to "
        "'…0 °C, which makes a span of exactly ninety degrees between them in total.'"]
    # Different well before the cut, or one ending where the other goes on: the plain cuts, as before
    early = ["Mitosis " + "x" * 80, "Meiosis " + "x" * 80]
    assert games.distinct_cuts(early, 75) == [t[:74] + "…" for t in early]
    assert games.distinct_cuts(["y" * 60, "y" * 60 + " and more" * 5], 75) == ["y" * 60, "y" * 60 + " and more and…"]
