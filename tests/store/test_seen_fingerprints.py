"""Fingerprints in the record of what was seen: stable across versions, the same from text
or from its UTF-8 bytes."""

from __future__ import annotations

import hashlib

from hypothesis import given
from hypothesis import strategies as st

from tui.store.seen import fingerprint, fingerprint_utf8

_texts = st.lists(st.text(), min_size=1, max_size=4)


def _as_recorded(*parts: str) -> str:
    """How records have always fingerprinted text: BLAKE2b-64 of each part and a NUL."""
    digest = hashlib.blake2b(digest_size=8)
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")
    return digest.hexdigest()


@given(_texts)
def test_a_fingerprint_is_the_one_older_records_hold(parts: list[str]):
    assert fingerprint(*parts) == _as_recorded(*parts)


@given(_texts)
def test_text_and_its_bytes_give_one_fingerprint(parts: list[str]):
    encoded = [part.encode("utf-8", "surrogatepass") for part in parts]
    assert fingerprint_utf8(*encoded) == fingerprint(*parts)


def test_parts_are_told_apart_from_their_joins():
    assert fingerprint("ab", "c") != fingerprint("a", "bc")
    assert fingerprint("a\u2028") == _as_recorded("a\u2028")
