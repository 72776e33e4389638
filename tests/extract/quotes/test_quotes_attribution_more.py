"""Regression tests for more attribution grammar: descriptions that give a name, descriptions
that name a place, surnames shared by two people, sentences that start after a quotation (one
invented sentence or two per rule)."""

from __future__ import annotations

from tui.extract.quotes.extractor import ExtractedQuote, extract_quotes
from tui.extract.speakers.names import looks_like_person
from tui.extract.speakers.roles import roles_at


def full(text: str) -> list[ExtractedQuote]:
    return [q for q in extract_quotes(text).quotes if q.kind == "full"]


def speakers(text: str) -> list[str | None]:
    return [q.speaker for q in full(text)]


def test_description_then_name_after_a_leading_conjunction() -> None:
    text = (
        "The senator has said little about his plans. But his daughter, Mara, gave a hint on "
        "Sunday.\n\n"
        "“If he loses, he will keep fighting for the canal,” she said."
    )
    assert speakers(text) == ["Mara"]


def test_possessive_description_then_name() -> None:
    text = (
        "Ivo Tamm, an analyst in Tallinn, worries about the deal.\n\n"
        "Norway's trade minister, Karl Holm, dismisses the risk. Exports may fall by a "
        "tenth, but the fleet is strong, he says.\n\n"
        "“We have weathered worse winters than this one,” he said in Oslo."
    )
    assert speakers(text) == ["Karl Holm"]


def test_place_description_means_the_person_just_named() -> None:
    text = (
        "Senator Ralph Ode met the president on Tuesday. Oren Pask visited the White House as "
        "well.\n\n"
        "Pask has not decided whether to concede. The Maine senator wrote to his volunteers "
        "on Friday: “The work goes on.”"
    )
    assert speakers(text) == ["Oren Pask"]


def test_place_description_is_not_someone_holding_another_office() -> None:
    text = (
        "It was unclear on Tuesday whether the letter from Lara Quist had reached President "
        "Tom Brandt.\n\n"
        "“I have warned about this for a year,” the Idaho senator said in a statement."
    )
    assert speakers(text) == ["Lara Quist"]


def test_long_description_after_a_quotation() -> None:
    text = (
        "Gov. Tom Brandt said on Tuesday that the talks had stalled. Sen. Oren Pask asked the "
        "trade office on Wednesday to pressure Peru. “Lima has every reason to worry too,” the "
        "independent Maine senator and Green party candidate told a radio host."
    )
    assert [(q.speaker, q.cue) for q in full(text)] == [("Oren Pask", "told")]


def test_title_is_not_read_across_a_sentence_end() -> None:
    text = (
        "“We need a deal,” Tom Brandt said of the talks with Peru. Sen. Oren Pask asked the "
        "trade office on Wednesday to pressure Peru.\n\n"
        "“Lima has every reason to worry,” the Maine senator and party candidate told a radio "
        "host."
    )
    assert speakers(text) == ["Tom Brandt", "Oren Pask"]


def test_title_before_a_name_is_read_within_its_sentence() -> None:
    text = "Tom Brandt spoke about the talks with Peru. Sen. Oren Pask said little."
    start = text.index("Sen.")
    assert roles_at(text, start, start + len("Sen. Oren Pask"), "Sen.") == ["Sen."]


def test_surname_after_to_is_still_a_person() -> None:
    text = (
        "The mayor sent a reply to Okafor on Monday. Okafor read it twice.\n\n"
        "“It changes nothing for the families on our street,” he said."
    )
    assert speakers(text) == ["Okafor"]


def test_group_named_by_its_members_is_not_a_person() -> None:
    assert not looks_like_person("Economic Advisers")
    assert looks_like_person("Dottie Deans")  # a short plural is often a surname


def test_shared_surname_follows_the_pronoun_after_it() -> None:
    text = (
        "Ines Varga and her husband, Tom Varga, toured the state last year. Tom Varga spoke "
        "at the dinner.\n\n"
        "“Nobody should lose a home over one late payment,” Varga said in Reno, adding that "
        "she would write the rules herself."
    )
    assert speakers(text) == ["Ines Varga"]


def test_capitalised_pronoun_after_a_quotation_opens_a_new_sentence() -> None:
    text = (
        "In June, Tom Amin wrote to Governor Ruth Ode, telling her, “You are the best we have!” "
        "She answered him the next week."
    )
    assert speakers(text) == ["Tom Amin"]


def test_with_clause_names_the_agent_of_the_participle() -> None:
    text = (
        "The council vote drew anger, with Mayor Hana Ruiz posting a long message and asking, "
        "“Who will explain this to the parents?”"
    )
    assert speakers(text) == ["Hana Ruiz"]


def test_group_of_residents_is_not_what_she_means() -> None:
    text = (
        "The paper got a letter from Mara Lind on the day New Yorkers voted.\n\n"
        "“We will keep going whatever happens,” she said."
    )
    assert speakers(text) == ["Mara Lind"]


def test_hopeful_is_a_role_before_a_name() -> None:
    text = (
        "Like many of his neighbours, Republican presidential hopeful Sen. Ralph Ode opposed "
        "the plan, telling a radio station: “It will not work.”"
    )
    assert speakers(text) == ["Ralph Ode"]


def test_according_to_a_statement_from_a_named_source() -> None:
    after = "“The ferry will run again in May,” according to a statement from Tom Hale."
    before = "According to a statement from the Harbour Trust, “the ferry will run again in May.”"
    assert [(q.speaker, q.cue) for q in full(after)] == [("Tom Hale", "according to")]
    assert [(q.speaker, q.cue) for q in full(before)] == [("Harbour Trust", "according to")]


def test_quoted_as_saying_names_the_passive_subject() -> None:
    text = "“We are ready for the storm,” Tom Hale was quoted as saying by the local paper."
    assert [(q.speaker, q.cue) for q in full(text)] == [("Tom Hale", "saying")]


def test_was_how_someone_put_it() -> None:
    text = "“Slow, then all at once,” was how the harbour master, Tom Hale, put it."
    assert speakers(text) == ["Tom Hale"]


def test_a_count_of_people_is_not_a_name() -> None:
    text = (
        "Hundreds of dock workers gathered outside the harbour office, chanting “Fair pay for "
        "every shift.”"
    )
    assert speakers(text) == [None]


def test_rival_is_a_title_before_a_name() -> None:
    text = "Rival Ann Ruiz said on Friday: “The plan is too expensive for the town.”"
    assert speakers(text) == ["Ann Ruiz"]
