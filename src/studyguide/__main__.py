"""``python -m studyguide`` and the ``studyguide`` command.

The signal handlers go in first, before the imports that take a moment: a Ctrl+C or a TERM
that comes while the command starts gets its one line too (see studyguide.interrupts).
"""
import sys

from . import interrupts


def run() -> None:
    interrupts.handle_signals()
    try:
        from .cli import main
    except interrupts.Interrupted as exc:
        sys.stderr.write(f"interrupted ({exc.name}): nothing was written\n")
        sys.exit(exc.exit_code)
    try:
        main()
    finally:
        interrupts.ignore_from_now()


if __name__ == "__main__":
    run()
