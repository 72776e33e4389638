"""The printable summary of a briefing, as text, Markdown or a standalone HTML page.

Ordered as a real brief is: title and bottom line, what is new since the last brief (when
asked), key figures, quotes by speaker, then the sources. Numbered references ("[1, 2]")
tie each figure and quote to its source, listed as "Outlet, date, title" with the URL
where known. Article text is data: it is made printable (text), escaped (Markdown) or
HTML-escaped (HTML), never interpreted. Markdown is in `summary_md`, HTML in
`summary_html`, the "since" section's items in `summary_since`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from tui.model.briefing import Article, Briefing
from tui.model.dates import describe_date
from tui.reports.changes import Changes
from tui.reports.ledger import LedgerEntry, Verdict, ranked_ledger
from tui.reports.speakers import QuoteGroup, SpeakerPage, pages_of, quoted_speakers
from tui.reports.timeline import series_words
from tui.text.cells import wrap as wrap_cells
from tui.text.plural import count
from tui.text.sanitize import one_line

FORMATS = ("text", "markdown", "html")
UNCONFIRMED = "(speaker unconfirmed)"
"""After a quotation whose speaker is a guess nobody has confirmed (its quotes have `check`)."""
UNNAMED_HEADING = "Unnamed sources"
PAPERS = ("a4", "letter")


MAX_NOTES = 3
"""Under a --top limit, the references an item shows: a quotation carried by 40 outlets
cites its 3 earliest, and says how many more carried it."""


class Brief:
    """What every format prints, in order, with reference numbers assigned once.

    With a `top` limit, at most `top` key figures, speakers and quotations a speaker, each
    item citing at most MAX_NOTES articles, and only the cited articles listed as sources
    (numbered in briefing order), so that months of coverage still make a brief. Without,
    everything. Calendar years are dates, not key figures: they are left out.
    """

    def __init__(self, briefing: Briefing, top: int | None, changes: Changes | None = None) -> None:
        self.top = top = top or None
        self.briefing = briefing
        self.changes = changes
        self.ledger, total, _dates = ranked_ledger(briefing, top, dates=False)
        self.more_figures = total - len(self.ledger)
        ranked = [speaker_id for speaker_id, _ in quoted_speakers(briefing)]
        unnamed = {s.id for s in briefing.speakers if not s.named}
        people: list[str | None] = [i for i in ranked if i is not None and i not in unnamed]
        sources: list[str | None] = [i for i in ranked if i in unnamed]
        # Named people and unnamed sources are each limited to `top`.
        shown: list[str | None] = people[:top] + sources[:top] if top else people + sources
        self.more_speakers = len(people) + len(sources) - len(shown)
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

    def key_quotations(
        self, limit: int = 3, longest: int = 320
    ) -> list[tuple[SpeakerPage, QuoteGroup]]:
        """The quotations a first page shows: the most widely carried of each of the most
        quoted speakers in turn (not too long to read at a glance)."""
        chosen: list[tuple[SpeakerPage, QuoteGroup]] = []
        pools = []
        for page in self.speakers:
            if page.speaker is None:
                continue
            shown = self.shown[id(page)]
            short = [group for group in shown if len(group.text) <= longest] or list(shown)
            short.sort(key=lambda group: -len(group.articles))
            pools.append((page, short))
        while len(chosen) < limit and any(pool for _, pool in pools):
            for page, pool in pools:
                if pool and len(chosen) < limit:
                    chosen.append((page, pool.pop(0)))
        return chosen

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
        if self.changes is not None:
            from tui.reports.summary_since import since_citations

            yield from since_citations(self.changes, self.top)

    def cited(self, article_ids: Sequence[str]) -> tuple[Sequence[str], int]:
        """The articles an item cites (the first MAX_NOTES under a limit), and how many
        more carried it."""
        if self.top is None or len(article_ids) <= MAX_NOTES:
            return article_ids, 0
        return article_ids[:MAX_NOTES], len(article_ids) - MAX_NOTES

    def numbers(self, article_ids: Sequence[str]) -> tuple[list[int], int]:
        """The reference numbers an item prints, in order, and how many more articles it
        has."""
        cited, more = self.cited(article_ids)
        return sorted(self.note[a] for a in cited if a in self.note), more

    def notes(self, article_ids: Sequence[str]) -> str:
        """ "[1, 2]", "[1, 2, 3] and 2 other articles": never read as note 12."""
        numbers, more = self.numbers(article_ids)
        if not numbers:
            return _others(more).strip()
        return f"[{', '.join(map(str, numbers))}]" + _others(more)

    def counts_line(self) -> str:
        counts = self.briefing.counts
        return ", ".join(count(n, name[:-1]) for name, n in counts.items())


def _others(n: int) -> str:
    """What follows an item's references when it cites only some of its articles."""
    return f" and {count(n, 'other article')}" if n else ""


