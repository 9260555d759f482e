"""Classroom sets: shuffled versions with keys and grids, accommodation editions, the collated class set."""
from __future__ import annotations

import re

import pypdf
import pytest

from conftest import GUIDES, GUIDES_DIR, Pdf, norm, cli_main, made_once_in, rendered, write_guide

from studyguide import api, inline, variants
from studyguide.classroom import SetOptions, build_set
from studyguide.model import Accommodations, MultipleChoice

CHINA = GUIDES_DIR / "china-foreign-police-training.yaml"
LETTERS = "ABCDEFGH"


@pytest.fixture(scope="module")
def versions(tmp_path_factory):
    """(made by one xdist worker of the run, read by both: conftest.made_once_in)"""
    out, _ = made_once_in(tmp_path_factory, f"test_classroom.versions {CHINA} {CHINA.read_bytes()!r}",
                          lambda out: build_set(CHINA, out, None, SetOptions(versions=3, seed="42", class_set=True,
                                                                             copies=5)))
    return out


def _question_block(text: str, prompt: str) -> str:
    """The text of one question: from its prompt to the next numbered question."""
    start = text.index(norm(inline.plain(prompt))[:60])
    nxt = re.search(r" \d+\. ", text[start + 40:])
    return text[start: start + 40 + (nxt.start() if nxt else len(text))]


def test_each_versions_grid_and_key_match_its_own_shuffled_handout(versions):
    guide = api.cited_as_printed(api.load(CHINA))  # prompts as printed: a citation of the reading as its lines
    orders = set()
    for i, letter in enumerate("ABC"):
        handout = Pdf(versions / f"china-foreign-police-training-{letter}.pdf").text
        key = Pdf(versions / f"china-foreign-police-training-{letter}-key.pdf").text
        grid = Pdf(versions / f"china-foreign-police-training-{letter}-grid.pdf").text
        assert f"Version {letter} · seed 42" in grid and f"Version {letter}" in handout
        order = []
        for q in guide.questions:
            if not isinstance(q, MultipleChoice):
                continue
            block = _question_block(handout, q.prompt)
            head = r" (\d+)\. (?:\([\d.]+ pts?\) )?" + re.escape(norm(inline.plain(q.prompt))[:60])
            number = int(re.search(head, " " + handout).group(1))
            graded = re.search(rf" {number}\. ([A-H]) ", " " + grid).group(1)
            right = norm(inline.plain(q.choices[q.answer]))
            assert f"{graded}. {right}" in block, (letter, number)
            # the key rings the letter and sets its period clear of the ring: read back as "B . text"
            assert re.search(rf"{graded} ?\. {re.escape(right)}", _question_block(key, q.prompt))
            order.append((number, graded))
        orders.add(tuple(order))
    assert len(orders) == 3  # the versions differ


def test_every_page_footer_names_the_version_and_seed(versions):
    for letter in "ABC":
        for name in (f"china-foreign-police-training-{letter}.pdf", f"china-foreign-police-training-{letter}-key.pdf"):
            pages = Pdf(versions / name).pages
            for n, page in enumerate(pages, 1):
                assert f"Version {letter} · seed 42 · Page {n} of {len(pages)}" in page


def test_the_same_seed_gives_the_same_bytes_and_another_seed_other_versions(versions, tmp_path):
    build_set(CHINA, tmp_path, None, SetOptions(versions=3, seed="42", class_set=True, copies=5))
    for path in versions.iterdir():
        assert (tmp_path / path.name).read_bytes() == path.read_bytes(), path.name
    other = tmp_path / "other"
    build_set(CHINA, other, None, SetOptions(versions=1, seed="43"))
    assert (other / "china-foreign-police-training-A.pdf").read_bytes() != \
        (versions / "china-foreign-police-training-A.pdf").read_bytes()


