"""'{@…}' that is not meant as a citation (review r7 H2): Javadoc's '{@code x < y}' and '{@link String}' in a
guide on Java, with or without a reading, print as typed, as they did before citations; a form that names a
span of the reading, or nearly does, is still refused with its fix."""
from __future__ import annotations


import pytest

from conftest import page_texts, write_guide
from studyguide import api, render
from studyguide.errors import GuideError

JAVADOC = """
    title: Java documentation comments
    questions:
      - type: short_answer
        prompt: "In a Javadoc comment, what does the inline tag {@code x < y} do?"
        answer: It prints x < y in code font, without reading it as HTML.
      - type: multiple_choice
        prompt: "Which Javadoc tag makes a link to another class: {@link String} or {@literal String}?"
        choices: ["{@link String}", "{@literal String}"]
        answer: A
    """

READING = """
    title: Reading Java documentation
    reading:
      title: From the String class documentation
      text: |
        Returns the length of this string.

        If the argument is {@code null}, a {@link NullPointerException} is thrown. {@why}Strings cannot be changed after they are created.{@/why}
    questions:
      - type: short_answer
        prompt: Why, according to {@why}, can a String not be changed? (Compare {@code String.concat}.)
        answer: Strings are immutable.
    """


def _texts(path):
    guide = api.load(path)
    docs = render.render(guide, theme=api.theme_for(guide))
    return {mode: " ".join(page_texts(docs[mode].pdf))
            for mode in ("student", "key")}


def test_javadoc_tags_without_a_reading_print_as_typed(tmp_path):
    """NEW before this fix: five errors "'{@code x < y}' cites the reading, but this guide has no 'reading:'"."""
    for mode, text in _texts(write_guide(tmp_path, "javadoc.yaml", JAVADOC)).items():
        for typed in ("{@code x < y}", "{@link String} or {@literal String}"):
            assert typed in text, (mode, typed, text)


def test_javadoc_tags_in_a_reading_print_as_typed_beside_a_real_span(tmp_path):
    """'{@code null}' in the passage was "not a mark"; only a name a span has (or nearly has) is a slip."""
    texts = _texts(write_guide(tmp_path, "reading.yaml", READING))
    for mode, text in texts.items():
        assert "If the argument is {@code null}, a {@link NullPointerException} is thrown." in " ".join(text.split())
        assert "{@code String.concat}" in text and "{@why}" not in text, (mode, text)


def _problems(tmp_path, text):
    with pytest.raises(GuideError) as info:
        api.load(write_guide(tmp_path, "bad.yaml", text))
    return [str(p).split(": ", 1)[1] for p in info.value.problems]


def test_a_form_naming_a_span_or_nearly_one_is_still_refused(tmp_path):
    text = READING.replace("(Compare {@code String.concat}.)", "(See {@why:paragraphs} and {@wy 2}.)")
    assert _problems(tmp_path, text) == [
        "'{@why:paragraphs}' is not a citation form: did you mean {@why:paragraph}? ({@why} cites the span's "
        "lines, {@why:paragraph} its paragraphs; to print '{@' itself, write {@@})",
        "'{@wy 2}' is not a citation ({@why} cites the span's lines, {@why:paragraph} its paragraphs; to print "
        "'{@' itself, write {@@})"]
    marked = READING.replace("{@why}Strings", "{@why 1}Strings")
    assert _problems(tmp_path, marked)[0].startswith("reading: '{@why 1}' is not a mark: a span starts with {@why} ")
