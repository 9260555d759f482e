"""`build` and `validate` of a starter whose placeholder text is still in it warn once, at the first place,
saying how many more `check` names (trial r9: 'Your Name' and an example.org source printed for a class;
only `check` said so). A guide with the placeholders written over is told nothing."""
from __future__ import annotations

import pytest

from studyguide import cli

ARTICLE = "Why Homework Matters\n\nHomework gives practice. It builds habits.\n\nCritics say it takes time from family.\n"


def _run(capsys, *args) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exc:
        cli.main(list(args))
    return exc.value.code, capsys.readouterr().err


def test_a_starter_built_as_it_is_gets_one_warning_at_its_first_placeholder(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    assert _run(capsys, "new", "--reading", "article.txt", "guides/homework.yaml")[0] == 0
    code, err = _run(capsys, "check", "guides/homework.yaml")
    named = [line for line in err.splitlines() if "is the starter's placeholder text" in line
             or "are the starter's placeholder text" in line or "is the starter's sample question" in line]
    assert len(named) > 5 and "guides/homework.yaml:21:9: warning: author: 'Your Name' is the starter's placeholder " \
                              "text; write your own, or delete the line" in named
    said = (f"{named[0]}; the starter's text is left in {len(named) - 1} more places ('studyguide check' names each)")
    assert said.startswith("guides/homework.yaml:18:11: warning: subtitle: 'What this guide is about' is the starter's")
    for command in (("validate",), ("build",), ("build", "--versions", "2", "--edition", "large-print",
                                                 "--edition", "standard")):
        code, err = _run(capsys, *command, "guides/homework.yaml")
        assert code == 0 and err.splitlines() == [said], err
    text = (tmp_path / "guides" / "homework.yaml").read_text(encoding="utf-8")
    (tmp_path / "guides" / "homework.yaml").write_text(
        "title: Homework\nreading:" + text.split("\nreading:", 1)[1].split("\nsummary:", 1)[0] + "\n", encoding="utf-8")
    assert _run(capsys, "build", "guides/homework.yaml") == (0, "")  # (its own words: nothing to say)
