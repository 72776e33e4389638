"""The cache file: a header, then blocks (`tui.store.cache_blocks`), each head with its CRC-32.

A file is read through a read-only mapping (`read_cache`), and each block is checked and
unpacked in turn (`unpack`); one that is foreign, stale, cut short, damaged, or not the
user's own (pickle runs code when loaded) is never trusted. It is written whole through a
temporary file and `os.replace` (`write_cache`), so a reader sees the old file or the new
one, and the least recently used files beyond MAX_CACHE_FILES are removed. The folder is the
user's own (0700; `tui.store.private`), and temporary files a killed write left are removed
when the cache is next opened or written (`prune_temporaries`).
"""

from __future__ import annotations

import contextlib
import itertools
import json
import mmap
import os
import struct
from pathlib import Path

from tui.files.gc_pause import paused_gc
from tui.store.cache_blocks import Deferring, Entry, Pools, block_checksum, unpack_block
from tui.store.private import keep_newest, owned, prune_temporaries, write_private
from tui.store.stored_text import OpenFile, StoredText

MAGIC = b"BRFCACHE"
MAX_CACHE_FILES = 8
"""Cache files kept per folder; the least recently used beyond that are removed."""

_HEADER = struct.Struct("<8sI")


class Stored:
    """An open cache file: its blocks as views into a read-only mapping of the file.

    Mapping instead of reading keeps the file's bytes out of the heap, and each block's
    pages are released once it is unpacked: loading 10,000 articles then peaks at the size
    of the objects built, not that plus the file. Bodies unpacked with `defer` stay in the
    file, read from `file` when asked for (`tui.store.stored_text`).
    """

    def __init__(
        self,
        mapping: mmap.mmap,
        blocks: list[memoryview],
        spans: list[tuple[int, int, int]],
        file: OpenFile | None = None,
    ) -> None:
        self.mapping = mapping
        self.blocks = blocks
        self.spans = spans
        """(offset, length, checksum) of each block."""
        self.file = file

    def intact(self, index: int) -> bool:
        return block_checksum(self.blocks[index]) == self.spans[index][2]

    def deferring(self, index: int) -> Deferring | None:
        """Makes the stored texts of block `index`'s bodies (offsets from the block's start);
        None when the file cannot be read again."""
        file, base = self.file, self.spans[index][0]
        if file is None:
            return None

        def stored(offset: int, length: int, crc: int, path: str, article_id: str) -> StoredText:
            return StoredText(file, base + offset, length, crc, path, article_id)

        return stored

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
        self.file = None  # closed once the last stored text is gone


def read_cache(path: Path, stamp: str) -> Stored | None:
    """The stored blocks, or None when the file is missing, foreign, stale or cut short.

    Each block's checksum is verified as it is unpacked (`unpack`); a file not the user's
    own, or writable by others, is never read (pickle runs code when loaded)."""
    prune_temporaries(path.parent)
    try:
        with open(path, "rb") as handle:
            if not owned(handle.fileno()) or os.fstat(handle.fileno()).st_size < _HEADER.size:
                return None
            mapping = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
            file = OpenFile(os.dup(handle.fileno()))
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
        return Stored(mapping, views, spans, file)
    except Exception:
        if whole is not None:
            whole.release()
        Stored(mapping, views, spans).close()
        return None


def write_cache(
    path: Path, stamp: str, blocks: list[bytes | memoryview]
) -> tuple[OpenFile, list[int]] | None:
    """Write atomically; a cache that cannot be written is only a slower next start. Gives
    the file written, open, and where each block starts in it (None when not written)."""
    header = json.dumps(
        {"stamp": stamp, "blocks": [[len(block), block_checksum(block)] for block in blocks]}
    ).encode()
    try:
        fd = write_private(path, [_HEADER.pack(MAGIC, len(header)), header, *blocks],
                           keep_open=True)
    except OSError:
        return None
    keep_newest(path.parent, "*.cache", keep=path, count=MAX_CACHE_FILES)
    starts = list(itertools.accumulate(map(len, blocks), initial=_HEADER.size + len(header)))
    return (OpenFile(fd), starts[:-1]) if fd is not None else None


def unpack(
    stored: Stored | None, share: bool = True, defer: bool = False
) -> list[list[Entry]] | None:
    """Every stored block's entries, or None when any block is damaged or foreign; equal
    texts and offsets made one object with `share`; bodies left in the file with `defer`."""
    if stored is None:
        return None
    unpacked = []
    pools = Pools() if share else None
    try:
        with paused_gc():
            for index, blob in enumerate(stored.blocks):
                if not stored.intact(index):
                    return None
                deferred = stored.deferring(index) if defer else None
                unpacked.append(unpack_block(blob, pools, deferred))
                stored.release_pages(index)
    except Exception:
        return None
    return unpacked


__all__ = ["MAGIC", "MAX_CACHE_FILES", "Stored", "read_cache", "unpack", "write_cache"]
