"""The summary sets unnamed sources apart and never prints a guessed speaker as fact."""

from __future__ import annotations

from tui.model.briefing import Article, Briefing, BriefingInfo, Quote, Speaker
from tui.reports.speakers import quoted_speakers
from tui.reports.summary import render

BODY = '"One," said Ana Ruiz. "Two," she said. "Three," an official said.'


def _briefing() -> Briefing:
    quotes = (
        Quote("a", "ana-ruiz", "One,", 1, 5),
        Quote("a", "ana-ruiz", "Two,", 23, 27, check="speaker found through a pronoun"),
        Quote("a", "an-official-a", "Three,", 40, 46, check="an unnamed source"),
    )
    assert all(BODY[q.start : q.end] == q.text for q in quotes)
    speakers = (
        Speaker("an-official-a", "an official", named=False),
        Speaker("ana-ruiz", "Ana Ruiz"),
    )
    return Briefing(BriefingInfo("T"), (Article("a", "A", BODY, quotes=quotes),), speakers)


def test_named_people_rank_before_unnamed_sources():
    assert [speaker_id for speaker_id, _ in quoted_speakers(_briefing())] == [
        "ana-ruiz",
        "an-official-a",
    ]


def test_text_summary_marks_unconfirmed_and_heads_unnamed_sources():
    text = render(_briefing(), "text", width=100)
    assert "“One” [1]" in text
    assert "“Two” (speaker unconfirmed) [1]" in text
    assert text.index("Ana Ruiz") < text.index("UNNAMED SOURCES") < text.index("an official")


def test_markdown_and_html_mark_unconfirmed_too():
    markdown = render(_briefing(), "markdown")
    assert "## Unnamed sources" in markdown
    assert markdown.count("(speaker unconfirmed)") == 2
    page = render(_briefing(), "html")
    assert "<h2>Unnamed sources</h2>" in page
    assert "“Two” (speaker unconfirmed)" in page
