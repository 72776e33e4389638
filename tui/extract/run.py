"""One article's extraction as the JSON record `briefing extract --json` prints."""

from __future__ import annotations

from typing import Any

from .articles import RawArticle
from .figures import extract_figures
from .quotes import extract_quotes


def extraction_record(article: RawArticle) -> dict[str, Any]:
    """Quotes (whole quotations), fragments and figures, offsets into the text as read."""
    found = extract_quotes(article.text)
    quotes = [
        {
            "speaker": quote.speaker,
            "role": quote.role,
            "text": quote.text,
            "start": quote.start,
            "end": quote.end,
            "cue": quote.cue,
        }
        for quote in found.quotes
        if quote.kind == "full"
    ]
    fragments = [
        {"speaker": quote.speaker, "text": quote.text, "start": quote.start, "end": quote.end}
        for quote in found.quotes
        if quote.kind != "full"
    ]
    figures = [
        {
            "value": figure.value,
            "unit": figure.unit,
            "bound": figure.bound,
            "text": figure.text,
            "start": figure.start,
            "end": figure.end,
            "about": figure.about,
            "score": round(figure.score, 3),
        }
        for figure in extract_figures(article.text)
    ]
    return {"id": article.id, "quotes": quotes, "fragments": fragments, "figures": figures}
