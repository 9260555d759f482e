"""`studyguide edit`'s server, through Starlette's TestClient: who may ask, what is read and written.

The browser itself is driven in test_editor_browser.py (marked "browser"); here every route is
asked directly: refused without the token, from another Host or from another Origin; no path leads
outside the guides; a save writes exactly the text sent, or nothing when the file changed on disk;
Build and Export write what the CLI writes, where it writes it; the snippets build.
"""
from __future__ import annotations

import os
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("starlette", reason="the `edit` extra is not installed: pip install -e '.[test,edit]'")
pytest.importorskip("httpx", reason="Starlette's TestClient needs httpx (the `test` extra)")

from starlette.testclient import TestClient  # noqa: E402

from studyguide import api, cli  # noqa: E402
from studyguide.editor import check_installed, session, snippets  # noqa: E402
from studyguide.editor.server import Editor, make_app  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
FROZEN = REPO / "tests" / "cases" / "frozen" / "china-foreign-police-training-2026-12.yaml"
TOKEN = "tok-en_123"
PORT = 8765
HOST = f"127.0.0.1:{PORT}"
GOOD = {"Host": HOST}
MAYBE = "question 1.answer: expected true or false, found the text 'maybe'"
SMALL = "title: Water\nquestions:\n  - type: true_false\n    prompt: Water is wet.\n    answer: true\n"


@pytest.fixture
def folder(tmp_path):
    guides = tmp_path / "guides"
    guides.mkdir()
    (guides / "water.yaml").write_text(SMALL, encoding="utf-8")
    (tmp_path / "secret.txt").write_text("not for the browser", encoding="utf-8")
    return guides


def client(folder: Path, only=None) -> TestClient:
    editor = Editor(folder, folder.parent / "output", only)
    return TestClient(make_app(editor, TOKEN, PORT), base_url=f"http://{HOST}", follow_redirects=False)


def base_hash(folder: Path, name="water.yaml") -> str:
    return session.digest((folder / name).read_bytes())


# every kind of route: the chooser, new guide, the page, a static file, and each API call
ROUTES = [
    ("GET", "/", None), ("POST", "/new", {"name": "made"}), ("GET", "/edit/water.yaml", None),
    ("GET", "/static/app.js", None), ("GET", "/font/cjk.ttf", None), ("GET", "/api/water.yaml/guide", None), ("GET", "/api/water.yaml/disk", None),
    ("POST", "/api/water.yaml/preview", {"text": SMALL, "doc": "student", "rev": 1}),
    ("GET", "/api/water.yaml/page/student/0/1.jpg", None),
    ("POST", "/api/water.yaml/save", {"text": "title: Hacked\n", "base": ""}),
    ("POST", "/api/water.yaml/build", {}), ("POST", "/api/water.yaml/export", {"to": "quizlet"}),
]
ROUTE_IDS = [f"{m} {p}" for m, p, _ in ROUTES]


def ask(c: TestClient, method: str, path: str, body, headers, token=TOKEN):
    return c.request(method, f"/{token}{path}", json=body, headers=headers)



def test_the_browsers_request_for_the_tab_icon_gets_nothing_not_a_refusal(folder):
    """The trial's console showed 'Failed to load resource: 403' on every page: the browser asks for /favicon.ico
    at the site's root, where the token cannot be. It gets 204 (no icon, no error); the Host check still holds."""
    c = client(folder)
    r = c.get("/favicon.ico", headers={"Host": HOST})
    assert (r.status_code, r.content) == (204, b"")
    assert c.get("/favicon.ico", headers={"Host": "evil.example:8765"}).status_code == 403
    assert c.get("/favicon.icon", headers={"Host": HOST}).status_code == 403
    for page in ("/", "/edit/water.yaml"):  # the pages name an empty icon, so the browser need not ask
        assert '<link rel="icon" href="data:,">' in ask(c, "GET", page, None, {"Host": HOST}).text


