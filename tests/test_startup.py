"""A plain `studyguide build` starts without loading what it does not use (start-up is part of every build's
time: about a fifth of a 4-unit build's, against the floor's script in bench/).

Each name below is a module a plain build of a generated guide (handout and key, no activities, no exports)
never calls into; it is loaded only by the commands and options that need it.
"""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO

BENCH = str(REPO / "bench")
sys.path.insert(0, BENCH)
try:
    import generate
finally:
    sys.path.remove(BENCH)

# a plain build's modules it never calls: each with what it serves
NOT_LOADED = {
    "studyguide.lint": "`check`'s findings (a build says only the starter's text left in: starterleft)",
    "studyguide.notation": "`check`'s notation findings",
    # the activities' layouts and the puzzle generators behind them: a guide that lists activities
    "studyguide.layout.activities.cloze": "the cloze's pages",
    "studyguide.layout.activities.crossword": "the crossword's pages",
    "studyguide.layout.activities.flashcards": "the flashcards' pages",
    "studyguide.layout.activities.matching_large": "the matching activity's pages",
    "studyguide.layout.activities.wordsearch": "the word search's pages",
    "studyguide.activities.crossword": "the crossword's grid search",
    "studyguide.activities.wordsearch": "the word search's grid",
    # the standard library's, for what a plain build does not do
    "json": "`schema`'s output, and the index of installed fonts (theming.sysfonts)",
    "subprocess": "asking fontconfig for installed fonts, when a character has no bundled glyph",
    "zipfile": "opening a document given in place of a guide (guidelike)",
    "gzip": "the packed CJK, Arabic and music fonts",
}

_RUN = """
import atexit, re, sys
def said():
    # each pattern a studyguide module holds, compiled at its import, with a range of characters that runs to
    # U+9FFF, the Han ideographs' end (a class of Chinese, Japanese or Korean letters)
    runs = re.compile("[\u2e80-\u4e00]-\u9fff")
    han = sorted(f"{{name}}.{{key}}" for name, module in list(sys.modules.items()) if name.startswith("studyguide")
                 for key, value in vars(module).items()
                 if isinstance(value, re.Pattern) and isinstance(value.pattern, str) and runs.search(value.pattern))
    print(han)
    print(sorted(sys.modules))
atexit.register(said)
sys.argv = ["studyguide", "build", {guide!r}, "-o", {out!r}]
from studyguide.__main__ import run
run()
"""


@pytest.fixture(scope="module")
def plain_build(tmp_path_factory):
    """The modules loaded by a fresh ``studyguide build`` of a 2-unit guide, and what it printed."""
    folder = tmp_path_factory.mktemp("startup")
    guide = generate.write(folder / "plain.yaml", 2)
    code = _RUN.format(guide=str(guide), out=str(folder / "out"))
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, encoding="utf-8",
                         cwd=REPO, timeout=120)
    assert run.returncode == 0, run.stderr
    said, han, loaded = run.stdout.strip().rsplit("\n", 2)
    return set(ast.literal_eval(loaded)), said, folder / "out", ast.literal_eval(han)


def test_a_plain_build_still_writes_the_handout_and_key(plain_build):
    _, said, out, _ = plain_build
    assert said.startswith("built ") and "plain.pdf" in said and "plain-key.pdf" in said
    assert (out / "plain.pdf").read_bytes()[:5] == b"%PDF-" and (out / "plain-key.pdf").exists()


@pytest.mark.parametrize("module", sorted(NOT_LOADED))
def test_a_plain_build_does_not_load(plain_build, module):
    loaded, _, _, _ = plain_build
    assert module not in loaded, f"{module} ({NOT_LOADED[module]}) was loaded by a plain build"


def test_each_class_of_the_model_says_what_it_is():
    """A dataclass without a docstring is given one at import from ``inspect.signature`` (its fields written
    out): for the model's 18 such classes, about 2.5 ms of every command's start-up, and no help to a reader."""
    import dataclasses

    from studyguide import model

    classes = [c for c in vars(model).values() if isinstance(c, type) and dataclasses.is_dataclass(c)
               and c.__module__ == model.__name__]
    assert len(classes) >= 20
    made = [c.__name__ for c in classes if (c.__doc__ or "").startswith(c.__name__ + "(")]
    assert made == []


def test_a_plain_build_compiles_no_pattern_for_chinese_text_at_import(plain_build):
    """A character class of the scripts written without spaces holds some 50,000 characters, and Python's re
    compiles one in about 2.5 ms on this machine: a module a plain build loads compiles it when it is first needed,
    not at its import (wordbreaks' own, which every build's line breaking asks, excepted)."""
    _, _, _, han = plain_build
    assert han == ["studyguide.wordbreaks._HAN_KANA"]
