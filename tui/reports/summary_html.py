"""The summary as one standalone HTML page that prints as a document to hand over.

Printed (a browser's "Print", or headless), it is A4 or Letter (`@page` size), numbered
"Page 1 of 3" with the briefing's title at the foot, and its first page holds what a
principal reads if nothing else: the bottom line, what is new (when asked), the top key
figures and the most important quotations. Everything else follows from page two: the
rest of the figures, every quotation by speaker, and the numbered sources ("Outlet, date,
title" and the URL). References read "1, 2", never "12".
"""

from __future__ import annotations

import html
import os
from collections.abc import Sequence

from tui.model.dates import describe_date
from tui.reports.ledger import LedgerEntry, Verdict
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

FIRST_PAGE_FIGURES = 8
"""Key figures on the first page; the rest follow on the next pages."""
FIRST_PAGE_QUOTES = 3

_LETTER_TERRITORIES = {
    "US",
    "CA",
    "MX",
    "PH",
    "CL",
    "CO",
    "VE",
    "GT",
    "CR",
    "PR",
    "SV",
    "NI",
    "PA",
    "DO",
    "BZ",
}
"""Where Letter paper is the norm (the rest of the world uses A4)."""


def paper_from_locale(environ: os._Environ[str] | dict[str, str] | None = None) -> str:
    """ "letter" where the locale's territory uses Letter paper (en_US, fr_CA...), else "a4"."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_PAPER", "LANG"):
        value = env.get(name, "")
        if value:
            territory = value.split(".")[0].split("@")[0].partition("_")[2].upper()
            return "letter" if territory in _LETTER_TERRITORIES else "a4"
    return "a4"


_CSS = """
:root { color-scheme: light; --ink: #1b1f24; --muted: #5b636e; --rule: #d5d9de;
        --mark: #b3261e; --new: #0b6b3a; }
* { box-sizing: border-box; }
body { font: 11pt/1.45 Georgia, "Times New Roman", serif; color: var(--ink);
       max-width: 46em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 1.7em; line-height: 1.2; margin: 0 0 .2em; }
h2 { font: 600 .95em/1.3 system-ui, sans-serif; text-transform: uppercase;
     letter-spacing: .06em; border-bottom: 1px solid var(--rule); padding-bottom: .2em;
     margin: 1.6em 0 .6em; }
h3 { font-size: 1.05em; margin: 1.1em 0 .2em; }
h4 { font: 600 .9em system-ui, sans-serif; margin: .8em 0 .2em; }
.meta, .role, .notes, .sources, .cite, .when { color: var(--muted); }
.meta { font: .9em system-ui, sans-serif; }
.role { margin: 0 0 .4em; font-style: italic; }
.bottom-line { font-size: 1.1em; border-left: 4px solid var(--ink); padding-left: .8em; }
table { border-collapse: collapse; width: 100%; }
td { padding: .3em .6em .3em 0; vertical-align: top; border-bottom: 1px solid var(--rule); }
td.value { font: 700 1.05em system-ui, sans-serif; text-align: right; white-space: nowrap; }
td.sources { font-size: .9em; }
.differ { color: var(--mark); }
.over-time { font: .85em system-ui, sans-serif; color: var(--muted); }
blockquote { margin: .4em 0 .8em 1.2em; padding-left: .8em; border-left: 3px solid var(--rule); }
blockquote .who { display: block; font: .85em system-ui, sans-serif; color: var(--muted); }
.cite { font: .75em system-ui, sans-serif; vertical-align: super; line-height: 0;
        white-space: nowrap; }
.cite a { color: inherit; }
.since { border: 1px solid var(--new); border-radius: 4px; padding: .2em .9em .5em; }
.since h2 { color: var(--new); border: none; margin-top: .6em; }
.since ul { margin: .2em 0 .4em; padding-left: 1.2em; }
ol.sources li { margin-bottom: .4em; }
.url { font: .85em system-ui, sans-serif; word-break: break-all; }
.first-page { break-after: page; page-break-after: always; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 10pt; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  tr, blockquote, li, .speaker-head { break-inside: avoid; page-break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
"""


def _page_css(paper: str, title: str) -> str:
    size = "A4" if paper == "a4" else "letter"
    return (
        f"@page {{ size: {size}; margin: 18mm 18mm 20mm;\n"
        '  @bottom-left { content: "' + _css_string(title) + '"; font: 8pt system-ui, '
        "sans-serif; color: #5b636e; }\n"
        '  @bottom-right { content: "Page " counter(page) " of " counter(pages); '
        "font: 8pt system-ui, sans-serif; color: #5b636e; }\n}\n"
    )


def _css_string(text: str) -> str:
    """Text inside a CSS double-quoted string: everything but plain letters, digits and
    spaces as a hexadecimal escape, so no article text can end the string or the rule."""
    out = []
    for char in one_line(text)[:80]:
        out.append(
            char if char.isascii() and (char.isalnum() or char == " ") else f"\\{ord(char):x} "
        )
    return "".join(out)


def _h(text: str) -> str:
    return html.escape(one_line(text), quote=True)


def html_page(brief: Brief, paper: str) -> str:
    briefing = brief.briefing
    info = briefing.info

    def cite(article_ids: Sequence[str]) -> str:
        numbers, more = brief.numbers(article_ids)
        links = ", ".join(f'<a href="#source-{n}">{n}</a>' for n in numbers)
        notes = f'<span class="cite">{links}</span>' if links else ""
        return notes + (f'<span class="notes">{_h(_others(more))}</span>' if more else "")

    def figure_rows(entries: Sequence[LedgerEntry]) -> list[str]:
        rows = ["<table>"]
        for entry in entries:
            verdict = verdict_text(entry)
            css = "sources differ" if entry.verdict is Verdict.DIFFER else "sources"
            over_time = series_words(entry)
            timeline = f'<div class="over-time">{_h(over_time)}</div>' if over_time else ""
            rows.append(
                f'<tr><td class="value">{_h(entry.lead.display_value)}</td>'
                f"<td>{_h(entry.label)}{cite(entry.article_ids)}{timeline}</td>"
                f'<td class="{css}">{_h(verdict)}</td></tr>'
            )
        rows.append("</table>")
        return rows

    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_h(briefing.title)}</title>",
        f"<style>{_page_css(paper, briefing.title)}{_CSS}</style>",
        "</head>",
        "<body>",
        '<section class="first-page">',
        f"<h1>{_h(briefing.title)}</h1>",
    ]
    header = [one_line(info.topic), describe_date(info.date), brief.counts_line()]
    out.append(f'<p class="meta">{_h(" · ".join(part for part in header if part))}</p>')
    if info.bottom_line:
        out += ["<h2>Bottom line</h2>", f'<p class="bottom-line">{_h(info.bottom_line)}</p>']
    if brief.changes is not None:
        out += _since(brief, cite)
    first = brief.ledger[:FIRST_PAGE_FIGURES]
    rest = brief.ledger[FIRST_PAGE_FIGURES:]
    if first:
        out += ["<h2>Key figures</h2>", *figure_rows(first)]
        if not rest and brief.more_figures:
            out.append(f'<p class="meta">{_h(more_words(brief.more_figures, "figures"))}</p>')
    key_quotes = brief.key_quotations(FIRST_PAGE_QUOTES)
    if key_quotes:
        out.append("<h2>Key quotations</h2>")
        for speaker_page, quoted in key_quotes:
            speaker = speaker_page.speaker
            who = speaker_page.name + (f", {speaker.role}" if speaker and speaker.role else "")
            ids = [article.id for article in quoted.articles]
            unsure = f" {UNCONFIRMED}" if quoted.unconfirmed else ""
            out.append(
                f"<blockquote>“{_h(quotation(quoted.text))}”{unsure}{cite(ids)}"
                f'<span class="who">— {_h(who)}</span></blockquote>'
            )
    out.append("</section>")
    if rest:
        out += ["<h2>More figures</h2>", *figure_rows(rest)]
        if brief.more_figures:
            out.append(f'<p class="meta">{_h(more_words(brief.more_figures, "figures"))}</p>')
    if brief.speakers:
        out.append("<h2>Quotes by speaker</h2>")
        more_speakers = f'<p class="meta">{_h(more_words(brief.more_speakers, "speakers"))}</p>'
        for index, group in enumerate(brief.speakers):
            if group.speaker is None and brief.more_speakers:
                out.append(more_speakers)
            if group.unnamed and not (index and brief.speakers[index - 1].unnamed):
                out.append(f"<h2>{UNNAMED_HEADING}</h2>")
            out.append('<section class="speaker">')
            out.append('<div class="speaker-head">')
            out.append(f"<h3>{_h(group.name)}</h3>")
            if group.speaker and group.speaker.role:
                out.append(f'<p class="role">{_h(group.speaker.role)}</p>')
            shown, more = brief.quotations(group)
            quotes = [
                f"<blockquote>“{_h(quotation(q.text))}”"
                f"{' ' + UNCONFIRMED if q.unconfirmed else ''}"
                f"{cite([a.id for a in q.articles])}</blockquote>"
                for q in shown
            ]
            # The speaker's name never ends a page alone: it keeps its first quotation.
            out += [*quotes[:1], "</div>", *quotes[1:]]
            if more:
                out.append(f'<p class="meta">{_h(more_words(more, "quotations"))}</p>')
            out.append("</section>")
        if brief.more_speakers and brief.speakers[-1].speaker is not None:
            out.append(more_speakers)
    if brief.articles:
        out += ["<h2>Sources</h2>", '<ol class="sources">']
        for article in brief.articles:
            number = brief.note[article.id]
            url = web_url(article)
            line = _h(source_line(article))
            if url:
                href = html.escape(url, quote=True)
                line += f'<br><a class="url" href="{href}">{href}</a>'
            out.append(f'<li id="source-{number}" value="{number}">{line}</li>')
        out.append("</ol>")
        if brief.more_articles:
            out.append(f'<p class="meta">{_h(more_words(brief.more_articles, "articles"))}</p>')
    out += ["</body>", "</html>", ""]
    return "\n".join(out)


def _others(n: int) -> str:
    from tui.text.plural import count

    return f" and {count(n, 'other article')}" if n else ""


def _since(brief: Brief, cite: object) -> list[str]:
    changes = brief.changes
    assert changes is not None and callable(cite)
    if changes.first or changes.nothing_new:
        return [f'<p class="meta since-none">{_h(changes.headline())}</p>']
    out = ['<section class="since">', f"<h2>{_h(since_heading(changes))}</h2>"]
    for title, items, more in since_sections(changes, brief.top):
        out += [f"<h4>{_h(title)}</h4>", "<ul>"]
        for item in items:
            if item.quoted:
                text = f"{_h(item.lead)}: “{_h(item.text)}”"
            elif item.lead and title != "Figures that changed":
                text = f"<strong>{_h(item.lead)}</strong> {_h(item.text)}"
            else:
                text = _h(item.text)
            out.append(f"<li>{text}{cite(item.article_ids)}</li>")
        if more:
            out.append(f'<li class="meta">{_h(more_words(more, noun(title)))}</li>')
        out.append("</ul>")
    out.append("</section>")
    return out
