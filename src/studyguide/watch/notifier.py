"""Wake the watcher the moment a file in a watched folder is written or renamed (Linux inotify).

Only a wake-up call: the watcher still decides what changed by comparing file
signatures, and still looks every ``interval`` on its own, so a missed or
unsupported event (another system, a network file system, a full event queue)
costs at most one interval, as before. Folders are watched rather than files,
because many editors save by renaming a new file over the old one, which
replaces the file a watch on it would follow.
"""
from __future__ import annotations

import os
import select
import sys
from pathlib import Path
from typing import Iterable, Optional

IN_ATTRIB = 0x00000004
IN_CLOSE_WRITE = 0x00000008
IN_MOVED_FROM = 0x00000040
IN_MOVED_TO = 0x00000080
IN_CREATE = 0x00000100
IN_DELETE = 0x00000200
IN_NONBLOCK = 0o4000
IN_CLOEXEC = 0o2000000
# a finished write, a rename into or out of the folder, a new or removed file, a touch. Not IN_MODIFY:
# it fires on the first write() of a save in place, before the file is whole.
MASK = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_ATTRIB


class Inotify:
    """One inotify instance; :meth:`add` folders, :meth:`wait` for something to happen in them."""

    def __init__(self):
        import ctypes  # only where inotify is used (Linux)

        self._libc = ctypes.CDLL(None, use_errno=True)
        fd = self._libc.inotify_init1(IN_NONBLOCK | IN_CLOEXEC)
        if fd < 0:
            raise OSError(ctypes.get_errno(), "inotify_init1 failed")
        self.fd: Optional[int] = fd
        self.folders: set[str] = set()

    def add(self, folders: Iterable[Path]) -> None:
        """Watch each folder not yet watched (one that cannot be watched is left to the polling)."""
        for folder in folders:
            name = os.path.abspath(folder)
            if name in self.folders or self.fd is None:
                continue
            if self._libc.inotify_add_watch(self.fd, os.fsencode(name), MASK) >= 0:
                self.folders.add(name)

    def wait(self, timeout: float) -> bool:
        """Wait up to ``timeout`` seconds; True if something happened (the events are read and dropped)."""
        if self.fd is None:
            return False
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return False
        try:
            while os.read(self.fd, 65536):
                pass
        except BlockingIOError:
            pass
        return True

    def close(self) -> None:
        if self.fd is not None:
            fd, self.fd = self.fd, None
            os.close(fd)


def open_inotify() -> Optional[Inotify]:
    """An Inotify, or None where there is none (not Linux, no libc, no watches left)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        return Inotify()
    except (OSError, AttributeError):
        return None
