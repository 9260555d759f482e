"""Versions and the reduced-choices copy print other letters than the guide as written (trial r7 H1, M3, L7):
a key's note that names "choice C" must still name the right choice, numbers stay in increasing order, and
the accommodated copy's answers do not all come to one letter."""
from __future__ import annotations

import dataclasses
import re

import pytest

from conftest import Pdf, made_once_in, write_guide
from studyguide import api, budget
from studyguide.classroom import SetOptions, build_set
from studyguide.model import Accommodations

RESPIRATION = """\
    title: Cellular Respiration
    questions:
      - type: multiple_choice
        prompt: Which equation shows aerobic respiration?
        choices:
          - Lactic acid forms from pyruvate
          - Water splits and gives off oxygen
          - Light energy builds glucose from carbon dioxide
          - Glucose and oxygen give carbon dioxide, water and ATP
        answer: D
        explanation: Choice C is photosynthesis; D is alcoholic fermentation.
      - type: multiple_choice
        prompt: About how many ATP does one glucose yield by fermentation?
        choices: ["2", "4", "32", "36"]
        answer: A
      - type: multiple_choice
        prompt: Where does glycolysis happen?
        choices: [Cytoplasm, Nucleus, Mitochondrion, Chloroplast]
        answer: A
      - type: multiple_choice
        prompt: Which gas do cells take in for respiration?
        choices: [Oxygen, Nitrogen, Carbon dioxide, Helium]
        answer: A
    """
WARNING = ("question 1's explanation names choices by letter (C, D), so versions keep its choices in order; "
           "write the choice's words instead to let them shuffle")


def _choices_printed(key: Pdf, prompt: str, choices: tuple[str, ...]) -> list[str]:
    """The question's choices as the key prints them, each with its letter: ['A. Nitrogen', …] (the circled
    answer's letter is read as 'D .')."""
    text = key.text[key.text.index(prompt) + len(prompt):]
    found = sorted((text.index(c), c) for c in choices)
    out = []
    for at, choice in found:
        letter = re.search(r"([A-H]) ?\.\s*$", text[:at])
        out.append(f"{letter.group(1)}. {choice}")
    return out


ACTIONS = ("Lactic acid forms from pyruvate", "Water splits and gives off oxygen",
           "Light energy builds glucose from carbon dioxide", "Glucose and oxygen give carbon dioxide, water and ATP")
PLACES = ("Cytoplasm", "Nucleus", "Mitochondrion", "Chloroplast")


@pytest.fixture(scope="module")
def versions(tmp_path_factory):
    """(built by one xdist worker of the run, read by both: conftest.made_once_in)"""
    folder, result = made_once_in(tmp_path_factory, f"test_choice_letters.versions {RESPIRATION!r}", lambda folder: build_set(
        write_guide(folder, "respiration.yaml", RESPIRATION), folder / "out", None, SetOptions(versions=4, seed="period 3")))
    path = folder / "respiration.yaml"
    keys = {o.path.name: Pdf(o.path) for o in result.outputs if o.path.name.endswith("-key.pdf")}
    return path, result, keys


def test_a_note_naming_choices_by_letter_stays_true_in_every_versions_key(versions):
    """'Choice C is photosynthesis; D is …' printed under the question in each version's key: C is still
    the photosynthesis choice there (it had been shuffled to A or B while the note said C)."""
    _, _, keys = versions
    assert len(keys) == 4
    for name, key in keys.items():
        printed = _choices_printed(key, "Which equation shows aerobic respiration?", ACTIONS)
        assert printed == ["A. Lactic acid forms from pyruvate", "B. Water splits and gives off oxygen",
                           "C. Light energy builds glucose from carbon dioxide",
                           "D. Glucose and oxygen give carbon dioxide, water and ATP"], name
        assert "Choice C is photosynthesis; D is alcoholic fermentation." in key.text


def test_the_other_questions_still_shuffle(versions):
    """Only that question's choices keep their order: the others' differ between versions."""
    _, result, keys = versions
    orders = {tuple(_choices_printed(key, "Where does glycolysis happen?", PLACES)) for key in keys.values()}
    assert len(orders) > 1


def test_numeric_choices_print_in_increasing_order_in_every_version(versions):
    """'About how many ATP…' printed 'A. 2 B. 4 C. 36 D. 32' in version A (trial r7 L7)."""
    _, _, keys = versions
    for name, key in keys.items():
        printed = _choices_printed(key, "About how many ATP does one glucose yield by fermentation?",
                                   ("2", "4", "32", "36"))
        assert printed == ["A. 2", "B. 4", "C. 32", "D. 36"], name


