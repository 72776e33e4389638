"""A cache of parsed briefing files, so that opening 10,000 articles again is quick.

`load_cached(paths)` gives the same `LoadResult` as `tui.files.loader.load(paths)`: it finds the
files with `discover`, parses only the files that are new or changed with `load_file`,
and combines everything with `merge`, so problems and merging rules are the loader's own.

What is stored: for each file, its path as discovered, the key it had when it was read
(size, mtime_ns, ctime_ns, inode, device) and its parsed `FileContent`, in blocks of
`CHUNK_FILES` files; a block keeps its articles, figures and quotes column by column, so
that they are rebuilt quickly (`_pack`, `_unpack_block`). One cache file per set of paths
opened, in ``$BRIEFING_CACHE_DIR`` or the user's cache folder
(``platformdirs.user_cache_dir("briefing")``), under ``load/``.

What is never trusted:

* a cache file whose header does not match: other magic, another format or package
  version, another Python, or changed parsing code (the loader's modules are stamped);
* a payload whose length or CRC-32 does not match the header (truncated or corrupt);
* a cache file not owned by the user, or writable by others (pickle runs code when loaded);
* an entry whose file changed size, mtime, ctime, inode or device; and an entry read
  less than `RACY_SECONDS` after its file was last changed (the file might change again
  within the same timestamp tick; such files are parsed again next time).

Any doubt means the file is parsed again; a bad cache file is replaced, never an error.
Writes go through a temporary file and `os.replace`, so a reader sees the old cache or
the new one. A cold parse of many files uses a process pool (`PARALLEL_MIN_FILES`).
"""

from __future__ import annotations

import collections
import contextlib
import copyreg
import dataclasses
import io
import itertools
import json
import mmap
import operator
import os
import pickle
import struct
import sys
import threading
import time
import types
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import concurrent.futures

from tui import __version__
from tui.files.loader import LoadResult, discover, load_file, merge
from tui.files.validate import FileContent
from tui.model.briefing import Article, Bound, BriefingInfo, Figure, Quote, Source, Speaker
from tui.model.problems import Problem
from tui.model.schema import FORMAT_VERSION
from tui.store.gc_pause import paused_gc

CACHE_FORMAT = 3
"""Bump when the layout of a cache file changes."""
MAGIC = b"BRFCACHE"
RACY_SECONDS = 2.0
"""A file changed less than this before it was read is not cached (timestamp granularity:
two files written within one tick share an mtime; FAT counts in 2 s)."""
PARALLEL_MIN_FILES = 512
"""From this many files to parse, a process pool is used. Measured on the 2-core build box
(`benchmarks/scale.py --crossover`, a loaded machine): the pool did not beat serial parsing
up to 256 files, and only matched it at 10,000; re-measure on an idle machine."""
CHUNK_FILES = 64
"""Files per work item and per stored block: a changed file costs re-storing one block."""
FREEZE_MIN_FILES = 1000
"""From this many files, loaded objects are frozen out of the cycle collector (`paused_gc`)."""
MAX_CACHE_FILES = 8
"""Cache files kept per folder; the least recently used beyond that are removed."""

Progress = Callable[[int, int], None]
Key = tuple[int, int, int, int, int]
Entry = tuple[str, Key | None, FileContent]

_CODE_MODULES = ("loader", "validate", "yamlread", "model", "problems", "format")


