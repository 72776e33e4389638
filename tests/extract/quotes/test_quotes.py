"""One regression test per rule of quotation and speaker extraction, each on its own sentences."""

from __future__ import annotations

from tui.extract.quotes.extractor import ExtractedQuote, extract_quotes


def full(text: str) -> list[ExtractedQuote]:
    return [q for q in extract_quotes(text).quotes if q.kind == "full"]


def check(q: ExtractedQuote, text: str, words: str, speaker: str | None) -> None:
    assert q.text == words
    assert q.start == text.index(words)
    assert q.end == q.start + len(words)
    assert text[q.start : q.end] == words
    assert q.speaker == speaker


# --- marks ---------------------------------------------------------------------------------------

def test_curly_quote_with_trailing_attribution() -> None:
    text = "“The bridge will reopen in May,” Mayor Lena Ortiz said on Friday."
    [q] = full(text)
    check(q, text, "The bridge will reopen in May,", "Lena Ortiz")
    assert q.cue == "said"
    assert q.role == "Mayor"


def test_straight_double_marks() -> None:
    text = 'Harold Finch said: "We have checked every pump twice."'
    [q] = full(text)
    check(q, text, "We have checked every pump twice.", "Harold Finch")


def test_single_marks_around_titles_are_left_out() -> None:
    text = "The council debated a motion titled ‘Rivers and Roads for the Northern Valleys’ today."
    assert extract_quotes(text).quotes == ()


def test_single_marks_kept_when_clearly_speech() -> None:
    text = "‘We will not give up on the harbour plan,’ said Grace Okafor, the port director."
    [q] = full(text)
    check(q, text, "We will not give up on the harbour plan,", "Grace Okafor")


def test_markup_attributes_are_not_quotes() -> None:
    text = '<tweet author="@someone" id="12">Polls close at eight.</tweet>'
    assert extract_quotes(text).quotes == ()


# --- whole quotations and fragments ------------------------------------------------------------

def test_scare_quotes_and_titles_are_fragments() -> None:
    text = "Critics called the budget a “fiscal fantasy” after it aired on “Evening Brief” Monday."
    quotes = extract_quotes(text).quotes
    assert [q.kind for q in quotes] == ["fragment", "fragment"]
    assert full(text) == []


def test_embedded_partial_quote_is_a_fragment() -> None:
    text = "Tomas Reyes said the vote was “a clear sign of trouble” for his party."
    [q] = extract_quotes(text).quotes
    assert q.kind == "fragment"
    assert q.text == "a clear sign of trouble"


def test_quote_after_speech_verb_without_comma_is_full() -> None:
    text = "Nadia Petrov says “the rail link is finally on schedule.”"
    [q] = full(text)
    check(q, text, "the rail link is finally on schedule.", "Nadia Petrov")


# --- multi-paragraph and split quotations ------------------------------------------------------

def test_quote_running_over_paragraphs_keeps_speaker() -> None:
    text = (
        "Engineer Paul Mbeki said: “The dam held through the storm.\n\n"
        "“We will inspect it again next week.”"
    )
    first, second = full(text)
    check(first, text, "The dam held through the storm.", "Paul Mbeki")
    check(second, text, "We will inspect it again next week.", "Paul Mbeki")


def test_quote_split_by_attribution_gives_two_quotes() -> None:
    text = "“Prices are falling,” Irene Walsh said, adding, “but rents are still climbing.”"
    first, second = full(text)
    check(first, text, "Prices are falling,", "Irene Walsh")
    check(second, text, "but rents are still climbing.", "Irene Walsh")


def test_second_sentence_after_attribution_continues_speaker() -> None:
    text = "“The school stays open,” said Marta Lind. “Nobody is being laid off.”"
    _, second = full(text)
    check(second, text, "Nobody is being laid off.", "Marta Lind")


def test_paragraph_of_only_a_quote_continues_previous_speaker() -> None:
    text = (
        "“The harvest was late this year,” farmer Joe Tanaka said.\n\n"
        "“Still, the prices have held up.”"
    )
    _, second = full(text)
    check(second, text, "Still, the prices have held up.", "Joe Tanaka")


def test_quote_after_colon_paragraph_takes_its_subject() -> None:
    text = (
        "Despite the setbacks, Chancellor Ruth Adeyemi ended on a hopeful note:\n\n"
        "“We are nearly there.”"
    )
    [q] = full(text)
    check(q, text, "We are nearly there.", "Ruth Adeyemi")


