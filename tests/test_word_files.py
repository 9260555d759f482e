"""A guide a word processor saved in its own format (first-hour trial, 2026-12-04, F3): TextEdit's Rich Text,
a Word or LibreOffice document renamed .yaml. One message says so and how to save it as plain text;
nothing after it. The Rich Text case is data too: tests/cases/errors/rich-text.yaml."""
from __future__ import annotations

import io
import zipfile

import pytest

from conftest import CASES, Pdf
from studyguide import api
from studyguide.errors import GuideError
from studyguide.reading import wordfiles

GUIDE = """\
title: The Water Cycle
summary: Water moves in a loop.
questions:
  - type: multiple_choice
    prompt: What gives the water cycle its energy?
    choices: [The moon, The sun, The ocean floor]
    answer: B
"""
HEADER = "{\\rtf1\\ansi\\ansicpg1252\\cocoartf2709\n{\\fonttbl\\f0\\fswiss\\fcharset0 Helvetica;}\n\\f0\\fs24 \\cf0 "


def rich_text(text: str) -> bytes:
    """``text`` as macOS TextEdit saves it by default."""
    return (HEADER + text.replace("\n", "\\\n") + "}").encode("ascii")


def zipped(*parts: tuple[str, str]) -> bytes:
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts:
            z.writestr(name, text, zipfile.ZIP_STORED if name == "mimetype" else None)  # (as ODF stores it)
    return data.getvalue()


DOCUMENTS = {
    "Rich Text": (rich_text(GUIDE), wordfiles.RICH_TEXT),
    "docx": (zipped(("[Content_Types].xml", "<Types/>"), ("word/document.xml", f"<w:t>{GUIDE}</w:t>")),
             "this is a Word document, not plain text: save it as plain text (.yaml), or copy its text into a "
             "plain-text editor"),
    "odt": (zipped(("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", GUIDE)),
            "this is a LibreOffice document, not plain text: save it as plain text (.yaml), or copy its text into "
            "a plain-text editor"),
    "doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500) + GUIDE.encode("utf-16-le"),
            "this is a Word document (.doc), not plain text: save it as plain text (.yaml), or copy its text into "
            "a plain-text editor"),
}


@pytest.mark.parametrize("kind", DOCUMENTS)
def test_a_word_processor_file_gets_one_message_and_saved_as_plain_text_it_builds(tmp_path, kind):
    data, message = DOCUMENTS[kind]
    path = tmp_path / "water.yaml"
    path.write_bytes(data)
    with pytest.raises(GuideError) as exc:
        api.load(path)
    assert [str(p) for p in exc.value.problems] == [f"{path}:1: {message}"]
    path.write_text(GUIDE, encoding="utf-8")  # as told: the same text, saved as plain text
    built = api.build(path, tmp_path / "out")
    assert not built.warnings
    assert "What gives the water cycle its energy?" in Pdf(built.outputs[0].path).text


def test_the_message_says_what_textedit_calls_the_fix():
    assert wordfiles.RICH_TEXT.startswith("saved as Rich Text, not plain text: in TextEdit choose Format → "
                                          "Make Plain Text, then save again")


@pytest.mark.parametrize("text", ["title: '{\\rtf is how Rich Text starts'\n", "title: PK\n", "{title: Braces}\n"])
def test_plain_text_that_merely_looks_alike_is_read(text):
    assert wordfiles.saved_as(text.encode("utf-8")) is None


def test_the_rich_text_case_is_the_good_guide_saved_by_textedit():
    assert (CASES / "errors" / "rich-text.yaml").read_bytes() == rich_text(GUIDE)