def cache_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """Where caches live: `explicit`, else $BRIEFING_CACHE_DIR, else the user's cache folder."""
    if explicit is not None:
        return Path(explicit)
    env = os.environ.get("BRIEFING_CACHE_DIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("briefing"))


# -- serialising --------------------------------------------------------------------------------
#
# The model's frozen, slotted dataclasses unpickle through a Python __setstate__ that walks
# dataclasses.fields() for every object. Reducing them to `Class(*fields)` makes loading
# about twice as fast; Bound members are looked up by name. Only cache files use this table,
# for what blocks pickle as it is (speakers, the briefing's info, problems); articles, figures
# and quotes go in columns (see `_pack`).


def _reducer(cls: type) -> Callable[[Any], tuple[Any, ...]]:
    names = [field.name for field in dataclasses.fields(cls)]
    fields = operator.attrgetter(*names)  # a tuple of values, unless there is only one

    def reduce(obj: Any) -> tuple[Any, ...]:
        return cls, fields(obj) if len(names) > 1 else (fields(obj),)

    return reduce


_DISPATCH = copyreg.dispatch_table.copy()
for _cls in (Article, Figure, Quote, Source, Speaker, BriefingInfo, FileContent, Problem):
    _DISPATCH[_cls] = _reducer(_cls)
_DISPATCH[Bound] = lambda bound: (getattr, (Bound, bound.name))


def _dumps(value: Any) -> bytes:
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = _DISPATCH
    pickler.dump(value)
    return buffer.getvalue()


# -- blocks ---------------------------------------------------------------------------------------
#
# Most of a block is articles, figures and quotes: some 16 model objects a file, whose frozen
# dataclass __init__ runs a line of Python for every field; rebuilding them was most of a warm
# load. A block therefore stores them column by column (one list a field), and `_build_all`
# makes each kind with object.__new__ and fills each field through its slot's descriptor, both
# mapped in C over a whole column: the same objects, built about twice as fast. The rest of a
# FileContent is small and pickles as it is.

_BLOCK_FORMAT = "columns-1"
_ARTICLE_FIELDS = tuple(field.name for field in dataclasses.fields(Article))
_NESTED = ("figures", "quotes", "source")
_ARTICLE_COLUMNS = tuple(name for name in _ARTICLE_FIELDS if name not in _NESTED)
_FIGURE_FIELDS = tuple(field.name for field in dataclasses.fields(Figure))
_QUOTE_FIELDS = tuple(field.name for field in dataclasses.fields(Quote))
_SOURCE_FIELDS = tuple(field.name for field in dataclasses.fields(Source))
_BOUND_AT = _FIGURE_FIELDS.index("bound")
_BOUNDS = {bound.value: bound for bound in Bound}


def _slot_setters(cls: type) -> tuple[Callable[[Any, Any], None], ...] | None:
    """Each field's slot setter, in field order; None when `cls` must be built by calling it
    (not slotted, or with a __post_init__ or __new__ of its own)."""
    if hasattr(cls, "__post_init__") or cls.__new__ is not object.__new__:
        return None
    slots = [vars(cls).get(field.name) for field in dataclasses.fields(cls)]
    if not all(isinstance(slot, types.MemberDescriptorType) for slot in slots):
        return None
    return tuple(slot.__set__ for slot in slots)  # type: ignore[union-attr]


_SETTERS = {cls: _slot_setters(cls) for cls in (Article, Figure, Quote, Source)}


def _columns(objects: list[Any], names: tuple[str, ...]) -> list[list[Any]]:
    return [list(map(operator.attrgetter(name), objects)) for name in names]


def _build_all(cls: type, columns: list[list[Any]]) -> list[Any]:
    """Objects of `cls` from one column per field, as `cls(*row)` would make them."""
    count = len(columns[0])
    if any(len(column) != count for column in columns):
        raise ValueError("damaged block")
    setters = _SETTERS[cls]
    if setters is None:
        return list(itertools.starmap(cls, zip(*columns, strict=True)))
    objects = list(map(object.__new__, itertools.repeat(cls, count)))
    for setter, column in zip(setters, columns, strict=True):
        collections.deque(map(setter, objects, column), maxlen=0)
    return objects


def _groups(items: list[Any], counts: list[int]) -> list[tuple[Any, ...]]:
    """`items` cut into consecutive tuples of `counts` items."""
    if sum(counts) != len(items):
        raise ValueError("damaged block")
    rest = iter(items)
    return [tuple(itertools.islice(rest, count)) for count in counts]


def _pack(entries: list[Entry]) -> bytes:
    """A block of entries as bytes (see `_unpack_block`)."""
    articles = [item[0] for _, _, content in entries for item in content.articles]
    figures = [figure for article in articles for figure in article.figures]
    figure_columns = _columns(figures, _FIGURE_FIELDS)
    figure_columns[_BOUND_AT] = [bound.value for bound in figure_columns[_BOUND_AT]]
    files = [
        (
            path,
            key,
            content.path,
            content.info,
            content.info_place,
            content.speakers,
            [item[1:] for item in content.articles],
            content.quote_speakers,
            content.problems,
        )
        for path, key, content in entries
    ]
    return _dumps(
        (
            _BLOCK_FORMAT,
            files,
            _columns(articles, _ARTICLE_COLUMNS),
            [len(article.figures) for article in articles],
            [len(article.quotes) for article in articles],
            _columns([article.source for article in articles], _SOURCE_FIELDS),
            figure_columns,
            _columns([quote for article in articles for quote in article.quotes], _QUOTE_FIELDS),
        )
    )


_SHARED_TEXTS = {Figure: ("label",), Quote: ("speaker_id", "text"), Article: ("published",)}
"""Fields whose equal values are made one object across blocks (a block already stores each
value once): labels, speaker ids, quoted phrases and dates recur throughout a corpus. Fields
with a few values (units, roles, outlets) gain nothing measurable for their cost."""
_SHARED_OFFSETS = {Figure: ("start", "end"), Quote: ("start", "end")}
"""Character offsets: ints over 256 are an object each, and articles share most of them."""


class _Pools:
    """One object for equal values, kept while blocks are unpacked (`_share`)."""

    def __init__(self) -> None:
        self.texts: dict[str | None, str | None] = {}
        self.offsets: dict[int, int] = {}


def _share(cls: type, names: tuple[str, ...], columns: list[list[Any]], pools: _Pools) -> None:
    """Replace values in the shared fields of `cls` by the pools' equal ones, in C
    (dict.setdefault keeps the first of equal keys). Texts and offsets have a pool each, so
    that no int stands in for an equal str, bool or float."""
    for fields, pool in ((_SHARED_TEXTS, pools.texts), (_SHARED_OFFSETS, pools.offsets)):
        for name in fields.get(cls, ()):
            column = columns[names.index(name)]
            column[:] = map(pool.setdefault, column, column)  # type: ignore[arg-type]


def _unpack_block(blob: bytes | memoryview, pools: _Pools | None = None) -> list[Entry]:
    """The entries `_pack` stored; raises on anything else. Equal texts and offsets become
    one object through `pools` when given."""
    (
        block_format,
        files,
        article_columns,
        figure_counts,
        quote_counts,
        source_columns,
        figure_columns,
        quote_columns,
    ) = pickle.loads(blob)
    if block_format != _BLOCK_FORMAT:
        raise ValueError("another block format")
    figure_columns[_BOUND_AT] = list(map(_BOUNDS.__getitem__, figure_columns[_BOUND_AT]))
    if pools is not None:
        _share(Figure, _FIGURE_FIELDS, figure_columns, pools)
        _share(Quote, _QUOTE_FIELDS, quote_columns, pools)
        _share(Article, _ARTICLE_COLUMNS, article_columns, pools)
    columns = dict(zip(_ARTICLE_COLUMNS, article_columns, strict=True))
    columns["figures"] = _groups(_build_all(Figure, figure_columns), figure_counts)
    columns["quotes"] = _groups(_build_all(Quote, quote_columns), quote_counts)
    columns["source"] = _build_all(Source, source_columns)
    articles = iter(_build_all(Article, [columns[name] for name in _ARTICLE_FIELDS]))
    entries: list[Entry] = []
    for path, key, *fields, places, quote_speakers, problems in files:
        content = FileContent(
            *fields,
            articles=[(next(articles), *place) for place in places],
            quote_speakers=quote_speakers,
            problems=problems,
        )
        entries.append((path, key, content))
    if next(articles, None) is not None:
        raise ValueError("damaged block")
    return entries


# -- keys -----------------------------------------------------------------------------------------


def _code_stamp() -> str:
    """Changes whenever the code that parses files does: versions and the loader's sources."""
    here = Path(__file__).resolve().parent
    parts = [f"cache={CACHE_FORMAT}", f"format={FORMAT_VERSION}", f"briefing={__version__}"]
    parts.append(f"python={sys.implementation.cache_tag}")
    for name in _CODE_MODULES:
        try:
            stat = os.stat(here / f"{name}.py")
            parts.append(f"{name}={stat.st_size}:{stat.st_mtime_ns}")
        except OSError:
            parts.append(f"{name}=?")
    return ";".join(parts)


def _file_key(path: str, now_ns: int) -> Key | None:
    """The stat key of a file, or None when it cannot be trusted later (racy or missing)."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    if max(stat.st_mtime_ns, stat.st_ctime_ns) > now_ns - int(RACY_SECONDS * 1e9):
        return None
    return (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino, stat.st_dev)


def _current_key(path: str) -> Key | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino, stat.st_dev)


def _cache_file(folder: Path, paths: list[str]) -> Path:
    """One cache file per set of paths, as given and as resolved (paths in problems are
    the ones given, so `briefings` and `./briefings` are cached apart)."""
    ident = json.dumps([[path, os.path.realpath(path)] for path in paths])
    import hashlib

    digest = hashlib.sha256(ident.encode("utf-8", "surrogatepass")).hexdigest()[:24]
    return folder / "load" / f"{digest}.cache"


# -- parsing --------------------------------------------------------------------------------------


def _parse(paths: list[str]) -> list[Entry]:
    """Stat each file before reading it (a change after the stat shows up next time)."""
    entries: list[Entry] = []
    for path in paths:
        key = _file_key(path, time.time_ns())
        entries.append((path, key, load_file(path)))
    return entries


def _parse_block(paths: list[str]) -> bytes:
    """Worker: parse files and send them back as a block of the cache's own format. (A
    worker started afresh, not forked from `load_cached`, has the cycle collector on.)"""
    with paused_gc():
        return _pack(_parse(paths))


def _chunks(items: list[str], size: int) -> list[list[str]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def _executor(workers: int) -> concurrent.futures.ProcessPoolExecutor:
    # Imported here: the pool serves cold parses of hundreds of files, and importing it
    # costs a warm `briefing summary` a tenth of its start-up.
    import concurrent.futures
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    # fork is fastest (the loader is already imported), but forking a process that runs
    # other threads (a Textual app) may copy a held lock; then start clean processes.
    method = "fork" if "fork" in methods and threading.active_count() == 1 else None
    if method is None:
        method = "forkserver" if "forkserver" in methods else "spawn"
    return concurrent.futures.ProcessPoolExecutor(
        max_workers=workers, mp_context=multiprocessing.get_context(method)
    )


def _worker_count() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def parse_files(
    paths: list[str],
    *,
    progress: Progress | None = None,
    done: int = 0,
    total: int | None = None,
    parallel: bool | None = None,
) -> list[tuple[list[Entry], bytes | None]]:
    """Parse files into blocks of entries, with each block's pickled form when at hand.

    In parallel when there are at least PARALLEL_MIN_FILES files and more than one core,
    unless `parallel` says otherwise. Blocks come back in the order of `paths`.
    """
    total = len(paths) if total is None else total
    workers = _worker_count()
    if parallel is None:
        parallel = len(paths) >= PARALLEL_MIN_FILES and workers > 1
    blocks = _chunks(paths, CHUNK_FILES)
    results: list[tuple[list[Entry], bytes | None]] = []
    if not parallel or not blocks:
        for block in blocks:
            results.append((_parse(block), None))
            done += len(block)
            if progress:
                progress(done, total)
        return results
    pools = _Pools()
    with _executor(min(workers, len(blocks))) as pool:
        futures = [pool.submit(_parse_block, block) for block in blocks]
        for future, block in zip(futures, blocks, strict=True):
            blob = future.result()
            with paused_gc():
                entries = _unpack_block(blob, pools)
            results.append((entries, blob))
            done += len(block)
            if progress:
                progress(done, total)
    return results


# -- the cache file ------------------------------------------------------------------------------

_HEADER = struct.Struct("<8sI")


class _Stored:
    """An open cache file: its blocks as views into a read-only mapping of the file.

    Mapping instead of reading keeps the file's bytes out of the heap, and each block's
    pages are released once it is unpacked: loading 10,000 articles then peaks at the size
    of the objects built, not that plus the file.
    """

    def __init__(
        self, mapping: mmap.mmap, blocks: list[memoryview], spans: list[tuple[int, int, int]]
    ) -> None:
        self.mapping = mapping
        self.blocks = blocks
        self.spans = spans
        """(offset, length, crc32) of each block."""

    def intact(self, index: int) -> bool:
        return zlib.crc32(self.blocks[index]) == self.spans[index][2]

    def release_pages(self, index: int) -> None:
        """Let the kernel drop the block's pages; they are read again if needed."""
        offset, length, _ = self.spans[index]
        start = offset - offset % mmap.PAGESIZE
        with contextlib.suppress(AttributeError, OSError, ValueError):  # not Linux: no madvise
            self.mapping.madvise(mmap.MADV_DONTNEED, start, offset + length - start)

    def close(self) -> None:
        for block in self.blocks:
            block.release()
        self.blocks = []
        self.mapping.close()


