"""A warm open: the key figures an earlier open kept are on the first frame, before the files
are read; the rest of the dashboard follows, and nothing the reader does meanwhile is lost."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tui.dashboard.widgets import FigurePanel
from tui.session.session import BriefingSession

from .conftest import ready, until


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Files count as settled at once, and reading them waits until the gate opens."""
    import tui.search.freshness

    monkeypatch.setattr(tui.search.freshness, "RACY_SECONDS", -1.0)
    opened = threading.Event()
    load = BriefingSession._load

    def held(self: BriefingSession, progress: object) -> object:
        opened.wait(timeout=10)
        return load(self, progress)  # type: ignore[arg-type]

    monkeypatch.setattr(BriefingSession, "_load", held)
    yield opened
    opened.set()


async def _open_once(app_for, gate: threading.Event) -> None:
    """An earlier open, which keeps the first screen."""
    gate.set()
    app = app_for()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
    gate.clear()


async def test_the_kept_key_figures_are_on_the_first_frame(app_for, gate: threading.Event):
    await _open_once(app_for, gate)
    app = app_for()
    assert app.glance is not None and app.glance.key_figures is not None
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.result is None  # the files are not read yet...
        panels = list(app.screen.query(FigurePanel))
        lead = app.glance.key_figures.entries[0].lead.display_value
        assert panels and panels[0].entry.lead.display_value == lead  # ...the figures are shown
        assert app.focused is panels[0]
        gate.set()
        await ready(pilot)
        assert app.screen.query(FigurePanel).first() is panels[0]  # the same panels, kept
        assert app.focused is panels[0]


async def test_a_view_asked_for_before_the_files_are_read_opens_once_they_are(
    app_for, gate: threading.Event
):
    await _open_once(app_for, gate)
    app = app_for()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("2")
        assert app.main.view == "quotes" and app.main.loading  # "Reading the briefing files…"
        gate.set()
        await ready(pilot)
        assert app.main.quotes.display and app.focused is app.main.quotes.speaker_list


async def test_a_figure_opened_before_the_files_are_read_opens_at_the_figure(
    app_for, gate: threading.Event, seed_dir: Path
):
    await _open_once(app_for, gate)
    app = app_for()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        lead = app.screen.query(FigurePanel).first().entry.lead
        await pilot.press("enter")
        gate.set()
        await ready(pilot)
        await until(pilot, lambda: app.main.articles.reading)
        reader = app.main.articles.reader
        assert reader.article is not None and reader.article.id == lead.article_id
        assert reader.highlight == (lead.start, lead.end)
        await pilot.press("escape")
        assert app.main.view == "summary"


async def test_panels_beyond_the_first_screen_follow_the_first_frame(
    app_for, gate: threading.Event, monkeypatch: pytest.MonkeyPatch
):
    from tui.dashboard.widgets.summary_view import SummaryView

    await _open_once(app_for, gate)
    on_first_frame: list[int] = []
    show_rest = SummaryView.show_rest

    async def counted(self: SummaryView) -> None:
        on_first_frame.append(len(self.panels))
        await show_rest(self)

    monkeypatch.setattr(SummaryView, "show_rest", counted)
    app = app_for()
    assert app.glance is not None and app.glance.key_figures is not None
    total = len(app.glance.key_figures.entries)
    async with app.run_test(size=(60, 20)) as pilot:  # two columns, three rows at most
        await until(pilot, lambda: len(app.screen.query(FigurePanel)) == total)
        assert on_first_frame and 0 < on_first_frame[0] < total
        gate.set()
        await ready(pilot)
        assert len(app.screen.query(FigurePanel)) == total


async def test_closing_while_the_files_are_read_is_clean(app_for, gate: threading.Event):
    """Stages posted while the app closes find no screen: they are let go, not a crash."""
    await _open_once(app_for, gate)
    gate.set()
    for _ in range(5):
        app = app_for()
        async with app.run_test(size=(100, 30)):
            pass  # leave at once: the files are being read meanwhile
        assert app.crash_log is None and app.return_code in (None, 0)


async def test_a_kept_first_screen_the_files_no_longer_match_gives_way_to_reading(
    app_for, gate: threading.Event, seed_dir: Path
):
    await _open_once(app_for, gate)
    path = seed_dir / "pakistan-un-peacekeeping.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("value: 235000", "value: 236000"),
                    encoding="utf-8")
    app = app_for()
    assert app.glance is not None  # shown on the first frame, unchecked...
    async with app.run_test(size=(100, 30)) as pilot:
        # ...and checked before the files are read: its figures leave the screen
        await until(pilot, lambda: app.main.loading and not app.screen.query(FigurePanel))
        assert app.result is None
        gate.set()
        await ready(pilot)
        panels = list(app.screen.query(FigurePanel))
        shown = [panel.entry.lead.display_value for panel in panels]
        assert any("236,000" in value for value in shown), shown
        assert not any("235,000" in value for value in shown)
        assert app.focused is panels[0]


async def test_a_kept_first_screen_still_in_step_stays(app_for, gate: threading.Event):
    await _open_once(app_for, gate)
    app = app_for()
    async with app.run_test(size=(100, 30)) as pilot:
        panels = list(app.screen.query(FigurePanel))
        for _ in range(10):  # the check is done while the files wait at the gate
            await pilot.pause(0.02)
        assert app.result is None and not app.main.loading
        assert list(app.screen.query(FigurePanel))[: len(panels)] == panels
        gate.set()
        await ready(pilot)
