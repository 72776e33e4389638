"""Names, titles and roles: what extraction makes of a speaker's name (cases/names.yaml), and the
name rules on their own: which names look like a person's, which bodies a description of an
organisation means, which roles are written around a name.

Each test reads its cases from the YAML file of the same name in cases/.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.extract.quotes.expectations import case_id, check_extraction, load_cases
from tui.extract.speakers.genders import first_name_gender
from tui.extract.speakers.names import looks_like_person, split_title
from tui.extract.speakers.orgs import fits, org_head
from tui.extract.speakers.roles import roles_at

CASES = Path(__file__).parent / "cases"


def _table(name: str) -> Any:
    return yaml.safe_load((CASES / f"{name}.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", load_cases(CASES / "names.yaml"), ids=case_id)
def test_names(case: dict[str, Any]) -> None:
    check_extraction(case)


@pytest.mark.parametrize("case", _table("looks_like_person"), ids=lambda c: c["name"])
def test_looks_like_person(case: dict[str, Any]) -> None:
    assert looks_like_person(case["name"]) is case["person"]


@pytest.mark.parametrize("case", _table("org_kinds")["org_head"], ids=lambda c: c["text"])
def test_org_head(case: dict[str, Any]) -> None:
    assert org_head(case["text"]) == case["head"]


@pytest.mark.parametrize(
    "case", _table("org_kinds")["fits"], ids=lambda c: f"{c['name']} / {c['head']}"
)
def test_org_name_fits_head(case: dict[str, Any]) -> None:
    assert fits(case["name"], case["head"]) is case["fits"]


@pytest.mark.parametrize("case", _table("roles_at"), ids=case_id)
def test_roles_at(case: dict[str, Any]) -> None:
    text = case["text"]
    start = text.index(case["name"])
    assert roles_at(text, start, start + len(case["name"]), case["title"]) == case["roles"]


@pytest.mark.parametrize("case", _table("genders"), ids=lambda c: c["name"])
def test_first_name_gender(case: dict[str, Any]) -> None:
    assert first_name_gender(case["name"]) == case["gender"]


@pytest.mark.parametrize("case", _table("split_title"), ids=lambda c: c["run"])
def test_split_title(case: dict[str, Any]) -> None:
    assert split_title(case["run"]) == (case["title"], case["name"])
