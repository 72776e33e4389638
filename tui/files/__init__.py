"""Reading, validating and writing the user's files: briefings, articles, settings."""
