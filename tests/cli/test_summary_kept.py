"""A summary printed again while nothing changed: the same bytes, without reading the files;
never stale, and never for --since last."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import tui.cli.commands
import tui.search.freshness
from tests.conftest import SEED_BRIEFING
from tui.cli.main import main


@pytest.fixture
def briefings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("BRIEFING_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setattr(tui.search.freshness, "RACY_SECONDS", -1.0)  # files count as settled
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "briefings"
    folder.mkdir()
    shutil.copy(SEED_BRIEFING, folder / "seed.yaml")
    return folder


def _summary(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["summary", *args])
    out, err = capsys.readouterr()
    return status, out, err


def _no_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object) -> object:
        raise AssertionError("the files were read again")

    monkeypatch.setattr(tui.cli.commands, "_load", refuse)


def test_the_second_summary_is_the_same_without_reading_the_files(briefings, capsys, monkeypatch):
    first = _summary(capsys, str(briefings))
    assert first[0] == 0 and "peacekeep" in first[1].lower()
    _no_reading(monkeypatch)
    assert _summary(capsys, str(briefings)) == first


def test_other_options_or_an_edit_give_a_new_summary(briefings, capsys, monkeypatch):
    _, narrow, _ = _summary(capsys, str(briefings), "--width", "60")
    _, wide, _ = _summary(capsys, str(briefings), "--width", "100")
    assert narrow != wide
    path = briefings / "seed.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("235,000", "236,000"),
                    encoding="utf-8")
    _, edited, _ = _summary(capsys, str(briefings), "--width", "100")
    assert "236,000" in edited and edited != wide


def test_a_kept_summary_still_records_the_visit_for_since_last(briefings, capsys, monkeypatch):
    _summary(capsys, str(briefings))
    seen = list((briefings.parent / "state").rglob("*.json"))
    assert seen
    for path in seen:
        path.unlink()
    _no_reading(monkeypatch)
    _summary(capsys, str(briefings))
    assert list((briefings.parent / "state").rglob("*.json"))  # written again from what was kept


def test_since_last_reads_the_files_every_time(briefings, capsys, monkeypatch):
    _summary(capsys, str(briefings), "--since", "last")
    calls = []
    load = tui.cli.commands._load

    def counted(*args: object) -> object:
        calls.append(1)
        return load(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(tui.cli.commands, "_load", counted)
    _summary(capsys, str(briefings), "--since", "last")
    assert calls


def test_problems_are_printed_again_from_what_was_kept(briefings, capsys, monkeypatch):
    (briefings / "bad.yaml").write_text("articles: [\n", encoding="utf-8")
    first = _summary(capsys, str(briefings))
    assert "bad.yaml" in first[2]
    _no_reading(monkeypatch)
    assert _summary(capsys, str(briefings)) == first
