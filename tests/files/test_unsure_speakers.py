"""Unnamed sources and unsure speakers in the format: loaded, validated, in the schema."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import yaml

from tui.files.loader import load
from tui.files.yaml_writer import dump_briefing
from tui.model.schema import json_schema

GOOD = """\
speakers:
  - id: ana-ruiz
    name: Ana Ruiz
  - id: a-senior-official-vote
    name: a senior official
    named: false
articles:
  - id: vote
    title: Vote
    body: |
      "Yes," said Ana Ruiz. "No," a senior official said. "Maybe," she said.
    quotes:
      - speaker: ana-ruiz
        text: Yes,
      - speaker: a-senior-official-vote
        text: No,
      - speaker: ana-ruiz
        text: Maybe,
        check: speaker found through a pronoun; confirm or correct
"""


def _load(tmp_path: Path, text: str):
    path = tmp_path / "b.yaml"
    path.write_text(text, encoding="utf-8")
    return load([path])


def test_unnamed_speaker_and_check_load(tmp_path: Path):
    result = _load(tmp_path, GOOD)
    assert result.problems == ()
    briefing = result.briefing
    assert [(s.name, s.named) for s in briefing.speakers] == [
        ("Ana Ruiz", True),
        ("a senior official", False),
    ]
    checks = [quote.check for quote in briefing.quotes]
    assert checks == ["", "", "speaker found through a pronoun; confirm or correct"]
    assert [quote.unconfirmed for quote in briefing.quotes] == [False, False, True]


def test_named_must_be_true_or_false(tmp_path: Path):
    result = _load(tmp_path, GOOD.replace("named: false", "named: perhaps"))
    [problem] = result.problems
    assert problem.where == "speakers[1].named"
    assert "expected true or false" in problem.message
    assert problem.line == 6
    assert all(s.named for s in result.briefing.speakers)  # the default stands


def test_check_must_be_text(tmp_path: Path):
    result = _load(tmp_path, GOOD.replace("check: speaker found", "check: [speaker found") + "]")
    assert any(p.where.endswith(".check") for p in result.problems)


def test_schema_knows_named_and_check():
    schema = json_schema()
    assert schema["$defs"]["speaker"]["properties"]["named"]["type"] == "boolean"
    assert schema["$defs"]["quote"]["properties"]["check"]["type"] == "string"
    validator = jsonschema.Draft202012Validator(schema)
    assert list(validator.iter_errors(yaml.safe_load(GOOD))) == []
    bad = yaml.safe_load(GOOD.replace("named: false", "named: nope"))
    assert list(validator.iter_errors(bad))


def test_writer_round_trips_the_new_fields(tmp_path: Path):
    briefing = _load(tmp_path, GOOD).briefing
    text = dump_briefing(briefing)
    assert "named: false" in text and "check: " in text
    again = _load(tmp_path, text).briefing
    assert again.speakers == briefing.speakers
    assert [q.check for q in again.quotes] == [q.check for q in briefing.quotes]
