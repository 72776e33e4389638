"""`briefing summary --since`: a briefing that grows across three runs, read each time."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import SEED_BRIEFING
from tui.cli.main import main
from tui.store.seen import load_seen, seen_path

NEW_ARTICLE = """\
article:
  id: lacroix-briefing-august
  title: UN peacekeeping chief briefs the Council on fatalities
  outlet: Dawn
  url: https://example.org/lacroix-august
  published: 2025-08-14
  body: |
    Pakistan has now lost 183 peacekeepers in UN service, the UN said on Thursday.

    "We owe them a safer mission," said Jean-Pierre Lacroix.

    Some 61,000 peacekeepers serve in 11 missions.
  figures:
    - value: 183
      unit: peacekeepers
      text: '183'
      label: Pakistani peacekeepers killed in service
      as_of: 2025-08
      key: pakistani-peacekeepers-killed
    - value: 61000
      unit: peacekeepers
      text: Some 61,000 peacekeepers
      label: UN peacekeepers serving
      bound: approximate
      as_of: 2025-08
  quotes:
    - speaker: jean-pierre-lacroix
      text: We owe them a safer mission,
"""


def brief(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["summary", *args]) == 0
    return capsys.readouterr().out


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "briefing"
    folder.mkdir()
    shutil.copy(SEED_BRIEFING, folder / SEED_BRIEFING.name)
    return folder


def test_a_growing_briefing_read_three_times(folder: Path, capsys: pytest.CaptureFixture[str]):
    first = brief(capsys, str(folder), "--since", "last", "--width", "200")
    assert "No earlier brief of this briefing is remembered" in first
    assert load_seen([folder]) is not None  # recorded for the next brief

    (folder / "update-august.yaml").write_text(NEW_ARTICLE, encoding="utf-8")
    second = brief(capsys, str(folder), "--since", "last", "--width", "200")
    since = second[second.index("SINCE THE LAST BRIEF") : second.index("KEY FIGURES")]
    # It opens the brief, before the key figures, and names what the reader has not seen.
    assert second.index("SINCE THE LAST BRIEF") < second.index("KEY FIGURES")
    assert "Dawn, 14 August 2025, UN peacekeeping chief briefs the Council on fatalities" in since
    assert (
        "Pakistani peacekeepers killed in service: 182 (July 2025, Pakistan calls for boosting"
        in since
    )
    assert "→ 183 (August 2025, Dawn)" in since
    assert "~61,000 UN peacekeepers serving [3]" in since
    assert "Jean-Pierre Lacroix: “We owe them a safer mission” [3]" in since
    # the old quotations and figures are not new
    assert "Overall, peace operations" not in since and "235,000" not in since

    third = brief(capsys, str(folder), "--since", "last", "--width", "200")
    assert "SINCE THE LAST BRIEF" not in third
    assert "Nothing new since the last brief (" in third
    nothing = [line for line in third.splitlines() if line.startswith("Nothing new")]
    assert len(nothing) == 1


@pytest.mark.parametrize(
    ("fmt", "heading"),
    [("markdown", "## Since the last brief"), ("html", "<h2>Since the last brief")],
)
def test_every_format_opens_with_what_is_new(
    folder: Path, capsys: pytest.CaptureFixture[str], fmt: str, heading: str
):
    brief(capsys, str(folder))  # a plain summary records what was printed, too
    (folder / "update-august.yaml").write_text(NEW_ARTICLE, encoding="utf-8")
    output = brief(capsys, str(folder), "--since", "last", "--format", fmt)
    assert heading in output
    assert output.index(heading) < output.index("Key figures")
    assert "183" in output and "182" in output and "safer mission" in output


def test_since_a_date_uses_publication_dates(folder: Path, capsys: pytest.CaptureFixture[str]):
    (folder / "update-august.yaml").write_text(NEW_ARTICLE, encoding="utf-8")
    output = brief(capsys, str(folder), "--since", "2025-08-01", "--width", "200")
    assert "SINCE 1 AUGUST 2025" in output
    assert "Dawn, 14 August 2025" in output and "→ 183 (August 2025, Dawn)" in output
    later = brief(capsys, str(folder), "--since", "2025-09", "--width", "200")
    assert "Nothing new since September 2025." in later


def test_a_bad_since_date_is_a_usage_error(folder: Path, capsys: pytest.CaptureFixture[str]):
    assert main(["summary", str(folder), "--since", "yesterday"]) == 2
    assert "--since takes 'last' or a date" in capsys.readouterr().err


def test_the_record_is_per_briefing_and_written_whole(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(SEED_BRIEFING, other / "copy.yaml")
    brief(capsys, str(folder))
    assert load_seen([other]) is None
    # the same folder named another way is the same briefing
    assert seen_path([folder]) == seen_path([folder / ".." / folder.name])
    leftovers = [p for p in seen_path([folder]).parent.iterdir() if p.suffix != ".json"]
    assert leftovers == []


def test_a_damaged_record_reads_as_never_seen(folder: Path, capsys: pytest.CaptureFixture[str]):
    path = seen_path([folder])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{not json", encoding="utf-8")
    output = brief(capsys, str(folder), "--since", "last")
    assert "No earlier brief of this briefing is remembered" in output
    assert load_seen([folder]) is not None
