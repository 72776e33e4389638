"""The hand-checked seed articles must come out exactly as their gold says."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tui.extract.quotes.extractor import extract_quotes

DATA = Path(__file__).resolve().parents[2] / "data"
GOLD = yaml.safe_load((DATA / "seeds-gold.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("article", GOLD["articles"], ids=lambda a: a["file"])
def test_seed_full_quotes_and_speakers_match_gold(article: dict[str, object]) -> None:
    text = (DATA / "seeds" / str(article["file"])).read_text(encoding="utf-8")
    result = extract_quotes(text)
    full = [q for q in result.quotes if q.kind == "full"]
    expected = [(q["text"], q["speaker"]) for q in article["quotes"]]  # type: ignore[attr-defined]
    assert [(q.text, q.speaker) for q in full] == expected
    for q in result.quotes:
        assert text[q.start : q.end] == q.text


def test_seed_titles_in_single_marks_are_not_quotes() -> None:
    article = GOLD["articles"][0]
    text = (DATA / "seeds" / article["file"]).read_text(encoding="utf-8")
    texts = {q.text for q in extract_quotes(text).quotes}
    for title in article["not_quotes"]:
        assert title not in texts


def test_seed_speakers_have_roles_and_mentions() -> None:
    text = (DATA / "seeds" / GOLD["articles"][0]["file"]).read_text(encoding="utf-8")
    speakers = {s.name: s for s in extract_quotes(text).speakers}
    ahmad = speakers["Asim Iftikhar Ahmad"]
    assert ahmad.role is not None and "Ambassador" in ahmad.role
    assert "Ambassador Ahmad" in ahmad.mentions
    assert "Ambassador Iftikhar" in ahmad.mentions
