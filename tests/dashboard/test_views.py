"""Pilot tests: switching views, the summary's figure panels, quotes by speaker, going back."""

from __future__ import annotations

from tui.dashboard.widgets import FigurePanel, Reader
from tui.reports.ledger import KeyFigures, Verdict, build_ledger, is_calendar_year

from .conftest import ready, until


async def test_number_keys_switch_views(app_for):
    app = app_for()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        assert app.main.view == "summary"
        assert isinstance(app.focused, FigurePanel)
        await pilot.press("2")
        assert app.main.view == "quotes"
        assert app.focused is app.main.quotes.speaker_list
        await pilot.press("3")
        assert app.main.view == "articles"
        assert app.focused is app.main.articles.article_list
        await pilot.press("1")
        assert app.main.view == "summary"
        assert isinstance(app.focused, FigurePanel)


async def test_clicking_a_tab_switches_view(app_for):
    app = app_for()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.click("#tab-articles")
        assert app.main.view == "articles"
        await pilot.click("#tab-quotes")
        assert app.main.view == "quotes"


async def test_summary_shows_counts_and_panels(app_for):
    app = app_for()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        counts = str(app.main.query_one("#summary-counts").render())
        assert "2 articles" in counts and "15 quotes" in counts and "23 figures" in counts
        panels = app.main.summary.panels
        ledger = build_ledger(app.briefing)
        # every figure of the ledger but the calendar years, which are dates
        assert [p.entry.key for p in panels] == [
            e.key for e in ledger if not is_calendar_year(e.lead)
        ]
        assert not any(is_calendar_year(p.entry.lead) for p in panels)
        differ = [p for p in panels if p.entry.verdict is Verdict.DIFFER]
        assert differ and "≠ differ 181-182" in str(differ[0].render())
        assert differ[0].has_class("-differ")


async def test_figure_panel_opens_the_article_at_the_figure_and_esc_comes_back(app_for):
    app = app_for()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("right")
        panel = app.focused
        assert isinstance(panel, FigurePanel) and panel.index == 1
        figure = panel.entry.lead
        await pilot.press("enter")
        reader = app.main.articles.reader
        assert app.main.view == "articles"
        assert app.focused is reader
        assert reader.article is not None and reader.article.id == figure.article_id
        assert reader.highlight == (figure.start, figure.end)
        assert reader.current_mark is not None and reader.current_mark.kind == "figure"
        await pilot.press("escape")
        assert app.main.view == "summary"
        assert app.focused is panel


async def test_clicking_a_panel_opens_the_article(app_for):
    app = app_for()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        panel = app.main.summary.panels[2]
        await pilot.click(panel)
        await pilot.pause()
        reader = app.main.articles.reader
        assert app.main.view == "articles"
        assert reader.highlight == (panel.entry.lead.start, panel.entry.lead.end)


async def test_arrow_and_vim_keys_move_between_panels(app_for):
    app = app_for()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        columns = int(app.main.query_one("#figure-grid").styles.grid_size_columns)
        await pilot.press("j")
        assert app.focused.index == columns
        await pilot.press("l", "l")
        assert app.focused.index == columns + 2
        await pilot.press("k", "h")
        assert app.focused.index == 1
        await pilot.press("G")
        assert app.focused.index == len(app.main.summary.panels) - 1
        await pilot.press("g")
        assert app.focused.index == 0


async def test_filtering_speakers_by_name_alias_and_role(app_for):
    app = app_for()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("2", "slash")
        quotes = app.main.quotes
        assert app.focused is quotes.filter_input
        await pilot.press(*"dar")
        assert [o.id for o in quotes.speaker_list.options] == ["ishaq-dar"]
        assert len(quotes.quotes) == 4
        quotes.filter_input.value = "envoy"
        await pilot.pause()
        assert [o.id for o in quotes.speaker_list.options] == ["asim-iftikhar-ahmad"]
        quotes.filter_input.value = "interior minister"
        await pilot.pause()
        assert [o.id for o in quotes.speaker_list.options] == ["mohsin-naqvi"]
        await pilot.press("escape")
        assert quotes.filter_input.value == ""
        assert app.focused is quotes.speaker_list
        assert quotes.speaker_list.option_count == 4