# --- speech verbs and positions -----------------------------------------------------------------

def test_verb_before_name_after_quote() -> None:
    text = "“Turnout was higher than we hoped,” said Kofi Mensah, who is the head of the board."
    [q] = full(text)
    check(q, text, "Turnout was higher than we hoped,", "Kofi Mensah")
    assert q.role is not None and "the board" in q.role


def test_according_to_before_quote() -> None:
    text = "According to Lucia Brandt, “the shipment never left the warehouse.”"
    [q] = full(text)
    check(q, text, "the shipment never left the warehouse.", "Lucia Brandt")
    assert q.cue == "according to"


def test_name_colon_quote() -> None:
    text = "Samir Haddad: “I have nothing more to add.”"
    [q] = full(text)
    check(q, text, "I have nothing more to add.", "Samir Haddad")


def test_present_tense_and_other_verbs() -> None:
    text = "“We need more nurses,” Dr. Ellen Cho insists. “Now,” tweeted Victor Lam."
    first, second = full(text)
    check(first, text, "We need more nurses,", "Ellen Cho")
    check(second, text, "Now,", "Victor Lam")


def test_told_with_object_and_time() -> None:
    text = "“It was a fair deal,” Omar Siddiqui told reporters on Tuesday."
    [q] = full(text)
    check(q, text, "It was a fair deal,", "Omar Siddiqui")
    assert q.cue == "told"


# --- who said it --------------------------------------------------------------------------------

def test_pronoun_resolves_to_previous_subject() -> None:
    text = (
        "Rita Gomez visited the flooded town on Sunday.\n\n"
        "“These families need help now,” she said."
    )
    [q] = full(text)
    check(q, text, "These families need help now,", "Rita Gomez")


def test_pronoun_skips_person_of_other_gender() -> None:
    text = (
        "Sen. Mark Ellison spoke first. Mayor Clara Voss followed him, and she said she was tired."
        "\n\n"
        "“I want this road fixed,” he said."
    )
    [q] = full(text)
    assert q.speaker == "Mark Ellison"


def test_short_name_resolves_to_fullest_form() -> None:
    text = (
        "Chief Justice Amara Kwame Osei opened the session.\n\n"
        "“The court will hear both sides,” Osei said."
    )
    [q] = full(text)
    check(q, text, "The court will hear both sides,", "Amara Kwame Osei")


def test_title_with_any_name_token_resolves() -> None:
    text = (
        "Governor Helen Marie Draper signed the bill.\n\n"
        "“It is a good day,” Governor Marie said."
    )
    [q] = full(text)
    assert q.speaker == "Helen Marie Draper"


def test_title_before_name_is_the_role() -> None:
    text = "Trade Minister Kenji Sato said: “Tariffs will fall.”"
    [q] = full(text)
    assert (q.speaker, q.role) == ("Kenji Sato", "Trade Minister")


def test_appositive_after_name_is_the_role() -> None:
    text = "Jane Holloway, a spokeswoman for the rail company, said: “Trains will run normally.”"
    [q] = full(text)
    assert q.speaker == "Jane Holloway"
    assert q.role == "a spokeswoman for the rail company"


def test_description_resolves_to_person_with_matching_role() -> None:
    text = (
        "Finance Minister Lars Berg met the bankers on Monday.\n\n"
        "“Rates must come down,” the minister said."
    )
    [q] = full(text)
    assert q.speaker == "Lars Berg"


def test_description_resolves_through_role_alias() -> None:
    text = (
        "Ambassador Ines Moreau presented the plan to the council.\n\n"
        "“This is our final offer,” the French envoy said."
    )
    [q] = full(text)
    assert q.speaker == "Ines Moreau"


def test_named_organisation_can_speak() -> None:
    text = "“The talks were productive,” the Foreign Office said in a statement."
    [q] = full(text)
    check(q, text, "The talks were productive,", "Foreign Office")


def test_unnamed_document_gives_no_speaker() -> None:
    text = (
        "Paolo Conti commissioned the study last year.\n\n"
        "“Water use rose by a third,” the report said."
    )
    [q] = full(text)
    check(q, text, "Water use rose by a third,", None)
    assert q.cue == "said"


