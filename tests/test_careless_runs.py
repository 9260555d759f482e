"""What a careless run gets wrong (hostile trial 4): another guide's PDFs replaced across runs, answers
written with --no-key, repeated or contradictory options, a guide or a PDF given to `import`, and
quarter sheets in large print. Each asserts what the teacher sees: the files, their bytes, the message."""
from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest

from conftest import page_texts

from hostile_support import TITLE, cli_inprocess, files, guide

CHOICE = "  - type: multiple_choice\n    prompt: Pick one\n    choices: [one, two, three]\n    answer: A\n"


def creator(data: bytes) -> str:
    return pypdf.PdfReader(io.BytesIO(data)).metadata["/Creator"]


def build(tmp_path: Path, *args) -> tuple[int, str]:
    run = cli_inprocess(["build", *args, "-j", "1"], cwd=tmp_path)
    return run.code, run.out + run.err


# -- 1. another guide's PDF, or a teacher's own file, is never replaced ----------------------------

def test_every_pdf_says_which_guide_it_is_from_and_what_it_is(tmp_path):
    guide(tmp_path, "g.yaml", extra=CHOICE)
    code, _ = build(tmp_path, "g.yaml", "--versions", "2", "--class-set", "-o", "out")
    assert code == 0
    made = {name: creator(data) for name, data in files(tmp_path / "out").items()}
    assert made == {"g-A.pdf": "studyguide (g.yaml, student copy)", "g-A-key.pdf": "studyguide (g.yaml, answer key)",
                    "g-A-grid.pdf": "studyguide (g.yaml, answer grid)", "g-B.pdf": "studyguide (g.yaml, student copy)",
                    "g-B-key.pdf": "studyguide (g.yaml, answer key)", "g-B-grid.pdf": "studyguide (g.yaml, answer grid)",
                    "g-class-set.pdf": "studyguide (g.yaml, class set)",
                    "g-class-set-key.pdf": "studyguide (g.yaml, class set key)"}
    code, _ = build(tmp_path, "g.yaml", "--sheet", "quarter", "-o", "q")  # imposed: the stamp survives
    assert code == 0 and creator((tmp_path / "q" / "g-quarter-key.pdf").read_bytes()) == "studyguide (g.yaml, answer key)"


@pytest.mark.parametrize("name", ["g.yaml", "水 (שלום) été.yaml"])
def test_a_rebuild_replaces_the_guides_own_pdfs_byte_for_byte(tmp_path, name):
    from studyguide import owners

    guide(tmp_path, name, extra=CHOICE)
    for sheet in ([], ["--sheet", "half"]):  # reportlab's PDFs, and pypdf's (imposed, collated)
        assert build(tmp_path, name, "--versions", "2", "--class-set", "-o", "out", *sheet)[0] == 0
        first = files(tmp_path / "out")
        assert build(tmp_path, name, "--versions", "2", "--class-set", "-o", "out", *sheet)[0] == 0
        assert files(tmp_path / "out") == first
    for data in first.values():  # the quick reading of the metadata is pypdf's
        assert owners.owner(data) == (name, creator(data).split(", ")[-1][:-1])
        assert owners._quick_info(io.BytesIO(data))["/Creator"] == creator(data)


def test_a_guides_handout_is_not_replaced_by_another_guides_key_in_a_later_run(tmp_path):
    guide(tmp_path / "g", "base-key.yaml", title="Other")
    guide(tmp_path / "g", "base.yaml", title="Base")
    assert build(tmp_path, "g/base-key.yaml", "-o", "out", "--no-key")[0] == 0
    before = files(tmp_path / "out")
    code, said = build(tmp_path, "g/base.yaml", "-o", "out")
    assert code == 1
    assert ("out/base-key.pdf: is base-key.yaml's student copy, and base.yaml's answer key would replace it; "
            "nothing of base.yaml was written: rename one of the two guides, or build into another folder with -o"
            ) in said
    assert files(tmp_path / "out") == before  # base.pdf not written either: all of a guide's files, or none
    # the other order: base.yaml's key is not replaced by base-key.yaml's handout
    assert build(tmp_path, "g/base.yaml", "-o", "out2")[0] == 0
    code, said = build(tmp_path, "g/base-key.yaml", "-o", "out2")
    assert code == 1 and "out2/base-key.pdf: is base.yaml's answer key, and base-key.yaml's student copy" in said


