"""Cache blocks: what `pack_block` stores, `unpack_block` gives back equal, field for field."""

from __future__ import annotations

import pickle
import struct

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tui.store.cache_blocks as cache
from tests.conftest import DATA, SEED_BRIEFING
from tui.files.loader import discover, load_file
from tui.files.validate import FileContent
from tui.model.briefing import (
    Article,
    Bound,
    BriefingInfo,
    Figure,
    Quote,
    Source,
    Speaker,
    body_is_deferred,
)
from tui.model.problems import Problem

_text = st.text(max_size=12)
_maybe = st.none() | _text
_int = st.integers(min_value=0, max_value=10**6)


@st.composite
def _articles(draw: st.DrawFn) -> Article:
    article_id = draw(st.text(min_size=1, max_size=8))
    figures = draw(
        st.lists(
            st.builds(
                Figure,
                st.just(article_id),
                st.floats(allow_nan=False),
                _text,
                _text,
                _int,
                _int,
                _text,
                st.sampled_from(list(Bound)),
                _maybe,
                _maybe,
            ),
            max_size=4,
        )
    )
    quotes = draw(
        st.lists(
            st.builds(Quote, st.just(article_id), _maybe, _text, _int, _int, _text), max_size=4
        )
    )
    return Article(
        article_id,
        draw(_text),
        draw(_text),
        draw(_text),
        draw(_text),
        draw(_text),
        draw(_maybe),
        tuple(figures),
        tuple(quotes),
        Source(draw(_text), draw(_int)),
    )


_places = st.tuples(_text, _int, _int)
_contents = st.builds(
    FileContent,
    path=_text,
    info=st.none() | st.builds(BriefingInfo, _text, _text, _maybe, _text, st.tuples(_text)),
    info_place=st.none() | _places,
    speakers=st.lists(
        st.tuples(st.builds(Speaker, _text, _text, _text, st.tuples(_text)), _text, _int, _int),
        max_size=2,
    ),
    articles=st.lists(st.tuples(_articles(), _text, _int, _int), max_size=3),
    quote_speakers=st.lists(st.tuples(_text, _text, _text, _int, _int), max_size=3),
    problems=st.lists(st.builds(Problem, _text, _int, _int, _text, _text), max_size=2),
)
_entries = st.lists(
    st.tuples(_text, st.none() | st.tuples(_int, _int, _int, _int, _int), _contents), max_size=4
)


def _same(left: list[cache.Entry], right: list[cache.Entry]) -> bool:
    """Equal, and of the same types all the way down (repr shows every field)."""
    return left == right and repr(left) == repr(right)


@settings(max_examples=60, deadline=None)
@given(_entries)
def test_blocks_give_back_what_was_packed(entries: list[cache.Entry]):
    assert _same(cache.unpack_block(cache.pack_block(entries)), entries)


@settings(max_examples=20, deadline=None)
@given(_entries)
def test_classes_that_cannot_be_filled_by_slot_are_called(entries: list[cache.Entry]):
    saved = dict(cache._SETTERS)
    try:
        cache._SETTERS.update(dict.fromkeys(saved))
        assert _same(cache.unpack_block(cache.pack_block(entries)), entries)
    finally:
        cache._SETTERS.update(saved)


def test_the_models_bulk_is_filled_by_slot():
    assert all(cache._SETTERS[cls] is not None for cls in (Article, Figure, Quote, Source))


def test_built_objects_stay_frozen():
    [(_, _, content)] = cache.unpack_block(
        cache.pack_block([("p", None, load_file(str(SEED_BRIEFING)))])
    )
    figure = content.articles[0][0].figures[0]
    with pytest.raises(AttributeError):
        figure.value = 1.0  # type: ignore[misc]
    assert hash(figure) == hash(load_file(str(SEED_BRIEFING)).articles[0][0].figures[0])


def test_real_files_round_trip():
    files, _ = discover([DATA, SEED_BRIEFING])
    entries = [(path, (1, 2, 3, 4, 5), load_file(path)) for path in files]
    assert _same(cache.unpack_block(cache.pack_block(entries)), entries)


@pytest.mark.parametrize(
    "damage",
    [
        lambda block: ("columns-0", *block[1:]),
        lambda block: (*block[:3], [*block[3], 1], *block[4:]),  # a figure count too many
        lambda block: (*block[:6], [column[:-1] for column in block[6]], *block[7:]),
        lambda block: (*block[:2], [column[:-1] for column in block[2]], *block[3:]),
        lambda block: (*block[:8], [*block[8][:-1], block[8][-1] + 1], block[9]),  # body length
        lambda block: (*block[:9], [crc ^ 1 for crc in block[9]]),  # bodies' checksums
    ],
)
def test_damaged_blocks_are_refused(damage):
    entries = [("p", None, load_file(str(SEED_BRIEFING)))]
    packed = cache.pack_block(entries)
    start = cache.head_length(packed)
    block = pickle.loads(packed[8:start])
    columns = pickle.dumps(damage(block))
    with pytest.raises(Exception):  # noqa: B017 - any failure means "parse again"
        cache.unpack_block(struct.pack("<Q", len(columns)) + columns + packed[start:])


def test_deferred_bodies_are_read_from_the_block_only_when_asked():
    entries = [("p", None, load_file(str(SEED_BRIEFING)))]
    packed = cache.pack_block(entries)
    asked: list[tuple[int, int, int, str, str]] = []

    class Deferred:
        def __init__(self, offset: int, length: int, crc: int, path: str, article_id: str):
            asked.append((offset, length, crc, path, article_id))
            self.offset, self.length = offset, length

        def read(self) -> str:
            return packed[self.offset : self.offset + self.length].decode()

    [(_, _, content)] = cache.unpack_block(packed, deferred=Deferred)
    articles = [item[0] for item in content.articles]
    assert [article_id for *_, article_id in asked] == [article.id for article in articles]
    assert all(body_is_deferred(article) for article in articles)
    assert _same([("p", None, content)], entries)  # bodies read back equal


def test_pools_make_equal_values_one_object_across_blocks():
    content = load_file(str(SEED_BRIEFING))
    pools = cache.Pools()
    first, second = (
        cache.unpack_block(cache.pack_block([("p", None, content)]), pools) for _ in range(2)
    )
    assert _same(first, second) and _same(first, [("p", None, content)])
    one, two = first[0][2].articles[0][0], second[0][2].articles[0][0]
    assert one.figures[0].label is two.figures[0].label
    assert one.quotes[0].text is two.quotes[0].text
    assert one.figures[0].start is two.figures[0].start
    assert one.body is not two.body  # only the listed fields are pooled


@settings(max_examples=30, deadline=None)
@given(_entries)
def test_pooled_blocks_give_back_what_was_packed(entries: list[cache.Entry]):
    pools = cache.Pools()
    for _ in range(2):
        assert _same(cache.unpack_block(cache.pack_block(entries), pools), entries)
