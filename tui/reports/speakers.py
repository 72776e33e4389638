"""Speaker pages: one person's quotations across articles, the same quotation once.

Outlets that carry the same wire story print the same quotation with small
differences ("said" trimmed, a word changed). A reader wants it once, with the
outlets that carried it; the variants stay available.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import groupby
from operator import attrgetter

from tui.model.briefing import Article, Briefing, Quote, Speaker

SAME_QUOTE_OVERLAP = 0.8
"""Share of the longer quotation's words the two must have in common to be one quotation."""

_WORD = re.compile(r"\w+")


def _words(text: str) -> Counter[str]:
    return Counter(word.lower() for word in _WORD.findall(text))


def same_quotation(a: str, b: str) -> bool:
    """Whether two quotations are the same words give or take a few."""
    words_a, words_b = _words(a), _words(b)
    longer = max(sum(words_a.values()), sum(words_b.values()))
    return longer > 0 and sum((words_a & words_b).values()) / longer >= SAME_QUOTE_OVERLAP


@dataclass(frozen=True, slots=True)
class QuoteGroup:
    """One quotation as one or more articles carried it."""

    quotes: tuple[Quote, ...]
    articles: tuple[Article, ...]

    @property
    def text(self) -> str:
        """The fullest wording."""
        return max((quote.text for quote in self.quotes), key=len)

    @property
    def first(self) -> tuple[Quote, Article]:
        return self.quotes[0], self.articles[0]

    @property
    def outlets(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(a.outlet or a.title for a in self.articles))

    @property
    def variants(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(quote.text for quote in self.quotes))

    @property
    def date(self) -> str | None:
        return min((a.published for a in self.articles if a.published), default=None)

    @property
    def unconfirmed(self) -> bool:
        """Every carrier's speaker is a guess not yet confirmed (each quote has a `check`)."""
        return all(quote.check for quote in self.quotes)


@dataclass(frozen=True, slots=True)
class SpeakerPage:
    speaker: Speaker | None
    """None for the quotations nobody is named as saying."""
    roles: tuple[tuple[str, Article], ...]
    """Each role as an article gives it."""
    groups: tuple[QuoteGroup, ...]
    """Oldest first; undated ones last, in article order."""

    @property
    def name(self) -> str:
        return self.speaker.name if self.speaker else "Unattributed"

    @property
    def unnamed(self) -> bool:
        """An unnamed source kept as described ("a senior official"), not a person named."""
        return self.speaker is not None and not self.speaker.named

    @property
    def quote_count(self) -> int:
        return sum(len(group.quotes) for group in self.groups)


@dataclass(frozen=True, slots=True)
class _Bag:
    """A quotation's words as `same_quotation` counts them: lower-cased, with multiplicity."""

    key: tuple[str, ...]
    """The words sorted: the same for the same words in any order."""
    tokens: frozenset[str]
    """Each word once for each time it occurs ("is", "is 2"), so that the size of the
    intersection of two bags' tokens is the number of words they share."""
    distinct: tuple[str, ...]
    """Each word once."""
    exact: str
    """The words in order, lower-cased: the same for a word-for-word copy."""


def _bag(text: str) -> _Bag:
    """The words of `text`, worked out once per distinct text (`_Wordings.of`) however many
    outlets carry it."""
    key = tuple(sorted(word.lower() for word in _WORD.findall(text)))
    tokens: list[str] = []
    for word, repeats in groupby(key):
        tokens.append(word)
        tokens.extend(f"{word} {n}" for n in range(2, 1 + sum(1 for _ in repeats)))
    exact = " ".join(_WORD.findall(text.lower()))
    return _Bag(key, frozenset(tokens), tuple(dict.fromkeys(key)), exact)


@lru_cache(maxsize=256)
def _probe_count(size: int) -> int:
    """How many of a quotation's distinct words another must share at least one of to be
    the same quotation: one more than the most words it may miss (`same_quotation`)."""
    missing = 0
    while size and (size - missing - 1) / size >= SAME_QUOTE_OVERLAP:
        missing += 1
    return missing + 1


