"""One regression test per rule of quotation and speaker extraction, each on its own sentences."""

from __future__ import annotations

from tui.extract.quotes import ExtractedQuote, extract_quotes


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
    text = "The council debated a motion titled ‘Rivers and Roads for the Northern Valleys’ on Monday."
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
    text = "Critics called the budget a “fiscal fantasy” after it aired on “Evening Brief” last week."
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
    first, second = full(text)
    check(second, text, "Nobody is being laid off.", "Marta Lind")


def test_paragraph_of_only_a_quote_continues_previous_speaker() -> None:
    text = (
        "“The harvest was late this year,” farmer Joe Tanaka said.\n\n"
        "“Still, the prices have held up.”"
    )
    _, second = full(text)
    check(second, text, "Still, the prices have held up.", "Joe Tanaka")


def test_quote_after_colon_paragraph_takes_its_subject() -> None:
    text = "Despite the setbacks, Chancellor Ruth Adeyemi ended on a hopeful note:\n\n“We are nearly there.”"
    [q] = full(text)
    check(q, text, "We are nearly there.", "Ruth Adeyemi")


# --- speech verbs and positions -----------------------------------------------------------------

def test_verb_before_name_after_quote() -> None:
    text = "“Turnout was higher than we hoped,” said Kofi Mensah, who is the head of the election board."
    [q] = full(text)
    check(q, text, "Turnout was higher than we hoped,", "Kofi Mensah")
    assert q.role is not None and "election board" in q.role


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
        "Sen. Mark Ellison spoke first. Mayor Clara Voss followed him, and she said she was tired.\n\n"
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
