"""Whole Canadian news articles in the styles of the main outlets: the speaker of every whole
quotation, with the features that trip attribution (people of both sexes quoted in turn,
pronouns a paragraph after someone else is named, continued quotations, spokespeople,
statements, Q&A interviews, French and First Nations names).

One test an article: the cases are in cases/canadian_articles.yaml
(see expectations.py for the format).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.extract.quotes.expectations import case_id, check_extraction, load_cases

CASES = load_cases(Path(__file__).parent / "cases" / "canadian_articles.yaml")


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_canadian_article(case: dict[str, Any]) -> None:
    check_extraction(case)
