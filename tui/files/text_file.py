"""Reading a user's text file, with a located, actionable problem for anything unreadable."""

from __future__ import annotations

import codecs
import os
import stat

from tui.model.problems import Problem

_WHERE = "(file)"


def read_text_file(
    path: str, *, what: str, max_bytes: int, too_big: str
) -> tuple[str | None, Problem | None]:
    """The file's text: UTF-8 (with or without a BOM) or UTF-16 with a BOM.

    `what` names the expected content in messages ("YAML", "article"); `too_big` says what
    to do with a file over `max_bytes`.
    """
    try:
        mode = os.stat(path).st_mode
        if stat.S_ISDIR(mode):
            return None, Problem(path, 1, 1, _WHERE, "this is a folder, not a file")
        if not stat.S_ISREG(mode):
            return None, Problem(
                path, 1, 1, _WHERE,
                f"this is {_kind(mode)}, not a file; give a regular {what} file",
            )
        size = os.path.getsize(path)
        if size > max_bytes:
            return None, Problem(
                path,
                1,
                1,
                _WHERE,
                f"the file is {size / 1048576:.0f} MiB, over the {max_bytes // 1048576} MiB "
                f"limit; {too_big}",
            )
        with open(path, "rb") as handle:
            raw = handle.read(max_bytes + 1)  # it may have grown since it was measured
    except OSError as error:
        return None, Problem(
            path,
            1,
            1,
            _WHERE,
            f"cannot read the file: {error.strerror or error}; "
            "check that it exists and that you may read it",
        )
    return decode(raw, path, what)


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def decode(raw: bytes, path: str, what: str) -> tuple[str | None, Problem | None]:
    """Decode a file's bytes, or say where and why they are not text."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16"), None
        except UnicodeDecodeError:
            return None, Problem(path, 1, 1, _WHERE, "not valid UTF-16 text; save it as UTF-8")
    if b"\x00" in raw:
        return None, Problem(path, 1, 1, _WHERE, f"this is a binary file, not {what} text")
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        return None, Problem(
            path,
            line,
            column,
            _WHERE,
            f"not UTF-8 text (byte 0x{raw[error.start]:02x}); save the file as UTF-8",
        )
