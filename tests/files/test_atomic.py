"""Writing output files: atomic for regular files, in place for pipes and devices."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

from tui.files.atomic import write_atomic


def test_a_regular_file_is_replaced_whole(tmp_path: Path):
    target = tmp_path / "brief.txt"
    target.write_text("old\n")
    write_atomic(target, "new\n")
    assert target.read_text() == "new\n"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.txt"]  # no temporary left


def test_a_symbolic_link_keeps_pointing_at_the_file_it_names(tmp_path: Path):
    real = tmp_path / "real.txt"
    real.write_text("old\n")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    write_atomic(link, "new\n")
    assert link.is_symlink()
    assert real.read_text() == "new\n"


def test_a_named_pipe_is_written_not_replaced(tmp_path: Path):
    """`-o /dev/stdout` or a pipe must stay what it is: renaming over it would turn it
    into a plain file (as it would /dev/null)."""
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_text()))
    reader.start()
    write_atomic(pipe, "through the pipe\n")
    reader.join(timeout=10)
    assert received == ["through the pipe\n"]
    assert stat.S_ISFIFO(pipe.stat().st_mode)