def _read_cache(path: Path, stamp: str) -> _Stored | None:
    """The stored blocks, or None when the file is missing, foreign, stale or cut short.

    Each block's checksum is verified as it is unpacked (`_unpack`)."""
    try:
        with open(path, "rb") as handle:
            stat = os.fstat(handle.fileno())
            if hasattr(os, "getuid") and (stat.st_uid != os.getuid() or stat.st_mode & 0o022):
                return None
            if stat.st_size < _HEADER.size:
                return None
            mapping = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):
        return None
    views: list[memoryview] = []
    spans: list[tuple[int, int, int]] = []
    whole: memoryview | None = None
    try:
        magic, header_size = _HEADER.unpack_from(mapping)
        if magic != MAGIC:
            raise ValueError("not a cache file")
        header = json.loads(mapping[_HEADER.size : _HEADER.size + header_size])
        if header.get("stamp") != stamp:
            raise ValueError("stale")
        whole = memoryview(mapping)
        offset = _HEADER.size + header_size
        for length, crc in header["blocks"]:
            view = whole[offset : offset + length]
            views.append(view)
            spans.append((offset, length, crc))
            if len(view) != length:
                raise ValueError("cut short")
            offset += length
        whole.release()
        if offset != len(mapping):
            raise ValueError("trailing bytes")
        return _Stored(mapping, views, spans)
    except Exception:
        if whole is not None:
            whole.release()
        _Stored(mapping, views, spans).close()
        return None


