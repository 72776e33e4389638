"""Draft a briefing from raw articles: `briefing import`.

Each plain-text article is cleaned of page clutter (a web page or feed entry
comes already separated from its page), then its quotations, speakers and
figures are extracted from the clean body, so every span points into the body
the briefing stores. One person quoted in several articles becomes one
speaker. Figures that look like the same measure in different articles get a
proposed shared `key`, marked in the YAML as a proposal for a person to
accept or change.

Drafting into an existing briefing reuses its speakers (by name and alias),
skips articles it already holds (same URL or same text), and ties new figures
to its keys. Every step is linear in the number of articles and figures.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import PurePath
from typing import Protocol

from tui.extract.clean import clean_article
from tui.extract.figures import FigureBound, extract_figures
from tui.extract.quotes.confidence import AttributionBasis
from tui.extract.quotes.extractor import ExtractedQuote, QuoteKind, extract_quotes
from tui.model.briefing import Article, Bound, Briefing, BriefingInfo, Figure, Quote, Speaker

_BOUNDS = {
    FigureBound.EXACT: Bound.EXACT,
    FigureBound.APPROXIMATE: Bound.APPROXIMATE,
    FigureBound.MORE_THAN: Bound.MORE_THAN,
    FigureBound.LESS_THAN: Bound.LESS_THAN,
}
_PRONOUNS = {"he", "she", "they", "him", "her", "them", "i", "we", "it", "his", "hers", "their"}
_NOT_MEASURES = {"year", "date", "time", "decade", "decades", "years"}

CHECK_BELOW = 0.8
"""Attributions less sure than this are written with a `check` for a person to confirm: on
the dev set, misattribution rises below it (docs/extraction.md)."""
_HOW_FOUND = {
    AttributionBasis.PRONOUN: "speaker found through a pronoun",
    AttributionBasis.PRONOUN_NON_SUBJECT: (
        "speaker found through a pronoun, to a name that is not a subject"
    ),
    AttributionBasis.DESCRIPTION: "speaker found through a description matched to a name",
    AttributionBasis.UNNAMED: "an unnamed source, kept as the article describes it",
    AttributionBasis.PREVIOUS_SUBJECT: "speaker taken from the paragraph before",
    AttributionBasis.CONVERSATION: "speaker taken from the conversation a few paragraphs up",
    AttributionBasis.PREVIOUS_PARAGRAPH: "speaker carried over from the paragraph before",
    AttributionBasis.CONTINUATION: "speaker carried over from an earlier quotation",
    AttributionBasis.SPEECH_IN_PARAGRAPH: "speaker taken from reported speech before it",
}


def check_note(quote: ExtractedQuote) -> str:
    """The `check` a drafted quote carries: why its speaker is unsure; "" when it is sure
    enough (confidence CHECK_BELOW or more) or has no speaker to confirm."""
    if quote.speaker is None or quote.confidence >= CHECK_BELOW:
        return ""
    how = _HOW_FOUND.get(quote.basis, "speaker named far from the quotation")
    return f"{how}; confirm or correct"


def slug(text: str, fallback: str = "item") -> str:
    """A readable id: "Asim Iftikhar Ahmad" -> "asim-iftikhar-ahmad"."""
    words = re.findall(r"[a-z0-9]+", text.lower())
    return "-".join(words)[:60].strip("-") or fallback


@dataclass
class _Person:
    name: str
    roles: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    speaker_id: str | None = None
    """The id of a speaker the briefing already has; None for a person new to it."""

    @property
    def tokens(self) -> list[str]:
        return self.name.split()


class _People:
    """One speaker per person across articles, however each article names them.

    Names are found through two indexes (the whole name folded, and its last word), so a
    thousand articles cost a thousand look-ups, not a million comparisons.
    """

    def __init__(self, known: Iterable[Speaker] = ()) -> None:
        self.people: list[_Person] = []
        self._by_name: dict[str, _Person] = {}
        self._by_last: dict[str, list[_Person]] = {}
        for speaker in known:
            if not speaker.named:  # a description is nobody's name
                continue
            person = _Person(speaker.name, speaker_id=speaker.id)
            self._index(person)
            for alias in speaker.aliases:  # the briefing's own names for them count too
                self._by_name.setdefault(alias.casefold(), person)

    def _index(self, person: _Person) -> None:
        self.people.append(person)
        self._by_name.setdefault(person.name.casefold(), person)
        if person.tokens:
            self._by_last.setdefault(person.tokens[-1].casefold(), []).append(person)

    def find(self, name: str) -> _Person | None:
        person = self._by_name.get(name.casefold())
        if person is not None:
            return person
        mine = [t.casefold() for t in name.split()]
        if not mine:
            return None
        # "Ahmad" in one article and "Asim Iftikhar Ahmad" in another: one person when the
        # shorter name is the longer one's surname (or first and last names agree).
        for person in self._by_last.get(mine[-1], ()):
            theirs = [t.casefold() for t in person.tokens]
            shorter, longer = sorted((mine, theirs), key=len)
            if all(t in longer for t in shorter):
                return person
        return None

    def add(self, name: str, role: str | None, mentions: tuple[str, ...]) -> _Person:
        person = self.find(name)
        if person is None:
            person = _Person(name)
            self._index(person)
        elif person.speaker_id is None and len(name) > len(person.name):
            person.aliases.append(person.name)
            person.name = name
            self._by_name.setdefault(name.casefold(), person)
            last = person.tokens[-1].casefold()
            if person not in self._by_last.get(last, []):
                self._by_last.setdefault(last, []).append(person)
        if role and role not in person.roles:
            person.roles.append(role)
        for mention in mentions:
            if mention.casefold() not in _PRONOUNS and mention not in person.aliases:
                person.aliases.append(mention)
        return person


@dataclass(frozen=True, slots=True)
class Draft:
    briefing: Briefing
    """The new articles and the new speakers (into a briefing: only what it lacks)."""
    proposed_keys: dict[str, int]
    """Proposed ledger keys and how many articles each ties."""
    removed: dict[str, tuple[str, ...]]
    """Per article id, the clutter lines taken out."""
    skipped: tuple[str, ...] = ()
    """The inputs left out because the briefing (or an earlier input) already has them."""
    partial: frozenset[str] = frozenset()
    """Ids of articles that hold only a feed's summary, not the full text."""
    languages: dict[str, str] = field(default_factory=dict)
    """Per article id, the language its page declares."""
    known_keys: frozenset[str] = frozenset()
    """Proposed keys the briefing already uses: new figures tied to its figures."""


