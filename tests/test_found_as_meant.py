"""A guide that is there under another name (first-hour trial, 2026-12-04, F2 and F15): Notepad's hidden
'.txt', a guide named without its folder or its '.yaml'. Each message names the file, and doing what it
says builds the guide the teacher wrote."""
from __future__ import annotations

import pytest

from conftest import Pdf
from studyguide import cli

GUIDE = """\
title: The Water Cycle
questions:
  - type: multiple_choice
    prompt: What gives the water cycle its energy?
    choices: [The moon, The sun, The ocean floor]
    answer: B
"""
WHY = "Notepad adds the '.txt'; File Explorer shows it with View → Show → File name extensions"


def _run(capsys, *args) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        cli.main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return exc.value.code, out, err


@pytest.fixture
def folder(tmp_path, monkeypatch):
    (tmp_path / "guides").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_guide_saved_as_txt_is_named_and_renamed_as_told_it_builds(folder, capsys):
    (folder / "guides" / "water.yaml.txt").write_text(GUIDE, encoding="utf-8")
    for command in ("validate", "build"):
        assert _run(capsys, command) == (2, "", "no guides (*.yaml) found in guides; guides/water.yaml.txt ends in "
                                                f"'.txt': rename it to water.yaml ({WHY})\n")
    assert not (folder / "output").exists()
    (folder / "guides" / "water.yaml.txt").rename(folder / "guides" / "water.yaml")  # as told
    code, out, err = _run(capsys, "build")
    assert (code, err) == (0, "")
    assert "What gives the water cycle its energy?" in Pdf(folder / "output" / "water.pdf").text


def test_a_guide_saved_as_txt_beside_others_gets_a_warning_and_the_others_build(folder, capsys):
    (folder / "guides" / "soil.yaml").write_text(GUIDE.replace("Water", "Soil"), encoding="utf-8")
    (folder / "guides" / "water.yml.txt").write_text(GUIDE, encoding="utf-8")
    (folder / "guides" / "notes.txt").write_text("not a guide", encoding="utf-8")  # a text file is no guide
    warning = f"guides/water.yml.txt: warning: left out: the name ends in '.txt'; rename it to water.yml ({WHY})"
    code, out, err = _run(capsys, "build")
    assert code == 0 and err.splitlines() == [warning]
    assert sorted(p.name for p in (folder / "output").iterdir()) == ["soil-key.pdf", "soil.pdf"]
    code, out, err = _run(capsys, "validate")
    assert code == 0 and err.splitlines() == [warning]


def test_two_guides_saved_as_txt_are_both_named(folder, capsys):
    for name in ("a.yaml.txt", "b.YAML.txt"):
        (folder / "guides" / name).write_text(GUIDE, encoding="utf-8")
    assert _run(capsys, "validate")[2] == ("no guides (*.yaml) found in guides; guides/a.yaml.txt and guides/b.YAML.txt "
                                           f"end in '.txt': rename each without its '.txt' ({WHY})\n")


@pytest.mark.parametrize("typed", ["water-cycle.yaml", "water-cycle", "water-cycle.yml", "guides/water-cycle"])
def test_a_guide_named_without_its_folder_or_ending_gets_did_you_mean_and_that_builds(folder, capsys, typed):
    (folder / "guides" / "water-cycle.yaml").write_text(GUIDE, encoding="utf-8")
    assert _run(capsys, "build", typed) == (2, "", f"{typed}: no such file or folder; did you mean "
                                                   "guides/water-cycle.yaml?\n")
    code, out, err = _run(capsys, "build", "guides/water-cycle.yaml")  # as told
    assert (code, err) == (0, "")
    assert "The sun" in Pdf(folder / "output" / "water-cycle-key.pdf").text


@pytest.mark.parametrize("command", [("build",), ("check",), ("validate",), ("export", "--to", "moodle"), ("list",)])
@pytest.mark.parametrize("typed", ["guides/civic.yaml", "guides/Civics.yaml", "guides/civcs.yml", "civic.yaml"])
def test_a_guide_name_misspelt_gets_the_guide_spelt_like_it_and_that_builds(folder, capsys, command, typed):
    # trial 2026-12-04, L7: 'build guides/civic.yaml' for guides/civics.yaml said only "no such file or folder"
    (folder / "guides" / "civics.yaml").write_text(GUIDE, encoding="utf-8")
    (folder / "guides" / "water-cycle.yaml").write_text(GUIDE, encoding="utf-8")
    assert _run(capsys, *command, typed) == (2, "", f"{typed}: no such file or folder; did you mean "
                                                    "guides/civics.yaml?\n")
    if command == ("build",):
        code, out, err = _run(capsys, "build", "guides/civics.yaml")  # as told
        assert (code, err) == (0, "")
        assert "The sun" in Pdf(folder / "output" / "civics-key.pdf").text


