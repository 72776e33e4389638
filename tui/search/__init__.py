"""Search over a briefing: in memory, or through the on-disk full-text index."""