def test_class_set_collates_copies_each_starting_on_a_fresh_sheet(versions):
    single = len(pypdf.PdfReader(versions / "china-foreign-police-training-A.pdf").pages)
    padded = single + single % 2
    pages = Pdf(versions / "china-foreign-police-training-class-set.pdf").pages
    assert len(pages) == 5 * padded - single % 2  # (the last copy: no blank page after it)
    for copy in range(5):
        first = pages[copy * padded]
        letter = "ABC"[copy % 3]
        assert f"Version {letter} · seed 42 · Page 1 of {single}" in first
        assert (copy * padded) % 2 == 0  # page index 0, 2, ... is an odd page number
    key = Pdf(versions / "china-foreign-police-training-class-set-key.pdf").pages
    key_single = len(pypdf.PdfReader(versions / "china-foreign-police-training-A-key.pdf").pages)
    assert len(key) == 3 * (key_single + key_single % 2) - key_single % 2  # each key but the last padded to its own even count


PINNED = """
    title: Pins
    questions:
      - type: multiple_choice
        prompt: First question
        choices: [one, two, three]
        answer: A
      - type: multiple_choice
        prompt: Pinned question
        shuffle: false
        choices: [alpha, beta, gamma]
        answer: B
      - type: multiple_choice
        prompt: Third question
        choices:
          - red
          - choice: green stays second
            shuffle: false
          - blue
          - yellow
          - All of the above
        answer: E
      - type: multiple_choice
        prompt: Fourth question
        choices: [cat, dog, eel]
        answer: C
      - type: true_false
        prompt: Statement
        answer: true
    """


def test_pinned_questions_and_choices_keep_their_places(tmp_path):
    guide = api.load(write_guide(tmp_path, "pins.yaml", PINNED))
    for i in range(8):
        v = variants.version(guide, i, "s")
        assert v.questions[1].prompt == "Pinned question"
        assert v.questions[1].choices == ("alpha", "beta", "gamma") and v.questions[1].answer == 1
        third = next(q for q in v.questions if q.prompt == "Third question")
        assert third.choices[1] == "green stays second" and third.choices[4] == "All of the above"
        assert third.choices[third.answer] == "All of the above"
        assert v.questions[4].prompt == "Statement"  # true/false never moves out of its own run
    firsts = {variants.version(guide, i, "s").questions[0].prompt for i in range(8)}
    assert firsts == {"First question", "Third question", "Fourth question"}


@pytest.mark.parametrize("language,last", [
    ("es", "Ninguna de las anteriores"), ("es", "Todas las de arriba"), ("es", "Ninguna de estas"),
    ("fr", "Toutes les réponses ci-dessus"), ("fr", "Aucune de ces propositions"),
    ("de", "Keine der genannten"), ("de", "Keine der obigen Antworten"), ("de", "Keine davon"),
    ("pt", "Todas as alternativas anteriores"), ("pt", "Nenhuma das opções acima"), ("pt", "Nenhuma das alternativas"),
    ("zh", "以上都不是"), ("zh", "以上选项都正确"), ("en", "All the above"), ("en", "Any of the above"),
    ("ar", "لا شيء مما سبق"), ("ar", "جميع ما سبق"), ("ar", "كلّ ما سبق"), ("ar", "جميع الإجابات السابقة"),
    ("he", "כל הנ״ל"), ("he", 'כל הנ\\"ל'), ("he", "אף אחת מהתשובות"), ("he", "כל התשובות נכונות")])
def test_all_or_none_of_the_above_stays_last_in_the_built_in_languages(tmp_path, language, last):
    text = f"""
        title: T
        language: {language}
        questions:
          - type: multiple_choice
            prompt: P
            choices: [one, two, three, four, "{last}"]
            answer: E
        """
    guide = api.load(write_guide(tmp_path, "g.yaml", text))
    orders = set()
    for i in range(8):
        q = variants.version(guide, i, "s").questions[0]
        assert q.choices[-1] == last.replace('\\"', '"') and q.answer == 4
        orders.add(q.choices)
    assert len(orders) > 1  # the others did move


