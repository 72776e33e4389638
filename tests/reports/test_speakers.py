"""Speaker pages: one person's quotes across articles, the same quotation shown once."""

from __future__ import annotations

import re
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.model.briefing import Article, Briefing, Quote, Speaker
from tui.reports.speakers import (
    _group_same,
    quoted_speakers,
    same_quotation,
    speaker_page,
    speaker_pages,
)


def _article(
    article_id: str, outlet: str, published: str | None, *quotes: tuple[str | None, str, str]
):
    body = " ".join(f'"{text}" said someone.' for _, text, _ in quotes)
    built = []
    for speaker_id, text, role in quotes:
        start = body.index(text)
        built.append(Quote(article_id, speaker_id, text, start, start + len(text), role))
    return Article(
        article_id, f"{outlet} story", body, outlet=outlet, published=published, quotes=tuple(built)
    )


WIRE = "We will not accept any deal that leaves our farmers behind, not now and not ever"
VARIANT = "We will not accept any deal that leaves our farmers behind, not now, not ever"


def _briefing() -> Briefing:
    return Briefing(
        articles=(
            _article("b", "Daily B", "2026-02-03", ("lee", VARIANT, "Trade Minister")),
            _article(
                "a",
                "Daily A",
                "2026-02-01",
                ("lee", WIRE, "minister"),
                ("lee", "Talks resume on Monday", ""),
            ),
            _article("c", "Daily C", None, (None, "Nobody knows who said this", "")),
        ),
        speakers=(Speaker("lee", "Dana Lee", "Minister of Trade"),),
    )


def test_near_identical_wording_is_one_quotation():
    assert same_quotation(WIRE, VARIANT)
    assert not same_quotation(WIRE, "Talks resume on Monday")


def test_speaker_page_shows_each_quotation_once_with_its_outlets_by_date():
    page = speaker_page(_briefing(), "lee")
    assert page.name == "Dana Lee" and page.quote_count == 3
    first, second = page.groups
    assert first.outlets == ("Daily A", "Daily B")
    assert first.variants == (WIRE, VARIANT)
    assert first.date == "2026-02-01"
    assert second.text == "Talks resume on Monday"


def test_roles_as_each_article_gives_them():
    page = speaker_page(_briefing(), "lee")
    assert [(role, article.outlet) for role, article in page.roles] == [
        ("Trade Minister", "Daily B"),
        ("minister", "Daily A"),
    ]


def test_unattributed_quotes_are_kept_apart_and_listed_last():
    pages = speaker_pages(_briefing())
    assert [page.name for page in pages] == ["Dana Lee", "Unattributed"]
    assert pages[-1].groups[0].text == "Nobody knows who said this"


# -- grouping at scale: the same groups as the quadratic-free grouping it replaced -----------

_WORD = re.compile(r"\w+")


def _previous_group_same(pairs: list[tuple[Quote, Article]]) -> list[list[Quote]]:
    """The grouping as it was before it was made fast (kept verbatim as the reference):
    a word-for-word copy joins its copy's group, else the first group whose first
    quotation has SAME_QUOTE_OVERLAP of the words, never two quotations of one article."""
    groups: list[tuple[list[Quote], list[Article]]] = []
    group_words: list[tuple[Counter[str], int]] = []
    group_articles: list[set[str]] = []
    by_word: dict[str, list[int]] = {}
    exact: dict[str, list[int]] = {}
    for quote, article in pairs:
        key = " ".join(_WORD.findall(quote.text.lower()))
        same_text = next(
            (i for i in exact.get(key, ()) if article.id not in group_articles[i]), None
        )
        if same_text is not None:
            groups[same_text][0].append(quote)
            groups[same_text][1].append(article)
            group_articles[same_text].add(article.id)
            continue
        words = Counter(word.lower() for word in _WORD.findall(quote.text))
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
                and sum((words & other).values()) / longer >= 0.8
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
    return [members for members, _ in groups]


