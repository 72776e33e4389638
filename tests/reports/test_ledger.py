"""Figures across sources: grouping by key, and the verdict a reader sees."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import SEED_BRIEFING
from tui.files.loader import load
from tui.model.briefing import Article, Bound, Briefing, BriefingInfo, Figure
from tui.reports.ledger import (
    LedgerEntry,
    Sighting,
    Verdict,
    _category,
    build_ledger,
    is_calendar_year,
    named_values,
    top_of_ledger,
)


def _article(
    article_id: str,
    *figures: tuple[float, str, str | None, str | None],
    published: str | None = None,
) -> Article:
    body = " ".join(f"{value:g} {unit}." for value, unit, _, _ in figures)
    built, offset = [], 0
    for value, unit, key, as_of in figures:
        text = f"{value:g} {unit}"
        start = body.index(text, offset)
        built.append(
            Figure(
                article_id,
                value,
                unit,
                text,
                start,
                start + len(text),
                "Deaths",
                Bound.EXACT,
                as_of,
                key,
            )
        )
        offset = start + len(text)
    return Article(
        article_id,
        article_id.title(),
        body,
        outlet=f"{article_id} news",
        published=published,
        figures=tuple(built),
    )


def test_sources_that_agree():
    briefing = Briefing(
        articles=(
            _article("a", (48, "missions", "missions", "2025-07")),
            _article("b", (48, "missions", "missions", "2025-04")),
        )
    )
    [entry] = build_ledger(briefing)
    assert entry.verdict is Verdict.AGREE
    assert entry.describe() == "2 sources agree"


def test_sources_that_differ_give_each_value_with_its_date_and_the_range():
    briefing = Briefing(
        articles=(
            _article("july", (182, "peacekeepers", "killed", "2025-07")),
            _article("april", (181, "peacekeepers", "killed", "2025-04")),
        )
    )
    [entry] = build_ledger(briefing)
    assert entry.verdict is Verdict.DIFFER
    assert entry.lead.value == 182  # the latest value leads
    assert [s.article.id for s in entry.sightings] == ["april", "july"]  # earliest source first
    assert entry.describe() == "182 (July 2025) against 181 (April 2025); range 181-182"


def test_a_figure_without_a_key_is_a_single_source():
    [entry] = build_ledger(Briefing(articles=(_article("a", (7, "principles", None, None)),)))
    assert entry.verdict is Verdict.SINGLE
    assert entry.describe() == "single source"


def test_two_figures_of_one_article_under_one_key_are_still_one_source():
    briefing = Briefing(articles=(_article("a", (3, "ships", "k", None), (4, "boats", "k", None)),))
    [entry] = build_ledger(briefing)
    assert entry.verdict is Verdict.SINGLE


def test_missing_dates_fall_back_to_publication_then_go_last():
    briefing = Briefing(
        articles=(
            _article("undated", (10, "ships", "fleet", None)),
            _article("published", (12, "ships", "fleet", None), published="2024-05-01"),
            _article("as-of", (11, "ships", "fleet", "2023")),
        )
    )
    [entry] = build_ledger(briefing)
    assert [s.article.id for s in entry.sightings] == ["as-of", "published", "undated"]
    assert entry.lead.value == 12
    assert entry.describe() == "12 (1 May 2024) against 11 (2023) against 10; range 10-12"


def test_units_that_differ_only_in_wording_are_tied_by_the_key():
    briefing = Briefing(
        articles=(
            _article("a", (235000, "peacekeepers", "served", None)),
            _article("b", (235000, "personnel", "served", None)),
        )
    )
    [entry] = build_ledger(briefing)
    assert entry.verdict is Verdict.AGREE


def test_seed_briefing_ledger():
    entries = {e.key: e for e in build_ledger(load([SEED_BRIEFING]).briefing) if e.key}
    assert entries["pakistani-peacekeepers-served"].describe() == "2 sources agree"
    assert entries["pakistan-un-missions"].describe() == "2 sources agree"
    assert entries["pakistani-peacekeepers-killed"].verdict is Verdict.DIFFER
    assert (
        entries["pakistani-peacekeepers-killed"]
        .describe()
        .startswith("182 (July 2025) against 181 (April 2025)")
    )


def test_measures_reported_by_more_sources_come_first():
    briefing = Briefing(
        articles=(
            _article("a", (5.5e9, "USD", None, None), (48, "missions", "m", None)),
            _article("b", (48, "missions", "m", None), (1947, "year", None, None)),
        )
    )
    order = [entry.lead.unit for entry in build_ledger(briefing)]
    assert order == ["missions", "USD", "year"]


def _reference_ledger(briefing: Briefing) -> list[LedgerEntry]:
    """The ledger's ranking written plainly, as tuples (the reference for the fast one):
    calendar years last, small or incidental counts of one source that the bottom line does
    not name next to last; within each, more sources, named by the bottom line,
    labelled, category, larger value, order met."""
    named = named_values(briefing.info.bottom_line)
    groups: dict[str, list[Sighting]] = {}
    entries: list[LedgerEntry] = []
    for article in briefing.articles:
        for figure in article.figures:
            sighting = Sighting(figure, article)
            if figure.key:
                groups.setdefault(figure.key, []).append(sighting)
            else:
                entries.append(LedgerEntry(None, (sighting,)))
    for key, sightings in groups.items():
        chronological = sorted(sightings, key=lambda s: (0, s.date) if s.date else (1, ""))
        entries.append(LedgerEntry(key, tuple(chronological)))

    def rank(item: tuple[int, LedgerEntry]) -> tuple[float, ...]:
        index, entry = item
        lead = entry.lead
        sources = len(entry.article_ids)
        is_named = any(s.figure.value in named for s in entry.sightings)
        category = _category(lead)
        if is_calendar_year(lead):
            tier = 2
        elif category >= 3 and sources < 2 and not is_named:
            tier = 1
        else:
            tier = 0
        return (
            tier,
            -sources,
            not is_named,
            not any(s.figure.label for s in entry.sightings),
            category,
            -lead.value,
            index,
        )

    return [entry for _, entry in sorted(enumerate(entries), key=rank)]


_FIGURE = st.tuples(
    st.sampled_from([0, 3, 9.5, 10, 48, 48, 182, 5.5e9, -2, 1947, 2025]),
    st.sampled_from(["USD", "percent", "years", "year", "ships", "Ships", "%", "members", "eur"]),
    st.sampled_from([None, None, "k1", "k2", "k3"]),
    st.sampled_from([None, "2023", "2025-07", "2024-05-01"]),
)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.lists(_FIGURE, max_size=6), st.sampled_from([None, "2025-01-02"])),
        max_size=8,
    ),
    st.integers(min_value=1, max_value=30),
)
def test_the_ledger_and_its_top_rank_as_before(
    articles: list[tuple[list[tuple[float, str, str | None, str | None]], str | None]],
    top: int,
):
    briefing = Briefing(
        BriefingInfo(bottom_line="Over 48 missions, 9.5 of them new and 3 closed."),
        articles=tuple(
            _article(f"a{n}", *figures, published=published)
            for n, (figures, published) in enumerate(articles)
        ),
    )
    ledger = build_ledger(briefing)
    assert ledger == _reference_ledger(briefing)
    assert top_of_ledger(briefing, top) == (ledger[:top], len(ledger))
    assert top_of_ledger(briefing, None) == (ledger, len(ledger))


def test_a_single_sighting_reads_as_before():
    labelled = _article("a", (7, "principles", None, "2025"))
    unlabelled = Article("b", "B", "9 ships.", figures=(Figure("b", 9, "ships", "9 ships", 0, 7),))
    for article in (labelled, unlabelled):
        [entry] = build_ledger(Briefing(articles=(article,)))
        figure = article.figures[0]
        assert entry.label == (figure.label or figure.unit)
        assert entry.latest == entry.sightings[0] and entry.lead == figure
        assert entry.verdict is Verdict.SINGLE and entry.article_ids == (article.id,)
        assert entry.values == (figure.value,) and entry.describe() == "single source"


def test_key_figures_put_agreement_and_conflict_first_and_dates_last():
    briefing = load([SEED_BRIEFING]).briefing
    ledger = build_ledger(briefing)
    keys = {entry.key for entry in ledger[:3]}
    # what two sources agree on, or differ on (181 against 182), first
    assert keys == {
        "pakistani-peacekeepers-killed",
        "pakistani-peacekeepers-served",
        "pakistan-un-missions",
    }
    # calendar years are dates: last in the ledger, never among the key figures
    assert [entry.lead.display_value for entry in ledger[-3:]] == ["2025", "1960", "1947"]
    top, total = top_of_ledger(briefing, 48, dates=False)
    assert total == len(ledger) and not any(is_calendar_year(e.lead) for e in top)
    # small and incidental counts of one source come after the rest
    shown = [entry.lead.display_value for entry in top]
    assert shown.index("29") < shown.index("7") < shown.index("15") < shown.index("2 days")


def test_what_the_bottom_line_names_comes_before_other_single_sources():
    article = _article("a", (7, "ships", None, None), (12, "ships", None, None))
    plain = build_ledger(Briefing(articles=(article,)))
    named = build_ledger(
        Briefing(BriefingInfo(bottom_line="Only 7 ships sailed."), articles=(article,))
    )
    assert [e.lead.value for e in plain] == [12, 7]
    assert [e.lead.value for e in named] == [7, 12]


def test_named_values_read_numbers_as_written():
    assert named_values("over 235,000 personnel in 48 missions; $5.5 billion; 0.3 per cent") >= {
        235000,
        48,
        5.5e9,
        0.3,
    }
