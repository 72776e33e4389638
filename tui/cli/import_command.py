"""`briefing import`: read articles (files, pages, feeds, URLs), draft a briefing, write it.

A new briefing is written to `--output`. With `--into`, the articles a briefing lacks are
added to it without changing what its author wrote: appended at the end of its file, or
written to a new file in its folder (or beside it).
"""

from __future__ import annotations

import argparse
import datetime as dt
import glob
import os
import re
import sys
from pathlib import Path
from typing import Any

from tui.extract.draft import Draft, draft_briefing, slug
from tui.files.articles import RawArticle, article_files, read_source
from tui.files.atomic import write_atomic
from tui.files.yaml_emit import dump, dump_items
from tui.files.yaml_writer import article_data, speaker_data
from tui.model.problems import Problem
from tui.text.plural import count
from tui.text.sanitize import inert_name as inline

HEADER = """\
# Drafted by `briefing import` from {count} article file(s). Check it before you rely on it:
# quotes and their speakers, figures and what they count, and the proposed `key`s that tie
# figures across articles (marked "proposed"). `briefing check` validates your edits.
# A quote with `check:` has a speaker that is a guess: remove the line to confirm it.
"""
ADDED = """\
# Added by `briefing import` on {date}: {count}. Check them before you rely on them:
# quotes and their speakers, figures and what they count, and the proposed `key`s (marked
# "proposed"). `briefing check` validates your edits. A quote with `check:` has a
# speaker that is a guess: remove the line to confirm it.
"""
PARTIAL = (
    "# partial: the feed gives only a summary of this article, not its full text;\n"
    "# import its page for the whole article\n"
)
_KEY_LINE = re.compile(r"^(\s+key: )(\S+)$", re.M)


def _notes(draft: Draft) -> dict[str, str]:
    """Comment lines to stand above each article that needs one."""
    notes: dict[str, str] = {}
    for article in draft.briefing.articles:
        lines = PARTIAL if article.id in draft.partial else ""
        language = draft.languages.get(article.id)
        if language and not language.lower().startswith("en"):
            lines += f"# language: {language}\n"
        if lines:
            notes[article.id] = lines
    return notes


def _article_yaml(draft: Draft, data: dict[str, Any], indent: int) -> str:
    """One article as a list item, its proposed keys marked; one pass over its own text."""
    text = dump_items([data], indent)
    if "figures" not in data or not draft.proposed_keys:
        return text

    def mark(match: re.Match[str]) -> str:
        key = match.group(2)
        tied = draft.proposed_keys.get(key)
        if tied is None:
            return match.group(0)
        if key in draft.known_keys:
            return f"{match.group(0)}  # proposed: same measure as `{key}` in the briefing"
        return (
            f"{match.group(0)}  # proposed: same measure in {tied} articles; "
            "keep, rename or remove"
        )

    return _KEY_LINE.sub(mark, text)


def _articles_yaml(draft: Draft, indent: int) -> list[str]:
    notes = _notes(draft)
    pad = " " * indent
    pieces = []
    for article in draft.briefing.articles:
        note = notes.get(article.id, "")
        pieces.append("".join(f"{pad}{line}\n" for line in note.splitlines()))
        pieces.append(_article_yaml(draft, article_data(article), indent))
    return pieces


def render_draft(draft: Draft, header: str | None = None, *, info: bool = True) -> str:
    """The draft as YAML, with proposed keys marked so a person can accept or change them.

    Written in one pass, article by article: the time grows with the articles, no more."""
    briefing = draft.briefing
    parts = [header if header is not None else HEADER.format(count=len(briefing.articles))]
    if info:
        parts.append(dump({"briefing": {"title": briefing.info.title}}))
    if briefing.speakers:
        parts.append("speakers:\n" + dump_items([speaker_data(s) for s in briefing.speakers]))
    if briefing.articles:
        parts.append("articles:\n")
        parts.extend(_articles_yaml(draft, 2))
    return "".join(parts)


def read_articles(paths: list[str]) -> tuple[list[RawArticle], list[str]]:
    """The articles that `paths` name (files, folders, pages, feeds, URLs), read; and a
    message for each input that could not be."""
    articles: list[RawArticle] = []
    errors: list[str] = []
    for path in article_files(paths):
        found, problem = read_source(path)
        if problem is not None:
            errors.append(str(problem))
        for article in found:
            if article.text.strip():
                articles.append(article)
            else:
                empty = Problem(path, 1, 1, "(file)", "the article is empty; nothing to draft")
                errors.append(str(empty))
    return articles, errors


