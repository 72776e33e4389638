"""Messages that travel between views and screens."""

from __future__ import annotations

from textual.message import Message


class OpenArticle(Message):
    """Open an article in the reader with a span of its body highlighted and in view."""

    def __init__(self, article_id: str, start: int = 0, end: int = 0) -> None:
        super().__init__()
        self.article_id = article_id
        self.start = start
        self.end = end

    @property
    def span(self) -> tuple[int, int] | None:
        """The span to highlight; None to open the article at its top."""
        return (self.start, self.end) if self.end > self.start else None


class OpenSpeaker(Message):
    """Show a speaker's quotes (None: the unattributed ones)."""

    def __init__(self, speaker_id: str | None) -> None:
        super().__init__()
        self.speaker_id = speaker_id


class OpenSpeakerPage(Message):
    """Show a speaker's page: every quotation across the articles (None: the unattributed)."""

    def __init__(self, speaker_id: str | None) -> None:
        super().__init__()
        self.speaker_id = speaker_id
