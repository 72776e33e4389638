"""The printable summary of the seed briefing, in each format."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import DATA, SEED_BRIEFING
from tui.files.loader import load
from tui.model.briefing import Article, Briefing, BriefingInfo, Figure, Quote, Speaker
from tui.reports.summary import render

EXPECTED = DATA / "expected"


@pytest.fixture(scope="module")
def seed() -> Briefing:
    return load([SEED_BRIEFING]).briefing


@pytest.mark.parametrize(("fmt", "suffix"), [("text", "txt"), ("markdown", "md"), ("html", "html")])
def test_seed_summary_matches_the_reviewed_output(seed: Briefing, fmt: str, suffix: str):
    # The expected files were read and checked by a person; regenerate them with
    # `briefing summary briefings --format FMT > tests/data/expected/seed-summary.SUFFIX`.
    assert render(seed, fmt) == (EXPECTED / f"seed-summary.{suffix}").read_text(encoding="utf-8")


def test_text_summary_is_ordered_as_a_brief(seed: Briefing):
    text = render(seed, "text")
    headings = [line for line in text.splitlines() if line.isupper() and len(line) > 3]
    assert headings == [
        "PAKISTAN AND UN PEACEKEEPING",
        "BOTTOM LINE",
        "KEY FIGURES",
        "QUOTES BY SPEAKER",
        "SOURCES",
    ]


@pytest.mark.parametrize("width", [40, 80, 120])
def test_text_summary_wraps_to_the_width(seed: Briefing, width: int):
    lines = render(seed, "text", width=width).splitlines()
    assert max(len(line) for line in lines) <= width


def test_key_figures_show_agreement_and_disagreement(seed: Briefing):
    text = " ".join(render(seed, "text", width=200).split())
    assert ">235,000 Pakistani peacekeepers who have served [1, 2]; 2 sources agree" in text
    assert "182 (July 2025) against 181 (April 2025)" in text
    assert "$5.5 billion Annual budget of UN peacekeeping [1]" in text


def test_quotes_are_grouped_under_their_speaker_with_footnotes(seed: Briefing):
    text = render(seed, "text", width=1000)
    ahmad = text.index("Asim Iftikhar Ahmad, Pakistan's Ambassador")
    dar = text.index("Ishaq Dar, Foreign Minister")
    assert ahmad < text.index("“Overall, peace operations are a success story” [1]") < dar
    assert dar < text.index("“Only credible deterrence will protect our peacekeepers” [2]")
    assert "[2] Dar urges modernisation and unity in UN peacekeeping" in text


def test_quotations_read_as_quotations(seed: Briefing):
    for fmt in ("text", "markdown", "html"):
        output = render(seed, fmt, width=1000)
        # no attribution comma left inside the marks; a quotation that starts mid-sentence
        # opens with an ellipsis
        assert "peace and security,”" not in output and "security”" in output
        assert "“…but this noble endeavour comes at a profound human cost.”" in output


def test_calendar_years_are_not_key_figures(seed: Briefing):
    text = render(seed, "text", width=200)
    assert "Year Pakistan joined the UN" not in text and "1947" not in text.split("QUOTES")[0]


def test_references_cannot_be_misread(seed: Briefing):
    page = render(seed, "html")
    assert '<a href="#source-1">1</a>, <a href="#source-2">2</a>' in page
    assert "[^" not in render(seed, "markdown")
    assert "[1, 2]" in render(seed, "markdown")


def test_sources_read_outlet_date_title_and_url():
    article = Article(
        "a",
        "Bridge approved",
        "The council voted.",
        outlet="City Herald",
        url="https://example.org/bridge",
        published="2026-03-02",
    )
    briefing = Briefing(BriefingInfo(title="Port"), (article,))
    line = "City Herald, 2 March 2026, Bridge approved"
    assert f"[1] {line}. https://example.org/bridge" in render(briefing, "text", width=200)
    assert "1. City Herald, 2 March 2026, [Bridge approved](<https://example.org/bridge>)" in (
        render(briefing, "markdown")
    )
    page = render(briefing, "html")
    assert line in page and 'href="https://example.org/bridge"' in page


@pytest.mark.parametrize(("paper", "size"), [("a4", "size: A4"), ("letter", "size: letter")])
def test_the_printed_page_has_a_size_and_page_numbers(seed: Briefing, paper: str, size: str):
    page = render(seed, "html", paper=paper)
    assert size in page and 'counter(page) " of " counter(pages)' in page
    first = page[page.index('<section class="first-page">') : page.index("</section>")]
    assert "Bottom line" in first and "Key figures" in first and "Key quotations" in first


def test_the_paper_follows_the_locale():
    from tui.reports.summary_html import paper_from_locale

    assert paper_from_locale({"LANG": "en_US.UTF-8"}) == "letter"
    assert paper_from_locale({"LC_PAPER": "fr_CA.UTF-8", "LANG": "de_DE.UTF-8"}) == "letter"
    assert paper_from_locale({"LANG": "en_GB.UTF-8"}) == "a4"
    assert paper_from_locale({}) == "a4"


def test_a_measure_over_three_dates_prints_its_values_by_date():
    articles = tuple(
        Article(
            f"a{n}",
            f"Story {n}",
            f"{value} ships.",
            published=date,
            figures=(
                Figure(
                    f"a{n}",
                    value,
                    "ships",
                    f"{value} ships",
                    0,
                    2 + len(str(value)),
                    "Ships in port",
                    key="ships",
                ),
            ),
        )
        for n, (value, date) in enumerate([(7, "2025-01"), (9, "2025-03"), (8, "2025-05")])
    )
    text = render(Briefing(BriefingInfo(title="Port"), articles), "text", width=200)
    assert "by date: Jan 2025 7 · Mar 2025 9 · May 2025 8" in text


HOSTILE = "[bold]loud[/bold] \x1b[2J\x1b]52;c;ZXZpbA==\x07 <script>alert(1)</script> \u202eevil"


def _hostile_briefing() -> Briefing:
    body = f'"{HOSTILE}," said Eve.'
    article = Article(
        id="a",
        title=f"Title {HOSTILE}",
        body=body,
        url="javascript:alert(1)",
        quotes=(Quote("a", "eve", HOSTILE + ",", 1, 1 + len(HOSTILE) + 1),),
    )
    return Briefing(
        BriefingInfo(title=HOSTILE, bottom_line=HOSTILE), (article,), (Speaker("eve", HOSTILE),)
    )


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_article_text_never_carries_escape_sequences(fmt: str):
    output = render(_hostile_briefing(), fmt)
    assert "\x1b" not in output and "\x07" not in output and "\u202e" not in output
    assert "x1b" in output and "u202e" in output  # shown as visible escapes


def test_html_escapes_everything_it_prints():
    output = render(_hostile_briefing(), "html")
    assert "<script>" not in output
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in output
    assert 'href="javascript:' not in output


def test_markdown_shows_markup_as_written():
    output = render(_hostile_briefing(), "markdown")
    assert "<script>" not in output
    assert "\\[bold\\]loud\\[/bold\\]" in output


def test_html_is_a_standalone_printable_page(seed: Briefing):
    page = render(seed, "html")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert "@media print" in page and "break-inside: avoid" in page and "@page" in page
    assert "<link" not in page and "<script" not in page


def test_unknown_format_is_refused(seed: Briefing, tmp_path: Path):
    with pytest.raises(ValueError, match="unknown format"):
        render(seed, "pdf")


def test_a_quotation_carried_by_two_outlets_is_printed_once_with_both_notes():
    words = "The harbour will reopen before the winter storms arrive"
    articles = tuple(
        Article(
            article_id,
            f"Story {article_id}",
            f'"{words}," said Lee.',
            outlet=outlet,
            quotes=(Quote(article_id, "lee", words, 1, 1 + len(words)),),
        )
        for article_id, outlet in (("a", "Daily A"), ("b", "Daily B"))
    )
    briefing = Briefing(BriefingInfo(title="Port"), articles, (Speaker("lee", "Dana Lee"),))
    text = render(briefing, "text", width=200)
    assert text.count(words) == 1
    assert f"“{words}” [1, 2]" in text


def test_top_limits_figures_and_quotations_and_says_how_many_more(seed: Briefing):
    text = render(seed, "text", width=200, top=3)
    assert text.count("[1]") + text.count("[2]") > 0
    assert "and 14 more figures; briefing summary --all prints them all" in text
    assert "and 8 more quotations; briefing summary --all prints them all" in text
    assert "and 1 more quotation;" in text
    assert render(seed, "text", top=None) == render(seed, "text", top=1000)
