"""The hand-checked seed articles must come out exactly as their gold (tests/data/seeds-gold.yaml)
says: whole quotations with their speakers, titles in single marks left out, speakers' roles and
mentions. Plain tests: each checks a whole article rather than one rule."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from tui.extract.quotes.extractor import QuoteKind, extract_quotes

DATA = Path(__file__).resolve().parents[2] / "data"
GOLD: dict[str, Any] = yaml.safe_load((DATA / "seeds-gold.yaml").read_text(encoding="utf-8"))


def _text(article: dict[str, Any]) -> str:
    return (DATA / "seeds" / str(article["file"])).read_text(encoding="utf-8")


@pytest.mark.parametrize("article", GOLD["articles"], ids=lambda a: a["file"])
def test_seed_full_quotes_and_speakers_match_gold(article: dict[str, Any]) -> None:
    text = _text(article)
    result = extract_quotes(text)
    full = [q for q in result.quotes if q.kind == QuoteKind.FULL]
    expected = [(q["text"], q["speaker"]) for q in article["quotes"]]
    assert [(q.text, q.speaker) for q in full] == expected
    for q in result.quotes:
        assert text[q.start : q.end] == q.text


def test_seed_titles_in_single_marks_are_not_quotes() -> None:
    article = GOLD["articles"][0]
    texts = {q.text for q in extract_quotes(_text(article)).quotes}
    for title in article["not_quotes"]:
        assert title not in texts


def test_seed_speakers_have_roles_and_mentions() -> None:
    speakers = {s.name: s for s in extract_quotes(_text(GOLD["articles"][0])).speakers}
    ahmad = speakers["Asim Iftikhar Ahmad"]
    assert ahmad.role is not None and "Ambassador" in ahmad.role
    assert "Ambassador Ahmad" in ahmad.mentions
    assert "Ambassador Iftikhar" in ahmad.mentions