@pytest.mark.parametrize("method,path,body", ROUTES, ids=ROUTE_IDS)
@pytest.mark.parametrize("why,headers,token", [
    ("token", GOOD, "wrong-token"),
    ("token", GOOD, ""),
    ("Host", {"Host": "evil.example:8765"}, TOKEN),
    ("Host", {"Host": "127.0.0.1:9999"}, TOKEN),  # DNS rebinding lands with the attacker's name or port
    ("Origin", {**GOOD, "Origin": "http://evil.example"}, TOKEN),
    ("Origin", {**GOOD, "Origin": "http://127.0.0.1:9999"}, TOKEN),
    ("Origin", {**GOOD, "Origin": "null"}, TOKEN),
    ("Origin", {**GOOD, "Origin": f"http://localhost:{PORT}"}, TOKEN),  # another origin, though the same server
    ("Origin", {**GOOD, "Origin": f"https://{HOST}"}, TOKEN),
], ids=["token", "no-token", "host", "host-port", "origin", "origin-port", "origin-null", "origin-name", "origin-scheme"])
def test_a_wrong_token_host_or_origin_is_refused_on_every_route(folder, method, path, body, why, headers, token):
    before = sorted(p.name for p in folder.parent.rglob("*"))
    r = ask(client(folder), method, path, body, headers, token)
    assert r.status_code == 403
    assert why in r.text or ("token" in r.text and why == "token")
    assert (folder / "water.yaml").read_text(encoding="utf-8") == SMALL  # nothing written
    assert sorted(p.name for p in folder.parent.rglob("*")) == before


@pytest.mark.parametrize("method,path,body", ROUTES, ids=ROUTE_IDS)
@pytest.mark.parametrize("headers", [GOOD, {"Host": f"localhost:{PORT}"}, {**GOOD, "Origin": f"http://{HOST}"},
                                     {"Host": f"localhost:{PORT}", "Origin": f"http://localhost:{PORT}"}],
                         ids=["ip", "localhost", "same-origin", "same-origin-localhost"])
def test_the_right_token_host_and_origin_are_let_in(folder, method, path, body, headers):
    r = ask(client(folder), method, path, body, headers)
    assert r.status_code != 403, r.text


@pytest.mark.parametrize("path", [
    "/static/../../secret.txt", "/static/..%2f..%2fsecret.txt", "/static/%2e%2e%2f%2e%2e%2fsecret.txt",
    "/static/__init__.py", "/static/session.py", "/edit/..%2fsecret.txt", "/api/..%2fsecret.txt/guide",
    "/api/%2e%2e%2fsecret.txt/guide", "/api/..%2f..%2fpyproject.toml/guide", "/api/secret.txt/guide",
    "/api/water.yaml/page/student/..%2f..%2fsecret.txt/1.jpg",
])
def test_no_path_leads_outside_the_static_files_and_the_guides(folder, path):
    r = client(folder).get(f"/{TOKEN}{path}", headers=GOOD)
    assert r.status_code in (403, 404)  # 403: the client folded the '..' away, and with it the token
    assert "not for the browser" not in r.text and "def " not in r.text


def test_a_named_guide_is_the_only_one_served(folder):
    (folder / "other.yaml").write_text(SMALL, encoding="utf-8")
    c = client(folder, only="water.yaml")
    assert c.get(f"/{TOKEN}/api/other.yaml/guide", headers=GOOD).status_code == 404
    assert c.get(f"/{TOKEN}/api/water.yaml/guide", headers=GOOD).json()["text"] == SMALL
    r = c.get(f"/{TOKEN}/", headers=GOOD)
    assert r.status_code == 303 and r.headers["location"] == "edit/water.yaml"
    r = c.post(f"/{TOKEN}/new", json={"name": "x"}, headers=GOOD)  # no new guides then
    assert r.status_code == 400 and r.json()["problems"] == [
        f"this editor was started on water.yaml alone; to make another guide, run studyguide edit {folder}"]
    assert not (folder / "x.yaml").exists()


