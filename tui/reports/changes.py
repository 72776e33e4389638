"""What changed in a briefing since its reader last saw it, or since a date.

A briefing is read again and again as articles arrive. `record_of` sums up what a reader
has seen (`tui.store.seen.SeenRecord`: article fingerprints, each measure's value, quote
fingerprints); `compare` sets a record against the briefing as it is now and gives the
`Changes` a brief opens with: the articles added (and those whose text changed), the
figures whose value changed (old and new, each with its source and date), the new figures,
and the new quotations by speaker. `since_date` builds the same from publication dates.

`Novelty` is what the dashboard marks: the ids, measure keys and quote fingerprints that
are new since the last visit.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from tui.model.briefing import Article, Briefing, Figure, Quote, Speaker, body_utf8
from tui.model.dates import describe_date
from tui.reports.ledger import LedgerEntry, Sighting, chronological, is_calendar_year, rank_of
from tui.store.seen import SeenFigure, SeenRecord, fingerprint, fingerprint_utf8

_EDGES = "\"'“”‘’«».,;:!?—–- \t\n"


def measure_key(figure: Figure) -> str:
    """The name a measure is compared by across visits: its key, else its label and unit,
    else (nothing to tie it by) its article and words."""
    if figure.key:
        return f"k:{figure.key}"
    if figure.label:
        label = " ".join(figure.label.split()).casefold()  # (as re's \s+, five times faster)
        return f"l:{label}|{figure.unit.casefold()}"
    return f"t:{figure.article_id}|{figure.text}"


def entry_key(entry: LedgerEntry) -> str:
    return measure_key(entry.lead)


def quote_key(quote: Quote) -> str:
    """A quotation's fingerprint: who said it and the words, whatever the case, spacing or
    the punctuation at its ends."""
    words = " ".join(quote.text.split()).strip(_EDGES).casefold()
    return fingerprint(quote.speaker_id or "", words)


def article_key(article: Article) -> str:
    """An article's fingerprint: its title and body (a body on disk is never decoded)."""
    return fingerprint_utf8(article.title.encode("utf-8", "surrogatepass"), body_utf8(article))


def _later(date: str | None, than: str | None) -> bool:
    """Whether a sighting dated `date` replaces one dated `than` as the latest (the ledger's
    rule: the latest dated value, the last of equals, else the first)."""
    return date is not None and (than is None or date >= than)


def _measures(briefing: Briefing) -> dict[str, tuple[Figure, str | None]]:
    """Each measure's lead figure and its date, as the ledger would show it."""
    measures: dict[str, tuple[Figure, str | None]] = {}
    for article in briefing.articles:
        for figure in article.figures:
            key = measure_key(figure)
            date = figure.as_of or article.published
            held = measures.get(key)
            if held is None or _later(date, held[1]):
                measures[key] = (figure, date)
    return measures


def seen_now(now: datetime | None = None) -> str:
    """The time of a visit as a record keeps it: local time to the minute."""
    return (now or datetime.now()).strftime("%Y-%m-%dT%H:%M")


def record_of(briefing: Briefing, *, by: str = "", now: datetime | None = None) -> SeenRecord:
    """What a reader who saw `briefing` now has seen."""
    return SeenRecord(
        seen_at=seen_now(now),
        articles={article.id: article_key(article) for article in briefing.articles},
        figures={
            key: SeenFigure(figure.value, figure.display_value, date, figure.article_id)
            for key, (figure, date) in _measures(briefing).items()
        },
        quotes=frozenset(quote_key(quote) for quote in briefing.quotes),
        by=by,
    )


@dataclass(frozen=True, slots=True)
class FigureChange:
    """A measure whose value is not the one the reader saw."""

    label: str
    old: SeenFigure
    old_source: str
    """The outlet or title of the article the old value came from (its id if gone)."""
    new: Figure
    new_date: str | None
    new_source: str

    def describe(self) -> str:
        """ "Pakistani peacekeepers killed in service: 181 (April 2025, Dawn) → 182 (July
        2025, Dawn)"."""
        return f"{self.label}: {_valued(self.old.shown, self.old.date, self.old_source)} → " + (
            _valued(self.new.display_value, self.new_date, self.new_source)
        )


def _valued(value: str, date: str | None, source: str) -> str:
    details = ", ".join(part for part in (describe_date(date), source) if part)
    return f"{value} ({details})" if details else value


