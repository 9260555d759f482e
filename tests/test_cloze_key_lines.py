"""A word-bank sentence breaks over lines where the handout's does: the key writes its answer in a blank exactly
as wide as the handout's. Its spaces, whole ones rounded, made it up to half a space wider, and on a half sheet
"Alicia empezó a ____ sin razón aparente." fitted one line in the handout but two in the key ("adelgazar"
written in), so the handout kept a blank line under it, a hole among the sentences (r16 trial, finding 7)."""
from __future__ import annotations

import pypdfium2

from conftest import cli_main, write_guide

GUIDE = """
    title: El almohadón de plumas
    language: es
    vocabulary:
      - term: el almohadón
        definition: Cojín grande y blando para apoyar la cabeza en la cama.
        example: La sirvienta vio manchas oscuras en el almohadón.
      - term: adelgazar
        definition: Perder peso; ponerse más delgado.
        example: Alicia empezó a adelgazar sin razón aparente.
      - term: la funda
        definition: La tela que cubre el almohadón.
        example: Jordán cortó la funda de un tajo.
      - term: pálida
        definition: Sin el color normal de la cara; casi blanca.
        example: Cada mañana estaba más pálida.
    activities: [cloze]
    questions:
      - type: true_false
        prompt: Alicia muere al final del cuento.
        answer: true
    """


def _lines(pdf, start: str, end: str) -> tuple[int, int]:
    """(page, lines) of the sentence from ``start`` to ``end``: its first and last letters' baselines apart, in
    lines of the body's leading (the key's answer, raised clear of the blank's rule, between them)."""
    doc = pypdfium2.PdfDocument(pdf)
    for n in range(len(doc)):
        text = doc[n].get_textpage()
        chars = text.get_text_range()
        if start in chars:
            first = chars.index(start)
            last = chars.index(end, first) + len(end) - 1
            drop = text.get_charbox(first)[1] - text.get_charbox(last)[1]
            return n + 1, 1 + round(drop / 14)
    raise AssertionError(f"{start!r} is on no page of {pdf}")


def test_a_cloze_sentence_takes_as_many_lines_in_the_key_as_in_the_handout(tmp_path):
    write_guide(tmp_path, "g.yaml", GUIDE)
    run = cli_main("build", "g.yaml", "-o", "out", "--theme", "modern", "--sheet", "half", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    for start, end in (("Alicia empezó", "aparente."), ("Jordán cortó", "tajo."), ("Cada mañana", "más")):
        handout, key = (_lines(tmp_path / "out" / name, start, end) for name in ("g-half.pdf", "g-half-key.pdf"))
        assert handout == key, (start, handout, key)
    assert _lines(tmp_path / "out/g-half.pdf", "Alicia empezó", "aparente.")[1] == 1
