"""The warning for characters no font has says what to do (trial r13, finding 2): it said "install a font that
has them" and named none, and `validate`, the step the README puts first, said nothing. Now `validate`, `check`
and `build` give one message: a TrueType font to install and where the free Noto fonts are; for private-use
characters, the font they were typed with; for emoji, a black-and-white emoji font; for code points this
installation's Unicode tables do not know, a font or retyping; a mix of kinds gets each kind's advice."""
from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import REPO, cli_main, write_guide

from studyguide import api, render
from studyguide.theming import fonts

ODD = "title: Old signs\nsummary: \"A hieroglyph \U00013000 and a rune \u16a0.\"\n"
INSTALL = ("{path}:2:24: warning: no font has 2 characters of this guide; they would print as boxes: '\U00013000' "
           "(U+13000, line 2:24), '\u16a0' (U+16A0, line 2:37): install a TrueType (.ttf) font that has them and build "
           "again (studyguide finds it by itself): the free Noto fonts have nearly every script and symbol "
           "(notofonts.github.io; on Debian or Ubuntu: sudo apt install fonts-noto-core); or retype them")


@pytest.fixture
def no_installed_fonts(monkeypatch, tmp_path):
    """Installed fonts: none (an empty folder named, fontconfig not asked, a cache of its own)."""
    (tmp_path / "none").mkdir()
    monkeypatch.setattr("studyguide.theming.sysfonts.font_files", lambda *a, **k: [])
    monkeypatch.setenv("STUDYGUIDE_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(fonts, "_installed", None)
    yield
    monkeypatch.setattr(fonts, "_installed", None)


def test_validate_check_and_build_name_a_font_to_install(tmp_path, no_installed_fonts):
    path = write_guide(tmp_path, "odd.yaml", ODD)
    expected = INSTALL.format(path=path)
    assert [str(w) for w in api.guide_warnings(api.load(path))] == [expected]  # validate
    assert [str(w) for w in render.glyph_plan(api.load(path))[1]] == [expected]  # check and build
    built = api.build(path, tmp_path / "out")
    assert [str(w) for w in built.warnings if "no font has" in w.message] == [expected]


def test_the_cli_validate_prints_it(tmp_path):
    path = write_guide(tmp_path, "odd.yaml", ODD)
    if not fonts.plan({"\U00013000", "\u16a0"}).missing():
        pytest.skip("an installed font has U+13000 and U+16A0")
    run = cli_main("validate", path.name, cwd=tmp_path)
    assert run.returncode == 0
    assert INSTALL.format(path="odd.yaml") in run.stderr


def test_private_use_characters_are_told_to_install_the_font_they_were_typed_with(tmp_path, no_installed_fonts):
    path = write_guide(tmp_path, "pua.yaml", "title: Icons\nsummary: \"An icon \ue123 from a font.\"\n")
    assert [str(w) for w in api.guide_warnings(api.load(path))] == [
        f"{path}:2:19: warning: no font has the character '\ue123' (U+E123, line 2:19); it would print as a box: it is "
        "a private-use character, which means something only in the font it was typed with: install that font "
        "(a .ttf file) and build again, or retype it"]


def test_code_points_the_tables_do_not_know_are_not_called_unassigned(tmp_path, no_installed_fonts):
    """The tables are this Python's (Unicode 14 in 3.11): a character added since is no unassigned one."""
    import unicodedata
    path = write_guide(tmp_path, "cn.yaml", "title: Odd\nsummary: \"Not yet \U0003fffd.\"\n")
    assert [str(w.message) for w in api.guide_warnings(api.load(path))] == [
        "no font has the character '\U0003fffd' (U+3FFFD, line 2:19); it would print as a box: it is not in this "
        f"installation's Unicode tables (version {unicodedata.unidata_version}): added to Unicode after them, or not "
        "assigned at all; install a TrueType (.ttf) font that has it and build again, or retype it"]


EMOJI = ("emoji, and colour emoji fonts cannot be put in a PDF here: install a black-and-white emoji font (a .ttf file "
         "with outlines, such as Noto Emoji's from fonts.google.com/noto/specimen/Noto+Emoji, or Symbola's) and build "
         "again, or write {} as words")


def test_emoji_are_told_of_a_font_that_can_be_embedded_and_a_mix_gets_each_kinds_advice(tmp_path, no_installed_fonts):
    """🪿 (Unicode 15, unknown to Python 3.11's tables) was called 'a code point Unicode has not assigned yet', and 🚀
    beside a school logo's private-use character got 'sudo apt install fonts-noto-core', which has no emoji
    (hostile round 13, findings 4 and 5)."""
    path = write_guide(tmp_path, "e.yaml", "title: Birds\nsummary: \"A goose \U0001FABF and a shake \U0001FAE8.\"\n")
    [said] = [w.message for w in api.guide_warnings(api.load(path))]
    assert said.endswith("'\U0001FABF' (U+1FABF, line 2:19), '\U0001FAE8' (U+1FAE8, line 2:33): they are "
                         + EMOJI.format("them")), said
    path = write_guide(tmp_path, "m.yaml", "title: Mix\nsummary: \"Logo \ue000, \U0001F680 \U0001F3B5, rune \u16a0, "
                                           "\U0003fffd.\"\n")
    [said] = [w.message for w in api.guide_warnings(api.load(path))]
    import unicodedata
    assert said.split("; they would print as boxes: ")[1].split(": ", 1)[1] == (
        "for '\u16a0': install a TrueType (.ttf) font that has it and build again (studyguide finds it by itself): the "
        "free Noto fonts have nearly every script and symbol (notofonts.github.io; on Debian or Ubuntu: sudo apt install "
        "fonts-noto-core); or retype it; '\U0001F680' and '\U0001F3B5' are " + EMOJI.format("them") + "; '\ue000' is a "
        "private-use character, which means something only in the font it was typed with: install that font (a .ttf "
        "file) and build again, or retype it; '\U0003fffd' is not in this installation's Unicode tables (version "
        f"{unicodedata.unidata_version}): added to Unicode after them, or not assigned at all; install a TrueType "
        "(.ttf) font that has it and build again, or retype it"), said


def test_validate_is_silent_on_what_the_bundled_fonts_draw(tmp_path, no_installed_fonts):
    """Music symbols (Noto Music), Urdu (Naskh), Chinese and Korean (Noto CJK), Greek (DejaVu): nothing to say."""
    path = write_guide(tmp_path, "ok.yaml", "title: Fine\nsummary: \"𝄞 𝄢 𝅝 𝅗𝅥 ♯ ے 水 한 λ.\"\n")
    assert [w for w in api.guide_warnings(api.load(path)) if "no font" in w.message] == []


def test_validate_warns_for_a_guide_in_a_teachers_own_theme_naming_no_font(tmp_path, no_installed_fonts):
    """Validate once said nothing of fonts for a guide in a teacher's own theme (its fonts were read only by check
    and build); a theme naming none draws with the bundled fonts, and validate says what build says."""
    (tmp_path / "themes").mkdir()
    (tmp_path / "themes" / "mine.yaml").write_text("parent: classic\n", encoding="utf-8")
    path = write_guide(tmp_path, "odd.yaml", "theme: mine\n" + ODD)
    said = [str(w) for w in api.guide_warnings(api.load(path)) if "no font" in w.message]
    assert said == [INSTALL.format(path=path).replace(":2:24:", ":3:24:").replace("line 2:", "line 3:")]
    assert said == [str(w) for w in api.build(path, tmp_path / "out").warnings if "no font" in w.message]


def test_validate_still_loads_no_reportlab(tmp_path):
    path = write_guide(tmp_path, "odd.yaml", ODD)
    code = ("import sys; from pathlib import Path; from studyguide import api; "
            f"[c.warnings for c in api.validate([Path({str(path)!r})])]; "
            "print(sorted(m for m in sys.modules if m.startswith(('reportlab', 'studyguide.layout'))))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=60)
    assert run.stdout.strip() == "[]", run.stderr


def _own_theme(folder, font: str, *, copy_from=None) -> None:
    """guides/themes/mine.yaml naming ``font`` (a .ttf in the guides' folder) as its regular."""
    (folder / "themes").mkdir()
    (folder / "themes" / "mine.yaml").write_text(f"parent: classic\nfonts:\n  regular: {font}\n", encoding="utf-8")
    if copy_from is not None:
        (folder / font).write_bytes(copy_from.read_bytes())


def test_validate_warns_for_a_guide_in_a_teachers_own_theme_as_build_does(tmp_path, no_installed_fonts):
    """`validate` said 'ok' for a guide in a theme of the teacher's that names its own font, where `build` warned
    that the hieroglyph and the rune print as boxes: it now reads the theme's font files' character maps."""
    _own_theme(tmp_path, "DejaVuSerif.ttf", copy_from=REPO / "assets" / "DejaVuSerif.ttf")
    path = write_guide(tmp_path, "odd.yaml", ODD + "theme: mine\n")
    expected = INSTALL.format(path=path)
    assert [str(w) for w in api.guide_warnings(api.load(path))] == [expected]  # validate
    built = api.build(path, tmp_path / "out")
    assert [str(w) for w in built.warnings if "no font has" in w.message] == [expected]


def test_what_the_teachers_own_font_draws_is_not_warned_of(tmp_path, no_installed_fonts):
    """Its own font has the private-use icon (as an icon font has): neither validate nor build warns of it."""
    from test_fonts import PUA, _make_font

    _own_theme(tmp_path, "icons.ttf")
    _make_font(tmp_path / "icons.ttf", PUA + "".join(chr(c) for c in range(0x20, 0x7f)))
    path = write_guide(tmp_path, "icons.yaml", f"title: Icons\ntheme: mine\nsummary: \"An icon {PUA} from a font.\"\n")
    assert [str(w) for w in api.guide_warnings(api.load(path))] == []
    assert [str(w) for w in api.build(path, tmp_path / "out").warnings if "no font has" in w.message] == []
