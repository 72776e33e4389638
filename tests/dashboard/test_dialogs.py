"""Help, the command palette, problems, themes and quitting."""

from __future__ import annotations

import json

from textual.command import CommandPalette

from tui.dashboard.app import help_sections
from tui.dashboard.screens import HelpScreen, ProblemsScreen
from tui.dashboard.screens.help import bindings_of, effective
from tui.files.loader import load
from tui.store.state import load_state

from .conftest import ready, until


async def test_help_lists_every_key_from_the_bindings(app_for):
    app = app_for()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help-keys").render())
        for _, classes in help_sections():
            for binding in effective(b for c in classes for b in bindings_of(c)):
                assert binding.description in text, binding
        for key in ("Next mark", "Previous mark", "Find", "Filter speakers", "Search", "Quit",
                    "Command palette"):
            assert key in text
        await pilot.press("escape")
        assert app.screen is app.main


async def test_palette_runs_the_apps_own_commands(app_for):
    app = app_for()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"Speaker: Ishaq")
        await until(pilot, lambda: app.screen.query_one("CommandList").option_count > 0)
        await pilot.pause(0.2)
        await pilot.press("enter")
        await until(pilot, lambda: app.screen is app.main)
        await until(pilot, lambda: app.main.view == "speaker")
        assert app.main.speaker_page.speaker_id == "ishaq-dar"
        assert app.focused is app.main.speaker_page.quote_list


async def test_palette_opens_an_article(app_for):
    app = app_for()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p", *"Article 2")
        await until(pilot, lambda: app.screen.query_one("CommandList").option_count > 0)
        await pilot.pause(0.2)
        await pilot.press("enter")
        await until(pilot, lambda: app.screen is app.main)
        assert app.main.view == "articles"
        assert app.main.articles.reader.article.id == app.briefing.articles[1].id


async def test_q_quits(app_for):
    app = app_for()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert app._exit
    assert app.return_code == 0


async def test_theme_choice_is_remembered(app_for, private_state):
    app = app_for(theme=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        assert app.theme == "textual-dark"
        await pilot.press("t")
        assert app.theme == "textual-light"
    assert load_state().theme == "textual-light"
    saved = json.loads((private_state / "state.json").read_text(encoding="utf-8"))
    assert saved == {"theme": "textual-light"}
    again = app_for(theme=None)
    async with again.run_test(size=(80, 24)) as pilot:
        assert again.theme == "textual-light"


async def test_a_broken_file_does_not_stop_the_others(app_for, seed_dir):
    broken = seed_dir / "broken.yaml"
    broken.write_text("articles:\n  - id: x\n    title: [unclosed\n", encoding="utf-8")
    expected = [str(p) for p in load([seed_dir]).problems]
    assert expected
    app = app_for()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        assert len(app.briefing.articles) == 2
        banner = app.main.query_one("#banner")
        assert banner.display and "problem" in str(banner.render())
        await pilot.press("p")
        assert isinstance(app.screen, ProblemsScreen)
        listed = [str(o.prompt) for o in app.screen.query_one("#problems-list").options]
        assert listed == expected
        await pilot.press("escape")
        assert app.screen is app.main
        await pilot.press("x")
        assert not banner.display


async def test_nothing_valid_still_opens_with_the_problems(app_for, tmp_path):
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "a.yaml").write_text("- just\n- a list\n", encoding="utf-8")
    app = app_for(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        assert app.briefing.articles == ()
        assert "No article could be read" in str(app.main.query_one("#summary-counts").render())
        await pilot.press("3", "2")
        assert app.focused is None, "no empty list or input takes the keys"
        await pilot.press("s", *"peace")
        assert app.screen.hits == []
        await pilot.press("escape", "p")
        assert isinstance(app.screen, ProblemsScreen)


async def test_a_screenshot_without_a_downloads_folder_lands_in_the_current_folder(
    app_for, tmp_path, monkeypatch
):
    from platformdirs import user_downloads_path

    assert not user_downloads_path().exists()
    monkeypatch.chdir(tmp_path)
    app = app_for()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        app.action_screenshot(filename="shot.svg")
        await until(pilot, lambda: (tmp_path / "shot.svg").exists())
    assert (tmp_path / "shot.svg").read_text().startswith("<svg")
