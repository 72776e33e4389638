"""How briefing scales to 10,000 articles: one table of figures, each beside its floor or peer.

Usage (from the repo root):
    .venv/bin/python benchmarks/scale.py [--sizes 100,1000,10000] [--queries 200]
    .venv/bin/python benchmarks/scale.py --smoke          # 100 articles, quickly
    .venv/bin/python benchmarks/scale.py --crossover      # serial vs process pool, by file count

Corpora come from benchmarks/generate.py and are kept under ``.bench/`` (git-ignored; set
--workdir to put them elsewhere); caches go to a fresh folder per measurement. Every load is
timed in a fresh Python process, so imports, pools and caches start as they would for a user.
Figures only: nothing is asserted. Targets are printed beside the figures they apply to.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

PY = sys.executable


# -- child processes ------------------------------------------------------------------------------


def _child(kind: str, corpus: str, cache: str) -> dict[str, float]:
    """Run in a fresh process: one measurement, printed as JSON."""
    import resource

    os.environ["BRIEFING_CACHE_DIR"] = cache
    import yaml  # imports are not what is measured here

    import tui.search.index
    import tui.store.cache

    began = time.perf_counter()
    out: dict[str, float] = {}
    if kind in ("cold", "warm", "cold-serial"):
        import tui.store.cache
        from tui.store.cache import load_cached

        result = load_cached([corpus], parallel=False if kind == "cold-serial" else None)
        out["seconds"] = time.perf_counter() - began
        out["parsed"] = tui.store.cache.last_stats.parsed
        out["articles"] = len(result.briefing.articles)
        out["problems"] = len(result.problems)
        if kind == "cold":
            from tui.search.index import SearchIndex

            index_began = time.perf_counter()
            with SearchIndex.open(cache) as index:
                index.update(result.briefing)
            out["index"] = time.perf_counter() - index_began
    elif kind == "loader":
        from tui.files.loader import load

        result = load([corpus])
        out["seconds"] = time.perf_counter() - began
    elif kind == "bare-yaml":
        import yaml

        from tui.files.loader import discover

        files, _ = discover([corpus])
        for path in files:
            with open(path, encoding="utf-8") as handle:
                yaml.load(handle.read(), Loader=yaml.CSafeLoader)
        out["seconds"] = time.perf_counter() - began
    elif kind == "pickle":
        import gc
        import pickle

        import tui.store.cache as c

        # the FileContents of the warm cache, pickled the standard way
        blocks = c._read_cache(c._cache_file(Path(cache), [corpus]), c._code_stamp()) or []
        contents = [entry[2] for block in c._unpack(blocks) or [] for entry in block]
        blob = pickle.dumps(contents, protocol=pickle.HIGHEST_PROTOCOL)
        gc.collect()
        began = time.perf_counter()
        pickle.loads(blob)
        out["seconds"] = time.perf_counter() - began
    elif kind == "discover":
        from tui.files.loader import discover

        discover([corpus])
        out["seconds"] = time.perf_counter() - began
    elif kind == "baseline":
        import tui.files.loader
        import tui.store.cache
    out["rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    try:  # ru_maxrss keeps the parent's peak across fork+exec on Linux; VmHWM does not
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    out["rss_mib"] = int(line.split()[1]) / 1024
    except OSError:
        pass
    return out


def _run_child(kind: str, corpus: Path, cache: Path) -> dict[str, float]:
    done = subprocess.run(
        [PY, __file__, "--child", kind, str(corpus), str(cache)],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def _wall(argv: list[str], env: dict[str, str] | None = None, repeat: int = 3) -> float:
    """Median wall time of a command, in seconds."""
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, check=True, env=env, cwd=REPO)
        times.append(time.perf_counter() - began)
    return statistics.median(times)


# -- search ---------------------------------------------------------------------------------------


def _queries(count: int) -> list[str]:
    import random

    import generate as g

    rng = random.Random(7)
    pools = [g.TOPICS, g.PLACES, g.LAST, g.NOUNS, g.ADJS, g.VERBS, g.UNITS]
    queries: list[str] = []
    while len(queries) < count:
        form = rng.randrange(6)
        word = lambda: str(rng.choice(rng.choice(pools[:-1])))  # noqa: E731
        if form == 0:
            queries.append(word())
        elif form == 1:
            queries.append(f"{word()} {word()}")
        elif form == 2:
            queries.append(f"{rng.choice(g.FIRST)} {rng.choice(g.LAST)}")
        elif form == 3:
            queries.append(f'"collective credibility" {rng.choice(g.TOPICS)}')
        elif form == 4:
            queries.append(f"{rng.choice(g.UNITS)[0]} {rng.choice(g.PLACES)}")
        else:
            queries.append(rng.choice(("the", "said", "peacekeepers kashmir", "billion", '"')))
    return queries


def _search_times(cache: Path, queries: list[str]) -> tuple[list[float], list[float]]:
    import sqlite3

    from tui.search.index import SearchIndex, build_match

    ours: list[float] = []
    raw: list[float] = []
    with SearchIndex.open(cache) as index:
        db = sqlite3.connect(index.path)
        for query in queries[:10]:  # warm the page cache for both
            index.search(query)
        for query in queries:
            began = time.perf_counter()
            index.search(query, limit=50)
            ours.append(time.perf_counter() - began)
            match = build_match(query)
            began = time.perf_counter()
            if match:
                db.execute(
                    "SELECT rowid FROM entries WHERE entries MATCH ? ORDER BY rank LIMIT 50",
                    (match,),
                ).fetchall()
            raw.append(time.perf_counter() - began)
        db.close()
    return ours, raw


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


# -- the table ------------------------------------------------------------------------------------


def _settle(corpus: Path) -> None:
    """Wait until the files are older than the cache's racy window (their ctime is fresh)."""
    import tui.store.cache

    newest = max(path.stat().st_ctime for path in corpus.rglob("*.yaml"))
    wait = newest + tui.store.cache.RACY_SECONDS + 0.1 - time.time()
    if wait > 0:
        time.sleep(wait)


