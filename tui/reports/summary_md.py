"""The summary as Markdown that reads right on GitHub, in Rich and as plain text.

References are plain "[1, 2]" (no `[^1]` footnotes, which Rich and Textual print literally
and footnote-aware renderers move away from their heading), and the sources a numbered
list under "Sources": "1. Outlet, date, [title](url)".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tui.model.dates import describe_date
from tui.reports.summary import (
    UNCONFIRMED,
    UNNAMED_HEADING,
    Brief,
    more_words,
    quotation,
    source_line,
    verdict_text,
    web_url,
)
from tui.reports.summary_since import noun, since_heading, since_sections
from tui.reports.timeline import series_words
from tui.text.sanitize import one_line

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~$])")
_MD_LINE_START = re.compile(r"^(\s*)([#+\-=]|\d+(?=[.)]))")


def md(text: str) -> str:
    """Escape Markdown so article text shows as written: never a link, HTML, math or heading."""
    escaped = _MD_SPECIAL.sub(r"\\\1", one_line(text).replace("&", "&amp;"))
    return _MD_LINE_START.sub(lambda m: f"{m.group(1)}\\{m.group(2)}", escaped)


def _url(url: str) -> str:
    """A URL inside <...> of a Markdown link: no spaces, angle brackets or backslashes."""
    return url.replace("\\", "%5C").replace("<", "%3C").replace(">", "%3E")


def markdown(brief: Brief) -> str:
    briefing = brief.briefing
    info = briefing.info

    def notes(article_ids: Sequence[str]) -> str:
        cited = brief.notes(article_ids)
        return f" {cited}" if cited else ""

    out = [f"# {md(briefing.title)}", ""]
    header = [one_line(info.topic), describe_date(info.date), brief.counts_line()]
    out += [md(" · ".join(part for part in header if part)), ""]
    if info.bottom_line:
        out += ["## Bottom line", "", md(info.bottom_line), ""]
    changes = brief.changes
    if changes is not None:
        if changes.first or changes.nothing_new:
            out += [f"*{md(changes.headline())}*", ""]
        else:
            out += [f"## {md(since_heading(changes))}", ""]
            for title, items, more in since_sections(changes, brief.top):
                out += [f"**{md(title)}**", ""]
                for item in items:
                    text = f"“{md(item.text)}”" if item.quoted else md(item.text)
                    if item.quoted:
                        text = f"{md(item.lead)}: {text}"
                    elif item.lead and title != "Figures that changed":
                        text = f"**{md(item.lead)}** {text}"
                    out.append(f"- {text}{notes(item.article_ids)}")
                if more:
                    out.append(f"- *{md(more_words(more, noun(title)))}*")
                out.append("")
    if brief.ledger:
        out += ["## Key figures", "", "| Figure | What it counts | Sources |", "|---:|---|---|"]
        for entry in brief.ledger:
            cited = brief.notes(entry.article_ids)
            verdict = verdict_text(entry)
            over_time = series_words(entry)
            if over_time:
                verdict = f"{verdict}; by date: {over_time}" if verdict else over_time
            sources = f"{md(verdict)} {cited}" if verdict else cited
            out.append(f"| **{md(entry.lead.display_value)}** | {md(entry.label)} | {sources} |")
        out.append("")
        if brief.more_figures:
            out += [f"*{md(more_words(brief.more_figures, 'figures'))}*", ""]
    if brief.speakers:
        out += ["## Quotes by speaker", ""]
        more_speakers = [f"*{md(more_words(brief.more_speakers, 'speakers'))}*", ""]
        for index, group in enumerate(brief.speakers):
            if group.unnamed and not (index and brief.speakers[index - 1].unnamed):
                out += [f"## {UNNAMED_HEADING}", ""]
            if group.speaker is None:
                if brief.more_speakers:
                    out += more_speakers
                out += ["### Unattributed", ""]
            else:
                out += [f"### {md(group.speaker.name)}", ""]
                if group.speaker.role:
                    out += [f"*{md(group.speaker.role)}*", ""]
            shown, more = brief.quotations(group)
            for quoted in shown:
                ids = [article.id for article in quoted.articles]
                unsure = f" {UNCONFIRMED}" if quoted.unconfirmed else ""
                out += [f"> “{md(quotation(quoted.text))}”{unsure}{notes(ids)}", ""]
            if more:
                out += [f"*{md(more_words(more, 'quotations'))}*", ""]
        if brief.more_speakers and brief.speakers[-1].speaker is not None:
            out += more_speakers
    if brief.articles:
        out += ["## Sources", ""]
        for article in brief.articles:
            number = brief.note[article.id]
            url = web_url(article)
            line = md(source_line(article))
            if url:
                title = md(one_line(article.title or article.id))
                head = line[: len(line) - len(title)] if line.endswith(title) else f"{line}, "
                line = f"{head}[{title}](<{_url(url)}>)"
            out.append(f"{number}. {line}")
        out.append("")
        if brief.more_articles:
            out += [f"*{md(more_words(brief.more_articles, 'articles'))}*", ""]
    return "\n".join(out)
