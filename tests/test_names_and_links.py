"""Names a teacher typed, meeting the disk: accents stored two ways (macOS's 'café' is 'cafe' + an accent)
and symbolic links that lead back to themselves or to a file no longer there. Each is found, or said
in words with the file and line; never "not found, did you mean <the same name>", never an internal error."""
from __future__ import annotations

import os
import shutil
import unicodedata
from pathlib import Path

import pytest

from conftest import ASSETS_DIR, Pdf
from hostile_support import cli_inprocess
from studyguide import api

NFC, NFD = unicodedata.normalize("NFC", "café"), unicodedata.normalize("NFD", "café")
QUESTION = "questions:\n  - type: true_false\n    prompt: Is it found?\n    answer: true\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def red_picture(path: Path) -> None:
    from PIL import Image

    Image.new("RGB", (60, 40), (200, 0, 0)).save(path)


def printed_red(pdf: Path) -> bool:
    import pypdfium2

    page = pypdfium2.PdfDocument(pdf)[0].render(scale=1).to_pil().convert("RGB")
    return (200, 0, 0) in {colour for _, colour in page.getcolors(1 << 20)}


# -- 7. accents stored two ways ------------------------------------------------------------------------

@pytest.mark.parametrize("typed, on_disk", [(NFC, NFD), (NFD, NFC)], ids=["macos-file", "macos-guide"])
def test_a_picture_named_with_accents_stored_the_other_way_is_found_and_printed(tmp_path, typed, on_disk):
    red_picture(tmp_path / f"{on_disk}.png")
    guide = write(tmp_path / "g.yaml", f"title: P\ntopics:\n  - title: T\n    image: {typed}.png\n" + QUESTION)
    outputs = api.build(guide, tmp_path / "out").outputs
    assert all(printed_red(out.path) for out in outputs)


def test_two_pictures_whose_names_differ_only_in_their_accents_are_named(tmp_path):
    red_picture(tmp_path / f"{NFC}.png")
    red_picture(tmp_path / f"{NFD}.png")
    write(tmp_path / "g.yaml", f"title: P\ntopics:\n  - title: T\n    image: {NFC}.png\n" + QUESTION)
    run = cli_inprocess(["build", "g.yaml", "-o", "out"], tmp_path)
    assert run.code == 1
    assert run.messages == [f"g.yaml:4:12: topics item 1.image: '{NFC}.png' is in {tmp_path} 2 times, its accents "
                            "stored in different ways (as macOS and Windows store them), so the two look alike; "
                            "delete or rename all but one"]
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("stored", ["theme", "font"])
def test_a_theme_or_font_named_with_accents_stored_the_other_way_is_used(tmp_path, stored):
    theme_file = f"{NFD if stored == 'theme' else NFC}.yaml"
    font_file = f"{NFD if stored == 'font' else NFC}.ttf"
    shutil.copy(ASSETS_DIR / "DejaVuSerif.ttf", tmp_path / font_file)
    write(tmp_path / "themes" / theme_file, f"parent: classic\nfonts:\n  regular: {NFC}.ttf\n")
    guide = write(tmp_path / "g.yaml", f"title: P\ntheme: {NFC}\n" + QUESTION)
    outputs = api.build(guide, tmp_path / "out").outputs
    assert {f.split("+")[-1] for f in Pdf(outputs[0].path).fonts_of("Is it found?")} == {"DejaVuSerif"}


# -- 8. links that lead back to themselves, or nowhere -------------------------------------------------

