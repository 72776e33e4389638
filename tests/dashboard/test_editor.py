"""The editor command: the user's $VISUAL or $EDITOR, at the line of what is under the cursor."""

from __future__ import annotations

import pytest

from tui.dashboard.editor import editor_command


@pytest.mark.parametrize(
    ("setting", "command"),
    [
        ("vim", ["vim", "+12", "b.yaml"]),
        ("nano", ["nano", "+12", "b.yaml"]),
        ("emacs -nw", ["emacs", "-nw", "+12", "b.yaml"]),
        ("/usr/bin/code", ["/usr/bin/code", "--wait", "--goto", "b.yaml:12"]),
        ("subl", ["subl", "--wait", "b.yaml:12"]),
        ("'/opt/my editor/ed'", ["/opt/my editor/ed", "+12", "b.yaml"]),
    ],
)
def test_each_editor_is_told_the_line_its_own_way(setting: str, command: list[str]):
    assert editor_command("b.yaml", 12, {"EDITOR": setting}) == command


def test_visual_wins_over_editor_and_none_set_is_none():
    assert editor_command("b.yaml", 3, {"VISUAL": "vi", "EDITOR": "nano"})[0] == "vi"
    assert editor_command("b.yaml", 3, {}) is None
    assert editor_command("b.yaml", 3, {"EDITOR": "  "}) is None