def test_save_writes_exactly_the_text_sent(folder):
    c = client(folder)
    text = "title: Wasser – “nass” 水\r\nsubtitle: no newline at the end"
    r = c.post(f"/{TOKEN}/api/water.yaml/save", json={"text": text, "base": base_hash(folder)}, headers=GOOD)
    assert r.status_code == 200
    assert (folder / "water.yaml").read_bytes() == text.encode("utf-8")
    assert r.json()["hash"] == base_hash(folder)
    assert [p.name for p in folder.iterdir()] == ["water.yaml"]  # no temporary file left


def test_a_file_with_windows_line_ends_keeps_them(folder):
    (folder / "water.yaml").write_bytes(SMALL.replace("\n", "\r\n").encode())
    c = client(folder)
    loaded = c.get(f"/{TOKEN}/api/water.yaml/guide", headers=GOOD).json()
    typed = "title: Wasser\nsubtitle: nass\n"  # as the browser's editor gives it back
    r = c.post(f"/{TOKEN}/api/water.yaml/save", json={"text": typed, "base": loaded["hash"]}, headers=GOOD)
    assert r.status_code == 200
    assert (folder / "water.yaml").read_bytes() == b"title: Wasser\r\nsubtitle: nass\r\n"


def test_a_file_changed_on_disk_is_never_overwritten(folder):
    c = client(folder)
    loaded = c.get(f"/{TOKEN}/api/water.yaml/guide", headers=GOOD).json()
    (folder / "water.yaml").write_text("title: Changed by another program\n", encoding="utf-8")
    assert c.get(f"/{TOKEN}/api/water.yaml/disk", headers=GOOD).json()["hash"] != loaded["hash"]
    r = c.post(f"/{TOKEN}/api/water.yaml/save", json={"text": "title: Mine\n", "base": loaded["hash"]}, headers=GOOD)
    assert r.status_code == 409
    assert r.json()["text"] == "title: Changed by another program\n"
    assert (folder / "water.yaml").read_text(encoding="utf-8") == "title: Changed by another program\n"
    # "keep mine": saved over the disk's version only with that version's hash
    r = c.post(f"/{TOKEN}/api/water.yaml/save", json={"text": "title: Mine\n", "base": r.json()["hash"]}, headers=GOOD)
    assert r.status_code == 200 and (folder / "water.yaml").read_text(encoding="utf-8") == "title: Mine\n"


def test_preview_locates_a_mistake_and_keeps_the_last_good_pages(folder):
    c = client(folder)
    preview = f"/{TOKEN}/api/water.yaml/preview"
    good = c.post(preview, json={"text": SMALL, "doc": "student", "rev": 1}, headers=GOOD).json()
    assert good["ok"] and good["pages"] == 1 and not good["problems"]
    page = c.get(f"/{TOKEN}/api/water.yaml/page/student/{good['build']}/1.jpg", headers=GOOD)
    assert page.status_code == 200 and page.headers["content-type"] == "image/jpeg" and page.content[:2] == b"\xff\xd8"
    bad = SMALL.replace("answer: true", "answer: maybe")
    r = c.post(preview, json={"text": bad, "doc": "student", "rev": 2}, headers=GOOD).json()
    assert not r["ok"] and r["stale"] and r["build"] == good["build"] and r["pages"] == 1
    [problem] = r["problems"]
    assert (problem["line"], problem["column"], problem["severity"], problem["here"]) == (5, 13, "error", True)
    assert problem["text"] == f"{folder / 'water.yaml'}:5:13: {MAYBE}"
    stale = c.post(preview, json={"text": SMALL, "doc": "student", "rev": 1}, headers=GOOD).json()
    assert stale == {"rev": 1, "superseded": True}  # an older edit's preview, asked for late: dropped
    # another tab (or the same page reloaded) counts its own previews from 1
    again = c.post(preview, json={"text": SMALL, "doc": "student", "rev": 1, "page": "tab2"}, headers=GOOD).json()
    assert again["ok"] and again["build"] == good["build"]
    key = c.post(preview, json={"text": SMALL, "doc": "key", "rev": 3}, headers=GOOD).json()
    assert key["ok"] and key["doc"] == "key"
    assert c.get(f"/{TOKEN}/api/water.yaml/page/key/{key['build']}/2.jpg", headers=GOOD).status_code == 404