class ArticleText(Protocol):
    """An article's text exactly as read, and the path it was read from.

    A source may also carry `title`, `outlet`, `url`, `author`, `published`, `language`,
    `structured` (the text is already the article's paragraphs: no clutter to clean) and
    `partial` (a feed's summary only); they are read when present.
    """

    @property
    def path(self) -> str: ...

    @property
    def text(self) -> str: ...


def fingerprint(body: str) -> str:
    """The same text, however it is wrapped or spaced."""
    return hashlib.blake2b(" ".join(body.split()).casefold().encode(), digest_size=16).hexdigest()


def same_url(url: str) -> str:
    """A URL as compared for duplicates: no fragment, case-folded, no trailing slash."""
    return url.strip().split("#", 1)[0].rstrip("/").casefold()


def draft_briefing(
    sources: Iterable[ArticleText], title: str | None = None, into: Briefing | None = None
) -> Draft:
    """Clean and extract every article; one speaker per person across them.

    With `into`, the draft holds only what that briefing lacks: articles it does not have
    (by URL or text), speakers it does not know, and keys tying new figures to its own.
    """
    known = into or Briefing(BriefingInfo())
    people = _People(known.speakers)
    drafted: list[tuple[ArticleText, str, str, str, list[Figure], list[_DraftQuote]]] = []
    removed: dict[str, tuple[str, ...]] = {}
    used_ids: set[str] = {article.id for article in known.articles}
    seen_urls = {same_url(a.url) for a in known.articles if a.url}
    seen_texts = {fingerprint(a.body) for a in known.articles}
    skipped: list[str] = []
    for source in sources:
        url = getattr(source, "url", None)
        if url and same_url(url) in seen_urls:
            skipped.append(source.path)
            continue
        name = PurePath(source.path)
        clutter: tuple[str, ...] = ()
        if getattr(source, "structured", False):
            article_title, body = getattr(source, "title", None) or "", source.text
        else:
            clean = clean_article(source.text, name.suffix.lower())
            article_title, body, clutter = clean.title, clean.body, clean.removed
        text_print = fingerprint(body)
        if text_print in seen_texts:
            skipped.append(source.path)
            continue
        seen_texts.add(text_print)
        if url:
            seen_urls.add(same_url(url))
        article_title = article_title or name.stem
        article_id = _unique(slug(" ".join(article_title.split()[:6]), "article"), used_ids)
        removed[article_id] = tuple(clutter)
        found = extract_quotes(body)
        persons = {
            speaker.name: people.add(speaker.name, speaker.role, speaker.mentions)
            for speaker in found.speakers
        }
        quotes = [
            _DraftQuote(
                persons[q.speaker].name if q.speaker in persons else q.speaker,
                q.named or q.speaker is None,
                q.start,
                q.end,
                q.text,
                q.role or "",
                check_note(q),
            )
            for q in found.quotes
            if q.kind == QuoteKind.FULL
        ]
        figures = [
            Figure(
                article_id=article_id,
                value=f.value,
                unit=f.unit or "",
                text=f.text,
                start=f.start,
                end=f.end,
                label=_label(f.about),
                bound=_BOUNDS[f.bound],
            )
            for f in extract_figures(body)
            if f.unit
        ]
        drafted.append((source, article_id, article_title, body, figures, quotes))

    taken: set[str] = {speaker.id for speaker in known.speakers}
    speakers = []
    for person in people.people:
        if person.speaker_id is not None:
            continue
        person.speaker_id = _unique(slug(person.name, "speaker"), taken)
        aliases = tuple(a for a in dict.fromkeys(person.aliases) if a != person.name)
        speakers.append(Speaker(person.speaker_id, person.name, "; ".join(person.roles), aliases))

    articles = []
    partial: set[str] = set()
    languages: dict[str, str] = {}
    for source, article_id, article_title, body, figures, quotes in drafted:
        # An unnamed source is one per article: "an official" here is not "an official" there.
        unnamed: dict[str, str] = {}
        for q in quotes:
            if not q.named and q.speaker and q.speaker not in unnamed:
                description = q.speaker
                source_id = f"{slug(description, 'source')[:40].strip('-')}-{article_id}"
                unnamed[description] = _unique(source_id, taken)
                speakers.append(Speaker(unnamed[description], description, named=False))
        quote_objects = tuple(
            Quote(
                article_id,
                unnamed.get(q.speaker or "") if not q.named else _speaker_id(q.speaker, people),
                q.text,
                q.start,
                q.end,
                q.role,
                q.check,
            )
            for q in quotes
        )
        articles.append(
            Article(
                article_id,
                article_title,
                body,
                outlet=getattr(source, "outlet", None) or "",
                url=getattr(source, "url", None) or "",
                author=getattr(source, "author", None) or "",
                published=getattr(source, "published", None),
                figures=tuple(figures),
                quotes=quote_objects,
            )
        )
        if getattr(source, "partial", False):
            partial.add(article_id)
        language = getattr(source, "language", None)
        if language:
            languages[article_id] = language
    existing = [figure for figure in known.figures if figure.key]
    articles, proposed = propose_keys(articles, existing)
    info = BriefingInfo(title=title or (articles[0].title if articles else "Briefing"))
    briefing = Briefing(info, tuple(articles), tuple(speakers))
    known_keys = frozenset(proposed) & {figure.key for figure in existing if figure.key}
    return Draft(
        briefing, proposed, removed, tuple(skipped), frozenset(partial), languages, known_keys
    )


