"""One article's extraction as the JSON record `briefing extract --json` prints."""

from __future__ import annotations

from typing import Any

from tui.extract.figures.extractor import ExtractedFigure, extract_figures, is_calendar
from tui.extract.quotes.extractor import QuoteKind, extract_quotes


def extraction_record(article_id: str, text: str) -> dict[str, Any]:
    """Quotes (whole quotations), fragments, figures and years, offsets into the text as read.

    Each quote's "speaker" is a name ("named": true) or an unnamed source as the article
    describes it ("a senior official", "named": false), or null; "confidence" (0-1) says how
    sure the attribution is and "basis" how it was made (see tui.extract.quotes.confidence).

    Calendar years ("in 1947") are points in time, not quantities: they are listed apart
    under "years" so that "figures" holds only counts and amounts.
    """
    found = extract_quotes(text)
    quotes = [
        {
            "speaker": quote.speaker,
            "role": quote.role,
            "text": quote.text,
            "start": quote.start,
            "end": quote.end,
            "cue": quote.cue,
            "named": quote.named,
            "confidence": quote.confidence,
            "basis": str(quote.basis),
        }
        for quote in found.quotes
        if quote.kind == QuoteKind.FULL
    ]
    fragments = [
        {"speaker": quote.speaker, "text": quote.text, "start": quote.start, "end": quote.end}
        for quote in found.quotes
        if quote.kind != QuoteKind.FULL
    ]
    found_figures = extract_figures(text)
    figures = [_figure(f) for f in found_figures if not is_calendar(f)]
    years = [_figure(f) for f in found_figures if is_calendar(f)]
    return {
        "id": article_id,
        "quotes": quotes,
        "fragments": fragments,
        "figures": figures,
        "years": years,
    }


def _figure(figure: ExtractedFigure) -> dict[str, Any]:
    return {
        "value": figure.value,
        "unit": figure.unit,
        "bound": str(figure.bound),
        "text": figure.text,
        "start": figure.start,
        "end": figure.end,
        "about": figure.about,
        "score": round(figure.score, 3),
    }
