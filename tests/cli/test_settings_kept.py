"""Settings kept between starts: the same values as reading the files, never stale."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

import tui.cli.settings
import tui.search.freshness
from tui.cli.settings import read_config
from tui.files.config import load_config


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "work"
    folder.mkdir()
    monkeypatch.chdir(folder)
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(tui.search.freshness, "RACY_SECONDS", -1.0)  # files count as settled
    return folder


def test_a_second_start_gets_the_same_settings_without_parsing(work: Path, monkeypatch):
    (work / "config.yaml").write_text("theme: textual-light\nsummary: {width: 70}\n")
    first = read_config()
    assert first == load_config()

    def no_parse(*args: object) -> object:
        raise AssertionError("the settings were parsed again")

    monkeypatch.setattr(tui.cli.settings, "load_config", no_parse)
    assert read_config() == first


def test_an_edited_settings_file_is_read_again(work: Path):
    path = work / "config.yaml"
    path.write_text("summary: {width: 70}\n")
    assert read_config().summary_width == 70
    path.write_text("summary: {width: 72}\n")  # same size, same second
    assert read_config().summary_width == 72


def test_problems_are_kept_with_their_place(work: Path):
    (work / "config.yaml").write_text("summary: {width: many}\n")
    first = read_config()
    again = read_config()
    assert first.problems and again.problems == first.problems
    assert again.problems[0].line == 1


def test_a_settings_file_still_settling_is_not_kept(work: Path, monkeypatch):
    monkeypatch.setattr(tui.search.freshness, "RACY_SECONDS", 3600.0)
    (work / "config.yaml").write_text("summary: {width: 70}\n")
    read_config()
    assert not list((work.parent / "cache").glob("derived/*.pickle"))


def test_another_folder_has_its_own_settings(work: Path, tmp_path: Path, monkeypatch):
    (work / "config.yaml").write_text("summary: {width: 70}\n")
    assert read_config().summary_width == 70
    other = tmp_path / "other"
    other.mkdir()
    (other / "config.yaml").write_text("summary: {width: 90}\n")
    monkeypatch.chdir(other)
    assert read_config().summary_width == 90


def test_a_start_without_settings_files_does_not_import_pyyaml(work: Path):
    import subprocess

    code = ("import sys; from tui.cli.settings import read_config; read_config(); "
            "print('yaml' in sys.modules)")
    env = {**os.environ, "XDG_CONFIG_HOME": str(work / "none")}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=env, cwd=work, check=True)
    assert done.stdout.strip() == "False"