def _corpus(workdir: Path, size: int) -> Path:
    from generate import generate

    corpus = workdir / f"corpus-{size}"
    marker = corpus / ".complete"
    if not marker.exists():
        shutil.rmtree(corpus, ignore_errors=True)
        began = time.perf_counter()
        generate(size, corpus)
        marker.write_text(str(size))
        print(
            f"generated {size:,} articles in {time.perf_counter() - began:.1f} s", file=sys.stderr
        )
    _settle(corpus)
    return corpus


def _fmt_s(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def measure(size: int, workdir: Path, queries: list[str], repeat: int) -> list[tuple[str, ...]]:
    corpus = _corpus(workdir, size)
    rows: list[tuple[str, ...]] = []
    scratch = Path(tempfile.mkdtemp(prefix="cache-", dir=workdir))
    try:
        cold = _run_child("cold", corpus, scratch)  # also builds the index in scratch
        assert cold["problems"] == 0 and cold["articles"] == size, cold
        bare = _run_child("bare-yaml", corpus, scratch)
        loader = _run_child("loader", corpus, scratch)
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1
        target = "≤ 3.5 s" if size == 10_000 else ""
        rows.append(
            (
                "cold load",
                f"{size:,}",
                _fmt_s(cold["seconds"]),
                f"bare CSafeLoader {_fmt_s(bare['seconds'])} (÷{cores} cores "
                f"{_fmt_s(bare['seconds'] / cores)}); loader.load {_fmt_s(loader['seconds'])}",
                "",
            )
        )
        rows.append(
            (
                "cold ingest (load+index)",
                f"{size:,}",
                _fmt_s(cold["seconds"] + cold["index"]),
                f"index build alone {_fmt_s(cold['index'])}",
                target,
            )
        )
        warm = [_run_child("warm", corpus, scratch) for _ in range(repeat)]
        assert all(w["parsed"] == 0 for w in warm), warm
        warm_s = statistics.median(w["seconds"] for w in warm)
        pickled = _run_child("pickle", corpus, scratch)
        found = _run_child("discover", corpus, scratch)
        rows.append(
            (
                "warm load (cache valid)",
                f"{size:,}",
                _fmt_s(warm_s),
                f"plain pickle.loads {_fmt_s(pickled['seconds'])}; "
                f"loader.discover alone {_fmt_s(found['seconds'])}",
                "",
            )
        )
        from first_frame import measure
        from on_screen import measure as on_screen

        seen = on_screen(str(corpus), repeat)
        rows.append(
            (
                "key figures on screen (tmux, warm)",
                f"{size:,}",
                _fmt_s(seen["figures"]),
                f"bare Textual app's line {_fmt_s(seen['bare'])} "
                f"(×{seen['figures'] / seen['bare']:.2f}); without the kept first screen "
                f"{_fmt_s(seen['cold'])}",
                "≤ 1.3× bare",
            )
        )
        opened = measure(str(corpus), repeat)
        rows.append(
            (
                "warm open → all views, index in step",
                f"{size:,}",
                _fmt_s(opened["full"]),
                f"briefing read and shown {_fmt_s(opened['loaded'])}, search in step "
                f"{_fmt_s(opened['index'])}",
                "",
            )
        )
        rows.append(
            (
                "dashboard peak memory",
                f"{size:,}",
                f"{opened['hwm_mib']:.0f} MiB",
                "VmHWM of the dashboard, warm open, briefing fully shown",
                "≤ 200 MiB",
            )
        )
        ours, raw = _search_times(scratch, queries)
        rows.append(
            (
                "search p50 / p95",
                f"{size:,}",
                f"{_pct(ours, 0.5) * 1e3:.1f} / {_pct(ours, 0.95) * 1e3:.1f} ms",
                f"raw FTS5 rank query {_pct(raw, 0.5) * 1e3:.1f} / {_pct(raw, 0.95) * 1e3:.1f} ms "
                f"({len(queries)} queries, max {max(ours) * 1e3:.0f} ms)",
                "p95 ≤ 25 ms",
            )
        )
        baseline = _run_child("baseline", corpus, scratch)
        rows.append(
            (
                "peak RSS, warm load",
                f"{size:,}",
                f"{statistics.median(w['rss_mib'] for w in warm):.0f} MiB",
                f"python + tui imports {baseline['rss_mib']:.0f} MiB; cold load (parent) "
                f"{cold['rss_mib']:.0f} MiB",
                "≤ 200 MiB" if size == 10_000 else "",
            )
        )
        fresh = Path(tempfile.mkdtemp(prefix="summary-", dir=workdir))
        summary = [PY, "-m", "tui", "summary", str(corpus)]
        fresh_env = {**os.environ, "BRIEFING_CACHE_DIR": str(fresh),
                     "BRIEFING_STATE_DIR": str(fresh)}
        cold_summary = _wall(summary, env=fresh_env, repeat=1)
        warm_summary = _wall(summary, env=fresh_env, repeat=max(repeat, 3))
        shutil.rmtree(fresh, ignore_errors=True)
        rows.append(
            (
                "`briefing summary`, no cache",
                f"{size:,}",
                _fmt_s(cold_summary),
                "parses every file, ranks, renders, keeps what it can",
                "≤ 3.5 s" if size == 10_000 else "",
            )
        )
        rows.append(
            (
                "`briefing summary`, warm",
                f"{size:,}",
                _fmt_s(warm_summary),
                "the files unchanged since the last run",
                "≤ 0.5 s" if size == 10_000 else "",
            )
        )
        env = {**os.environ, "BRIEFING_CACHE_DIR": str(scratch)}
        search = [PY, "-m", "tui", "search", "kashmir", str(corpus)]
        _wall(search, env=env, repeat=1)  # brings the index in step with the files, once
        searched = _wall(search, env=env, repeat=max(repeat, 5))
        grepped = _wall(["grep", "-ril", "kashmir", str(corpus)], repeat=max(repeat, 5))
        rows.append(
            (
                "`briefing search` (a process)",
                f"{size:,}",
                _fmt_s(searched),
                f"index in step; grep -ril over the same files {_fmt_s(grepped)}",
                "≤ 0.25 s" if size == 10_000 else "",
            )
        )
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return rows


def crossover(workdir: Path) -> None:
    """Serial against process-pool parse time, by number of files: where the pool pays."""
    from tui.files.loader import discover
    from tui.store.cache import parse_files

    corpus = _corpus(workdir, 1000)
    files, _ = discover([corpus])
    print("files  serial    pool")
    for count in (8, 16, 32, 48, 64, 128, 256):
        subset = files[:count]
        times = {}
        for parallel in (False, True):
            began = time.perf_counter()
            parse_files(subset, parallel=parallel)
            times[parallel] = time.perf_counter() - began
        print(f"{count:5}  {_fmt_s(times[False]):>8}  {_fmt_s(times[True]):>8}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,30000",
                        help="corpus sizes, comma-separated (100000 on request)")
    parser.add_argument("--smoke", action="store_true", help="100 articles, few repeats")
    parser.add_argument("--queries", type=int, default=200, help="search queries (default 200)")
    parser.add_argument("--workdir", default=str(REPO / ".bench"), help="corpora and caches")
    parser.add_argument("--crossover", action="store_true", help="serial vs pool parse times")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(_child(*args.child)))
        return 0
    from first_frame import compile_package

    compile_package()
    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    if args.crossover:
        crossover(workdir)
        return 0
    sizes = [100] if args.smoke else [int(s) for s in args.sizes.split(",") if s]
    repeat = 1 if args.smoke else 3
    queries = _queries(40 if args.smoke else args.queries)
    rows: list[tuple[str, ...]] = []
    for size in sizes:
        rows.extend(measure(size, workdir, queries, repeat))
    order = list(dict.fromkeys(row[0] for row in rows))
    rows.sort(key=lambda row: order.index(row[0]))
    header = ("measure", "articles", "figure", "floor / peer (same run)", "target")
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    line = "  ".join(f"{{:<{w}}}" for w in widths)
    print(
        f"cores: {len(os.sched_getaffinity(0))}, python {sys.version.split()[0]}, "
        f"load average {os.getloadavg()[0]:.2f}"
    )
    print(line.format(*header))
    print(line.format(*("-" * w for w in widths)))
    for row in rows:
        print(line.format(*row))
    return 0


if __name__ == "__main__":
    sys.exit(main())
