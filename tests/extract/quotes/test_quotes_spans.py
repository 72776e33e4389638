"""Regression tests for where quotations start and end and whether they are whole: one per rule."""

from __future__ import annotations

from tui.extract.quotes.extractor import ExtractedQuote, extract_quotes


def full(text: str) -> list[ExtractedQuote]:
    return [q for q in extract_quotes(text).quotes if q.kind == "full"]


def kinds(text: str) -> list[tuple[str, str]]:
    return [(q.text, q.kind) for q in extract_quotes(text).quotes]


# --- headlines -----------------------------------------------------------------------------------


def test_headline_quote_in_single_marks_and_title_case() -> None:
    text = (
        "Paula Verne: ‘We Will Not Back Down From This Fight.’\n\n"
        "On Monday the senator spoke to farmers in Dayton.\n"
    )
    [q] = full(text)
    assert q.text == "We Will Not Back Down From This Fight."
    assert q.speaker == "Paula Verne"


def test_headline_with_a_short_title_in_single_marks_is_not_a_quote() -> None:
    text = "Reviews: ‘Rivers and Roads’\n\nThe exhibition opens on Monday in Dayton.\n"
    assert full(text) == []


def test_single_marks_mid_sentence_after_colon_still_need_speech() -> None:
    text = "The menu had one theme: ‘Soup of the Day.’ Nobody minded it.\n"
    assert full(text) == []


# --- titles and sentences ------------------------------------------------------------------------


def test_title_case_sentence_of_its_own_is_a_quotation() -> None:
    text = (
        "“Only two people can fix the port,” said Nia Lowe, a harbour consultant. "
        "“That’s Dan Ortiz and Ray Kemp.”\n"
    )
    assert [(q.text, q.speaker) for q in full(text)] == [
        ("Only two people can fix the port,", "Nia Lowe"),
        ("That’s Dan Ortiz and Ray Kemp.", "Nia Lowe"),
    ]


def test_title_in_a_list_with_a_number_is_a_fragment() -> None:
    text = "She starred in “Lost Harbours,” “Route 66,” and “The Long Field,” all dramas.\n"
    assert all(kind == "fragment" for _, kind in kinds(text))


def test_title_with_a_subtitle_is_a_fragment() -> None:
    text = "Critics read his book, “Open Water: Why the Coast Matters Now,” with care.\n"
    assert kinds(text) == [("Open Water: Why the Coast Matters Now,", "fragment")]


def test_programme_after_told_is_the_listener_not_a_quote() -> None:
    text = "“We will win,” Ng told “Morning Brief,” adding that the race was close.\n"
    assert kinds(text) == [("We will win,", "full"), ("Morning Brief,", "fragment")]


def test_title_after_a_noun_for_a_work_is_its_name() -> None:
    text = "Ng said the talks failed, she wrote in her memoir, “Open Roads.” She left in May.\n"
    assert kinds(text) == [("Open Roads.", "fragment")]


def test_sentence_after_a_speech_verb_and_its_listener_is_whole() -> None:
    text = "At the rally, Ana Ruiz asked the crowd “Who is ready to vote on Tuesday?”\n"
    [q] = full(text)
    assert q.text == "Who is ready to vote on Tuesday?"
    assert q.speaker == "Ana Ruiz"


def test_programme_after_an_interview_is_not_a_sentence() -> None:
    text = "“It is over,” Ruiz said in an interview with “Weekend Report.”\n"
    assert [q.text for q in full(text)] == ["It is over,"]


# --- markup --------------------------------------------------------------------------------------


def test_markup_attribute_cut_by_a_line_break_is_not_a_quote() -> None:
    text = (
        '<tweet author="@harbourboss" date="May 2, 2016\n'
        '">Ships are back in port. Thanks to all crews.</tweet>.\n'
    )
    assert full(text) == []


# --- attribution around the marks ----------------------------------------------------------------


def test_pull_quote_closed_after_a_signature_line() -> None:
    text = (
        "The panel met on Monday.\n\n"
        '"We have waited far too long for a plan that works for the coast.\n'
        'Jo Ames, Harbour Trust."\n\n'
        "The plan was approved.\n"
    )
    [q] = full(text)
    assert q.text == "We have waited far too long for a plan that works for the coast."
    assert q.speaker == "Jo Ames"


def test_from_a_named_owners_post_gives_the_speaker() -> None:
    text = (
        "Aides say the former governor will campaign hard. "
        'From Ames\'s Facebook post: "We must move past the divisions of this race."\n'
    )
    [q] = full(text)
    assert q.speaker == "Ames"


def test_question_put_to_a_passive_subject_is_not_theirs() -> None:
    text = "In an interview, Ames was asked, “What is the hardest place you have worked?”\n"
    [q] = full(text)
    assert q.speaker is None
    assert q.cue == "asked"


def test_a_quoted_label_ending_in_a_colon_is_not_speech() -> None:
    text = "“We will reopen the pier,” Ames said.\n\n“See also:”\n\nPier Reopens In May.\n"
    assert [q.text for q in full(text)] == ["We will reopen the pier,"]
