"""Attribution grammar: the speech verb and speaker phrase around each quotation.

One test, one case a rule: the cases are in cases/attribution.yaml
(see expectations.py for the format).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.extract.quotes.expectations import case_id, check_extraction, load_cases

CASES = load_cases(Path(__file__).parent / "cases" / "attribution.yaml")


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_attribution(case: dict[str, Any]) -> None:
    check_extraction(case)
