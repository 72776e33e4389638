"""`briefing serve`: the dashboard in a web browser, through textual-serve.

Each browser tab that connects runs its own `briefing open PATH...` process, whose screen
textual-serve carries over a websocket. It listens on 127.0.0.1 unless told otherwise: the
briefing's articles are the user's, not the network's.
"""

from __future__ import annotations

import shlex
import sys
from collections.abc import Sequence

MISSING = (
    "briefing serve: the browser dashboard needs textual-serve; install it with "
    "pip install 'briefing-tui[serve]'"
)


def serve_command(paths: Sequence[str], config: str | None) -> str:
    """The command each browser session runs: this Python, the dashboard, the same paths."""
    words = [sys.executable, "-m", "tui"]
    if config:
        words += ["--config", config]
    return shlex.join([*words, "open", *paths])


def serve(paths: Sequence[str], config: str | None, host: str, port: int) -> int:
    """Serve the dashboard until interrupted; the exit status for the shell."""
    try:
        from textual_serve.server import Server
    except ImportError:
        print(MISSING, file=sys.stderr)
        return 1
    server = Server(serve_command(paths, config), host=host, port=port, title="briefing")
    try:
        server.serve()
    except OSError as error:  # the port is taken, or the address is not this machine's
        print(f"briefing serve: cannot listen on {host}:{port}: {error.strerror or error}",
              file=sys.stderr)
        return 1
    return 0
