"""``python -m studyguide`` and the ``studyguide`` command.

The signal handlers go in first, before the imports that take a moment: a Ctrl+C or a TERM
that comes while the command starts gets its one line too (see studyguide.interrupts).
"""
import sys

from . import interrupts


def run() -> None:
    interrupts.handle_signals()
    try:
        interrupts.raise_if_interrupted()  # came as the handlers went in
        from .cli import main

        main()  # says what stopped it itself, once its command runs (cli.main)
    except interrupts.Interrupted as exc:  # during the imports, or before the command began: nothing written
        sys.stderr.write(f"interrupted ({exc.name}): nothing was written\n")
        sys.exit(exc.exit_code)
    finally:
        interrupts.ignore_from_now()


if __name__ == "__main__":
    run()
