"""One mistake that every item of a list repeats gets one message (trial 2026-12-04, L6): a matching question's
pairs typed 'term:'/'definition:' (or 'question:'/'answer:', 'a:'/'b:'), vocabulary typed 'word:'/'meaning:',
topics typed 'heading:', perspectives 'name:'/'opinion:', benefits 'benefit:'. The exact messages are data in tests/cases/errors (matching-pairs-other-keys,
vocabulary-other-keys); here: main gave four messages a pair (two keys missing, two unknown) and told
'word: veto' to be written 'term: word'; renaming the keys as the one message says, in the items it names,
gives a guide that reads with every pair and term; and one pair typed wrong among right ones keeps its own
"did you mean".
"""
from __future__ import annotations

import re

import pytest

from conftest import CASES, write_guide
from studyguide import api
from studyguide.errors import GuideError

ERRORS = CASES / "errors"


def _problems(path):
    with pytest.raises(GuideError) as exc:
        api.load(path)
    return [(p.where.line, p.message) for p in exc.value.problems]


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip())


def _list_items(lines: list[str], line: int) -> list[range]:
    """The lines of each item of the list that line ``line`` (0-based) is in."""
    dash = next(n for n in range(line, -1, -1) if lines[n].lstrip().startswith("- ")
                and _indent(lines[n]) <= _indent(lines[line]))
    col = _indent(lines[dash])
    first = dash
    while first > 0 and (_indent(lines[first - 1]) > col or _indent(lines[first - 1]) == col
                         and lines[first - 1].lstrip().startswith("- ")):
        first -= 1
    starts, n = [], first
    while n < len(lines) and (not lines[n].strip() or _indent(lines[n]) >= col):
        if _indent(lines[n]) == col and lines[n].lstrip().startswith("- "):
            starts.append(n)
        n += 1
    return [range(a, b) for a, b in zip(starts, starts[1:] + [n])]


def _renamed_as_told(tmp_path, case: str):
    """The case's guide with each message's keys renamed as it says ('take 'left:' and 'right:', not 'term:'
    and 'definition:''), in the item it is at and the items it names ('the same in all 3 pairs', 'items 1
    and 2'), and a pair on one line written on two as shown."""
    lines = (ERRORS / f"{case}.yaml").read_text(encoding="utf-8").split("\n")
    for line, message in reversed(_problems(ERRORS / f"{case}.yaml")):
        one = re.search(r"'- left: (.*)' and under it 'right: (.*)'$", message)
        if one:
            indent = " " * _indent(lines[line - 1])
            lines[line - 1:line] = [f"{indent}- left: {one[1]}", f"{indent}  right: {one[2]}"]
            continue
        take, typed = re.search(r"take (.*?), not (.*?);", message).groups()
        renames = dict(zip(re.findall(r"'(\w+):'", typed), re.findall(r"'(\w+):'", take)))
        items = _list_items(lines, line - 1)
        named = re.search(r"items ([\d, and]+)\)$", message)
        if named:
            chosen = [items[int(n) - 1] for n in re.findall(r"\d+", named[1])]
        elif re.search(r"\(the same in (both|all \d+) \w+\)$", message):
            chosen = items
        else:
            chosen = [next(r for r in items if line - 1 in r)]
        for n in (n for r in chosen for n in r):
            for old, new in renames.items():
                lines[n] = re.sub(rf"^(\s*(?:- )?){old}:", rf"\g<1>{new}:", lines[n])
    path = tmp_path / f"{case}.yaml"
    path.write_text("\n".join(lines), encoding="utf-8")
    return api.load(path)


def test_pairs_with_other_keys_get_one_message_a_question_and_renaming_as_told_reads(tmp_path):
    problems = _problems(ERRORS / "matching-pairs-other-keys.yaml")
    assert [line for line, _ in problems] == [6, 15, 23, 31, 32]  # main: 31 messages
    assert problems[0][1] == ("question 1.pairs item 1: pairs take 'left:' and 'right:', not 'term:' and "
                              "'definition:'; write '- left: veto' with 'right: rejection of a bill' under it "
                              "(the same in all 3 pairs)")
    guide = _renamed_as_told(tmp_path, "matching-pairs-other-keys")
    assert [[(p.left, p.right) for p in q.pairs] for q in guide.questions] == [
        [("veto", "rejection of a bill"), ("quorum", "minimum members present"), ("bill", "a proposed law")],
        [("How many senators per state?", "2"), ("How long is a House term?", "2 years")],
        [("filibuster", "a long speech to delay a vote"), ("caucus", "a meeting of party members"),
         ("lobbyist", "one who tries to sway lawmakers")],
        [("Congress", "makes laws"), ("President", "carries out laws")]]


