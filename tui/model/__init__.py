"""The briefing's data and its schema: frozen, pure, knowing nothing of files or screens."""
