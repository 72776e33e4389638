"""Whole US political news articles (2016 campaign and Congress) in the styles of the main
outlets: the speaker of every whole quotation, with the features that trip attribution
(candidates trading lines in debates, pronouns after rivals are named, speeches over
paragraphs, tweets, spokespeople, anonymous aides, ads, signs and chants, titles as epithets).

One test an article: the cases are in cases/us_articles.yaml
(see expectations.py for the format).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.extract.quotes.expectations import case_id, check_extraction, load_cases

CASES = load_cases(Path(__file__).parent / "cases" / "us_articles.yaml")


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_us_article(case: dict[str, Any]) -> None:
    check_extraction(case)
