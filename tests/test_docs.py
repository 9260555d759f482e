"""What the docs show a teacher works as shown: the complete example guide, the theme and
defaults-file examples in README.md and docs/guide-format.md."""
from __future__ import annotations

import re
import shutil

import pytest

from studyguide import api

from conftest import ASSETS_DIR, REPO, run_cli

FONT = REPO / "src" / "studyguide" / "fonts" / "AtkinsonHyperlegible-Regular.ttf"
BOLD = REPO / "src" / "studyguide" / "fonts" / "AtkinsonHyperlegible-Bold.ttf"


def yaml_blocks(doc: str) -> list[str]:
    text = (REPO / doc).read_text(encoding="utf-8")
    return re.findall(r"```yaml\n(.*?)```", text, flags=re.S)


def block_starting(doc: str, first_line: str) -> str:
    found = [b for b in yaml_blocks(doc) if b.splitlines()[0].startswith(first_line)]
    assert len(found) == 1, (doc, first_line)
    return found[0]


@pytest.fixture
def folder(tmp_path):
    guides = tmp_path / "guides"
    (guides / "themes").mkdir(parents=True)
    shutil.copytree(ASSETS_DIR, tmp_path / "assets")
    shutil.copy(ASSETS_DIR / "carbon-cycle.png", tmp_path / "assets" / "crest.png")
    shutil.copy(FONT, tmp_path / "assets" / "Lexend-Regular.ttf")  # the examples' font names, any TrueType
    shutil.copy(BOLD, tmp_path / "assets" / "Lexend-Bold.ttf")
    shutil.copy(REPO / "guides" / "china-foreign-police-training.yaml", guides / "guide.yaml")
    return guides


def test_the_complete_example_builds(folder, tmp_path):
    example = block_starting("docs/guide-format.md", "# yaml-language-server")
    (folder / "example.yaml").write_text(example, encoding="utf-8")
    result = api.build(folder / "example.yaml", tmp_path / "out")
    assert result.outputs[0].pages == result.outputs[1].pages >= 2


@pytest.mark.parametrize("doc,first_line", [("README.md", "# guides/themes/lincoln.yaml"),
                                            ("docs/guide-format.md", "parent: modern")])
def test_the_theme_examples_are_themes(folder, tmp_path, doc, first_line):
    (folder / "themes" / "example.yaml").write_text(block_starting(doc, first_line), encoding="utf-8")
    (folder / "studyguide.yaml").write_text("theme: example\n", encoding="utf-8")
    run = run_cli("build", "guides", "-o", tmp_path / "out", cwd=folder.parent)
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "out" / "guide.pdf").is_file()


def test_the_readme_defaults_example_is_a_defaults_file(folder):
    (folder / "studyguide.yaml").write_text(block_starting("README.md", "# guides/studyguide.yaml"), encoding="utf-8")
    run = run_cli("validate", "guides", cwd=folder.parent)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("ok: guides/studyguide.yaml (defaults for the guides beside it: school, course, "
                                 "teacher, logo, paper, theme, labels)")


def test_the_bundled_defaults_file_sets_nothing_until_edited():
    run = run_cli("validate", "guides")
    assert run.returncode == 0, run.stderr
    assert "ok: guides/studyguide.yaml (defaults for the guides beside it: nothing yet)" in run.stdout