def test_numbers_written_out_of_order_still_shuffle(tmp_path):
    """'Which fraction is the greatest? 3/4, 5/8, 7/12': in increasing order in every version, the answer
    would always be the last choice, so numbers not written in order shuffle as before."""
    path = write_guide(tmp_path, "fractions.yaml", """\
        title: Fractions
        questions:
          - type: multiple_choice
            prompt: Which fraction is the greatest?
            choices: [3/4, 5/8, 7/12, 2/3]
            answer: A
          - type: multiple_choice
            prompt: How many cups make 48 cookies?
            choices: [1, 2, 4, 8]
            answer: C
        """)
    result = build_set(path, tmp_path / "out", None, SetOptions(versions=4, seed="period 3"))
    keys = [Pdf(o.path) for o in result.outputs if o.path.name.endswith("-key.pdf")]
    greatest = {tuple(_choices_printed(k, "greatest?", ("3/4", "5/8", "7/12", "2/3"))) for k in keys}
    assert len(greatest) > 1
    for key in keys:
        assert _choices_printed(key, "48 cookies?", ("1", "2", "4", "8")) == ["A. 1", "B. 2", "C. 4", "D. 8"]


def test_build_and_check_say_where_and_what_to_write(versions, tmp_path):
    path, result, _ = versions
    said = [str(w) for w in result.warnings]
    assert f"{path}:11:18: warning: {WARNING}" in said
    found = [str(f) for r in budget.check([path]) for f in r.findings]
    assert f"{path}:11:18: warning: {WARNING}" in found
    plain = write_guide(tmp_path, "plain.yaml", RESPIRATION.replace(
        "Choice C is photosynthesis; D is alcoholic fermentation.", "Light builds glucose in photosynthesis."))
    assert not [w for w in build_set(plain, tmp_path / "o", None, SetOptions(versions=2)).warnings
                if "by letter" in w.message]


@pytest.mark.parametrize("text, letters", [
    ("Choice C is photosynthesis; D is alcoholic fermentation.", "CD"), ("The answer is (B).", "B"),
    ("Options A and B are plants.", "AB"), ("B is wrong because it is too small.", "B"), ("B) is wrong.", "B"),
    ("Both B and C are wrong.", "BC"), ("La opción C es la fotosíntesis.", "C"), ("La C es incorrecta.", "C"),
    ("La réponse B est fausse.", "B"), ("A alternativa C está errada.", "C"), ("The answer is A.", "A"),
    # the English article, a vitamin, an element's symbol, a diagram's label, a phonics letter: not choices
    ("A cell wall is rigid. A plant has one.", ""), ("Vitamin C is correct.", ""), ("Carbon (C) is in glucose.", ""),
    ("In the diagram, C is the mitochondrion.", ""), ("Which word starts with the letter B?", ""),
    ("The answer is A bit tricky.", ""), ("Plan A is better.", ""), ("Type A blood", ""), ("La opción E", ""),
])
def test_only_unambiguous_letters_count(text, letters):
    from studyguide.lettered import letters_named

    assert "".join(letters_named(text, 4)) == letters


# -- the reduced-choices copy (M3) ------------------------------------------------------------------------

BAKING = """\
    title: Baking for the Bake Sale
    seed: "3"
    accommodations: {{reduced_choices: true}}
    questions:
{questions}
    """


def _mc(prompt, choices, answer):
    return (f"      - type: multiple_choice\n        prompt: {prompt}\n        choices: [{', '.join(choices)}]\n"
            f"        answer: {answer}\n")


def _baking(tmp_path, answers):
    qs = "".join(_mc(f"Question {n} about ratios?", [f"{w}{n}" for w in ("one", "two", "three", "four")], a)
                 for n, a in enumerate(answers, 1))
    return write_guide(tmp_path, "baking.yaml", BAKING.format(questions=qs))


def test_reduced_choices_do_not_turn_answers_b_a_b_into_a_a_a(tmp_path):
    """The trial's guide: answers B, A, B, and the dropped wrong choice came before the answer in Q1 and Q3."""
    path = _baking(tmp_path, "BAB")
    guide = api.load(path)
    from studyguide import variants

    copy = variants.accommodate(guide)
    assert [len(q.choices) for q in copy.questions] == [3, 3, 3]
    got = "".join("ABC"[q.answer] for q in copy.questions)
    assert got == "BAA"  # (the first draw gave A, A, A: question 1 drops a choice after its answer instead)
    # each question still has its right answer, and one wrong choice less
    for was, q in zip(guide.questions, copy.questions):
        assert q.choices[q.answer] == was.choices[was.answer] and set(q.choices) < set(was.choices)


