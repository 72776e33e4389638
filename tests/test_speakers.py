"""Speaker pages: one person's quotes across articles, the same quotation shown once."""

from __future__ import annotations

from tui.model import Article, Briefing, Quote, Speaker
from tui.speakers import same_quotation, speaker_page, speaker_pages


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
