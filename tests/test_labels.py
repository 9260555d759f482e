"""Printed labels follow the guide's language; `labels:` overrides any one of them."""
from __future__ import annotations

import dataclasses

import pytest

from conftest import GUIDES_DIR, Pdf, norm

from studyguide import api, labels
from studyguide.render import render

CHINA = GUIDES_DIR / "china-foreign-police-training.yaml"


def _build(tmp_path, **changes):
    guide = dataclasses.replace(api.load(CHINA), **changes)
    docs = render(guide, ("student", "key"))
    for mode, doc in docs.items():
        (tmp_path / f"{mode}.pdf").write_bytes(doc.pdf)
    return Pdf(tmp_path / "student.pdf"), Pdf(tmp_path / "key.pdf")


@pytest.mark.parametrize("language", ["es", "fr", "de", "pt-BR"])
def test_labels_come_in_the_guides_language(language, tmp_path):
    words = {k: norm(v) for k, v in labels.for_language(language).items()}
    student, key = _build(tmp_path, language=language)
    first = student.pages[0]
    for name in ("name", "date", "period"):
        assert words[name] in first
    assert words["summary"] in first and words["questions"] in student.text
    assert words["multiple_choice"] in student.text and words["true"] in student.text
    assert words["answer_key"] in key.pages[0] and words["answer_key"] not in student.text
    assert words["why"] in key.text
    total = len(student.pages)
    assert words["page"].format(n=total, total=total) in student.pages[-1]
    assert words["key_footer"] in key.pages[-1]
    english = labels.EN
    assert english["multiple_choice"] not in student.text and "Page 1 of" not in student.text


def test_a_guide_overrides_single_labels_and_headings(tmp_path):
    student, key = _build(tmp_path, labels={"period": "Class", "why": "Because:"}, headings={"summary": "In Brief"})
    assert "Class" in student.pages[0] and "Period" not in student.text
    assert "Because:" in key.text and "Why:" not in key.text
    assert "In Brief" in student.pages[0]


def test_unknown_label_keys_get_a_located_suggestion(tmp_path):
    guide = tmp_path / "g.yaml"
    guide.write_text("title: T\nlabels:\n  perod: Class\n", encoding="utf-8")
    with pytest.raises(api.GuideError) as err:
        api.load(guide)
    assert str(err.value) == f"{guide}:3:3: labels: unknown key 'perod' (did you mean 'period'?)"


def test_every_language_has_every_label():
    for table in labels.LANGUAGES.values():
        assert set(table) == set(labels.EN)
        for key, text in table.items():
            assert text.count("{") == labels.EN[key].count("{"), key