def test_seeds_never_collapse_a_copy_whose_guide_does_not(tmp_path):
    from studyguide import variants

    for answers in ("BAB", "ABA", "DCC", "BBA", "CDD", "AB"):
        guide = api.load(_baking(tmp_path, answers))
        for seed in range(25):
            copy = variants.accommodate(dataclasses.replace(guide, seed=str(seed)))
            assert len({q.answer for q in copy.questions}) > 1, (answers, seed)


def test_check_names_the_reduced_copy_and_a_swap_that_works(tmp_path):
    """When no drop can keep the copy's letters apart, the warning says it is about that copy and names a
    swap in the guide that does: here 'All of the above' (D) is right twice and stays last, so those two
    become C, and question 3's note names B, so only its D may go, and its C stays C."""
    rest = ("Wrong one", "Wrong two", "Wrong three")
    qs = (_mc("Which are mammals?", rest + ("All of the above",), "D")
          + _mc("Which are birds?", rest + ("All of the above",), "D")
          + _mc("Which is a fish?", ("Whale", "Seal", "Trout", "Shark"), "C")
          + "        explanation: Choice B is a mammal.\n")
    path = write_guide(tmp_path, "animals.yaml", BAKING.format(questions=qs))
    from studyguide import variants

    copy = variants.accommodate(api.load(path))
    assert ["ABC"[q.answer] for q in copy.questions] == ["C", "C", "C"]
    found = [str(f) for r in budget.check([path]) for f in r.findings if "multiple-choice" in str(f)]
    assert found == [f"{path}:13:5: warning: in the copy with reduced choices (one wrong choice left out of each "
                     "multiple-choice question), the answers of all 3 multiple-choice questions are C; students may "
                     "notice: in the guide, swap question 3's right answer with its choice A ('Whale')"]
    swapped = write_guide(tmp_path, "swapped.yaml", BAKING.format(questions=qs.replace(
        "[Whale, Seal, Trout, Shark]\n        answer: C", "[Trout, Seal, Whale, Shark]\n        answer: A")))
    assert not [f for r in budget.check([swapped]) for f in r.findings if "multiple-choice" in str(f)]


def test_a_guide_whose_answers_are_one_letter_keeps_its_warning(tmp_path):
    path = _baking(tmp_path, "BBB")
    found = [str(f) for r in budget.check([path]) for f in r.findings]
    assert found.count(f"{path}:5:5: warning: the answers of all 3 multiple-choice questions are B; students may "
                       "notice: move some right answers to other letters") == 1


def test_a_note_naming_letters_keeps_them_true_in_the_reduced_copy(tmp_path):
    """Only a wrong choice after every letter the note names is dropped (B or C would turn D into C)."""
    path = write_guide(tmp_path, "r.yaml", RESPIRATION)
    from studyguide import variants

    for seed in range(10):
        guide = dataclasses.replace(api.load(path), seed=str(seed))
        q = variants.accommodate(guide, Accommodations(reduced_choices=True)).questions[0]
        assert q.choices[2] == "Light energy builds glucose from carbon dioxide"
        assert q.choices[3] == "Glucose and oxygen give carbon dioxide, water and ATP"
    said = [str(w) for w in build_set(path, tmp_path / "out", None, SetOptions(
        accommodations=Accommodations(reduced_choices=True))).warnings]
    assert said == [f"{path}:11:18: warning: question 1's explanation names choices by letter (C, D), so the copy "
                    "with reduced choices keeps all 4 of its choices (leaving one out would change their letters); "
                    "write the choice's words instead"]


def test_moodle_and_canvas_keep_the_order_of_choices_a_note_names_by_letter(tmp_path):
    """Moodle's and Canvas's feedback is the explanation: shuffled there, 'Choice C' named another choice."""
    from studyguide.export import moodle, qti

    guide = api.load(write_guide(tmp_path, "respiration.yaml", RESPIRATION))
    files, _ = moodle.export(guide)
    xml = files[0][1].decode("utf-8")
    assert re.findall(r"<shuffleanswers>(\w+)</shuffleanswers>", xml) == ["false", "true", "true", "true"]
    _, said = qti.export(guide)
    assert [p.message for p in said] == ["question 1 (multiple_choice): its explanation names choices by letter "
                                         "(C, D), and Canvas shuffles the choices of every question in a quiz or of "
                                         "none: this quiz does not shuffle them"]


