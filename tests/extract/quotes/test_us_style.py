"""US political news style: party tags with bare appositives, moderators, "a Trump ally",
leading adverbials such as "Midway through the speech".

One test, one case a rule: the cases are in cases/us_style.yaml
(see expectations.py for the format).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.extract.quotes.expectations import case_id, check_extraction, load_cases

CASES = load_cases(Path(__file__).parent / "cases" / "us_style.yaml")


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_us_style(case: dict[str, Any]) -> None:
    check_extraction(case)