def test_vocabulary_and_topics_with_other_keys_get_one_message_and_renaming_as_told_reads(tmp_path):
    problems = _problems(ERRORS / "vocabulary-other-keys.yaml")
    assert [line for line, _ in problems] == [3, 9, 13, 18, 23]  # main: 21, and 'write each term as '- term: word''
    assert problems[0][1] == ("vocabulary item 1: terms take 'term:' and 'definition:', not 'word:' and 'meaning:'; "
                              "write '- term: veto' with 'definition: rejection of a bill' under it "
                              "(the same in 2 of the 4 terms: items 1 and 2)")
    guide = _renamed_as_told(tmp_path, "vocabulary-other-keys")
    assert [(t.term, t.definition, t.example) for t in guide.vocabulary] == [
        ("veto", "rejection of a bill", None), ("quorum", "minimum members present", "The vote waited for a quorum."),
        ("bill", "a proposed law", None), ("caucus", "a meeting of party members", None)]
    assert [t.title for t in guide.topics] == ["Branches", "Checks"]
    assert [(p.who, p.view) for p in guide.perspectives] == [
        ("Federalists", "A strong central government protects liberty."),
        ("Anti-Federalists", "Power belongs with the states.")]
    assert [(b.point, b.detail) for b in guide.benefits] == [
        ("Laws are debated in the open.", "Both houses vote."), ("Each branch can check the others.", None),
        ("Small states keep a voice.", None)]


def test_a_benefit_whose_text_has_a_colon_is_still_told_to_be_quoted(tmp_path):
    path = write_guide(tmp_path, "b.yaml", """
        title: Notes
        criticisms:
          - Note: it costs more
          - Note: it is slower
        """)
    assert [message for _, message in _problems(path)] == [
        "criticisms item 1: put this criticism in quotes: it contains ': ' (YAML reads 'Note' as a key)",
        "criticisms item 2: put this criticism in quotes: it contains ': ' (YAML reads 'Note' as a key)"]


def test_one_pair_with_a_misspelt_key_keeps_its_own_message(tmp_path):
    path = write_guide(tmp_path, "one.yaml", """
        title: One slip
        questions:
          - type: matching
            prompt: Match.
            pairs:
              - left: veto
                rigth: rejection of a bill
              - left: quorum
                right: minimum members present
        """)
    # (and no "1 pair; give 2 to 26" as on main: the pair is there, its key misspelt)
    assert _problems(path) == [(7, "question 1.pairs item 1: unknown key 'rigth' (did you mean 'right'?)")]


def test_a_spanish_guides_keys_in_every_term_are_named_once_in_english(tmp_path):
    path = write_guide(tmp_path, "es.yaml", """
        title: Civismo
        language: es
        vocabulary:
          - palabra: veto
            significado: rechazo de un proyecto de ley
          - palabra: quórum
            significado: número mínimo de miembros
        """)
    assert _problems(path) == [(4, "vocabulary item 1: terms take 'term:' and 'definition:', not 'palabra:' and "
                                   "'significado:' (keys stay in English, whatever the guide's language); write "
                                   "'- term: veto' with 'definition: rechazo de un proyecto de ley' under it "
                                   "(the same in both terms)")]


def test_questions_with_other_keys_get_one_message_a_key_and_renaming_as_told_reads(tmp_path):
    # a chatbot's 'question:' and 'answers:' in every question: one message a key (main: 8, and 'no blank found'
    # for the fill-in-the-blank question whose prompt was under 'question:')
    problems = _problems(ERRORS / "questions-other-keys.yaml")
    assert problems == [
        (4, "question 1: unknown key 'question' (did you mean 'prompt'? write 'prompt: A president's [[veto]] rejects "
            "a bill.') (the same in all 4 questions)"),
        (7, "question 2: unknown key 'answers' (did you mean 'answer'?) (the same in 3 of the 4 questions: questions "
            "2, 3 and 4)")]
    lines = (ERRORS / "questions-other-keys.yaml").read_text(encoding="utf-8").split("\n")
    told = [re.sub(r"^(\s*)question:", r"\1prompt:", re.sub(r"^(\s*)answers:", r"\1answer:", line)) for line in lines]
    path = tmp_path / "questions.yaml"
    path.write_text("\n".join(told), encoding="utf-8")
    guide = api.load(path)
    assert [q.prompt for q in guide.questions][1:] == [
        "What is a quorum?", "Who can override a veto?", "A bill becomes law when one house passes it."]
    assert (guide.questions[2].answer, guide.questions[3].answer) == (0, False)
