"""Speaker pages: one person's quotations across articles, the same quotation once.

Outlets that carry the same wire story print the same quotation with small
differences ("said" trimmed, a word changed). A reader wants it once, with the
outlets that carried it; the variants stay available.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .model import Article, Briefing, Quote, Speaker

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
    def quote_count(self) -> int:
        return sum(len(group.quotes) for group in self.groups)


def _group_same(pairs: list[tuple[Quote, Article]]) -> list[tuple[list[Quote], list[Article]]]:
    """Gather the same quotation carried by several articles, without comparing every pair.

    Two quotations are one when they share SAME_QUOTE_OVERLAP of the longer's words, so the
    shorter misses at most a quarter of the other's distinct words: probing with a quarter
    plus one of a quotation's rarest words is sure to meet every group it could belong to.
    """
    groups: list[tuple[list[Quote], list[Article]]] = []
    group_words: list[tuple[Counter[str], int]] = []
    group_articles: list[set[str]] = []
    by_word: dict[str, list[int]] = {}
    exact: dict[str, list[int]] = {}
    for quote, article in pairs:
        # Most copies are word for word: find those by their text before comparing words.
        key = " ".join(_WORD.findall(quote.text.lower()))
        same_text = next(
            (i for i in exact.get(key, ()) if article.id not in group_articles[i]), None
        )
        if same_text is not None:
            groups[same_text][0].append(quote)
            groups[same_text][1].append(article)
            group_articles[same_text].add(article.id)
            continue
        words = _words(quote.text)
        size = sum(words.values())
        probes = sorted(words, key=lambda word: len(by_word.get(word, ())))[: size // 4 + 1]
        candidates = sorted({index for word in probes for index in by_word.get(word, ())})
        for index in candidates:
            members, articles = groups[index]
            other, other_size = group_words[index]
            longer = max(size, other_size)
            if (
                article.id not in group_articles[index]
                and longer
                and sum((words & other).values()) / longer >= SAME_QUOTE_OVERLAP
            ):
                members.append(quote)
                articles.append(article)
                group_articles[index].add(article.id)
                break
        else:
            for word in words:
                by_word.setdefault(word, []).append(len(groups))
            exact.setdefault(key, []).append(len(groups))
            groups.append(([quote], [article]))
            group_words.append((words, size))
            group_articles.append({article.id})
    return groups


def speaker_page(briefing: Briefing, speaker_id: str | None) -> SpeakerPage:
    """Everything `speaker_id` said across the briefing (None: the unattributed quotes)."""
    quotes = briefing.quotes_by_speaker.get(speaker_id, ())
    pairs = [
        (quote, article) for quote in quotes if (article := briefing.article(quote.article_id))
    ]
    groups = _group_same(pairs)
    order = briefing.article_order

    def by_date(pair: tuple[Quote, Article]) -> tuple[bool, str, int]:
        article = pair[1]
        return (article.published is None, article.published or "", order[article.id])

    built = []
    for members, articles in groups:
        ordered = sorted(zip(members, articles, strict=True), key=by_date)
        built.append(QuoteGroup(tuple(q for q, _ in ordered), tuple(a for _, a in ordered)))
    built.sort(
        key=lambda g: (g.date is None, g.date or "", order[g.articles[0].id], g.quotes[0].start)
    )
    roles: list[tuple[str, Article]] = []
    speaker = briefing.speaker(speaker_id)
    seen: set[tuple[str, str]] = set()
    for quote in quotes:
        article = briefing.article(quote.article_id)
        if quote.role and article and (quote.role, article.id) not in seen:
            seen.add((quote.role, article.id))
            roles.append((quote.role, article))
    return SpeakerPage(speaker, tuple(roles), tuple(built))


def speaker_pages(briefing: Briefing) -> list[SpeakerPage]:
    """A page for every quoted speaker, most quoted first, and the unattributed last."""
    pages = [
        speaker_page(briefing, speaker.id)
        for speaker in briefing.speakers
        if briefing.quotes_by_speaker.get(speaker.id)
    ]
    pages.sort(key=lambda page: -page.quote_count)
    if briefing.quotes_by_speaker.get(None):
        pages.append(speaker_page(briefing, None))
    return pages
