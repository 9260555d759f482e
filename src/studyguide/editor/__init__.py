"""``studyguide edit``: the guide's YAML beside its printed pages, in the browser, on this computer only.

server.py answers the page (Starlette, run by uvicorn on 127.0.0.1 with a random token in every
address); session.py does the work for one guide (preview builds, page pictures, saving, build and
export); snippets.py gives the editor the schema and the insertable sections and questions.
The code editor itself is CodeMirror 6, built into static/codemirror.js from editor-src/.

This package's __init__ stays light: the CLI checks the extra is installed before importing more.
"""
from __future__ import annotations

import importlib.metadata
import importlib.util
import json
import sys
from urllib.parse import urlparse
from urllib.request import url2pathname

from ..errors import UsageError

NEEDS = ("starlette", "uvicorn", "pypdfium2")  # the `edit` extra in pyproject.toml


def check_installed() -> None:
    """A UsageError saying how to install the `edit` extra, if any of its packages is missing."""
    missing = [name for name in NEEDS if importlib.util.find_spec(name) is None]
    if missing:
        verb = "is" if len(missing) == 1 else "are"
        raise UsageError(f"studyguide edit needs {', '.join(missing)}, which {verb} not installed; install the editor "
                         f"with: {install_command()}, then run studyguide edit again")


def install_command() -> str:
    """The command that adds the `edit` extra to *this* studyguide: the running interpreter's pip (a bare
    'pip' in a shell without the venv active installs elsewhere), and the folder studyguide was installed
    from, when it was (a clone: PyPI's studyguide is not this one). Double quotes work in every shell."""
    python = f'"{sys.executable}"' if " " in sys.executable else sys.executable
    try:
        origin = json.loads(importlib.metadata.distribution("studyguide").read_text("direct_url.json") or "{}")
    except (importlib.metadata.PackageNotFoundError, ValueError, OSError):
        origin = {}
    url = origin.get("url", "") if isinstance(origin, dict) else ""
    if not url.startswith("file:"):
        return f'{python} -m pip install "studyguide[edit]"'
    folder = url2pathname(urlparse(url).path)
    editable = "-e " if (origin.get("dir_info") or {}).get("editable") else ""
    return f'{python} -m pip install {editable}"{folder}[edit]"'
