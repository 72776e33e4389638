"""The command line: exit codes, output files, the schema, and a start-up without the UI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from tests.conftest import DATA, ROOT, SEED_BRIEFING
from tui.cli.main import main


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", *args], cwd=cwd, capture_output=True, text=True, timeout=60
    )


def test_check_is_clean_on_the_shipped_briefings():
    result = run("check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""
    assert "no problems in 1 file" in result.stderr


def test_check_lists_every_problem_and_exits_1():
    result = run("check", str(DATA / "broken"))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 12
    assert all(line.startswith(str(DATA / "broken")) for line in lines)
    assert "12 problems in 10 files" in result.stderr


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]):
    assert main(["summary", "--format", "pdf"]) == 2
    assert "invalid choice: 'pdf'" in capsys.readouterr().err
    assert main(["check", "--no-such-option"]) == 2


def test_summary_defaults_to_the_configured_folder():
    result = run("summary")
    assert result.returncode == 0, result.stderr
    assert result.stdout == (DATA / "expected" / "seed-summary.txt").read_text(encoding="utf-8")


def test_summary_writes_a_file(tmp_path: Path):
    target = tmp_path / "out" / "brief.html"
    assert main(["summary", str(SEED_BRIEFING), "--format", "html", "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_summary_still_prints_the_valid_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    (tmp_path / "seed.yaml").write_text(SEED_BRIEFING.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "broken.yaml").write_text("articles: [\n", encoding="utf-8")
    assert main(["summary", str(tmp_path)]) == 0
    captured = capsys.readouterr()
    assert "PAKISTAN AND UN PEACEKEEPING" in captured.out
    assert f"{tmp_path / 'broken.yaml'}:2:1: (syntax)" in captured.err


def test_config_sets_summary_defaults(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    config = tmp_path / "config.yaml"
    config.write_text(f"briefings: [{SEED_BRIEFING}]\nsummary: {{format: markdown}}\n")
    assert main(["--config", str(config), "summary"]) == 0
    assert capsys.readouterr().out.startswith("# Pakistan and UN peacekeeping")


def test_bad_config_is_reported_with_its_place(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    config = tmp_path / "config.yaml"
    config.write_text(f"briefings: [{SEED_BRIEFING}]\nsumary: {{width: 60}}\n")
    assert main(["--config", str(config), "check"]) == 1
    err = capsys.readouterr().err
    assert f"{config}:2:1: sumary: unknown setting 'sumary' (did you mean 'summary'?)" in err


def test_schema_is_valid_json_schema_that_accepts_the_seed_briefing():
    result = run("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    seed = yaml.safe_load(SEED_BRIEFING.read_text(encoding="utf-8"))
    assert list(validator.iter_errors(json.loads(json.dumps(seed, default=str)))) == []
    for name in ("meta.yaml", "council.yaml", "ministry.yaml"):
        data = yaml.safe_load((DATA / "valid" / name).read_text(encoding="utf-8"))
        assert list(validator.iter_errors(json.loads(json.dumps(data, default=str)))) == []
    typo = yaml.safe_load((DATA / "broken" / "unknown-key.yaml").read_text(encoding="utf-8"))
    assert list(validator.iter_errors(typo))


def test_internal_errors_are_short_without_debug(monkeypatch, capsys):
    import tui.cli.commands

    def explode(args):
        raise RuntimeError("boom")

    monkeypatch.setattr(tui.cli.commands, "check", explode)
    assert main(["check"]) == 70
    err = capsys.readouterr().err
    assert "internal error: RuntimeError: boom" in err and "--debug" in err
    assert "Traceback" not in err
    with pytest.raises(RuntimeError):
        main(["--debug", "check"])


def test_printing_commands_run_without_loading_textual():
    code = (
        "import sys; from tui.cli.main import main;"
        "main(['summary', 'briefings']); main(['check']);"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "[]"


def test_the_sample_shipped_in_the_package_is_the_seed_briefing():
    from tui.cli.first_run import SAMPLE_BRIEFING

    assert SAMPLE_BRIEFING.read_bytes() == SEED_BRIEFING.read_bytes()


def test_a_first_run_is_only_without_settings_paths_or_briefings(tmp_path: Path, monkeypatch):
    from tui.cli.first_run import is_first_run
    from tui.files.config import load_config

    monkeypatch.chdir(tmp_path)
    assert is_first_run([], load_config())
    assert not is_first_run(["mine.yaml"], load_config())
    (tmp_path / "briefings").mkdir()
    assert not is_first_run([], load_config())
