"""Small helpers for the words a reader sees."""

from __future__ import annotations


def count(n: int, noun: str) -> str:
    """"1 figure", "2 figures", "10,000 articles"; `noun` is the singular."""
    return f"{n:,} {noun}" if n == 1 else f"{n:,} {noun}s"
