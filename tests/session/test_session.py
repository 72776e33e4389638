"""The session: the stages of a refresh, in order, and a watcher that misses no change."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import SEED_BRIEFING
from tui.model.briefing import body_is_deferred
from tui.reports.glance import Glance
from tui.session.session import (
    BriefingSession,
    GlanceChecked,
    Indexed,
    KeyFiguresRanked,
    LedgerBuilt,
    Loaded,
)


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    briefings = tmp_path / "briefings"
    briefings.mkdir()
    shutil.copy(SEED_BRIEFING, briefings / "seed.yaml")
    return briefings


def test_a_refresh_yields_each_stage_of_the_same_briefing_in_order(folder: Path):
    session = BriefingSession([str(folder)])
    stages = list(session.refresh())
    assert [type(stage) for stage in stages] == [Loaded, KeyFiguresRanked, LedgerBuilt, Indexed]
    loaded, ranked, built, indexed = stages
    assert isinstance(loaded, Loaded) and session.briefing is loaded.result.briefing
    assert len(loaded.result.briefing.articles) == 2
    assert isinstance(ranked, KeyFiguresRanked) and ranked.briefing is session.briefing
    assert ranked.figures.entries and ranked.figures.total >= len(ranked.figures.entries)
    assert isinstance(built, LedgerBuilt) and len(built.ledger) == ranked.figures.total
    assert isinstance(indexed, Indexed) and indexed.error is None
    hits = session.search.search("peacekeeping reform", briefing=session.briefing)
    assert hits and all(hit.article_id for hit in hits)
    session.close()


def test_nothing_changed_after_a_refresh(folder: Path):
    session = BriefingSession([str(folder)])
    list(session.refresh())
    assert not session.changed()


def test_an_edit_of_the_same_size_within_the_same_time_is_seen(folder: Path):
    session = BriefingSession([str(folder)])
    list(session.refresh())
    path = folder / "seed.yaml"
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Pakistan", "Pakistan".swapcase(), 1), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size
    assert session.changed()


def test_a_briefing_added_in_a_new_subfolder_is_seen(folder: Path):
    session = BriefingSession([str(folder)])
    list(session.refresh())
    (folder / "2025-08").mkdir()
    list(session.refresh())  # the new folder was noticed and read: still nothing in it
    assert not session.changed()
    shutil.copy(SEED_BRIEFING, folder / "2025-08" / "later.yaml")
    assert session.changed()


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files just written count as settled (they would be after two seconds)."""
    import tui.search.freshness
    import tui.store.cache_parse

    monkeypatch.setattr(tui.search.freshness, "RACY_SECONDS", -1.0)
    monkeypatch.setattr(tui.store.cache_parse, "RACY_SECONDS", -1.0)


def _checked_glance(folder: Path) -> Glance | None:
    """The kept first screen, when the next refresh finds it still in step with the files."""
    session = BriefingSession([str(folder)])
    kept = session.kept_glance()
    if kept is None:
        return None
    return kept if next(session.refresh()) == GlanceChecked(in_step=True) else None


def test_a_refresh_keeps_the_first_screen_for_the_next_open(folder: Path, settled: None):
    session = BriefingSession([str(folder)])
    assert _checked_glance(folder) is None  # nothing stored yet
    stages = list(session.refresh())
    ranked = stages[1]
    assert isinstance(ranked, KeyFiguresRanked)
    glance = _checked_glance(folder)
    assert glance is not None and glance.key_figures is not None
    assert glance.title == ranked.briefing.title
    assert [e.lead for e in glance.key_figures.entries] == [e.lead for e in ranked.figures.entries]


def test_an_edit_makes_the_kept_first_screen_stale(folder: Path, settled: None):
    list(BriefingSession([str(folder)]).refresh())
    path = folder / "seed.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("235,000", "236,000"),
                    encoding="utf-8")
    assert _checked_glance(folder) is None
    (folder / "seed.yaml").unlink()
    assert _checked_glance(folder) is None


def test_files_still_settling_keep_no_first_screen(folder: Path):
    list(BriefingSession([str(folder)]).refresh())  # the copy was made just now
    assert _checked_glance(folder) is None


def test_a_warm_open_leaves_bodies_on_disk_until_an_article_is_read(
    folder: Path, settled: None
):
    list(BriefingSession([str(folder)]).refresh())  # fills the load cache
    session = BriefingSession([str(folder)])
    stages = list(session.refresh())
    assert isinstance(stages[-1], Indexed) and stages[-1].error is None
    articles = session.briefing.articles
    assert all(body_is_deferred(article) for article in articles)
    assert "235,000" in articles[0].body + articles[1].body  # read when asked, not kept
    assert all(body_is_deferred(article) for article in articles)
    hits = session.search.search("peacekeeping reform", briefing=session.briefing)
    assert hits and hits[0].snippet
    session.close()


def test_an_index_in_step_with_the_files_is_ready_without_looking_at_articles(
    folder: Path, settled: None, monkeypatch: pytest.MonkeyPatch
):
    list(BriefingSession([str(folder)]).refresh())  # builds and stamps the index
    import tui.search.rows

    looked: list[str] = []
    original = tui.search.rows.article_content
    monkeypatch.setattr(
        tui.search.rows, "article_content", lambda a, n: looked.append(a.id) or original(a, n)
    )
    session = BriefingSession([str(folder)])
    list(session.refresh())
    assert looked == []
    assert session.search.search("peacekeeping reform", briefing=session.briefing)
    path = folder / "seed.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("235,000", "236,000"),
                    encoding="utf-8")
    list(session.refresh())  # another signature: the articles are compared again
    assert sorted(set(looked)) == sorted(article.id for article in session.briefing.articles)
    assert session.search.search("236,000", briefing=session.briefing)
    session.close()


def test_a_kept_first_screen_is_given_unchecked_and_checked_by_the_next_refresh(
    folder: Path, settled: None
):
    list(BriefingSession([str(folder)]).refresh())  # keeps the first screen
    session = BriefingSession([str(folder)])
    assert session.kept_glance() is not None
    stages = list(session.refresh())
    assert stages[0] == GlanceChecked(in_step=True)
    assert [type(stage) for stage in stages[1:]] == [Loaded, KeyFiguresRanked, LedgerBuilt,
                                                     Indexed]
    assert not any(isinstance(stage, GlanceChecked) for stage in session.refresh())


def test_a_kept_first_screen_of_files_changed_since_is_found_out_before_reading(
    folder: Path, settled: None
):
    list(BriefingSession([str(folder)]).refresh())
    path = folder / "seed.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("235,000", "236,000"),
                    encoding="utf-8")
    session = BriefingSession([str(folder)])
    kept = session.kept_glance()
    assert kept is not None and _checked_glance(folder) is None  # given, though no longer in step
    first = next(session.refresh())
    assert first == GlanceChecked(in_step=False)
