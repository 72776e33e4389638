"""A quotation with its citation, as one pastes it into a note: “words” — Name, role, Outlet,
date."""

from __future__ import annotations

from tui.model.briefing import Article, Briefing, Quote
from tui.model.dates import describe_date
from tui.text.sanitize import one_line


def cite(briefing: Briefing, quote: Quote, article: Article) -> str:
    """The quotation's words in quotation marks, then who said it and where, on one line."""
    speaker = briefing.speaker(quote.speaker_id)
    name = speaker.name if speaker is not None else "unattributed"
    role = quote.role or (speaker.role if speaker is not None else "")
    source = article.outlet or article.title
    parts = [name, role, source, describe_date(article.published)]
    words = one_line(quote.text).strip().rstrip(",")
    return f"“{words}” — " + ", ".join(one_line(part) for part in parts if part)
