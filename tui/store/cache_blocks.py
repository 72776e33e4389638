"""The cache's block format: parsed files, pickled with their model objects column by column.

A block holds the entries of up to CHUNK_FILES files (`tui.store.cache_parse`): each file's
path as discovered, the stat key it had when read, and its parsed `FileContent`.
`pack_block` gives its bytes, `unpack_block` the entries again (and raises on anything it
did not write). Equal texts and offsets across blocks become one object through `Pools`.

A block is its head (the length of its columns, then the pickled columns) followed by the
articles' bodies in UTF-8, each with its own CRC-32 in the columns. `block_checksum` covers
the head only: a reader that is given `deferred` builds each body as a `DeferredText` and
never touches the bodies' bytes until an article is read (`tui.store.stored_text`).
"""

from __future__ import annotations

import collections
import copyreg
import dataclasses
import io
import itertools
import operator
import pickle
import struct
import types
import zlib
from collections.abc import Callable
from typing import Any, Protocol

from tui.files.validate import FileContent
from tui.model.briefing import (
    Article,
    Bound,
    BriefingInfo,
    DeferredText,
    Figure,
    Quote,
    Source,
    Speaker,
    body_utf8,
)
from tui.model.problems import Problem
from tui.store.stored_text import ENCODING, ERRORS

Key = tuple[int, int, int, int, int]
"""A file's size, mtime_ns, ctime_ns, inode and device when it was read."""
Entry = tuple[str, Key | None, FileContent]
"""A file's path as discovered, its key (None: not to be trusted later) and its content."""


# -- serialising --------------------------------------------------------------------------------
#
# The model's frozen, slotted dataclasses unpickle through a Python __setstate__ that walks
# dataclasses.fields() for every object. Reducing them to `Class(*fields)` makes loading
# about twice as fast; Bound members are looked up by name. Only cache files use this table,
# for what blocks pickle as it is (speakers, the briefing's info, problems); articles, figures
# and quotes go in columns (see `pack_block`).


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

_BLOCK_FORMAT = "columns-3"
_HEAD = struct.Struct("<Q")
"""A block starts with the length of its pickled columns."""
_ARTICLE_FIELDS = tuple(field.name for field in dataclasses.fields(Article))
_NESTED = ("figures", "quotes", "source", "body")
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
    setters = []
    for field in dataclasses.fields(cls):
        slot = vars(cls).get(field.name)
        slot = getattr(slot, "slot", slot)  # Article.body: its text's own slot
        if not isinstance(slot, types.MemberDescriptorType):
            return None
        setters.append(slot.__set__)
    return tuple(setters)


_SETTERS: dict[type, tuple[Callable[[Any, Any], None], ...] | None] = {
    cls: _slot_setters(cls) for cls in (Article, Figure, Quote, Source)
}


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
    objects: list[Any] = list(map(object.__new__, itertools.repeat(cls, count)))
    for setter, column in zip(setters, columns, strict=True):
        collections.deque(map(setter, objects, column), maxlen=0)
    return objects


def _groups(items: list[Any], counts: list[int]) -> list[tuple[Any, ...]]:
    """`items` cut into consecutive tuples of `counts` items."""
    if sum(counts) != len(items):
        raise ValueError("damaged block")
    rest = iter(items)
    return [tuple(itertools.islice(rest, count)) for count in counts]


def pack_block(entries: list[Entry]) -> bytes:
    """A block of entries as bytes (see `unpack_block`)."""
    articles = [item[0] for _, _, content in entries for item in content.articles]
    figures = [figure for article in articles for figure in article.figures]
    figure_columns = _columns(figures, _FIGURE_FIELDS)
    figure_columns[_BOUND_AT] = [bound.value for bound in figure_columns[_BOUND_AT]]
    bodies = [body_utf8(article) for article in articles]  # (a body on disk: its bytes)
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
    columns = _dumps(
        (
            _BLOCK_FORMAT,
            files,
            _columns(articles, _ARTICLE_COLUMNS),
            [len(article.figures) for article in articles],
            [len(article.quotes) for article in articles],
            _columns([article.source for article in articles], _SOURCE_FIELDS),
            figure_columns,
            _columns([quote for article in articles for quote in article.quotes], _QUOTE_FIELDS),
            list(map(len, bodies)),
            list(map(zlib.crc32, bodies)),
        )
    )
    return b"".join((_HEAD.pack(len(columns)), columns, *bodies))


def head_length(block: bytes | memoryview) -> int:
    """The length of a block's head: what `block_checksum` covers."""
    (length,) = _HEAD.unpack_from(block)
    if _HEAD.size + length > len(block):
        raise ValueError("damaged block")
    return _HEAD.size + int(length)


