"""The `briefing` command line."""