def test_the_preview_is_the_page_build_draws(folder, tmp_path):
    """The handout previewed (from text, in the warm process) is byte for byte the one `build` writes."""
    text = FROZEN.read_text(encoding="utf-8")
    (folder / "frozen.yaml").write_text(text, encoding="utf-8")
    s = session.Session(folder / "frozen.yaml", tmp_path / "out")
    r = s.preview(text, "student", 1)
    built = api.build(folder / "frozen.yaml", tmp_path / "cli")
    assert s.built[(r["build"], "student")].pdf == built.outputs[0].path.read_bytes()


def test_build_and_export_write_what_the_cli_writes(folder, tmp_path, monkeypatch):
    c = client(folder)
    r = c.post(f"/{TOKEN}/api/water.yaml/build", json={"versions": 2, "edition": "large-print"}, headers=GOOD).json()
    assert not r["problems"]
    out = folder.parent / "output"
    monkeypatch.chdir(folder.parent)
    res = CliRunner().invoke(cli.cli, ["build", "guides/water.yaml", "--versions", "2", "--edition", "large-print",
                                       "-o", str(tmp_path / "cli")])
    assert res.exit_code == 0, res.output
    made = sorted(p.name for p in out.iterdir())
    assert made == sorted(p.name for p in (tmp_path / "cli").iterdir()) and "water-large-print-B-key.pdf" in made
    assert sorted(w.split(" (")[0] for w in r["written"]) == [str(out / name) for name in made]
    for name in made:
        assert (out / name).read_bytes() == (tmp_path / "cli" / name).read_bytes(), name
    r = c.post(f"/{TOKEN}/api/water.yaml/export", json={"to": "moodle"}, headers=GOOD).json()
    assert r["written"] == [str(out / "water-moodle.xml")] and not r["problems"]
    res = CliRunner().invoke(cli.cli, ["export", "guides/water.yaml", "--to", "moodle", "-o", str(tmp_path / "cli")])
    assert (out / "water-moodle.xml").read_bytes() == (tmp_path / "cli" / "water-moodle.xml").read_bytes()


def test_build_shows_a_broken_guide_located(folder):
    (folder / "water.yaml").write_text(SMALL.replace("answer: true", "answer: maybe"), encoding="utf-8")
    r = client(folder).post(f"/{TOKEN}/api/water.yaml/build", json={}, headers=GOOD).json()
    assert r["written"] == [] and r["problems"] == [f"{folder / 'water.yaml'}:5:13: {MAYBE}"]


def test_the_chooser_lists_the_guides_and_makes_a_new_one_from_the_starter(folder):
    c = client(folder)
    page = c.get(f"/{TOKEN}/", headers=GOOD).text
    assert 'href="edit/water.yaml"' in page
    r = c.post(f"/{TOKEN}/new", json={"name": "unit-4"}, headers=GOOD)
    assert r.json() == {"url": "edit/unit-4.yaml"}
    assert (folder / "unit-4.yaml").read_bytes() == api.STARTER.read_bytes()
    again = c.post(f"/{TOKEN}/new", json={"name": "unit-4.yaml"}, headers=GOOD)
    assert again.status_code == 400 and "already exists" in again.json()["problems"][0]
    bad = c.post(f"/{TOKEN}/new", json={"name": "../evil"}, headers=GOOD)
    assert bad.status_code == 400 and not (folder.parent / "evil.yaml").exists()


