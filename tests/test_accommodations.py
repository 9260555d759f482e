"""A guide's `accommodations:`: the standard copy for the class and the accommodated one beside it, the flags
winning over the guide's keys, and `check` counting both (trial 5, defects 3 and 4)."""
from __future__ import annotations

from conftest import Pdf, write_guide
from hostile_support import cli_inprocess
from test_question_layout import _rules

from studyguide import api

GUIDE = """
    title: Rivers
    accommodations: {reduced_choices: true, word_bank: true, extra_lines: 2}
    vocabulary:
      - {term: delta, definition: land at a river's mouth}
      - {term: source, definition: where a river starts}
    questions:
      - type: multiple_choice
        prompt: Which river is the longest?
        choices: [Nile, Thames, Seine, Tiber]
        answer: A
      - type: fill_in_blank
        prompt: A river starts at its [[source]].
      - type: essay
        prompt: Describe a river near you.
        lines: 5
    """
ACC = "rivers-reduced-choices-word-bank-extra-lines-2"


def _build(tmp_path, *args):
    write_guide(tmp_path, "rivers.yaml", GUIDE)
    run = cli_inprocess(["build", "rivers.yaml", "-o", "out", *args], cwd=tmp_path)
    assert run.code == 0, run.err
    return run, sorted(p.name for p in (tmp_path / "out").iterdir())


def test_a_guide_with_accommodations_builds_the_standard_copy_and_the_accommodated_one(tmp_path):
    _, names = _build(tmp_path)
    assert names == ["rivers-key.pdf", f"{ACC}-key.pdf", f"{ACC}.pdf", "rivers.pdf"]
    standard, accommodated = Pdf(tmp_path / "out/rivers.pdf"), Pdf(tmp_path / f"out/{ACC}.pdf")
    theme = api.theme_for(api.load(tmp_path / "rivers.yaml"))
    assert "Word bank" not in standard.text and "Tiber" in standard.text and "Thames" in standard.text
    assert "Word bank" in accommodated.text  # one wrong choice of the four is left out
    assert sum(c in accommodated.text for c in ("Thames", "Seine", "Tiber")) == 2
    assert _rules(standard.data, theme) == [5] and _rules(accommodated.data, theme) == [7]
    # the standard copy is what the same guide without 'accommodations:' builds
    plain = write_guide(tmp_path / "plain", "rivers.yaml", GUIDE.replace(
        "    accommodations: {reduced_choices: true, word_bank: true, extra_lines: 2}\n", ""))
    assert cli_inprocess(["build", plain.name, "-o", "out"], cwd=plain.parent).code == 0
    assert (plain.parent / "out/rivers.pdf").read_bytes() == standard.data


def test_the_flags_win_over_the_guide(tmp_path):
    """--extra-lines 0 takes the guide's extra lines away (it used to keep them, under the same name);
    --no-accommodations leaves the standard copy alone."""
    _, names = _build(tmp_path, "--extra-lines", "0")
    acc = "rivers-reduced-choices-word-bank"
    assert names == ["rivers-key.pdf", f"{acc}-key.pdf", f"{acc}.pdf", "rivers.pdf"]
    assert _rules(Pdf(tmp_path / f"out/{acc}.pdf").data, api.theme_for(api.load(tmp_path / "rivers.yaml"))) == [5]
    _, names = _build(tmp_path / "b", "--extra-lines", "4")
    assert "rivers-reduced-choices-word-bank-extra-lines-4.pdf" in names and len(names) == 4
    _, names = _build(tmp_path / "c", "--no-accommodations")
    assert names == ["rivers-key.pdf", "rivers.pdf"]
    _, names = _build(tmp_path / "d", "--no-accommodations", "--word-bank")  # the flag's copy, not the guide's
    assert names == ["rivers-word-bank-key.pdf", "rivers-word-bank.pdf"]
    for command in ("build", "check"):  # the help said "the standard copy alone", which a flag beside it is not
        help_text = " ".join(cli_inprocess([command, "--help"], cwd=tmp_path).out.split())
        assert "Leave out the guide's 'accommodations:' (flags such as --word-bank given with it still apply)." in help_text


def test_the_class_set_is_the_standard_copy(tmp_path):
    """28 copies of the accommodated handout was a class set in which every student had the word bank."""
    _, names = _build(tmp_path, "--class-set", "--copies", "3", "--no-key")
    assert names == ["rivers-class-set.pdf", f"{ACC}.pdf", "rivers.pdf"]
    copies = Pdf(tmp_path / "out/rivers-class-set.pdf")
    assert copies.page_count == 3  # one-page copies: a sheet each, no blank page between them
    assert copies.text.count("Describe a river near you") == 3 and "Word bank" not in copies.text