@dataclass(frozen=True, slots=True)
class _DraftQuote:
    speaker: str | None
    """The person's fullest name, or an unnamed source's description."""
    named: bool
    start: int
    end: int
    text: str
    role: str
    check: str


def _speaker_id(name: str | None, people: _People) -> str | None:
    if not name:
        return None
    person = people.find(name)
    return person.speaker_id if person else None


def _label(about: str) -> str:
    about = " ".join(about.split())
    return about[:1].upper() + about[1:] if about else ""


def _unique(candidate: str, taken: set[str]) -> str:
    result, n = candidate, 2
    while result in taken:
        result, n = f"{candidate}-{n}", n + 1
    taken.add(result)
    return result


_UNIT_CLASSES = (
    {"peacekeepers", "personnel", "troops", "soldiers", "people", "persons"},
    {"percent", "per cent", "%"},
)
_CLASS_OF = {unit: min(group) for group in _UNIT_CLASSES for unit in group}
_STEP = math.log(1.02)


def _unit_class(unit: str) -> str:
    unit = unit.lower().strip()
    if unit in _CLASS_OF:
        return _CLASS_OF[unit]
    return unit[:-1] if unit.endswith("s") and len(unit) > 3 else unit


@dataclass
class _Group:
    order: int
    anchor: Figure
    key: str | None  # a key the briefing already uses
    members: list[tuple[int, Figure]] = field(default_factory=list)
    articles: set[int] = field(default_factory=set)


