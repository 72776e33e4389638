"""`briefing import` and `briefing extract`: from raw articles to a briefing and to JSON."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import DATA, ROOT
from tui.cli.main import main
from tui.files.loader import load
from tui.reports.ledger import Verdict, build_ledger

SEEDS = DATA / "seeds"
GOLD = yaml.safe_load((DATA / "seeds-gold.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def drafted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("import") / "draft.yaml"
    assert main(["import", str(SEEDS), "--output", str(output), "--title", "Peacekeeping"]) == 0
    return output


def test_import_writes_a_briefing_that_check_accepts(drafted: Path):
    result = load([drafted])
    assert result.problems == ()
    assert result.briefing.info.title == "Peacekeeping"
    assert len(result.briefing.articles) == 2


def test_import_finds_every_gold_quote_with_its_speaker(drafted: Path):
    briefing = load([drafted]).briefing
    found = {(briefing.speaker_name(q.speaker_id), q.text) for q in briefing.quotes}
    gold = {(q["speaker"], q["text"]) for a in GOLD["articles"] for q in a["quotes"]}
    assert found == gold


def test_import_finds_at_least_21_of_the_23_gold_figures(drafted: Path):
    briefing = load([drafted]).briefing
    found = {(a.title, f.value) for a in briefing.articles for f in a.figures}
    gold = [(a["title"], float(f["value"])) for a in GOLD["articles"] for f in a["figures"]]
    assert sum(item in found for item in gold) >= 21


def test_one_person_across_articles_is_one_speaker_with_their_other_names(drafted: Path):
    briefing = load([drafted]).briefing
    ahmad = next(s for s in briefing.speakers if s.name == "Asim Iftikhar Ahmad")
    assert {"Ahmad", "Ambassador Ahmad"} <= set(ahmad.aliases)
    assert not {"he", "He"} & set(ahmad.aliases)
    assert len(briefing.quotes_by_speaker[ahmad.id]) == 11


def test_import_proposes_keys_that_tie_the_same_measure(drafted: Path):
    text = drafted.read_text(encoding="utf-8")
    assert "# proposed: same measure in 2 articles" in text
    entries = {e.key: e for e in build_ledger(load([drafted]).briefing) if e.key}
    verdicts = sorted((e.verdict, e.values) for e in entries.values())
    assert verdicts == [
        (Verdict.AGREE, (48.0,)),
        (Verdict.AGREE, (235000.0,)),
        (Verdict.DIFFER, (181.0, 182.0)),
    ]


def test_import_never_overwrites_without_force(drafted: Path, capsys):
    before = drafted.read_text(encoding="utf-8")
    assert main(["import", str(SEEDS), "--output", str(drafted)]) == 1
    assert "exists" in capsys.readouterr().err
    assert drafted.read_text(encoding="utf-8") == before
    assert main(["import", str(SEEDS), "--output", str(drafted), "--force"]) == 0
    assert Path(f"{drafted}~").read_text(encoding="utf-8") == before


def test_extract_prints_one_json_object_per_file():
    files = sorted(str(p) for p in SEEDS.glob("*.txt"))
    result = subprocess.run(
        [sys.executable, "-m", "tui", "extract", *files, "--json"],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in records] == [Path(f).stem for f in files]
    text = Path(files[0]).read_text(encoding="utf-8")
    for quote in records[0]["quotes"]:
        assert {"speaker", "role", "text", "start", "end", "cue"} <= set(quote)
        assert text[quote["start"] : quote["end"]] == quote["text"]
    for figure in records[0]["figures"] + records[0]["years"]:
        assert {"value", "unit", "bound", "text", "start", "end", "about", "score"} <= set(figure)
        assert text[figure["start"] : figure["end"]] == figure["text"]
    # Calendar years are points in time, listed apart from the quantities.
    assert {y["value"] for y in records[0]["years"]} == {1947, 1960}
    assert all(f["unit"] != "year" for f in records[0]["figures"])


def test_extract_reports_unreadable_files_and_goes_on(tmp_path: Path, capsys):
    good = tmp_path / "good.txt"
    good.write_text('"We are ready," said Ana Ruiz.\n', encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"caf\xe9")
    assert main(["extract", str(bad), str(good), "--json"]) == 1
    captured = capsys.readouterr()
    assert f"{bad}:1:4: (file): not UTF-8" in captured.err
    [record] = [json.loads(line) for line in captured.out.splitlines()]
    assert record["quotes"][0]["speaker"] == "Ana Ruiz"
