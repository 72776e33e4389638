"""Ordinary faults around the files: nothing is lost, nothing hangs, every error is one plain
line. Each test stands for a class of fault; they run the real `briefing` command."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DATA, ROOT, SEED_BRIEFING

TIMEOUT = 30
"""Seconds a command may take: a command that waits on a pipe or device fails the test."""
SEED_ARTICLE = DATA / "seeds" / "000_a30e08b1d2274aad.txt"


def briefing(*args: str | Path, cwd: Path = ROOT,
             env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the command as a user would, with a private cache and no settings of the user's."""
    environment = {k: v for k, v in os.environ.items() if k != "BRIEFING_CONFIG"}
    environment.update(BRIEFING_CACHE_DIR=str(cwd / ".cache-test"), **(env or {}))
    return subprocess.run(
        [sys.executable, "-m", "tui", *map(str, args)], cwd=cwd, capture_output=True,
        text=True, timeout=TIMEOUT, env=environment,
    )


def one_plain_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert "internal error" not in stderr and "Traceback" not in stderr
    return lines[0]


# -- nothing lost ---------------------------------------------------------------------------


def test_summary_refuses_to_write_over_the_briefing_it_reads(tmp_path: Path):
    target = tmp_path / "brief.yaml"
    shutil.copy(SEED_BRIEFING, target)
    before = target.read_bytes()
    result = briefing("summary", "-o", target, target, cwd=tmp_path)
    assert result.returncode == 1
    assert "one of the files this command reads" in one_plain_line(result.stderr)
    assert target.read_bytes() == before


def test_import_refuses_to_write_over_an_article_it_reads(tmp_path: Path):
    article = tmp_path / "story.txt"
    shutil.copy(SEED_ARTICLE, article)
    before = article.read_bytes()
    result = briefing("import", article, "-o", article, "--force", cwd=tmp_path)
    assert result.returncode == 1
    assert "one of the files this command reads" in result.stderr
    assert article.read_bytes() == before


def test_a_backup_never_replaces_an_older_backup(tmp_path: Path):
    output = tmp_path / "mine.yaml"
    output.write_text("# my hand-edited briefing\n")
    first = briefing("import", SEED_ARTICLE, "-o", output, "--force", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    second = briefing("import", SEED_ARTICLE, "-o", output, "--force", cwd=tmp_path)
    assert second.returncode == 0, second.stderr
    backups = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("mine.yaml") and
                     p.name != "mine.yaml")
    assert backups == ["mine.yaml.~1~", "mine.yaml~"]
    assert (tmp_path / "mine.yaml~").read_text() == "# my hand-edited briefing\n"
    assert (tmp_path / "mine.yaml.~1~").read_text() == output.read_text()


def test_written_files_follow_the_umask_and_replaced_files_keep_their_mode(tmp_path: Path):
    from tui.files.atomic import write_atomic

    old = os.umask(0o027)
    try:
        fresh = tmp_path / "fresh.txt"
        write_atomic(fresh, "x\n")
        assert stat.S_IMODE(fresh.stat().st_mode) == 0o640
        shared = tmp_path / "shared.txt"
        shared.write_text("old\n")
        shared.chmod(0o664)
        write_atomic(shared, "new\n")
        assert stat.S_IMODE(shared.stat().st_mode) == 0o664
    finally:
        os.umask(old)


# -- nothing hangs ----------------------------------------------------------------------------


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.yaml"
    os.mkfifo(path)
    return path


def test_a_named_pipe_as_a_briefing_is_a_problem_at_once(fifo: Path, tmp_path: Path):
    result = briefing("check", fifo, cwd=tmp_path)
    assert result.returncode == 1
    assert f"{fifo}:1:1: (file): this is a named pipe, not a file" in result.stdout


def test_a_named_pipe_inside_a_folder_does_not_hide_the_good_files(fifo: Path, tmp_path: Path):
    shutil.copy(SEED_BRIEFING, tmp_path / "good.yaml")
    result = briefing("check", tmp_path, cwd=tmp_path)
    assert result.returncode == 1
    assert "named pipe" in result.stdout
    assert "2 articles" in result.stderr


def test_a_named_pipe_as_settings_or_article(fifo: Path, tmp_path: Path):
    config = briefing("--config", fifo, "check", SEED_BRIEFING, cwd=tmp_path)
    assert config.returncode == 1 and "named pipe" in config.stderr
    article = tmp_path / "pipe.txt"
    os.mkfifo(article)
    extract = briefing("extract", article, cwd=tmp_path)
    assert extract.returncode == 1 and "named pipe" in extract.stderr
    drafted = briefing("import", article, "-o", tmp_path / "out.yaml", cwd=tmp_path)
    assert drafted.returncode == 1 and "named pipe" in drafted.stderr


def test_a_link_to_an_endless_device_is_refused(tmp_path: Path):
    (tmp_path / "zero.yaml").symlink_to("/dev/zero")
    result = briefing("check", tmp_path, cwd=tmp_path)
    assert result.returncode == 1
    assert "this is a device, not a file" in result.stdout


