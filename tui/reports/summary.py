"""The printable summary of a briefing, as text, Markdown or a standalone HTML page.

Ordered as a real brief is: title and bottom line, key figures, quotes by
speaker, then the articles. Footnote numbers tie each figure and quote to its
article. Article text is data: it is made printable (text), escaped
(Markdown) or HTML-escaped (HTML), never interpreted.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from tui.model.briefing import Article, Briefing
from tui.model.dates import describe_date
from tui.reports.ledger import LedgerEntry, Verdict, top_of_ledger
from tui.reports.speakers import QuoteGroup, SpeakerPage, pages_of, quoted_speakers
from tui.text.cells import wrap as wrap_cells
from tui.text.plural import count
from tui.text.sanitize import one_line

FORMATS = ("text", "markdown", "html")


MAX_NOTES = 3
"""Under a --top limit, the footnotes an item shows: a quotation carried by 40 outlets
cites its 3 earliest, and says how many more carried it."""


class _Brief:
    """What every format prints, in order, with footnote numbers assigned once.

    With a `top` limit, at most `top` key figures, speakers and quotations a speaker, each
    item citing at most MAX_NOTES articles, and only the cited articles listed as footnotes
    (numbered in briefing order), so that months of coverage still make a brief. Without,
    everything.
    """

    def __init__(self, briefing: Briefing, top: int | None) -> None:
        self.top = top = top or None
        self.briefing = briefing
        self.ledger, total = top_of_ledger(briefing, top)
        self.more_figures = total - len(self.ledger)
        ranked = [speaker_id for speaker_id, _ in quoted_speakers(briefing)]
        named = [speaker_id for speaker_id in ranked if speaker_id is not None]
        shown = named[:top] if top else named
        self.more_speakers = len(named) - len(shown)
        # Grouping quotations is the costly part of a page: only for the speakers printed.
        self.speakers = pages_of(briefing, shown + [None] * (None in ranked))
        self.shown = {id(page): self._quotations(page) for page in self.speakers}
        self.articles = self._articles()
        self.more_articles = len(briefing.articles) - len(self.articles)
        self.note = {article.id: number for number, article in enumerate(self.articles, 1)}

    def _quotations(self, page: SpeakerPage) -> tuple[QuoteGroup, ...]:
        """The `top` quotations carried by most articles (the earliest of equals), in the
        page's order."""
        groups = page.groups
        if self.top is None or len(groups) <= self.top:
            return groups
        carried = sorted(range(len(groups)), key=lambda index: -len(groups[index].articles))
        return tuple(groups[index] for index in sorted(carried[: self.top]))

    def quotations(self, page: SpeakerPage) -> tuple[tuple[QuoteGroup, ...], int]:
        """The quotations to print for a speaker, and how many more there are."""
        shown = self.shown[id(page)]
        return shown, len(page.groups) - len(shown)

    def _articles(self) -> list[Article]:
        """The articles to list: all of them without a limit or when they are no more than
        it, else only those the printed items cite."""
        articles = self.briefing.articles
        if self.top is None or len(articles) <= self.top:
            return list(articles)
        cited = {article_id for ids in self._citations() for article_id in self.cited(ids)[0]}
        return [article for article in articles if article.id in cited]

    def _citations(self) -> Iterator[Sequence[str]]:
        for entry in self.ledger:
            yield entry.article_ids
        for page in self.speakers:
            for quotation in self.shown[id(page)]:
                yield _ids(quotation)

    def cited(self, article_ids: Sequence[str]) -> tuple[Sequence[str], int]:
        """The articles an item cites (the first MAX_NOTES under a limit), and how many
        more carried it."""
        if self.top is None or len(article_ids) <= MAX_NOTES:
            return article_ids, 0
        return article_ids[:MAX_NOTES], len(article_ids) - MAX_NOTES

    def numbers(self, article_ids: Sequence[str]) -> tuple[list[int], int]:
        """The footnote numbers an item prints, in order, and how many more articles it has."""
        cited, more = self.cited(article_ids)
        return sorted(self.note[article_id] for article_id in cited), more

    def notes(self, article_ids: Sequence[str]) -> str:
        numbers, more = self.numbers(article_ids)
        return "".join(f"[{number}]" for number in numbers) + _others(more)

    def counts_line(self) -> str:
        counts = self.briefing.counts
        return ", ".join(count(n, name[:-1]) for name, n in counts.items())


