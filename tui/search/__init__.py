"""Search over a briefing: one SQLite FTS5 index (on disk, or in memory), one hit type, and
the service an interactive program keeps (`tui.search.service`)."""