@pytest.mark.parametrize("choice", ["All dogs bark", "Alle Hunde", "Aucune idée", "Ninguna persona", "以上", "كل يوم",
                                    "كل الطلاب", "כל יום", "אף פעם", "Both", "All these animals are mammals",
                                    # a pin phrase followed by more than a verdict is a real choice
                                    "All the above-ground parts equally", "Any of these noble gases", "Any of those three",
                                    "None of those people survived", "Both of these parents carry the gene",
                                    "All of the above-mentioned treaties", "Ninguna de estas plantas florece",
                                    "Todos los anteriores presidentes", "Aucune de ces propositions de loi n'a été votée",
                                    "Tous les précédents rois", "Alle genannten Länder liegen in Europa",
                                    "Keine der vorherigen Regierungen", "Todas as alternativas de energia renovável",
                                    "Nenhuma das opções acima do limite", "以上海为中心的长三角", "جميع من سبق إلى الإسلام",
                                    "كل من تقدم للامتحان", "אף אחד", "אף אחד לא ידע", "אף תשובה לא התקבלה",
                                    "כל התשובות נשלחו בדואר"])
def test_a_choice_that_only_starts_like_all_or_none_is_not_held_last(choice):
    assert not variants.about_the_others(choice)


@pytest.mark.parametrize("choice", ["All of the above.", "None of the above!", "All of the above are correct",
                                    "None of these", "(All of the above)", "Any of the above", "Both of the above",
                                    "Todas las anteriores son correctas", "Ninguna de las anteriores.",
                                    "Toutes les réponses ci-dessus sont correctes", "Aucune de ces réponses",
                                    "Alle oben genannten Antworten sind richtig", "Keine der obigen Antworten",
                                    "Todas as alternativas anteriores estão corretas", "以上都不是", "以上都对。", "以上皆非",
                                    "جميع ما سبق صحيح", "لا شيء مما سبق", "כל התשובות נכונות", "אף אחת מהתשובות",
                                    "אף אחד מהנ״ל"])
def test_a_whole_pin_phrase_with_a_verdict_or_punctuation_is_held_last(choice):
    assert variants.about_the_others(choice.strip("()")) and variants.about_the_others(choice.lstrip("("))


def _sizes(pdf: Pdf) -> list[float]:
    sizes = []
    for page in pdf.reader.pages:
        def visit(text, cm, tm, font_dict, font_size):
            if text.strip():
                sizes.append(round(font_size * (tm[0] ** 2 + tm[1] ** 2) ** 0.5 * (cm[0] ** 2 + cm[1] ** 2) ** 0.5, 2))
        page.extract_text(visitor_text=visit)
    return sizes


@pytest.mark.parametrize("guide_path", GUIDES, ids=lambda p: p.stem)
def test_large_print_has_nothing_under_16_pt(guide_path, tmp_path, builds):
    # the large-print pages other tests read, laid out once in a run (conftest.rendered): byte for byte what
    # `build_set(guide_path, tmp_path, None, SetOptions(edition="large-print"))` writes (the command's own
    # large print is held to 16 pt by test_cli_builds_each_edition_asked_for)
    docs = rendered(guide_path, edition="large-print")[2]
    for mode, suffix in (("student", ""), ("key", "-key")):
        (tmp_path / f"{guide_path.stem}-large-print{suffix}.pdf").write_bytes(docs[mode].pdf)
    for name in (f"{guide_path.stem}-large-print.pdf", f"{guide_path.stem}-large-print-key.pdf"):
        sizes = _sizes(Pdf(tmp_path / name))
        assert min(sizes) >= 16, name
        assert max(set(sizes), key=sizes.count) >= 18  # body text
    normal = builds[guide_path.stem].result  # (the standard build: the session's, conftest.builds)
    large = Pdf(tmp_path / f"{guide_path.stem}-large-print.pdf")
    assert len(large.pages) > normal.outputs[0].pages  # bigger type, more pages, same content
    assert norm(inline.plain(api.load(guide_path).questions[-1].prompt))[:30] in large.text


