"""Every guide in guides/: what the handout and the answer key show, read back from the PDFs.

Parametrised over the folder, so a new guide is checked as soon as it is added.
"""
from __future__ import annotations

import re

import pytest

from studyguide import api, banks
from conftest import guide_params, norm
from studyguide.labels import for_language
from studyguide.inline import plain
from studyguide.model import (
    Blank, Essay, FillInBlank, Matching, MultipleChoice, Ordering, SelectAll, ShortAnswer, TrueFalse,
    format_points,
)

pytestmark = pytest.mark.parametrize("guide_path", guide_params())

PREFIX = 40  # characters of long texts compared (extraction may wrap lines anywhere after a space)


def T(text: str) -> str:
    """Teacher text as a reader sees it: emphasis markers gone, whitespace collapsed."""
    return norm(plain(text))


def student_prompt(q) -> str:
    """The prompt as printed in the handout: each blank an empty underline."""
    if isinstance(q, FillInBlank):
        return norm(" ".join(" " if isinstance(p, Blank) else plain(p) for p in q.parts))
    return T(q.prompt)


def key_prompt(q) -> str:
    """The prompt as printed in the key: each blank filled with its (first) answer."""
    if isinstance(q, FillInBlank):
        return norm(" ".join(f" {p.answer} " if isinstance(p, Blank) else plain(p) for p in q.parts))
    return T(q.prompt)


def is_bold(font: str) -> bool:
    return font.endswith("-Bold") or font.endswith("-BoldOblique")


NOTES = "Notes on the Answers"  # the heading of the key's notes after the handout's end


def question_block(pdf, number: int, total: int):
    """The text runs of question ``number``: from its bold 'N.' label to the next question's (or to the
    key's notes after the end of the handout: they are not the last question's)."""
    runs = [r for page in pdf.runs for r in page]
    runs = runs[:next((i for i, r in enumerate(runs) if norm(r.text) == NOTES), len(runs))]
    label = [i for i, r in enumerate(runs) if norm(r.text) == f"{number}." and is_bold(r.font)]
    assert label, f"question {number}: no bold '{number}.' label in {pdf.path.name}"
    start = label[0]
    end = len(runs)
    if number < total:
        nxt = [i for i, r in enumerate(runs) if i > start and norm(r.text) == f"{number + 1}." and is_bold(r.font)]
        assert nxt, f"question {number + 1}: no bold label after question {number} in {pdf.path.name}"
        end = nxt[0]
    return runs[start:end]


def block_text(runs) -> str:
    return norm(" ".join(r.text for r in runs))


# -- the reading --------------------------------------------------------------

def test_header_student_has_name_date_period_key_has_banner(built):
    g = built.guide
    first_s, first_k = built.student.lines[0], built.key.lines[0]
    for label in ("Name", "Date", "Period"):
        assert label in first_s, f"handout page 1 has no '{label}' line"
        assert label not in first_k, f"key page 1 still shows the '{label}' line"
    assert "ANSWER KEY" in first_k
    assert "ANSWER KEY" not in built.student.text
    for pdf in (built.student, built.key):
        page1 = pdf.pages[0]
        assert page1.startswith(T(g.title)), page1[:100]
        if g.subtitle:
            assert T(g.subtitle) in page1
        # subject, grade and author, in that order, under the title
        at = 0
        for part in (g.subject, g.grade, g.author):
            if part:
                at = page1.find(T(part), at)
                assert at >= 0, f"{part!r} missing from page 1 of {pdf.path.name}, or out of order"
        if g.total_points is not None:
            assert f"Total: {format_points(g.total_points)} points" in page1


def test_source_citation_on_first_page(built):
    src = built.guide.source
    if src is None:
        pytest.skip("guide has no source")
    for pdf in (built.student, built.key):
        page1 = pdf.pages[0]
        assert "Source:" in page1
        cite = page1[page1.index("Source:"):]
        from studyguide import labels

        date = labels.date(src.date, labels.for_language(built.guide.language, built.guide.labels)) if src.date else None
        for part in (src.author, src.title, src.publisher, date, src.url):
            if part:
                assert T(part) in cite, f"{part!r} missing from the citation in {pdf.path.name}"


def test_sections_in_order_with_their_headings(built):
    g = built.guide
    present = [
        ("summary", bool(g.summary)), ("objectives", bool(g.objectives)), ("topics", bool(g.topics)),
        ("perspectives", bool(g.perspectives)), ("chart", bool(g.benefits or g.criticisms)),
        ("takeaways", bool(g.takeaways)), ("vocabulary", bool(g.vocabulary)), ("questions", bool(g.questions)),
    ]
    for pdf in (built.student, built.key):
        lines = [norm(ln) for page in pdf.lines for ln in page]
        at = 0  # each heading is looked for after the one before it (the coverage table has a "Questions" column)
        for key, shown in present:
            heading = T(g.headings.get(key) or for_language(g.language, g.labels)[key])
            if shown:
                assert heading in lines, f"heading {heading!r} missing from {pdf.path.name}"
                assert heading in lines[at:], f"heading {heading!r} is not after the sections before it (format's order)"
                at = lines.index(heading, at) + 1


