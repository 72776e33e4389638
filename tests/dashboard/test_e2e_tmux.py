"""End to end: the installed `briefing` command in a real terminal (tmux), driven by keys."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

BRIEFING = Path(sys.executable).with_name("briefing")


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], check=True, capture_output=True, text=True).stdout


def wait_for(session: str, text: str, timeout: float = 15.0) -> str:
    """Poll the pane until `text` shows, failing with the last screen after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = tmux("capture-pane", "-p", "-t", session)
        if text in screen:
            return screen
        time.sleep(0.1)
    raise AssertionError(f"{text!r} did not appear; the screen was:\n{screen}")


def start(tmp_path: Path, *args: str, **extra: str) -> tuple[str, Path]:
    """`briefing ARGS` in a new 100x30 tmux session, in `tmp_path`, with private state and no
    settings of the user's; the session's name and where its exit status will be written."""
    command = [str(BRIEFING)] if BRIEFING.exists() else [sys.executable, "-m", "tui"]
    session = f"briefing-e2e-{uuid.uuid4().hex[:8]}"
    env = {"BRIEFING_STATE_DIR": str(tmp_path / "state"),
           "BRIEFING_CACHE_DIR": str(tmp_path / "cache"), "TERM": "xterm-256color",
           "XDG_CONFIG_HOME": str(tmp_path / "config"), **extra}
    exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
    status = tmp_path / "status"
    script = (f"cd {shlex.quote(str(tmp_path))} && env -u BRIEFING_CONFIG {exports} "
              f"{shlex.join([*command, *args])}; echo $? > {shlex.quote(str(status))}")
    tmux("new-session", "-d", "-x", "100", "-y", "30", "-s", session, script)
    return session, status


def quit_and_check(session: str, status: Path, key: str = "q") -> None:
    tmux("send-keys", "-t", session, key)
    deadline = time.monotonic() + 10
    while not status.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert status.read_text().strip() == "0"


def test_a_first_run_opens_the_sample_briefing_with_a_note(tmp_path):
    session, status = start(tmp_path)
    try:
        screen = wait_for(session, "sample briefing")
        wait_for(session, "Bottom line")
        assert "briefing import" in tmux("capture-pane", "-p", "-t", session)
        assert "No article could be read" not in screen
        quit_and_check(session, status)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)


def test_dashboard_in_tmux(seed_dir, tmp_path):
    session, status = start(tmp_path, str(seed_dir))
    try:
        wait_for(session, "Bottom line")
        screen = wait_for(session, "≠ differ 181-182")
        assert "Pakistan and UN peacekeeping" in screen
        tmux("send-keys", "-t", session, "2")
        screen = wait_for(session, "Enter opens the article at the quote")
        assert "Asim Iftikhar Ahmad" in screen and "Ishaq Dar" in screen
        tmux("send-keys", "-t", session, "Enter")  # the speaker's page
        wait_for(session, "oldest first")
        tmux("send-keys", "-t", session, "Enter")
        wait_for(session, "Quote 1 of 11")
        wait_for(session, "Nowhere is this more urgently needed")
        tmux("send-keys", "-t", session, "]")
        wait_for(session, "Dar urges modernisation")
        tmux("send-keys", "-t", session, "1")
        wait_for(session, "Bottom line")
        quit_and_check(session, status)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)


def test_edit_in_the_users_editor_and_a_remapped_quit_key(seed_dir, tmp_path):
    (tmp_path / "config.yaml").write_text("keymap:\n  quit: z\n")
    editor = tmp_path / "editor.sh"
    editor.write_text("#!/bin/sh\nsed -i 's/^  title: Pakistan and UN peacekeeping/"
                      "  title: Edited in the editor/' \"$2\"\n")
    editor.chmod(0o755)
    session, status = start(tmp_path, str(seed_dir), EDITOR=str(editor))
    try:
        wait_for(session, "Bottom line")
        tmux("send-keys", "-t", session, "2")
        wait_for(session, "Asim Iftikhar Ahmad")
        tmux("send-keys", "-t", session, "Right")
        tmux("send-keys", "-t", session, "e")
        wait_for(session, "Edited in the editor")
        tmux("send-keys", "-t", session, "q")  # no longer quits
        time.sleep(0.5)
        assert not status.exists()
        quit_and_check(session, status, "z")
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