def test_readable_edition_uses_the_legible_font_and_no_italics(tmp_path):
    build_set(CHINA, tmp_path, None, SetOptions(edition="readable", versions=2, seed="1"))
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "china-foreign-police-training-readable-A-grid.pdf", "china-foreign-police-training-readable-A-key.pdf",
        "china-foreign-police-training-readable-A.pdf", "china-foreign-police-training-readable-B-grid.pdf",
        "china-foreign-police-training-readable-B-key.pdf", "china-foreign-police-training-readable-B.pdf"]
    pdf = Pdf(tmp_path / "china-foreign-police-training-readable-B.pdf")
    fonts = {r.font.split("+", 1)[-1] for page in pdf.runs for r in page}
    assert any(f.startswith("AtkinsonHyperlegible") for f in fonts)
    assert not any("Oblique" in f or "Italic" in f for f in fonts)


def test_reduced_choices_drops_the_same_wrong_choice_in_handout_and_key(tmp_path):
    path = write_guide(tmp_path, "four.yaml", """
        title: Four
        questions:
          - type: multiple_choice
            prompt: Pick the fruit
            choices: [apple, brick, chair, door]
            answer: A
        """)
    build_set(path, tmp_path / "out", None, SetOptions(accommodations=Accommodations(reduced_choices=True)))
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["four-reduced-choices-key.pdf",
                                                                     "four-reduced-choices.pdf"]
    handout = Pdf(tmp_path / "out" / "four-reduced-choices.pdf").text
    key = Pdf(tmp_path / "out" / "four-reduced-choices-key.pdf").text
    shown = [c for c in ("apple", "brick", "chair", "door") if c in handout]
    assert len(shown) == 3 and "apple" in shown
    assert [c for c in ("apple", "brick", "chair", "door") if c in key] == shown


