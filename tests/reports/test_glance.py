"""The summary's first screen: what it keeps, and what it leaves out to stay small."""

from __future__ import annotations

import pickle

from tests.conftest import SEED_BRIEFING
from tui.files.loader import load
from tui.reports.glance import Glance, sources_line
from tui.reports.ledger import KeyFigures


def _seed():
    return load([str(SEED_BRIEFING)]).briefing


def test_a_glance_shows_what_the_briefing_and_its_key_figures_say():
    briefing = _seed()
    figures = KeyFigures.of(briefing)
    glance = Glance.of(briefing, figures)
    assert glance.title == briefing.title and glance.counts == briefing.counts
    assert glance.key_figures is figures
    assert len(glance.sources) == len(figures.entries)
    assert glance.sources[0] == sources_line(figures.entries[0], briefing)
    assert not glance.empty


def test_a_detached_glance_keeps_every_panel_but_no_article_text():
    briefing = _seed()
    glance = Glance.of(briefing, KeyFigures.of(briefing))
    stored = pickle.loads(pickle.dumps(glance.detached()))
    assert stored.key_figures is not None and glance.key_figures is not None
    for kept, entry in zip(stored.key_figures.entries, glance.key_figures.entries, strict=True):
        assert kept.lead == entry.lead and kept.label == entry.label
        assert kept.verdict == entry.verdict and kept.article_ids == entry.article_ids
        assert all(s.article.body == "" and not s.article.quotes for s in kept.sightings)
    assert stored.sources == glance.sources
    whole = len(pickle.dumps(glance))
    assert len(pickle.dumps(glance.detached())) < whole / 2


def test_sources_name_the_outlets_and_the_latest_date():
    briefing = _seed()
    entry = KeyFigures.of(briefing).entries[0]
    line = sources_line(entry, briefing)
    outlets = {briefing.article(i).outlet for i in entry.article_ids}  # type: ignore[union-attr]
    assert all(outlet in line for outlet in outlets if outlet)
