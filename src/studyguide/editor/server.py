"""The editor's web server: the page, its static files and a small JSON API, for this computer only.

Every request must name the random token as the first part of its path, come to 127.0.0.1:PORT or
localhost:PORT (the Host header: a site that points its own name at 127.0.0.1 is refused, so no DNS
rebinding), and, when it says where it comes from (Origin), come from this same address; anything
else gets 403 with the reason. Only the files in static/ are served, and only the guides of the
folder being edited (one guide when a file was named) can be read, previewed, saved, built or
exported; writes go to that guide and the output folder only.
"""
from __future__ import annotations

import html
import json
import threading
from pathlib import Path
from typing import Optional
from urllib.parse import quote

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from .. import api
from ..errors import StudyguideError
from ..files import safe_stem
from ..reading.loader import MAX_BYTES
from ..spaced import typed
from . import session as sessions, snippets

STATIC = Path(__file__).with_name("static")
# The CJK font the PDFs use, for the page's text where the browser has none (app.css's @font-face, limited
# to CJK characters by unicode-range, so a guide without any never loads it): sent as stored, gzipped.
CJK_FONT = Path(__file__).parent.parent / "fonts" / "SGNotoSC-Regular.ttf.gz"
EDITIONS = ("standard", "large-print", "readable", "fillable")  # build --edition (a test keeps them equal)
# The largest request: the JSON of the largest guide, where a character takes at most two bytes more
# than in the file (\n, \", \\; the characters JSON writes longer are refused in a guide anyway).
MAX_BODY = 2 * MAX_BYTES + 64 * 1024
TOO_LARGE = (f"the request is larger than any guide may be ({MAX_BYTES:,} bytes at most); nothing was saved or built: "
             "split the guide into several guides")


def exports() -> tuple[str, ...]:
    """The export formats (as `studyguide export --to` takes them); imported when a guide is opened, not at start."""
    from ..export import ALIASES, FORMATS

    return tuple(sorted(set(FORMATS) | set(ALIASES)))

HEADERS = {  # the page runs only its own scripts, is never framed, and nothing is cached
    "Content-Security-Policy": "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                               "frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer", "Cache-Control": "no-store",
}


NO_TOKEN = "refused: the address must hold the editor's token (copy the whole address studyguide printed)"


class Guard:
    """ASGI middleware: the token, Host and Origin checks, before any route sees the request."""

    def __init__(self, app, token: str, port: int):
        self.app, self.prefix = app, f"/{token}/"
        self.hosts = {f"127.0.0.1:{port}", f"localhost:{port}"}

    def refusal(self, scope) -> Optional[str]:
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        if headers.get("host") not in self.hosts:
            return "refused: this editor answers only at 127.0.0.1 or localhost on its own port (Host header)"
        if "origin" in headers and headers["origin"] != f"http://{headers['host']}":  # the same origin: scheme, host, port
            return "refused: a request from another site (Origin header)"
        if not scope["path"].startswith(self.prefix):
            return NO_TOKEN
        return None

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http":
            reason = self.refusal(scope)
            if reason is NO_TOKEN and scope["path"] == "/favicon.ico":  # (host and origin are the editor's)
                # the browser asks for the tab's icon at the site's root, without the token: nothing, not an error
                await Response(status_code=204, headers=HEADERS)(scope, receive, send)
                return
            if reason is not None:
                await PlainTextResponse(reason, status_code=403, headers=HEADERS)(scope, receive, send)
                return
        await self.app(scope, receive, send)