@dataclass(frozen=True)
class Changes:
    """What a brief opens with: what is new since `since`."""

    since: str
    """Words for the reference point: "the last brief (23 July 2025, 08:15)"."""
    first: bool = False
    """No earlier brief is remembered: everything is new, and nothing is listed."""
    added: tuple[Article, ...] = ()
    updated: tuple[Article, ...] = ()
    changed: tuple[FigureChange, ...] = ()
    new_figures: tuple[LedgerEntry, ...] = ()
    new_quotes: tuple[tuple[Speaker | None, tuple[Quote, ...]], ...] = ()
    article_ids: frozenset[str] = field(default_factory=frozenset)
    """The ids of the added and updated articles."""

    @property
    def nothing_new(self) -> bool:
        return not (
            self.added or self.updated or self.changed or self.new_figures or self.new_quotes
        )

    def headline(self) -> str:
        """The one line a brief gives when there is nothing to list."""
        if self.first:
            return (
                "No earlier brief of this briefing is remembered; the next --since last "
                "starts from this one."
            )
        return f"Nothing new since {self.since}."


def describe_moment(seen_at: str) -> str:
    """ "2025-07-23T08:15" -> "23 July 2025, 08:15"."""
    day, _, time = seen_at.partition("T")
    when = describe_date(day)
    return f"{when}, {time}" if time and when else when or seen_at


def source_words(article: Article | None, article_id: str) -> str:
    if article is None:
        return article_id
    return article.outlet or article.title or article.id


def compare(briefing: Briefing, record: SeenRecord | None, since: str | None = None) -> Changes:
    """What `briefing` has that the reader who saw `record` has not seen."""
    if record is None:
        return Changes(since or "", first=True)
    words = since or f"the last brief ({describe_moment(record.seen_at)})"
    old_articles = record.articles
    added = tuple(a for a in briefing.articles if a.id not in old_articles)
    updated = tuple(
        a
        for a in briefing.articles
        if a.id in old_articles and old_articles[a.id] != article_key(a)
    )
    changed: list[FigureChange] = []
    fresh: list[str] = []
    for key, (figure, date) in _measures(briefing).items():
        old = record.figures.get(key)
        if old is None:
            if not is_calendar_year(figure):
                fresh.append(key)
            continue
        if old.value != figure.value or old.shown != figure.display_value:
            changed.append(
                FigureChange(
                    _label(briefing, key, figure),
                    old,
                    source_words(briefing.article(old.article_id), old.article_id),
                    figure,
                    date,
                    source_words(briefing.article(figure.article_id), figure.article_id),
                )
            )
    new_quotes = _new_quotes(briefing, record.quotes)
    return Changes(
        words,
        added=added,
        updated=updated,
        changed=tuple(changed),
        new_figures=_entries(briefing, set(fresh)),
        new_quotes=new_quotes,
        article_ids=frozenset(a.id for a in added + updated),
    )


def _label(briefing: Briefing, key: str, figure: Figure) -> str:
    if figure.label:
        return figure.label
    if figure.key:
        for other in briefing.figures:
            if other.key == figure.key and other.label:
                return other.label
    return figure.unit


def _entries(briefing: Briefing, keys: set[str]) -> tuple[LedgerEntry, ...]:
    """The ledger entries of the measures `keys`, ranked as the key figures are."""
    if not keys:
        return ()
    groups: dict[str, list[Sighting]] = {}
    for article in briefing.articles:
        for figure in article.figures:
            key = measure_key(figure)
            if key in keys:
                groups.setdefault(key, []).append(Sighting(figure, article))
    entries = [
        LedgerEntry(sightings[0].figure.key, tuple(sorted(sightings, key=chronological)))
        for sightings in groups.values()
    ]
    entries.sort(key=lambda entry: (rank_of(entry, briefing), -entry.lead.value))
    return tuple(entries)