def propose_keys(
    articles: list[Article], existing: Iterable[Figure] = ()
) -> tuple[list[Article], dict[str, int]]:
    """Tie figures of different articles that count the same kind of thing with values
    within 2% of each other (182 and 181 peacekeepers killed; 235,000 in both).

    `existing` are figures of the briefing that already carry a key: a new figure that
    measures the same is given that key. Figures are bucketed by unit class and by the
    logarithm of their value, so each is compared only with its few close neighbours.
    """
    groups: list[_Group] = []
    buckets: dict[tuple[str, int], list[_Group]] = {}
    existing_count: dict[str, int] = {}
    existing_articles: dict[str, set[str]] = {}

    def bucket(figure: Figure) -> tuple[str, int]:
        return _unit_class(figure.unit), math.floor(math.log(figure.value) / _STEP)

    def open_group(anchor: Figure, key: str | None) -> _Group:
        group = _Group(len(groups), anchor, key)
        groups.append(group)
        buckets.setdefault(bucket(anchor), []).append(group)
        return group

    for figure in existing:
        if figure.key is None:
            continue
        existing_articles.setdefault(figure.key, set()).add(figure.article_id)
        if figure.key not in existing_count and figure.value >= 10:
            existing_count[figure.key] = 0
            open_group(figure, figure.key)
    for key in existing_count:
        existing_count[key] = len(existing_articles[key])

    for index, article in enumerate(articles):
        for figure in article.figures:
            if _unit_class(figure.unit) in _NOT_MEASURES or figure.value < 10 or figure.key:
                continue
            unit_class, step = bucket(figure)
            best: _Group | None = None
            for near in range(step - 2, step + 3):
                for group in buckets.get((unit_class, near), ()):
                    anchor = group.anchor
                    close = abs(anchor.value - figure.value) <= 0.02 * max(
                        anchor.value, figure.value
                    )
                    if close and index not in group.articles and (
                        best is None or group.order < best.order
                    ):
                        best = group
            if best is None:
                best = open_group(figure, None)
            best.members.append((index, figure))
            best.articles.add(index)

    keys: dict[tuple[int, int], str] = {}
    proposed: dict[str, int] = {}
    taken: set[str] = set(existing_articles)
    for group in groups:
        tied = len(group.articles) + (existing_count.get(group.key, 0) if group.key else 0)
        if tied < 2 or not group.members:
            continue
        anchor = group.anchor
        key = group.key or _unique(slug(f"{anchor.unit} {anchor.value:g}", "measure"), taken)
        proposed[key] = tied
        for index, figure in group.members:
            keys[(index, figure.start)] = key
    result = []
    for index, article in enumerate(articles):
        figures = tuple(
            replace(figure, key=keys.get((index, figure.start), figure.key))
            for figure in article.figures
        )
        result.append(replace(article, figures=figures))
    return result, proposed
