"""The wheel holds everything the app needs, and runs from where an installer puts it."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(out), str(ROOT)],
        check=True, capture_output=True, timeout=300,
    )
    (found,) = out.glob("briefing_tui-*.whl")
    return found


def test_the_wheel_holds_styles_sample_vocabulary_and_licence(wheel: Path):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "tui/dashboard/app.tcss" in names
    assert "tui/sample/pakistan-un-peacekeeping.yaml" in names
    vocabulary = {n for n in names if n.startswith("tui/extract/vocabulary/")}
    assert "tui/extract/vocabulary/speech_verbs.txt" in vocabulary and len(vocabulary) > 40
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    metadata = next(n for n in names if n.endswith(".dist-info/METADATA"))
    text = zipfile.ZipFile(wheel).read(metadata).decode()
    assert "Name: briefing-tui" in text and "License-Expression: MIT" in text
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    assert "briefing = tui.cli.main:main" in zipfile.ZipFile(wheel).read(entry_points).decode()


def test_the_installed_package_summarises_its_sample_from_anywhere(wheel: Path, tmp_path: Path):
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "-q",
         "--target", str(target), str(wheel)],
        check=True, capture_output=True, timeout=300,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = (
        "import sys; from tui.cli.first_run import SAMPLE_BRIEFING; "
        "from tui.cli.main import main; "
        f"assert str(SAMPLE_BRIEFING).startswith({str(target)!r}), SAMPLE_BRIEFING; "
        "sys.exit(main(['summary', str(SAMPLE_BRIEFING)]))"
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    result = subprocess.run([sys.executable, "-c", code], cwd=elsewhere, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Pakistan" in result.stdout and "KEY FIGURES" in result.stdout.upper()
