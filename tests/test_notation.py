"""Sub- and superscripts typed as on a keyboard print as typed (trial r14 finding 6: "Fe^3+ or SO4^2-" on the
handout, key, clues and cloze): `validate` and `check` warn at the line with the characters to paste, and leave
ordinary text alone."""
from __future__ import annotations

from conftest import write_guide
from studyguide import api, budget

CHEMISTRY = """\
    title: Moles
    vocabulary:
      - term: ion
        definition: An atom with a charge, such as Fe^3+ or SO4^2-.
    questions:
      - type: fill_in_blank
        prompt: Avogadro's number is [[6.02 x 10^23]] particles per mole.
      - type: short_answer
        prompt: How many moles are in 36.04 g of water (H2O, 18.02 g/mol)?
      - type: short_answer
        prompt: Balance 2H₂ + O₂ → 2H₂O, then name the bond in `x^2` and H1N1.
    """


def _warned(tmp_path, text: str) -> list[str]:
    path = write_guide(tmp_path, "g.yaml", text)
    return [str(p) for p in api.guide_warnings(api.load(path)) if "as typed" in p.message]


def test_validate_and_check_name_what_to_paste_at_the_line(tmp_path):
    path = write_guide(tmp_path, "moles.yaml", CHEMISTRY)
    expected = [
        f"{path}:4:48: warning: 'Fe^3+' and 'SO4^2-' print as typed: a guide has no markup for superscripts and "
        "subscripts; paste 'Fe³⁺' and 'SO₄²⁻' in their place (copy from this message)",
        f"{path}:7:36: warning: '6.02 x 10^23' prints as typed: a guide has no markup for superscripts and subscripts; "
        "paste '6.02×10²³' in its place (copy from this message)",
        f"{path}:9:53: warning: 'H2O' prints as typed: a guide has no markup for superscripts and subscripts; "
        "paste 'H₂O' in its place (copy from this message)"]
    assert [str(p) for p in api.guide_warnings(api.load(path)) if "as typed" in p.message] == expected
    _, found, _ = budget.review(path)
    assert [str(p) for p in found if "as typed" in p.message] == expected


def test_ordinary_text_is_left_alone(tmp_path):
    # no sub- or superscript anywhere: 'CO2' is how a geography guide writes it, and not a caret in sight
    assert _warned(tmp_path, """\
        title: Climate
        summary: CO2 emissions rose; print on A4 paper; COVID-19 closed schools; an MP3 of the talk; vitamin B12.
        questions:
          - type: short_answer
            prompt: Why do O2 and H1N1 matter? Which 4 of the 10 cities?
        """) == []
    # a guide that writes H₂O: flu names, code, a blank's other answers and counts of 1 are still not formulas
    assert _warned(tmp_path, """\
        title: Water
        summary: "H₂O and H1N1, the Windows key `Ctrl^2`, Figure 3B, room B12, grade 10, 2nd place, CS 50."
        questions:
          - type: fill_in_blank
            prompt: The formula of water is [[H₂O|H2O]].
        """) == []


def test_a_power_typed_with_a_caret_in_a_math_guide_is_named(tmp_path):
    path = write_guide(tmp_path, "g.yaml", """\
        title: Powers
        questions:
          - type: short_answer
            prompt: Expand (a+b)^2 and write 2^-3 as a fraction.
        """)
    assert [p.message for p in api.guide_warnings(api.load(path)) if "as typed" in p.message] == [
        "'(a+b)^2' and '2^-3' print as typed: a guide has no markup for superscripts and subscripts; paste "
        "'(a+b)²' and '2⁻³' in their place (copy from this message)"]