class _Wording:
    """One distinct bag of words, and the wordings met so far that are the same quotation."""

    __slots__ = ("alike", "size", "tokens")

    def __init__(self, bag: _Bag) -> None:
        self.tokens = bag.tokens
        self.size = len(bag.key)
        self.alike: list[_Wording] = [self] if self.size else []
        """Every wording that is the same quotation as this one, this one included."""

    def same_as(self, other: _Wording) -> bool:
        """`same_quotation` of the two wordings."""
        longer, shorter = (
            (self.size, other.size) if self.size >= other.size else (other.size, self.size)
        )
        if not longer or shorter / longer < SAME_QUOTE_OVERLAP:
            return False  # even sharing every word of the shorter would not do
        return len(self.tokens & other.tokens) / longer >= SAME_QUOTE_OVERLAP


class _Wordings:
    """The distinct wordings met so far, each tied to the wordings it is the same as.

    Two quotations are one when they share SAME_QUOTE_OVERLAP of the longer's words, so
    either misses at most a few of its words in the other (`_probe_count`): probing with
    one more than that of its distinct words, the rarest, is sure to meet every wording
    like it. The test is made once per pair of distinct wordings, not of quotations, and
    one `_Wordings` can serve every speaker of a briefing.
    """

    def __init__(self) -> None:
        self.by_text: dict[str, tuple[_Wording, str]] = {}
        """Each text met, with its wording and its `_Bag.exact` words."""
        self.by_key: dict[tuple[str, ...], _Wording] = {}
        self.by_word: dict[str, list[_Wording]] = {}

    def of(self, text: str) -> tuple[_Wording, str, bool]:
        """The wording of `text`, its exact words, and whether the wording is met for the
        first time."""
        known = self.by_text.get(text)
        if known is not None:
            return *known, False
        bag = _bag(text)
        wording = self.by_key.get(bag.key)
        new = wording is None
        if wording is None:
            wording = self.by_key[bag.key] = self._add(bag)
        self.by_text[text] = (wording, bag.exact)
        return wording, bag.exact, new

    def _add(self, bag: _Bag) -> _Wording:
        wording = _Wording(bag)
        by_word = self.by_word
        if wording.size:
            rarest = sorted(bag.distinct, key=lambda word: len(by_word.get(word, ())))
            met: set[_Wording] = set()
            for word in rarest[: _probe_count(wording.size)]:
                met.update(by_word.get(word, ()))
            for other in met:
                if wording.same_as(other):
                    other.alike.append(wording)
                    wording.alike.append(other)
        for word in bag.distinct:
            by_word.setdefault(word, []).append(wording)
        return wording


def _group_same(
    pairs: list[tuple[Quote, Article]], wordings: _Wordings | None = None
) -> list[tuple[list[Quote], list[Article]]]:
    """Gather the same quotation carried by several articles, without comparing every pair.

    A group holds at most one quotation from each article. A quotation joins the oldest
    group started by a word-for-word copy of it (the same words in the same order, case
    and punctuation aside), else the oldest group whose first quotation is the same as it
    (`same_quotation`); else it starts a group.
    """
    wordings = wordings or _Wordings()
    groups: list[tuple[list[Quote], list[Article]]] = []
    group_articles: list[set[str]] = []
    copies: dict[str, list[int]] = {}
    """The groups started by each exact wording (`_Bag.exact`)."""
    founded: dict[_Wording, list[int]] = {}
    """The groups each wording started."""
    fits: dict[_Wording, list[int]] = {}
    """The groups a wording may join, oldest first: those started by wordings like it."""
    known = wordings.by_text
    for quote, article in pairs:
        met = known.get(quote.text)
        if met is None:
            wording, exact, new = wordings.of(quote.text)
            if new:
                # Wordings met before are told of each group a wording like them starts;
                # this one was not, and wordings like it may have started groups already.
                fits[wording] = sorted(
                    index for other in wording.alike for index in founded.get(other, ())
                )
        else:
            wording, exact = met
        index = _first_without(article.id, copies.get(exact, ()), group_articles)
        if index is None:
            index = _first_without(article.id, fits.get(wording, ()), group_articles)
        if index is not None:
            members, articles = groups[index]
            members.append(quote)
            articles.append(article)
            group_articles[index].add(article.id)
            continue
        index = len(groups)
        groups.append(([quote], [article]))
        group_articles.append({article.id})
        copies.setdefault(exact, []).append(index)
        founded.setdefault(wording, []).append(index)
        for other in wording.alike:
            fits.setdefault(other, []).append(index)
    return groups


