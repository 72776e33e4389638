"""Regression tests for attribution grammar: who owns a clause after a quotation, coordinated
and relative subjects, colon introductions, bodies that speak (one invented sentence per rule)."""

from __future__ import annotations

from tui.extract.quotes.extractor import ExtractedQuote, extract_quotes


def full(text: str) -> list[ExtractedQuote]:
    return [q for q in extract_quotes(text).quotes if q.kind == "full"]


def speakers(text: str) -> list[str | None]:
    return [q.speaker for q in full(text)]


def test_clause_introducing_the_next_quotation_is_not_the_previous_ones() -> None:
    text = (
        "The two rivals traded messages all night. Ines Varga replies to Odd Lund with, "
        "“Why now? The vote is next week?” Lund then writes back, “Because the money is ready.”"
    )
    assert speakers(text) == ["Ines Varga", "Odd Lund"]


def test_indirect_speech_after_a_finished_quotation_is_another_statement() -> None:
    text = (
        "Mayor Lena Park spoke first. “We will rebuild every bridge in this county,” Park said. "
        "“Nobody should doubt that.” Councilman Ed Ruiz said he would vote against the plan."
    )
    assert speakers(text) == ["Lena Park", "Lena Park"]


def test_participle_after_a_quotation_does_not_name_its_speaker() -> None:
    text = (
        "Harlan Cobb said the club would keep meeting, but said, “It is time we changed how we "
        "do it,” promising the Friends of the Harbour would return."
    )
    assert speakers(text) == ["Harlan Cobb"]


def test_two_people_named_together_after_a_quotation() -> None:
    text = (
        "“We can only guess what the court intended,” state Senate leader Joan Avery and House "
        "Speaker Mark Lutz, both Democrats, said in a statement."
    )
    assert speakers(text) == ["Joan Avery"]


def test_issued_a_statement_hands_over_to_the_quotation() -> None:
    text = (
        "Immediately after the vote, Senator Ray Dunn issued a statement, “This is a dark day "
        "for the people of this state.”"
    )
    assert speakers(text) == ["Ray Dunn"]


def test_body_named_after_its_leader_as_sentence_subject() -> None:
    text = "The Ortiz campaign put out a short statement on Friday, “We thank every voter.”"
    assert speakers(text) == ["Ortiz campaign"]


def test_her_campaign_is_the_campaign_of_the_woman_just_named() -> None:
    text = (
        "Senator Ann Ruiz conceded the primary late on Tuesday. Her campaign quickly sent out an "
        "email stating, “We will be back in two years.”"
    )
    assert speakers(text) == ["Ruiz campaign"]


def test_name_in_a_prepositional_phrase_before_a_colon_is_the_listener() -> None:
    text = (
        "Former senator Tom Reyes broke down the problem for the Dutch newspaper Het Parool: "
        "“The money was never there.”"
    )
    assert speakers(text) == ["Tom Reyes"]


def test_heading_then_dash_then_name_before_a_colon() -> None:
    text = (
        "Pollsters agree - Carla Biondi: “Keep on contacting voters as late as you can.”\n\n"
        "More from Biondi: “Nobody decides early any more.”"
    )
    assert speakers(text) == ["Carla Biondi", "Carla Biondi"]


def test_relative_clause_attaches_to_the_name_inside_a_prepositional_phrase() -> None:
    text = (
        "On Thursday, Ruiz won the backing of a colleague, from Milo Trent, who declared in the "
        "hallway, “It is time for all of us to unite.”"
    )
    assert speakers(text) == ["Milo Trent"]


def test_any_verb_after_a_quotation_ending_in_a_comma() -> None:
    text = (
        "The host, Rory Finch, lost his temper on air.\n\n"
        "“We need to talk about the budget first,” Finch barked."
    )
    assert speakers(text) == ["Rory Finch"]


def test_verb_first_after_a_quotation_with_a_description_then_a_name() -> None:
    text = (
        "“It is about time a woman ran this city,” exhorted the mayor’s introducer, actress "
        "Jamie Lo Verde."
    )
    assert speakers(text) == ["Jamie Lo Verde"]


def test_regarding_opens_a_lead_clause() -> None:
    text = (
        "Regarding the governor’s speech, Dora Quill shared her view.\n\n"
        "“The way I see it,” she elaborated, “nobody asked us.”"
    )
    assert speakers(text) == ["Dora Quill", "Dora Quill"]


def test_speech_verb_forms_used_as_nouns_are_not_verbs() -> None:
    text = (
        "Paul Ardent did not answer. Ardent’s campaign shrugged off the comments, telling "
        "reporters, “Nobody asked for his endorsement.”"
    )
    assert speakers(text) == ["Paul Ardent"]


def test_possessive_before_a_noun_is_not_a_speaker_for_the_next_pronoun() -> None:
    text = (
        "Premier Jules Marchand denounced Gorsky’s remarks as “hurtful” and warned of the "
        "consequences.\n\n“An election there is an election everywhere,” he said."
    )
    assert speakers(text) == ["Jules Marchand"]


def test_his_campaign_as_a_sentence_subject() -> None:
    text = (
        "Bernard Saunders won the state. Even before Saunders took the stage, his campaign sent "
        "out a text message saying: “We won New Hampshire!”"
    )
    assert speakers(text) == ["Saunders campaign"]


def test_party_tag_between_name_and_verb() -> None:
    text = (
        "At a rally in Akron, after winning the state, Gov. Ann Hale (R-OH), said, “We are "
        "going all the way.”"
    )
    assert speakers(text) == ["Ann Hale"]


def test_chief_of_staff_is_a_title_not_part_of_the_name() -> None:
    text = "“Thanks for the great work,” Chief of Staff Denis Ogle wrote in an email."
    assert speakers(text) == ["Denis Ogle"]


def test_quotation_after_a_paragraph_about_what_someone_did() -> None:
    text = (
        "The governor was joined at the town hall by Buddy Vance, a television chef.\n\n"
        "Vance praised the governor’s work after the storm.\n\n"
        "“We need someone who cuts through the noise and gets it done.”"
    )
    assert speakers(text) == ["Buddy Vance"]


def test_long_role_before_a_name_after_a_quotation() -> None:
    text = (
        "“These are dark days for people like me,” former George W. Bush speechwriter Noam "
        "Ruiz wrote in a column this month."
    )
    assert speakers(text) == ["Noam Ruiz"]


def test_it_is_the_body_just_named() -> None:
    text = (
        "The Daily Ledger reported that the mayor had resigned. It added, “The council will "
        "meet on Monday.”"
    )
    assert speakers(text) == ["Daily Ledger"]


def test_unnamed_source_after_a_quotation_stays_unnamed() -> None:
    text = "“It is the nominee’s party now,” one campaign source said, asking not to be named."
    assert speakers(text) == [None]


def test_document_named_after_its_publisher_speaks_for_it() -> None:
    text = (
        "It is hard to overstate the charter’s reach, as the Harwell Institute website notes: "
        "“In the fall of 1960, ninety students met at a farmhouse.”"
    )
    assert speakers(text) == ["Harwell Institute"]


def test_an_unowned_document_is_no_speaker() -> None:
    text = "“We see no reason to reopen the file,” the letter said."
    assert speakers(text) == [None]