def test_a_misspelt_guide_to_edit_gets_the_guide_spelt_like_it_before_starting_a_new_one(folder):
    from studyguide.editor import launch
    from studyguide.errors import UsageError
    (folder / "guides" / "civics.yaml").write_text(GUIDE, encoding="utf-8")
    with pytest.raises(UsageError) as exc:
        launch.target("guides/civic.yaml")
    assert str(exc.value) == ("guides/civic.yaml: no such guide; did you mean guides/civics.yaml? (to start a new "
                              "guide by this name: studyguide new guides/civic.yaml)")
    assert launch.target("guides/civics.yaml") == (launch.Path("guides"), "civics.yaml")  # as told


def test_a_name_with_no_guide_like_it_gets_no_guess(folder, capsys):
    (folder / "guides" / "water-cycle.yaml").write_text(GUIDE, encoding="utf-8")
    assert _run(capsys, "validate", "soil.yaml") == (2, "", "soil.yaml: no such file or folder\n")
    assert _run(capsys, "validate", "guides/water.yaml") == (2, "", "guides/water.yaml: no such file or folder\n")


def test_a_txt_copy_beside_the_guide_it_copies_is_not_told_to_replace_it(folder, capsys):
    (folder / "guides" / "water.yaml").write_text(GUIDE, encoding="utf-8")
    (folder / "guides" / "water.yaml.txt").write_text(GUIDE.replace("Water", "Old water"), encoding="utf-8")
    code, out, err = _run(capsys, "validate")
    assert code == 0 and err.splitlines() == [
        "guides/water.yaml.txt: warning: left out: the name ends in '.txt'; guides/water.yaml is the one read (delete "
        "this copy, or rename it to a name of its own)"]


DOCUMENTS = ("a guide is plain text in a file ending in .yaml): {each}, open it, copy all its text into a plain-text "
             "editor (Notepad; TextEdit after Format → Make Plain Text) and save that as {name}")


def test_a_folder_of_word_processor_documents_names_them_and_saved_as_told_the_guide_builds(folder, capsys):
    rtf = "{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Helvetica;}}\n" + GUIDE.replace("\n", "\\\n") + "}"
    (folder / "guides" / "water.yaml.rtf").write_text(rtf, encoding="utf-8")
    for command in ("validate", "build", "check"):
        assert _run(capsys, command) == (2, "", "no guides (*.yaml) found in guides; guides/water.yaml.rtf is a Rich Text "
                                                "document, not a guide (" + DOCUMENTS.format(
                                                    each="if it holds a guide", name="water.yaml") + "\n")
    (folder / "guides" / "soil.docx").write_bytes(b"PK\x03\x04word/document.xml")
    (folder / "guides" / "~$soil.docx").write_bytes(b"")  # Word's lock file while it is open: not named
    assert _run(capsys, "build")[2] == (
        "no guides (*.yaml) found in guides; guides/soil.docx and guides/water.yaml.rtf are word-processor documents, "
        "not guides (" + DOCUMENTS.format(each="for each that holds a guide", name="NAME.yaml") + "\n")
    assert not (folder / "output").exists()
    (folder / "guides" / "water.yaml").write_text(GUIDE, encoding="utf-8")  # as told: its text, saved as plain text
    code, out, err = _run(capsys, "build")
    assert code == 0 and err.splitlines() == [  # the documents left behind are named (first-hour trial r9, F6)
        "guides/soil.docx: warning: left out: this is a Word document, not a guide (" + DOCUMENTS.format(
            each="if it holds a guide", name="soil.yaml"),
        "guides/water.yaml.rtf: warning: left out: this is a Rich Text document, not a guide; guides/water.yaml is "
        "the one read (delete this copy, or move it out of the folder)"]
    assert "What gives the water cycle its energy?" in Pdf(folder / "output" / "water.pdf").text


def test_a_numbered_guide_that_is_not_there_is_not_taken_for_its_neighbour(folder, capsys):
    """'build guides/unit-2.yaml' said "did you mean guides/unit-1.yaml?", another unit (review2 L3): a name
    with other numbers in it is not a slip. A slip in the letters of a numbered name is still caught."""
    (folder / "guides" / "unit-1.yaml").write_text(GUIDE, encoding="utf-8")
    assert _run(capsys, "build", "guides/unit-2.yaml") == (2, "", "guides/unit-2.yaml: no such file or folder\n")
    assert _run(capsys, "build", "guides/unti-1.yaml") == (2, "", "guides/unti-1.yaml: no such file or folder; did "
                                                                  "you mean guides/unit-1.yaml?\n")