def test_reading_text_in_both(built):
    g = built.guide
    texts = list(g.summary) + list(g.objectives) + list(g.takeaways)
    for topic in g.topics:
        texts += [topic.title] + ([topic.summary] if topic.summary else []) + list(topic.points)
        if topic.caption:
            texts.append(topic.caption)
    for p in g.perspectives:
        texts += [p.who, p.view]
    for point in g.benefits + g.criticisms:
        texts.append(point.point)
        if point.detail:
            texts.append(point.detail)
    for pdf in (built.student, built.key):
        for text in texts:
            assert T(text)[:PREFIX] in pdf.text, f"{text[:60]!r} missing from {pdf.path.name}"


def test_every_vocabulary_term_in_both(built):
    for term in built.guide.vocabulary:
        for pdf in (built.student, built.key):
            assert T(term.term) in pdf.text, f"term {term.term!r} missing from {pdf.path.name}"
            assert T(term.definition)[:PREFIX] in pdf.text
            if term.example:
                assert T(term.example)[:PREFIX] in pdf.text


def test_vocabulary_terms_are_bold(built):
    for term in built.guide.vocabulary:
        fonts = built.student.fonts_of(T(term.term))
        assert any(is_bold(f) for f in fonts), f"term {term.term!r} is not set in bold ({fonts})"


# -- questions -----------------------------------------------------------------

def test_every_prompt_and_choice_in_both(built):
    qs = api.cited_as_printed(built.guide).questions  # a citation of the reading prints as its lines
    for n, q in enumerate(qs, 1):
        s_block = block_text(question_block(built.student, n, len(qs)))
        k_block = block_text(question_block(built.key, n, len(qs)))
        assert student_prompt(q)[:PREFIX] in s_block, f"question {n} prompt missing from the handout"
        assert key_prompt(q)[:PREFIX] in k_block, f"question {n} prompt missing from the key"
        items = []
        if isinstance(q, (MultipleChoice, SelectAll)):
            items = list(q.choices)
        elif isinstance(q, Matching):
            items = [p.left for p in q.pairs] + [p.right for p in q.pairs]
        elif isinstance(q, Ordering):
            items = list(q.items)
        elif isinstance(q, TrueFalse):
            items = ["True", "False"]
        for item in items:
            assert T(item) in s_block, f"question {n}: {item!r} missing from the handout"
            assert T(item) in k_block, f"question {n}: {item!r} missing from the key"


def test_choices_are_lettered_in_order(built):
    qs = built.guide.questions
    for n, q in enumerate(qs, 1):
        if not isinstance(q, (MultipleChoice, SelectAll)):
            continue
        text = block_text(question_block(built.student, n, len(qs)))
        pos = [text.find(f"{'ABCDEFGH'[i]}. {T(c)}") for i, c in enumerate(q.choices)]
        assert -1 not in pos, f"question {n}: a choice is not printed after its letter"
        assert pos == sorted(pos)


def test_instruction_line_per_kind(built):
    from studyguide.labels import for_language

    words = for_language(built.guide.language, built.guide.labels)
    qs = built.guide.questions
    said_once = re.escape(norm(words["directions"])).replace(r"\{first\}", r"(\d+)").replace(r"\{last\}", r"(\d+)")
    for pdf in (built.student, built.key):
        text = norm(" ".join(r.text for page in pdf.runs for r in page))
        directed = {}  # question → the instruction said once above its run ("Questions 1–6: Circle ...")
        for m in re.finditer(said_once + r" ?(.+?[.。])(?= |$)", text):
            for n in range(int(m.group(1)), int(m.group(2)) + 1):
                directed[n] = m.group(3)
        for n, q in enumerate(qs, 1):
            kind = q.kind + ("_bank" if getattr(q, "word_bank", False) else "")
            answer = q.answer or "" if kind == "short_answer" else ""
            if kind == "short_answer" and q.lines <= 1:
                kind = "short_answer_line"
            elif (kind == "short_answer" and "short_answer" not in built.guide.labels
                  and (set(answer) & set("=≈≠×÷±≤≥√π") and re.search(r"\d", answer)
                       or re.fullmatch(r"[−+-]?\d[\d.,]*(?: \S+){0,3}", answer.rstrip(".")) and "," not in answer[1:])):
                kind = "short_answer_work"  # a calculation: its working, not sentences
            if kind == "essay" and not (built.guide.reading or built.guide.source) and "essay" not in built.guide.labels:
                kind = "essay_no_reading"
            block = block_text(question_block(pdf, n, len(qs)))
            if n in directed:  # said once above the run, not again after the prompt
                assert directed[n] == norm(words[kind]) and words[kind] not in block.split(f"{n + 1}.")[0][2:], n
            else:
                assert words[kind] in block, n
        assert len(directed) >= sum(1 for a, b in zip(qs, qs[1:]) if a.kind == b.kind == "multiple_choice"), pdf.path.name


