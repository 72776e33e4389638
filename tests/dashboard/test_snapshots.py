"""Snapshots of each view at 80x24 and 120x40, on a copy of the seed briefing.

Deterministic: fixed theme, no cursor blink, animations off, no file polling.
Update with `pytest tests/dashboard --snapshot-update` after looking at the report.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from .conftest import ready

SIZES = {"80x24": (80, 24), "120x40": (120, 40)}
VIEWS = {
    "summary": [],
    "quotes": ["2"],
    "articles": ["3"],
    "reader_at_quote": ["2", "right", "down", "enter"],
}


def press_then_settle(*keys: str):
    async def run_before(pilot) -> None:
        pilot.app.animation_level = "none"
        await ready(pilot)
        await pilot.press(*keys)
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("view", VIEWS)
def test_view(snap_compare, app_for, view, size):
    assert snap_compare(app_for(), terminal_size=SIZES[size],
                        run_before=press_then_settle(*VIEWS[view]))


def test_search_80x24(snap_compare, app_for):
    assert snap_compare(app_for(), terminal_size=(80, 24),
                        run_before=press_then_settle("s", *"kashmir"))


def test_help_80x24(snap_compare, app_for):
    assert snap_compare(app_for(), terminal_size=(80, 24),
                        run_before=press_then_settle("question_mark"))


def test_find_in_article_80x24(snap_compare, app_for):
    assert snap_compare(app_for(), terminal_size=(80, 24),
                        run_before=press_then_settle("3", "enter", "slash", *"peace", "enter"))


def test_light_theme_summary_80x24(snap_compare, app_for):
    assert snap_compare(app_for(theme="textual-light"), terminal_size=(80, 24),
                        run_before=press_then_settle())


def test_no_color_reader_keeps_marks_distinct(snap_compare, app_for, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    assert snap_compare(app_for(), terminal_size=(80, 24),
                        run_before=press_then_settle("3", "enter", "n"))


WIRE = Path(__file__).parent / "data" / "wire"


@pytest.mark.parametrize("size", SIZES)
def test_ledger(snap_compare, app_for, size):
    """The figure ledger with the entry whose sources differ highlighted."""
    assert snap_compare(app_for(), terminal_size=SIZES[size],
                        run_before=press_then_settle("4", "down"))


def test_ledger_sources_80x24(snap_compare, app_for):
    assert snap_compare(app_for(WIRE), terminal_size=(80, 24),
                        run_before=press_then_settle("4", "enter"))


@pytest.mark.parametrize("size", SIZES)
def test_speaker_page(snap_compare, app_for, size):
    """A quotation two outlets carried, shown once, with its two wordings (v)."""
    assert snap_compare(app_for(WIRE), terminal_size=SIZES[size],
                        run_before=press_then_settle("2", "enter", "v"))
