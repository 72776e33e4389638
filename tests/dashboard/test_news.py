"""The dashboard marks what is new since the reader's last visit, and records the visit."""

from __future__ import annotations

from pathlib import Path

from tests.cli.test_summary_since import NEW_ARTICLE
from tui.files.loader import load
from tui.reports.changes import record_of
from tui.store.seen import load_seen, save_seen

from .conftest import ready


async def test_first_visit_marks_nothing_and_is_recorded_on_exit(app_for, seed_dir: Path):
    app = app_for()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        assert not app.main.query_one("#summary-new").display
    assert load_seen([str(seed_dir)]) is not None


async def test_what_arrived_since_the_last_visit_is_marked(app_for, seed_dir: Path):
    save_seen([str(seed_dir)], record_of(load([seed_dir]).briefing))
    (seed_dir / "update-august.yaml").write_text(NEW_ARTICLE, encoding="utf-8")
    app = app_for()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        main = app.main
        badge = str(main.query_one("#summary-new").render())
        assert "● new" in badge and "1 article, 2 figures, 1 quotation" in badge
        marks = {p.entry.key or p.entry.label: str(p.render()) for p in main.summary.panels}
        assert "▲ changed" in marks["pakistani-peacekeepers-killed"]
        assert "● new" in marks["UN peacekeepers serving"]
        assert "new" not in marks["pakistani-peacekeepers-served"]

        articles = main.query_one("#articles")
        rows = [articles._prompt(i).plain for i in range(3)]
        assert [("● new" in row) for row in rows] == [False, False, True]
        articles.open("lacroix-briefing-august")
        assert "● new" not in articles._prompt(2).plain  # seen now

        await pilot.press("4")
        await pilot.pause()
        ledger = main.query_one("#ledger")
        for _ in range(50):
            if ledger.ledger is not None:
                break
            await pilot.pause(0.05)
        killed = next(i for i, e in enumerate(ledger.rows) if e.key and "killed" in e.key)
        row = ledger._entry_row(killed).plain
        assert "▲ changed" in row
        # three dates (April, July, August): drawn as a small chart
        assert any(bar in row for bar in "▁▂▃▄▅▆▇█")
    record = load_seen([str(seed_dir)])
    assert record is not None and "lacroix-briefing-august" in record.articles
