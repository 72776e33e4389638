"""Key figures on screen, as a user sees them: the dashboard in tmux against a bare Textual app.

Each run starts a command in a fresh tmux window (100x30) and reads the screen with
`tmux capture-pane` every few milliseconds until the text looked for is there. The
dashboard counts as ready when the values of its first key-figure panels are on screen
(what the summary's panels show, not its first frame); the bare app, a Textual app that
shows one line holding the same values, when that line is. Runs are interleaved, caches are
warm (the first, untimed, open fills them) and medians are printed; nothing is asserted.

Usage: .venv/bin/python benchmarks/on_screen.py [--runs N] [--path PATH]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "briefings" / "pakistan-un-peacekeeping.yaml"
BIN = Path(sys.executable).parent
PANELS = 2
"""How many key-figure values must be on screen."""
POLL = 0.004
TIMEOUT = 60.0
LINGER = 3.0
"""Seconds the first open is left running after its figures are shown."""

BARE = """
import sys
from textual.app import App
from textual.widgets import Static

class Bare(App):
    def compose(self):
        yield Static(sys.argv[1])

Bare().run()
"""


class Tmux:
    """A private tmux server, started once, in which each command gets its own session."""

    def __init__(self) -> None:
        self.socket = f"bench-{uuid.uuid4().hex[:8]}"
        self._tmux("new-session", "-d", "-s", "idle", "-x", "100", "-y", "30", "sleep 3600")

    def _tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True,
                              text=True, check=False).stdout

    def time_until(self, command: list[str], texts: list[str], env: dict[str, str],
                   linger: float = 0.0) -> float:
        """Seconds from starting `command` until every one of `texts` is on screen; the
        command is left running `linger` seconds more (to finish what it keeps)."""
        name = uuid.uuid4().hex[:8]
        exports = " ".join(f"{key}={_quote(value)}" for key, value in env.items())
        line = f"env {exports} {' '.join(map(_quote, command))}"
        began = time.perf_counter()
        self._tmux("new-session", "-d", "-s", name, "-x", "100", "-y", "30", line)
        try:
            while time.perf_counter() - began < TIMEOUT:
                screen = self._tmux("capture-pane", "-p", "-t", name)
                if all(text in screen for text in texts):
                    seen = time.perf_counter() - began
                    time.sleep(linger)
                    return seen
                time.sleep(POLL)
            raise TimeoutError(f"{texts} never appeared on screen: {screen!r}")
        finally:
            self._tmux("kill-session", "-t", name)

    def close(self) -> None:
        self._tmux("kill-server")


def _quote(text: str) -> str:
    import shlex

    return shlex.quote(text)


def key_figure_values(path: str, cache: str) -> list[str]:
    """The values the summary's first panels show (reading `path` through a cache in
    `cache`, which the dashboard then finds filled)."""
    sys.path.insert(0, str(ROOT))
    os.environ["BRIEFING_CACHE_DIR"] = cache
    from tui.reports.ledger import KeyFigures
    from tui.store.cache import load_cached

    figures = KeyFigures.of(load_cached([path]).briefing)
    return [entry.lead.display_value for entry in figures.entries[:PANELS]]


def measure(path: str, runs: int) -> dict[str, float]:
    """Medians (seconds) of the bare app's line and the dashboard's key figures on screen,
    warm; and the first (cold) open's."""
    if shutil.which("tmux") is None:
        raise RuntimeError("tmux is not installed")
    tmux = Tmux()
    try:
        with tempfile.TemporaryDirectory() as state:
            values = key_figure_values(path, os.path.join(state, "cache"))
            env = {
                "BRIEFING_STATE_DIR": state,
                "BRIEFING_CACHE_DIR": os.path.join(state, "cache"),
                "TERM": "xterm-256color",
                "PATH": os.environ.get("PATH", ""),
                "HOME": os.environ.get("HOME", state),
            }
            bare = [sys.executable, "-c", BARE, "   ".join(values)]
            dashboard = [str(BIN / "briefing"), path]
            tmux.time_until(bare, values, env)  # warms the file cache
            # The first open fills the load cache, the index and the first screen kept.
            cold = tmux.time_until(dashboard, values, env, linger=LINGER)
            bare_times, dashboard_times = [], []
            for _ in range(runs):
                bare_times.append(tmux.time_until(bare, values, env))
                dashboard_times.append(tmux.time_until(dashboard, values, env))
    finally:
        tmux.close()
    return {
        "bare": statistics.median(bare_times),
        "figures": statistics.median(dashboard_times),
        "cold": cold,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--path", default=str(SEED))
    args = parser.parse_args()
    m = measure(args.path, args.runs)
    ratio = m["figures"] / m["bare"]
    print(f"key figures on screen in tmux, warm, median of {args.runs} runs ({args.path}):")
    print(f"  bare Textual app, its line on screen:  {m['bare'] * 1000:7.1f} ms")
    print(f"  dashboard, key figures on screen:      {m['figures'] * 1000:7.1f} ms"
          f"   {ratio:.2f}x the bare app (goal <= 1.25x)")
    print(f"  first (cold) open, key figures:        {m['cold'] * 1000:7.1f} ms")


if __name__ == "__main__":
    main()
