"""Every module outside the dashboard imports without loading Textual or Rich.

Each module is imported in a fresh interpreter, so one module cannot hide what another
loaded: `briefing summary`, `check`, `extract` and `import` start without the UI.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "tui"
UI_PACKAGES = ("textual", "rich")


def _headless_modules() -> list[str]:
    modules = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        if "dashboard" in parts or parts[-1] == "__main__":
            continue
        modules.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return modules


HEADLESS = _headless_modules()


def test_the_headless_modules_are_found():
    assert {"tui.model", "tui.files.loader", "tui.cli.main", "tui.extract.draft"} <= set(HEADLESS)


@pytest.mark.parametrize("module", HEADLESS)
def test_module_imports_without_the_ui(module: str):
    code = (
        f"import sys, {module}; "
        f"print(sorted({{m.split('.')[0] for m in sys.modules}} & {set(UI_PACKAGES)!r}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]", f"{module} loads {result.stdout.strip()}"


def test_the_check_sees_a_ui_import(tmp_path: Path):
    """The check itself can fail: a module that imports Rich is reported."""
    (tmp_path / "leaky.py").write_text("import rich.text\n")
    code = "import sys, leaky; print(sorted({m.split('.')[0] for m in sys.modules} & {'rich'}))"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert result.stdout.strip() == "['rich']"