def test_a_new_guide_named_with_spaces_gets_dashes(folder):
    r = client(folder).post(f"/{TOKEN}/new", json={"name": " water  cycle "}, headers=GOOD)
    assert r.json() == {"url": "edit/water-cycle.yaml"}
    assert (folder / "water-cycle.yaml").read_bytes() == api.STARTER.read_bytes()


def test_the_page_gets_the_cjk_font_the_pdfs_use(folder):
    """Chinese typed in the editor shows in the PDFs' own font where the browser has none (not as boxes)."""
    import gzip

    from fontTools.ttLib import TTFont

    r = client(folder).get(f"/{TOKEN}/font/cjk.ttf", headers=GOOD)  # httpx undoes the gzip, as a browser does
    assert r.status_code == 200 and r.headers["content-type"] == "font/ttf"
    assert r.content == gzip.decompress((REPO / "src/studyguide/fonts/SGNotoSC-Regular.ttf.gz").read_bytes())
    cmap = TTFont(__import__("io").BytesIO(r.content)).getBestCmap()
    assert all(ord(c) in cmap for c in "太阳加热水")
    css = (REPO / "src/studyguide/editor/static/app.css").read_text(encoding="utf-8")
    assert "url(../font/cjk.ttf)" in css and '"studyguide CJK"' in css


def test_the_page_gets_the_schema_and_snippets(folder):
    data = client(folder).get(f"/{TOKEN}/api/water.yaml/guide", headers=GOOD).json()
    assert data["schema"]["properties"]["questions"]["items"]["oneOf"]
    labels = [s["label"] for s in data["snippets"]]
    assert {f"question: {kind}" for kind in ("multiple_choice", "select_all", "true_false", "fill_in_blank",
                                             "matching", "ordering", "short_answer", "essay")} <= set(labels)
    assert "section: vocabulary" in labels and "section: questions" in labels


@pytest.mark.parametrize("snippet", snippets.snippets(), ids=lambda s: s["label"])
def test_every_snippet_builds_inside_a_guide(snippet, tmp_path):
    """Inserted as it is (every field left with its text), at the indentation CodeMirror gives it."""
    body = snippets.filled(snippet["text"])
    assert "${" not in body
    if snippet["label"].startswith("question:"):
        text = "title: T\nquestions:\n" + "\n".join("  " + line for line in body.splitlines()) + "\n"
    else:
        text = "title: T\n" + body + "\n"
    path = tmp_path / "g.yaml"
    path.write_text(text, encoding="utf-8")
    guide = api.load(path)
    assert not [w for w in guide.warnings if "unknown" in w.message]
    if snippet["label"].startswith("question:"):
        assert guide.questions[0].kind == snippet["label"].split(": ")[1]


def test_without_the_extra_edit_says_how_to_install_it(monkeypatch, capsys):
    import importlib.util

    import studyguide.editor as editor

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "uvicorn" else real(name, *a))
    with pytest.raises(Exception, match="pip install"):
        check_installed()
    with pytest.raises(SystemExit) as exited:
        cli.main(["edit", "guides", "--no-browser"])
    assert exited.value.code == 2
    out = capsys.readouterr()
    # the pip of the Python running studyguide (a bare `pip` may be another Python's), and this copy's folder
    # (the README's set-up installs this clone, editable or not: the command's forms are tested below)
    assert out.err.strip() == ("studyguide edit needs uvicorn, which is not installed; install the editor with: "
                               f"{editor.install_command()}, then run studyguide edit again")
    assert editor.install_command().startswith(f"{sys.executable} -m pip install ")
    assert editor.install_command().endswith(f'"{REPO}[edit]"')
    assert out.out == ""


