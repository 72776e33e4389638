"""`briefing import`: read article files, draft a briefing from them, write it as YAML."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from tui.extract.draft import Draft, draft_briefing, slug
from tui.files.articles import RawArticle, article_files, read_article
from tui.files.atomic import write_atomic
from tui.files.yaml_writer import dump_briefing
from tui.model.problems import Problem
from tui.text.plural import count
from tui.text.sanitize import inert_name as inline

HEADER = """\
# Drafted by `briefing import` from {count} article file(s). Check it before you rely on it:
# quotes and their speakers, figures and what they count, and the proposed `key`s that tie
# figures across articles (marked "proposed"). `briefing check` validates your edits.
"""


def render_draft(draft: Draft) -> str:
    """The draft as YAML, with proposed keys marked so a person can accept or change them."""
    text = dump_briefing(draft.briefing, HEADER.format(count=len(draft.briefing.articles)))
    for key, tied in draft.proposed_keys.items():
        text = re.sub(
            rf"^(\s+key: {re.escape(key)})$",
            rf"\1  # proposed: same measure in {tied} articles; keep, rename or remove",
            text,
            flags=re.M,
        )
    return text


def read_articles(paths: list[str]) -> tuple[list[RawArticle], list[str]]:
    """The article files named by `paths`, read; and a message for each that could not be."""
    articles: list[RawArticle] = []
    errors: list[str] = []
    for path in article_files(paths):
        article, problem = read_article(path)
        if article is None:
            errors.append(str(problem))
        elif not article.text.strip():
            empty = Problem(path, 1, 1, "(file)", "the article is empty; nothing to draft")
            errors.append(str(empty))
        else:
            articles.append(article)
    return articles, errors


def import_command(args: argparse.Namespace) -> int:
    articles, errors = read_articles(args.files)
    for error in errors:
        print(error, file=sys.stderr)
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
            f"briefing import: {output} exists; choose another --output, or add --force to "
            "replace it (a backup is kept)",
            file=sys.stderr,
        )
        return 1
    inputs = [article.path for article in articles]
    backup = write_atomic(output, render_draft(draft), backup=args.force, inputs=inputs)
    counts = briefing.counts
    tally = ", ".join((
        count(counts["articles"], "article"), count(len(briefing.speakers), "speaker"),
        count(counts["quotes"], "quote"), count(counts["figures"], "figure"),
        count(len(draft.proposed_keys), "proposed key"),
    ))
    print(f"wrote {inline(str(output))}: {tally}" + (f" (backup: {backup})" if backup else ""))
    return 1 if errors else 0