def _others(n: int) -> str:
    """What follows an item's footnotes when it cites only some of its articles."""
    return f" and {count(n, 'other article')}" if n else ""


def _ids(quotation: QuoteGroup) -> list[str]:
    return [article.id for article in quotation.articles]


def _verdict_text(entry: LedgerEntry) -> str:
    return "" if entry.verdict is Verdict.SINGLE else entry.describe()


def _article_line(article: Article) -> tuple[str, str]:
    details = [part for part in (article.outlet, describe_date(article.published)) if part]
    return one_line(article.title), one_line(", ".join(details))


DEFAULT_TOP = 25


def _more(n: int, what: str) -> str:
    """ "and 3 more figures; ..." for what a --top limit left out."""
    return f"and {count(n, 'more ' + what[:-1])}; briefing summary --all prints them all"


def render(
    briefing: Briefing, fmt: str = "text", width: int = 80, top: int | None = DEFAULT_TOP
) -> str:
    """The summary in one of FORMATS: at most `top` key figures, speakers and quotations a
    speaker, and the articles they cite (None: everything), so that months of coverage
    still make a brief."""
    brief = _Brief(briefing, top)
    if fmt == "text":
        return _text(brief, width)
    if fmt == "markdown":
        return _markdown(brief)
    if fmt == "html":
        return _html(brief)
    raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")


# -- text ---------------------------------------------------------------------------------------


