"""Opening a briefing file in the user's editor at a line, from the dashboard.

`$VISUAL`, else `$EDITOR`, is run on the file with the line to start at: `+LINE` as vi, vim,
nano, emacs, micro, helix and most terminal editors take it; `--goto FILE:LINE --wait` for
VS Code and its kin, which return at once unless told to wait.
"""

from __future__ import annotations

import os
import shlex
from collections.abc import Mapping

_GOTO_EDITORS = frozenset({"code", "code-insiders", "codium", "cursor", "windsurf"})
_COLON_EDITORS = frozenset({"subl", "zed"})


def editor_command(path: str, line: int,
                   environ: Mapping[str, str] = os.environ) -> list[str] | None:
    """The command that opens `path` at `line` in the user's editor; None when none is set."""
    setting = environ.get("VISUAL") or environ.get("EDITOR")
    if not setting or not setting.strip():
        return None
    words = shlex.split(setting)
    name = os.path.basename(words[0])
    if name in _GOTO_EDITORS:
        return [*words, "--wait", "--goto", f"{path}:{line}"]
    if name in _COLON_EDITORS:
        return [*words, "--wait", f"{path}:{line}"]
    return [*words, f"+{line}", path]
