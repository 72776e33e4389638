"""Settings in layers: the user's file, the folder's, then the one named; key by key."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tui.files.config import load_config, user_config_path


@pytest.fixture
def layers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path, Path]:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    user = Path(user_config_path())
    user.parent.mkdir(parents=True)
    return user, work / "config.yaml", tmp_path / "named.yaml"


def test_the_user_config_lives_in_the_platform_config_folder():
    assert user_config_path() == os.path.join(
        os.environ["XDG_CONFIG_HOME"], "briefing", "config.yaml"
    )


def test_each_layer_overrides_the_one_before_key_by_key(layers, monkeypatch):
    user, local, named = layers
    user.write_text("theme: textual-light\nsummary: {width: 60, format: markdown}\n")
    local.write_text("summary: {width: 70}\n")
    named.write_text("briefings: [elsewhere]\n")
    monkeypatch.setenv("BRIEFING_CONFIG", str(named))
    config = load_config()
    assert config.theme == "textual-light"
    assert config.summary_format == "markdown"  # the user's, which the folder's did not set
    assert config.summary_width == 70
    assert config.briefings == (str(named.parent / "elsewhere"),)
    assert config.sources == (str(user), "config.yaml", str(named))


def test_no_files_give_the_defaults(layers):
    config = load_config()
    assert config.sources == () and config.briefings == ("briefings",)


def test_a_bad_layer_keeps_the_good_settings_of_the_others(layers):
    user, local, _ = layers
    user.write_text("theme: textual-light\n")
    local.write_text("theme: [not, a, name]\nsummary: {width: 72}\n")
    config = load_config()
    assert config.theme == "textual-light" and config.summary_width == 72
    assert [str(p) for p in config.problems] == [
        "config.yaml:1:8: theme: expected a theme name, e.g. textual-dark"
    ]


def test_the_file_named_on_the_command_line_is_read_last(layers):
    _, local, named = layers
    local.write_text("summary: {width: 70}\n")
    named.write_text("summary: {width: 90}\n")
    assert load_config(str(named)).summary_width == 90
