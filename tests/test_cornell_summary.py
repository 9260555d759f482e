"""The Cornell summary ends the page the topics end on, with fewer lines, rather than take a sheet of its
own (trial r7, MEDIUM-4): read back from the PDFs, page by page, with the ruled lines counted."""
from __future__ import annotations

import io
import re

import pypdf

from conftest import CASES, GUIDES, norm, page_texts, write_guide
from studyguide import classroom

DECLARATION = CASES / "trial" / "declaration-1776.yaml"  # a history teacher's guide: four topics, a long summary


def _build(path) -> dict[str, list[str]]:
    """{"student": [page text], "key": [...]} of the guide's Cornell notes."""
    files = classroom.build_set(path, path.parent / "out", None, classroom.SetOptions(format="cornell"),
                                write=False).files
    return {("key" if p.name.endswith("-key.pdf") else "student"): pdf for p, pdf in files}


def _pages(pdf: bytes) -> list[str]:
    return [norm(t) for t in page_texts(pdf)]


def _rules_under(pdf: bytes, page: int, word: str) -> int:
    """The full-width ruled lines drawn under ``word`` on a page (the summary's lines to write on)."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    top, foot, rules, path = [None], [0.0], [], []

    def text(t, cm, tm, font, size):
        y = tm[5] * cm[3] + cm[5]
        if t.strip() == word and top[0] is None:
            top[0] = y
        if re.search(r"Page \d+ of", t):  # the footer, under its own rule
            foot[0] = y + 20

    def op(name, args, cm, tm):
        if name == b"m":
            path[:] = [(float(args[0]) + cm[4], float(args[1]) + cm[5])]
        elif name == b"l" and path:
            (x0, y0), x1, y1 = path[0], float(args[0]) + cm[4], float(args[1]) + cm[5]
            if abs(y1 - y0) < 0.1 and x1 - x0 > 300:
                rules.append(y0)

    reader.pages[page - 1].extract_text(visitor_text=text, visitor_operand_before=op)
    return len({round(y) for y in rules if top[0] is not None and foot[0] < y < top[0]})


def test_the_summary_shrinks_to_end_the_page_the_topics_end_on():
    """The trial's guide: page 1 held the four topics with about 100 pt to spare, and page 2 only the
    "Summary" heading and its five lines, in handout and key. Now the summary ends page 1 with three lines
    (the fewest), and the key writes as much of its model summary as they hold: its first sentence."""
    docs = _build(DECLARATION)
    student, key = _pages(docs["student"]), _pages(docs["key"])
    assert len(student) == len(key) == 1
    assert "Part 4: The Resolution" in student[0] and "Summary" in student[0]
    assert _rules_under(docs["student"], 1, "Summary") == _rules_under(docs["key"], 1, "Summary") == 3
    assert "In July 1776 the Second Continental Congress explained to the world why the thirteen colonies " \
           "were leaving the British Empire." in key[0]
    assert "natural rights" not in key[0].split("Summary")[-1]
    assert "In July 1776" not in student[0]


def test_a_summary_with_room_keeps_its_five_lines_and_one_that_misses_by_more_takes_the_next_page(tmp_path):
    """Where the page has room the summary keeps its five lines and the whole model summary; where even three
    lines miss the page, the summary opens the next page with all five, and the last topic goes over with it
    (trial p34: never a page with the summary alone)."""
    topics = "".join(f"  - title: Topic {n}\n    summary: {'Words about the [[topic]]. ' * k}\n"
                     for n, k in ((1, 4), (2, 4)))
    short = write_guide(tmp_path / "short", "short.yaml", f"title: Short\nsummary: One line. Two.\ntopics:\n{topics}")
    docs = _build(short)
    assert len(_pages(docs["student"])) == 1
    assert _rules_under(docs["student"], 1, "Summary") == 5
    assert "One line. Two." in _pages(docs["key"])[0]
    # topics that end too near the foot for the heading and three lines
    for count in range(20, 40):
        many = "".join(f"  - title: Topic {n}\n    summary: Words about this [[topic]].\n" for n in range(count))
        long = write_guide(tmp_path / f"long{count}", "long.yaml", f"title: Long\nsummary: One line.\ntopics:\n{many}")
        docs = _build(long)
        pages = _pages(docs["student"])
        assert f"Topic {count - 1}" in pages[-1] and "Summary" in pages[-1]  # (every count: the last topic with it)
        if pages[-1].startswith(f"Topic {count - 1} "):  # the summary missed the page before: the last topic went over
            assert f"Topic {count - 2} " in pages[-2]
            assert _rules_under(docs["student"], len(pages), "Summary") == 5
            assert "One line." in _pages(docs["key"])[-1]
            return
    raise AssertionError("no count of topics left the summary off the page its topics end on")


def test_no_cornell_page_holds_the_summary_alone():
    """Trial p34: the bundled police-training guide's Cornell notes, on letter paper, printed page 3 with only the
    summary box on it (page 2 had 32 pt left; the box needs more). A Cornell summary closes the last page of notes:
    the last topic's three bullets now open page 3, above the summary, in handout and key (one alone there was a
    list's last item stranded, and two would strand its first: trial r12 #11); page 2 keeps the rest, the topic's
    title and text at its foot. Then every paper and edition of the
    bundled guides (eight of which had a page of summary alone)."""
    police = next(g for g in GUIDES if g.name == "china-foreign-police-training.yaml")
    docs = _build(police)
    student, key = _pages(docs["student"]), _pages(docs["key"])
    assert len(student) == len(key) == 3
    for pages in (student, key):
        assert pages[2].startswith("• The writer links the plan to China"), pages[2]
        assert "• Observers, who are not named, think the plan is probably also meant" in pages[2]
        assert "Summary" in pages[2] and not any(w in pages[1] for w in ("Observers", "The writer links"))
        assert pages[1].replace("’", "'").endswith("The Bigger Picture: Soft Power The article treats the police program as one part "
                                 "of a larger strategy. China's Plan to Train Foreign Police · " +
                                 ("Answer Key · " if pages is key else "") + "Page 2 of 3")
    assert "China has announced that it will train police officers" in key[2]
    for guide in GUIDES + [CASES / "frozen" / "china-foreign-police-training-2026-12.yaml"]:
        for paper in ("letter", "a4", "half-letter", "a5"):
            for edition in (None, "large-print"):
                options = classroom.SetOptions(format="cornell", edition=edition)
                for path, pdf in classroom.build_set(guide, guide.parent / "out", paper, options, write=False).files:
                    last = _pages(pdf)[-1]
                    assert not re.match(r"Summary\b", last), (guide.name, paper, edition, path.name, last[:80])


def _warnings(path) -> list[str]:
    result = classroom.build_set(path, path.parent / "out", None, classroom.SetOptions(format="cornell"), write=False)
    return [str(w) for w in result.warnings if "summary:" in str(w)]


def test_a_model_summary_cut_to_its_lines_is_said_at_its_first_sentence_left_out(tmp_path):
    """The key's model summary, shortened to the three lines that end page 1, dropped the paragraph's second
    sentence without a word. Now build names it at that sentence, with the lines there are, what the whole
    takes and how many words to cut; each fix it gives prints the model whole in the key, on one page, and
    says nothing more."""
    said = _warnings(DECLARATION)
    assert said == [f"{DECLARATION}:47:130: warning: summary: the Cornell notes' key leaves this paragraph's last "
                    "sentence out of its model summary ('The Declaration first states a theory o…'): the 3 lines that "
                    "end page 1 hold its first sentence, and the whole paragraph takes 4; cut about 10 of its 49 words "
                    "to print it whole, or end the paragraph (a blank line) where the model should end: the key "
                    "writes the first paragraph, the handout every one"]
    text = DECLARATION.read_text(encoding="utf-8")
    first = "explained to the world why the thirteen colonies were leaving the British Empire."
    # 1. a blank line after the first sentence: the model is the new first paragraph, whole
    split = write_guide(tmp_path / "split", "d.yaml", "")
    split.write_text(text.replace(first + " The Declaration", first + "\n\n  The Declaration"), encoding="utf-8")
    # 2. the paragraph cut by ten words: the two sentences, the second shorter, fit the three lines
    cut = write_guide(tmp_path / "cut", "d.yaml", "")
    cut.write_text(text.replace(", and a government that destroys those rights may be changed or abolished.", "."),
                   encoding="utf-8")
    for path, model in ((split, first), (cut, "people have natural rights, governments exist to protect them.")):
        docs = _build(path)
        key = _pages(docs["key"])
        assert len(key) == len(_pages(docs["student"])) == 1
        assert _rules_under(docs["key"], 1, "Summary") == 3
        assert model in key[0].split("Summary")[-1]
        assert _warnings(path) == []


def test_a_summary_that_opens_with_a_table_is_checked_and_built_with_its_first_paragraph_as_the_model(tmp_path):
    """A table of figures before the summary's text crashed `check` (any format) and Cornell notes with
    "internal error: TypeError" (lint took the table for the first paragraph, the layout did not). Now both
    take the first paragraph of text: check measures it, the key prints it under "Summary" and build warns
    about it as when the table is not there."""
    from studyguide import budget

    text = DECLARATION.read_text(encoding="utf-8")
    path = write_guide(tmp_path, "d.yaml", "")
    path.write_text(text.replace("summary: |\n  In July 1776", "summary: |\n  | Colony | Signers |\n  |---|---|\n"
                                 "  | Virginia | 7 |\n  | Georgia | 3 |\n\n  In July 1776", 1), encoding="utf-8")
    plan_guide, found, _ = budget.review(path)
    assert plan_guide.summary[0].rows[1] == ("Virginia", "7")
    said = _warnings(path)
    assert [w.split("warning: ", 1)[1] for w in said] == [w.split("warning: ", 1)[1] for w in _warnings(DECLARATION)]
    assert said[0].startswith(f"{path}:52:130: warning: summary: the Cornell notes' key leaves")
    key = _pages(_build(path)["key"])
    assert "In July 1776 the Second Continental Congress" in key[0].split("Summary")[-1]
    assert "Virginia" not in key[0].split("Summary")[-1]


LIGHTHOUSE = CASES / "trial" / "lit-the-lighthouse-keeper.yaml"  # trial r12: an English teacher's short story guide


def test_the_last_point_goes_over_with_the_point_before_it_not_alone():
    """The summary does not fit under the literature guide's topics, so the end of the table goes over with it.
    That was the last topic's last point alone over the summary on page 2 (trial r12 #11); now the topic's two
    points go over together and its title and text stay on page 1, in handout and key alike."""
    docs = _build(LIGHTHOUSE)
    for pages in (_pages(docs["student"]), _pages(docs["key"])):
        assert len(pages) == 2
        assert "Symbol and Theme" in pages[0] and "being useful is not the same as being needed" in pages[0]
        assert "The final image" not in pages[0] and "The wave to the fishing boat" not in pages[0]
        top = pages[1].split("Summary")[0]
        assert "The final image, the tower shrinking" in top and "The wave to the fishing boat shows" in top