def _new_quotes(
    briefing: Briefing, seen: Iterable[str] | frozenset[str]
) -> tuple[tuple[Speaker | None, tuple[Quote, ...]], ...]:
    seen = seen if isinstance(seen, frozenset) else frozenset(seen)
    groups: dict[str | None, list[Quote]] = {}
    known: set[str] = set()
    for quote in briefing.quotes:
        key = quote_key(quote)
        if key in seen or key in known:
            continue  # a quotation carried again by a new outlet is not a new quotation
        known.add(key)
        groups.setdefault(quote.speaker_id, []).append(quote)
    order = {speaker.id: index for index, speaker in enumerate(briefing.speakers)}
    ranked = sorted(
        groups.items(),
        key=lambda item: (item[0] is None, -len(item[1]), order.get(item[0] or "", 0)),
    )
    return tuple((briefing.speaker(speaker_id), tuple(quotes)) for speaker_id, quotes in ranked)


def published_before(article: Article, date: str) -> bool:
    """Whether an article was published before `date` ("2025-07-01"), as far as its own date
    says: one published in "2025-07" counts as on or after 2025-07-01. Undated: before."""
    published = article.published
    if not published:
        return True
    return published < date[: len(published)]


def since_date(briefing: Briefing, date: str) -> Changes:
    """What the articles published on or after `date` brought, against those before."""
    earlier = Briefing(
        briefing.info,
        tuple(a for a in briefing.articles if published_before(a, date)),
        briefing.speakers,
    )
    return compare(briefing, record_of(earlier), since=describe_date(date) or date)


# -- the dashboard's marks -------------------------------------------------------------------


@dataclass(frozen=True)
class Novelty:
    """What the dashboard marks as new since the reader's last visit."""

    since: str
    articles: frozenset[str] = frozenset()
    """Ids of the articles added or changed."""
    measures: frozenset[str] = frozenset()
    """`measure_key`s of the figures added or whose value changed."""
    changed: frozenset[str] = frozenset()
    """Of those, the ones whose value changed."""
    quotes: frozenset[str] = frozenset()
    """`quote_key`s of the new quotations."""

    def __bool__(self) -> bool:
        return bool(self.articles or self.measures or self.quotes)

    def entry_is_new(self, entry: LedgerEntry) -> bool:
        return bool(self.measures) and entry_key(entry) in self.measures

    def quote_is_new(self, quote: Quote) -> bool:
        return bool(self.quotes) and quote_key(quote) in self.quotes

    def summary(self) -> str:
        """ "New since 23 July 2025, 08:15: 1 article, 2 figures, 3 quotations"."""
        from tui.text.plural import count

        parts = [
            count(len(self.articles), "article") if self.articles else "",
            count(len(self.measures), "figure") if self.measures else "",
            count(len(self.quotes), "quotation") if self.quotes else "",
        ]
        return f"New since {self.since}: " + ", ".join(p for p in parts if p)


_NOVELTY: list[tuple[Briefing, SeenRecord | None, Novelty]] = []


def novelty(briefing: Briefing, record: SeenRecord | None) -> Novelty:
    """What is new in `briefing` since `record` (nothing without a record: a first visit
    marks nothing). Kept for the last briefing asked about: every view asks for it."""
    if record is None:
        return Novelty("")
    for held_briefing, held_record, held in _NOVELTY:
        if held_briefing is briefing and held_record is record:
            return held
    found = _novelty(briefing, record)
    _NOVELTY[:] = [(briefing, record, found)]
    return found


def _novelty(briefing: Briefing, record: SeenRecord) -> Novelty:
    old_articles = record.articles
    articles = frozenset(
        a.id
        for a in briefing.articles
        if a.id not in old_articles or old_articles[a.id] != article_key(a)
    )
    measures: set[str] = set()
    changed: set[str] = set()
    for key, (figure, _date) in _measures(briefing).items():
        old = record.figures.get(key)
        if old is None:
            if not is_calendar_year(figure):
                measures.add(key)
        elif old.value != figure.value or old.shown != figure.display_value:
            measures.add(key)
            changed.add(key)
    quotes = frozenset(key for key in map(quote_key, briefing.quotes) if key not in record.quotes)
    return Novelty(
        describe_moment(record.seen_at), articles, frozenset(measures), frozenset(changed), quotes
    )


def entry_news(entry: LedgerEntry, record: SeenRecord | None) -> str | None:
    """ "new" or "changed" for a ledger entry the reader has not seen as it is; None when
    seen (or on a first visit)."""
    if record is None:
        return None
    lead = entry.lead
    old = record.figures.get(measure_key(lead))
    if old is None:
        return None if is_calendar_year(lead) else "new"
    if old.value != lead.value or old.shown != lead.display_value:
        return "changed"
    return None
