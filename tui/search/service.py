"""Search for an interactive program, without the interface: `SearchService`.

    service = SearchService(paths)
    error = service.update(briefing)      # in a worker thread: brings the index up to date
    hits = service.search("kashmir")      # from any thread; None while the index is not ready
    service.close()

The index is the on-disk one of `paths` (`SearchIndex.for_paths`). When it cannot be opened or
written (a cache folder that is missing, read-only, a file or another user's; a full disk;
another process building it for longer than we wait), the same index is built in memory
instead (`SearchIndex.open(":memory:")`): hits are the same either way, by construction, and
`fallback` says why. `index_of` does the same for a command that searches once. An index in
memory is not built beside the on-disk one while that is brought up to date: measured, it
takes about as long (230 ms against 260 ms for 1,000 articles, 2 ms against 9 ms for the
seed), and an on-disk index already in step is ready in a fraction of that.

Hits come in the order the dashboard lists them: speakers, figures, quotes, then articles
(those matched in their title only first), each kind best first; an article hit whose
query's words stand together near the place found points at all of them ("Line of Control",
not "Line").
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING

from tui.search.find import find_all
from tui.search.hits import Hit, Kind

if TYPE_CHECKING:  # imported when first used: an app starts without SQLite (see _open)
    from tui.model.briefing import Briefing
    from tui.search.index import SearchIndex

SEARCH_LIMIT = 100
"""Hits a search gives at most, unless told otherwise."""
LOCK_WAIT = 1.0
"""Seconds a search waits for an update in progress before giving None."""
MEMORY = ":memory:"
"""The path of an index in memory (as `tui.search.database` names it)."""
PHRASE_REACH = 300
"""Characters either side of an article hit where its query's words are looked for together."""
_ORDER = {Kind.SPEAKER: 0, Kind.FIGURE: 1, Kind.QUOTE: 2, Kind.ARTICLE: 3}


class SearchService:
    """The search index of one set of paths, kept in step with the briefing they make.

    `update` runs in a worker thread, `search` in any thread; one lock keeps them apart.
    """

    def __init__(
        self,
        paths: Sequence[str | os.PathLike[str]],
        cache_dir: str | os.PathLike[str] | None = None,
    ) -> None:
        self.paths = [os.fspath(path) for path in paths]
        self.cache_dir = cache_dir
        self.fallback: str | None = None
        """Why the index is in memory (the on-disk one failed), or None."""
        self._lock = threading.Lock()
        self._index: SearchIndex | None = None
        self._indexed: Briefing | None = None
        self._closed = False

    @property
    def ready(self) -> bool:
        """True when the index is in step with the briefing last given to `update`."""
        return self._indexed is not None

    @property
    def indexed(self) -> Briefing | None:
        """The briefing the index is in step with, if it is ready."""
        return self._indexed

    def update(
        self, briefing: Briefing, *, signature: str | None = None, note: str = ""
    ) -> str | None:
        """Bring the index in step with `briefing` (slow: call it from a worker thread).
        Returns None when search is ready, else why it is not. `signature` and `note` are
        as `index_of` takes them: with the signature the index holds, it is ready at once."""
        self._indexed = None
        with self._lock:
            if self._closed:
                return "the search is closed"
            try:
                error = self._update(briefing, signature, note)
            finally:
                if self._closed:  # closed meanwhile: what `close` could not do
                    self._close_index()
            if error is None:
                self._indexed = briefing
            return error

    def _update(self, briefing: Briefing, signature: str | None, note: str) -> str | None:
        try:
            if self._index is not None and self._index.path != MEMORY:
                try:
                    self._index.update(briefing, signature=signature, note=note)
                    return None
                except Exception as error:
                    self._close_index()
                    self._index, self.fallback = _in_memory(briefing), _reason(error)
                    return None
            self._close_index()  # in memory: the on-disk one may be usable again
            self._index, self.fallback = index_of(
                self.paths, briefing, self.cache_dir, signature=signature, note=note
            )
        except Exception as error:
            return _reason(error)
        return None

    def search(
        self, query: str, limit: int = SEARCH_LIMIT, *, briefing: Briefing | None = None
    ) -> list[Hit] | None:
        """The hits for `query`, at most `limit`, in the dashboard's order; None while the
        index is not ready (or is not of `briefing`, when given). Safe from any thread."""
        indexed = self._indexed
        if indexed is None or (briefing is not None and briefing is not indexed):
            return None
        if not self._lock.acquire(timeout=LOCK_WAIT):
            return None
        try:
            if self._index is None or self._indexed is not indexed:
                return None
            found = self._index.search(query, limit=limit, prefix=True)
        finally:
            self._lock.release()
        return [_widened(indexed, hit, query) for hit in _in_order(found)]

    def close(self) -> None:
        """Close the index; an update in progress closes it when it is done."""
        self._closed = True
        self._indexed = None
        if self._lock.acquire(blocking=False):
            try:
                self._close_index()
            finally:
                self._lock.release()

    def _close_index(self) -> None:
        if self._index is not None:
            self._index.close()
            self._index = None


