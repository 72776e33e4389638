"""Standard output and error as a command meets them: any encoding, a reader that stops."""

from __future__ import annotations

import io
import os
import sys


class _ClosedOutput(io.StringIO):
    """Standard output when the shell closed it (`>&-`): writing to it is a plain error."""

    def write(self, _text: str) -> int:
        from tui.files.atomic import WriteError

        raise WriteError("standard output is closed; redirect it to a file, or use -o FILE")


def printable_anywhere() -> None:
    """Text the terminal's encoding cannot show (an ASCII-only locale) is replaced by "?",
    never an error; a closed standard output is an error only when a command writes to it."""
    if sys.stdout is None:
        sys.stdout = _ClosedOutput()
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
