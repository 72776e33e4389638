"""The draft writer's YAML reads back as the data it was given, whatever the strings hold."""

from __future__ import annotations

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.files.yaml_emit import dump, dump_items, scalar

TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40
) | st.sampled_from(
    ["yes", "No", "null", "~", "2026-03-02", "1e3", "0x1f", "- a", "a: b", "a #b", "#c", "a:",
     " lead", "trail ", "'q'", '"d"', "\ttab", "\n", "\n\nx\n", "x\n\n", "a\u2028b", "\x85",
     "&anchor", "*alias", "!tag", "%p", "@at", "`tick", "|", ">", "[a]", "{b}", ",", "?", ""]
)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(["id", "title", "body", "text"]), TEXT, min_size=1))
def test_mappings_of_strings_read_back_the_same(data: dict[str, str]):
    assert yaml.safe_load(dump(data)) == data


@settings(max_examples=150, deadline=None)
@given(st.lists(st.fixed_dictionaries({"id": TEXT, "body": TEXT, "tags": st.lists(TEXT)})))
def test_lists_of_articles_read_back_the_same(items: list[dict[str, object]]):
    assert yaml.safe_load(dump({"articles": items})) == {"articles": items}
    if items:
        assert yaml.safe_load("articles:\n" + dump_items(items, 0)) == {"articles": items}


def test_numbers_and_plain_words_stay_plain():
    assert [scalar(v) for v in (5500000000, 0.3, "Ana Ruiz", "yes", "2026")] == [
        "5500000000", "0.3", "Ana Ruiz", '"yes"', '"2026"',
    ]
    assert dump({"body": "One.\n\nTwo.\n"}) == "body: |\n  One.\n\n  Two.\n"