def test_points_beside_each_question(built):
    qs = built.guide.questions
    for n, q in enumerate(qs, 1):
        if q.points is None:
            continue
        label = f"({format_points(q.points)} pt{'' if q.points == 1 else 's'})"
        for pdf in (built.student, built.key):
            assert label in block_text(question_block(pdf, n, len(qs))), f"question {n}: {label} missing"


def test_right_choices_marked_only_in_key(built):
    """Right choices are bold (and circled) in the key; in the handout every choice looks alike."""
    qs = built.guide.questions
    checked = 0
    for n, q in enumerate(qs, 1):
        if not isinstance(q, (MultipleChoice, SelectAll)):
            continue
        right = {q.answer} if isinstance(q, MultipleChoice) else set(q.answers)
        for pdf, is_key in ((built.student, False), (built.key, True)):
            runs = question_block(pdf, n, len(qs))
            for i, choice in enumerate(q.choices):
                first_line = T(choice)[:20]
                # (the key's italic note beside the choices may open with a choice's words: not a choice)
                fonts = {r.font for r in runs if norm(r.text).startswith(first_line) and not re.search("Oblique|Italic", r.font)}
                assert fonts, f"question {n}: choice {choice!r} not found in {pdf.path.name}"
                expect_bold = is_key and i in right
                assert all(is_bold(f) == expect_bold for f in fonts), (
                    f"question {n} choice {'ABCDEFGH'[i]} in {pdf.path.name}: fonts {fonts}, bold expected: {expect_bold}")
                checked += 1
    if not checked:
        pytest.skip("no multiple-choice questions")


def test_written_answers_in_key_only(built):
    """Model answers and grading notes appear on the key's lines, never in the handout."""
    qs = built.guide.questions
    for n, q in enumerate(qs, 1):
        if not isinstance(q, (ShortAnswer, Essay)) or not q.answer:
            continue
        answer = T(q.answer)[:PREFIX]
        assert answer in block_text(question_block(built.key, n, len(qs))), f"question {n}: answer missing from key"
        assert answer not in block_text(question_block(built.student, n, len(qs))), (
            f"question {n}: the model answer leaks into the handout")


def key_notes(built) -> dict[int, str]:
    """The key's notes on the answers set after the handout's last page: question number → its entry,
    which names the page the question is on ("3. (page 5) Why: ..."); they start under the handout's
    last line in the key (or on the page after)."""
    key = " ".join(built.key.pages[built.outputs["student"].pages - 1:])
    if NOTES not in key:
        assert built.key.page_count == built.outputs["student"].pages
        return {}
    assert NOTES not in built.student.text
    after = key[key.index(NOTES) + len(NOTES) + 1:]
    entries = re.split(r" (?=\d+\. \(page \d+\) )", after)
    return {int(e.split(".")[0]): e for e in entries}


def test_explanations_in_key_only(built):
    qs = built.guide.questions
    notes, pages = key_notes(built), built.outputs["student"].question_pages
    for n, q in enumerate(qs, 1):
        if not q.explanation:
            continue
        why = "Why: " + T(q.explanation)[:PREFIX]
        # by its question, or (when it would leave room empty in the handout) in the key's notes after the
        # handout's last page, under its number and its question's page
        beside = why in block_text(question_block(built.key, n, len(qs)))
        away = n in notes and notes[n].startswith(f"{n}. (page {pages[n - 1]}) ") and why in notes[n]
        assert beside != away, f"question {n}: explanation missing (or printed twice)"
        # the reading may say the same thing; the handout's question must not
        assert T(q.explanation)[:PREFIX] not in block_text(question_block(built.student, n, len(qs))), (
            f"question {n}: explanation leaks into the handout")
    assert "Why:" not in built.student.text


