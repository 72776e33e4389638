"""The summary of a large briefing stays a brief: top speakers, few notes, cited articles."""

from __future__ import annotations

import re

import pytest

from tui.model.briefing import Article, Briefing, BriefingInfo, Figure, Quote, Speaker
from tui.reports.summary import render

WIRE = "The harbour will reopen before the winter storms arrive"


def _article(n: int, *quotes: tuple[str | None, str], figure: float | None = None) -> Article:
    body = " ".join(f'"{text}," said someone.' for _, text in quotes) + " 7 ships."
    built = tuple(
        Quote(f"a{n:02d}", speaker, text, body.index(text), body.index(text) + len(text))
        for speaker, text in quotes
    )
    figures = ()
    if figure is not None:
        start = body.index("7 ships")
        figures = (Figure(f"a{n:02d}", figure, "ships", "7 ships", start, start + 7, "Ships"),)
    return Article(
        f"a{n:02d}",
        f"Story {n:02d}",
        body,
        outlet=f"Outlet {n:02d}",
        published=f"2025-01-{n + 1:02d}",
        quotes=built,
        figures=figures,
    )


def _briefing() -> Briefing:
    """Lee is most quoted (the wire quotation carried by 5 outlets), then Kim, then Ray."""
    articles = [
        _article(0, ("lee", "Talks resume on Monday"), ("kim", "We are ready"), figure=7),
        *(_article(n, ("lee", WIRE)) for n in range(1, 6)),
        _article(6, ("lee", "Nobody expected the vote"), ("kim", "Ask the minister")),
        _article(7, ("ray", "No comment at this stage"), (None, "It is over")),
        *(_article(n) for n in range(8, 12)),  # never cited
    ]
    speakers = (Speaker("lee", "Dana Lee"), Speaker("kim", "Jo Kim"), Speaker("ray", "Al Ray"))
    return Briefing(BriefingInfo(title="Port"), tuple(articles), speakers)


def _footnotes(output: str, fmt: str) -> dict[int, str]:
    """Footnote number to article title, as each format lists them."""
    pattern = {
        "text": r"^  \[(\d+)\] Outlet \d+, [^,]+, (Story \d+)",
        "markdown": r"^(\d+)\. Outlet \d+, [^,]+, (Story \d+)",
        "html": r'<li id="source-(\d+)" value="\d+">Outlet \d+, [^,]+, (Story \d+)',
    }[fmt]
    return {int(n): title for n, title in re.findall(pattern, output, re.MULTILINE)}


def _cited(output: str, fmt: str) -> set[int]:
    if fmt == "html":
        return {int(n) for n in re.findall(r"#source-(\d+)", output)}
    body = output.split("SOURCES" if fmt == "text" else "## Sources")[0]
    return {int(n) for refs in re.findall(r"\[(\d+(?:, \d+)*)\]", body) for n in refs.split(", ")}


FORMATS = ("text", "markdown", "html")


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_most_quoted_speakers_are_shown_and_the_rest_counted(fmt: str):
    output = render(_briefing(), fmt, width=200, top=2)
    assert "Dana Lee" in output and "Jo Kim" in output and "Al Ray" not in output
    assert "and 1 more speaker; briefing summary --all prints them all" in output
    # The unattributed quotations are not a speaker: still shown, after the line.
    assert output.index("1 more speaker") < output.index("Unattributed")
    assert "It is over" in output


def test_without_a_limit_every_speaker_and_article_is_printed():
    output = render(_briefing(), "text", width=200, top=None)
    assert "Al Ray" in output and "more speaker" not in output and "more article" not in output
    assert _footnotes(output, "text") == {n + 1: f"Story {n:02d}" for n in range(12)}
    assert f"“{WIRE}” [2, 3, 4, 5, 6]" in output


@pytest.mark.parametrize("fmt", FORMATS)
def test_only_the_cited_articles_are_footnotes_numbered_in_briefing_order(fmt: str):
    output = render(_briefing(), fmt, width=200, top=2)
    notes = _footnotes(output, fmt)
    # a04 and a05 carry only the wire quotation, which cites its three earliest outlets; a07
    # is cited by the unattributed quotation only (Ray is not shown); a08-a11 by nothing.
    assert notes == {
        1: "Story 00",
        2: "Story 01",
        3: "Story 02",
        4: "Story 03",
        5: "Story 06",
        6: "Story 07",
    }
    assert _cited(output, fmt) == set(notes)
    assert "and 6 more articles; briefing summary --all prints them all" in output


def test_footnotes_are_the_same_in_every_format():
    notes = [_footnotes(render(_briefing(), fmt, width=200, top=2), fmt) for fmt in FORMATS]
    assert notes[0] == notes[1] == notes[2]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_quotation_carried_widely_cites_its_earliest_outlets(fmt: str):
    output = render(_briefing(), fmt, width=200, top=2)
    if fmt == "html":  # the first page's key quotations come before the quotes by speaker
        output = output[output.index("<h2>Quotes by speaker") :]
    assert output.count(WIRE) == 1
    assert "and 2 other articles" in output
    if fmt == "text":
        assert f"“{WIRE}” [2, 3, 4] and 2 other articles" in output


def test_a_small_briefing_lists_every_article_even_uncited():
    briefing = _briefing()
    output = render(briefing, "text", width=200, top=len(briefing.articles))
    assert len(_footnotes(output, "text")) == len(briefing.articles)
    assert "more article" not in output


def test_a_speaker_s_most_widely_carried_quotations_are_shown_in_date_order():
    # Lee has three quotations; with room for two, the one carried by five outlets and the
    # earliest of the others, printed in the page's order (oldest first).
    text = render(_briefing(), "text", width=200, top=2)
    lee = text[text.index("Dana Lee") : text.index("Jo Kim")]
    assert "Talks resume on Monday" in lee and WIRE in lee
    assert "Nobody expected the vote" not in lee
    assert lee.index("Talks resume") < lee.index(WIRE)
    assert "and 1 more quotation;" in lee