def _text(brief: _Brief, width: int) -> str:
    briefing = brief.briefing
    info = briefing.info
    out: list[str] = []

    def wrap(text: str, indent: str = "", hanging: str | None = None) -> None:
        out.extend(wrap_cells(one_line(text), width, indent, hanging))

    def heading(title: str) -> None:
        out.extend(["", title.upper(), "=" * min(len(title), width)])

    title = one_line(briefing.title)
    out.extend(wrap_cells(title.upper() or "BRIEFING", width))
    header = [one_line(info.topic), describe_date(info.date), brief.counts_line()]
    wrap(" | ".join(part for part in header if part))
    if info.bottom_line:
        heading("Bottom line")
        wrap(info.bottom_line)

    if brief.ledger:
        heading("Key figures")
        values = [entry.lead.display_value for entry in brief.ledger]
        column = min(max(len(value) for value in values) + 2, width // 3)
        for entry, value in zip(brief.ledger, values, strict=True):
            label = one_line(entry.label)
            verdict = _verdict_text(entry)
            line = f"{label} {brief.notes(entry.article_ids)}"
            if verdict:
                line += f"; {verdict}"
            wrap(line, indent=f"  {value:<{column}}", hanging=" " * (column + 2))
        if brief.more_figures:
            wrap(_more(brief.more_figures, "figures"), indent="  ")

    if brief.speakers:
        heading("Quotes by speaker")
        for group in brief.speakers:
            if group.speaker is None and brief.more_speakers:
                out.append("")
                wrap(_more(brief.more_speakers, "speakers"), indent="  ")
            out.append("")
            if group.speaker is None:
                wrap("Unattributed", indent="  ")
            else:
                role = f", {group.speaker.role}" if group.speaker.role else ""
                wrap(f"{group.speaker.name}{role}", indent="  ")
            shown, more = brief.quotations(group)
            for quotation in shown:
                wrap(
                    f"“{quotation.text}” {brief.notes(_ids(quotation))}",
                    indent="    - ",
                    hanging="      ",
                )
            if more:
                wrap(_more(more, "quotations"), indent="    ")
        if brief.more_speakers and brief.speakers[-1].speaker is not None:
            out.append("")
            wrap(_more(brief.more_speakers, "speakers"), indent="  ")

    if brief.articles:
        heading("Articles")
        for article in brief.articles:
            name, details = _article_line(article)
            note = f"[{brief.note[article.id]}] "
            wrap(
                f"{name}. {details}" if details else name,
                indent=f"  {note}",
                hanging=" " * (len(note) + 2),
            )
        if brief.more_articles:
            wrap(_more(brief.more_articles, "articles"), indent="  ")
    return "\n".join(out).rstrip() + "\n"


# -- markdown -----------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~$])")
_MD_LINE_START = re.compile(r"^(\s*)([#+\-=]|\d+(?=[.)]))")


def _md(text: str) -> str:
    """Escape Markdown so article text shows as written: never a link, HTML, math or heading."""
    escaped = _MD_SPECIAL.sub(r"\\\1", one_line(text).replace("&", "&amp;"))
    return _MD_LINE_START.sub(lambda m: f"{m.group(1)}\\{m.group(2)}", escaped)


def _markdown(brief: _Brief) -> str:
    briefing = brief.briefing
    info = briefing.info

    def notes(article_ids: Sequence[str]) -> str:
        numbers, more = brief.numbers(article_ids)
        return "".join(f"[^{n}]" for n in numbers) + _others(more)

    out = [f"# {_md(briefing.title)}", ""]
    header = [one_line(info.topic), describe_date(info.date), brief.counts_line()]
    out += [_md(" · ".join(part for part in header if part)), ""]
    if info.bottom_line:
        out += ["## Bottom line", "", _md(info.bottom_line), ""]
    if brief.ledger:
        out += ["## Key figures", "", "| Figure | What it counts | Sources |", "|---:|---|---|"]
        for entry in brief.ledger:
            cited = notes(entry.article_ids)
            verdict = _verdict_text(entry)
            sources = f"{_md(verdict)} {cited}" if verdict else cited
            out.append(f"| **{_md(entry.lead.display_value)}** | {_md(entry.label)} | {sources} |")
        out.append("")
        if brief.more_figures:
            out += [f"*{_md(_more(brief.more_figures, 'figures'))}*", ""]
    if brief.speakers:
        out += ["## Quotes by speaker", ""]
        more_speakers = [f"*{_md(_more(brief.more_speakers, 'speakers'))}*", ""]
        for group in brief.speakers:
            if group.speaker is None:
                if brief.more_speakers:
                    out += more_speakers
                out += ["### Unattributed", ""]
            else:
                out += [f"### {_md(group.speaker.name)}", ""]
                if group.speaker.role:
                    out += [f"*{_md(group.speaker.role)}*", ""]
            shown, more = brief.quotations(group)
            for quotation in shown:
                out += [f"> “{_md(quotation.text)}”{notes(_ids(quotation))}", ""]
            if more:
                out += [f"*{_md(_more(more, 'quotations'))}*", ""]
        if brief.more_speakers and brief.speakers[-1].speaker is not None:
            out += more_speakers
    if brief.articles:
        out += ["## Articles", ""]
        for article in brief.articles:
            name, details = _article_line(article)
            text = f"{_md(name)}. {_md(details)}" if details else _md(name)
            out.append(f"[^{brief.note[article.id]}]: {text}")
        out.append("")
        if brief.more_articles:
            out += [f"*{_md(_more(brief.more_articles, 'articles'))}*", ""]
    return "\n".join(out)


# -- html ---------------------------------------------------------------------------------------

_CSS = """
:root { color-scheme: light; --ink: #1b1f24; --muted: #5b636e; --rule: #d5d9de; --mark: #b3261e; }
* { box-sizing: border-box; }
body { font: 11pt/1.5 Georgia, "Times New Roman", serif; color: var(--ink);
       max-width: 46em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 1.8em; margin: 0 0 .2em; }
h2 { font: 600 1em/1.3 system-ui, sans-serif; text-transform: uppercase; letter-spacing: .06em;
     border-bottom: 1px solid var(--rule); padding-bottom: .2em; margin-top: 2em; }
h3 { font-size: 1.05em; margin: 1.2em 0 .2em; }
.meta, .role, .notes, .sources { color: var(--muted); }
.bottom-line { font-size: 1.1em; }
table { border-collapse: collapse; width: 100%; }
td { padding: .3em .6em .3em 0; vertical-align: top; border-bottom: 1px solid var(--rule); }
td.value { font: 700 1.1em system-ui, sans-serif; text-align: right; white-space: nowrap; }
.differ { color: var(--mark); }
blockquote { margin: .4em 0 .8em 1.2em; padding-left: .8em; border-left: 3px solid var(--rule); }
sup { font-size: .7em; }
ol.articles li { margin-bottom: .4em; }
@page { margin: 2cm; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  tr, blockquote, li, .speaker { break-inside: avoid; page-break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
"""


def _h(text: str) -> str:
    import html

    return html.escape(one_line(text), quote=True)


def _html(brief: _Brief) -> str:
    import html

    briefing = brief.briefing
    info = briefing.info

    def sup(article_ids: Sequence[str]) -> str:
        numbers, more = brief.numbers(article_ids)
        notes = "".join(f'<sup><a href="#article-{n}">{n}</a></sup>' for n in numbers)
        return notes + (f'<span class="notes">{_h(_others(more))}</span>' if more else "")

    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_h(briefing.title)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        f"<h1>{_h(briefing.title)}</h1>",
    ]
    header = [one_line(info.topic), describe_date(info.date), brief.counts_line()]
    out.append(f'<p class="meta">{_h(" · ".join(part for part in header if part))}</p>')
    if info.bottom_line:
        out += ["<h2>Bottom line</h2>", f'<p class="bottom-line">{_h(info.bottom_line)}</p>']
    if brief.ledger:
        out += ["<h2>Key figures</h2>", "<table>"]
        for entry in brief.ledger:
            verdict = _verdict_text(entry)
            css = (
                ' class="sources differ"' if entry.verdict is Verdict.DIFFER else ' class="sources"'
            )
            out.append(
                f'<tr><td class="value">{_h(entry.lead.display_value)}</td>'
                f"<td>{_h(entry.label)}{sup(entry.article_ids)}</td>"
                f"<td{css}>{_h(verdict)}</td></tr>"
            )
        out.append("</table>")
        if brief.more_figures:
            out.append(f'<p class="meta">{_h(_more(brief.more_figures, "figures"))}</p>')
    if brief.speakers:
        out.append("<h2>Quotes by speaker</h2>")
        more_speakers = f'<p class="meta">{_h(_more(brief.more_speakers, "speakers"))}</p>'
        for group in brief.speakers:
            if group.speaker is None and brief.more_speakers:
                out.append(more_speakers)
            out.append('<section class="speaker">')
            name = group.speaker.name if group.speaker else "Unattributed"
            out.append(f"<h3>{_h(name)}</h3>")
            if group.speaker and group.speaker.role:
                out.append(f'<p class="role">{_h(group.speaker.role)}</p>')
            shown, more = brief.quotations(group)
            for quotation in shown:
                out.append(f"<blockquote>“{_h(quotation.text)}”{sup(_ids(quotation))}</blockquote>")
            if more:
                out.append(f'<p class="meta">{_h(_more(more, "quotations"))}</p>')
            out.append("</section>")
        if brief.more_speakers and brief.speakers[-1].speaker is not None:
            out.append(more_speakers)
    if brief.articles:
        out += ["<h2>Articles</h2>", '<ol class="articles">']
        for article in brief.articles:
            name, details = _article_line(article)
            link = _h(name)
            if article.url.startswith(("https://", "http://")):
                link = f'<a href="{html.escape(article.url, quote=True)}">{link}</a>'
            suffix = f'. <span class="meta">{_h(details)}</span>' if details else ""
            out.append(f'<li id="article-{brief.note[article.id]}">{link}{suffix}</li>')
        out.append("</ol>")
        if brief.more_articles:
            out.append(f'<p class="meta">{_h(_more(brief.more_articles, "articles"))}</p>')
    out += ["</body>", "</html>", ""]
    return "\n".join(out)
