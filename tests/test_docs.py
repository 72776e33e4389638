"""The documentation stays true: its examples load, and it names every key of the format."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import ROOT
from tui.files.loader import load
from tui.model.schema import OBJECTS


def _yaml_blocks(path: Path) -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", path.read_text(encoding="utf-8"), flags=re.S)


def test_format_example_loads_without_problems(tmp_path: Path):
    [example] = _yaml_blocks(ROOT / "docs" / "format.md")
    (tmp_path / "example.yaml").write_text(example, encoding="utf-8")
    result = load([tmp_path])
    assert result.problems == ()
    assert [s.named for s in result.briefing.speakers] == [True, True, False]
    assert [q.unconfirmed for q in result.briefing.quotes] == [False, False, False, True, False]
    assert result.briefing.counts == {"articles": 2, "speakers": 3, "quotes": 5, "figures": 3}


def test_readme_example_loads_without_problems(tmp_path: Path):
    [example] = _yaml_blocks(ROOT / "README.md")
    (tmp_path / "example.yaml").write_text(example, encoding="utf-8")
    assert load([tmp_path]).problems == ()


def test_format_doc_names_every_key():
    text = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    for kind, fields in OBJECTS.items():
        assert f"### {kind}" in text
        for field in fields:
            assert f"| `{field.name}` |" in text, field.name
