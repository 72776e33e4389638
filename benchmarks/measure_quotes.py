"""Measure the quotation extractor on the annotated dev set: accuracy (via its scorer) and speed.

Usage: .venv/bin/python benchmarks/measure_quotes.py [DEV.jsonl] [--pred OUT.jsonl] [--limit N]
DEV.jsonl defaults to ../shared/devsets/quotes-dev.jsonl relative to the repository root; the scorer
is looked for next to it (score_quotes.py). Prints the scorer's numbers and the throughput in MB/s.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.extract.quotes.extractor import extract_quotes  # noqa: E402

DEFAULT_DEV = ROOT / ".." / "shared" / "devsets" / "quotes-dev.jsonl"


def load(path: Path, limit: int | None) -> list[dict[str, object]]:
    rows = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            rows.append(json.loads(line))
            if limit is not None and len(rows) >= limit:
                break
    return rows


def predict(rows: list[dict[str, object]]) -> tuple[list[dict[str, object]], float, int]:
    """Predictions in the scorer's format, seconds spent extracting, and bytes processed."""
    preds = []
    seconds = 0.0
    size = 0
    for row in rows:
        text = str(row["text"])
        size += len(text.encode("utf-8"))
        t0 = time.process_time()
        result = extract_quotes(text)
        seconds += time.process_time() - t0
        quotes = [{"speaker": q.speaker, "text": q.text} for q in result.quotes if q.kind == "full"]
        preds.append({"id": row["id"], "quotes": quotes})
    return preds, seconds, size


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("dev", nargs="?", default=str(DEFAULT_DEV))
    ap.add_argument("--pred", help="where to write predictions (default: a temporary file)")
    ap.add_argument("--limit", type=int, help="only the first N articles")
    args = ap.parse_args()
    dev = Path(args.dev).resolve()
    rows = load(dev, args.limit)
    preds, seconds, size = predict(rows)
    out = Path(args.pred) if args.pred else Path(tempfile.mkstemp(suffix=".jsonl")[1])
    with out.open("w", encoding="utf-8") as f:
        for p in preds:
            f.write(json.dumps(p, ensure_ascii=False) + "\n")
    scorer = dev.parent / "score_quotes.py"
    gold = dev
    if args.limit is not None:
        gold = Path(tempfile.mkstemp(suffix=".jsonl")[1])
        with gold.open("w", encoding="utf-8") as f:
            for row in rows:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
    if scorer.exists():
        res = subprocess.run([sys.executable, str(scorer), str(gold), str(out)],
                             capture_output=True, text=True, check=True)
        print(res.stdout.strip())
    else:
        print(f"scorer not found at {scorer}; predictions written to {out}")
    mb = size / 1e6
    print(f"articles: {len(rows)}  text: {mb:.2f} MB  time: {seconds:.2f} s  "
          f"speed: {mb / seconds:.2f} MB/s")
    print(f"predictions: {out}")


if __name__ == "__main__":
    main()
