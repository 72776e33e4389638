"""Measure the figure extractor: accuracy on an annotated dev set, and throughput in MB/s.

Usage (from the repo root):
    .venv/bin/python benchmarks/measure_figures.py [DEV.json] [--pred OUT.jsonl] [--errors]
        [--unit-errors]

DEV.json defaults to ``../shared/devsets/figures-dev.json`` (NewsQuant format; see its README); the
scorer ``score_figures.py`` is taken from the same folder. Two runs are scored:

* ``all``: every figure ``extract_figures`` returns;
* ``quantities``: the same output without calendar years (``is_calendar``), since that corpus, by
  its own convention, annotates quantities and never dates. The briefing keeps years (with a low
  score) because a reader of an article wants "since 1960" as much as "48 missions".

Each run is scored on the whole set and on its two parts: a sentence whose md5(index) mod 100 is
80 or more is in the validation part, the others in the tuning part. Rules are studied on the
tuning part only (``--errors`` prints its misses and extra figures, ``--unit-errors`` its figures
whose value is right and unit wrong); the validation part is only measured.

Throughput is measured on the dev-set sentences and on the seed articles in ``tests/data/seeds``
(each repeated to about 2 MB), on one core.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tui.extract.figures import ExtractedFigure, extract_figures, is_calendar  # noqa: E402

DEFAULT_DEV = REPO.parent / "shared" / "devsets" / "figures-dev.json"


def _write_predictions(texts: list[str], path: Path, keep_calendar: bool) -> None:
    with path.open("w", encoding="utf-8") as out:
        for i, text in enumerate(texts):
            figs: list[ExtractedFigure] = extract_figures(text)
            rows = [
                {"value": f.value, "unit": f.unit, "bound": f.bound}
                for f in figs
                if keep_calendar or not is_calendar(f)
            ]
            out.write(json.dumps({"id": str(i), "figures": rows}) + "\n")


def is_validation(index: int) -> bool:
    return int(hashlib.md5(str(index).encode("utf-8")).hexdigest(), 16) % 100 >= 80


def _part(gold: list[dict], pred: Path, keep: bool, tmp: Path, name: str) -> tuple[Path, Path]:
    """Gold and predictions of one part of the set, sentences numbered afresh."""
    rows = [json.loads(line) for line in pred.read_text(encoding="utf-8").splitlines()]
    idx = [i for i in range(len(gold)) if is_validation(i) != keep]
    g_path, p_path = tmp / f"gold-{name}.json", tmp / f"pred-{name}.jsonl"
    g_path.write_text(json.dumps([gold[i] for i in idx]), encoding="utf-8")
    with p_path.open("w", encoding="utf-8") as out:
        for k, i in enumerate(idx):
            out.write(json.dumps({"id": str(k), "figures": rows[i]["figures"]}) + "\n")
    return g_path, p_path


def _errors(gold: list[dict], pred: Path) -> None:
    """Tuning sentences whose figures differ from the gold values (values only)."""
    rows = [json.loads(line) for line in pred.read_text(encoding="utf-8").splitlines()]
    for i, g in enumerate(gold):
        if is_validation(i):
            continue
        want = sorted((str(q["value"]), q["unit"]) for q in g["quantities"])
        got = sorted((repr(f["value"]), f["unit"]) for f in rows[i]["figures"])
        if len(want) != len(got) or any(
            w[0].replace(".0", "") != x[0].replace(".0", "") for w, x in zip(want, got, strict=True)
        ):
            print(f"--- {i}: {g['text']}\n  gold {want}\n  pred {got}")


def _unit_errors(gold: list[dict], pred: Path, scorer: Path) -> None:
    """Tuning figures whose value matches a gold quantity but whose unit the scorer rejects."""
    sys.path.insert(0, str(scorer.parent))
    import score_figures  # type: ignore[import-not-found]

    rows = [json.loads(line) for line in pred.read_text(encoding="utf-8").splitlines()]
    for i, g in enumerate(gold):
        if is_validation(i):
            continue
        used: set[int] = set()
        for p in rows[i]["figures"]:
            cands = [
                j for j, q in enumerate(g["quantities"])
                if j not in used and score_figures.close(p["value"], q["value"])
            ]
            if not cands:
                continue
            j = next((j for j in cands if score_figures.unit_ok(p, g["quantities"][j])), cands[0])
            used.add(j)
            q = g["quantities"][j]
            if not score_figures.unit_ok(p, q):
                want = f"{q['unit']!r} / {q['normalized_unit']!r}"
                print(f"{i}: {p['value']!r} {p['unit']!r}  gold {want}")


def _score(scorer: Path, dev: Path, pred: Path) -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, str(scorer), str(dev), str(pred)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(result.stdout)


def _throughput(texts: list[str], target_bytes: int = 2_000_000) -> float:
    """MB/s of extract_figures over ``texts`` repeated to about ``target_bytes``."""
    size = sum(len(t.encode("utf-8")) for t in texts)
    if not size:
        return 0.0
    reps = max(1, target_bytes // size)
    start = time.perf_counter()
    for _ in range(reps):
        for text in texts:
            extract_figures(text)
    elapsed = time.perf_counter() - start
    return size * reps / elapsed / 1e6


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dev", nargs="?", type=Path, default=DEFAULT_DEV)
    parser.add_argument("--pred", type=Path, default=None, help="where to write predictions")
    parser.add_argument("--errors", action="store_true", help="print tuning-part differences")
    parser.add_argument(
        "--unit-errors", action="store_true", help="print tuning-part figures with a wrong unit"
    )
    args = parser.parse_args(argv)

    seed_paths = sorted((REPO / "tests/data/seeds").glob("*.txt"))
    seeds = [p.read_text(encoding="utf-8") for p in seed_paths]
    if args.dev.exists():
        gold = json.loads(args.dev.read_text(encoding="utf-8"))
        texts = [g["text"] for g in gold]
        scorer = args.dev.parent / "score_figures.py"
        tmp = Path(tempfile.mkdtemp(prefix="figures-"))
        pred_all = args.pred or tmp / "pred-all.jsonl"
        pred_qty = pred_all.with_name(pred_all.stem + "-quantities.jsonl")
        _write_predictions(texts, pred_all, keep_calendar=True)
        _write_predictions(texts, pred_qty, keep_calendar=False)
        if args.errors:
            _errors(gold, pred_qty)
        if args.unit_errors:
            _unit_errors(gold, pred_qty, scorer)
        for name, pred in (("all", pred_all), ("quantities", pred_qty)):
            parts = [("", args.dev, pred)]
            for part, keep in (("tuning", True), ("validation", False)):
                parts.append((part, *_part(gold, pred, keep, tmp, f"{name}-{part}")))
            for part, g_path, p_path in parts:
                res = _score(scorer, g_path, p_path)
                line = "  ".join(
                    f"{k} P {res[k]['P']:.3f} R {res[k]['R']:.3f} F1 {res[k]['F1']:.3f}"  # type: ignore[index]
                    for k in ("value", "value+unit", "value+change")
                )
                label = f"{name} {part}".strip()
                print(f"{label:>21}: gold {res['gold']} pred {res['pred']}  {line}")
        print(f"predictions: {pred_all}")
        print(f"throughput (dev sentences): {_throughput(texts):.2f} MB/s")
    else:
        print(f"no dev set at {args.dev}; throughput only")
    if seeds:
        print(f"throughput (seed articles): {_throughput(seeds):.2f} MB/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
