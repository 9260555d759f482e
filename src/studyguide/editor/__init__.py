"""``studyguide edit``: the guide's YAML beside its printed pages, in the browser, on this computer only.

server.py answers the page (Starlette, run by uvicorn on 127.0.0.1 with a random token in every
address); session.py does the work for one guide (preview builds, page pictures, saving, build and
export); snippets.py gives the editor the schema and the insertable sections and questions.
The code editor itself is CodeMirror 6, built into static/codemirror.js from editor-src/.

This package's __init__ stays light: the CLI checks the extra is installed before importing more.
"""
from __future__ import annotations

import importlib.util

from ..errors import UsageError

NEEDS = ("starlette", "uvicorn", "pypdfium2")  # the `edit` extra in pyproject.toml


def check_installed() -> None:
    """A UsageError saying how to install the `edit` extra, if any of its packages is missing."""
    missing = [name for name in NEEDS if importlib.util.find_spec(name) is None]
    if missing:
        verb = "is" if len(missing) == 1 else "are"
        raise UsageError(f"studyguide edit needs {', '.join(missing)}, which {verb} not installed; install the editor "
                         "with: pip install 'studyguide[edit]' (or, in a copy of the project: pip install -e '.[edit]'), "
                         "then run studyguide edit again")