def test_plural_unnamed_source_gives_no_speaker() -> None:
    text = "Mayor Dana Pike left early. “The budget is sound,” officials said."
    [q] = full(text)
    assert q.speaker is None


def test_speakers_collect_mentions_in_order() -> None:
    text = (
        "“We are ready,” said coach Ben Arlo.\n\n"
        "“The team trained hard,” Arlo added. “Very hard,” he said."
    )
    result = extract_quotes(text)
    [speaker] = result.speakers
    assert speaker.name == "Ben Arlo"
    assert speaker.mentions == ("Ben Arlo", "Arlo", "he")


# --- rules found while measuring ----------------------------------------------------------------

def test_participle_cue_takes_the_clause_subject() -> None:
    text = (
        "Before the vote, Harbour Master Ingrid Solberg argued for a delay, saying, "
        "“The cranes are not ready.”"
    )
    [q] = full(text)
    check(q, text, "The cranes are not ready.", "Ingrid Solberg")


def test_signature_line_names_the_speaker() -> None:
    text = "“Fix the potholes first, then talk to me about trams.”\n\n— Amelia Grant, Leeds."
    [q] = full(text)
    check(q, text, "Fix the potholes first, then talk to me about trams.", "Amelia Grant")


def test_topic_phrase_sets_the_pronoun() -> None:
    text = (
        "Sen. Olga Brandt praised the deal. As for Victor Hale, he was unmoved.\n\n"
        "“It changes nothing,” he said."
    )
    [q] = full(text)
    assert q.speaker == "Victor Hale"


def test_description_before_name_after_quote() -> None:
    text = "“She never missed a shift,” her neighbour Ana Lopez told the local paper."
    [q] = full(text)
    check(q, text, "She never missed a shift,", "Ana Lopez")


def test_name_opening_a_long_appositive_chain() -> None:
    text = "“Both of them worry me,” Harry Bolt, 30, of Dayton, who took part in the poll, said."
    [q] = full(text)
    assert q.speaker == "Harry Bolt"


def test_relative_clause_speaker_is_its_antecedent() -> None:
    text = (
        "The rule was defended by Rosa Imbert, the agency's director, who said: "
        "“We followed the law.”"
    )
    [q] = full(text)
    assert q.speaker == "Rosa Imbert"


def test_listener_after_told_is_not_a_speaker() -> None:
    text = (
        "“I will run again,” Dale Fisk, a former mayor, told Channel Nine News on Monday. "
        "“Nobody can stop that.”"
    )
    first, second = full(text)
    assert first.speaker == second.speaker == "Dale Fisk"


def test_speech_verb_inside_previous_attribution_does_not_take_over() -> None:
    text = (
        "“The contract stands,” spokesman Leo Marsh told reporters, after Nina Ruiz stated "
        "she would cancel it. “It is binding.”"
    )
    _, second = full(text)
    assert second.speaker == "Leo Marsh"


def test_title_in_marks_without_speech_verb_is_a_fragment() -> None:
    text = "Fans of the show, “Harbour Lights,” lined up for hours."
    [q] = extract_quotes(text).quotes
    assert q.kind == "fragment"


def test_opening_quote_without_comma_before_attribution_is_full() -> None:
    text = "“The budget is a patchwork of promises” Wanda Ekker said on Tuesday."
    [q] = full(text)
    check(q, text, "The budget is a patchwork of promises", "Wanda Ekker")


def test_she_skips_a_man_known_by_first_name() -> None:
    text = (
        "Councillor Diana Frost met Walter Greaves at the depot.\n\n"
        "“We need more buses,” she said."
    )
    [q] = full(text)
    assert q.speaker == "Diana Frost"


def test_name_directly_before_colon_is_the_speaker() -> None:
    text = "The result did not surprise pollster Dana Whitfield: “Late deciders broke for him.”"
    [q] = full(text)
    assert q.speaker == "Dana Whitfield"


def test_place_is_not_a_pronoun_antecedent() -> None:
    text = (
        "Farmer Jon Kell drove in from Ames. Later, in Iowa, Iowa voters queued for hours.\n\n"
        "“I came for the debate,” he said."
    )
    [q] = full(text)
    assert q.speaker == "Jon Kell"


def test_quotation_mark_used_for_inches_does_not_lose_the_speaker() -> None:
    text = "“He says he is 6’2”,” Milo Varga said on Sunday."
    [q] = full(text)
    assert q.speaker == "Milo Varga"


