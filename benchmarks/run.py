"""`make bench`: every speed and accuracy figure of the project, printed in one run.

Each figure stands beside its floor or peer measured in the same run, so the
ratio holds on whatever machine runs it. Nothing here asserts: it prints.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
SHARED = ROOT.parent / "shared" / "devsets"


def interleaved(commands: dict[str, list[str]], runs: int) -> dict[str, float]:
    """Median wall time of each command, runs interleaved so machine noise hits all alike."""
    for command in commands.values():
        subprocess.run(command, cwd=ROOT, capture_output=True, check=True)
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            start = time.perf_counter()
            subprocess.run(command, cwd=ROOT, capture_output=True, check=True)
            samples[name].append(time.perf_counter() - start)
    return {name: statistics.median(times) for name, times in samples.items()}


def row(name: str, value: str, peer: str = "", verdict: str = "") -> None:
    print(f"  {name:<44} {value:>14}  {peer:<34} {verdict}")


def bench_summary(runs: int) -> None:
    print(f"\nStart-up of the printable summary (median of {runs} runs, seconds)")
    medians = interleaved(
        {
            "summary": [str(Path(PYTHON).parent / "briefing"), "summary", "briefings"],
            "floor": [PYTHON, "-c", "import yaml, rich.console"],
        },
        runs,
    )
    ratio = medians["summary"] / medians["floor"]
    row(
        "briefing summary (seed briefing)",
        f"{medians['summary']:.3f}",
        f"python -c 'import yaml, rich.console' {medians['floor']:.3f}",
        f"{ratio:.2f}x (goal <= 1.5x)",
    )


def bench_extraction(devsets: Path, quick: bool) -> None:
    for script in ("measure_quotes.py", "measure_figures.py"):
        path = ROOT / "benchmarks" / script
        if not path.exists():
            continue
        print(f"\n{script[:-3].replace('_', ' ').capitalize()} (benchmarks/{script})")
        gold = devsets / ("quotes-dev.jsonl" if "quotes" in script else "figures-dev.json")
        if not gold.exists():
            print(f"  skipped: {gold} not found")
            continue
        result = subprocess.run(
            [PYTHON, str(path), str(gold)], cwd=ROOT, capture_output=True, text=True
        )
        for line in (result.stdout + result.stderr).strip().splitlines():
            print(f"  {line}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--devsets", type=Path, default=SHARED)
    parser.add_argument("--quick", action="store_true", help="fewer runs, smallest sizes")
    args = parser.parse_args()
    runs = 5 if args.quick else args.runs
    bench_summary(runs)
    print("\nKey figures on screen, in tmux (benchmarks/on_screen.py)")
    subprocess.run([PYTHON, str(ROOT / "benchmarks" / "on_screen.py"), "--runs",
                    "5" if args.quick else "11"], cwd=ROOT, check=False)
    print("\nThe dashboard's stages, in a pseudo-terminal (benchmarks/first_frame.py)")
    subprocess.run([PYTHON, str(ROOT / "benchmarks" / "first_frame.py")], cwd=ROOT, check=False)
    bench_extraction(args.devsets, args.quick)
    print("\nImport of web pages and of 1,000 articles (benchmarks/measure_import.py)")
    subprocess.run(
        [PYTHON, str(ROOT / "benchmarks" / "measure_import.py"),
         "--articles", "250" if args.quick else "1000"],
        cwd=ROOT, check=False,
    )
    scale = ROOT / "benchmarks" / "scale.py"
    if scale.exists():
        print("\nScale (benchmarks/scale.py)")
        subprocess.run(
            [PYTHON, str(scale), *(["--smoke"] if args.quick else [])], cwd=ROOT, check=False
        )


if __name__ == "__main__":
    main()
