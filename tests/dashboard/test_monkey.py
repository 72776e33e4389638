"""A monkey at the keyboard and mouse: seeded random keys, clicks, double and triple clicks,
drags, scrolls, copies and resizes in every view and screen. No exception may escape, and
the dashboard must still answer a key at the end. A failure names its seed and the last
events, so it can be replayed exactly."""

from __future__ import annotations

import random
from collections import deque

import pytest
from textual import events
from textual.pilot import Pilot

from tui.dashboard.app import BriefingApp

from .conftest import ready

EVENTS_PER_SEED = 500
SEEDS = range(4)
"""Four seeds of 500 events: 2,000 events a run (a mouse gesture counts as one)."""

KEYS = (
    "1 2 3 4 j k h l g G up down left right home end pageup pagedown enter escape tab "
    "shift+tab n N ] [ o d v s / t p question_mark x space backspace ctrl+c ctrl+f "
    "a e r 7 0 full_stop"
).split()
"""Every key the dashboard binds, and some it does not; never q (quit) or ctrl+z (suspend)."""
PAUSE_SHARE = 0.3
"""The share of events after which the monkey waits for the app to settle."""
_CHARACTERS = {"space": " ", "full_stop": ".", "question_mark": "?", "enter": "\r",
               "tab": "\t", "escape": "\x1b", "backspace": "\x7f"}
SIZES = ((80, 24), (120, 40), (20, 6), (40, 12), (200, 50), (60, 30))


def _mouse(app: BriefingApp, kind: type[events.MouseEvent], x: int, y: int,
           button: int = 1, chain: int = 1) -> None:
    """Queue a mouse event at screen cell (x, y), as the terminal driver would."""
    arguments = dict(widget=None, x=x, y=y, delta_x=0, delta_y=0, button=button, shift=False,
                     meta=False, ctrl=False, screen_x=x, screen_y=y)
    event = kind(**arguments, chain=chain) if kind is events.Click else kind(**arguments)
    app.post_message(event)


async def _random_event(pilot: Pilot[None], app: BriefingApp, rng: random.Random) -> str:
    width, height = app.size
    x, y = rng.randrange(max(width, 1)), rng.randrange(max(height, 1))
    roll = rng.random()
    if roll < 0.55:
        key = rng.choice(KEYS)
        app.post_message(events.Key(key, _CHARACTERS.get(key, key if len(key) == 1 else None)))
        description = f"press {key}"
    elif roll < 0.70:
        times = rng.choice((1, 1, 2, 3))
        for chain in range(1, times + 1):
            for kind in (events.MouseDown, events.MouseUp, events.Click):
                _mouse(app, kind, x, y, chain=chain)
        description = f"click x{times} at {x},{y}"
    elif roll < 0.80:
        x2, y2 = rng.randrange(max(width, 1)), rng.randrange(max(height, 1))
        _mouse(app, events.MouseDown, x, y)
        for step in range(1, 4):
            _mouse(app, events.MouseMove, x + (x2 - x) * step // 3, y + (y2 - y) * step // 3)
        _mouse(app, events.MouseUp, x2, y2)
        description = f"drag {x},{y} to {x2},{y2}"
    elif roll < 0.97:
        kind = rng.choice((events.MouseScrollDown, events.MouseScrollUp))
        _mouse(app, kind, x, y, button=0)
        description = f"{kind.__name__} at {x},{y}"
    else:
        size = rng.choice(SIZES)
        await pilot.resize_terminal(*size)
        return f"resize {size}"
    if rng.random() < PAUSE_SHARE:  # else the next events queue up, as from a fast hand
        await pilot.pause()
    return description


@pytest.mark.parametrize("seed", SEEDS)
async def test_random_keys_and_mouse_never_break_the_dashboard(app_for, seed: int):
    rng = random.Random(seed)
    app = app_for()
    app.debug_errors = True  # an exception ends the test with its traceback, not a log file
    recent: deque[str] = deque(maxlen=12)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press(rng.choice("1234"))
        try:
            for _ in range(EVENTS_PER_SEED):
                recent.append(await _random_event(pilot, app, rng))
            await pilot.resize_terminal(100, 30)
            for _ in range(6):  # back to the main screen from any dialog or page
                await pilot.press("escape")
            await pilot.press("1")
            await pilot.pause()
        except Exception as error:
            raise AssertionError(f"seed {seed}; last events: {list(recent)}") from error
        assert app.is_running and app.crash_log is None, f"seed {seed}: {list(recent)}"
        assert app.screen is app.main and app.main.view == "summary", list(recent)