async def test_quote_opens_the_article_at_the_quote_and_esc_comes_back(app_for):
    app = app_for()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("2", "j")
        quotes = app.main.quotes
        assert quotes.speaker_id == "ishaq-dar"
        await pilot.press("right")
        assert app.focused is quotes.quote_list
        await pilot.press("down", "enter")
        quote = app.briefing.quotes_by_speaker["ishaq-dar"][1]
        reader = app.main.articles.reader
        assert app.main.view == "articles"
        assert isinstance(app.focused, Reader)
        assert reader.article.id == quote.article_id
        assert reader.highlight == (quote.start, quote.end)
        assert reader.current_mark.kind == "quote"
        status = str(app.main.query_one("#reader-status").render())
        assert "Quote 2 of 4" in status and "Ishaq Dar" in status
        await pilot.press("escape")
        assert app.main.view == "quotes"
        assert app.focused is quotes.quote_list
        assert quotes.quote_list.highlighted == quotes.quote_list.get_option_index("1")


async def test_unattributed_quotes_are_listed_apart(app_for, seed_dir):
    text = (seed_dir / "pakistan-un-peacekeeping.yaml").read_text(encoding="utf-8")
    text = text.replace("      - speaker: ishaq-dar\n", "      - text_speaker: none\n", 0)
    # Drop the speaker of Dar's first quote: the loader keeps it, unattributed.
    marker = "    quotes:\n      - speaker: ishaq-dar\n"
    assert marker in text
    text = text.replace(marker, "    quotes:\n      - speaker: nobody-known\n", 1)
    (seed_dir / "pakistan-un-peacekeeping.yaml").write_text(text, encoding="utf-8")
    app = app_for()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("2")
        quotes = app.main.quotes
        ids = [o.id for o in quotes.speaker_list.options]
        assert ids[-1] == " unattributed"
        await pilot.press("G")
        assert quotes.speaker_id is None
        assert len(quotes.quotes) == 1
        assert app.main.problems, "the unknown speaker id is reported"



async def test_figures_arriving_late_do_not_take_focus_from_the_view_the_reader_chose(
    app_for, monkeypatch
):
    """The figure panels are built after the first frame and take focus after the next
    refresh; a view the reader chose in between keeps it."""
    app = app_for()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        main = app.main
        summary = main.summary
        figures = main.key_figures
        main.key_figures = KeyFigures((), 0)  # no panels: the next figures build them
        await pilot.pause()
        app.screen.set_focus(None)
        await pilot.pause()
        deferred = []
        monkeypatch.setattr(summary, "call_after_refresh", lambda *call: deferred.append(call))
        main.key_figures = figures  # the figures arrive while nothing is focused...
        await until(pilot, lambda: bool(deferred))
        await pilot.press("2")  # ...and the reader switches view before the next refresh
        for callback, *args in deferred:
            callback(*args)
        await pilot.pause()
        assert main.view == "quotes"
        assert app.focused is main.quotes.speaker_list
        await pilot.press("enter")
        assert main.view == "speaker"


async def test_summary_figures_show_before_the_whole_ledger_is_built(app_for, monkeypatch):
    """The summary ranks only its panels; the figure ledger (4) follows when it is built."""
    import threading

    import tui.reports.ledger

    gate = threading.Event()
    build = tui.reports.ledger.build_ledger

    def slow_build(briefing):
        gate.wait(timeout=10)
        return build(briefing)

    monkeypatch.setattr(tui.reports.ledger, "build_ledger", slow_build)
    app = app_for()
    async with app.run_test(size=(120, 40)) as pilot:
        try:
            await until(pilot, lambda: bool(app.main.query("FigurePanel")))
            main = app.main
            assert main.ledger is None
            assert [p.entry.key for p in main.summary.panels] == [
                e.key for e in build(app.briefing) if not is_calendar_year(e.lead)
            ]
            await until(pilot, lambda: isinstance(app.focused, FigurePanel))  # after a refresh
            assert main.ledger is None  # still: the panels did not wait for the ledger
        finally:
            gate.set()
        await until(pilot, lambda: app.main.ledger is not None)
        assert len(app.main.ledger) == 20