def index_of(
    paths: Sequence[str | os.PathLike[str]],
    briefing: Briefing,
    cache_dir: str | os.PathLike[str] | None = None,
    *,
    signature: str | None = None,
    note: str = "",
) -> tuple[SearchIndex, str | None]:
    """The index of `paths` brought in step with `briefing`: the on-disk one, or one in memory
    when that cannot be opened or written, with why (one plain line; None when on disk).
    `signature` (of the files `briefing` was read from, taken before) and `note` are stored
    with the on-disk index (see `fresh_index`). Raises only when the index in memory cannot
    be built either."""
    try:
        on_disk = _open([os.fspath(path) for path in paths], cache_dir)
    except Exception as error:
        return _in_memory(briefing), _reason(error)
    try:
        on_disk.update(briefing, signature=signature, note=note)
    except Exception as error:
        on_disk.close()
        return _in_memory(briefing), _reason(error)
    return on_disk, None


def fresh_index(
    paths: Sequence[str | os.PathLike[str]],
    signature: str,
    cache_dir: str | os.PathLike[str] | None = None,
) -> tuple[SearchIndex, str] | None:
    """The on-disk index of `paths` with the note stored beside it, when it was last
    brought in step with files whose signature is `signature` (`tui.search.freshness`):
    it answers as the index `index_of` would give, without the briefing. None when it is
    not in step, or cannot be opened now (then load the briefing and use `index_of`)."""
    try:
        index = _open([os.fspath(path) for path in paths], cache_dir)
    except Exception:
        return None
    stamp = index.stamp()
    if stamp is None or stamp[0] != signature:
        index.close()
        return None
    return index, stamp[1]


def _in_memory(briefing: Briefing) -> SearchIndex:
    index = _open(None, MEMORY)
    try:
        index.update(briefing)
    except BaseException:
        index.close()
        raise
    return index


def _reason(error: Exception) -> str:
    """Why the on-disk index failed, in one line."""
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__


def _open(paths: Sequence[str] | None, cache_dir: str | os.PathLike[str] | None) -> SearchIndex:
    """The index of `paths` in `cache_dir`, or a private one in memory (`paths` None)."""
    from tui.search.index import SearchIndex

    if paths is None:
        return SearchIndex.open(MEMORY)
    return SearchIndex.for_paths(paths, cache_dir)


def _in_order(hits: list[Hit]) -> list[Hit]:
    """Speakers, figures, quotes, then articles matched in the title only, then the rest."""
    return sorted(
        hits,
        key=lambda hit: (
            _ORDER[hit.kind],
            hit.kind is Kind.ARTICLE and hit.span is not None,
            -hit.score,
        ),
    )


def _widened(briefing: Briefing, hit: Hit, query: str) -> Hit:
    """The index marks each matching word; where the query's words stand together near an
    article hit, the hit points at them together."""
    article = briefing.article(hit.article_id) if hit.article_id else None
    if hit.kind is not Kind.ARTICLE or hit.span is None or article is None:
        return hit
    start, end = hit.span
    low = max(0, start - PHRASE_REACH)
    near = find_all(article.body[low : end + PHRASE_REACH], query)
    if not near:
        return hit
    first, last = min(near, key=lambda span: abs(span[0] + low - start))
    return Hit(
        hit.kind,
        hit.title,
        hit.snippet,
        hit.highlights,
        hit.score,
        hit.article_id,
        hit.speaker_id,
        first + low,
        last + low,
    )


__all__ = ["SEARCH_LIMIT", "SearchService", "fresh_index", "index_of"]
