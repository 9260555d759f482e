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
