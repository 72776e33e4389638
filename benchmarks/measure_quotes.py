"""Measure the quotation extractor on the annotated dev set: accuracy, misattribution and speed.

Usage: .venv/bin/python benchmarks/measure_quotes.py [DEV.jsonl] [--pred OUT.jsonl] [--limit N]
                                                     [--errors N] [--flat]
DEV.jsonl defaults to ../shared/devsets/quotes-dev.jsonl relative to the repository root; the scorer
is looked for next to it (score_quotes.py).

The dev set is split for honest measurement: an article whose md5(id) mod 100 is 80 or more is in
the validation part, the others in the tuning part. Rules are studied on the tuning part only;
--errors prints wrong speakers of the tuning part, never of the validation part. For each part it
prints the scorer's quote and quote+speaker P/R/F1, the misattribution rate (among matched quotes
whose gold speaker is a named person or body and that we give to a named speaker, the share we give
to someone else), and the trade-off when speakers below a confidence threshold are dropped.
--flat joins each article's paragraphs into one before extraction (the scorer matches by words):
a stress test of attribution inside long paragraphs and of text scraped without line breaks.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.extract.quotes.extractor import extract_quotes  # noqa: E402

DEFAULT_DEV = ROOT / ".." / "shared" / "devsets" / "quotes-dev.jsonl"
THRESHOLDS = (0.0, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9)
# Gold speakers that are not names: the annotated words were kept as they are ("the judge").
_UNNAMED_RESOLUTIONS = frozenset({"mention", "no-source"})
_DETERMINERS = frozenset({"the", "a", "an"})


def is_validation(article_id: str) -> bool:
    return int(hashlib.md5(article_id.encode("utf-8")).hexdigest(), 16) % 100 >= 80


def load(path: Path, limit: int | None, flat: bool = False) -> list[dict[str, Any]]:
    rows = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            if flat:
                row["text"] = row["text"].replace("\n", " ")  # offsets kept
            rows.append(row)
            if limit is not None and len(rows) >= limit:
                break
    return rows


def predict(rows: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], float, int]:
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
        quotes = [
            {
                "speaker": q.speaker,
                "named": q.named,
                "confidence": q.confidence,
                "basis": str(q.basis),
                "text": q.text,
                "start": q.start,
            }
            for q in result.quotes
            if q.kind == "full"
        ]
        preds.append({"id": row["id"], "quotes": quotes})
    return preds, seconds, size


def _scorer(dev: Path) -> ModuleType | None:
    path = dev.parent / "score_quotes.py"
    if not path.exists():
        return None
    spec = importlib.util.spec_from_file_location("score_quotes", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _write_jsonl(rows: list[dict[str, Any]]) -> Path:
    path = Path(tempfile.mkstemp(suffix=".jsonl")[1])
    with path.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


def score(dev: Path, gold: list[dict[str, Any]], preds: list[dict[str, Any]]) -> dict[str, Any]:
    res = subprocess.run(
        [sys.executable, str(dev.parent / "score_quotes.py"), str(_write_jsonl(gold)),
         str(_write_jsonl(preds))],
        capture_output=True, text=True, check=True,
    )
    out: dict[str, Any] = json.loads(res.stdout)
    return out


def matches(sc: ModuleType, gold: dict[str, Any], pred: dict[str, Any]) -> list[tuple[dict, dict]]:
    """(predicted, gold) pairs of whole quotations, matched as the scorer matches them."""
    gq = [q for q in gold["quotes"] if q["kind"] == "full"]
    pq = pred["quotes"]
    gw = [sc.words(q["text"]) for q in gq]
    pw = [sc.words(q["text"]) for q in pq]
    pairs = sorted(
        ((sc.sim(p, g), i, j) for i, p in enumerate(pw) for j, g in enumerate(gw)), reverse=True
    )
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for s, i, j in pairs:
        if s < 0.5:
            break
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        out.append((pq[i], gq[j]))
    return out


def speaker_ok(sc: ModuleType, speaker: str | None, gold: dict[str, Any]) -> bool:
    ln = sc.last_name(speaker)
    names = {sc.last_name(gold["speaker"])}
    if sc.last_name(gold["speaker_mention"]) not in sc.PRONOUNS:
        names.add(sc.last_name(gold["speaker_mention"]))
    return ln is not None and ln not in sc.PRONOUNS and ln in names


def gold_named(gold: dict[str, Any]) -> bool:
    """A gold speaker that is a name written in the annotated source words ("speaker_reliable").

    Names reached through a pronoun were resolved automatically by the corpus builders and are
    often wrong (a quotation of Bozell's given to the Cruz he talks about); counting them would
    measure their resolver, not ours. `gold_named_any` counts them too."""
    return bool(gold["speaker_reliable"]) and gold_named_any(gold)


def gold_named_any(gold: dict[str, Any]) -> bool:
    """A gold speaker that is a name; not a description whose name the corpus builders took from
    a place in it ("Vermont" for "the Vermont senator")."""
    if gold["speaker"] is None or gold["speaker_resolution"] in _UNNAMED_RESOLUTIONS:
        return False
    mention = (gold["speaker_mention"] or "").split()
    described = (
        len(mention) > 1 and mention[0].lower() in _DETERMINERS and mention[-1][:1].islower()
    )
    return not described


def tradeoff(
    sc: ModuleType, gold: list[dict[str, Any]], preds: list[dict[str, Any]]
) -> list[tuple[float, int, int, int, int, int, float]]:
    """For each threshold: named attributions kept, wrong among them (gold named), gold-named
    matched quotes, right speakers kept (any kind), all matched quotes, and the misattribution
    counting gold names reached through pronouns too."""
    by_id = {p["id"]: p for p in preds}
    pairs = [pair for g in gold for pair in matches(sc, g, by_id[g["id"]])]
    rows = []
    for t in THRESHOLDS:
        kept = wrong = named_gold = right = kept_any = wrong_any = 0
        for p, g in pairs:
            confident = p["speaker"] is not None and p["confidence"] >= t
            ok = speaker_ok(sc, p["speaker"], g)
            if gold_named(g) and p["named"] and confident:
                kept += 1
                wrong += not ok
            if gold_named_any(g) and p["named"] and confident:
                kept_any += 1
                wrong_any += not ok
            named_gold += gold_named(g)
            right += confident and ok
        rows.append((t, kept, wrong, named_gold, right, len(pairs), wrong_any / max(kept_any, 1)))
    return rows


def by_basis(
    sc: ModuleType, gold: list[dict[str, Any]], preds: list[dict[str, Any]]
) -> dict[str, tuple[int, int, int, int]]:
    """Per basis: named attributions of gold-named quotes and the wrong among them; matched
    quotes with any gold speaker and the right among them."""
    by_id = {p["id"]: p for p in preds}
    counts: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    any_counts: Counter[str] = Counter()
    any_right: Counter[str] = Counter()
    for g in gold:
        for p, gq in matches(sc, g, by_id[g["id"]]):
            ok = speaker_ok(sc, p["speaker"], gq)
            if p["speaker"] is not None and p["named"] and gold_named(gq):
                counts[p["basis"]] += 1
                wrong[p["basis"]] += not ok
            if gq["speaker"] is not None:
                any_counts[p["basis"]] += 1
                any_right[p["basis"]] += ok
    return {k: (counts[k], wrong[k], any_counts[k], any_right[k]) for k in sorted(any_counts)}


def print_errors(
    sc: ModuleType, gold: list[dict[str, Any]], preds: list[dict[str, Any]], limit: int
) -> None:
    by_id = {p["id"]: p for p in preds}
    shown = 0
    for g in gold:
        for p, gq in matches(sc, g, by_id[g["id"]]):
            if speaker_ok(sc, p["speaker"], gq) or shown >= limit:
                continue
            shown += 1
            text = g["text"]
            ctx = text[max(0, gq["start"] - 300) : gq["end"] + 150].replace("\n", " ¶ ")
            print(f"--- {g['id']} gold={gq['speaker']!r} ({gq['speaker_mention']!r}) "
                  f"pred={p['speaker']!r} named={p['named']} basis={p['basis']} "
                  f"conf={p['confidence']}\n{ctx}")


def report(name: str, sc: ModuleType | None, dev: Path, gold: list[dict[str, Any]],
           preds: list[dict[str, Any]]) -> None:
    print(f"== {name}: {len(gold)} articles")
    if sc is None:
        return
    res = score(dev, gold, preds)
    q, qs = res["quote"], res["quote+speaker"]
    print(f"  quote          P {q['P']:.3f} R {q['R']:.3f} F1 {q['F1']:.3f}")
    print(f"  quote+speaker  P {qs['P']:.3f} R {qs['R']:.3f} F1 {qs['F1']:.3f}")
    rows = tradeoff(sc, gold, preds)
    t0 = rows[0]
    print(f"  misattribution {t0[2] / max(t0[1], 1):.3f} ({t0[2]} of {t0[1]} named attributions)")
    print("  threshold  named-kept  misattribution  (with pronoun gold)  coverage-of-named-gold"
          "  right-speaker-recall")
    for t, kept, wrong, named_gold, right, matched, any_rate in rows:
        print(f"  {t:>9.2f}  {kept:>10}  {wrong / max(kept, 1):>14.3f}  {any_rate:>19.3f}  "
              f"{kept / max(named_gold, 1):>22.3f}  {right / max(matched, 1):>20.3f}")
    print("  basis: named attributions, wrong (reliable gold) | quotes, right (any gold speaker)")
    for basis, (n, w, n_any, r_any) in by_basis(sc, gold, preds).items():
        print(f"    {basis:<22} {n:>5} {w:>4} {w / max(n, 1):.3f} | "
              f"{n_any:>5} {r_any:>5} {r_any / max(n_any, 1):.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("dev", nargs="?", default=str(DEFAULT_DEV))
    ap.add_argument("--pred", help="where to write predictions (default: a temporary file)")
    ap.add_argument("--limit", type=int, help="only the first N articles")
    ap.add_argument("--errors", type=int, default=0, help="print N wrong speakers (tuning only)")
    ap.add_argument("--flat", action="store_true", help="join each article's paragraphs")
    args = ap.parse_args()
    dev = Path(args.dev).resolve()
    rows = load(dev, args.limit, args.flat)
    preds, seconds, size = predict(rows)
    out = Path(args.pred) if args.pred else Path(tempfile.mkstemp(suffix=".jsonl")[1])
    with out.open("w", encoding="utf-8") as f:
        for p in preds:
            f.write(json.dumps(p, ensure_ascii=False) + "\n")
    sc = _scorer(dev)
    if sc is None:
        print(f"scorer not found next to {dev}; predictions written to {out}")
    tune = [r for r in rows if not is_validation(str(r["id"]))]
    valid = [r for r in rows if is_validation(str(r["id"]))]
    pred_of = {p["id"]: p for p in preds}
    if args.errors and sc is not None:
        print_errors(sc, tune, preds, args.errors)
    for name, part in (("tuning", tune), ("validation", valid), ("all", rows)):
        report(name, sc, dev, part, [pred_of[r["id"]] for r in part])
    mb = size / 1e6
    print(f"articles: {len(rows)}  text: {mb:.2f} MB  time: {seconds:.2f} s  "
          f"speed: {mb / seconds:.2f} MB/s")
    print(f"predictions: {out}")


if __name__ == "__main__":
    main()
