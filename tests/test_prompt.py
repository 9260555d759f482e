"""`studyguide prompt`: the chatbot prompt holds the current schema, and its example is a good guide."""
from __future__ import annotations

import json
import re

from conftest import cli_main, run_cli

EXAMPLE_HEAD = "## A complete example (a different article; copy its shape, not its content)\n\n"


def _prompt() -> str:
    proc = run_cli("prompt")
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    return proc.stdout


def test_prompt_holds_the_schema_that_studyguide_schema_prints():
    schema = cli_main("schema")
    assert schema.returncode == 0, schema.stderr
    current = json.loads(schema.stdout)
    text = _prompt()
    line = next(ln for ln in text.splitlines() if ln.startswith('{"$schema"'))
    assert json.loads(line) == current  # the prompt's schema is the schema, key for key
    assert line == json.dumps(current, ensure_ascii=False, separators=(",", ":"))


def test_prompt_names_the_rules_and_all_eight_question_types():
    text = _prompt()
    for words in ("own words", "Be fair to every side", "recall", "analysis", "evaluation",
                  "multiple_choice, select_all, true_false, short_answer, essay, fill_in_blank, matching, ordering"):
        assert words in text
    assert not re.search(r"https?://(?!example\.org|json-schema\.org)", text)  # it points nowhere online


def test_prompt_example_validates_and_passes_check_strict(tmp_path):
    text = _prompt()
    example = text.split(EXAMPLE_HEAD, 1)[1].split("\n## Rules", 1)[0]
    (tmp_path / "guides").mkdir()
    guide = tmp_path / "guides" / "example.yaml"
    guide.write_text(example, encoding="utf-8")
    validated = cli_main("validate", guide, cwd=tmp_path)
    assert validated.returncode == 0, validated.stderr
    assert validated.stderr == ""
    assert validated.stdout.startswith(f"ok: {guide} (8 questions, 3 terms)")
    checked = cli_main("check", "--strict", guide, cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stderr == ""
    kinds = set(re.findall(r"^  - type: (\w+)$", example, re.M))
    assert len(kinds) == 8


def test_new_with_a_reading_starts_a_guide_whose_reading_is_the_file(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text("Bikes on Main Street\n\nThe council met on Tuesday.\nIt talked about {@ bikes.\n\n"
                       "\tA second\u200b paragraph.\n", encoding="utf-8")
    made = cli_main("new", "--reading", article, "guides/bikes.yaml", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    from studyguide import api

    guide = api.load(tmp_path / "guides" / "bikes.yaml")
    assert guide.title == "Bikes on Main Street"
    assert guide.reading.title == "Bikes on Main Street"
    assert guide.reading.paragraphs == ("The council met on Tuesday. It talked about {@ bikes.", "A second paragraph.")
    again = cli_main("new", "--reading", article, "guides/bikes.yaml", cwd=tmp_path)
    assert again.returncode != 0 and "already exists" in again.stderr


def test_new_with_a_reading_that_is_not_utf8_says_where_and_what_to_do(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"Title\n\nCaf\xe9\n")
    made = cli_main("new", "--reading", "a.txt", "guides/x.yaml", cwd=tmp_path)
    assert made.returncode != 0
    assert made.stderr.strip() == "a.txt:3: not UTF-8 (byte 0xE9); save the file as UTF-8 plain text"
    assert not (tmp_path / "guides" / "x.yaml").exists()
