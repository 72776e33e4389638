"""Speakers: names, roles, places and organisations, and who a mention refers to."""
