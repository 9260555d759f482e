"""Starting and stopping ``studyguide edit``: the socket, the token, the browser, the warm-up, Ctrl+C.

The socket is bound to 127.0.0.1 before anything else (port 0: a free one), so the address printed
is the one that answers. The layout code (reportlab, ~0.4 s to import and lay out a first guide) is
warmed in a thread once the server listens, so the server is up at once and the first preview is
as quick as the next ones.
"""
from __future__ import annotations

import os
import secrets
import socket
import sys
import threading
import webbrowser
from pathlib import Path
from typing import Callable, Optional
from urllib.parse import quote

from .. import api, misplaced
from ..errors import UsageError
from ..spaced import typed


def target(path: str | Path) -> tuple[Path, Optional[str]]:
    """(the guides folder, the guide's file name or None for the chooser) for ``studyguide edit PATH``."""
    path = Path(path)
    if path.is_dir():
        return path, None
    if not path.exists():
        if path.suffix.lower() in api.GUIDE_SUFFIXES and path.parent.is_dir():
            near = misplaced.nearby(path)  # 'guides/civic.yaml' for guides/civics.yaml
            if near is not None:
                raise UsageError(f"{path}: no such guide; did you mean {typed(near)}? (to start a new guide by this "
                                 f"name: studyguide new {typed(path)})")
            raise UsageError(f"{path}: no such guide; start it with: studyguide new {typed(path)}, or run "
                             f"studyguide edit {typed(path.parent)} and choose 'new guide'")
        api.find_guides([path])  # says what is missing, and where
    if path.suffix.lower() not in api.GUIDE_SUFFIXES or api.is_defaults_file(path):
        raise UsageError(f"{path}: name a guide (.yaml) or a folder of them")
    return path.parent, path.name


def listen(port: int) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(("127.0.0.1", port))  # loopback only: nothing on the network can reach it
    except OSError as exc:
        sock.close()
        raise UsageError(f"--port {port}: cannot listen there ({exc.strerror or exc}); choose another port, "
                         "or leave --port out for a free one") from None
    sock.listen(64)
    return sock


def open_browser(url: str, say: Callable[[str], None]) -> None:
    """Open ``url`` in the default browser, without waiting for it. On Linux with no display, Python's
    webbrowser would fall back to a text browser (lynx, w3m) in this terminal: not tried there."""
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        say("no display here to open a browser on: open the address above in one")
        return
    threading.Thread(target=webbrowser.open, args=(url,), daemon=True).start()


def _warm(editor, name: Optional[str]) -> None:
    """Import the layout code and draw the guide's handout once, so the first preview is warm."""
    from ..watch import cache as warmcache

    from .session import LOCK

    with LOCK:
        warmcache.acquire()  # the paragraph cache of `studyguide watch`, for this process
    found = editor.session(name) if name else None
    if found is not None:
        try:
            text, _ = found.read()
            found.preview(text, "student", 0, page="warm-up")
            if not set(found.asked) - {"warm-up"}:  # the key too, unless a page asked for a preview already
                found.preview(text, "key", 0, page="warm-up")
        except Exception:  # noqa: BLE001  (the page shows what is wrong when it asks)
            pass
    else:
        from .. import render  # noqa: F401  (its import is the slow part)


def serve(path: str, out_dir: str, port: int, browser: bool, say: Callable[[str], None]) -> None:
    """Run the editor until Ctrl+C (which raises, from uvicorn's clean shutdown, to the caller)."""
    import uvicorn  # the `edit` extra (checked by the caller)

    from .server import Editor, make_app

    folder, name = target(path)
    sock = listen(port)
    port = sock.getsockname()[1]
    token = secrets.token_urlsafe(24)
    editor = Editor(folder, Path(out_dir), name)
    url = f"http://127.0.0.1:{port}/{token}/" + (f"edit/{quote(name)}" if name else "")
    config = uvicorn.Config(make_app(editor, token, port), log_level="warning", access_log=False, lifespan="off",
                            timeout_graceful_shutdown=2)
    server = uvicorn.Server(config)
    say(f"editing {path} at {url}")
    say("press Ctrl+C to stop")
    threading.Thread(target=_warm, args=(editor, name), daemon=True).start()
    if browser:
        open_browser(url, say)
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()
        editor.close()
