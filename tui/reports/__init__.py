"""What a briefing tells across its articles: the figure ledger, speaker pages, the summary."""
