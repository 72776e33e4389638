"""Small derived values kept beside the load cache, each under a key that says when it holds.

What a warm start needs before anything else (the summary's first screen, a rendered brief)
is stored here under a name and a key, the digest of everything it was derived from (the
files' signature, the code, the options). `read_derived(name, key)` gives the value only
when the stored key is the same, the checksum matches and the file is the user's own
(pickle runs code when loaded); anything else is a miss, never an error. Writes go through a
temporary file and `os.replace`; the least recently written files beyond MAX_FILES go.
"""

from __future__ import annotations

import hashlib
import pickle
import struct
import sys
import zlib
from pathlib import Path

from tui import __version__
from tui.store.folder import cache_dir
from tui.store.private import keep_newest, owned, write_private

MAGIC = b"BRFDERIV"
MAX_FILES = 32
"""Derived files kept; each set of paths opened has a few."""

_HEADER = struct.Struct("<8sII")  # magic, length of the key, CRC-32 of the payload
_STAMP = f"{__version__} {sys.version_info[:3]} {pickle.HIGHEST_PROTOCOL}"


def derived_path(name: str, folder: Path | None = None) -> Path:
    """Where the value called `name` is kept (any text: it is hashed into a file name)."""
    digest = hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return (folder or cache_dir()) / "derived" / f"{digest}.pickle"


def _full_key(key: str) -> bytes:
    return f"{_STAMP}\0{key}".encode("utf-8", "surrogatepass")


def read_derived(name: str, key: str, folder: Path | None = None) -> object | None:
    """The value stored as `name` under `key`, or None."""
    found = read_derived_latest(name, folder)
    return found[1] if found is not None and found[0] == key else None


def read_derived_latest(name: str, folder: Path | None = None) -> tuple[str, object] | None:
    """The key and value last stored as `name` by this version of the program, whatever the
    key (the caller checks it later), or None."""
    path = derived_path(name, folder)
    stamp = _full_key("")
    try:
        with open(path, "rb") as handle:
            if not owned(handle.fileno()):
                return None
            data = handle.read()
    except OSError:
        return None
    try:
        magic, key_length, crc = _HEADER.unpack_from(data)
        start = _HEADER.size + key_length
        full_key = data[_HEADER.size : start]
        if magic != MAGIC or not full_key.startswith(stamp):
            return None
        payload = memoryview(data)[start:]
        if zlib.crc32(payload) != crc:
            return None
        key = full_key[len(stamp) :].decode("utf-8", "surrogatepass")
        return key, pickle.loads(payload)
    except Exception:  # a damaged or foreign file is only a miss
        return None


def write_derived(name: str, key: str, value: object, folder: Path | None = None) -> bool:
    """Store `value` as `name` under `key`; False when it could not be written (the next
    start is only slower)."""
    path = derived_path(name, folder)
    full_key = _full_key(key)
    try:
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        header = _HEADER.pack(MAGIC, len(full_key), zlib.crc32(payload))
        write_private(path, [header, full_key, payload])
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        return False
    keep_newest(path.parent, "*.pickle", keep=path, count=MAX_FILES)
    return True


__all__ = ["MAX_FILES", "derived_path", "read_derived", "read_derived_latest", "write_derived"]