# -- review r7/1 H1 and H3: ordinary capitals are not choices; "Answer: C" and "B and D are …" are ---------

@pytest.mark.parametrize("text, letters", [
    # H1: probability, logic, chemistry, music, diagram labels, phonics, physics, sets: not choices
    ("P(A) = 0.3 and P(B) = 0.5, so both is 0.15.", ""), ("Here A is true but B is false, so the whole is false.", ""),
    ("C is the correct symbol, carbon, since it forms four bonds. C is not a metal.", ""),
    ("G is the tonic. D is not the tonic but the dominant.", ""), ("In the diagram, what does structure (B) do?", ""),
    ("As Figure 3(A) shows, the curve rises.", ""), ("Panel (B) of the graph", ""), ("f(A) = 2", ""),
    ("La A es larga.", ""), ("So E is not the same after the collision.", ""),
    ("The solution set A is empty, so A is false.", ""),
    # H3: the commonest ways a note names its letter
    ("Correct answer: C. The mitochondrion makes ATP.", "C"), ("Answer: C.", "C"), ("Respuesta: C.", "C"),
    ("correct answer C", "C"), ("The answer is B because whales feed their young milk.", "B"),
    ("B and D are prime numbers; 4 and 9 have other factors.", "BD"), ("A, C and D are mammals; B is a fish.", "ABCD"),
    ("B is not correct.", "B"),
])
def test_review_letters(text, letters):
    from studyguide.lettered import letters_named

    assert "".join(letters_named(text, 5)) == letters


FALSE_POSITIVES = """\
    title: Mixed review
    questions:
      - type: multiple_choice
        prompt: Which blood type is the universal donor?
        choices: [O negative, A positive, B positive, AB positive]
        answer: A
        explanation: O negative is the universal donor; A and B are not, since their red cells carry antigens.
      - type: multiple_choice
        prompt: Events A and B are independent. What is the probability that both happen?
        choices: ["0.15", "0.8", "0.2", "0.5"]
        answer: A
        explanation: P(A) = 0.3 and P(B) = 0.5, so the probability of both is 0.3 × 0.5 = 0.15.
      - type: multiple_choice
        prompt: If statement A is true and statement B is false, what is the value of "A and B"?
        choices: ["false", "true", "cannot tell", "both"]
        answer: A
        explanation: An "and" is true only when both parts are true. Here A is true but B is false, so the whole is false.
      - type: multiple_choice
        prompt: Which element forms the backbone of organic molecules?
        choices: [carbon, nitrogen, oxygen, sulfur]
        answer: A
        explanation: C is the correct symbol, carbon, since it forms four bonds. C is not a metal.
    """


def test_blood_types_probability_logic_and_symbols_shuffle_without_a_warning(tmp_path):
    """Review H1: each of these kept its order in every version (grids 1. A 2. A 3. A 4. A), Moodle did not
    shuffle them, and check told the teacher to 'write the choice's words instead' where no choice is named.
    ("A and B are not" of blood types: A and B stand as words in the choices, so they are the subject's.)"""
    from studyguide.export import moodle

    path = write_guide(tmp_path, "mixed.yaml", FALSE_POSITIVES)
    assert not [f for r in budget.check([path]) for f in r.findings if "by letter" in str(f)]
    result = build_set(path, tmp_path / "out", None, SetOptions(versions=4, seed="period 3"))
    assert not [w for w in result.warnings if "by letter" in w.message]
    keys = [Pdf(o.path) for o in result.outputs if o.path.name.endswith("-key.pdf")]
    orders = {tuple(_choices_printed(k, "organic molecules?", ("carbon", "nitrogen", "oxygen", "sulfur"))) for k in keys}
    assert len(orders) > 1
    xml = moodle.export(api.load(path))[0][0][1].decode("utf-8")
    assert re.findall(r"<shuffleanswers>(\w+)</shuffleanswers>", xml) == ["true"] * 4