def block_checksum(block: bytes | memoryview) -> int:
    """The CRC-32 of a block's head (its bodies carry their own)."""
    return zlib.crc32(block[: head_length(block)])


class Deferring(Protocol):
    """Makes the `DeferredText` of the body at `offset` (from the block's start), `length`
    bytes long, whose CRC-32 is `crc`, of the article `article_id` read from `path`."""

    def __call__(
        self, offset: int, length: int, crc: int, path: str, article_id: str
    ) -> DeferredText: ...


_SHARED_TEXTS: dict[type, tuple[str, ...]] = {
    Figure: ("label",),
    Quote: ("speaker_id", "text", "check"),
    Article: ("published",),
}
"""Fields whose equal values are made one object across blocks (a block already stores each
value once): labels, speaker ids, quoted phrases and dates recur throughout a corpus. Fields
with a few values (units, roles, outlets) gain nothing measurable for their cost."""
_SHARED_OFFSETS: dict[type, tuple[str, ...]] = {Figure: ("start", "end"), Quote: ("start", "end")}
"""Character offsets: ints over 256 are an object each, and articles share most of them."""


class Pools:
    """One object for equal values, kept while blocks are unpacked (see `_share`)."""

    def __init__(self) -> None:
        self.texts: dict[str | None, str | None] = {}
        self.offsets: dict[int, int] = {}


def _share(cls: type, names: tuple[str, ...], columns: list[list[Any]], pools: Pools) -> None:
    """Replace values in the shared fields of `cls` by the pools' equal ones, in C
    (dict.setdefault keeps the first of equal keys). Texts and offsets have a pool each, so
    that no int stands in for an equal str, bool or float."""
    shared: tuple[tuple[dict[type, tuple[str, ...]], dict[Any, Any]], ...] = (
        (_SHARED_TEXTS, pools.texts),
        (_SHARED_OFFSETS, pools.offsets),
    )
    for fields, pool in shared:
        for name in fields.get(cls, ()):
            column = columns[names.index(name)]
            column[:] = map(pool.setdefault, column, column)


def unpack_block(
    blob: bytes | memoryview, pools: Pools | None = None, deferred: Deferring | None = None
) -> list[Entry]:
    """The entries `pack_block` stored; raises on anything else. Equal texts and offsets become
    one object through `pools` when given; bodies are `deferred(offset, length, crc)` when
    given, else decoded now and checked."""
    start = head_length(blob)
    (
        block_format,
        files,
        article_columns,
        figure_counts,
        quote_counts,
        source_columns,
        figure_columns,
        quote_columns,
        body_lengths,
        body_crcs,
    ) = pickle.loads(blob[_HEAD.size : start])
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
    columns["body"] = _bodies(blob, start, body_lengths, body_crcs, deferred, columns["id"],
                              source_columns[_SOURCE_FIELDS.index("path")])
    articles = iter(_build_all(Article, [columns[name] for name in _ARTICLE_FIELDS]))
    entries: list[Entry] = []
    for path, key, file_path, info, info_place, speakers, places, quote_speakers, problems in files:
        content = FileContent(
            path=file_path,
            info=info,
            info_place=info_place,
            speakers=speakers,
            articles=[(next(articles), *place) for place in places],
            quote_speakers=quote_speakers,
            problems=problems,
        )
        entries.append((path, key, content))
    if next(articles, None) is not None:
        raise ValueError("damaged block")
    return entries


def _bodies(
    blob: bytes | memoryview,
    start: int,
    lengths: list[int],
    crcs: list[int],
    deferred: Deferring | None,
    ids: list[str],
    paths: list[str],
) -> list[str | DeferredText]:
    """The articles' bodies, which follow the head from `start` to the block's end."""
    if len(lengths) != len(crcs) or start + sum(lengths) != len(blob):
        raise ValueError("damaged block")
    offsets = list(itertools.accumulate(lengths, initial=start))[:-1]
    if deferred is not None:
        if not len(ids) == len(paths) == len(lengths):
            raise ValueError("damaged block")
        return list(map(deferred, offsets, lengths, crcs, paths, ids))
    bodies: list[str | DeferredText] = []
    for offset, length, crc in zip(offsets, lengths, crcs, strict=True):
        data = blob[offset : offset + length]
        if zlib.crc32(data) != crc:
            raise ValueError("damaged block")
        bodies.append(str(data, ENCODING, ERRORS))
    return bodies


__all__ = [
    "Deferring",
    "Entry",
    "Key",
    "Pools",
    "block_checksum",
    "head_length",
    "pack_block",
    "unpack_block",
]