def test_check_counts_the_accommodated_copy_too(tmp_path):
    """`check` counted a copy `build` did not make; it now gives both budgets, the accommodated one named."""
    write_guide(tmp_path, "rivers.yaml", GUIDE)
    run = cli_inprocess(["check", "rivers.yaml"], cwd=tmp_path)
    assert run.code == 0, run.err
    heads = [line for line in run.out.splitlines() if line.startswith("rivers.yaml")]
    assert heads[0].startswith("rivers.yaml: 1 page")
    assert heads[1].startswith("rivers.yaml (reduced choices, word bank, 2 extra lines): 1 page")
    run = cli_inprocess(["check", "rivers.yaml", "--no-accommodations"], cwd=tmp_path)
    assert [line for line in run.out.splitlines() if line.startswith("rivers.yaml")] == [heads[0]]


def _heads(run, name="rivers.yaml"):
    return [line for line in run.out.splitlines() if line.startswith(name)]


def test_check_takes_builds_accommodation_and_versions_flags(tmp_path):
    """Trial r8 L3: `check --word-bank --reduced-choices --extra-lines 2` was refused (click's "No such option
    '--word-bank'"), as was --versions: the budget of the copy a teacher builds with flags was out of reach.
    Each copy's budget is now the one build makes with the same flags, pages included."""
    plain = GUIDE.replace("    accommodations: {reduced_choices: true, word_bank: true, extra_lines: 2}\n", "")
    write_guide(tmp_path, "rivers.yaml", plain.replace("lines: 5", "lines: 30"))
    flags = ["--word-bank", "--reduced-choices", "--extra-lines", "20"]
    run = cli_inprocess(["check", "rivers.yaml", *flags], cwd=tmp_path)
    assert run.code == 0, run.err
    assert "No such option" not in run.err
    # a guide without 'accommodations:': build makes the flags' copy alone, and check counts that one alone
    [head] = _heads(run)
    assert head.startswith("rivers.yaml (reduced choices, word bank, 20 extra lines): 3 pages")
    built = cli_inprocess(["build", "rivers.yaml", "-o", "out", *flags], cwd=tmp_path)
    assert "rivers-reduced-choices-word-bank-extra-lines-20.pdf (3 pages)" in built.out
    assert _heads(cli_inprocess(["check", "rivers.yaml"], cwd=tmp_path))[0].startswith("rivers.yaml: 2 pages")
    run = cli_inprocess(["check", "rivers.yaml", "--versions", "3", "--seed", "period 4"], cwd=tmp_path)
    assert _heads(run)[0].startswith("rivers.yaml (version A): 2 pages")


def test_check_flags_go_on_top_of_the_guides_accommodations(tmp_path):
    """As build: the standard copy and the accommodated one, the flags winning over the guide's keys."""
    write_guide(tmp_path, "rivers.yaml", GUIDE)
    run = cli_inprocess(["check", "rivers.yaml", "--extra-lines", "4"], cwd=tmp_path)
    heads = _heads(run)
    assert heads[0].startswith("rivers.yaml: 1 page")
    assert heads[1].startswith("rivers.yaml (reduced choices, word bank, 4 extra lines): 1 page")
    run = cli_inprocess(["check", "rivers.yaml", "--no-accommodations", "--word-bank"], cwd=tmp_path)
    assert [h.split(":")[0] for h in _heads(run)] == ["rivers.yaml (word bank)"]
    run = cli_inprocess(["check", "rivers.yaml", "--seed", "a\tb"], cwd=tmp_path)
    assert run.code == 2 and "--seed: contains the invisible character U+0009" in run.err  # (as build: a usage error)


def test_a_bank_the_word_bank_flag_gives_is_not_told_to_leave_out_its_key(tmp_path):
    """With --word-bank, a two-blank question's bank of its two answers was told "or leave out 'word_bank'",
    a key the guide does not have: the copy with word banks is named instead."""
    write_guide(tmp_path, "rivers.yaml", GUIDE.replace("    accommodations: {reduced_choices: true, word_bank: true, "
                                                       "extra_lines: 2}\n", "").replace(
        "A river starts at its [[source]].", "A river starts at its [[source]] and ends at its [[delta]]."))
    run = cli_inprocess(["check", "rivers.yaml", "--word-bank"], cwd=tmp_path)
    assert "rivers.yaml:10:5: warning: question 2: in the copy with word banks, its word bank holds only the 2 " \
           "answers of its blanks (delta · source), so a student who knows one is given the last; split it into " \
           "questions of one blank each (each gets a bank of four words)\n" in run.err
