"""Time to first frame: the dashboard on a briefing against a bare Textual app.

Each run is a fresh process in a pseudo-terminal (so Textual uses its real
driver); the child writes wall-clock time stamps when its first frame has been
displayed (Textual's Ready event), when the briefing is shown, when the summary's
key figures are shown, when the figure ledger is shown (the briefing fully shown)
and when search is indexed, with its
peak memory (VmHWM), then exits. The load cache and the search index live in a
temporary folder that the first (untimed) run fills, so the timed runs are warm
opens. Prints medians and the ratio; no assertions.

Usage: .venv/bin/python benchmarks/first_frame.py [--runs N] [--path PATH]
    e.g. --path .bench/corpus-10000 (make it with benchmarks/generate.py 10000 ...)
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
from tui.dashboard.app import BriefingApp, make_app
from tui.files.config import Config

def stamp(what):
    with open(os.environ["STAMP"], "a") as f:
        f.write(f"{what} {time.time()}\\n")

def peak():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM"):
            return int(line.split()[1]) * 1024
    return 0

class Timed(BriefingApp):
    seen = set()

    def on_ready(self):
        stamp("frame")

    def mark(self, what):
        stamp(what)
        self.seen.add(what)
        if {"full", "index"} <= self.seen:
            stamp(f"hwm_mib {peak() / 1048576}")
            self.exit()

    def on_briefing_app_stage_ready(self, message):
        name = {"Loaded": "loaded", "KeyFiguresRanked": "figures", "LedgerBuilt": "full",
                "Indexed": "index"}.get(type(message.stage).__name__)
        if name is not None:  # (whether the kept first screen still holds is not timed)
            self.call_after_refresh(self.mark, name)

app = make_app([os.environ["SEED"]], Config(), theme="textual-dark", watch_interval=None,
               remember_theme=False)
app.__class__ = Timed
app.run()
"""


def run_once(code: str, seed: str, state: str, cache: str = "") -> dict[str, float]:
    """Run `code` in a new Python in a 100x30 pseudo-terminal; seconds from start to each stamp."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    with tempfile.NamedTemporaryFile("r", suffix=".stamps", delete=False) as handle:
        stamp_path = handle.name
    env = {
        **os.environ,
        "STAMP": stamp_path,
        "SEED": seed,
        "BRIEFING_STATE_DIR": state,
        "BRIEFING_CACHE_DIR": cache or os.path.join(state, "cache"),
        "TERM": "xterm-256color",
    }
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
    child = subprocess.Popen(
        [sys.executable, "-c", code],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        cwd=ROOT,
        close_fds=True,
    )
    try:
        child.wait(timeout=300)
    except subprocess.TimeoutExpired:
        child.kill()  # never leave a dashboard running behind a failed measurement
        child.wait()
        raise
    end = time.time()
    os.close(slave)
    os.close(master)
    stamps = {"exit": end - start}
    for line in Path(stamp_path).read_text().splitlines():
        what, *value, when = line.split()
        if what == "hwm_mib":
            stamps[what] = float(value[0]) if value else float(when)
        else:
            stamps[what] = float(when) - start
    os.unlink(stamp_path)
    return stamps


def compile_package() -> None:
    """Write tui's bytecode, as an installed package has it: otherwise, with
    PYTHONDONTWRITEBYTECODE set, every timed start would compile the sources again while
    Textual's own modules start compiled."""
    import compileall

    compileall.compile_dir(str(ROOT / "tui"), quiet=1)


def measure(path: str, runs: int) -> dict[str, float]:
    """Medians of `runs` interleaved warm opens: the bare app's and the dashboard's first
    frame, when the briefing is shown and fully shown, when search is indexed (seconds),
    and the dashboard's peak memory (MiB); also the cold open's times."""
    compile_package()
    with tempfile.TemporaryDirectory() as state:
        target = str(Path(path).resolve())
        run_once(BARE, target, state)  # warm the file cache and the bytecode
        cold = run_once(DASHBOARD, target, state)  # and fill the load cache and search index
        bare, dashboard = [], []
        for _ in range(runs):  # interleaved, so that drift affects both alike
            bare.append(run_once(BARE, target, state))
            dashboard.append(run_once(DASHBOARD, target, state))

    def median(measured: list[dict[str, float]], key: str) -> float:
        return statistics.median(run[key] for run in measured if key in run)

    return {
        "bare_frame": median(bare, "frame"),
        "frame": median(dashboard, "frame"),
        "loaded": median(dashboard, "loaded"),
        "figures": median(dashboard, "figures"),
        "full": median(dashboard, "full"),
        "index": median(dashboard, "index"),
        "hwm_mib": median(dashboard, "hwm_mib"),
        "cold_loaded": cold.get("loaded", 0.0),
        "cold_full": cold.get("full", 0.0),
        "cold_index": cold.get("index", 0.0),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="runs of each app (default 9)")
    parser.add_argument(
        "--path", default=str(SEED), help="briefing file or folder (default: the seed briefing)"
    )
    args = parser.parse_args()
    m = measure(args.path, args.runs)
    print(
        f"first (cold) open: shown {m['cold_loaded']:.2f} s, fully shown "
        f"{m['cold_full']:.2f} s, search indexed {m['cold_index']:.2f} s"
    )
    print(f"warm open of {args.path}, median of {args.runs} runs (100x30 pseudo-terminal):")
    print(f"  bare Textual app, first frame:   {m['bare_frame'] * 1000:7.1f} ms")
    print(f"  dashboard, first frame:          {m['frame'] * 1000:7.1f} ms")
    print(f"  ratio dashboard / bare:          {m['frame'] / m['bare_frame']:7.2f}x")
    print(f"  briefing shown (views built):    {m['loaded'] * 1000:7.1f} ms")
    print(f"  key figures ranked from files:   {m['figures'] * 1000:7.1f} ms"
          "  (a warm open shows the kept ones on its first frame)")
    print(f"  fully shown (figure ledger too): {m['full'] * 1000:7.1f} ms")
    print(f"  search index up to date:         {m['index'] * 1000:7.1f} ms")
    print(f"  peak memory (VmHWM):             {m['hwm_mib']:7.1f} MiB  (aim <= 200 MiB)")


if __name__ == "__main__":
    main()