def import_command(args: argparse.Namespace) -> int:
    from tui.files.web_page import MissingExtra

    if getattr(args, "into", None) and (args.output or args.force):
        print("briefing import: --into adds to a briefing; it takes no --output or --force",
              file=sys.stderr)
        return 2
    try:
        articles, errors = read_articles(args.files)
    except MissingExtra as missing:
        print(f"briefing import: {missing}", file=sys.stderr)
        return 1
    for error in errors:
        print(error, file=sys.stderr)
    if getattr(args, "into", None):
        return _import_into(args, articles, errors)
    draft = draft_briefing(articles, args.title)
    briefing = draft.briefing
    if not briefing.articles:
        print("briefing import: no article could be read; nothing written", file=sys.stderr)
        return 1
    output = Path(
        args.output or Path("briefings") / f"{slug(briefing.info.title, 'briefing')}.yaml"
    )
    if output.exists() and not args.force:
        print(
            f"briefing import: {output} exists; choose another --output, add --force to "
            "replace it (a backup is kept), or --into to add to it",
            file=sys.stderr,
        )
        return 1
    inputs = [article.path for article in articles if os.path.exists(article.path)]
    backup = write_atomic(output, render_draft(draft), backup=args.force, inputs=inputs)
    kept = f" (backup: {backup})" if backup else ""
    print(f"wrote {inline(str(output))}: {_tally(draft)}{kept}")
    _print_notes(draft, len(articles))
    return 1 if errors else 0


def _tally(draft: Draft, new: str = "") -> str:
    briefing = draft.briefing
    counts = briefing.counts
    return ", ".join((
        count(counts["articles"], "article"), count(len(briefing.speakers), f"{new}speaker"),
        count(counts["quotes"], "quote"), count(counts["figures"], "figure"),
        count(len(draft.proposed_keys), "proposed key"),
    ))


def _print_notes(draft: Draft, read: int) -> None:
    if draft.partial:
        print(
            f"note: {count(len(draft.partial), 'article')} from feeds hold only a summary "
            "(marked `# partial` in the file); import their pages for the full text"
        )
    if draft.skipped and read:
        print(f"note: {count(len(draft.skipped), 'input')} left out as duplicates of another")


def _import_into(args: argparse.Namespace, articles: list[RawArticle], errors: list[str]) -> int:
    from tui.files.loader import load

    target = args.into
    if not os.path.exists(target):
        print(
            f"briefing import: {inline(target)}: no such briefing; name an existing briefing "
            "file or folder, or use --output to start a new one",
            file=sys.stderr,
        )
        return 1
    loaded = load(_briefing_files(target))
    if not loaded.files:
        print(f"briefing import: {inline(target)}: no briefing files there", file=sys.stderr)
        return 1
    if loaded.problems:
        print(
            f"note: {inline(target)} has {count(len(loaded.problems), 'problem')}; "
            "`briefing check` lists them (the import goes on)",
            file=sys.stderr,
        )
    if not articles:
        print("briefing import: no article could be read; nothing written", file=sys.stderr)
        return 1
    draft = draft_briefing(articles, into=loaded.briefing)
    added, already = len(draft.briefing.articles), len(draft.skipped)
    if not added:
        print(f"added 0, {already} already in the briefing; {inline(target)} is unchanged")
        return 1 if errors else 0
    inputs = [article.path for article in articles if os.path.exists(article.path)]
    written, how, note = _write_into(target, draft, inputs)
    print(
        f"added {added}, {already} already in the briefing: {how} {inline(written)}: "
        f"{_tally(draft, 'new ')}"
    )
    if note:
        print(note)
    _print_notes(draft, 0)
    return 1 if errors else 0


def _briefing_files(target: str) -> list[str]:
    """The briefing `--into` names: a folder, or a file with the files imported beside it."""
    if os.path.isdir(target):
        return [target]
    beside = Path(target).parent.glob(f"{glob.escape(Path(target).stem)}-imported-*.yaml")
    return [target, *sorted(str(path) for path in beside)]


def _write_into(target: str, draft: Draft, inputs: list[str]) -> tuple[str, str, str]:
    """Write the new articles where they can go without changing the user's text: the path
    written, how, and a note for the user when the briefing's own file was left as it is."""
    from tui.files.briefing_append import append_text, appendable, check_appended, free_name

    today = dt.date.today().isoformat()
    header = ADDED.format(date=today, count=count(len(draft.briefing.articles), "article"))
    stem = "imported-" + slug(draft.briefing.articles[0].title, "articles")[:40].strip("-")
    if os.path.isdir(target):
        path = free_name(target, stem)
        write_atomic(path, render_draft(draft, header, info=False), inputs=inputs)
        return path, "wrote the new file", ""
    layout, why = appendable(target)
    speakers = [speaker_data(s) for s in draft.briefing.speakers]
    if layout is not None and (not speakers or not layout.has_speakers):
        addition = header + "".join(_articles_yaml(draft, layout.dash_column))
        if speakers:
            addition += "speakers:\n" + dump_items(speakers)
        text = append_text(layout, addition)
        if check_appended(text, layout.articles, len(draft.briefing.articles)):
            write_atomic(target, text, backup=True, inputs=inputs)
            return target, "appended to", ""
        why = "appending would not read back as the same briefing"
    if layout is not None and speakers and layout.has_speakers:
        why = "new speakers cannot join its `speakers:` list by appending"
    folder = os.path.dirname(target) or "."
    path = free_name(folder, f"{Path(target).stem}-{stem}")
    write_atomic(path, render_draft(draft, header, info=False), inputs=inputs)
    note = (
        f"note: {inline(target)} was left as it is ({why}); the new file beside it is read "
        f"with it by the next --into; open both: briefing open {inline(target)} {inline(path)}"
    )
    return path, "wrote the new file", note