def test_a_paste_text_is_given_only_for_what_converts_whole(tmp_path):
    # hostile r14 finding 1: '(m/s^2)' gave 's²⁾' (the sentence's bracket raised), '=B2^0.5' gave 'B₂⁰' and
    # 'x^(1/2)' gave 'x⁽¹'; a spreadsheet formula and a web address are no notation
    path = write_guide(tmp_path, "g.yaml", """\
        title: Forces
        summary: "Acceleration is in metres per second squared (m/s^2). Iron forms ions (Fe^2+ and Fe^3+)."
        questions:
          - type: short_answer
            prompt: "What does =B2^0.5 compute? See https://example.org/H2O?x^2 first. And x^-1/2 or x^(1/2)?"
        """)
    assert [str(p) for p in api.guide_warnings(api.load(path)) if "as typed" in p.message] == [
        f"{path}:2:59: warning: 's^2', 'Fe^2+' and 'Fe^3+' print as typed: a guide has no markup for superscripts "
        "and subscripts; paste 's²', 'Fe²⁺' and 'Fe³⁺' in their place (copy from this message)",
        f"{path}:5:84: warning: 'x^-1/2' (line 5:84) and 'x^(1/2)' (line 5:94) print as typed, and no raised "
        "characters write all of them (there is no raised '.' or '/'): leave them as typed, or write the power "
        "another way (√x for x^(1/2), 1/x for x^-1, or in words)"]


def test_a_program_between_fence_lines_is_not_notation(tmp_path):
    # hostile r14 finding 2: in Python a caret is XOR; the block prints as typed, as inline code does
    assert _warned(tmp_path, """\
        title: Bitwise operators
        summary: |
          In Python, the caret is XOR, not a power:

          ```python
          flags = a^1
          print(5^3)
          ```
        questions:
          - type: short_answer
            prompt: |
              What does this print?

              ```
              x = 2^10
              ```
            answer: "8"
        """) == []
    # the prose around a block is still read, at its own line
    path = write_guide(tmp_path, "g.yaml", """\
        title: Powers
        summary: |
          ```
          y = x^2
          ```
          Then 2^10 is 1024.
        """)
    assert [str(p).split(": warning")[0] for p in api.guide_warnings(api.load(path)) if "as typed" in p.message] \
        == [f"{path}:6:8"]


def test_a_long_unbroken_string_is_read_in_linear_time(tmp_path):
    # hostile r14 finding 3: the caret's base was tried from every letter of a gene sequence (90,000 letters:
    # validate took 2 minutes); 100,000 letters, and a caret at the end so the whole run is the base
    import time
    from studyguide import notation
    sequence = "ACGT" * 25_000
    start = time.process_time()
    assert notation._found(sequence + "^2", formulas=True) == [(0, sequence + "^2", sequence + "²")]
    assert notation._found("x " + sequence + " Fe^3+", formulas=True) == [(100_003, "Fe^3+", "Fe³⁺")]
    assert time.process_time() - start < 1.0


def test_many_texts_get_one_warning_naming_places_and_counting_the_rest(tmp_path):
    # hostile r14 finding 7: 400 questions with 'Fe^n+' gave 801 warnings, and "and more" named nothing
    questions = "".join(f"  - type: short_answer\n    prompt: What is the charge of Fe^{n % 13}+ here?\n"
                        for n in range(1, 27))
    path = tmp_path / "g.yaml"
    path.write_text("title: Ions\nquestions:\n" + questions, encoding="utf-8")
    assert [str(p) for p in api.guide_warnings(api.load(path)) if "as typed" in p.message] == [
        f"{path}:4:35: warning: 26 pieces of keyboard notation print as typed: a guide has no markup for "
        "superscripts and subscripts; paste what follows each arrow in its place (copy from this message): "
        "'Fe^1+' → 'Fe¹⁺' (line 4:35, 2 places), 'Fe^2+' → 'Fe²⁺' (line 6:35, 2 places), 'Fe^3+' → 'Fe³⁺' "
        "(line 8:35, 2 places), 'Fe^4+' → 'Fe⁴⁺' (line 10:35, 2 places), 'Fe^5+' → 'Fe⁵⁺' (line 12:35, 2 places), "
        "'Fe^6+' → 'Fe⁶⁺' (line 14:35, 2 places), 'Fe^7+' → 'Fe⁷⁺' (line 16:35, 2 places), 'Fe^8+' → 'Fe⁸⁺' "
        "(line 18:35, 2 places), 'Fe^9+' → 'Fe⁹⁺' (line 20:35, 2 places), 'Fe^10+' → 'Fe¹⁰⁺' (line 22:35, "
        "2 places) and 3 more kinds of piece in 6 places ('Fe^11+', 'Fe^12+' and 'Fe^0+'), the first at "
        "line 24:35"]


