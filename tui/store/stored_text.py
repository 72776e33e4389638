"""Article bodies left in the cache file until someone reads them.

A warm load builds each article's body as a `StoredText`: where its bytes stand in the cache
file, and their CRC-32. The text is read with one positioned read, checked and decoded each
time it is asked for, and never kept: the bodies of 10,000 articles nobody opens cost their
descriptions (under 100 bytes each), not their text, and reading them all (to record what a
reader has seen) leaves nothing behind in the process either.

The file stays open while its texts live, and stays the same file after the cache is
replaced (a write goes through a temporary file and `os.replace`: the old file lives on until
it is closed). Bytes that do not match their CRC-32, or a file that cannot be read, send the
reader to the article's own file, parsed again: what the cache cannot give back is never an
error.
"""

from __future__ import annotations

import os
import threading
import zlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from tui.model.briefing import keep_body, kept_body

if TYPE_CHECKING:
    from tui.store.cache_blocks import Deferring, Entry

ENCODING, ERRORS = "utf-8", "surrogatepass"
"""How bodies are stored (and how `tui.model.briefing.body_utf8` encodes one in memory)."""


class OpenFile:
    """A read-only file descriptor shared by the stored texts of one cache file; closed when
    the last of them is gone."""

    __slots__ = ("_lock", "fd")

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self._lock = threading.Lock()

    def read_at(self, offset: int, length: int) -> bytes:
        if hasattr(os, "pread"):
            return os.pread(self.fd, length, offset)
        with self._lock:  # pragma: no cover - Windows has no pread
            os.lseek(self.fd, offset, os.SEEK_SET)
            return os.read(self.fd, length)

    def __del__(self, _close: Callable[[int], None] = os.close) -> None:
        # `os.close` is bound here: at the interpreter's exit, module globals may be gone.
        try:  # noqa: SIM105 - contextlib may be gone too
            _close(self.fd)
        except OSError:
            pass


class StoredText:
    """A body's bytes in a cache file; `read()` gives its text. `path` and `article_id` say
    where it is read from when its bytes cannot be trusted: the article's own file, parsed
    again (the body it has now; "" when the article is gone)."""

    __slots__ = ("article_id", "crc", "file", "length", "offset", "path")

    def __init__(
        self, file: OpenFile, offset: int, length: int, crc: int, path: str, article_id: str
    ) -> None:
        self.file, self.offset, self.length, self.crc = file, offset, length, crc
        self.path, self.article_id = path, article_id

    def read(self) -> str:
        data = self.read_utf8()
        return data.decode(ENCODING, ERRORS)

    def read_utf8(self) -> bytes:
        """The text as stored, in UTF-8 (lone surrogates passed through)."""
        try:
            data = self.file.read_at(self.offset, self.length)
        except OSError:
            data = b""
        if len(data) == self.length and zlib.crc32(data) == self.crc:
            return data
        return self._read_again().encode(ENCODING, ERRORS)

    def _read_again(self) -> str:
        from tui.files.loader import load_file

        for article, *_ in load_file(self.path).articles:
            if article.id == self.article_id:
                return article.body
        return ""


class BlobText:
    """A body's bytes in a block just parsed and still in memory, until the block is written
    to the cache file and the body moves there (`move_to_file`): half the memory of the text
    decoded, and no time spent decoding it."""

    __slots__ = ("blob", "crc", "length", "offset")

    def __init__(self, blob: bytes, offset: int, length: int, crc: int) -> None:
        self.blob, self.offset, self.length, self.crc = blob, offset, length, crc

    def read(self) -> str:
        return self.read_utf8().decode(ENCODING, ERRORS)

    def read_utf8(self) -> bytes:
        return self.blob[self.offset : self.offset + self.length]


def in_blob(blob: bytes) -> Deferring:
    """Makes the bodies of the block `blob` as `BlobText`s."""

    def deferred(offset: int, length: int, crc: int, path: str, article_id: str) -> BlobText:
        return BlobText(blob, offset, length, crc)

    return deferred


def move_to_file(entries: list[Entry], file: OpenFile, start: int) -> None:
    """Point the bodies still in a block's bytes (`BlobText`) at that block, written to `file`
    from offset `start`."""
    for _, _, content in entries:
        for article, *_ in content.articles:
            held = kept_body(article)
            if isinstance(held, BlobText):
                keep_body(
                    article,
                    StoredText(file, start + held.offset, held.length, held.crc,
                               article.source.path, article.id),
                )


__all__ = ["ENCODING", "ERRORS", "BlobText", "OpenFile", "StoredText", "in_blob", "move_to_file"]