def test_a_version_does_not_replace_the_handout_of_a_guide_named_like_it(tmp_path):
    guide(tmp_path / "g", "base-A.yaml", title="Other")
    guide(tmp_path / "g", "base.yaml", title="Base", extra=CHOICE)
    assert build(tmp_path, "g/base-A.yaml", "-o", "out", "--no-key")[0] == 0
    before = files(tmp_path / "out")
    code, said = build(tmp_path, "g/base.yaml", "-o", "out", "--versions", "2")
    assert code == 1 and "out/base-A.pdf: is base-A.yaml's student copy, and base.yaml's student copy would" in said
    assert files(tmp_path / "out") == before


@pytest.mark.parametrize("theirs", [b"my own notes\n", b"%PDF-1.4 damaged", "other-program"])
def test_a_file_studyguide_did_not_write_is_not_replaced(tmp_path, theirs):
    if theirs == "other-program":  # a PDF of the teacher's own, made by another program
        from reportlab.pdfgen.canvas import Canvas

        stream = io.BytesIO()
        canvas = Canvas(stream)
        canvas.drawString(72, 720, "My own worksheet")
        canvas.showPage()
        canvas.save()
        theirs = stream.getvalue()
    guide(tmp_path, "g.yaml")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "g.pdf").write_bytes(theirs)
    code, said = build(tmp_path, "g.yaml", "-o", "out")
    assert code == 1
    assert ("out/g.pdf: is not a PDF studyguide wrote, so g.yaml's student copy was not written over it (nor the "
            "rest of g.yaml's files): if it is g.yaml's PDF saved by another program, delete it (notes added to it "
            "are lost); if it is another file, move or rename it; or build into another folder with -o"
            ) in " ".join(said.split())
    assert files(tmp_path / "out") == {"g.pdf": theirs}


