"""A printed summary kept beside the cache, printed again while nothing it came from changed.

`briefing summary` on 10,000 articles spends most of its time reading them and working out
what the reader will have seen; neither changes while the files, the code that reads and
reports them and the options stay the same. So the text, the problems, the files read and
the record of what was seen are kept under the digest of all of those (the files told by
their stat data, as the search index tells them), and a run that finds them prints the
same bytes. A run with `--since last` depends on the previous run too: it is never kept.
A file changed less than RACY_SECONDS ago might change again within the same timestamp
tick: what it gave is not kept.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass

from tui.model.problems import Problem
from tui.search.freshness import files_signature
from tui.store.seen import SeenRecord

SUMMARY_CODE = ("cli", "files", "model", "reports", "store", "text")
"""The packages whose code decides what a summary prints."""


@dataclass(frozen=True, slots=True)
class KeptSummary:
    text: str
    """What was printed (or written with -o); empty when there was nothing to summarise."""
    problems: tuple[Problem, ...]
    files: tuple[str, ...]
    record: SeenRecord | None
    """What the reader has seen once it is printed; None when the briefing is empty."""


class SummaryKey:
    """The key of a summary of `paths` with `options`, taken before the files are read."""

    def __init__(self, paths: Sequence[str], options: tuple[object, ...]) -> None:
        signature = files_signature(paths, code=SUMMARY_CODE)
        self.name = "summary\0" + "\0".join(os.path.abspath(path) for path in paths)
        self.digest = f"{signature.digest}\0{options!r}"
        self.settled = signature.settled

    def read(self) -> KeptSummary | None:
        from tui.store.derived import read_derived

        kept = read_derived(self.name, self.digest)
        return kept if isinstance(kept, KeptSummary) else None

    def keep(self, summary: KeptSummary) -> None:
        if self.settled:
            from tui.store.derived import write_derived

            write_derived(self.name, self.digest, summary)


__all__ = ["SUMMARY_CODE", "KeptSummary", "SummaryKey"]
