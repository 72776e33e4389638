"""Acting on what is under the cursor (edit, open the web page, copy a quotation) and keys
the user remaps."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from tui.dashboard.app import make_app
from tui.dashboard.screens.help import help_text
from tui.files.config import Config

from .conftest import ready, until


def _editor(tmp_path: Path, action: str = "") -> tuple[Path, Path]:
    """An editor that records how it was called, then runs `action` (shell) on the file."""
    record = tmp_path / "editor-called"
    script = tmp_path / "fake-editor"
    script.write_text(f'#!/bin/sh\necho "$@" > {record}\n{action}\n')
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script, record


async def test_e_opens_the_file_at_the_highlighted_quotation_and_reloads(
    app_for, seed_dir, tmp_path, monkeypatch
):
    briefing_file = seed_dir / "pakistan-un-peacekeeping.yaml"
    script, record = _editor(
        tmp_path, "sed -i 's/^  title: Pakistan and UN peacekeeping/  title: Edited/' \"$2\""
    )
    monkeypatch.setenv("EDITOR", str(script))
    monkeypatch.delenv("VISUAL", raising=False)
    app = app_for()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("2", "right")
        quote = app.main.quotes.quotes[0]
        await pilot.press("e")
        await until(pilot, record.exists)
        line, path = record.read_text().split()
        lines = briefing_file.read_text(encoding="utf-8").splitlines()
        assert path == str(briefing_file)
        start = int(line.lstrip("+")) - 1  # the quotation's entry: its first line, then its text
        assert lines[start].lstrip().startswith("- ")
        assert any(quote.text[:40] in text for text in lines[start:start + 3])
        await until(pilot, lambda: app.briefing is not None and app.briefing.title == "Edited")


async def test_without_an_editor_set_e_says_how_to_set_one(app_for, monkeypatch):
    monkeypatch.delenv("EDITOR", raising=False)
    monkeypatch.delenv("VISUAL", raising=False)
    app = app_for()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("3", "e")
        await pilot.pause()
        assert any("EDITOR" in str(n.message) for n in app._notifications)


async def test_c_copies_the_quotation_with_its_citation(app_for):
    app = app_for()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("2", "right")
        quote = app.main.quotes.quotes[0]
        await pilot.press("c")
        await pilot.pause()
        speaker = app.briefing.speaker(quote.speaker_id)
        assert app.clipboard.startswith("“" + quote.text.rstrip(",")[:30])
        assert f"” — {speaker.name}, " in app.clipboard


async def test_u_opens_the_articles_web_page(tmp_path, monkeypatch):
    source = Path(__file__).resolve().parents[2] / "briefings" / "pakistan-un-peacekeeping.yaml"
    text = source.read_text(encoding="utf-8").replace(
        "    title: Dar urges modernisation",
        "    url: https://news.example/dar\n    title: Dar urges modernisation",
    )
    copy = tmp_path / "with-url.yaml"
    copy.write_text(text, encoding="utf-8")
    app = make_app([str(copy)], Config(), theme="textual-dark", watch_interval=None)
    opened: list[str] = []
    monkeypatch.setattr(app, "open_url", lambda url, **_: opened.append(url))
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("3", "down")
        await pilot.pause()
        assert app.main.articles.article_list.highlighted == 1
        await pilot.press("u")
        await pilot.pause()
    assert opened == ["https://news.example/dar"]


async def test_a_remapped_key_works_and_the_help_shows_it(seed_dir):
    config = Config(keymap=(("quit", "z"), ("search", "ctrl+s")))
    app = make_app([str(seed_dir)], config, theme="textual-dark", watch_interval=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        from tui.dashboard.app import help_sections

        rows = {line[18:].strip(): line[:18].split(" / ")
                for line in help_text(app, help_sections()).plain.splitlines()
                if line.startswith("  ")}
        assert "z" in [key.strip() for key in rows["Quit"]]
        assert "q" not in [key.strip() for key in rows["Quit"]]
        assert "^s" in [key.strip() for key in rows["Search"]]
        await pilot.press("q")
        await pilot.pause()
        assert app.is_running  # q is no longer quit
        await pilot.press("z")
        await pilot.pause()
    assert app.return_code == 0


async def test_an_unknown_id_in_the_keymap_is_named(seed_dir):
    config = Config(keymap=(("quitt", "z"),))
    app = make_app([str(seed_dir)], config, theme="textual-dark", watch_interval=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        assert any("quitt" in str(n.message) for n in app._notifications)


def test_docs_list_every_binding_id():
    from tui.dashboard.app import help_sections
    from tui.dashboard.screens.help import keys_markdown

    docs = Path(__file__).resolve().parents[2] / "docs" / "keys.md"
    assert docs.read_text(encoding="utf-8") == keys_markdown(help_sections()), (
        "docs/keys.md is out of step: regenerate it with keys_markdown(help_sections())"
    )
    assert os.path.getsize(docs) > 0
