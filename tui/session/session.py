"""A set of briefing files at work: read through the cache, watched, ranked and searched.

The dashboard holds one `BriefingSession` and relays what it produces; nothing here knows of
Textual, so the whole pipeline runs the same under a test, a command or the app. Reading is
done in stages, each worth showing as soon as it is ready (`refresh` yields them in order):
the briefing itself, the summary's key figures, the whole figure ledger, then the search
index brought in step.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tui.search.freshness import INDEX_CODE, FilesSignature, files_signature, files_signatures

if TYPE_CHECKING:  # imported when first used: the dashboard's first frame comes before them
    from tui.files.loader import LoadResult
    from tui.model.briefing import Briefing
    from tui.reports.glance import Glance
    from tui.reports.ledger import FigureLedger, KeyFigures
    from tui.search.service import SearchService
    from tui.store.seen import SeenRecord

Progress = Callable[[int, int], None]
GLANCE_CODE = ("files", "model", "reports", "text")
"""The packages whose code decides what the summary's first screen shows: a stored glance
holds only while their sources are unchanged."""


@dataclass(frozen=True, slots=True)
class GlanceChecked:
    """Whether the first screen `kept_glance` gave, unchecked, still holds for the files:
    the first stage of the first refresh after it."""

    in_step: bool


@dataclass(frozen=True, slots=True)
class Loaded:
    """The files were read (again)."""

    result: LoadResult


@dataclass(frozen=True, slots=True)
class KeyFiguresRanked:
    """The summary's key figures of `briefing` were ranked."""

    briefing: Briefing
    figures: KeyFigures


@dataclass(frozen=True, slots=True)
class LedgerBuilt:
    """The whole figure ledger of `briefing` was built."""

    briefing: Briefing
    ledger: FigureLedger


@dataclass(frozen=True, slots=True)
class Indexed:
    """Search is in step with `briefing`; `error` says why the on-disk index is not."""

    briefing: Briefing
    error: str | None


Stage = GlanceChecked | Loaded | KeyFiguresRanked | LedgerBuilt | Indexed


class BriefingSession:
    """The briefing files named by `paths`: loaded, watched for changes and searched."""

    def __init__(self, paths: Sequence[str], *, search: SearchService | None = None) -> None:
        self.paths = list(paths)
        self.result: LoadResult | None = None
        """What the last refresh read."""
        self._search = search
        self.last_visit: SeenRecord | None = None
        """What the reader saw when the dashboard last closed on these files; read once, by
        the first refresh."""
        self._visit_read = False
        self._signature = ""
        self._glance_stored = ""
        """The key of the glance on disk, when known to be in step with the files."""
        self._glance_unchecked: str | None = None
        """The key of the glance `kept_glance` gave, until the next refresh checks it."""

    @property
    def search(self) -> SearchService:
        """Search over the briefing (made when first needed: not before the first frame)."""
        if self._search is None:
            from tui.search.service import SearchService

            self._search = SearchService(self.paths)
        return self._search

    @property
    def briefing(self) -> Briefing | None:
        return self.result.briefing if self.result is not None else None

    def kept_glance(self) -> Glance | None:
        """The summary's first screen as the last refresh stored it, without checking the
        files: as quick for 30,000 files as for one. The next refresh checks it first (its
        stat walk is what a warm open of a large folder would otherwise wait for) and says
        whether it still holds (`GlanceChecked`), before reading anything."""
        from tui.reports.glance import Glance
        from tui.store.derived import read_derived_latest

        found = read_derived_latest(self._glance_name)
        if found is None or not isinstance(found[1], Glance):
            return None
        self._glance_unchecked = found[0]
        return found[1]

    @property
    def _glance_name(self) -> str:
        return "glance\0" + "\0".join(os.path.abspath(path) for path in self.paths)

    def _store_glance(self, signature: FilesSignature, glance: Glance) -> None:
        """Keep `glance` for the next open (only when no file is still settling)."""
        from tui.store.derived import write_derived

        if signature.settled and signature.digest != self._glance_stored and \
                write_derived(self._glance_name, signature.digest, glance.detached()):
            self._glance_stored = signature.digest

    def changed(self) -> bool:
        """Whether a file was edited, added or removed since the last refresh (cheap: stats)."""
        return self._watched() != self._signature

    def refresh(self, progress: Progress | None = None) -> Iterator[Stage]:
        """Read the files again (reusing the cache) and yield each stage as it is ready.

        Call from a worker thread: each stage takes the interpreter for a while, so a caller
        that shows them waits for one to be on screen before asking for the next.
        """
        from tui.reports.ledger import FigureLedger, KeyFigures, build_ledger
        from tui.store.cache import FREEZE_MIN_FILES

        if not self._visit_read:
            from tui.store.seen import load_seen

            self.last_visit, self._visit_read = load_seen(self.paths), True
        # Both signatures before reading: an edit made meanwhile is seen next time.
        signature, indexed = files_signatures(self.paths, (GLANCE_CODE, INDEX_CODE))
        if self._glance_unchecked is not None:
            in_step = self._glance_unchecked == signature.digest
            if in_step:
                self._glance_stored = signature.digest
            self._glance_unchecked = None
            yield GlanceChecked(in_step)
        result = self._load(progress)
        self.result = result
        self._signature = signature.digest
        yield Loaded(result)
        briefing = result.briefing
        figures = KeyFigures.of(briefing)
        yield KeyFiguresRanked(briefing, figures)
        from tui.reports.glance import Glance

        self._store_glance(signature, Glance.of(briefing, figures))
        ledger = FigureLedger.of(build_ledger(briefing))
        if len(result.files) >= FREEZE_MIN_FILES:
            # Like the loaded briefing (see tui.store.cache), the ledger's 100,000s of objects
            # hold no cycles: out of the cycle collector's way, every full collection is cheap.
            gc.freeze()
        yield LedgerBuilt(briefing, ledger)
        yield Indexed(
            briefing,
            self.search.update(
                briefing,
                signature=indexed.digest if indexed.settled else None,
                note=str(len(result.problems)),
            ),
        )

    def _load(self, progress: Progress | None) -> LoadResult:
        from tui.store.cache import load_cached

        try:
            return load_cached(self.paths, progress=progress)
        except ValueError as error:
            if "fds_to_keep" not in str(error):
                raise
            _start_resource_tracker()  # and parse again, in parallel this time
            return load_cached(self.paths, progress=progress)

    def _watched(self) -> str:
        """What changes when a briefing file or a folder below the paths changes."""
        return self._watched_signature().digest

    def _watched_signature(self) -> FilesSignature:
        """The files' signature, with the code that decides the first screen."""
        return files_signature(self.paths, code=GLANCE_CODE)

    def close(self) -> None:
        if self._search is not None:
            self._search.close()


def _start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker with the real standard error.

    A cold open of many files parses them in a process pool (tui.store.cache), whose start
    passes `sys.stderr.fileno()` to the tracker; where `sys.stderr` is a capture whose
    fileno() is -1 (as under a full-screen app), the pool fails with "bad value(s) in
    fds_to_keep".
    """
    from multiprocessing import resource_tracker

    captured = sys.stderr
    sys.stderr = sys.__stderr__
    try:
        resource_tracker.ensure_running()
    finally:
        sys.stderr = captured
