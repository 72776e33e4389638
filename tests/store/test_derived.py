"""Derived values beside the cache: read back only under the same key, from the user's own
file, intact; anything else is a miss, never an error."""

from __future__ import annotations

import os
from pathlib import Path

from tui.store.derived import MAX_FILES, derived_path, read_derived, write_derived


def test_a_value_is_read_back_under_its_key(tmp_path: Path):
    assert write_derived("glance a", "key-1", {"figures": [1, 2]}, tmp_path)
    assert read_derived("glance a", "key-1", tmp_path) == {"figures": [1, 2]}


def test_another_key_or_name_is_a_miss(tmp_path: Path):
    write_derived("glance a", "key-1", [1], tmp_path)
    assert read_derived("glance a", "key-2", tmp_path) is None
    assert read_derived("glance b", "key-1", tmp_path) is None


def test_a_damaged_or_cut_file_is_a_miss(tmp_path: Path):
    write_derived("glance a", "key-1", list(range(100)), tmp_path)
    path = derived_path("glance a", tmp_path)
    data = bytearray(path.read_bytes())
    data[-5] ^= 0xFF
    path.write_bytes(bytes(data))
    assert read_derived("glance a", "key-1", tmp_path) is None
    path.write_bytes(bytes(data[:10]))
    assert read_derived("glance a", "key-1", tmp_path) is None


def test_a_file_others_may_write_is_never_unpickled(tmp_path: Path):
    write_derived("glance a", "key-1", [1], tmp_path)
    path = derived_path("glance a", tmp_path)
    os.chmod(path, 0o666)
    assert read_derived("glance a", "key-1", tmp_path) is None


def test_files_are_private_and_old_ones_are_pruned(tmp_path: Path):
    for number in range(MAX_FILES + 5):
        write_derived(f"name {number}", "key", number, tmp_path)
    folder = derived_path("x", tmp_path).parent
    stored = list(folder.glob("*.pickle"))
    assert len(stored) == MAX_FILES
    assert all(path.stat().st_mode & 0o777 == 0o600 for path in stored)
    assert folder.stat().st_mode & 0o777 == 0o700
    assert read_derived(f"name {MAX_FILES + 4}", "key", tmp_path) == MAX_FILES + 4


def test_an_unwritable_folder_only_means_nothing_is_kept(tmp_path: Path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert write_derived("glance a", "key", [1], blocker) is False
    assert read_derived("glance a", "key", blocker) is None


def test_a_value_that_cannot_be_stored_is_not(tmp_path: Path):
    assert write_derived("glance a", "key", lambda: 1, tmp_path) is False
    assert read_derived("glance a", "key", tmp_path) is None