@pytest.mark.parametrize("origin, command", [
    (None, 'PY -m pip install "studyguide[edit]"'),  # from a package index
    ('{"url": "https://files.example/studyguide-1.0.tar.gz", "archive_info": {}}', 'PY -m pip install "studyguide[edit]"'),
    ('{"url": "file:///home/ms%20rivera/studyguide", "dir_info": {}}',
     'PY -m pip install "/home/ms rivera/studyguide[edit]"'),  # `pip install .` in a clone
    ('{"url": "file:///srv/sg", "dir_info": {"editable": true}}', 'PY -m pip install -e "/srv/sg[edit]"'),
])
def test_the_install_command_fits_how_studyguide_was_installed(monkeypatch, origin, command):
    import importlib.metadata

    import studyguide.editor as editor

    class Dist:
        def read_text(self, name):
            return origin if name == "direct_url.json" else None

    monkeypatch.setattr(importlib.metadata, "distribution", lambda name: Dist())
    monkeypatch.setattr(sys, "executable", "/opt/my python/bin/python3")
    assert editor.install_command() == command.replace("PY", '"/opt/my python/bin/python3"')


def test_edit_starts_answers_and_stops_cleanly_on_ctrl_c(tmp_path):
    guide = tmp_path / "guides" / "water.yaml"
    guide.parent.mkdir()
    guide.write_text(SMALL, encoding="utf-8")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.Popen([sys.executable, "-m", "studyguide", "edit", str(guide), "--no-browser"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp_path)
    try:
        line = proc.stdout.readline()
        url = line.split(" at ")[1].strip()
        assert url.startswith("http://127.0.0.1:") and url.endswith("/edit/water.yaml")
        import httpx

        page = httpx.get(url, timeout=20)  # (wall-clock timeouts here only guard against a hang)
        assert page.status_code == 200 and "codemirror.js" in page.text
        assert httpx.get(url.replace("/edit/", "/x/", 1).replace(url.split("/")[3], "nope"),
                         timeout=20).status_code == 403
    finally:
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=20)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the editor's process alone: the one child reaped since
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    assert cpu < 5, f"{cpu:.2f} s of CPU"  # start, two answers, stop: about 1 s on a quiet machine (bench/editor.py)
    assert proc.returncode == 0, err
    assert "stopped the editor" in err and "Traceback" not in err


def test_no_text_browser_takes_over_the_terminal_without_a_display(monkeypatch):
    import webbrowser

    from studyguide.editor import launch

    opened, said = [], []
    monkeypatch.setattr(webbrowser, "open", opened.append)
    monkeypatch.setattr(launch.sys, "platform", "linux")
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    launch.open_browser("http://127.0.0.1:1/t/", said.append)
    assert said == ["no display here to open a browser on: open the address above in one"] and opened == []
    monkeypatch.setenv("DISPLAY", ":0")
    launch.open_browser("http://127.0.0.1:1/t/", said.append)
    time.sleep(0.2)
    assert opened == ["http://127.0.0.1:1/t/"] and len(said) == 1


def test_the_build_button_offers_the_editions_build_has():
    from studyguide.editor.server import EDITIONS

    [edition] = [p for p in cli.build.params if p.name == "edition"]
    assert list(EDITIONS) == list(edition.type.choices)