def _resaved(data: bytes) -> bytes:
    """Our PDF as a viewer saves it with a note added: its Creator rewritten, its title kept."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    writer = pypdf.PdfWriter(clone_from=reader)
    writer.add_metadata({"/Creator": "Preview", "/Title": reader.metadata["/Title"]})
    stream = io.BytesIO()
    writer.write(stream)
    return stream.getvalue()


@pytest.mark.parametrize("how", ["re-saved", "cut short"])
def test_our_pdf_saved_by_a_viewer_or_cut_short_is_not_replaced_and_the_message_says_delete_it(tmp_path, how):
    guide(tmp_path, "g.yaml")
    assert build(tmp_path, "g.yaml", "-o", "out", "--no-key")[0] == 0
    ours = (tmp_path / "out" / "g.pdf").read_bytes()
    theirs = _resaved(ours) if how == "re-saved" else ours[:len(ours) // 2]
    if how == "re-saved":  # its title is still the guide's: refused all the same, the notes would be lost
        assert pypdf.PdfReader(io.BytesIO(theirs)).metadata["/Title"] == "A guide"
    (tmp_path / "out" / "g.pdf").write_bytes(theirs)
    code, said = build(tmp_path, "g.yaml", "-o", "out", "--no-key")
    assert code == 1 and "if it is g.yaml's PDF saved by another program, delete it (notes added to it are lost)" \
        in " ".join(said.split())
    assert files(tmp_path / "out") == {"g.pdf": theirs}  # the teacher's notes are still there


def test_an_empty_file_in_a_pdfs_place_is_replaced(tmp_path):
    """A cloud-sync placeholder or a failed copy: 0 bytes, nothing to lose."""
    guide(tmp_path, "g.yaml")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "g.pdf").write_bytes(b"")
    assert build(tmp_path, "g.yaml", "-o", "out")[0] == 0
    assert creator((tmp_path / "out" / "g.pdf").read_bytes()) == "studyguide (g.yaml, student copy)"


@pytest.mark.parametrize("old, new", [("Unit 1.yaml", "Unit-1.yaml"), ("g.yaml", "g.yml")])
def test_a_renamed_guide_replaces_its_own_pdfs(tmp_path, old, new):
    guide(tmp_path / "g", old, extra=CHOICE)
    assert build(tmp_path, f"g/{old}", "--versions", "2", "-o", "out")[0] == 0
    names = sorted(files(tmp_path / "out"))
    (tmp_path / "g" / old).rename(tmp_path / "g" / new)
    code, said = build(tmp_path, f"g/{new}", "--versions", "2", "-o", "out")
    assert code == 0, said
    made = files(tmp_path / "out")
    assert sorted(made) == names and {creator(d).split(", ")[0] for d in made.values()} == {f"studyguide ({new}"}


def test_a_guide_respelled_on_a_case_insensitive_file_system_replaces_its_own_pdfs(tmp_path):
    """g.yaml → G.yaml where both spellings are one file: here two names of one file (a hard link), and the
    PDF renamed as that file system would find it."""
    guide(tmp_path / "g", "g.yaml")
    assert build(tmp_path, "g/g.yaml", "-o", "out", "--no-key")[0] == 0
    (tmp_path / "out" / "g.pdf").rename(tmp_path / "out" / "G.pdf")
    (tmp_path / "g" / "G.yaml").hardlink_to(tmp_path / "g" / "g.yaml")
    code, said = build(tmp_path, "g/G.yaml", "-o", "out", "--no-key")
    assert code == 0, said
    assert creator((tmp_path / "out" / "G.pdf").read_bytes()) == "studyguide (G.yaml, student copy)"
    # two different files g.yaml and G.yaml (a case-sensitive file system): G.yaml does not replace g.yaml's PDF
    (tmp_path / "g" / "G.yaml").unlink()
    guide(tmp_path / "g", "G.yaml", title="Other")
    assert build(tmp_path, "g/g.yaml", "-o", "out2", "--no-key")[0] == 0
    (tmp_path / "out2" / "g.pdf").rename(tmp_path / "out2" / "G.pdf")
    code, said = build(tmp_path, "g/G.yaml", "-o", "out2", "--no-key")
    assert code == 1 and "out2/G.pdf: is g.yaml's student copy, and G.yaml's student copy would replace it" in said


def test_guides_from_two_folders_into_one_output_folder(tmp_path):
    """Only names are kept: a guide of another folder is not beside the one built, so its PDF of the same
    name is replaced, as after a rename (it is rebuilt from its guide). In one run both are refused."""
    guide(tmp_path / "a", "base-key.yaml", title="Other")
    guide(tmp_path / "b", "base.yaml", title="Base")
    assert build(tmp_path, "a/base-key.yaml", "-o", "out", "--no-key")[0] == 0
    code, said = build(tmp_path, "b/base.yaml", "-o", "out")
    assert code == 0, said
    assert creator((tmp_path / "out" / "base-key.pdf").read_bytes()) == "studyguide (base.yaml, answer key)"
    code, said = build(tmp_path, "a/base-key.yaml", "b/base.yaml", "-o", "out2")
    assert code == 1 and not (tmp_path / "out2" / "base-key.pdf").exists()


def _earlier(class_set: bool) -> bytes:
    """A PDF as studyguide wrote it before its PDFs named their guide: Creator "studyguide"; a class set
    (collated by pypdf) kept only the title, author and subject."""
    if class_set:
        writer = pypdf.PdfWriter()
        writer.add_blank_page(612, 792)
        writer.add_metadata({"/Title": "A guide", "/Author": "", "/Subject": ""})
        stream = io.BytesIO()
        writer.write(stream)
        return stream.getvalue()
    from reportlab.pdfgen.canvas import Canvas

    stream = io.BytesIO()
    canvas = Canvas(stream, invariant=1)
    canvas.setCreator("studyguide")
    canvas.showPage()
    canvas.save()
    return stream.getvalue()


def test_a_pdf_of_an_earlier_studyguide_is_replaced(tmp_path):
    """Output folders from before the PDFs named their guide are rebuilt as they always were."""
    guide(tmp_path, "g.yaml", extra=CHOICE)
    (tmp_path / "out").mkdir()
    names = ["g-A.pdf", "g-A-key.pdf", "g-A-grid.pdf", "g-B.pdf", "g-B-key.pdf", "g-B-grid.pdf", "g-class-set.pdf",
             "g-class-set-key.pdf"]
    for name in names:
        (tmp_path / "out" / name).write_bytes(_earlier("class-set" in name))
    assert build(tmp_path, "g.yaml", "--class-set", "--versions", "2", "-o", "out")[0] == 0
    assert creator((tmp_path / "out" / "g-class-set.pdf").read_bytes()) == "studyguide (g.yaml, class set)"
    assert creator((tmp_path / "out" / "g-B-grid.pdf").read_bytes()) == "studyguide (g.yaml, answer grid)"


# -- 2. --no-key writes no answers --------------------------------------------------------------------

def test_no_key_writes_no_answer_grid_nor_class_set_key(tmp_path):
    guide(tmp_path, "g.yaml", extra=CHOICE)
    code, said = build(tmp_path, "g.yaml", "--versions", "2", "--class-set", "--no-key", "-o", "out")
    assert code == 0, said
    assert sorted(files(tmp_path / "out")) == ["g-A.pdf", "g-B.pdf", "g-class-set.pdf"]
    guide(tmp_path, "v.yaml", extra=CHOICE + "versions: 2\n")  # versions asked for by the guide itself
    assert build(tmp_path, "v.yaml", "--no-key", "-o", "out2")[0] == 0
    assert sorted(files(tmp_path / "out2")) == ["v-A.pdf", "v-B.pdf"]
    for data in files(tmp_path / "out").values():  # and no page of them holds an answer
        text = "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)
        assert "Answer" not in text and "Key" not in text


def test_no_key_says_it_writes_no_answers():
    run = cli_inprocess(["build", "--help"], cwd=Path.cwd())
    assert "Build no answers: the student handouts only (no key, answer grid or class-set key)." in " ".join(
        run.out.split())


# -- 3. an option given twice, or a value that says nothing ---------------------------------------------

REFUSED = [
    (["export", "g.yaml", "--to", "moodle", "--to", "qti"],
     "--to: given 2 times (moodle, qti); it takes one value: run the command once for each"),
    (["build", "g.yaml", "--paper", "a4", "--paper", "letter"],
     "--paper: given 2 times (a4, letter); it takes one value: run the command once for each"),
    (["check", "g.yaml", "--theme", "modern", "--theme", "classic"],
     "--theme: given 2 times (modern, classic); it takes one value: run the command once for each"),
    (["build", "g.yaml", "--versions", "2", "--versions", "3"],
     "--versions: given 2 times (2, 3); it takes one value: run the command once for each"),
    (["build", "g.yaml", "--activities", "none,matching"],
     "--activities: 'none' goes alone (no activities); give only 'none', or only matching"),
    (["build", "g.yaml", "--activities", " , "], "--activities: is empty: name the activities, "
                                                "or 'none' for none"),
    (["build", "g.yaml", "--theme", ""], "--theme: is empty: name a theme (classic, modern, "
                                         "ink-saver, compact, or your own; 'studyguide themes' lists them) or a theme file"),
    (["check", "g.yaml", "--theme", " "], "--theme: is empty: name a theme"),
]


VOCABULARY = (CHOICE + "vocabulary:\n  - term: one\n    definition: the first\n  - term: two\n    definition: the second\n"
              "  - term: three\n    definition: the third\n")


@pytest.mark.parametrize("args, message", REFUSED, ids=[" ".join(a) for a, _ in REFUSED])
def test_an_option_given_twice_or_empty_is_refused_and_nothing_written(tmp_path, args, message):
    guide(tmp_path, "g.yaml", extra=CHOICE + "vocabulary:\n  - term: one\n    definition: the first\n"
                                             "  - term: two\n    definition: the second\n")
    run = cli_inprocess([*args, "-o", "out"] if args[0] != "check" else args, cwd=tmp_path)
    assert run.code == 2 and message in " ".join(run.err.split())
    assert not (tmp_path / "out").exists()


LISTED = [(["--skip", "questions", "--skip", "vocabulary"], ["--skip", "questions,vocabulary"]),
          (["--activities", "matching", "--activities", "word_search"], ["--activities", "matching,word_search"])]


@pytest.mark.parametrize("repeated, joined", LISTED, ids=[" ".join(r) for r, _ in LISTED])
def test_a_list_option_given_twice_is_one_list(tmp_path, repeated, joined):
    """--skip questions --skip vocabulary is what --skip questions,vocabulary is (not 'run it once for each');
    the summary is left to print (a skip that leaves nothing is refused)."""
    guide(tmp_path, "g.yaml", extra=VOCABULARY + "summary: What the guide is about.\n")
    code, said = build(tmp_path, "g.yaml", *repeated, "-o", "twice")
    assert code == 0, said
    assert build(tmp_path, "g.yaml", *joined, "-o", "once")[0] == 0
    assert build(tmp_path, "g.yaml", "-o", "all")[0] == 0
    twice = files(tmp_path / "twice")
    assert twice == files(tmp_path / "once") and twice != files(tmp_path / "all")
    text = " ".join(" ".join(page_texts(d)) for d in twice.values())
    if repeated[0] == "--skip":
        assert "Is it A guide?" not in text and "the first" not in text
    else:
        assert "Vocabulary Matching" in text and "Word Search" in text


def test_the_same_value_twice_is_one_value(tmp_path):
    guide(tmp_path, "g.yaml")
    assert build(tmp_path, "g.yaml", "--paper", "a4", "--paper", "A4", "-o", "out")[0] == 0
    page = pypdf.PdfReader(tmp_path / "out" / "g.pdf").pages[0].mediabox
    assert (round(float(page.width)), round(float(page.height))) == (595, 842)


def test_check_shows_each_edition_asked_for(tmp_path):
    guide(tmp_path, "g.yaml")
    run = cli_inprocess(["check", "g.yaml", "--edition", "large-print", "--edition", "readable"], cwd=tmp_path)
    assert run.code == 0
    heads = [line.split(":")[0] for line in run.out.splitlines() if line.startswith("g.yaml")]
    assert heads == ["g.yaml (large-print)", "g.yaml (readable)"]


# -- 4. import of a study guide, a PDF, a picture ---------------------------------------------------

READS = ("import reads Moodle XML, GIFT, QTI (.zip), Quizlet or Anki text, a list of questions (Aiken), CSV, and Kahoot "
         "or Quizizz (.xlsx): export the bank from your other tool as one of these")


def _pdf(tmp_path: Path) -> bytes:
    guide(tmp_path / "src", "g.yaml")
    assert build(tmp_path, "src/g.yaml", "-o", "pdf", "--no-key")[0] == 0
    return (tmp_path / "pdf" / "g.pdf").read_bytes()


IMPORTED = [
    ("base.yaml", lambda d: (d / "src" / "base.yaml").write_text(TITLE.format(title="Trees") + "vocabulary:\n"
                                                                 "  - term: x\n    definition: y\n"),
     "base.yaml: is already a study guide: build it with 'studyguide build src/base.yaml' (import makes a guide "
     "from another tool's file)"),
    ("base.txt", lambda d: (d / "src" / "base.txt").write_text(TITLE.format(title="Trees")),
     "base.txt: is already a study guide: save it as base.yaml and build that with 'studyguide build' (import "
     "makes a guide from another tool's file)"),
    ("other.yml", lambda d: (d / "src" / "other.yml").write_text("a: b\n"), f"other.yml: is a YAML file, not a bank; {READS}"),
    ("base.pdf", lambda d: (d / "src" / "base.pdf").write_bytes(_pdf(d)), f"base.pdf: is a PDF; {READS}"),
    ("cards.txt", lambda d: (d / "src" / "cards.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(40)),
     f"cards.txt: is a PNG picture; {READS}"),
]


@pytest.mark.parametrize("name, make, message", IMPORTED, ids=[c[0] for c in IMPORTED])
def test_import_says_what_a_file_that_is_no_bank_is(tmp_path, name, make, message):
    (tmp_path / "src").mkdir(exist_ok=True)
    make(tmp_path)
    run = cli_inprocess(["import", f"src/{name}", "-o", "new.yaml"], cwd=tmp_path)
    assert run.code == 1
    assert run.err.strip().splitlines() == [f"src/{message}"]  # one line: no 95 warnings, no traceback
    assert not (tmp_path / "new.yaml").exists()


def test_a_quizlet_export_with_title_cards_is_still_imported(tmp_path):
    (tmp_path / "cards.txt").write_text("title:\ta name\nquestions:\tthings asked\n", encoding="utf-8")
    run = cli_inprocess(["import", "cards.txt", "-o", "new.yaml"], cwd=tmp_path)
    assert run.code == 0 and "(2 terms, 0 questions)" in run.out


# -- 5. quarter sheets in large print ----------------------------------------------------------------

QUARTER_LP = ("--sheet quarter with --edition large-print: a quarter page holds only the title and a few words a line "
              "of 18-point text; use --sheet half for two large-print pages to a sheet, or leave out --sheet for "
              "large print on full pages")


@pytest.mark.parametrize("args", [["build", "--sheet", "quarter", "--edition", "large-print", "-o", "out"],
                                  ["build", "--sheet", "quarter", "--edition", "readable", "--edition", "large-print",
                                   "-o", "out"],
                                  ["check", "--sheet", "quarter", "--edition", "large-print"]])
def test_quarter_sheets_in_large_print_are_refused(tmp_path, args):
    guide(tmp_path, "g.yaml", extra=CHOICE)
    run = cli_inprocess([args[0], "g.yaml", *args[1:]], cwd=tmp_path)
    assert run.code == 2 and " ".join(run.err.split()) == QUARTER_LP
    assert not (tmp_path / "out").exists()


def test_half_sheets_in_large_print_and_a_large_print_exit_ticket_on_a_quarter_sheet_are_built(tmp_path):
    guide(tmp_path, "g.yaml", extra=CHOICE)
    assert build(tmp_path, "g.yaml", "--sheet", "half", "--edition", "large-print", "-o", "half")[0] == 0
    code, said = build(tmp_path, "g.yaml", "--format", "exit-ticket", "--questions", "1", "--sheet", "quarter",
                       "--edition", "large-print", "-o", "ticket")
    assert code == 0, said
    ticket = pypdf.PdfReader(tmp_path / "ticket" / "g-exit-ticket-quarter-large-print.pdf")
    assert len(ticket.pages) == 1 and ticket.pages[0].extract_text().count("Is it A guide?") == 4


# -- a --skip that leaves nothing to print is refused, and nothing written (retrial h-3) -----------

EMPTIED = [(["--format", "quiz", "--skip", "questions"],
            "g.yaml: --skip questions: a quiz is its questions, so it would print none (leave out --skip "
            "questions, or build the handout without them: no --format)"),
           (["--format", "exit-ticket", "--questions", "1", "--skip", "questions"],
            "g.yaml: --skip questions: an exit ticket is its questions, so it would print none (leave out --skip "
            "questions, or build the handout without them: no --format)"),
           (["--skip", "questions,vocabulary,activities"],
            "g.yaml: --skip questions,vocabulary,activities: leaves nothing of this guide to print but its title "
            "and name lines (skip fewer sections)")]


@pytest.mark.parametrize("args, message", EMPTIED, ids=[" ".join(a) for a, _ in EMPTIED])
def test_a_skip_that_leaves_nothing_to_print_is_refused(tmp_path, args, message):
    guide(tmp_path, "g.yaml", extra=VOCABULARY + "activities: [matching]\n")
    code, said = build(tmp_path, "g.yaml", *args, "-o", "out")
    assert code == 1 and message in said.splitlines() and "Traceback" not in said
    assert files(tmp_path / "out") == {}
    run = cli_inprocess(["check", "g.yaml", *args], cwd=tmp_path)
    assert run.code == 1 and message in (run.out + run.err).splitlines()


def test_a_skip_that_leaves_a_section_still_builds(tmp_path):
    """Skipping all but the vocabulary (or but the activities made from it) prints them: not refused."""
    guide(tmp_path, "g.yaml", extra=VOCABULARY + "activities: [matching]\n")
    code, said = build(tmp_path, "g.yaml", "--skip", "questions,vocabulary", "-o", "out")
    assert code == 0, said
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(tmp_path / "out" / "g.pdf").pages)
    assert "Vocabulary Matching" in text and "Is it A guide?" not in text
