"""Time to first frame: the dashboard on the seed briefing against a bare Textual app.

Each run is a fresh process in a pseudo-terminal (so Textual uses its real
driver); the child writes a wall-clock time stamp when its first frame has been
displayed (Textual's Ready event) and exits. Prints medians and the ratio; no
assertions. Usage: .venv/bin/python benchmarks/first_frame.py [--runs N]
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "briefings" / "pakistan-un-peacekeeping.yaml"

BARE = """
import os, time
from textual.app import App
from textual.widgets import Static

class Bare(App):
    def compose(self):
        yield Static("hello")

    def on_ready(self):
        with open(os.environ["STAMP"], "a") as f:
            f.write(f"frame {time.time()}\\n")
        self.exit()

Bare().run()
"""

DASHBOARD = """
import os, time
from tui.app import BriefingApp, make_app
from tui.config import Config

def stamp(what):
    with open(os.environ["STAMP"], "a") as f:
        f.write(f"{what} {time.time()}\\n")

class Timed(BriefingApp):
    def on_ready(self):
        stamp("frame")

    def on_briefing_app_loaded(self, message):
        self.call_after_refresh(lambda: (stamp("loaded"), self.exit()))

app = make_app([os.environ["SEED"]], Config(), theme="textual-dark", watch_interval=None,
               remember_theme=False)
app.__class__ = Timed
app.run()
"""


def run_once(code: str, seed: str, state: str) -> dict[str, float]:
    """Run `code` in a new Python in a 100x30 pseudo-terminal; seconds from start to each stamp."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    with tempfile.NamedTemporaryFile("r", suffix=".stamps", delete=False) as handle:
        stamp_path = handle.name
    env = {**os.environ, "STAMP": stamp_path, "SEED": seed, "BRIEFING_STATE_DIR": state,
           "TERM": "xterm-256color"}
    env.pop("NO_COLOR", None)

    def drain() -> None:
        try:
            while os.read(master, 65536):
                pass
        except OSError:
            pass

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    start = time.time()
    child = subprocess.Popen([sys.executable, "-c", code], stdin=slave, stdout=slave,
                             stderr=slave, env=env, cwd=ROOT, close_fds=True)
    child.wait(timeout=60)
    end = time.time()
    os.close(slave)
    os.close(master)
    stamps = {"exit": end - start}
    for line in Path(stamp_path).read_text().splitlines():
        what, when = line.split()
        stamps[what] = float(when) - start
    os.unlink(stamp_path)
    return stamps


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="runs of each app (default 9)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as state:
        seed = str(SEED)
        run_once(BARE, seed, state)  # warm the file cache and the bytecode
        run_once(DASHBOARD, seed, state)
        bare, dashboard = [], []
        for _ in range(args.runs):  # interleaved, so that drift affects both alike
            bare.append(run_once(BARE, seed, state))
            dashboard.append(run_once(DASHBOARD, seed, state))

    def median(runs: list[dict[str, float]], key: str) -> float:
        return statistics.median(run[key] for run in runs if key in run)

    bare_frame, dash_frame = median(bare, "frame"), median(dashboard, "frame")
    print(f"first frame, median of {args.runs} runs (100x30 pseudo-terminal):")
    print(f"  bare Textual app (one line):   {bare_frame * 1000:7.1f} ms")
    print(f"  dashboard on the seed:         {dash_frame * 1000:7.1f} ms")
    print(f"  ratio dashboard / bare:        {dash_frame / bare_frame:7.2f}x  (aim <= 1.15x)")
    print(f"  dashboard with briefing shown: {median(dashboard, 'loaded') * 1000:7.1f} ms")


if __name__ == "__main__":
    main()