def loop(folder: Path, a: str, b: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    os.symlink(b, folder / a)
    os.symlink(a, folder / b)


def test_a_guide_that_is_a_link_loop_is_named_with_its_links(tmp_path):
    loop(tmp_path, "l1.yaml", "l2.yaml")
    run = cli_inprocess(["build", "l1.yaml", "-o", "out"], tmp_path)
    assert run.code == 1
    assert run.messages == ["l1.yaml:1: is a link that leads back to itself (l1.yaml → l2.yaml → l1.yaml); "
                            "replace it with the file"]


def test_a_guide_that_is_a_link_to_a_missing_file_names_the_missing_file(tmp_path):
    os.symlink("nowhere.yaml", tmp_path / "dangling.yaml")
    run = cli_inprocess(["build", "dangling.yaml", "-o", "out"], tmp_path)
    assert run.code == 1
    assert run.messages == ["dangling.yaml:1: is a link, and its target nowhere.yaml is missing; replace the link "
                            "with the file, or delete it"]


GUIDES = {  # what is a loop → the guide that meets it, and the message it gets
    "picture": ("title: P\ntopics:\n  - title: T\n    image: a.png\n" + QUESTION,
                "g.yaml:4:12: topics item 1.image: 'a.png' is a link that leads back to itself (a.png → b.png → "
                "a.png); replace it with the file"),
    "font": ("title: P\ntheme: mine\n" + QUESTION,
             "themes/mine.yaml:3:12: fonts.regular: 'a.ttf' is a link that leads back to itself (a.ttf → b.ttf → "
             "a.ttf); replace it with the file"),
    "theme": ("title: P\ntheme: a\n" + QUESTION,
              "g.yaml:2:8: theme: themes/a.yaml is a link that leads back to itself (a.yaml → b.yaml → a.yaml); "
              "replace it with the file"),
    "defaults": ("title: P\n" + QUESTION,
                 "studyguide.yaml:1: is a link that leads back to itself (studyguide.yaml → b.yaml → "
                 "studyguide.yaml); replace it with the file"),
}


@pytest.mark.parametrize("what", list(GUIDES))
def test_a_picture_font_theme_or_defaults_file_in_a_link_loop_is_named_with_its_line(tmp_path, what):
    write(tmp_path / "g.yaml", GUIDES[what][0])
    if what == "picture":
        loop(tmp_path, "a.png", "b.png")
    elif what == "font":
        write(tmp_path / "themes" / "mine.yaml", "parent: classic\nfonts:\n  regular: a.ttf\n")
        loop(tmp_path, "a.ttf", "b.ttf")
    elif what == "theme":
        loop(tmp_path / "themes", "a.yaml", "b.yaml")
    else:
        loop(tmp_path, "studyguide.yaml", "b.yaml")
    run = cli_inprocess(["build", "g.yaml", "-o", "out"], tmp_path)
    assert (run.code, run.messages) == (1, [GUIDES[what][1]])
    assert not (tmp_path / "out").exists()


def test_a_theme_file_named_on_the_command_line_in_a_link_loop_is_named(tmp_path):
    write(tmp_path / "g.yaml", "title: P\n" + QUESTION)
    loop(tmp_path / "themes", "a.yaml", "b.yaml")
    run = cli_inprocess(["build", "g.yaml", "--theme", "themes/a.yaml", "-o", "out"], tmp_path)
    assert (run.code, run.messages) == (1, ["--theme: 'themes/a.yaml' is a link that leads back to itself (a.yaml → "
                                            "b.yaml → a.yaml); replace it with the file"])


def test_a_folder_build_names_the_links_it_leaves_out_and_builds_the_rest(tmp_path):
    write(tmp_path / "guides" / "ok.yaml", "title: P\n" + QUESTION)
    loop(tmp_path / "guides", "l1.yaml", "l2.yaml")
    os.symlink("nowhere.yaml", tmp_path / "guides" / "dangling.yaml")
    run = cli_inprocess(["build", "guides", "-o", "out"], tmp_path)
    assert run.code == 0, run.err
    assert run.err.splitlines() == [
        "guides/dangling.yaml: warning: left out: it is a link, and its target nowhere.yaml is missing; replace the "
        "link with the file, or delete it",
        "guides/l1.yaml: warning: left out: it is a link that leads back to itself (l1.yaml → l2.yaml → l1.yaml); "
        "replace it with the file",
        "guides/l2.yaml: warning: left out: it is a link that leads back to itself (l2.yaml → l1.yaml → l2.yaml); "
        "replace it with the file"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["ok-key.pdf", "ok.pdf"]
