"""Regression tests for "the ministry", "the company" and the like meaning a body named earlier
(sentences of our own)."""

from __future__ import annotations

from tui.extract.quotes.extractor import ExtractedQuote, extract_quotes
from tui.extract.speakers.orgs import fits, org_head


def speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract_quotes(text).quotes if q.kind == "full"]


def full(text: str) -> list[ExtractedQuote]:
    return [q for q in extract_quotes(text).quotes if q.kind == "full"]


def test_the_ministry_is_the_ministry_named_before() -> None:
    text = (
        "The Foreign Ministry summoned the envoy of Norland on Monday.\n\n"
        "The ministry said, “We will not accept these border patrols.”"
    )
    assert speakers(text) == ["Foreign Ministry"]


def test_ministry_of_is_named_in_full() -> None:
    text = (
        "The Ministry of Canals closed two locks on Friday.\n\n"
        "“The locks will reopen after the spring floods,” the ministry said."
    )
    assert speakers(text) == ["Ministry of Canals"]


def test_the_company_is_a_named_corporation() -> None:
    text = (
        "Brightwell Corp. cut 300 jobs at its glass plant this week.\n\n"
        "“We regret the impact on our workers,” the company said."
    )
    assert speakers(text) == ["Brightwell Corp"]


def test_the_company_is_the_latest_company_named() -> None:
    text = (
        "Brightwell Corp. lost the glass contract to Ostrava Inc. on Tuesday.\n\n"
        "“We are delighted to win it,” the company said."
    )
    assert speakers(text) == ["Ostrava Inc"]


def test_the_campaign_is_the_named_campaign() -> None:
    text = (
        "The Halvorsen campaign released a memo about turnout in Ohio.\n\n"
        "“Our volunteers knocked on a million doors,” the campaign said."
    )
    assert speakers(text) == ["Halvorsen campaign"]


def test_the_union_is_a_named_union() -> None:
    text = (
        "The Harbour Pilots Union called a strike for Thursday.\n\n"
        "“We will not back down,” the union said."
    )
    assert speakers(text) == ["Harbour Pilots Union"]


def test_the_bank_with_a_capitalised_modifier() -> None:
    text = (
        "The Federal Reserve held rates steady on Wednesday.\n\n"
        "“Inflation remains too high,” the bank said."
    )
    assert speakers(text) == ["Federal Reserve"]


def test_name_joined_by_and() -> None:
    text = (
        "The Seed and Soil Administration approved the new wheat on Monday.\n\n"
        "“It is safe to plant,” the administration said."
    )
    assert speakers(text) == ["Seed and Soil Administration"]


def test_it_after_the_ministry_spoke() -> None:
    text = (
        "The Foreign Ministry summoned the envoy of Norland."
        " The ministry said the patrols must stop. It added, “We remain open to talks.”"
    )
    assert speakers(text) == ["Foreign Ministry"]


def test_it_after_a_named_body_spoke() -> None:
    text = (
        "The Ministry of Canals said on Monday that two locks would close."
        " It added, “Barges should use the northern route.”"
    )
    assert speakers(text) == ["Ministry of Canals"]


def test_the_company_with_no_company_named_is_unnamed() -> None:
    text = (
        "Jane Roe, a lawyer, filed the suit against the glass plant on Monday.\n\n"
        "“We regret the impact on our workers,” the company said."
    )
    assert speakers(text) == [None]


def test_a_body_of_another_kind_is_not_taken() -> None:
    text = (
        "The Foreign Ministry summoned the envoy of Norland on Monday.\n\n"
        "“We sell no arms to Norland,” the company said."
    )
    assert speakers(text) == [None]


def test_an_unnamed_body_named_later_blocks_the_earlier_one() -> None:
    text = (
        "Brightwell Corp. lost the glass contract on Monday. A rival company won it instead.\n\n"
        "“We are delighted to win it,” the company said."
    )
    assert speakers(text) == [None]


def test_an_appositive_does_not_block_the_name() -> None:
    text = (
        "Brightwell Corp., a glass company, lost the contract on Monday.\n\n"
        "“We regret the result,” the company said."
    )
    assert speakers(text) == ["Brightwell Corp"]


def test_the_same_company_does_not_block_the_name() -> None:
    text = (
        "Brightwell Corp. lost the contract on Monday. The same company won it in 2019.\n\n"
        "“We regret the result,” the company said."
    )
    assert speakers(text) == ["Brightwell Corp"]


def test_a_person_is_not_a_bank() -> None:
    text = "Sen. Clara Bank spoke on Monday.\n\n“Rates must fall,” the bank said."
    assert speakers(text) == [None]


def test_a_tail_of_time_is_not_part_of_the_name() -> None:
    text = (
        "Brightwell Corp. of Monday fame and Ostrava Inc. met in May.\n\n"
        "“We agreed on nothing,” the company said."
    )
    assert speakers(text) == ["Ostrava Inc"]


def test_org_head_and_fits() -> None:
    assert org_head("the ministry") == "ministry"
    assert org_head("The company") == "company"
    assert org_head("the rival company") is None
    assert org_head("a company") is None
    assert org_head("the report") is None
    assert fits("Brightwell Corp", "company")
    assert fits("Ministry of Canals", "ministry")
    assert fits("Harbour Pilots Federation", "union")
    assert not fits("Ministry", "ministry")  # a lone head word names nothing
    assert not fits("Foreign Ministry", "company")
    assert not fits("Sen. Bank", "bank")
