"""Regression tests for attribution and coreference rules (one sentence of our own per rule)."""

from __future__ import annotations

from tui.extract.quotes.extractor import ExtractedQuote, extract_quotes


def full(text: str) -> list[ExtractedQuote]:
    return [q for q in extract_quotes(text).quotes if q.kind == "full"]


def test_possessive_inside_a_capitalised_run_does_not_join_the_owner() -> None:
    text = "“It is a slow machine and always was,” Norway’s Erik Lund said."
    [q] = full(text)
    assert q.speaker == "Erik Lund"


def test_sentence_adverb_is_not_a_speaker() -> None:
    text = "Recently the council met again.\n\n“We are nowhere near a deal on this,” said Recently."
    [q] = full(text)
    assert q.speaker is None


def test_press_secretary_is_not_a_speech_verb() -> None:
    text = (
        "“We will not comment on the leaked letter at all,” White House press secretary "
        "Dana Ortiz told reporters."
    )
    [q] = full(text)
    assert q.speaker == "Dana Ortiz"


def test_unnamed_spokesman_is_not_the_person_he_speaks_for() -> None:
    text = (
        "Prime Minister Alan Whitby said he would travel to Brussels.\n\n"
        "“He disagrees with every word of it,” the spokesman said."
    )
    [q] = full(text)
    assert q.speaker is None


def test_capitalised_word_the_article_also_writes_in_lower_case_is_not_a_name() -> None:
    text = (
        "Analysts expect a close vote. Several analysts said turnout would decide it.\n\n"
        "Analysts added: “Nobody can call this race with any confidence.”"
    )
    [q] = full(text)
    assert q.speaker is None


def test_campaign_named_after_its_candidate_speaks_as_itself() -> None:
    text = "“We raised more money than ever before this month,” the Okafor campaign said."
    [q] = full(text)
    assert q.speaker == "Okafor campaign"


def test_administration_named_after_its_leader_speaks_as_itself() -> None:
    text = "“No decision has been taken on the tariffs yet,” the Biden administration said."
    [q] = full(text)
    assert q.speaker == "Biden administration"


def test_speech_verb_opening_the_sentence_takes_the_speaker_after_it() -> None:
    text = (
        "The crowd thinned out by noon.\n\n"
        "Said Marta Quinlan, who has lived on the street for 40 years, “We were all so proud.”"
    )
    [q] = full(text)
    assert q.speaker == "Marta Quinlan"
    assert q.cue == "said"


def test_verb_first_with_colon() -> None:
    text = "The vote was close. Said Okafor: “We will win the next one by a mile.”"
    [q] = full(text)
    assert q.speaker == "Okafor"
