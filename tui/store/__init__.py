"""What the tool keeps between runs: the cache of parsed files and the remembered state."""
