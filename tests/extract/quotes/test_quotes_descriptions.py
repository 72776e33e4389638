"""Regression tests for matching a description to a person's roles (sentences of our own)."""

from __future__ import annotations

from tui.extract.quotes.extractor import ExtractedQuote, extract_quotes


def full(text: str) -> list[ExtractedQuote]:
    return [q for q in extract_quotes(text).quotes if q.kind == "full"]


def test_former_president_is_not_the_vice_president() -> None:
    text = (
        "Former President Tom Avery toured the plant with Vice President Lena Ortiz on Monday.\n\n"
        "“Jobs are coming back to this valley,” Ortiz said.\n\n"
        "“We built this place from nothing in 1998,” the former president said."
    )
    assert [q.speaker for q in full(text)] == ["Lena Ortiz", "Tom Avery"]


def test_plain_president_is_not_the_vice_president() -> None:
    text = (
        "President Sam Kerr and Vice President Ruth Alvarez visited the flooded town.\n\n"
        "“The levees held better than last year,” Alvarez said.\n\n"
        "“Help is on its way to every family here,” the president said."
    )
    assert [q.speaker for q in full(text)] == ["Ruth Alvarez", "Sam Kerr"]


def test_state_in_a_party_tag_picks_the_senator() -> None:
    text = (
        "Sen. Paul Brant (R-Ohio) and Sen. Mark Doyle (D-Fla.) met with farmers on Tuesday.\n\n"
        "“Prices are far too low this season,” Brant said.\n\n"
        "“We need a new farm bill before the winter,” the Florida senator said."
    )
    assert [q.speaker for q in full(text)] == ["Paul Brant", "Mark Doyle"]


def test_party_word_before_a_name_is_a_role() -> None:
    text = (
        "Voters cheered when Texas Gov. Dana Ruiz arrived with Republican presidential nominee "
        "Sam Kerr.\n\n"
        "“This state is ready for a change,” the Republican nominee said."
    )
    [q] = full(text)
    assert q.speaker == "Sam Kerr"


def test_appositive_gives_a_role() -> None:
    text = (
        "The audit was ordered by Ruth Alvarez, the county prosecutor, after a tip.\n\n"
        "“Nobody saw the money leave,” Governor Ann Marsh said.\n\n"
        "“We will find every dollar,” the prosecutor said."
    )
    assert [q.speaker for q in full(text)] == ["Ann Marsh", "Ruth Alvarez"]


def test_rank_word_in_the_description_matches_the_same_rank() -> None:
    text = (
        "President Sam Kerr spoke first, and Vice President Ruth Alvarez followed him.\n\n"
        "“The budget is balanced,” Kerr said.\n\n"
        "“And it stays balanced,” the vice president said."
    )
    assert [q.speaker for q in full(text)] == ["Sam Kerr", "Ruth Alvarez"]


def test_surname_spelt_like_a_modal_after_a_quotation() -> None:
    text = (
        "The columnist Ruth Will has written about the race for months.\n\n"
        "“The primary is a test of nerve more than of ideas,” Will wrote."
    )
    [q] = full(text)
    assert q.speaker == "Ruth Will"


def test_modal_opening_a_sentence_is_still_not_a_name() -> None:
    text = "Mark Doyle voted no.\n\n“It will pass anyway,” Doyle said. Will it pass?"
    [q] = full(text)
    assert q.speaker == "Mark Doyle"
