"""`briefing import --into`: add what a briefing lacks, never changing what its author wrote."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import DATA
from tui.cli.main import main
from tui.files.loader import load

SEEDS = DATA / "seeds"
NEW = (
    "Envoy repeats peacekeeping toll\n\n"
    "Ambassador Asim Iftikhar Ahmad told the council that 182 Pakistani peacekeepers had died "
    'in service.\n\n"We honour every one of them," Ahmad said.\n'
)


@pytest.fixture
def briefing(tmp_path: Path) -> Path:
    path = tmp_path / "b.yaml"
    assert main(["import", str(SEEDS), "--output", str(path), "--title", "Peacekeeping"]) == 0
    return path


def test_new_articles_are_appended_reusing_speakers_and_keys(briefing: Path, tmp_path, capsys):
    before = briefing.read_bytes()
    new = tmp_path / "new.txt"
    new.write_text(NEW, encoding="utf-8")
    capsys.readouterr()
    assert main(["import", str(new), "--into", str(briefing)]) == 0
    assert "added 1, 0 already in the briefing: appended to" in capsys.readouterr().out
    after = briefing.read_bytes()
    assert after.startswith(before) and len(after) > len(before)
    result = load([briefing])
    assert result.problems == ()
    article = result.briefing.article("envoy-repeats-peacekeeping-toll")
    assert [q.speaker_id for q in article.quotes] == ["asim-iftikhar-ahmad"]
    assert [f.key for f in article.figures if f.value == 182] == ["peacekeepers-182"]
    assert "# proposed: same measure as `peacekeepers-182` in the briefing" in after.decode()
    assert len(result.briefing.speakers) == 2  # no second Ahmad

    assert main(["import", str(new), "--into", str(briefing)]) == 0
    assert "added 0, 1 already in the briefing" in capsys.readouterr().out
    assert briefing.read_bytes() == after


def test_the_same_articles_twice_add_nothing(briefing: Path, capsys):
    before = briefing.read_bytes()
    assert main(["import", str(SEEDS), "--into", str(briefing)]) == 0
    assert "added 0, 2 already in the briefing" in capsys.readouterr().out
    assert briefing.read_bytes() == before


def test_new_speakers_that_cannot_be_appended_go_to_a_file_beside_it(tmp_path: Path, capsys):
    one = tmp_path / "one.yaml"
    assert main(["import", str(next(SEEDS.glob("000_*.txt"))), "--output", str(one)]) == 0
    before = one.read_bytes()
    other = next(SEEDS.glob("001_*.txt"))
    assert main(["import", str(other), "--into", str(one)]) == 0
    out = capsys.readouterr().out
    assert "was left as it is (new speakers cannot join" in out
    assert one.read_bytes() == before
    [beside] = tmp_path.glob("one-imported-*.yaml")
    result = load([one, beside])
    assert result.problems == () and len(result.briefing.articles) == 2
    assert main(["import", str(other), "--into", str(one)]) == 0
    assert "added 0, 1 already in the briefing" in capsys.readouterr().out


def test_a_folder_gets_a_new_file_without_a_second_briefing_section(tmp_path: Path, capsys):
    folder = tmp_path / "harbour"
    folder.mkdir()
    main(["import", str(next(SEEDS.glob("000_*.txt"))), "--output", str(folder / "main.yaml")])
    before = (folder / "main.yaml").read_bytes()
    assert main(["import", str(SEEDS), "--into", str(folder)]) == 0
    assert "added 1, 1 already in the briefing: wrote the new file" in capsys.readouterr().out
    assert (folder / "main.yaml").read_bytes() == before
    [new] = [p for p in folder.glob("*.yaml") if p.name != "main.yaml"]
    assert "briefing:" not in new.read_text(encoding="utf-8")
    result = load([folder])
    assert result.problems == () and len(result.briefing.articles) == 2
    assert main(["import", str(SEEDS), "--into", str(folder)]) == 0
    assert "added 0, 2 already in the briefing" in capsys.readouterr().out


def test_a_file_whose_last_list_is_not_articles_is_left_alone(tmp_path: Path, capsys):
    hand = tmp_path / "hand.yaml"
    hand.write_text(
        "articles:\n- id: a\n  title: A\n  body: |\n    Some text.\nbriefing:\n  title: Hand\n",
        encoding="utf-8",
    )
    before = hand.read_bytes()
    new = tmp_path / "new.txt"
    new.write_text(NEW, encoding="utf-8")
    assert main(["import", str(new), "--into", str(hand)]) == 0
    assert "its last top-level list is not `articles:`" in capsys.readouterr().out
    assert hand.read_bytes() == before


def test_into_a_missing_briefing_is_a_clear_error(tmp_path: Path, capsys):
    assert main(["import", str(SEEDS), "--into", str(tmp_path / "nope.yaml")]) == 1
    assert "no such briefing" in capsys.readouterr().err