def test_the_preview_is_built_again_when_a_picture_it_drew_is_replaced_or_deleted(folder, tmp_path):
    """A build is kept for the text and the files it read: the same text after the picture changed shows
    the new picture (under a new build id, so the page fetches it), and a deleted picture is refused as
    `validate` refuses it."""
    import io as _io

    from PIL import Image

    pic = folder / "pic.png"

    def save_picture(colour, when):
        Image.new("RGB", (80, 80), colour).save(pic)
        os.utime(pic, ns=(when, when))

    def strongest(build):  # the picture's colour on the page: the most common colour that is not paper
        page = Image.open(_io.BytesIO(s.picture(build, "student", 1))).convert("RGB")
        colours = sorted(page.getcolors(page.width * page.height), reverse=True)
        return next(c for _, c in colours if min(c) < 200)

    save_picture((0, 0, 255), 1)
    text = "title: Picture\ntopics:\n  - title: A picture\n    image: pic.png\n"
    (folder / "p.yaml").write_text(text, encoding="utf-8")
    s = session.Session(folder / "p.yaml", tmp_path / "out")
    blue = s.preview(text, "student", 1)
    assert blue["ok"] and strongest(blue["build"])[2] > 200
    assert s.preview(text, "student", 2)["build"] == blue["build"]  # nothing changed: the kept build
    save_picture((255, 0, 0), 2)
    red = s.preview(text, "student", 3)
    assert red["ok"] and red["build"] != blue["build"]
    r, g, b = strongest(red["build"])
    assert r > 200 and g < 60 and b < 60
    pic.unlink()
    gone = s.preview(text, "student", 4)
    assert not gone["ok"] and gone["stale"]
    [problem] = gone["problems"]
    assert problem["text"] == (f"{folder / 'p.yaml'}:4:12: topics item 1.image: image 'pic.png' not found "
                               f"(looked in {folder} or {folder.parent / 'assets'}); check the file name")


def test_a_save_over_a_linked_guide_names_the_guide_not_a_pdf(folder, tmp_path):
    (folder / "link.yaml").symlink_to(folder / "water.yaml")
    c = client(folder)
    r = c.post(f"/{TOKEN}/api/link.yaml/save", json={"text": "title: Mine\n", "base": base_hash(folder)}, headers=GOOD)
    assert r.status_code != 200
    assert f"{folder / 'link.yaml'}: is a symbolic link; remove it so the guide can be written in its place" in r.text
    assert (folder / "water.yaml").read_text(encoding="utf-8") == SMALL and (folder / "link.yaml").is_symlink()


def test_the_preview_is_built_again_when_its_theme_file_or_the_defaults_file_changes(folder, tmp_path):
    (folder / "themes").mkdir()
    theme = folder / "themes" / "mine.yaml"
    theme.write_text("parent: classic\n", encoding="utf-8")
    text = SMALL + "theme: mine\n"
    (folder / "t.yaml").write_text(text, encoding="utf-8")
    s = session.Session(folder / "t.yaml", tmp_path / "out")
    first = s.preview(text, "student", 1)
    theme.write_text("parent: modern\n", encoding="utf-8")
    os.utime(theme, ns=(3, 3))
    second = s.preview(text, "student", 2)
    assert second["ok"] and second["build"] != first["build"]
    assert s.built[(second["build"], "student")].pdf == api.build(folder / "t.yaml", tmp_path / "cli", key=False) \
        .outputs[0].path.read_bytes()
    (folder / "studyguide.yaml").write_text("school: Lincoln\n", encoding="utf-8")
    third = s.preview(text, "student", 3)
    assert third["build"] not in (first["build"], second["build"])
    assert "Lincoln" in _pdf_text(s.built[(third["build"], "student")].pdf)
    assert s.preview(text, "student", 4)["build"] == third["build"]


def _pdf_text(data: bytes) -> str:
    import io as _io

    import pypdf

    return " ".join(page.extract_text() for page in pypdf.PdfReader(_io.BytesIO(data)).pages)


def test_previews_from_many_or_huge_page_ids_keep_a_bounded_memory(folder, tmp_path):
    s = session.Session(folder / "water.yaml", tmp_path / "out")
    text = (folder / "water.yaml").read_text(encoding="utf-8")
    assert s.preview(text, "student", 5, "tab1")["ok"]
    for n in range(200):  # a page with the token could send ids without end, each up to 2 MB
        s.preview(text, "student", 1, f"id{n}")
        s.preview(text, "student", 1, "x" * 100_000 + str(n))
    assert len(s.asked) <= session.MAX_PAGES and all(len(k) <= 32 for k in s.asked)
    assert s.preview(text, "student", 6, "tab1")["ok"]  # a tab that asked long ago still gets its preview
    assert s.preview(text, "student", 5, "tab1") == {"rev": 5, "superseded": True}
