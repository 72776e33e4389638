"""`briefing import` keeps unnamed sources as described and marks unsure speakers."""

from __future__ import annotations

from pathlib import Path

from tui.cli.main import main
from tui.files.loader import load

FIRST = """\
Council backs the bridge

Mayor Ana Ruiz spoke to reporters after the vote on Monday.

"We waited long enough," Ruiz said.

She went on. "Work starts this year," she said.

"The numbers do not add up," an official said.
"""

SECOND = """\
Ministry doubts the cost

The ministry released its own estimate on Tuesday.

"The approach roads are missing," an official said.
"""


def _import(tmp_path: Path) -> tuple[Path, str]:
    (tmp_path / "a.txt").write_text(FIRST, encoding="utf-8")
    (tmp_path / "b.txt").write_text(SECOND, encoding="utf-8")
    output = tmp_path / "out.yaml"
    assert main(["import", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"),
                 "--output", str(output)]) == 0
    return output, output.read_text(encoding="utf-8")


def test_pronoun_attributed_quote_gets_a_check(tmp_path: Path):
    output, text = _import(tmp_path)
    result = load([output])
    assert result.problems == ()
    quotes = {q.text: q for q in result.briefing.quotes}
    sure = quotes["We waited long enough,"]
    unsure = quotes["Work starts this year,"]
    assert not sure.check
    assert unsure.check == "speaker found through a pronoun; confirm or correct"
    assert unsure.speaker_id == sure.speaker_id == "ana-ruiz"
    assert "check: speaker found through a pronoun; confirm or correct" in text


def test_a_description_is_an_unnamed_speaker_per_article(tmp_path: Path):
    output, text = _import(tmp_path)
    briefing = load([output]).briefing
    unnamed = [s for s in briefing.speakers if not s.named]
    assert [(s.name, s.id) for s in unnamed] == [
        ("an official", "an-official-council-backs-the-bridge"),
        ("an official", "an-official-ministry-doubts-the-cost"),
    ]
    by_text = {q.text: q for q in briefing.quotes}
    assert by_text["The numbers do not add up,"].speaker_id == unnamed[0].id
    assert by_text["The approach roads are missing,"].speaker_id == unnamed[1].id
    assert "    named: false\n" in text
    named = [s for s in briefing.speakers if s.named]
    assert [s.name for s in named] == ["Ana Ruiz"]


def test_a_description_never_joins_a_named_person(tmp_path: Path):
    # A person whose last name is the description's last word stays apart from it.
    (tmp_path / "c.txt").write_text(
        'Rival claims\n\n"I disagree," said Jo Official.\n\n"We agree," an official said.\n',
        encoding="utf-8",
    )
    output = tmp_path / "c.yaml"
    assert main(["import", str(tmp_path / "c.txt"), "--output", str(output)]) == 0
    briefing = load([output]).briefing
    by_text = {q.text: briefing.speaker(q.speaker_id) for q in briefing.quotes}
    assert by_text["I disagree,"].name == "Jo Official"
    unnamed = by_text["We agree,"]
    assert unnamed is not None and not unnamed.named and unnamed.name == "an official"


def test_import_into_keeps_unnamed_sources_apart(tmp_path: Path):
    output, _ = _import(tmp_path)
    (tmp_path / "d.txt").write_text(
        'Third day\n\n"Still no answer," an official said.\n', encoding="utf-8"
    )
    assert main(["import", str(tmp_path / "d.txt"), "--into", str(output)]) == 0
    briefing = load([output, *tmp_path.glob("out-imported-*.yaml")]).briefing
    unnamed = [s for s in briefing.speakers if not s.named]
    assert len(unnamed) == 3
    assert len({s.id for s in unnamed}) == 3
