"""Pilot tests: the figure ledger (4), speaker pages, their palette commands, and a corpus of
300 generated articles opened and driven through every view (no timing asserted)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from textual.command import CommandPalette

from tui.dashboard.widgets import FigurePanel, Reader
from tui.reports.ledger import Verdict

from .conftest import ROOT, ready, until

WIRE = Path(__file__).parent / "data" / "wire"


@pytest.fixture
def wire_app(app_for):
    return app_for(WIRE)


# -- the figure ledger ---------------------------------------------------------------------------


async def test_4_shows_the_ledger_with_a_mark_for_sources_that_differ(app_for):
    app = app_for()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("4")
        ledger = app.main.ledger_view
        assert app.main.view == "ledger"
        assert app.focused is ledger.entry_list
        assert ledger.entry_list.option_count == len(app.main.ledger) == 20
        differ = [e for e in ledger.rows if e.verdict is Verdict.DIFFER]
        assert [e.key for e in differ] == ["pakistani-peacekeepers-killed"]
        row = ledger._entry_row(ledger.rows.index(differ[0]))
        assert row.plain.startswith("≠ 182  Pakistani peacekeepers killed")
        assert "differ 181-182" in row.plain and "latest 182 (July 2025)" in row.plain
        agree = ledger._entry_row(0).plain
        assert agree.startswith("✓ ") and "2 agree" in agree
        heading = str(ledger.query_one("#ledger-heading").render())
        assert "20 figures" in heading and "≠ 1 differ" in heading and "✓ 2 agree" in heading


async def test_summary_panel_and_ledger_use_the_same_words(app_for):
    app = app_for()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        panel = next(p for p in app.main.summary.panels if p.entry.verdict is Verdict.DIFFER)
        await pilot.press("4")
        ledger = app.main.ledger_view
        row = ledger._entry_row(ledger.rows.index(panel.entry)).plain
        assert "≠ differ 181-182" in str(panel.render())
        assert "differ 181-182" in row


async def test_ledger_entry_lists_its_sources_and_enter_opens_the_figure(wire_app):
    app = wire_app
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("4")
        ledger = app.main.ledger_view
        entry = ledger.entry
        assert entry is not None and entry.key == "bridge-cost"
        await pilot.press("enter")
        assert app.focused is ledger.source_list
        assert ledger.source_list.option_count == 3
        rows = [ledger._source_row(i).plain for i in range(3)]
        assert rows[0].startswith("$120 million  as of March 2026")
        assert "City Herald · Council approves harbour bridge" in rows[0]
        assert "Harbour Times" in rows[1]
        assert rows[2].startswith("~$150 million  as of April 2026") and "Daily Post" in rows[2]
        heading = str(ledger.query_one("#sources-heading").render())
        assert "Cost of the bridge" in heading
        assert "≠ differ $120 million-$150 million" in heading
        assert "earliest City Herald (March 2026)" in heading
        await pilot.press("down", "enter")
        figure = entry.sightings[1].figure
        reader = app.main.articles.reader
        assert app.main.view == "articles"
        assert isinstance(app.focused, Reader)
        assert reader.article.id == "times-vote"
        assert reader.highlight == (figure.start, figure.end)
        assert reader.current_mark is not None and reader.current_mark.kind == "figure"
        await pilot.press("escape")
        assert app.main.view == "ledger"
        assert app.focused is ledger.source_list
        assert ledger.source_list.highlighted == 1
        await pilot.press("escape")
        assert app.focused is ledger.entry_list


async def test_d_lists_only_the_figures_whose_sources_differ(app_for):
    app = app_for()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("4", "d")
        ledger = app.main.ledger_view
        assert [e.verdict for e in ledger.rows] == [Verdict.DIFFER]
        assert ledger.entry.key == "pakistani-peacekeepers-killed"
        await pilot.press("d")
        assert len(ledger.rows) == 20
        assert ledger.entry.key == "pakistani-peacekeepers-killed", "the entry stays highlighted"


async def test_narrow_ledger_shows_entries_or_sources(app_for):
    app = app_for(WIRE)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("4")
        ledger = app.main.ledger_view
        assert ledger.entry_list.region.width > 0
        assert ledger.query_one("#sources-pane").region.width == 0
        await pilot.press("enter")
        await pilot.pause()
        assert ledger.query_one("#ledger-pane").region.width == 0
        assert ledger.source_list.region.width > 0
        await pilot.press("escape")
        await pilot.pause()
        assert ledger.entry_list.region.width > 0


# -- speaker pages -------------------------------------------------------------------------------


async def test_enter_on_a_speaker_opens_the_page_with_merged_quotations(wire_app):
    app = wire_app
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("2")
        assert app.main.quotes.speaker_id == "ana-ruiz"
        await pilot.press("enter")
        page = app.main.speaker_page
        assert app.main.view == "speaker"
        assert app.focused is page.quote_list
        assert page.speaker_id == "ana-ruiz"
        # four quotes, three quotations: the wire quote carried by two outlets is one row
        assert page.quote_list.option_count == 3
        first = page._row(0).plain
        assert first.startswith("2 March 2026 · 2 outlets: City Herald, Harbour Times")
        assert "2 wordings" in first
        assert "We waited long enough for this bridge" in first
        assert page._row(1).plain.startswith("2 March 2026 · City Herald")
        assert page._row(2).plain.startswith("Radio Porto"), "undated last"
        heading = str(page.query_one("#page-heading").render())
        assert "Mayor of Porto Claro (City Herald)" in heading
        assert "the mayor (Harbour Times)" in heading and "Mayor (Radio Porto)" in heading
        assert "3 quotations in 3 articles" in heading
        assert "1 carried by several outlets" in heading


async def test_a_quotation_an_outlet_ran_twice_counts_articles_and_outlets(app_for, tmp_path):
    text = (WIRE / "harbour-bridge.yaml").read_text(encoding="utf-8")
    folder = tmp_path / "wire"
    folder.mkdir()
    (folder / "harbour-bridge.yaml").write_text(
        text.replace("outlet: Harbour Times", "outlet: City Herald"), encoding="utf-8"
    )
    app = app_for(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("2", "enter")
        first = app.main.speaker_page._row(0).plain
        assert first.startswith("2 March 2026 · 2 articles in 1 outlet: City Herald ·"), first


async def test_v_shows_the_variant_wordings(wire_app):
    app = wire_app
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("2", "o")
        page = app.main.speaker_page
        assert app.main.view == "speaker"

        def detail() -> str:
            return str(page.query_one("#page-detail").render())

        assert "Carried by City Herald (2 March 2026, Mayor of Porto Claro); Harbour Times" \
            in detail()
        assert "v shows the 2 wordings" in detail()
        assert "for the bridge" not in detail()
        await pilot.press("v")
        assert page.show_variants
        assert "“We waited long enough for this bridge,” — City Herald" in detail()
        assert "“We waited long enough for the bridge,” — Harbour Times" in detail()
        await pilot.press("v")
        assert "for the bridge" not in detail()


async def test_enter_on_a_quotation_opens_the_first_article_at_the_quote(wire_app):
    app = wire_app
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("2", "enter", "enter")
        reader = app.main.articles.reader
        quote = app.briefing.article("herald-vote").quotes[0]
        assert app.main.view == "articles"
        assert isinstance(app.focused, Reader)
        assert reader.article.id == "herald-vote"
        assert reader.highlight == (quote.start, quote.end)
        assert reader.current_mark.kind == "quote"
        await pilot.press("escape")
        page = app.main.speaker_page
        assert app.main.view == "speaker"
        assert app.focused is page.quote_list
        await pilot.press("escape")
        assert app.main.view == "quotes"
        assert app.focused is app.main.quotes.speaker_list


async def test_unattributed_quotations_have_their_page(wire_app):
    app = wire_app
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("2", "G")
        assert app.main.quotes.speaker_id is None
        await pilot.press("enter")
        page = app.main.speaker_page
        assert app.main.view == "speaker"
        assert page.speaker_id is None and page.page.name == "Unattributed"
        assert page.quote_list.option_count == 1
        assert "The ferry is too slow." in page._row(0).plain
        heading = str(page.query_one("#page-heading").render())
        assert heading.startswith("Unattributed · quotations without a known speaker")


async def test_enter_on_a_quote_still_opens_the_article(wire_app):
    app = wire_app
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("2", "right")
        quotes = app.main.quotes
        assert app.focused is quotes.quote_list
        await pilot.press("enter")
        assert app.main.view == "articles"
        assert app.main.articles.reader.highlight == (quotes.quotes[0].start, quotes.quotes[0].end)


# -- the palette ---------------------------------------------------------------------------------


async def run_command(pilot, text: str) -> None:
    app = pilot.app
    await pilot.press("ctrl+p")
    assert isinstance(app.screen, CommandPalette)
    await pilot.press(*text)
    await until(pilot, lambda: app.screen.query_one("CommandList").option_count > 0)
    await pilot.pause(0.2)
    await pilot.press("enter")
    await until(pilot, lambda: app.screen is app.main)


async def test_palette_opens_the_ledger_and_speaker_pages(wire_app):
    app = wire_app
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await run_command(pilot, "figure ledger")
        assert app.main.view == "ledger"
        await run_command(pilot, "Speaker: Ana Ruiz")
        await until(pilot, lambda: app.main.view == "speaker")
        assert app.main.speaker_page.speaker_id == "ana-ruiz"
        await run_command(pilot, "Speaker: Unattributed")
        await until(pilot, lambda: app.main.speaker_page.speaker_id is None)
        assert app.main.speaker_page.page.name == "Unattributed"


# -- a generated corpus --------------------------------------------------------------------------


def _generate(count: int, folder: Path) -> None:
    spec = importlib.util.spec_from_file_location("generate", ROOT / "benchmarks" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.generate(count, folder)


async def test_a_generated_corpus_opens_and_every_view_works(app_for, tmp_path):
    corpus = tmp_path / "corpus"
    _generate(300, corpus)
    app = app_for(corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await until(pilot, lambda: app.main.ledger is not None and app.index_ready, 30)
        assert len(app.briefing.articles) == 300
        assert isinstance(app.focused, FigurePanel)
        await pilot.press("2")
        assert app.main.quotes.speaker_list.option_count > 10
        await pilot.press("enter")
        page = app.main.speaker_page
        assert app.main.view == "speaker" and page.quote_list.option_count > 0
        await pilot.press("pagedown", "v", "enter")
        assert app.main.view == "articles" and app.main.articles.reader.highlight is not None
        await pilot.press("3", "escape", "G")
        articles = app.main.articles.article_list
        assert articles.option_count == 300 and articles.highlighted == 299
        await pilot.press("4")
        ledger = app.main.ledger_view
        assert ledger.entry_list.option_count == len(app.main.ledger) > 300 * 5
        await pilot.press("pagedown", "pagedown", "enter", "enter")
        assert app.main.view == "articles"
        await pilot.press("1", "s", *"minister")
        await until(pilot, lambda: bool(app.screen.hits))
        hit = app.screen.hits[0]
        await pilot.press("enter")
        assert app.screen is app.main
        if hit.article_id is not None:
            assert app.main.articles.reader.article.id == hit.article_id