def _write_cache(path: Path, stamp: str, blocks: list[bytes | memoryview]) -> None:
    """Write atomically; a cache that cannot be written is only a slower next start."""
    header = json.dumps(
        {"stamp": stamp, "blocks": [[len(block), zlib.crc32(block)] for block in blocks]}
    ).encode()
    temp_name = ""
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        import tempfile

        fd, temp_name = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(_HEADER.pack(MAGIC, len(header)))
            handle.write(header)
            for block in blocks:
                handle.write(block)
        os.replace(temp_name, path)
        temp_name = ""
        _prune(path.parent, keep=path)
    except OSError:
        pass
    finally:
        if temp_name:
            Path(temp_name).unlink(missing_ok=True)


def _prune(folder: Path, keep: Path) -> None:
    try:
        caches = sorted(
            (entry for entry in folder.glob("*.cache") if entry != keep),
            key=lambda entry: entry.stat().st_mtime_ns,
            reverse=True,
        )
        for old in caches[MAX_CACHE_FILES - 1 :]:
            old.unlink(missing_ok=True)
    except OSError:
        pass


def _unpack(stored: _Stored | None, share: bool = True) -> list[list[Entry]] | None:
    """Every stored block's entries, or None when any block is damaged or foreign; equal
    texts and offsets made one object with `share`."""
    if stored is None:
        return None
    unpacked = []
    pools = _Pools() if share else None
    try:
        with paused_gc():
            for index, blob in enumerate(stored.blocks):
                if not stored.intact(index):
                    return None
                unpacked.append(_unpack_block(blob, pools))
                stored.release_pages(index)
    except Exception:
        return None
    return unpacked


