"""Mouse gestures the terminal offers everywhere: clicks, double and triple clicks, drags."""

from __future__ import annotations

from textual.pilot import Pilot

from tui.dashboard.app import BriefingApp

from .conftest import ready


async def _still_answers(pilot: Pilot[None], app: BriefingApp) -> None:
    await pilot.press("1")
    await pilot.pause()
    assert app.is_running and app.crash_log is None and app.return_code is None
    assert app.main.view == "summary"


async def test_double_and_triple_click_in_the_reader(app_for):
    app = app_for()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("3", "enter")
        reader = app.main.articles.reader
        await pilot.click(reader, offset=(5, 2), times=2)
        await pilot.click(reader, offset=(5, 3), times=3)
        await _still_answers(pilot, app)


async def test_drag_over_the_ledger_then_copy(app_for):
    app = app_for()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("4")
        await pilot.pause()
        entries = app.main.query_one("#ledger-entries")
        await pilot.mouse_down(entries, offset=(2, 1))
        await pilot.hover(entries, offset=(20, 6))
        await pilot.mouse_up(entries, offset=(20, 6))
        await pilot.press("ctrl+c")
        await _still_answers(pilot, app)
