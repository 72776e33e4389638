"""Regression tests for pronoun resolution and the subjects it relies on (sentences of our own)."""

from __future__ import annotations

import pytest

from tui.extract.quotes.extractor import ExtractedQuote, extract_quotes
from tui.extract.speakers.names import looks_like_person

_MARSH = "Governor Ann Marsh opened the hearing on Monday.\n\n"


def full(text: str) -> list[ExtractedQuote]:
    return [q for q in extract_quotes(text).quotes if q.kind == "full"]


def test_person_named_outside_subject_after_other_gender_subject() -> None:
    text = (
        _MARSH + "Senator Mark Doyle spoke next.\n\n"
        "To economics professor Ruth Alvarez, Doyle’s plan looked rushed.\n\n"
        "“It was written in a weekend and it shows,” she said."
    )
    [q] = full(text)
    assert q.speaker == "Ruth Alvarez"


def test_possessive_name_is_not_a_pronoun_candidate() -> None:
    text = (
        _MARSH + "Senator Mark Doyle spoke next.\n\n"
        "Doyle waved a copy of Lena Ortiz’s audit at the cameras.\n\n"
        "“Nobody in this room has read the audit,” she said."
    )
    [q] = full(text)
    assert q.speaker == "Ann Marsh"


def test_sentence_adverb_with_comma_before_subject() -> None:
    text = (
        _MARSH + "Recently, Ruth Alvarez, the state treasurer, was asked about the budget.\n\n"
        "“It balances this year and it will balance next year,” she said."
    )
    [q] = full(text)
    assert q.speaker == "Ruth Alvarez"


def test_even_before_subject() -> None:
    text = (
        _MARSH + "And even Ruth Alvarez voted against the budget this time.\n\n"
        "“We cannot keep cutting the schools every year,” she said."
    )
    [q] = full(text)
    assert q.speaker == "Ruth Alvarez"


def test_agent_noun_between_two_names_is_a_role() -> None:
    text = (
        _MARSH + "Marsh consultant Ruth Alvarez, who ran her first race, saw it differently.\n\n"
        "“The voters already made up their minds in June,” she said."
    )
    [q] = full(text)
    assert q.speaker == "Ruth Alvarez"


def test_adjective_before_a_name_after_an_indefinite_article() -> None:
    text = (
        _MARSH + "A visibly tired Ruth Alvarez walked out of the room at midnight.\n\n"
        "“We will be back here tomorrow morning at nine,” she said."
    )
    [q] = full(text)
    assert q.speaker == "Ruth Alvarez"


def test_place_after_a_lead_clause_is_not_a_person() -> None:
    text = (
        "Senator Mark Doyle campaigned all week.\n\n"
        "Speaking at a diner in Concord, New Hampshire, Doyle went after Paul Brant.\n\n"
        "He says, “He could not run a lemonade stand, let alone this state.”"
    )
    [q] = full(text)
    assert q.speaker == "Mark Doyle"


@pytest.mark.parametrize(
    ("name", "person"),
    [
        ("Ruth Alvarez", True),
        ("Bernie Sanders", True),
        ("Virginia Foxx", True),
        ("New Hampshire", False),
        ("New Yorkers", False),
        ("Kansas City Star", False),
        ("Wisconsin Republican", False),
        ("Texas Republicans", False),
        ("Election Day", False),
        ("Latin Americans", False),
    ],
)
def test_looks_like_person(name: str, person: bool) -> None:
    assert looks_like_person(name) is person


def test_passive_agent_with_a_place_and_an_appositive_before_who_said() -> None:
    text = (
        "The plan was praised Tuesday by Rep. Ana Ruiz of Nevada, the ranking member of the "
        "budget committee, who said: “It is the first honest budget in a decade.”"
    )
    [q] = full(text)
    assert q.speaker == "Ana Ruiz"


def test_who_asks_a_reported_question_is_not_the_next_speaker() -> None:
    text = (
        "Senator Mark Doyle sat down with the radio host Tom Reyes on Sunday.\n\n"
        "Doyle looked tired when Reyes asked whether he would run again.\n\n"
        "“I have not decided and I will not decide this month,” he said."
    )
    [q] = full(text)
    assert q.speaker == "Mark Doyle"


def test_participle_clause_before_subject() -> None:
    text = (
        _MARSH + "Appearing before cheering volunteers at the union hall, Ruth Alvarez, 61, "
        "thanked her staff.\n\n"
        "“The count is not over and nobody should concede tonight,” she said."
    )
    [q] = full(text)
    assert q.speaker == "Ruth Alvarez"