def test_blanks_empty_in_handout_filled_in_key(built):
    qs = built.guide.questions
    found = False
    for n, q in enumerate(qs, 1):
        if not isinstance(q, FillInBlank):
            continue
        found = True
        s_block = block_text(question_block(built.student, n, len(qs)))
        k_block = block_text(question_block(built.key, n, len(qs)))
        assert student_prompt(q) in s_block, f"question {n}: the handout does not show the prompt with empty blanks"
        assert key_prompt(q) in k_block, f"question {n}: the key does not show the blanks filled in"
        assert key_prompt(q) not in built.student.text, f"question {n}: the filled-in prompt leaks into the handout"
        printed = banks.banked(built.guide).questions[n - 1]  # (the bank as render prints it)
        bank = "Word bank: " + " · ".join(printed.bank_words)
        if q.word_bank:  # every answer; a single blank's with words that do not answer it (the guide's other words)
            assert norm(bank) in s_block and norm(bank) in k_block
            answers = {b.answer for b in q.blanks}
            assert answers <= set(printed.bank_words) and (len(answers) > 1 or len(printed.bank_words) == 4), (
                f"question {n}: a single blank's bank is only its answer")
        else:
            assert "Word bank" not in s_block
            for blank in q.blanks:  # with no bank, the answer is nowhere in the question
                assert not re.search(rf"(?<!\w){re.escape(norm(blank.answer))}(?!\w)", s_block), (
                    f"question {n}: blank answer {blank.answer!r} shows in the handout")
        for blank in q.blanks:
            for other in blank.answers[1:]:
                note = f"Also accept “{norm(other)}” for “{norm(blank.answer)}”."
                assert note in k_block
                assert note not in built.student.text
    if not found:
        pytest.skip("no fill-in-blank questions")


def test_matching_key_letters_match_the_handout(built):
    """The key's letter for each left item is the letter the handout prints beside its partner."""
    qs = built.guide.questions
    found = False
    for n, q in enumerate(qs, 1):
        if not isinstance(q, Matching):
            continue
        found = True
        s_block = block_text(question_block(built.student, n, len(qs)))
        k_block = block_text(question_block(built.key, n, len(qs)))
        letters = []
        for i, pair in enumerate(q.pairs):
            hits = [L for L in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[:len(q.pairs)] if f"{L}. {T(pair.right)}" in s_block]
            assert len(hits) == 1, f"question {n}: {pair.right!r} is not printed once after a letter"
            letters.append(hits[0])
            assert f"______ {i + 1}. {T(pair.left)}" in s_block, f"question {n}: row {i + 1} has no blank"
            assert f"{hits[0]} {i + 1}. {T(pair.left)}" in k_block, (
                f"question {n}: key does not give {hits[0]} for {pair.left!r}")
        assert sorted(letters) == sorted(set(letters)), "two left items share a partner"
        assert letters != sorted(letters), f"question {n}: the right column is not shuffled"
    if not found:
        pytest.skip("no matching questions")


def test_ordering_printed_shuffled_key_numbers_them(built):
    qs = built.guide.questions
    found = False
    for n, q in enumerate(qs, 1):
        if not isinstance(q, Ordering):
            continue
        found = True
        s_block = block_text(question_block(built.student, n, len(qs)))
        k_block = block_text(question_block(built.key, n, len(qs)))
        printed = sorted(range(len(q.items)), key=lambda i: s_block.index(T(q.items[i])))
        assert printed != list(range(len(q.items))), f"question {n}: items printed in the right order"
        for i, item in enumerate(q.items):
            assert f"{i + 1} {T(item)}" in k_block, f"question {n}: key does not number {item!r} as {i + 1}"
            assert f"{i + 1} {T(item)}" not in s_block
    if not found:
        pytest.skip("no ordering questions")


def test_true_false_offers_both_words(built):
    qs = built.guide.questions
    for n, q in enumerate(qs, 1):
        if isinstance(q, TrueFalse):
            for pdf in (built.student, built.key):
                assert "True False" in block_text(question_block(pdf, n, len(qs)))


# -- pagination ---------------------------------------------------------------------

def test_same_pages_in_handout_and_key(built):
    s, k = built.outputs["student"], built.outputs["key"]
    assert s.pages == built.student.page_count and k.pages == built.key.page_count
    assert s.pages <= k.pages  # the key goes on with its notes on the answers, if any
    assert k.pages == s.pages or key_notes(built)
    assert s.question_pages == k.question_pages
    assert len(s.question_pages) == len(built.guide.questions)
    assert s.question_pages == sorted(s.question_pages)


def test_question_numbers_on_the_recorded_pages(built):
    """Question N's bold 'N.' label is on the page api.build reports, in both documents."""
    pages = built.outputs["student"].question_pages
    for pdf in (built.student, built.key):
        for n, page in enumerate(pages, 1):
            labels = [r for r in pdf.runs[page - 1] if norm(r.text) == f"{n}." and is_bold(r.font)]
            assert labels, f"question {n} does not start on page {page} of {pdf.path.name}"


def test_footer_page_x_of_y(built):
    title = T(built.guide.title)
    for pdf, label in ((built.student, title), (built.key, f"{title} · Answer Key")):
        total = pdf.page_count
        for i, page in enumerate(pdf.pages, 1):
            assert page.endswith(f"{label} · Page {i} of {total}"), f"{pdf.path.name} page {i}: {page[-80:]!r}"