class Editor:
    """The guides one ``studyguide edit`` may open: those in ``folder``, or only ``only`` (a file's name)."""

    def __init__(self, folder: Path, out_dir: Path, only: Optional[str] = None):
        self.folder, self.out_dir, self.only = folder, out_dir, only
        self.open: dict[str, sessions.Session] = {}
        self.lock = threading.Lock()

    def names(self) -> list[str]:
        if self.only is not None:
            return [self.only]
        try:
            return [p.name for p in api.find_guides([self.folder])]
        except StudyguideError:
            return []

    def session(self, name: str) -> Optional[sessions.Session]:
        """The open guide called ``name`` (opened now if it is one of ours), or None."""
        if name not in self.names():
            return None
        with self.lock:
            if name not in self.open:
                self.open[name] = sessions.Session(self.folder / name, self.out_dir)
            return self.open[name]

    def create(self, name: str) -> str:
        """A new guide from the starter (``studyguide new``), in the folder; its file name."""
        if self.only is not None:
            raise StudyguideError(f"this editor was started on {self.only} alone; to make another guide, run "
                                  f"studyguide edit {typed(self.folder)}")
        name = "-".join(name.split())  # 'water cycle' → water-cycle.yaml: teachers name things with spaces
        name = name if name.lower().endswith(tuple(api.GUIDE_SUFFIXES)) else name + ".yaml"
        if safe_stem(Path(name).stem) != Path(name).stem or "/" in name or name.startswith("."):
            raise StudyguideError(f"{name}: a new guide needs a plain file name: letters, digits, '-' and '_' "
                                  "(for example unit-4.yaml)")
        api.new_guide(self.folder / name)
        return name

    def close(self) -> None:
        for s in self.open.values():
            s.close()


def _json(data, status: int = 200) -> JSONResponse:
    return JSONResponse(data, status_code=status, headers=HEADERS)


def _problem(exc: StudyguideError, status: int = 400) -> JSONResponse:
    status = exc.status if isinstance(exc, Refused) else 413 if isinstance(exc, sessions.TooLarge) else status
    return _json({"problems": [str(p) for p in getattr(exc, "problems", None) or [exc]]}, status)


class Refused(StudyguideError):
    """A request the editor does not read: too large (413) or not JSON it can read (400)."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


async def _body(request: Request) -> dict:
    """The request's JSON object ({} for anything else); read up to :data:`MAX_BODY` bytes, never more."""
    length = request.headers.get("content-length", "0")
    if not length.isdigit() or int(length) > MAX_BODY:
        raise Refused(413, TOO_LARGE)
    chunks, size = [], 0
    async for chunk in request.stream():  # a body sent without its length is counted as it comes
        size += len(chunk)
        if size > MAX_BODY:
            raise Refused(413, TOO_LARGE)
        chunks.append(chunk)
    try:
        data = json.loads(b"".join(chunks))
    except RecursionError:  # [[[[… thousands deep: no page of ours sends that
        raise Refused(400, "the request nests lists or objects too deeply to be read; nothing was done") from None
    except ValueError:
        data = None
    return data if isinstance(data, dict) else {}