def _ids(quotation: QuoteGroup) -> list[str]:
    return [article.id for article in quotation.articles]


def verdict_text(entry: LedgerEntry) -> str:
    return "" if entry.verdict is Verdict.SINGLE else entry.describe()


def source_line(article: Article) -> str:
    """ "Dawn, 22 July 2025, Pakistan calls for ...": who, when, what (what is known)."""
    parts = (article.outlet, describe_date(article.published), article.title or article.id)
    return one_line(", ".join(part for part in parts if part))


def web_url(article: Article) -> str:
    """The article's URL when it is a web address (never javascript: or the like)."""
    url = one_line(article.url)
    return url if url.startswith(("https://", "http://")) and " " not in url else ""


_OPENERS = "“\"'‘«"
_CLOSERS = "”\"'’»"


def quotation(text: str) -> str:
    """A quotation's words as a reader should see them between quotation marks: without
    the comma that led into "he said", and with an ellipsis where it starts mid-sentence."""
    words = one_line(text).strip(_OPENERS + _CLOSERS + " ")
    while words and words[-1] in ",;:":
        words = words[:-1].rstrip()
    if words and words[0].islower():
        words = "…" + words
    return words


DEFAULT_TOP = 25


def more_words(n: int, what: str) -> str:
    """ "and 3 more figures; ..." for what a --top limit left out."""
    return f"and {count(n, 'more ' + what[:-1])}; briefing summary --all prints them all"


def render(
    briefing: Briefing,
    fmt: str = "text",
    width: int = 80,
    top: int | None = DEFAULT_TOP,
    *,
    changes: Changes | None = None,
    paper: str = "a4",
) -> str:
    """The summary in one of FORMATS: at most `top` key figures, speakers and quotations a
    speaker, and the articles they cite (None: everything), so that months of coverage
    still make a brief; opened by what is new (`changes`) when given. `paper` is the page
    size of the printed HTML: a4 or letter."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    if paper not in PAPERS:
        raise ValueError(f"unknown paper {paper!r}; use one of {', '.join(PAPERS)}")
    brief = Brief(briefing, top, changes)
    if fmt == "text":
        return _text(brief, width)
    if fmt == "markdown":
        from tui.reports.summary_md import markdown

        return markdown(brief)
    from tui.reports.summary_html import html_page

    return html_page(brief, paper)


# -- text ---------------------------------------------------------------------------------------


def _text(brief: Brief, width: int) -> str:
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

    if brief.changes is not None:
        from tui.reports.summary_since import since_text

        since_text(brief, brief.changes, wrap, heading, out)

    if brief.ledger:
        heading("Key figures")
        values = [entry.lead.display_value for entry in brief.ledger]
        column = min(max(len(value) for value in values) + 2, width // 3)
        for entry, value in zip(brief.ledger, values, strict=True):
            label = one_line(entry.label)
            verdict = verdict_text(entry)
            line = f"{label} {brief.notes(entry.article_ids)}"
            if verdict:
                line += f"; {verdict}"
            wrap(line, indent=f"  {value:<{column}}", hanging=" " * (column + 2))
            over_time = series_words(entry)
            if over_time:
                wrap(f"by date: {over_time}", indent=" " * (column + 2))
        if brief.more_figures:
            wrap(more_words(brief.more_figures, "figures"), indent="  ")

    if brief.speakers:
        heading("Quotes by speaker")
        for index, group in enumerate(brief.speakers):
            if group.speaker is None and brief.more_speakers:
                out.append("")
                wrap(more_words(brief.more_speakers, "speakers"), indent="  ")
            if group.unnamed and not (index and brief.speakers[index - 1].unnamed):
                heading(UNNAMED_HEADING)
            out.append("")
            if group.speaker is None:
                wrap("Unattributed", indent="  ")
            else:
                role = f", {group.speaker.role}" if group.speaker.role else ""
                wrap(f"{group.speaker.name}{role}", indent="  ")
            shown, more = brief.quotations(group)
            for quoted in shown:
                unsure = f" {UNCONFIRMED}" if quoted.unconfirmed else ""
                wrap(
                    f"“{quotation(quoted.text)}”{unsure} {brief.notes(_ids(quoted))}",
                    indent="    - ",
                    hanging="      ",
                )
            if more:
                wrap(more_words(more, "quotations"), indent="    ")
        if brief.more_speakers and brief.speakers[-1].speaker is not None:
            out.append("")
            wrap(more_words(brief.more_speakers, "speakers"), indent="  ")

    if brief.articles:
        heading("Sources")
        for article in brief.articles:
            note = f"[{brief.note[article.id]}] "
            url = web_url(article)
            wrap(
                f"{source_line(article)}. {url}" if url else source_line(article),
                indent=f"  {note}",
                hanging=" " * (len(note) + 2),
            )
        if brief.more_articles:
            wrap(more_words(brief.more_articles, "articles"), indent="  ")
    return "\n".join(out).rstrip() + "\n"
