"""Extraction cases kept as data: loading them from YAML and checking extract_quotes against one.

A case holds an article (`text`), the rule it pins down (`why`) and what extraction must give:
`full` (every whole quotation, in order), `quotes` (every quotation, fragments too, in order),
`speakers` (every speaker, in order). Each expected quotation or speaker lists only the fields
the rule is about; the number of quotations or speakers is always checked.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from tui.extract.quotes.extractor import ExtractedQuote, QuoteKind, extract_quotes

_QUOTE_FIELDS = ("text", "speaker", "role", "cue", "kind", "named", "basis")
_QUOTE_KEYS = frozenset({*_QUOTE_FIELDS, "role_contains"})
_SPEAKER_KEYS = frozenset({"name", "role", "mentions"})
_CASE_KEYS = frozenset({"why", "text", "full", "quotes", "speakers"})


def load_cases(path: Path) -> list[dict[str, Any]]:
    """The cases of a YAML file (a list of mappings)."""
    cases = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(cases, list), path
    for case in cases:
        assert set(case) <= _CASE_KEYS and {"why", "text"} <= set(case), case
    return cases


def case_id(case: dict[str, Any]) -> str:
    return str(case["why"])


def check_extraction(case: dict[str, Any]) -> None:
    """Assert that extract_quotes on the case's text gives what the case expects."""
    article: str = case["text"]
    result = extract_quotes(article)
    for q in result.quotes:
        assert article[q.start : q.end] == q.text
    if "full" in case:
        full = [q for q in result.quotes if q.kind == QuoteKind.FULL]
        _check_quotes(article, full, case["full"])
    if "quotes" in case:
        _check_quotes(article, list(result.quotes), case["quotes"])
    if "speakers" in case:
        wanted = case["speakers"]
        got = [
            {"name": s.name, "role": s.role, "mentions": list(s.mentions)} for s in result.speakers
        ]
        assert len(got) == len(wanted), got
        for speaker, want in zip(got, wanted, strict=True):
            assert set(want) <= _SPEAKER_KEYS, want
            assert {k: speaker[k] for k in want} == want


def _check_quotes(article: str, got: list[ExtractedQuote], wanted: list[dict[str, Any]]) -> None:
    assert len(got) == len(wanted), [(q.text, q.kind, q.speaker) for q in got]
    for q, want in zip(got, wanted, strict=True):
        assert set(want) <= _QUOTE_KEYS, want
        view = {k: getattr(q, k) for k in _QUOTE_FIELDS if k in want}
        assert view == {k: want[k] for k in _QUOTE_FIELDS if k in want}
        if "text" in want:  # the words are found where they first occur in the article
            assert q.start == article.index(want["text"])
            assert q.end == q.start + len(want["text"])
        if "role_contains" in want:
            assert q.role is not None and want["role_contains"] in q.role