def make_app(editor: Editor, token: str, port: int):
    """The ASGI app: the routes below behind the :class:`Guard`."""
    static = {p.name for p in STATIC.iterdir() if p.is_file()}  # the only files ever sent

    def guide(handler):
        async def endpoint(request: Request):
            found = editor.session(request.path_params["name"])
            if found is None:
                return PlainTextResponse("no such guide here", status_code=404, headers=HEADERS)
            try:
                return await handler(request, found)
            except StudyguideError as exc:
                return _problem(exc)
            except Exception as exc:  # noqa: BLE001  (said in the page, as the CLI says it; never a traceback)
                return _json({"problems": [f"internal error: {type(exc).__name__}: {exc}"]}, 500)
        return endpoint

    async def chooser(request: Request):
        if editor.only is not None:
            return Response(status_code=303, headers={**HEADERS, "Location": f"edit/{quote(editor.only)}"})
        items = "".join(f'<li><a href="edit/{quote(n)}">{html.escape(n)}</a></li>' for n in editor.names())
        page = (STATIC / "choose.html").read_text(encoding="utf-8")
        page = page.replace("{{folder}}", html.escape(str(editor.folder))).replace("{{guides}}", items or
                                                                                  "<li>(no guides yet)</li>")
        return HTMLResponse(page, headers=HEADERS)

    async def create(request: Request):
        try:
            name = await run_in_threadpool(editor.create, str((await _body(request)).get("name", "")))
        except StudyguideError as exc:
            return _problem(exc)
        return _json({"url": f"edit/{quote(name)}"})

    async def page(request: Request):
        if editor.session(request.path_params["name"]) is None:
            return PlainTextResponse("no such guide here", status_code=404, headers=HEADERS)
        return FileResponse(STATIC / "index.html", headers=HEADERS)

    async def asset(request: Request):
        name = request.path_params["file"]
        if name not in static:
            return PlainTextResponse("not found", status_code=404, headers=HEADERS)
        return FileResponse(STATIC / name, headers=HEADERS)

    async def font(request: Request):
        return Response(await run_in_threadpool(CJK_FONT.read_bytes), media_type="font/ttf",
                        headers={**HEADERS, "Content-Encoding": "gzip", "Cache-Control": "private, max-age=86400"})

    async def load(request, s):
        text, hash_ = await run_in_threadpool(s.read)
        return _json({"name": s.name, "text": text, "hash": hash_, "exports": exports(), "editions": EDITIONS,
                      **snippets.completion_data()})

    async def disk(request, s):
        return _json({"hash": await run_in_threadpool(s.disk_hash)})

    async def preview(request, s):
        body = await _body(request)
        doc = body.get("doc") if body.get("doc") in sessions.DOCS else "student"
        rev = body.get("rev") if isinstance(body.get("rev"), int) else 0
        return _json(await run_in_threadpool(s.preview, str(body.get("text", "")), doc, rev, str(body.get("page", ""))))

    async def picture(request, s):
        p = request.path_params
        jpeg = await run_in_threadpool(s.picture, p["build"], p["doc"], p["page"])
        if jpeg is None:
            return PlainTextResponse("no such page", status_code=404, headers=HEADERS)
        return Response(jpeg, media_type="image/jpeg", headers={**HEADERS, "Cache-Control": "private, max-age=600"})

    async def save(request, s):
        body = await _body(request)
        if not isinstance(body.get("text"), str):  # no text, or a list: never written as "" or "['a']"
            return _json({"problems": ["save: the request has no guide text; nothing was written"]}, 400)
        try:
            hash_ = await run_in_threadpool(s.save, body["text"], str(body.get("base", "")))
        except sessions.Conflict as exc:
            return _json({"conflict": True, "text": exc.text, "hash": exc.hash}, 409)
        return _json({"hash": hash_, "saved": s.name})

    async def build(request, s):
        body = await _body(request)
        versions = body.get("versions") or None
        edition = body.get("edition") if body.get("edition") in EDITIONS[1:] else None
        if versions is not None and not (type(versions) is int and 1 <= versions <= 26):  # true is no number
            return _json({"problems": ["versions: a number from 1 to 26"]}, 400)
        return _json(await run_in_threadpool(s.build, versions, edition))

    async def export(request, s):
        fmt = (await _body(request)).get("to")
        if fmt not in exports():
            return _json({"problems": [f"export: choose one of {', '.join(exports())}"]}, 400)
        return _json(await run_in_threadpool(s.export, fmt))

    t = f"/{token}"
    routes = [
        Route(f"{t}/", chooser), Route(f"{t}/new", create, methods=["POST"]),
        Route(f"{t}/edit/{{name}}", page), Route(f"{t}/static/{{file}}", asset),
        Route(f"{t}/font/cjk.ttf", font),
        Route(f"{t}/api/{{name}}/guide", guide(load)), Route(f"{t}/api/{{name}}/disk", guide(disk)),
        Route(f"{t}/api/{{name}}/preview", guide(preview), methods=["POST"]),
        Route(f"{t}/api/{{name}}/page/{{doc}}/{{build}}/{{page:int}}.jpg", guide(picture)),
        Route(f"{t}/api/{{name}}/save", guide(save), methods=["POST"]),
        Route(f"{t}/api/{{name}}/build", guide(build), methods=["POST"]),
        Route(f"{t}/api/{{name}}/export", guide(export), methods=["POST"]),
    ]
    return Guard(Starlette(routes=routes), token, port)
