"""Fixtures for the dashboard's tests: a copy of the seed briefing, a private state folder,
and an app built the way the CLI builds it, with a fixed theme and no file polling."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tui.dashboard.app import BriefingApp, make_app
from tui.files.config import Config

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "briefings" / "pakistan-un-peacekeeping.yaml"


@pytest.fixture(autouse=True)
def private_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Remembered UI choices, the load cache and the search index go to a temporary folder,
    never the developer's own."""
    state = tmp_path / "state"
    monkeypatch.setenv("BRIEFING_STATE_DIR", str(state))
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("BRIEFING_CONFIG", raising=False)
    return state


@pytest.fixture
def seed_dir(tmp_path: Path) -> Path:
    """A folder holding a copy of the shipped seed briefing."""
    folder = tmp_path / "briefings"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    return folder


@pytest.fixture
def app_for(seed_dir: Path) -> Callable[..., BriefingApp]:
    """Build the dashboard on the seed copy (or other paths), dark, without polling."""

    def build(*paths: Path, **options: object) -> BriefingApp:
        options.setdefault("theme", "textual-dark")
        options.setdefault("watch_interval", None)
        return make_app([str(p) for p in (paths or (seed_dir,))], Config(), **options)  # type: ignore[arg-type]

    return build


async def ready(pilot: Pilot[None]) -> None:
    """Wait until the briefing is loaded and shown."""
    app = pilot.app
    assert isinstance(app, BriefingApp)
    for _ in range(200):
        await app.workers.wait_for_complete()
        await pilot.pause()
        if app.result is not None and app.main.views_built and not app.main.loading:
            await pilot.pause()
            return
    raise AssertionError("the briefing never loaded")


async def until(pilot: Pilot[None], condition: Callable[[], bool], timeout: float = 5.0) -> None:
    """Pause until `condition()` holds, failing after `timeout` seconds."""
    import time

    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting for the condition")
        await pilot.pause(0.05)
