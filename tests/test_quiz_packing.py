"""Quizzes on small sheets and in large print pack their questions as a handout does: the key's notes on the
answers ("Why:") that made a question too tall for the room left go to the key's end, "Notes on the Answers"
(a trial's 4-question quarter quiz printed its title alone on page 1, then a question or two a page: 4
sheets); every question still starts on the same page in handout and key."""
from __future__ import annotations

import re

from conftest import CASES, Pdf, norm, page_texts, write_guide
from studyguide.classroom import SetOptions, build_set

PHOTO = """
title: Photosynthesis and the Carbon Cycle
subject: Biology · Earth Science
grade: "9–12"
author: Science Department
questions:
  - type: multiple_choice
    prompt: Which equation correctly shows photosynthesis?
    choices:
      - 6CO₂ + 6H₂O → C₆H₁₂O₆ + 6O₂
      - C₆H₁₂O₆ + 6O₂ → 6CO₂ + 6H₂O
      - 6CO₂ + 6O₂ → C₆H₁₂O₆ + 6H₂O
      - CO₂ + H₂O → CH₄ + O₂
    answer: A
    explanation: The equation that starts from glucose is cellular respiration. The other two are not real reactions of photosynthesis.
  - type: multiple_choice
    prompt: Light of which wavelength is absorbed LEAST by chlorophyll?
    choices:
      - λ ≈ 450 nm (blue)
      - λ ≈ 550 nm (green)
      - λ ≈ 670 nm (red)
      - All wavelengths are absorbed equally.
    answer: B
    explanation: Chlorophyll absorbs blue and red light strongly and green light least, so more green is reflected than other colors and leaves look green. A leaf still absorbs most of the green light that reaches it.
  - type: select_all
    prompt: Select ALL the processes that add CO₂ to the atmosphere.
    choices: [Cellular respiration, Photosynthesis, Combustion of fossil fuels, Decay by decomposers, CO₂ dissolving in the ocean]
    answer: [A, C, D]
    points: 2
    explanation: Photosynthesis and dissolving remove CO₂ from the air; respiration, combustion and decay release it.
  - type: true_false
    prompt: The O₂ released during photosynthesis comes from the CO₂ that the plant takes in.
    answer: false
    explanation: Experiments with the isotope ¹⁸O showed that the O₂ comes from water (H₂O).
"""
PROMPTS = ("Which equation correctly shows", "Light of which wavelength", "Select ALL the processes",
           "released during photosynthesis")
WHYS = ("The equation that starts from glucose", "Chlorophyll absorbs blue and red", "Photosynthesis and dissolving",
        "Experiments with the isotope")


def quiz(tmp_path, text=PHOTO, **options):
    path = write_guide(tmp_path / "g", "photo.yaml", text)
    result = build_set(path, tmp_path / "out", options.pop("paper", None), SetOptions(format="quiz", **options))
    return Pdf(result.outputs[0].path), Pdf(result.outputs[1].path)


def starts(pdf: Pdf, texts=PROMPTS) -> list[int]:
    """The page (1-based) each text first prints on."""
    return [next(n for n, page in enumerate(pdf.pages, 1) if text in page) for text in texts]


def test_a_quarter_sheet_quiz_sets_its_first_question_under_the_title_and_takes_two_sheets_not_four(tmp_path):
    student, key = quiz(tmp_path, questions="1-4", sheet="quarter")
    assert student.page_count == 2  # (4: the title alone, question 1 alone, 2 and 3, then 4)
    first = student.pages[0]
    assert "Photosynthesis and the Carbon Cycle" in first and "Questions" in first
    # the run's directions print with its first question, and that question under the title
    assert "Questions 1–2: Circle the letter of the best answer." in first and PROMPTS[0] in first
    assert starts(student) == starts(key) == [1, 2, 2, 2]
    assert not any(why in student.text for why in WHYS)
    # the key's notes, gathered after its last question page, each with its question's number and page
    assert key.page_count == 3
    notes = key.pages[-1]
    assert notes.startswith("Notes on the Answers") and not any(p in notes for p in PROMPTS)
    for number, (page, why) in enumerate(zip((1, 2, 2, 2), WHYS), 1):
        assert re.search(rf"{number}\. \(page {page}\) Why: {why}", notes), (number, notes[:300])
    assert not any(why in page for why in WHYS for page in key.pages[:2])


def test_an_a6_quarter_quiz_no_longer_sends_its_last_question_to_a_sheet_of_its_own(tmp_path):
    student, key = quiz(tmp_path, questions="1-4", sheet="quarter", paper="a4")
    assert student.page_count == 2  # (3: question 4 alone on the third)
    assert starts(student) == starts(key) == [1, 2, 2, 2]
    assert "Notes on the Answers" in key.pages[-1]


def test_large_print_half_and_a5_quizzes_take_fewer_pages_each_question_on_the_same_page_in_the_key(tmp_path):
    student, key = quiz(tmp_path / "half", questions="1-4", sheet="half", edition="large-print")
    assert student.page_count == 4  # (5: one question a page)
    # question 1 (65 % of a half page in 18 pt) does not fit under the title block (59 %): it opens page 2
    assert "Questions" not in student.pages[0] and "Name" in student.pages[0]
    assert starts(student) == starts(key) == [2, 3, 3, 4]
    assert key.page_count == 5  # (as before: the notes take the sheet the handout saves)
    assert "Notes on the Answers" in " ".join(key.pages[3:]) and not any(why in student.text for why in WHYS)
    student, key = quiz(tmp_path / "a5", questions="1-4", paper="a5", edition="large-print")
    assert student.page_count == 3  # (5)
    assert starts(student) == starts(key) == [2, 2, 3, 3]


