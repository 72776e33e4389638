"""Standard output and error as a command meets them: any encoding, a reader that stops."""

from __future__ import annotations

import os
import sys


def printable_anywhere() -> None:
    """Text the terminal's encoding cannot show (an ASCII-only locale) is replaced by "?",
    never an error."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")


def discard_output() -> None:
    """Point standard output at /dev/null, so that flushing it at exit cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