def test_a_note_name_does_not_keep_four_choices_in_the_reduced_copy(tmp_path):
    """Review H1 (music): 'D is not the tonic' is a note, so the student who needs 3 choices gets 3."""
    from studyguide import variants

    path = write_guide(tmp_path, "music.yaml", """\
        title: Music theory
        questions:
          - type: multiple_choice
            prompt: Which note is the tonic of G major?
            choices: [G, C, E, F sharp]
            answer: A
            explanation: G is the tonic. D is not the tonic but the dominant, the fifth note of the scale.
          - type: multiple_choice
            prompt: Which note is the dominant of C major?
            choices: [C, F, G, B]
            answer: "C"
        """)
    copy = variants.accommodate(api.load(path), Accommodations(reduced_choices=True))
    assert [len(q.choices) for q in copy.questions] == [3, 3]
    said = build_set(path, tmp_path / "out", None, SetOptions(accommodations=Accommodations(reduced_choices=True)))
    assert not [w for w in said.warnings if "by letter" in w.message]


def test_answer_colon_and_letter_runs_keep_the_keys_notes_true(tmp_path):
    """Review H3: shuffled, question 1's note said 'Correct answer: C.' under another answer, silently."""
    path = write_guide(tmp_path, "missed.yaml", """\
        title: Missed letters
        questions:
          - type: multiple_choice
            prompt: Which organelle makes most of the cell's ATP?
            choices: [nucleus, ribosome, mitochondrion, vacuole]
            answer: C
            explanation: "Correct answer: C. The mitochondrion makes ATP in cellular respiration."
          - type: select_all
            prompt: Which of these are prime?
            choices: ["4", "5", "9", "7"]
            answer: [B, D]
            explanation: B and D are prime numbers; 4 and 9 have other factors.
          - type: multiple_choice
            prompt: Which animal is a mammal?
            choices: [shark, whale, trout, eel]
            answer: B
            explanation: The answer is B because whales feed their young milk.
        """)
    result = build_set(path, tmp_path / "out", None, SetOptions(versions=3, seed="period 3"))
    said = sorted(w.message for w in result.warnings if "explanation names choices by letter" in w.message)
    assert said == [f"question {n}'s explanation names choices by letter ({letters}), so versions keep its choices "
                    "in order; write the choice's words instead to let them shuffle"
                    for n, letters in (("1", "C"), ("2", "B, D"), ("3", "B"))]
    for key in (Pdf(o.path) for o in result.outputs if o.path.name.endswith("-key.pdf")):
        assert _choices_printed(key, "cell's ATP?", ("nucleus", "ribosome", "mitochondrion", "vacuole")) == [
            "A. nucleus", "B. ribosome", "C. mitochondrion", "D. vacuole"]
        assert _choices_printed(key, "is a mammal?", ("shark", "whale", "trout", "eel")) == [
            "A. shark", "B. whale", "C. trout", "D. eel"]


SYMBOLS = """\
    title: Elements
    questions:
      - type: multiple_choice
        prompt: Which element has 6 protons?
        choices: [boron, carbon, nitrogen, oxygen]
        answer: B
        explanation: "B: boron has 5 protons; C: carbon has 6."
      - type: multiple_choice
        prompt: Which element is most common in the body?
        choices: [oxygen, carbon, hydrogen, nitrogen]
        answer: A
        explanation: C, H, O and N are the main elements of life; oxygen is most of the body's mass.
      - type: multiple_choice
        prompt: Which hydrocarbon is simplest?
        choices: [methane, ethane, propane, butane]
        answer: A
        explanation: Only C and H are present in a hydrocarbon, and methane has one carbon.
      - type: multiple_choice
        prompt: Who passed?
        choices: [some, all, none, most]
        answer: A
        explanation: Only A students passed.
      - type: multiple_choice
        prompt: Which is a mammal?
        choices: [shark, trout, whale, eel]
        answer: C
        explanation: "C: the whale breathes air. B: a trout has gills."
"""


def test_symbols_and_grades_are_not_choice_letters_but_a_label_of_a_choice_is(tmp_path):
    """'B: boron…; C: carbon…', 'C, H, O and N' and 'Only A students passed' were read as naming choices, each
    with a warning and its choices held in order (review2 L1). A letter past the question's choices makes
    its run the subject's; a label before a word that starts with its letter, not its choice's, is a symbol;
    'A students' are a grade's. 'C: the whale' still names choice C."""
    from studyguide import lettered

    guide = api.load(write_guide(tmp_path, "e.yaml", SYMBOLS))
    assert [str(w).split("warning: ")[1] for w in lettered.warnings(guide)] == [
        "question 5's explanation names choices by letter (B, C), so versions keep its choices in order; write the "
        "choice's words instead to let them shuffle"]
