"""How each attribution was made (its basis) and how sure it is; unnamed sources kept as
described.

One test, one case a rule: the cases are in cases/confidence.yaml (see expectations.py for the
format); and the confidence follows the basis.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.extract.quotes.expectations import case_id, check_extraction, load_cases
from tui.extract.quotes.confidence import AttributionBasis, confidence
from tui.extract.quotes.extractor import extract_quotes

CASES = load_cases(Path(__file__).parent / "cases" / "confidence.yaml")


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_confidence(case: dict[str, Any]) -> None:
    check_extraction(case)


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_confidence_is_that_of_the_basis(case: dict[str, Any]) -> None:
    for quote in extract_quotes(case["text"]).quotes:
        assert 0.0 <= quote.confidence <= 1.0
        assert (quote.speaker is None) == (quote.basis == AttributionBasis.NONE)
        assert (quote.confidence == 0.0) == (quote.speaker is None)
        assert quote.confidence <= confidence(quote.basis, clear=True)


def test_a_clear_pronoun_is_surer_than_one_with_a_rival() -> None:
    clear = confidence(AttributionBasis.PRONOUN, clear=True)
    assert clear > confidence(AttributionBasis.PRONOUN)
    assert confidence(AttributionBasis.NAME_ADJACENT) > clear
    assert confidence(AttributionBasis.CONTINUATION, clear=True) == confidence(
        AttributionBasis.CONTINUATION
    )


def test_a_name_beside_its_verb_is_surer_than_a_pronoun_or_a_continuation() -> None:
    adjacent = confidence(AttributionBasis.NAME_ADJACENT)
    assert adjacent > confidence(AttributionBasis.PRONOUN)
    assert adjacent > confidence(AttributionBasis.CONTINUATION)
    assert confidence(AttributionBasis.CONTINUATION) > confidence(AttributionBasis.CONVERSATION)
    assert confidence(AttributionBasis.NAME_ADJACENT, gap=500) < adjacent
