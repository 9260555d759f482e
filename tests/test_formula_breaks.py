"""A worked formula in running text breaks only between its parts (trial r9 L1): the summary's
"Slope = (9 − (−3)) / (4 − 0)" ended a line on "(9" with "− (−3))" on the next, and "at d =" left its 9 below."""
from __future__ import annotations

import io
import re
from pathlib import Path

import pypdf
import pytest

from conftest import write_guide
from studyguide import api, render

SUMMARY = """
    title: Slope
    summary: |
      A **rate of change** tells how much one quantity changes for each unit of another. When a cart moves
      at a steady speed, its position changes by the same amount every second, so a graph of position
      against time is a straight line. The **slope** of that line is the cart's velocity: v = Δd / Δt.

      **Worked example.** A cart is at d = −3 m when t = 0 s and at d = 9 m when t = 4 s.
      Slope = (9 − (−3)) / (4 − 0) = 12 / 4 = 3 m/s. The equation of the line is d = 3t − 3, so at
      t = 2.5 s the cart is at d = 3(2.5) − 3 = 4.5 m. The y-intercept, −3 m, is where the cart started.
    """


@pytest.mark.parametrize("paper, edition", [("letter", None), ("a4", None), ("a5", "large-print")])
def test_a_worked_formula_breaks_between_its_parts_only(tmp_path, paper, edition):
    guide = api.load(write_guide(tmp_path, "slope.yaml", SUMMARY))
    pdf = render.render(guide, ("student",), paper=paper, theme=api.theme_for(guide, "classic", edition))
    text = [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf["student"].pdf)).pages]
    lines = [" ".join(line.split()) for page in text for line in page.splitlines()
             if line.strip() and "· Page" not in line]  # (a footer between two pages' lines)
    summary = " ".join(lines[lines.index("Summary") + 1:])
    assert "Slope = (9 − (−3)) / (4 − 0) = 12 / 4 = 3 m/s." in summary  # the text reads as typed
    for line in lines:  # no line inside a bracket, none ending on a sign that leaves its number below
        assert line.count("(") == line.count(")") and not re.search(r"[=−]$", line), (paper, edition, line)


def test_only_a_formulas_spaces_are_joined():
    from studyguide.formulas import keep_formulas

    nb = "\u00a0"
    assert keep_formulas("Slope = (9 − (−3)) / (4 − 0) = 12 / 4") == \
        f"Slope ={nb}(9{nb}−{nb}(−3)) / (4{nb}−{nb}0){nb}={nb}12 / 4"
    assert keep_formulas("at d = 9 m, and v = Δd / Δt.") == f"at d{nb}={nb}9 m, and v{nb}={nb}Δd{nb}/{nb}Δt."
    assert keep_formulas("satisfy a² + b² = c² (the theorem)") == f"satisfy a²{nb}+{nb}b²{nb}={nb}c² (the theorem)"
    assert keep_formulas("x - 3 and ( 9 )") == f"x -{nb}3 and ({nb}9{nb})"
    for prose in ("a well-known - if odd - name (see the long note about this below)", "Slope is steep.",
                  "cats + dogs + birds + fish + frogs", "Beethoven - the composer - wrote",
                  "<font color=\"#123456\">a</font> and x − y"):
        assert keep_formulas(prose) == prose


MOTION = Path(__file__).parent / "cases" / "trial" / "motion-and-slope.yaml"


@pytest.mark.parametrize("why", ["(−2 − 4) / (3 − 1) = −6 / 2 = −3.", "Rise over run: −6 over 2 gives −3."])
def test_a_why_note_beside_the_choices_never_ends_on_a_short_word_alone(tmp_path, why):
    """Trial r9 L2: question 1's note beside choice B ended "= −6 / 2 =" with "−3." alone on the next line."""
    text = MOTION.read_text(encoding="utf-8").replace("explanation: (−2 − 4) / (3 − 1) = −6 / 2 = −3.",
                                                      f'explanation: "{why}"')
    guide = api.load(write_guide(tmp_path, "motion.yaml", text))
    pdf = render.render(guide, ("key",))["key"].pdf
    lines = [" ".join(line.split()) for line in pypdf.PdfReader(io.BytesIO(pdf)).pages[1].extract_text().splitlines()]
    start = next(i for i, line in enumerate(lines) if line.startswith("Why:"))
    note = lines[start:lines.index("2.", start)]
    assert " ".join(note) == f"Why: {why}"  # the whole note, beside the choices
    assert len(note) == 2 and len(note[-1].split()) >= 2, note


