"""Invisible code points no font draws: an IME writes an ideographic variation selector (U+E0100) after 辻 or 葛 for
the glyph of an official name, a flag's tag characters (U+E0020-E007F) follow 🏴. Each printed as a box (.notdef)
beside the letter, and validate told the teacher to install a Noto font, which cannot help (hostile round 13,
finding 3). They are dropped as the guide is read, as U+FE0F after ❤ is drawn as nothing."""
from __future__ import annotations

from conftest import build_into, cli_main, write_guide

GUIDE = '''
    title: "IVS 辻\\U000E0100 and 葛\\U000E0101"
    language: ja
    summary: "渡邊\\U000E0100さん。 𝄞\\U000E0100 and flag\\U000E0067\\U000E0062\\U000E007F ❤\\uFE0F x\\u180B."
    questions:
      - type: true_false
        prompt: "辻\\U000E0100 is a kanji."
        answer: true
'''


def test_variation_selectors_and_tags_print_as_nothing_and_are_not_called_missing(tmp_path):
    path = write_guide(tmp_path, "ivs.yaml", GUIDE)
    built = build_into(path, tmp_path / "out")
    for pdf in (built.student, built.key):
        assert "\x00" not in pdf.text, pdf.text  # a .notdef glyph reads back as NUL
        assert "IVS 辻 and 葛" in pdf.text and "渡邊さん。" in pdf.text and "辻 is a kanji" in pdf.text, pdf.text
        assert "𝄞 and flag ❤\ufe0f x." in pdf.text, pdf.text
    assert not [w.message for w in built.result.warnings if "no font" in w.message]
    proc = cli_main("validate", "ivs.yaml", cwd=tmp_path)
    assert proc.returncode == 0 and "no font" not in proc.stderr and "Noto" not in proc.stderr, proc.stderr
    assert built.guide.title == "IVS 辻 and 葛"
