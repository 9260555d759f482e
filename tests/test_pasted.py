"""Text pasted from a word processor: typed bullets, quotes a title brings, invisible characters, and
the spaces French puts before '?' and '!'. What a teacher sees printed, and the warning at the line."""
from __future__ import annotations

from conftest import build_into, write_guide

PASTED = """
    title: Ratios
    source:
      title: “Ratios in the Kitchen” – a lesson handout
      author: Ms. Delgado
    takeaways:
      - Write ratios three ways.
      - • Cross products help check if two ratios are equal.
      - "\uf0b7 Word's own bullet, from its Symbol font."
    questions:
      - type: short_answer
        prompt: What is a ratio?
        answer: A comparison.
"""


def test_a_typed_bullet_after_the_dash_is_left_out_with_a_warning(tmp_path):
    path = write_guide(tmp_path, "pasted.yaml", PASTED)
    built = build_into(path, tmp_path / "out")
    assert [str(w) for w in built.result.warnings] == [
        f"{path}:7:5: warning: takeaways item 2: starts with a typed bullet '•' (pasted from a word processor?); "
        "the '- ' already prints one, so this one is left out (delete it)",
        f"{path}:8:6: warning: takeaways item 3: starts with a typed bullet '\uf0b7' (pasted from a word "
        "processor?); the '- ' already prints one, so this one is left out (delete it)"]
    for pdf in (built.student, built.key):
        assert "• Cross products help check if two ratios are equal." in pdf.text
        assert "• Word's own bullet, from its Symbol font." in pdf.text
        assert "• •" not in pdf.text and "\uf0b7" not in pdf.text


def test_a_title_typed_with_its_quotes_gets_no_more(tmp_path):
    path = write_guide(tmp_path, "pasted.yaml", PASTED)
    built = build_into(path, tmp_path / "out")
    for pdf in (built.student, built.key):
        assert "Source: Ms. Delgado, “Ratios in the Kitchen” – a lesson handout" in pdf.pages[0]
    plain = write_guide(tmp_path, "plain.yaml", PASTED.replace("“Ratios in the Kitchen” – a lesson handout",
                                                               "Ratios in the Kitchen"))
    assert "Source: Ms. Delgado, “Ratios in the Kitchen”" in build_into(plain, tmp_path / "o2").student.pages[0]


# -- French typography: the space before ? ! : ; » (and after «) is never where a line breaks ------------

WORDS = "la concentration de la solution mère après dilution dans une fiole jaugée".split()


def _prompts() -> list[str]:
    """Prompts whose last word falls at every place of a line in turn: some '?' would start a line."""
    out = []
    for n in range(8, 40):
        words = " ".join(WORDS[k % len(WORDS)] for k in range(n))
        end = "!?:;»"[n % 5]
        out.append(f"Quelle est « {words} »" if end == "»" else f"Quelle est {words} {end}")
    return out


def _french() -> str:
    out = ["title: Les solutions", "language: fr", "questions:"]
    for prompt in _prompts():
        out += ["  - type: short_answer", f"    prompt: \"{prompt}\"", "    answer: Oui"]
    return "\n".join(out) + "\n"


def test_no_line_starts_with_the_punctuation_a_space_keeps_apart(tmp_path):
    from conftest import Pdf, cli_main

    path = tmp_path / "fr.yaml"
    path.write_text(_french(), encoding="utf-8")
    done = cli_main("build", path, "-o", tmp_path / "out")
    assert done.returncode == 0, done.stderr
    for pdf in ("fr.pdf", "fr-key.pdf"):
        lines = [line for page in Pdf(tmp_path / "out" / pdf).lines for line in page]
        assert sum("?" in line for line in lines) >= 6  # (the prompts are there)
        assert not [line for line in lines if line[0] in "?!:;»" or line.endswith("«")], pdf
    # the exports take the guide's text as typed: a plain space
    done = cli_main("export", path, "--to", "moodle", "-o", tmp_path / "exp")
    assert done.returncode == 0, done.stderr
    xml = (tmp_path / "exp" / "fr-moodle.xml").read_text(encoding="utf-8")
    assert all(prompt in xml for prompt in _prompts() if "»" not in prompt)


def test_check_finds_invisible_characters_at_their_line(tmp_path):
    """A zero-width space or soft hyphen is invisible on paper but stays in the PDF's text (a search for
    'denominator' misses 'denomi\\u00adnator'): check says where."""
    from conftest import cli_main

    path = tmp_path / "zw.yaml"
    path.write_text("title: Ratios\nsummary: |\n  A unit rate has a\u200b denominator of 1.\n"
                    "takeaways:\n  - A denomi\u00adnator of one\u00ad.\n", encoding="utf-8")
    done = cli_main("check", path)
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines() == [
        f"{path}:3:20: warning: 'A unit rate has a\\u200b denominator of 1.' holds an invisible zero-width space "
        "(U+200B): not seen on paper, it stays in the PDF's text, where search and copy trip on it; delete it "
        "(retype the word around it)",
        f"{path}:5:13: warning: 'A denomi\\u00adnator of one\\u00ad.' holds an invisible soft hyphen (U+00AD, 2 times): "
        "not seen on paper, it stays in the PDF's text, where search and copy trip on it; delete it (retype the "
        "word around it)"]
    assert cli_main("check", "--strict", path).returncode == 1


def test_build_says_where_an_invisible_character_is_and_a_term_holding_one_still_finds_its_sentence(tmp_path):
    """A zero-width space pasted into a term ('run\\u200boff'): `build` said nothing (only `check` warned), `check`
    called the term used nowhere (the prompt's 'runoff' did not match it) and the word-bank sentences gave its
    definition instead of its example, where the reader sees 'runoff'. Now every command warns at the line, and
    the term is found where a reader finds it."""
    from conftest import cli_main

    path = tmp_path / "zw.yaml"
    path.write_text("title: Water\nvocabulary:\n  - term: run\u200boff\n    definition: water that flows over land\n"
                    "    example: After the storm, runoff carried soil into the river.\nactivities: [cloze]\n"
                    "questions:\n  - type: short_answer\n    prompt: Where does runoff go?\n    answer: Into streams\n",
                    encoding="utf-8")
    warning = (f"{path}:3:14: warning: 'run\\u200boff' holds an invisible zero-width space (U+200B): not seen on "
               "paper, it stays in the PDF's text, where search and copy trip on it; delete it (retype the word "
               "around it)")
    built = build_into(path, tmp_path / "out")
    assert [str(w) for w in built.result.warnings] == [warning]
    for command in ("build", "validate", "check"):
        done = cli_main(command, path, *(["-o", tmp_path / "cli"] if command == "build" else []))
        assert done.returncode == 0 and done.stderr.splitlines() == [warning], (command, done.stderr)
    key = built.key.text.replace("\u200b", "")
    assert "After the storm, runoff carried soil into the river." in key and "means: water that flows" not in key
    assert "1. After the storm, carried soil into the river." in built.student.text  # (the blank is a rule)
