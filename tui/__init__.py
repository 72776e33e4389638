"""briefing: a terminal dashboard that turns news articles into a briefing."""

__version__ = "0.1.0"
