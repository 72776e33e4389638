"""Draft a briefing from raw articles: `briefing import`.

Each article is cleaned of page clutter, then its quotations, speakers and
figures are extracted from the clean body, so every span points into the body
the briefing stores. One person quoted in several articles becomes one
speaker. Figures that look like the same measure in different articles get a
proposed shared `key`, marked in the YAML as a proposal for a person to
accept or change.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import PurePath
from typing import Protocol

from tui.extract.clean import clean_article
from tui.extract.figures import FigureBound, extract_figures
from tui.extract.quotes.extractor import QuoteKind, extract_quotes
from tui.model.briefing import Article, Bound, Briefing, BriefingInfo, Figure, Quote, Speaker

_BOUNDS = {
    FigureBound.EXACT: Bound.EXACT,
    FigureBound.APPROXIMATE: Bound.APPROXIMATE,
    FigureBound.MORE_THAN: Bound.MORE_THAN,
    FigureBound.LESS_THAN: Bound.LESS_THAN,
}
_PRONOUNS = {"he", "she", "they", "him", "her", "them", "i", "we", "it", "his", "hers", "their"}
_NOT_MEASURES = {"year", "date", "time", "decade", "decades", "years"}


def slug(text: str, fallback: str = "item") -> str:
    """A readable id: "Asim Iftikhar Ahmad" -> "asim-iftikhar-ahmad"."""
    words = re.findall(r"[a-z0-9]+", text.lower())
    return "-".join(words)[:60].strip("-") or fallback


@dataclass
class _Person:
    name: str
    roles: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)

    @property
    def tokens(self) -> list[str]:
        return self.name.split()


class _People:
    """One speaker per person across articles, however each article names them."""

    def __init__(self) -> None:
        self.people: list[_Person] = []

    def find(self, name: str) -> _Person | None:
        folded = name.casefold()
        for person in self.people:
            if person.name.casefold() == folded:
                return person
        tokens = name.split()
        # "Ahmad" in one article and "Asim Iftikhar Ahmad" in another: one person when the
        # shorter name is the longer one's surname (or first and last names agree).
        for person in self.people:
            mine, theirs = [t.casefold() for t in tokens], [t.casefold() for t in person.tokens]
            shorter, longer = sorted((mine, theirs), key=len)
            if shorter and shorter[-1] == longer[-1] and all(t in longer for t in shorter):
                return person
        return None

    def add(self, name: str, role: str | None, mentions: tuple[str, ...]) -> _Person:
        person = self.find(name)
        if person is None:
            person = _Person(name)
            self.people.append(person)
        elif len(name) > len(person.name):
            person.aliases.append(person.name)
            person.name = name
        if role and role not in person.roles:
            person.roles.append(role)
        for mention in mentions:
            if mention.casefold() not in _PRONOUNS and mention not in person.aliases:
                person.aliases.append(mention)
        return person


@dataclass(frozen=True, slots=True)
class Draft:
    briefing: Briefing
    proposed_keys: dict[str, int]
    """Proposed ledger keys and how many articles each ties."""
    removed: dict[str, tuple[str, ...]]
    """Per article id, the clutter lines taken out."""


class ArticleText(Protocol):
    """An article's text exactly as read, and the path it was read from."""

    @property
    def path(self) -> str: ...

    @property
    def text(self) -> str: ...


def draft_briefing(sources: Iterable[ArticleText], title: str | None = None) -> Draft:
    """Clean and extract every article; one speaker per person across them."""
    people = _People()
    drafted: list[
        tuple[str, str, str, list[Figure], list[tuple[str | None, int, int, str, str]]]
    ] = []
    removed: dict[str, tuple[str, ...]] = {}
    used_ids: set[str] = set()
    for source in sources:
        name = PurePath(source.path)
        clean = clean_article(source.text, name.suffix.lower())
        article_id = _unique(
            slug(" ".join((clean.title or name.stem).split()[:6]), "article"), used_ids
        )
        removed[article_id] = clean.removed
        found = extract_quotes(clean.body)
        persons = {
            speaker.name: people.add(speaker.name, speaker.role, speaker.mentions)
            for speaker in found.speakers
        }
        quotes = [
            (
                persons[q.speaker].name if q.speaker in persons else q.speaker,
                q.start,
                q.end,
                q.text,
                q.role or "",
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
            for f in extract_figures(clean.body)
            if f.unit
        ]
        drafted.append((article_id, clean.title or name.stem, clean.body, figures, quotes))

    speaker_ids: dict[str, str] = {}
    taken: set[str] = set()
    speakers = []
    for person in people.people:
        speaker_id = _unique(slug(person.name, "speaker"), taken)
        speaker_ids[person.name] = speaker_id
        aliases = tuple(a for a in dict.fromkeys(person.aliases) if a != person.name)
        speakers.append(Speaker(speaker_id, person.name, "; ".join(person.roles), aliases))

    articles = []
    for article_id, article_title, body, figures, quotes in drafted:
        quote_objects = tuple(
            Quote(article_id, _speaker_id(name, people, speaker_ids), text, start, end, role)
            for name, start, end, text, role in quotes
        )
        articles.append(
            Article(article_id, article_title, body, figures=tuple(figures), quotes=quote_objects)
        )
    articles, proposed = propose_keys(articles)
    info = BriefingInfo(title=title or (articles[0].title if articles else "Briefing"))
    briefing = Briefing(info, tuple(articles), tuple(speakers))
    return Draft(briefing, proposed, removed)


def _speaker_id(name: str | None, people: _People, ids: dict[str, str]) -> str | None:
    if not name:
        return None
    person = people.find(name)
    return ids.get(person.name) if person else None


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


def _unit_class(unit: str) -> str:
    unit = unit.lower().strip()
    for group in _UNIT_CLASSES:
        if unit in group:
            return min(group)
    return unit[:-1] if unit.endswith("s") and len(unit) > 3 else unit


def propose_keys(articles: list[Article]) -> tuple[list[Article], dict[str, int]]:
    """Tie figures of different articles that count the same kind of thing with values
    within 2% of each other (182 and 181 peacekeepers killed; 235,000 in both)."""
    candidates = [
        (index, figure)
        for index, article in enumerate(articles)
        for figure in article.figures
        if _unit_class(figure.unit) not in _NOT_MEASURES and figure.value >= 10
    ]
    groups: list[list[tuple[int, Figure]]] = []
    for index, figure in candidates:
        for group in groups:
            anchor = group[0][1]
            same_kind = _unit_class(anchor.unit) == _unit_class(figure.unit)
            close = abs(anchor.value - figure.value) <= 0.02 * max(anchor.value, figure.value)
            if same_kind and close and all(i != index for i, _ in group):
                group.append((index, figure))
                break
        else:
            groups.append([(index, figure)])
    keys: dict[tuple[int, int], str] = {}
    proposed: dict[str, int] = {}
    taken: set[str] = set()
    for group in groups:
        if len(group) < 2:
            continue
        anchor = group[0][1]
        key = _unique(slug(f"{anchor.unit} {anchor.value:g}", "measure"), taken)
        proposed[key] = len(group)
        for index, figure in group:
            keys[(index, figure.start)] = key
    result = []
    for index, article in enumerate(articles):
        figures = tuple(
            replace(figure, key=keys.get((index, figure.start), figure.key))
            for figure in article.figures
        )
        result.append(replace(article, figures=figures))
    return result, proposed
