"""What each `briefing` command does; the parsing of arguments lives in cli.py."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, TextIO

from tui.files.config import Config
from tui.model.problems import Problem
from tui.text.plural import count

if TYPE_CHECKING:  # the loader (and PyYAML) is imported by the commands that read briefings
    from tui.cli.kept_summary import KeptSummary
    from tui.files.loader import LoadResult

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def _config(args: argparse.Namespace) -> Config:
    from tui.files.config import named_config

    named = named_config(getattr(args, "config", None))
    if named is not None and not os.path.exists(named[0]):
        from tui.cli.main import UsageError

        raise UsageError(f"briefing: {named[1]} names {named[0]}, which does not exist")
    from tui.cli.settings import read_config

    config = read_config(getattr(args, "config", None))
    _print_problems(config.problems, sys.stderr)
    return config


def _paths(args: argparse.Namespace, config: Config) -> Sequence[str]:
    return args.paths or config.briefings


def _print_problems(problems: Sequence[Problem], stream: TextIO) -> None:
    """Print every problem; a reader that stops reading (`| head -1`) does not change the
    command's exit status."""
    try:
        for problem in problems:
            print(problem, file=stream)
        stream.flush()
    except BrokenPipeError:
        from tui.cli.streams import discard_output

        discard_output()


SMALL_BRIEFING_BYTES = 512 * 1024
"""Below this, parsing the files is quicker than opening the cache (about 70 ms at most)."""


def _load(args: argparse.Namespace, config: Config) -> LoadResult:
    """Load a small briefing directly, a large one through the cache (only files changed
    since the last run are parsed again)."""
    paths = _paths(args, config)
    from tui.files.loader import discover, load

    discovered = discover(paths)
    if _smaller_than(discovered[0], SMALL_BRIEFING_BYTES):
        return load(paths)
    from tui.store.cache import load_cached

    return load_cached(paths, discovered=discovered, share=False)  # printed, then gone


def _smaller_than(files: list[str], limit: int) -> bool:
    """Whether the files add up to fewer than `limit` bytes (stops counting at the limit)."""
    total = 0
    for path in files:
        try:
            total += os.path.getsize(path)
        except OSError:
            continue
        if total >= limit:
            return False
    return True


def check(args: argparse.Namespace) -> int:
    config = _config(args)
    result = _load(args, config)
    _print_problems(result.problems, sys.stdout)
    problems = len(result.problems) + len(config.problems)
    files = len(result.files)
    counts = result.briefing.counts
    status = count(problems, "problem") if problems else "no problems"
    tally = ", ".join(count(n, name[:-1]) for name, n in counts.items())
    print(f"{status} in {count(files, 'file')} ({tally})", file=sys.stderr)
    return EXIT_PROBLEMS if problems else EXIT_OK