# -- loading -------------------------------------------------------------------------------------


@dataclasses.dataclass
class CacheStats:
    """What the last `load_cached` did, for benchmarks and tests."""

    files: int = 0
    reused: int = 0
    parsed: int = 0
    written: bool = False
    parallel: bool = False


last_stats = CacheStats()


def load_cached(
    paths: Iterable[str | os.PathLike[str]],
    *,
    cache_dir: str | os.PathLike[str] | None = None,
    progress: Progress | None = None,
    parallel: bool | None = None,
    freeze: bool | None = None,
    discovered: tuple[list[str], list[Problem]] | None = None,
    share: bool = True,
) -> LoadResult:
    """Load like `tui.files.loader.load(paths)`, parsing only files that are new or changed.

    `progress(done, total)` is called as files are reused or parsed. `parallel` forces the
    process pool on or off (default: by the number of files to parse). `freeze` moves the
    loaded objects out of the cycle collector's way (see `paused_gc`; default: from
    FREEZE_MIN_FILES files on). `discovered` is what `discover(paths)` gave, when the
    caller has just asked it. `share` makes equal texts and offsets one object: about 13 MiB
    less at 10,000 articles for a tenth of a second, worth it for the dashboard, not for a
    command that prints and exits.
    """
    global last_stats
    given = [os.fspath(path) for path in paths]
    files, problems = discovered if discovered is not None else discover(given)
    if freeze is None:
        freeze = len(files) >= FREEZE_MIN_FILES
    stats = CacheStats(files=len(files))
    with paused_gc(freeze=freeze):
        contents = _contents(
            files, given, _resolve_dir(cache_dir), progress, parallel, stats, share
        )
        result = merge([contents[path] for path in files], problems, files)
    last_stats = stats
    return result


