"""A file name with a space typed without quotes (`studyguide new my guide.yaml`): the shell hands studyguide
two words. Each command says so, with the command to type; names printed in a command to run are quoted."""
from __future__ import annotations

import pytest

from hostile_support import cli_inprocess


@pytest.mark.parametrize("args, name, shown", [
    (["new", "my", "guide.yaml"], "my guide.yaml", 'studyguide new "my guide.yaml"'),
    (["new", "my", "water", "cycle.yaml"], "my water cycle.yaml", 'studyguide new "my water cycle.yaml"'),
    (["new", "my", "guide.yaml", "--reading", "article.txt"], "my guide.yaml",
     'studyguide new "my guide.yaml" --reading article.txt'),
    (["edit", "my", "guide.yaml"], "my guide.yaml", 'studyguide edit "my guide.yaml"'),
    (["import", "-o", "guides/a b.yaml", "my", "bank.csv"], "my bank.csv",
     'studyguide import -o "guides/a b.yaml" "my bank.csv"'),
])
def test_a_name_split_at_its_space_is_said_with_the_command_to_type(tmp_path, args, name, shown):
    run = cli_inprocess(args, cwd=tmp_path)
    assert (run.code, run.out) == (2, "")
    assert run.err.splitlines() == [f"the name {name} has a space in it, so it reached studyguide as "
                                    f"{len(name.split())} words; put it in quotes: {shown}"]
    assert list(tmp_path.iterdir()) == []  # nothing written: no 'my' guide


def test_two_names_given_to_new_are_told_to_run_it_once_for_each(tmp_path):
    run = cli_inprocess(["new", "a.yaml", "b.yaml"], cwd=tmp_path)
    assert run.code == 2 and run.err.splitlines() == [
        "studyguide new takes one file name, and was given 2 (a.yaml, b.yaml); run it once for each, as in: "
        "studyguide new a.yaml (a name with a space in it goes in quotes)"]


def test_the_quoted_name_as_told_is_written_and_the_build_command_it_shows_is_quoted(tmp_path):
    run = cli_inprocess(["new", "my guide.yaml"], cwd=tmp_path)
    assert run.code == 0 and (tmp_path / "my guide.yaml").is_file()
    assert run.out.splitlines() == ['wrote my guide.yaml; edit it, then run: studyguide build "my guide.yaml"']
    run = cli_inprocess(["build", "my guide.yaml", "-o", "out"], cwd=tmp_path)  # the command as shown builds
    assert run.code == 0 and (tmp_path / "out" / "my-guide.pdf").is_file()


@pytest.mark.parametrize("command", ["build", "validate", "check", "list"])
def test_a_guide_named_in_two_words_is_found_and_said_to_need_quotes(tmp_path, command):
    assert cli_inprocess(["new", "my guide.yaml"], cwd=tmp_path).code == 0
    run = cli_inprocess([command, "my", "guide.yaml"], cwd=tmp_path)
    assert run.code == 2 and not (tmp_path / "output").exists()
    assert run.err.splitlines() == ['my: no such file or folder; my guide.yaml is there, and its name has a space in '
                                    'it: put it in quotes ("my guide.yaml")']