def summary(args: argparse.Namespace) -> int:
    from tui.cli.kept_summary import SummaryKey

    config = _config(args)
    fmt = args.format or config.summary_format
    width = args.width if args.width is not None else config.summary_width
    since = _since_argument(args.since)
    if args.paper:
        paper = args.paper
    else:
        from tui.reports.summary_html import paper_from_locale

        paper = paper_from_locale()
    top = None if args.all else args.top
    paths = list(_paths(args, config))
    key = SummaryKey(paths, (fmt, width, top, since, paper)) if since != "last" else None
    kept = key.read() if key is not None else None
    if kept is None:
        kept = _summarise(paths, args, config, fmt, width, top, since, paper)
        if key is not None:
            key.keep(kept)
    _print_problems(kept.problems, sys.stderr)
    if kept.record is None and kept.problems:
        print(
            "briefing summary: no valid article to summarise; fix the problems above "
            "(briefing check lists them)",
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
    if args.output:
        from tui.files.atomic import write_atomic

        write_atomic(args.output, kept.text, inputs=kept.files)
    else:
        sys.stdout.write(kept.text)
        sys.stdout.flush()
    if kept.record is not None:  # what the reader has now seen, for the next --since last
        from tui.reports.changes import seen_now
        from tui.store.seen import save_seen

        save_seen(paths, replace(kept.record, seen_at=seen_now()))
    return EXIT_OK


def _summarise(paths: list[str], args: argparse.Namespace, config: Config, fmt: str,
               width: int, top: int | None, since: str | None, paper: str) -> KeptSummary:
    """Read the files and write the summary (`summary` prints it)."""
    from tui.cli.kept_summary import KeptSummary
    from tui.reports.summary import render

    result = _load(args, config)
    problems, files = tuple(result.problems), tuple(result.files)
    if not result.briefing.articles and result.problems:
        return KeptSummary("", problems, files, None)
    changes = None
    if since == "last":
        from tui.reports.changes import compare
        from tui.store.seen import load_seen

        changes = compare(result.briefing, load_seen(paths))
    elif since:
        from tui.reports.changes import since_date

        changes = since_date(result.briefing, since)
    text = render(result.briefing, fmt, width, top=top, changes=changes, paper=paper)
    record = None
    if result.briefing.articles:
        from tui.reports.changes import record_of

        record = record_of(result.briefing, by="summary")
    return KeptSummary(text, problems, files, record)


def _since_argument(value: str | None) -> str | None:
    """--since: "last", or a date as the format writes them (2025, 2025-07, 2025-07-01)."""
    import re

    if value is None or value == "last":
        return value
    if not re.fullmatch(r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?", value):
        from tui.cli.main import UsageError

        raise UsageError(
            f"briefing summary: --since takes 'last' or a date such as 2025-07-01 or "
            f"2025-07, not {value!r}"
        )
    return value


def schema(args: argparse.Namespace) -> int:
    import json

    from tui.model.schema import json_schema

    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
    return EXIT_OK


def open_dashboard(args: argparse.Namespace) -> int:
    from tui.cli.first_run import SAMPLE_BRIEFING, SAMPLE_NOTE, is_first_run

    config = _config(args)
    from tui.dashboard.app import run_dashboard

    if is_first_run(args.paths, config):
        return run_dashboard([str(SAMPLE_BRIEFING)], config, debug=args.debug, note=SAMPLE_NOTE)
    return run_dashboard(list(_paths(args, config)), config, debug=args.debug)


def serve(args: argparse.Namespace) -> int:
    config = _config(args)
    from tui.cli.first_run import SAMPLE_BRIEFING, is_first_run
    from tui.dashboard.serve import serve as serve_dashboard

    given = [str(SAMPLE_BRIEFING)] if is_first_run(args.paths, config) else _paths(args, config)
    settings = os.path.abspath(args.config) if args.config else None
    return serve_dashboard([os.path.abspath(p) for p in given], settings, args.host, args.port)


def extract(args: argparse.Namespace) -> int:
    import json

    from tui.extract.record import extraction_record
    from tui.files.articles import read_article

    status = EXIT_OK
    for path in args.files:
        article, problem = read_article(path)
        if article is None:
            print(problem, file=sys.stderr)
            status = EXIT_PROBLEMS
            continue
        print(json.dumps(extraction_record(article.id, article.text), ensure_ascii=False))
    return status


def import_articles(args: argparse.Namespace) -> int:
    from tui.cli.import_command import import_command

    return import_command(args)


def search(args: argparse.Namespace) -> int:
    import json

    from tui.search.freshness import files_signature
    from tui.search.service import fresh_index

    if args.limit < 1:
        print("briefing search: --limit must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    config = _config(args)
    paths = list(_paths(args, config))
    # the files' stat data tell whether the index is in step: then nothing is loaded
    signature = files_signature(paths)
    found = fresh_index(paths, signature.digest)
    fallback = None
    if found is not None:
        index, problems = found[0], int(found[1]) if found[1].isdigit() else 0
    else:
        from tui.search.service import index_of
        from tui.store.cache import load_cached

        result = load_cached(paths)
        problems = len(result.problems)
        index, fallback = index_of(
            paths,
            result.briefing,
            signature=signature.digest if signature.settled else None,
            note=str(problems),
        )
    if problems:
        print(
            f"briefing search: {count(problems, 'problem')} in the files "
            "(briefing check lists them)",
            file=sys.stderr,
        )
    if fallback is not None:
        print(f"briefing search: searching an index in memory: {fallback}", file=sys.stderr)
    with index:
        hits = index.search(args.query, limit=args.limit)
    for hit in hits:
        if args.json:
            print(json.dumps(hit.as_dict(), ensure_ascii=False))
        else:
            place = hit.article_id or hit.speaker_id or ""
            if hit.start is not None:
                place += f":{hit.start}-{hit.end}"
            print(f"{hit.kind:<7}  {hit.title}  [{place}]\n         {hit.snippet}")
    return EXIT_OK if hits else EXIT_PROBLEMS