def test_indirect_participle_attribution_carries_to_next_quote() -> None:
    text = (
        "Lena Marsh ended the meeting early, saying she had heard enough. "
        "“We will vote next week.”"
    )
    [q] = full(text)
    assert q.speaker == "Lena Marsh"


def test_verb_before_name_inside_sentence_before_quote() -> None:
    text = "Because the count was slow, explained Rui Costa, “the result came after midnight.”"
    [q] = full(text)
    check(q, text, "the result came after midnight.", "Rui Costa")


def test_document_pronoun_gives_no_speaker() -> None:
    text = (
        "Officer Ned Pryor wrote a memo to the board.\n\n"
        "“All leave is cancelled until further notice,” it reads."
    )
    [q] = full(text)
    assert q.speaker is None
    assert q.cue == "reads"


def test_party_tag_after_name_is_not_a_speaker() -> None:
    text = "Rep. Carla Munoz, D-Texas, said: “The bill is dead.”"
    [q] = full(text)
    assert q.speaker == "Carla Munoz"


def test_headline_in_title_case_is_not_a_fuller_name() -> None:
    text = (
        "Mayor Says Tom Reyes Will Win The Race\n\n"
        "Tom Reyes spoke on Friday. “I will win,” Reyes said."
    )
    [q] = full(text)
    assert q.speaker == "Tom Reyes"


def test_indefinite_description_is_someone_new() -> None:
    text = (
        "Campaign strategist Lou Berger spoke first.\n\n"
        "“It is over,” said one senior strategist who asked not to be named."
    )
    [q] = full(text)
    assert q.speaker is None


def test_party_tag_in_parentheses_does_not_end_the_sentence() -> None:
    text = "“The loophole must close,” Senate Leader Ana M. Vidal (D-Ore.) said in a statement."
    [q] = full(text)
    assert q.speaker == "Ana M. Vidal"
    assert q.role == "Senate Leader"


def test_sentence_adverb_before_subject_is_skipped() -> None:
    text = "And then Mayor Ivo Grant went on the attack, saying, “The council has failed.”"
    [q] = full(text)
    assert q.speaker == "Ivo Grant"


def test_dateline_with_date_is_not_the_subject() -> None:
    text = (
        "LISBON, Mar. 3 (AP) — Finance chief Rosa Pinto spoke to bankers on Monday, saying: "
        "“Rates will stay.”"
    )
    [q] = full(text)
    assert q.speaker == "Rosa Pinto"


def test_appositive_name_without_closing_comma() -> None:
    text = "“She helped everyone,” another friend, Mira Solis told the radio station."
    [q] = full(text)
    assert q.speaker == "Mira Solis"


def test_pronoun_falls_back_to_a_name_outside_any_subject() -> None:
    text = (
        "The best line came from nursing student Tara Quinn, who laughed at the idea.\n\n"
        "“Never,” she said."
    )
    [q] = full(text)
    assert q.speaker == "Tara Quinn"


def test_according_to_with_colon() -> None:
    text = "According to the Valley Gazette: “The mill will reopen in June.”"
    [q] = full(text)
    assert q.speaker == "Valley Gazette"


def test_description_with_no_earlier_speaker_goes_to_the_person_discussed() -> None:
    text = (
        "A month after endorsing the plan, Rene Duval still doubts it. "
        "“I stand by my doubts,” the Quebec senator told the paper."
    )
    [q] = full(text)
    assert q.speaker == "Rene Duval"


def test_a_named_persons_office_speaks_for_them() -> None:
    text = "Speaker Paul Okafor met the unions.\n\n“The talks went well,” Okafor's office said."
    [q] = full(text)
    assert q.speaker == "Paul Okafor"


def test_participle_after_said_keeps_that_speaker() -> None:
    text = (
        "Mina and Joel will meet next week, aide Tomas Rydell said, adding, "
        "“They need a long talk.”"
    )
    [q] = full(text)
    assert q.speaker == "Tomas Rydell"


def test_compound_adjective_is_not_a_name() -> None:
    text = (
        "Senator Ruth Okoye attacked the Kemp-style budget.\n\n"
        "“It is a disgrace,” she said."
    )
    [q] = full(text)
    assert q.speaker == "Ruth Okoye"
