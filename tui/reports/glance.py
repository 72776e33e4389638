"""What the summary's first screen shows: the title, the counts and the key-figure panels.

A `Glance` is small and stands on its own: its key figures' articles are kept without their
bodies, quotations or figures, and each panel's sources line is written out. That makes it
cheap to store beside the load cache (keyed by the files' signature) and to read back before
the dashboard's first frame, so that a warm open shows the key figures at once and reads
the whole briefing after.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from tui.model.briefing import Article, Briefing, BriefingInfo
from tui.model.dates import describe_date
from tui.reports.ledger import KeyFigures, LedgerEntry, Sighting
from tui.text.sanitize import one_line


@dataclass(frozen=True, slots=True)
class Glance:
    """A briefing's first screen; `key_figures` is None until they are ranked."""

    title: str
    info: BriefingInfo
    counts: dict[str, int]
    key_figures: KeyFigures | None = None
    sources: tuple[str, ...] = ()
    """Each key figure's sources line ("22 July 2025 · Dawn, Reuters"), in panel order."""

    @classmethod
    def of(cls, briefing: Briefing, key_figures: KeyFigures | None = None) -> Glance:
        sources = tuple(sources_line(entry, briefing) for entry in key_figures.entries) \
            if key_figures is not None else ()
        return cls(briefing.title, briefing.info, briefing.counts, key_figures, sources)

    @property
    def empty(self) -> bool:
        """Whether the briefing has no article."""
        return not self.counts.get("articles")

    def detached(self) -> Glance:
        """The same glance holding no article's text: what is worth storing."""
        if self.key_figures is None:
            return self
        light: dict[str, Article] = {}

        def lighten(article: Article) -> Article:
            kept = light.get(article.id)
            if kept is None:
                kept = light[article.id] = dataclasses.replace(
                    article, body="", figures=(), quotes=()
                )
            return kept

        entries = tuple(
            LedgerEntry(entry.key, tuple(Sighting(s.figure, lighten(s.article))
                                         for s in entry.sightings))
            for entry in self.key_figures.entries
        )
        figures = KeyFigures(entries, self.key_figures.total)
        return dataclasses.replace(self, key_figures=figures)


def sources_line(entry: LedgerEntry, briefing: Briefing) -> str:
    """When and where a key figure was reported: "22 July 2025 · Dawn, Reuters"; without
    outlets, the article's title, or the articles' numbers in the briefing."""
    articles = [a for a in map(briefing.article, entry.article_ids) if a]
    outlets = list(dict.fromkeys(a.outlet for a in articles if a.outlet))
    if outlets:
        source = ", ".join(outlets)
    elif len(articles) == 1:
        source = articles[0].title
    else:
        order = briefing.article_order
        numbers = sorted(order[a.id] + 1 for a in articles)
        source = f"articles {', '.join(map(str, numbers))}"
    when = describe_date(entry.latest.date)
    return one_line(" · ".join(part for part in (when, source) if part))


__all__ = ["Glance", "sources_line"]