CIRCLES = """
    title: Circles, Angles and Right Triangles
    summary: |
      A circle's **circumference** is C = 2πr and its **area** is A = πr². An arc of a central angle of θ° is θ⁄360 of the circumference. In a right triangle, the legs a and b and the hypotenuse c satisfy a² + b² = c² (the Pythagorean theorem), so c = √(a² + b²).
    """


def test_a_short_formula_goes_on_to_the_next_line_whole(tmp_path):
    """Trial r11 (finding 10): the geometry summary ended a line on "satisfy a²" with "+ b² = c²" on the next.
    A formula of three parts or more that is short enough to fit on a line whole goes over whole."""
    guide = api.load(write_guide(tmp_path, "circles.yaml", CIRCLES))
    pdf = render.render(guide, ("student",), theme=api.theme_for(guide, "classic"))
    text = pypdf.PdfReader(io.BytesIO(pdf["student"].pdf)).pages[0].extract_text()
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    summary = lines[lines.index("Summary") + 1:]
    assert any("a² + b² = c² (the Pythagorean" in line for line in summary), summary
    assert not any(re.search(r"[a-c]²$", line) for line in summary), summary


class _Tried:
    """A pattern of formulas.py that counts the texts it is tried on."""

    def __init__(self, pattern):
        self.pattern, self.tried = pattern, []

    def sub(self, repl, text):
        self.tried.append(text)
        return self.pattern.sub(repl, text)


def test_a_paragraph_whose_signs_are_all_inside_its_tags_is_not_searched_for_a_formula(monkeypatch):
    """Nearly every paragraph's markup holds a "-" or "=" in a tag (a bold run's font name): each used to be
    searched by every formula pattern, 3 % of a 4-unit build. A pattern is tried only where what it needs is."""
    from studyguide import formulas

    spies = {name: _Tried(getattr(formulas, name)) for name in ("_MINUS", "_AFTER", "_BEFORE", "_CHAIN")}
    for name, spy in spies.items():
        monkeypatch.setattr(formulas, name, spy)
    tagged = '<font name="DejaVuSans-Bold">Well-known</font> terms: <a href="x?a=1">rate</a> and slope'
    assert formulas.keep_formulas(tagged) == tagged
    assert {name: spy.tried for name, spy in spies.items()} == {name: [] for name in spies}
    nb = "\u00a0"  # (a formula in the same markup is still found, and only the patterns it needs are tried)
    assert formulas.keep_formulas(tagged + " x - 3") == tagged + f" x -{nb}3"
    assert [name for name, spy in spies.items() if spy.tried] == ["_MINUS", "_CHAIN"]  # (no relation: not _AFTER)
    assert formulas.keep_formulas("<b>at</b> d = 9 m") == f"<b>at</b> d{nb}={nb}9 m"


def test_a_line_never_ends_on_a_relation_sign_whose_number_is_below(tmp_path):
    """Trial r15, finding 7: large print ended a line on "so −12 <" with "−7." on the next. A relation (< > ≤ ≥ = ≠ ≈)
    keeps the number after it on its line, however long the number (a line may end on "−12", the sign going on with
    "−7": hostile r15, finding 1); each sentence below is led by more words, so that its line ends at every place in
    it on one page size or another."""
    words = "The further left a number is on the line the smaller it is".split()
    sentences = [(" ".join(words[:n]) + f" so −12 {sign} −7 and {sign} −123.45 and {sign} 1000000.").strip()
                 for n in range(len(words) + 1) for sign in ("<", ">", "≤", "=")]
    guide = "title: Integers\nsummary: |\n" + "".join(f"  {s}\n\n" for s in sentences)
    loaded = api.load(write_guide(tmp_path, "integers.yaml", guide))
    ended = []
    for paper, edition in (("letter", "large-print"), ("a5", "large-print"), ("a5", None), ("letter", None)):
        pdf = render.render(loaded, ("student",), paper=paper, theme=api.theme_for(loaded, "classic", edition))
        text = [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf["student"].pdf)).pages]
        lines = [" ".join(line.split()) for page in text for line in page.splitlines() if line.strip()]
        assert sum(line.endswith("1000000.") for line in lines) == len(sentences)  # every sentence printed
        ended += [line for line in lines if re.search(r"[<>≤≥=≠≈]$", line)]  # (a sign goes on with its number)
    assert ended == []
