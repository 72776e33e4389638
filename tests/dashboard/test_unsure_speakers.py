"""Unnamed sources listed apart, unconfirmed quotes marked, and `y` confirming one."""

from __future__ import annotations

from pathlib import Path

from tests.dashboard.conftest import ready, until
from tui.dashboard.widgets.quotes_view import UNNAMED_HEADING

TEXT = """\
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
      "Yes," said Ana Ruiz. "Maybe," she said. "No," a senior official said.
    quotes:
      - speaker: ana-ruiz
        text: Yes,
      - speaker: ana-ruiz
        text: Maybe,
        check: speaker found through a pronoun; confirm or correct
      - speaker: a-senior-official-vote
        text: No,
"""


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "b"
    folder.mkdir()
    (folder / "vote.yaml").write_text(TEXT, encoding="utf-8")
    return folder


async def test_unnamed_sources_are_listed_under_their_heading(app_for, tmp_path: Path):
    app = app_for(_folder(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("2")
        options = app.main.quotes.speaker_list.options
        prompts = [str(option.prompt).split("\n")[0].strip() for option in options]
        assert prompts == ["2 Ana Ruiz", UNNAMED_HEADING, "1 a senior official"]
        assert options[1].disabled and options[1].id is None
        app.main.quotes.select_speaker("a-senior-official-vote")
        assert [q.text for q in app.main.quotes.quotes] == ["No,"]


async def test_y_confirms_the_highlighted_quote_and_only_it(app_for, tmp_path: Path):
    folder = _folder(tmp_path)
    path = folder / "vote.yaml"
    before = path.read_bytes()
    app = app_for(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("2")
        quotes = app.main.quotes
        quotes.select_speaker("ana-ruiz")
        await pilot.pause()
        assert "unconfirmed" not in str(quotes.quote_list.get_option_at_index(0).prompt)
        assert "? unconfirmed" in str(quotes.quote_list.get_option_at_index(1).prompt)
        assert quotes.check_action("confirm_speaker", ()) is False  # the sure quote
        await pilot.press("y")
        assert path.read_bytes() == before
        quotes.select_quote(1)
        await pilot.pause()
        assert quotes.check_action("confirm_speaker", ()) is True
        await pilot.press("y")
        await until(pilot, lambda: path.read_bytes() != before)
        removed = b"        check: speaker found through a pronoun; confirm or correct\n"
        assert path.read_bytes() == before.replace(removed, b"")
        # The file changed under the loaded briefing: a second `y` refuses in one line.
        await pilot.press("y")
        await pilot.pause()
        assert path.read_bytes() == before.replace(removed, b"")


async def test_reader_and_speaker_page_show_the_speaker_unconfirmed(app_for, tmp_path: Path):
    app = app_for(_folder(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("2")
        quotes = app.main.quotes
        quotes.select_speaker("ana-ruiz")
        quotes.select_quote(1)
        await pilot.press("enter")
        await until(pilot, lambda: app.main.view == "articles")
        await pilot.pause()
        status = str(app.main.query_one("#reader-status").render())
        assert "Quote 2 of 3" in status and "? speaker unconfirmed" in status
        assert "found through a pronoun" in status
        await pilot.press("escape")
        await until(pilot, lambda: app.main.view == "quotes")
        quotes.speaker_list.focus()
        await pilot.press("o")
        await until(pilot, lambda: app.main.view == "speaker")
        page = app.main.speaker_page
        rows = [page._row(index).plain for index in range(len(page.groups))]
        assert ["? speaker unconfirmed" in row for row in rows] == [False, True]