def test_cli_makes_a_large_print_version_b_with_telling_names(tmp_path):
    proc = cli_main("build", CHINA, "--edition", "large-print", "--versions", "2", "--seed", "9", "--no-key",
                   "-o", tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [  # --no-key: no answers, so no answer grids either
        "china-foreign-police-training-large-print-A.pdf", "china-foreign-police-training-large-print-B.pdf"]


def test_cli_builds_each_edition_asked_for(tmp_path):
    """--edition twice builds both editions (it used to build only the last), each in its own look."""
    proc = cli_main("build", CHINA, "--edition", "large-print", "--edition", "fillable", "--no-key", "-o", tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "china-foreign-police-training-fillable.pdf", "china-foreign-police-training-large-print.pdf"]
    assert min(_sizes(Pdf(tmp_path / "china-foreign-police-training-large-print.pdf"))) >= 16
    fillable = Pdf(tmp_path / "china-foreign-police-training-fillable.pdf")
    assert fillable.reader.get_fields() and min(_sizes(fillable)) < 16
    refused = cli_main("build", CHINA, "--edition", "readable", "--edition", "fillable", "--class-set",
                      "-o", tmp_path / "set")
    assert refused.returncode == 2 and "--edition fillable with --class-set" in refused.stderr
    assert not (tmp_path / "set").exists()


BLANK = "This page is blank on purpose: the next copy starts on a new sheet."
LONG = PINNED + """
      - type: essay
        prompt: Write about the first thing.
        lines: 30
        answer: Anything.
      - type: essay
        prompt: Write about the second thing.
        lines: 30
        answer: Anything.
    """


def test_a_class_set_of_one_page_copies_has_no_blank_pages_and_says_to_print_it_single_sided(tmp_path):
    """A one-page quiz's class set printed single-sided, as one-page copies are: no page is blank (4 copies were
    7 pages, 28 were 55, the key set's 3 keys 5), and build's line says how to print it. On both sides, two
    students' copies would share a sheet. The key set, of one-page keys, the same."""
    path = write_guide(tmp_path, "short.yaml", PINNED)
    result = build_set(path, tmp_path / "out", None, SetOptions(versions=3, seed="1", class_set=True, copies=4))
    pages = Pdf(tmp_path / "out" / "short-class-set.pdf").pages
    assert len(pages) == 4 and BLANK not in pages
    assert ["Version A" in p for p in pages] == [True, False, False, True] and "Version C" in pages[2]
    key = Pdf(tmp_path / "out" / "short-class-set-key.pdf").pages
    assert len(key) == 3 and BLANK not in key and all(f"Version {v}" in p for v, p in zip("ABC", key))
    said = {o.path.name: (o.pages, o.note) for o in result.outputs}
    assert said["short-class-set.pdf"] == (4, "each copy is one page: print it single-sided")
    assert said["short-class-set-key.pdf"] == (3, "each key is one page: print it single-sided")
    assert said["short-A.pdf"] == (1, "")
    run = cli_main("build", path, "--versions", "3", "--seed", "1", "--class-set", "--copies", "4", "-o", tmp_path / "cli")
    assert run.returncode == 0, run.stderr
    assert f"{tmp_path / 'cli' / 'short-class-set.pdf'} (4 pages; each copy is one page: print it single-sided)" \
        in run.stdout, run.stdout


def test_the_page_closing_an_odd_copy_says_it_is_blank_on_purpose(tmp_path):
    """Copies of three pages print on both sides, two sheets a copy: a page blank on purpose closes each
    copy another follows, so that it starts on a new sheet, and build says to print the set on both sides."""
    path = write_guide(tmp_path, "long.yaml", LONG)
    result = build_set(path, tmp_path / "out", None, SetOptions(versions=2, seed="1", class_set=True, copies=3))
    assert [len(Pdf(tmp_path / "out" / f"long-{v}.pdf").pages) for v in "AB"] == [3, 3]
    pages = Pdf(tmp_path / "out" / "long-class-set.pdf").pages
    assert len(pages) == 11  # three copies of three pages, each but the last closed by the note
    assert [n for n, text in enumerate(pages) if text == BLANK] == [3, 7]
    assert "Version A" in pages[0] and "Version B" in pages[4] and "Version A" in pages[8]
    key = Pdf(tmp_path / "out" / "long-class-set-key.pdf").pages
    assert len(key) == 7 and key[3] == BLANK and "Version B" in key[4] and BLANK not in key[-1]
    said = {o.path.name: (o.pages, o.note) for o in result.outputs}
    assert said["long-class-set.pdf"] == (11, "print it on both sides: each copy starts on a new sheet")
    assert said["long-class-set-key.pdf"] == (7, "print it on both sides: each key starts on a new sheet")
    # one version: the same
    build_set(path, tmp_path / "one", None, SetOptions(class_set=True, copies=2))
    pages = Pdf(tmp_path / "one" / "long-class-set.pdf").pages
    assert len(pages) == 7 and pages[3] == BLANK and "Pins" in pages[4] and BLANK not in pages[4]


def test_an_edition_that_fails_after_another_was_drawn_writes_none_and_names_itself(tmp_path, monkeypatch, capsys):
    """--edition twice draws the editions in turn and writes them together. When the second cannot be
    built, none of the guide's files is written, and the problem says which edition has it."""
    from studyguide import batch, report
    from studyguide.errors import StudyguideError

    real, calls = batch._build, []

    def second_fails(path, out_dir, paper, key, one, guide):
        calls.append(one.edition)
        if len(calls) == 2:
            raise StudyguideError(f"{path}: the large print does not fit (a made-up failure)")
        return real(path, out_dir, paper, key, one, guide)

    monkeypatch.setattr(batch, "_build", second_fails)
    options = SetOptions(edition="readable", editions=("readable", "large-print"))
    outcome = batch.outcome_of(CHINA, tmp_path / "out", None, True, options)
    assert not report.built(outcome, report.Progress(1, False), lambda line: print(line, file=__import__("sys").stderr))
    err = capsys.readouterr().err
    assert calls == ["readable", "large-print"]
    assert err.splitlines() == [f"{CHINA}: the large print does not fit (a made-up failure) (in the large-print edition)",
                                f"failed: {CHINA}"]
    assert outcome.outputs == [] and not (tmp_path / "out").exists()


def test_the_answer_grid_gives_a_one_line_answer_and_sends_sentences_to_the_key(tmp_path):
    """A grader reads '75 days' off the grid; a numeric answer once said only "see the key" there."""
    from conftest import CASES

    proc = cli_main("build", CASES / "layout" / "water-cycle.yaml", "--versions", "1", "-o", tmp_path)
    assert proc.returncode == 0, proc.stderr
    grid = Pdf(next(tmp_path.glob("*-grid.pdf"))).text
    assert re.search(r" \d+\. 75 days 2 ", grid) and re.search(r" \d+\. An aquifer 1 ", grid)
    assert re.search(r" 10\. see the key 6$", grid)  # the essay


def test_a_one_line_answer_too_long_to_glance_at_is_the_keys_on_the_grid(tmp_path):
    """A one-line short answer of 5,000 characters made the grid's row taller than a page, and a build with
    versions stopped with "internal error: LayoutError"; a long model answer is "see the key" there."""
    from conftest import CASES

    proc = cli_main("build", CASES / "hostile" / "long-unbroken-word.yaml", "--versions", "2", "-o", tmp_path)
    assert proc.returncode == 0 and "internal error" not in proc.stderr, proc.stderr
    grids = sorted(tmp_path.glob("*-grid.pdf"))
    assert len(grids) == 2 and all(re.search(r" 1\. see the key", Pdf(g).text) for g in grids)


def test_copies_without_a_class_set_is_refused_not_ignored(tmp_path):
    """--copies counts the copies of a class set: alone it used to be ignored without a word."""
    refused = cli_main("build", CHINA, "--copies", "5", "-o", tmp_path / "out")
    assert refused.returncode == 2
    assert ("--copies 5 counts the copies in a class set: add --class-set (one collated PDF for the copier), "
            "or leave out --copies") in refused.stderr
    assert "Traceback" not in refused.stderr and not (tmp_path / "out").exists()


def test_an_activity_named_twice_is_refused(tmp_path):
    """--activities matching,Matching used to print the matching activity twice."""
    refused = cli_main("build", CHINA, "--activities", "matching,cloze,Matching", "-o", tmp_path / "out")
    assert refused.returncode == 2
    assert ("--activities: 'matching' is named twice (name each activity once; each prints "
            "once)") in refused.stderr
    assert not (tmp_path / "out").exists()


def test_a_class_set_of_two_page_copies_says_to_print_it_on_both_sides(tmp_path):
    """Trial r10 L11: copies of an even page count (chemistry's six) need no blank page, and build said nothing
    of how to print the set, while three-page copies were told "on both sides": both are printed on both sides,
    as README says, and build says so beside the page count."""
    path = write_guide(tmp_path, "two.yaml", PINNED + """
      - type: essay
        prompt: Write about the first thing.
        lines: 30
        answer: Anything.
    """)
    run = cli_main("build", path, "--versions", "2", "--seed", "1", "--class-set", "--copies", "3", "-o", tmp_path)
    assert run.returncode == 0, run.stderr
    assert [len(Pdf(tmp_path / f"two-{v}.pdf").pages) for v in "AB"] == [2, 2]
    pages = Pdf(tmp_path / "two-class-set.pdf").pages
    assert len(pages) == 6 and BLANK not in pages  # no blank page: each copy fills one sheet's two sides
    assert f"{tmp_path / 'two-class-set.pdf'} (6 pages; print it on both sides: each copy starts on a new sheet)" \
        in run.stdout, run.stdout