def _docx(text: str) -> bytes:
    """A Word document holding ``text``, one paragraph a line, as Word writes its body (word/document.xml)."""
    import io
    import zipfile
    from xml.sax.saxutils import escape
    body = "".join(f"<w:p><w:r><w:t xml:space='preserve'>{escape(line)}</w:t></w:r></w:p>" for line in text.splitlines())
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", f"<w:document><w:body>{body}</w:body></w:document>")
    return data.getvalue()


@pytest.mark.parametrize("command", ["build", "validate", "list", "check"])
def test_a_guide_saved_as_txt_or_docx_beside_a_yaml_guide_is_named_with_its_new_name(folder, capsys, command):
    """First-hour trial r9, F6 (H): Notepad saves a guide typed as 'Acids lesson' as 'Acids lesson.txt' and
    Word as '.docx'; beside any .yaml guide both were left out without a word (exit 0). An article or a
    worksheet kept in the folder is still not named."""
    (folder / "guides" / "soil.yaml").write_text(GUIDE.replace("Water", "Soil"), encoding="utf-8")
    (folder / "guides" / "Acids lesson.txt").write_text("# my guide\n" + GUIDE, encoding="utf-8")
    (folder / "guides" / "WW1 causes.docx").write_bytes(_docx(GUIDE))
    (folder / "guides" / "article.txt").write_text("The Water Cycle\n\ntitle: a word, questions: more", encoding="utf-8")
    (folder / "guides" / "worksheet.docx").write_bytes(_docx("Name:\nDate:\n1. What is rain?"))
    code, out, err = _run(capsys, command)
    assert code == 0 and "soil" in out
    assert err.splitlines() == [
        f"guides/Acids lesson.txt: warning: left out: the name ends in '.txt'; rename it to Acids lesson.yaml ({WHY})",
        "guides/WW1 causes.docx: warning: left out: this is a Word document, not a guide (" + DOCUMENTS.format(
            each="", name="WW1 causes.yaml").replace("): , open", "): open")]
    (folder / "guides" / "Acids lesson.txt").rename(folder / "guides" / "Acids lesson.yaml")  # as told
    assert "Acids lesson" in _run(capsys, command)[1]


def test_a_folder_with_only_a_guide_saved_as_txt_names_it(folder, capsys):
    (folder / "guides" / "acids.txt").write_text(GUIDE, encoding="utf-8")
    assert _run(capsys, "build") == (2, "", "no guides (*.yaml) found in guides; guides/acids.txt ends in '.txt': "
                                            f"rename it to acids.yaml ({WHY})\n")


def test_a_guide_saved_as_unicode_txt_or_with_line_breaks_in_word_is_named(folder, capsys):
    """Review r9 L1: Notepad's "Unicode" (UTF-16 with its mark, CRLF) was read as UTF-8 and a guide typed in Word
    with Shift+Enter line breaks (one paragraph, '<w:br/>' between lines; '<text:line-break/>' in an .odt) was
    one line, so neither was named beside a .yaml guide."""
    import io
    import zipfile
    from xml.sax.saxutils import escape
    (folder / "guides" / "soil.yaml").write_text(GUIDE.replace("Water", "Soil"), encoding="utf-8")
    (folder / "guides" / "bases.txt").write_bytes(b"\xff\xfe" + GUIDE.replace("\n", "\r\n").encode("utf-16-le"))
    for name, part, tag, paragraph in (
            ("pasted.docx", "word/document.xml", "</w:t><w:br/><w:t>", "<w:p><w:r><w:t>{}</w:t></w:r></w:p>"),
            ("pasted.odt", "content.xml", "<text:line-break/>", "<text:p>{}</text:p>")):
        body = paragraph.format(tag.join(escape(line) for line in GUIDE.splitlines()))
        data = io.BytesIO()
        with zipfile.ZipFile(data, "w") as archive:
            archive.writestr(part, f"<doc><body>{body}</body></doc>")
        (folder / "guides" / name).write_bytes(data.getvalue())
    code, out, err = _run(capsys, "list")
    assert code == 0 and "soil" in out
    assert err.splitlines() == [
        f"guides/bases.txt: warning: left out: the name ends in '.txt'; rename it to bases.yaml ({WHY})",
        "guides/pasted.docx: warning: left out: this is a Word document, not a guide (" + DOCUMENTS.format(
            each="", name="pasted.yaml").replace("): , open", "): open"),
        "guides/pasted.odt: warning: left out: this is a LibreOffice document, not a guide (" + DOCUMENTS.format(
            each="", name="pasted.yaml").replace("): , open", "): open")], err