def _contents(
    files: list[str],
    given: list[str],
    folder: Path,
    progress: Progress | None,
    parallel: bool | None,
    stats: CacheStats,
    share: bool = True,
) -> dict[str, FileContent]:
    stamp = _code_stamp()
    store = _cache_file(folder, given)
    stored = _read_cache(store, stamp)
    try:
        return _contents_from(files, store, stamp, stored, progress, parallel, stats, share)
    finally:
        if stored is not None:
            stored.close()


def _contents_from(
    files: list[str],
    store: Path,
    stamp: str,
    stored: _Stored | None,
    progress: Progress | None,
    parallel: bool | None,
    stats: CacheStats,
    share: bool = True,
) -> dict[str, FileContent]:
    known: dict[str, tuple[Key, FileContent, int]] = {}
    stored_blocks = stored.blocks if stored is not None else []
    unpacked = _unpack(stored, share) or []
    if len(unpacked) != len(stored_blocks):
        stored_blocks = []
    for number, entries in enumerate(unpacked):
        for path, key, content in entries:
            if key is not None:
                known[path] = (key, content, number)

    contents: dict[str, FileContent] = {}
    fresh_blocks: set[int] = set(range(len(unpacked)))
    used_blocks: set[int] = set()
    to_parse: list[str] = []
    for path in files:
        hit = known.get(path)
        if hit is not None and hit[0] == _current_key(path):
            contents[path] = hit[1]
            used_blocks.add(hit[2])
        else:
            to_parse.append(path)
            if hit is not None:
                fresh_blocks.discard(hit[2])
    stats.reused = len(contents)
    stats.parsed = len(to_parse)
    if progress:
        progress(len(contents), len(files))

    new_blocks: list[tuple[list[Entry], bytes | None]] = []
    if to_parse:
        if parallel is None:
            parallel = len(to_parse) >= PARALLEL_MIN_FILES and _worker_count() > 1
        stats.parallel = parallel
        new_blocks = parse_files(
            to_parse, progress=progress, done=len(contents), total=len(files), parallel=parallel
        )
        for entries, _ in new_blocks:
            for path, _key, content in entries:
                contents[path] = content

    # Keep the stored blocks whose every entry is still current and still wanted; store the
    # rest of their entries again, with what was parsed now.
    wanted = set(files)
    reparsed = set(to_parse)
    keep: list[bytes | memoryview] = []
    redo: list[Entry] = []
    for number, entries in enumerate(unpacked):
        if number in fresh_blocks and all(path in wanted for path, _, _ in entries):
            keep.append(stored_blocks[number])
        elif number in used_blocks:
            redo.extend(
                entry
                for entry in entries
                if entry[0] in wanted and entry[1] is not None and entry[0] not in reparsed
            )
    changed = bool(new_blocks) or len(keep) != len(stored_blocks) or not store.exists()
    if changed and files:
        blocks = keep
        for block in _chunks_entries(redo, CHUNK_FILES):
            blocks.append(_pack(block))
        for entries, blob in new_blocks:
            if all(key is not None for _, key, _ in entries) and blob is not None:
                blocks.append(blob)
            else:
                blocks.append(_pack([entry for entry in entries if entry[1] is not None]))
        _write_cache(store, stamp, blocks)
        stats.written = True
    return contents


def _chunks_entries(entries: list[Entry], size: int) -> list[list[Entry]]:
    return [entries[i : i + size] for i in range(0, len(entries), size)]


def _resolve_dir(explicit: str | os.PathLike[str] | None) -> Path:
    return cache_dir(explicit)


def clear(cache_dir_: str | os.PathLike[str] | None = None) -> int:
    """Remove every stored load cache; returns how many files were removed."""
    removed = 0
    for entry in (_resolve_dir(cache_dir_) / "load").glob("*.cache"):
        try:
            entry.unlink()
            removed += 1
        except OSError:
            pass
    return removed


__all__ = ["CacheStats", "cache_dir", "clear", "load_cached", "parse_files"]