_VOCABULARY = ["we", "will", "not", "the", "deal", "Deal", "farmers", "now", "ever", "is", "a"]
_TEMPLATES = [
    "We will not accept any deal that leaves our farmers behind, not now and not ever",
    "We will not accept any deal that leaves our farmers behind, not now, not ever",
    "the the the deal is a deal",
    "The deal is a deal, the the deal",
    "...",
    "",
]


def _replace_word(text: str, word: str, at: int) -> str:
    words = text.split()
    words[at : at + 1] = [word]
    return " ".join(words)


def _quotation() -> st.SearchStrategy[str]:
    """Wordings that are often copies, near copies or share most words: the hard cases."""
    words = st.lists(st.sampled_from(_VOCABULARY), min_size=0, max_size=12).map(" ".join)
    template = st.sampled_from(_TEMPLATES)
    edited = st.builds(_replace_word, template, st.sampled_from(_VOCABULARY), st.integers(0, 20))
    return st.one_of(words, template, edited, template.map(str.upper))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 6), _quotation()), max_size=40))
def test_grouping_gives_the_same_groups_as_before(quoted: list[tuple[int, str]]):
    articles = {n: Article(f"a{n}", f"Story {n}", "body") for n in range(7)}
    pairs = [
        (Quote(f"a{n}", "lee", text, index, index + 1), articles[n])
        for index, (n, text) in enumerate(quoted)
    ]
    expected = _previous_group_same(pairs)
    assert [members for members, _ in _group_same(pairs)] == expected


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 4), st.sampled_from(["lee", "kim", None]), _quotation()),
        max_size=40,
    )
)
def test_pages_built_together_are_the_pages_built_one_by_one(
    quoted: list[tuple[int, str | None, str]],
):
    # speaker_pages shares the comparison of wordings between speakers; nothing else.
    articles = []
    for n in range(5):
        quotes = tuple(
            Quote(f"a{n}", speaker, text, index, index + 1)
            for index, (m, speaker, text) in enumerate(quoted)
            if m == n
        )
        articles.append(Article(f"a{n}", f"Story {n}", "body", quotes=quotes))
    briefing = Briefing(
        articles=tuple(articles), speakers=(Speaker("lee", "Lee"), Speaker("kim", "Kim"))
    )
    pages = speaker_pages(briefing)
    assert pages == [
        speaker_page(briefing, page.speaker.id if page.speaker else None) for page in pages
    ]
    assert [(p.speaker.id if p.speaker else None, p.quote_count) for p in pages] == (
        quoted_speakers(briefing)
    )


def test_top_pages_are_the_most_quoted_speakers_and_the_unattributed():
    briefing = _briefing()
    many = Briefing(
        articles=(
            *briefing.articles,
            _article("d", "Daily D", None, ("kim", "One", ""), ("kim", "Two", "")),
            _article("e", "Daily E", None, ("kim", "Three", ""), ("ray", "Four", "")),
        ),
        speakers=(*briefing.speakers, Speaker("kim", "Kim"), Speaker("ray", "Ray")),
    )
    assert [(p.name, p.quote_count) for p in speaker_pages(many)] == [
        ("Dana Lee", 3),
        ("Kim", 3),
        ("Ray", 1),
        ("Unattributed", 1),
    ]
    assert [p.name for p in speaker_pages(many, top=1)] == ["Dana Lee", "Unattributed"]
    assert quoted_speakers(many) == [("lee", 3), ("kim", 3), ("ray", 1), (None, 1)]


def test_a_quotation_whose_article_is_not_loaded_is_left_out():
    quote = Quote("gone", "lee", "Talks resume on Monday", 0, 5)
    briefing = Briefing(
        articles=(_article("a", "Daily A", None, ("lee", "Hello there", "")),),
        speakers=(Speaker("lee", "Dana Lee"),),
    )
    briefing.quotes_by_speaker["lee"] += (quote,)  # a quotation of an article not loaded
    page = speaker_page(briefing, "lee")
    assert page.quote_count == 1 and quoted_speakers(briefing) == [("lee", 1)]