def test_an_unreadable_folder_is_a_located_problem(tmp_path: Path, monkeypatch):
    from tui.files import loader

    (tmp_path / "locked").mkdir()
    shutil.copy(SEED_BRIEFING, tmp_path / "good.yaml")
    real_scandir = os.scandir

    def scandir(path):  # root reads every folder: the refusal is simulated
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(loader.os, "scandir", scandir)
    files, problems = loader.discover([str(tmp_path)])
    assert [Path(f).name for f in files] == ["good.yaml"]
    assert [str(p) for p in problems] == [
        f"{tmp_path / 'locked'}:1:1: (folder): cannot read this folder: Permission denied; "
        "check that you may read it"
    ]


# -- plain errors, not internal ones ----------------------------------------------------------


@pytest.mark.parametrize(
    ("where", "expected"),
    [("folder", "is a folder"), ("under-a-file", "cannot write"), ("/dev/full", "cannot write")],
)
def test_output_that_cannot_be_written_is_one_plain_line(tmp_path: Path, where: str,
                                                          expected: str):
    (tmp_path / "folder").mkdir()
    (tmp_path / "file").write_text("x")
    output = {"folder": str(tmp_path / "folder"), "under-a-file": str(tmp_path / "file" / "out"),
              "/dev/full": "/dev/full"}[where]
    result = briefing("summary", SEED_BRIEFING, "-o", output, cwd=tmp_path)
    assert result.returncode == 1
    assert expected in one_plain_line(result.stderr)


@pytest.mark.parametrize(
    "args",
    [("summary", "--width", "0"), ("summary", "--width", "1001"), ("summary", "--top", "0"),
     ("search", "x", "--limit", "1000000000000"), ("search", "x", "--limit", "0")],
)
def test_out_of_range_numbers_are_usage_errors(tmp_path: Path, args: tuple[str, ...]):
    result = briefing(*args, SEED_BRIEFING, cwd=tmp_path)
    assert result.returncode == 2
    assert "must be from" in one_plain_line(result.stderr)


def test_a_missing_settings_file_named_by_the_environment_is_a_usage_error(tmp_path: Path):
    result = briefing("check", SEED_BRIEFING, cwd=tmp_path,
                      env={"BRIEFING_CONFIG": str(tmp_path / "nowhere.yaml")})
    assert result.returncode == 2
    assert "BRIEFING_CONFIG names" in one_plain_line(result.stderr)


def test_check_keeps_its_status_when_the_reader_stops_early(tmp_path: Path):
    broken = DATA / "broken"
    environment = {**os.environ, "BRIEFING_CACHE_DIR": str(tmp_path / "cache")}
    process = subprocess.Popen(
        [sys.executable, "-m", "tui", "check", str(broken)], cwd=tmp_path,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=environment,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.readline()
    process.stdout.close()  # as `| head -1` does
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=TIMEOUT) == 1
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr


def test_an_ascii_only_terminal_still_gets_the_summary(tmp_path: Path):
    result = briefing("summary", SEED_BRIEFING, cwd=tmp_path, env={"PYTHONIOENCODING": "ascii"})
    assert result.returncode == 0, result.stderr
    assert "Pakistan" in result.stdout


def test_file_names_are_printed_inert(tmp_path: Path):
    name = tmp_path / "bad\x1b]0;owned\x07\nname.yaml"
    name.write_text("briefing: [\n")
    result = briefing("check", name, cwd=tmp_path)
    assert result.returncode == 1
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    lines = [line for line in result.stdout.splitlines() if "owned" in line]
    assert len(lines) == 1 and "\\x1b]0;owned\\x07\\x0aname.yaml:" in lines[0]


def test_importing_an_empty_article_writes_nothing(tmp_path: Path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n")
    output = tmp_path / "out.yaml"
    result = briefing("import", empty, "-o", output, cwd=tmp_path)
    assert result.returncode == 1
    assert "the article is empty" in result.stderr
    assert not output.exists()


def test_a_closed_standard_output_is_a_plain_error_unless_unused(tmp_path: Path):
    environment = {**os.environ, "BRIEFING_CACHE_DIR": str(tmp_path / "cache")}
    command = [sys.executable, "-m", "tui", "summary", str(SEED_BRIEFING)]
    closed = subprocess.run(command, cwd=tmp_path, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True, timeout=TIMEOUT, env=environment,
                            preexec_fn=lambda: os.close(1))
    assert closed.returncode == 1
    assert "standard output is closed" in one_plain_line(closed.stderr)
    output = tmp_path / "brief.txt"
    to_file = subprocess.run([*command, "-o", str(output)], cwd=tmp_path,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                             timeout=TIMEOUT, env=environment, preexec_fn=lambda: os.close(1))
    assert to_file.returncode == 0 and "Pakistan" in output.read_text()


def test_a_missing_optional_library_is_named_in_one_line(tmp_path: Path):
    page = tmp_path / "page.html"
    page.write_text("<html><head><title>T</title></head><body><p>Words.</p></body></html>")
    code = ("import sys; sys.modules['trafilatura'] = None; from tui.cli.main import main; "
            f"sys.exit(main(['extract', {str(page)!r}]))")
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True,
                            text=True, timeout=TIMEOUT)
    assert result.returncode == 1
    assert "pip install 'briefing-tui[web]'" in one_plain_line(result.stderr)
