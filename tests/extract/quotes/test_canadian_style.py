"""Canadian and British news style: single marks, inverted cues ("said Ng, the mayor"), titles
such as Premier, MP, Coun. and Cpl., quotations after a colon, "says" in the present tense.

One test, one case a rule: the cases are in cases/canadian.yaml
(see expectations.py for the format).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.extract.quotes.expectations import case_id, check_extraction, load_cases

CASES = load_cases(Path(__file__).parent / "cases" / "canadian.yaml")


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_canadian_style(case: dict[str, Any]) -> None:
    check_extraction(case)
