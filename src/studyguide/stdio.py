"""The standard streams a command prints to, made safe to print to whatever they lead to.

A stream closed before the command started (``>&-``) is given /dev/null, so no file the command
opens later takes its number (a PDF written where a report line goes). A stream that fails when
written (``>/dev/full``, a full disk, a reader that went away) drops what follows instead of
stopping the command between two guides: the files are finished as they would have been, and the
exit status is the command's own. What was lost is said once on stderr at the end (see
:meth:`Streams.status`).
"""
from __future__ import annotations

import errno
import io
import os
import sys
from contextlib import contextmanager
from typing import Iterator, Optional

# The commands whose product is the files they write; every other (check, list, --help, --version, ...) prints
# its product, so stdout that cannot be written is its failure.
WRITING = frozenset({"build", "export", "import", "new", "watch", "edit"})


class _Forgiving(io.RawIOBase):
    """A file descriptor written without ever raising: the first error is kept in ``lost``, and
    everything written after it is dropped (reported as written, so the buffers above never retry)."""

    def __init__(self, fd: int):
        super().__init__()
        self.fd, self.lost = fd, None

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self.fd

    def isatty(self) -> bool:
        return os.isatty(self.fd)

    def write(self, data) -> int:
        if self.lost is None:
            try:
                return os.write(self.fd, data)
            except OSError as exc:
                self.lost = exc
        return len(data)


class Streams:
    """stdout's and stderr's writers for one command (None: a stream left as it was, such as a test's)."""

    def __init__(self):
        self.out: Optional[_Forgiving] = None

    def status(self, code, printing: bool):
        """The command's exit status ``code``, and one line on stderr if what it printed was lost: a
        command that prints its product (not in WRITING) then fails; any other keeps its own status."""
        lost = self.out.lost if self.out is not None else None
        if lost is None or lost.errno == errno.EPIPE:  # a reader that stopped reading wanted no more
            return code
        if printing:
            sys.stderr.write(f"stdout: cannot be written ({lost.strerror or lost}); what this command prints was "
                             "lost (send it to a file on a disk with room)\n")
            return code or 1
        sys.stderr.write(f"stdout: cannot be written ({lost.strerror or lost}); what this command reported there "
                         "was lost, but its files were written (or left as they were) as its exit status says\n")
        return code


def _open(fd: int) -> None:
    """Give ``fd`` to /dev/null if it is closed, so no file opened later takes it."""
    try:
        os.fstat(fd)
    except OSError:
        null = os.open(os.devnull, os.O_WRONLY)
        if null != fd:
            os.dup2(null, fd)
            os.close(null)


@contextmanager
def standard_streams() -> Iterator[Streams]:
    """sys.stdout and sys.stderr, for the time of one command, as the module's docstring says; then
    the streams that were there before, everything printed flushed."""
    streams, saved = Streams(), (sys.stdout, sys.stderr)
    for fd, name in ((1, "stdout"), (2, "stderr")):
        stream = getattr(sys, name)
        try:
            if stream is not None and stream.fileno() != fd:
                continue
        except (OSError, ValueError):  # a StringIO or a redirect of this process's own (tests): left alone
            continue
        if stream is not None:
            stream.flush()
        _open(fd)
        raw = _Forgiving(fd)
        setattr(sys, name, io.TextIOWrapper(
            io.BufferedWriter(raw), encoding=getattr(stream, "encoding", None) or "utf-8",
            errors=getattr(stream, "errors", None) or "backslashreplace",
            line_buffering=bool(getattr(stream, "line_buffering", False))))
        if name == "stdout":
            streams.out = raw
    try:
        yield streams
    finally:
        for name, stream in zip(("stdout", "stderr"), saved):
            mine = getattr(sys, name)
            if mine is not stream:
                mine.flush()
                setattr(sys, name, stream)