def test_a_formula_after_chinese_and_a_charge_after_a_formula_are_found(tmp_path):
    # hostile r14 finding 7: Chinese letters count as a word's, so '是H2O。' was missed; 'NH4+' lost its '+'
    path = write_guide(tmp_path, "g.yaml", """\
        title: 水
        summary: "水的化学式是H2O。An ammonium ion, NH4+, and x^2."
        """)
    assert [p.message for p in api.guide_warnings(api.load(path)) if "as typed" in p.message] == [
        "'H2O', 'NH4+' and 'x^2' print as typed: a guide has no markup for superscripts and subscripts; paste "
        "'H₂O', 'NH₄⁺' and 'x²' in their place (copy from this message)"]


def test_ions_greek_bases_pandoc_carets_and_tex_subscripts_are_named(tmp_path):
    # what a chemistry or physics teacher types: an ion's charge with no caret ('Ca2+', 'Na+', 'OH-'), a power
    # of a Greek letter ('π^2'), a superscript closed as Pandoc writes it ('Fe^3+^') and a subscript as in TeX
    path = write_guide(tmp_path, "g.yaml", """\
        title: Ions and motion
        summary: "Water hardness comes from Ca2+ and Mg2+; table salt is Na+ and Cl-; bases give OH-, acids H+."
        questions:
          - type: short_answer
            prompt: "The area is πr^2, so what is π^2 r^2? Rust holds Fe^3+^. Use v = v_0 + at with x_{12}."
        """)
    assert _warned(tmp_path, path.read_text(encoding="utf-8")) == [
        f"{path}:2:37: warning: 'Ca2+', 'Mg2+', 'Na+', 'Cl-', 'OH-' and 'H+' print as typed: a guide has no markup "
        "for superscripts and subscripts; paste 'Ca²⁺', 'Mg²⁺', 'Na⁺', 'Cl⁻', 'OH⁻' and 'H⁺' in their place (copy "
        "from this message)",
        f"{path}:5:26: warning: 'πr^2', 'π^2', 'r^2', 'Fe^3+^', 'v_0' and 'x_{{12}}' print as typed: a guide has no "
        "markup for superscripts and subscripts; paste 'πr²', 'π²', 'r²', 'Fe³⁺', 'v₀' and 'x₁₂' in their place "
        "(copy from this message)"]


def test_grades_language_levels_and_program_names_are_no_ions_nor_subscripts(tmp_path):
    # in a guide about formulas (it writes H₂O): a grade 'C+' or 'B-', a language level 'B2+', a variable
    # 'file_2', 'K-2' and 'CO2-rich'; and in one that is not, 'Ca2+' and 'x_2' alone are not taken as notation
    assert _warned(tmp_path, """\
        title: Water
        summary: "H₂O. A C+ essay, a B- quiz, CEFR level B2+, the file_2 and score_1 names, K-2 classes, CO2-rich air."
        """) == []
    assert _warned(tmp_path, """\
        title: Notes
        summary: "Ca2+ and x_2 in a guide with no formula written otherwise."
        """) == []


def test_prefixes_and_symbols_of_no_such_ion_are_left_alone_but_real_ions_named(tmp_path):
    # hostile r15 finding 4: a capitalised prefix with a suspended hyphen ('In- and out-groups', 'No- or low-cost')
    # and a symbol of an element that makes no such ion ('Be+', 'Ne-', 'As-') were named as ions; the ions a
    # lesson writes (one charge with no number, a metal's cation, a non-metal's anion) still are
    path = write_guide(tmp_path, "g.yaml", """\
        title: Water
        summary: "H₂O. In- and out-groups. No- or low-cost labs. Am- and pm-sessions. Be+ careful, Ne- hm, As- prefix."
        topics:
          - title: Ions
            summary: "The Na+ K+ pump; Cl- and Ca2+ ions; O2- with N3-; Fe- and Sn- prefixes; Ca- or Mg-rich, Pr-, Po- forms."
        """)
    assert _warned(tmp_path, path.read_text(encoding="utf-8")) == [
        f"{path}:5:19: warning: 'Na+', 'K+', 'Cl-', 'Ca2+', 'O2-' and 'N3-' print as typed: a guide has no markup for "
        "superscripts and subscripts; paste 'Na⁺', 'K⁺', 'Cl⁻', 'Ca²⁺', 'O²⁻' and 'N³⁻' in their place (copy from this "
        "message)"]
