"""Descriptions of people and organisations resolved to who they name (or to no one).

One test, one case a rule: the cases are in cases/descriptions.yaml
(see expectations.py for the format).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.extract.quotes.expectations import case_id, check_extraction, load_cases

CASES = load_cases(Path(__file__).parent / "cases" / "descriptions.yaml")


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_descriptions(case: dict[str, Any]) -> None:
    check_extraction(case)