def _first_without(
    article_id: str, indexes: Sequence[int], group_articles: list[set[str]]
) -> int | None:
    """The first of the groups `indexes` that holds nothing from the article yet. It skips
    only groups holding one of the article's quotations: a few at most."""
    for index in indexes:
        if article_id not in group_articles[index]:
            return index
    return None


class _Pages:
    """What the speaker pages of one briefing share, worked out once for all of them."""

    def __init__(self, briefing: Briefing) -> None:
        self.briefing = briefing
        self.when: dict[str, tuple[bool, str, int]] = {}
        """Each article's place in a page: oldest first; undated last, in article order."""
        self.wordings = _Wordings()

    def page(self, speaker_id: str | None) -> SpeakerPage:
        briefing = self.briefing
        find = briefing.article
        order = briefing.article_order
        when = self.when
        pairs: list[tuple[Quote, Article]] = []
        roles: list[tuple[str, Article]] = []
        seen: set[tuple[str, str]] = set()
        for quote in briefing.quotes_by_speaker.get(speaker_id, ()):
            article = find(quote.article_id)
            if article is None:
                continue
            pairs.append((quote, article))
            if article.id not in when:
                published = article.published
                when[article.id] = (published is None, published or "", order[article.id])
            if quote.role and (quote.role, article.id) not in seen:
                seen.add((quote.role, article.id))
                roles.append((quote.role, article))
        groups = _group_same(pairs, self.wordings)
        built = [_quote_group(members, articles, when) for members, articles in groups]
        # A group's date is its first article's, the articles being oldest first.
        built.sort(key=lambda group: (*when[group.articles[0].id], group.quotes[0].start))
        return SpeakerPage(briefing.speaker(speaker_id), tuple(roles), tuple(built))


def speaker_page(briefing: Briefing, speaker_id: str | None) -> SpeakerPage:
    """Everything `speaker_id` said across the briefing (None: the unattributed quotes)."""
    return _Pages(briefing).page(speaker_id)


def _quote_group(
    members: list[Quote], articles: list[Article], when: dict[str, tuple[bool, str, int]]
) -> QuoteGroup:
    """The group with its carriers oldest first; undated ones last, in article order."""
    if len(members) == 1:
        return QuoteGroup((members[0],), (articles[0],))
    ordered = sorted(zip(members, articles, strict=True), key=lambda pair: when[pair[1].id])
    return QuoteGroup(tuple(q for q, _ in ordered), tuple(a for _, a in ordered))


def quoted_speakers(briefing: Briefing) -> list[tuple[str | None, int]]:
    """Every quoted speaker's id and number of quotations, in `speaker_pages` order: named
    speakers most quoted first, then unnamed sources likewise, and the unattributed (None)
    last. Cheap: nothing is grouped."""
    by_speaker = briefing.quotes_by_speaker
    loaded = briefing.article_order.__contains__

    def counted(quotes: tuple[Quote, ...]) -> int:
        """How many of `quotes` a page shows: those whose article is loaded."""
        return sum(map(loaded, map(_ARTICLE_ID, quotes)))

    counts = [
        (not speaker.named, -counted(quotes), speaker.id)
        for speaker in briefing.speakers
        if (quotes := by_speaker.get(speaker.id))
    ]
    counts.sort(key=lambda item: item[:2])
    ranked: list[tuple[str | None, int]] = [(speaker_id, -n) for _, n, speaker_id in counts]
    if unattributed := by_speaker.get(None):
        ranked.append((None, counted(unattributed)))
    return ranked


_ARTICLE_ID = attrgetter("article_id")


def speaker_pages(briefing: Briefing, top: int | None = None) -> list[SpeakerPage]:
    """A page for every quoted speaker, most quoted first, and the unattributed last.

    With `top`, only the `top` most quoted named speakers' pages (and the unattributed).
    """
    ranked = [speaker_id for speaker_id, _ in quoted_speakers(briefing)]
    if top is not None:
        named = [speaker_id for speaker_id in ranked if speaker_id is not None][:top]
        ranked = named + [None] * (None in ranked)
    return pages_of(briefing, ranked)


def pages_of(briefing: Briefing, speaker_ids: Iterable[str | None]) -> list[SpeakerPage]:
    """The pages of `speaker_ids` (None: the unattributed quotes), built together: much
    cheaper than one by one, the same wording being compared once for all speakers."""
    pages = _Pages(briefing)
    return [pages.page(speaker_id) for speaker_id in speaker_ids]