def test_a_letter_quiz_that_fits_keeps_every_note_by_its_question(tmp_path):
    student, key = quiz(tmp_path, questions="1-4")
    assert student.page_count == key.page_count == 1
    assert "Notes on the Answers" not in key.text
    page = key.pages[0]
    for prompt, why, after in zip(PROMPTS, WHYS, PROMPTS[1:] + ("",)):
        assert page.index(prompt) < page.index("Why: " + why) < (page.index(after) if after else len(page))


# question 1's note makes it too tall for the room under the title; without the note it fits there, and
# question 2 goes to page 2 either way: as many pages, but no page holding the title block alone
EVEN = """
title: Photosynthesis and the Carbon Cycle
subject: Biology · Earth Science
questions:
  - type: multiple_choice
    prompt: Which equation correctly shows photosynthesis?
    choices:
      - 6CO₂ + 6H₂O → C₆H₁₂O₆ + 6O₂
      - C₆H₁₂O₆ + 6O₂ → 6CO₂ + 6H₂O
      - 6CO₂ + 6O₂ → C₆H₁₂O₆ + 6H₂O
      - CO₂ + H₂O → CH₄ + O₂
    answer: A
    explanation: The equation that starts from glucose is cellular respiration, which runs the other way. The other two are not real reactions of photosynthesis.
  - type: short_answer
    prompt: Name the two things a plant takes in to make glucose in photosynthesis.
    lines: 2
    answer: Carbon dioxide and water.
"""


def test_a_page_never_holds_the_title_alone_when_the_first_question_fits_under_it(tmp_path):
    student, key = quiz(tmp_path, EVEN, sheet="quarter")
    texts = ("Which equation correctly shows", "Name the two things")
    assert student.page_count == 2  # (2 before too: the title alone, then both questions)
    assert starts(student, texts) == starts(key, texts) == [1, 2]
    assert "Notes on the Answers" in key.pages[-1] and "Why: The equation that starts" in key.pages[-1]


CHINA = CASES / "quiz" / "china-foreign-police-training-2026-12.yaml"  # (the bundled guide, as the trial built it)


def test_the_keys_last_notes_stay_by_their_questions_when_that_saves_the_key_a_sheet(tmp_path):
    result = build_set(CHINA, tmp_path, None, SetOptions(format="quiz", questions="1-4", sheet="quarter"))
    student, key = (Pdf(o.path) for o in result.outputs)
    prompts = ("how do Chinese authorities describe", "Which subject does the article NOT list",
               "the best example of soft power", "why might some partner nations hesitate")
    assert student.page_count == 4  # (5: the title alone, then 1, 2, 3, 4 a page each)
    assert starts(student, prompts) == starts(key, prompts) == [2, 3, 3, 4]
    # the notes of questions 3 and 4 by their questions (their pages had the room); 1 and 2 after question 4,
    # on its page: 4 key sheets, not a fifth for one note
    assert key.page_count == 4
    last = key.pages[3]
    assert last.index("Why: The article says partner nations") < last.index("Notes on the Answers")
    assert "Why: Soft power influences" in key.pages[2]
    notes = last[last.index("Notes on the Answers"):]
    assert re.search(r"1\. \(page 2\) Why: The article reports", notes)
    assert re.search(r"2\. \(page 3\) Why: The article expects", notes)
    assert "Soft power influences" not in notes and "Why" not in student.text


LIGHTHOUSE = CASES / "trial" / "lit-the-lighthouse-keeper.yaml"  # trial r12: question 1 cites four lines


def test_a_quarter_quiz_with_the_title_alone_on_page_1_says_why_and_what_fits(tmp_path):
    """Trial r12 #11: the literature quarter quiz printed page 1 of 4 with the title block alone, its question 1
    (a prompt, four cited lines, four choices) too tall for the room under it. A question is not cut over two
    slips and a smaller title would not make that room, so build says it at question 1, with what does fit: half
    sheets, where question 1 starts under the title on two pages, the same paper. Page 1 still holds the title
    alone, and a quiz whose question 1 fits under the title is told nothing."""
    options = SetOptions(format="quiz", sheet="quarter", questions="1-6", own_accommodations=False)
    result = build_set(LIGHTHOUSE, tmp_path, None, options, write=False)
    pages = [norm(t) for t in page_texts(dict(result.files)[tmp_path / "lit-the-lighthouse-keeper-quiz-quarter.pdf"])]
    assert len(pages) == 4 and "Total: 8 points" in pages[0] and "What does the detail" not in pages[0]
    assert "1. (1 pt) What does the detail in lines 8–10 mainly" in pages[1]
    said = [str(w) for w in result.warnings if "too tall" in str(w)]
    assert said == [f"{LIGHTHOUSE}:91:5: warning: question 1 is too tall for the room under the title on a quarter "
                    "page, so page 1 of 4 holds the title alone (43 % of it empty); on half sheets (--sheet half) it "
                    "starts under the title and the quiz takes 2 pages, no more paper"]
    shorter = build_set(LIGHTHOUSE, tmp_path, None, SetOptions(format="quiz", sheet="quarter", questions="3-6",
                                                               own_accommodations=False), write=False)
    assert not [w for w in shorter.warnings if "too tall" in str(w)]
