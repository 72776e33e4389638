"""`briefing import` speed: web pages per second, and 1,000 articles against extraction alone.

Usage (from the repo root):
    .venv/bin/python benchmarks/measure_import.py [--articles N]

Pages are the test pages in tests/data/web/ (written for the tests), each read as
`import` reads it. Articles are generated from the two seed articles in tests/data/seeds/:
their paragraphs shuffled, names and numbers varied, so that every article is new text and
the speakers and figures recur across articles as in a real corpus. The import is timed
end to end (read, clean, extract, merge speakers, propose keys, write YAML) beside the
extraction alone (quotes and figures of the same texts), which is the floor.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import random
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

NAMES = (
    "Ana Ruiz", "Lea Brandt", "Omar Khan", "Priya Silva", "Jonas Fischer", "Wen Zhou",
    "Marta Lopez", "Hiro Tanaka", "Elena Petrov", "Farid Haddad", "Grace Ito", "Tomas Varga",
)
PAGE_REPEATS = 5


def seed_paragraphs() -> list[tuple[str, list[str]]]:
    seeds = []
    for path in sorted((ROOT / "tests" / "data" / "seeds").glob("*.txt")):
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
        lines = [line for line in lines if line]
        seeds.append((lines[0], lines[1:]))
    return seeds


def generate(count: int, folder: Path, seed: int = 1) -> list[str]:
    """`count` raw article files in `folder`, each a variation of a seed article."""
    rng = random.Random(seed)
    seeds = seed_paragraphs()
    texts = []
    for number in range(count):
        title, paragraphs = seeds[number % len(seeds)]
        first = rng.choice(NAMES)
        last = first.split()[-1]
        body = paragraphs[:3] + rng.sample(paragraphs[3:], len(paragraphs) - 3)
        text = "\n\n".join([f"{title} ({number})", *body]) + "\n"
        for old, new in (("Asim Iftikhar Ahmad", first), ("Ishaq Dar", first),
                         ("Ahmad", last), ("Dar ", f"{last} ")):
            text = text.replace(old, new)
        text = re.sub(
            r"\d[\d,]*",
            lambda m: str(int(m.group().replace(",", "")) + rng.randint(0, 3)),
            text,
        )
        (folder / f"a{number:05d}.txt").write_text(text, encoding="utf-8")
        texts.append(text)
    return texts


def bench_pages() -> None:
    from tui.files.articles import read_source

    pages = sorted((ROOT / "tests" / "data" / "web").glob("*.html"))
    read_source(str(pages[0]))  # load the libraries outside the timing
    size = sum(page.stat().st_size for page in pages) * PAGE_REPEATS
    start = time.perf_counter()
    for _ in range(PAGE_REPEATS):
        for page in pages:
            read_source(str(page))
    seconds = time.perf_counter() - start
    count = len(pages) * PAGE_REPEATS
    print(
        f"web pages read (text and metadata): {count / seconds:.0f} pages/s "
        f"({size / seconds / 1e6:.2f} MB/s of HTML)"
    )


def bench_articles(count: int) -> None:
    from tui.cli.main import main
    from tui.extract.clean import clean_article
    from tui.extract.figures import extract_figures
    from tui.extract.quotes.extractor import extract_quotes

    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / "articles"
        folder.mkdir()
        texts = generate(count, folder)
        megabytes = sum(len(t.encode()) for t in texts) / 1e6
        start = time.perf_counter()
        for text in texts:
            body = clean_article(text).body
            extract_quotes(body)
            extract_figures(body)
        alone = time.perf_counter() - start
        output = Path(temp) / "draft.yaml"
        start = time.perf_counter()
        with contextlib.redirect_stdout(io.StringIO()):
            status = main(["import", str(folder), "--output", str(output), "--title", "Bench"])
        whole = time.perf_counter() - start
    print(
        f"import of {count:,} articles ({megabytes:.1f} MB): {whole:.2f} s, "
        f"{count / whole:.0f} articles/s (exit {status})"
    )
    print(
        f"extraction alone of the same texts:  {alone:.2f} s, {count / alone:.0f} articles/s; "
        f"import / extraction = {whole / alone:.2f}x"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()
    try:
        bench_pages()
    except Exception as error:  # the web extra may be missing: say so, measure the rest
        print(f"web pages: skipped ({error})")
    bench_articles(args.articles)


if __name__ == "__main__":
    main()
