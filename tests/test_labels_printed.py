"""The labels a guide in a language with no labels of its own is told to give are the ones its build
prints: every format's own subtitle, the answer grid's words, the class set's blank-page note; and not
a fillable edition's field names where no field prints (trial r9, M5). The list comes from the labels
the build looks up, so giving exactly those leaves no English label text on any page."""
from __future__ import annotations

import re

import pytest

from conftest import Pdf
from studyguide import cli, labels
from studyguide.reading.labelcheck import placeholders

GUIDE = """\
title: Il ciclo dell'acqua
language: it
topics:
  - title: L'evaporazione
    summary: Il sole scalda il mare e l'acqua diventa vapore.
    points:
      - Il vapore sale nell'aria.
vocabulary:
  - term: vapore
    definition: acqua in forma di gas
  - term: nuvola
    definition: goccioline d'acqua nel cielo
perspectives:
  - who: Un contadino
    view: La pioggia serve ai campi.
questions:
  - type: true_false
    prompt: Le nuvole sono fatte di vapore invisibile.
    answer: false
  - type: short_answer
    prompt: Quanti metri sale il vapore in un'ora?
    answer: 18 m
  - type: essay
    prompt: Spiega il ciclo dell'acqua.
    answer: Il sole scalda l'acqua, che evapora, si condensa e cade.
    lines: 20
  - type: essay
    prompt: Racconta un temporale.
    answer: Il cielo si scurisce e piove.
    lines: 20
"""
NAMED = re.compile(r"print in English; .* parts kept\. (.*) \(docs/guide-format\.md#labels\)")


def _named(capsys, *args) -> list[str]:
    """The labels `studyguide ARGS` says print in English ([] when it names none)."""
    with pytest.raises(SystemExit) as exc:
        cli.main(list(args))
    err = capsys.readouterr().err
    assert exc.value.code == 0 and "Traceback" not in err, err
    found = NAMED.search(err)
    return re.findall(r'(?:— |, )(\w+): "', found.group(1)) if found else []


def _given(names: list[str]) -> str:
    """A `labels:` block giving each named label a made-up word of its own, its {...} parts kept."""
    def text(key: str) -> str:
        return " ".join([f"Zq{key.replace('_', '')}"] + ["{" + f + "}" for f in dict.fromkeys(placeholders(labels.EN[key]))])
    return "labels:\n" + "".join(f'  {key}: "{text(key)}"\n' for key in names)


ENGLISH = sorted({text for text in labels.EN.values() if "{" not in text and len(text) >= 5 and " " in text}
                 | {"Quiz", "Guided Notes", "Cornell Notes", "Graphic Organizers", "Answer grid"})


@pytest.mark.parametrize("options, must, never", [
    (("--format", "quiz"), {"quiz"}, set()),
    (("--format", "notes"), {"notes"}, {"field_blank"}),
    (("--format", "cornell"), {"cornell", "cues", "notes_column"}, {"field_blank"}),
    (("--format", "organizers"), {"organizers", "who", "view"}, set()),
    (("--versions", "2"), {"answer_grid", "number_column", "answer_column", "points_column", "see_key"}, set()),
])
def test_check_names_every_label_the_build_prints_and_given_them_no_english_is_left(tmp_path, monkeypatch, capsys,
                                                                                   options, must, never):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "it.yaml"
    path.write_text(GUIDE, encoding="utf-8")
    extra = ("--class-set", "--copies", "3") if "--versions" in options else ()
    checked = _named(capsys, "check", str(path), *options, *extra)
    assert must <= set(checked) and not never & set(checked), checked
    built = _named(capsys, "build", str(path), "-o", "out", *options, *extra)
    assert set(built) == set(checked)  # (the class set's blank-page note too: check takes --class-set)
    path.write_text(GUIDE + _given(built), encoding="utf-8")
    assert _named(capsys, "check", str(path), *options, *extra) == []
    assert _named(capsys, "build", str(path), "-o", "given", *options, *extra) == []
    pdfs = sorted((tmp_path / "given").glob("*.pdf"))
    assert len(pdfs) == (8 if extra else 2)
    for pdf in pdfs:
        text = " ".join(" ".join(Pdf(pdf).text.split()).split())
        assert not [phrase for phrase in ENGLISH if phrase in text], pdf.name
        assert "Zq" in text


def test_check_takes_builds_class_set_and_activities_so_it_names_what_those_print(tmp_path, monkeypatch, capsys):
    """`check` had no --class-set (nor --activities), so it could not name the class set's blank-page note that
    `build --class-set` prints in English, nor a crossword's words for `--activities crossword`. A one-page
    guide's set has no blank page, and is not told to give its note."""
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "it.yaml"
    path.write_text(GUIDE, encoding="utf-8")
    plain = _named(capsys, "check", str(path), "--versions", "2")
    assert "copy_ends" not in plain
    assert set(_named(capsys, "check", str(path), "--versions", "2", "--class-set")) == set(plain) | {"copy_ends"}
    crossword = _named(capsys, "check", str(path), "--activities", "crossword")
    assert {"crossword_title", "across", "down"} <= set(crossword) and "matching_title" not in crossword, crossword
    assert set(crossword) == set(_named(capsys, "build", str(path), "-o", "out", "--activities", "crossword"))
    short = tmp_path / "short.yaml"
    short.write_text(GUIDE.split("questions:")[0], encoding="utf-8")
    assert "copy_ends" not in _named(capsys, "check", str(short), "--class-set", "--copies", "5")
    assert "copy_ends" not in _named(capsys, "build", str(short), "-o", "out", "--class-set", "--copies", "5")
