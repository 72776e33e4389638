"""Regression tests for tui.extract.figures.extractor: a sentence of its own per rule, plus the seed gold."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tui.extract.figures.extractor import ExtractedFigure, extract_figures, is_calendar

DATA = Path(__file__).resolve().parents[2] / "data"


def _find(text: str, written: str) -> ExtractedFigure:
    """The one figure whose text is ``written``; checks its offsets too."""
    figs = extract_figures(text)
    hits = [f for f in figs if f.text == written]
    assert len(hits) == 1, [(f.text, f.value, f.unit) for f in figs]
    fig = hits[0]
    assert text[fig.start : fig.end] == written
    assert fig.start == text.index(written)
    return fig


def _check(text: str, written: str, value: float, unit: str | None, bound: str = "=") -> None:
    fig = _find(text, written)
    assert fig.value == pytest.approx(value)
    assert fig.unit == unit
    assert fig.bound == bound


# ---- numerals, separators, money, percentages ---------------------------------------------


def test_thousands_separator_and_head_noun_past_adjectives() -> None:
    text = "Officials said 12,500 Syrian refugees crossed the border overnight."
    _check(text, "12,500 Syrian refugees", 12500, "refugees")


def test_currency_symbol_with_scale_word() -> None:
    text = "The council approved a €2.3 billion plan for the tram line."
    _check(text, "€2.3 billion", 2.3e9, "EUR")


def test_currency_with_attached_abbreviation() -> None:
    text = "The club paid £45m for the striker and US$1.2bn for the stadium."
    _check(text, "£45m", 45e6, "GBP")
    _check(text, "US$1.2bn", 1.2e9, "USD")


def test_currency_code_before_amount() -> None:
    text = "The ministry set aside INR 350 crore, or USD 42 million, for the dam."
    _check(text, "USD 42 million", 42e6, "USD")


def test_currency_word_after_amount() -> None:
    text = "Tickets cost 30 euros at the door."
    _check(text, "30 euros", 30, "EUR")


def test_percent_spellings() -> None:
    text = "Inflation eased to 4.2 per cent while wages rose 6% and rents 3.5 percent."
    _check(text, "4.2 per cent", 4.2, "percent")
    _check(text, "6%", 6, "percent")
    _check(text, "3.5 percent", 3.5, "percent")


def test_percentage_points_and_basis_points() -> None:
    text = "The bank raised rates by 25 basis points, a 0.25 percentage point rise."
    _check(text, "25 basis points", 25, "basis points")
    _check(text, "0.25 percentage point", 0.25, "percentage points")


def test_negative_number() -> None:
    text = "Overnight the temperature fell to -12 degrees in the valley."
    _check(text, "-12 degrees", -12, "degrees")


# ---- bounds ---------------------------------------------------------------------------------


def test_bound_more_than() -> None:
    text = "More than 3,000 nurses went on strike on Monday."
    _check(text, "More than 3,000 nurses", 3000, "nurses", ">")


def test_bound_up_to_and_under() -> None:
    text = "The depot can hold up to 40 buses, and under 5% of them are electric."
    _check(text, "up to 40 buses", 40, "buses", "<")
    _check(text, "under 5%", 5, "percent", "<")


def test_bound_approximate() -> None:
    text = "Roughly 600 volunteers and nearly $2 million helped rebuild the school."
    _check(text, "Roughly 600 volunteers", 600, "volunteers", "~")
    _check(text, "nearly $2 million", 2e6, "USD", "~")


def test_bound_written_after() -> None:
    text = "Gatherings of 50 people or more were banned."
    _check(text, "50 people or more", 50, "people", ">")


def test_over_a_duration_is_during_it() -> None:
    text = "Over three days of hearings, the panel questioned the minister."
    _check(text, "three days", 3, "days", "=")


# ---- spelled-out numbers, hyphenated compounds, vague amounts, fractions ---------------------


def test_spelled_out_numbers() -> None:
    text = "The storm destroyed forty-eight homes and a dozen schools."
    _check(text, "forty-eight homes", 48, "homes")
    _check(text, "a dozen schools", 12, "schools")


def test_spelled_out_with_scale() -> None:
    text = "Organisers expect two million visitors this summer."
    _check(text, "two million visitors", 2e6, "visitors")


def test_hyphenated_compound_counts_the_noun() -> None:
    text = "A 12-member jury heard the case after a three-decade career on the bench."
    _check(text, "12-member", 12, "members")
    _check(text, "three-decade", 3, "decades")


def test_list_of_modifiers_before_the_head_noun() -> None:
    text = "The fleet included nine French, German, and Italian warships."
    _check(text, "nine French, German, and Italian warships", 9, "warships")


def test_vague_plural_amounts() -> None:
    text = "Hundreds of protesters and tens of thousands of dollars in damage were reported."
    _check(text, "Hundreds of protesters", 100, "protesters", ">")
    _check(text, "tens of thousands of dollars", 1e4, "USD", ">")


def test_fraction_of_something() -> None:
    text = "A third of the votes were counted by noon."
    fig = _find(text, "A third")
    assert fig.value == pytest.approx(1 / 3)
    assert fig.unit == "votes"


def test_partitive_takes_the_noun_after_of() -> None:
    text = "Four of the company's directors resigned."
    fig = extract_figures(text)[0]
    assert (fig.value, fig.unit, fig.text) == (4, "directors", "Four of the company's directors")


def test_one_as_a_pronoun_is_not_a_figure() -> None:
    assert extract_figures("No one answered, and the same one called back.") == []


# ---- ranges -------------------------------------------------------------------------------


def test_range_between_and() -> None:
    text = "Police said between 20 and 30 trucks were blocked."
    _check(text, "20 and 30 trucks", 20, "trucks")


def test_range_with_dash_and_shared_scale() -> None:
    text = "Repairs will take 10-15 minutes and cost $3 to $4 billion."
    _check(text, "10-15 minutes", 10, "minutes")
    _check(text, "$3 to $4 billion", 3e9, "USD")


def test_change_by_then_level_is_not_a_range() -> None:
    text = "Exports grew by $1.5 billion to $20.1 billion."
    values = [f.value for f in extract_figures(text)]
    assert values == pytest.approx([1.5e9, 20.1e9])


# ---- measures and rates ---------------------------------------------------------------------


def test_measures_attached_and_spaced() -> None:
    text = "The 400 km pipeline survived 150mph winds and a 6.2-magnitude quake."
    _check(text, "400 km", 400, "km")
    _check(text, "150mph", 150, "mph")


def test_measure_word_before_another_noun() -> None:
    text = "He scored on a 65 yard run."
    _check(text, "65 yard", 65, "yard")


def test_rate_per_unit() -> None:
    text = "The train reached 80 miles per hour on the new track."
    _check(text, "80 miles per hour", 80, "miles per hour")


def test_durations_are_plural() -> None:
    text = "She signed a 5 year deal."
    _check(text, "5 year", 5, "years")


def test_ages() -> None:
    text = "Morales, 54, thanked the 30-year-old pilot."
    _check(text, "54", 54, "years of age")
    _check(text, "30-year-old", 30, "years of age")


# ---- what is not a figure, and years ----------------------------------------------------------


def test_years_are_calendar_figures() -> None:
    text = "The bridge opened in 1932 and was rebuilt after 2004 floods."
    fig = _find(text, "1932")
    assert fig.unit == "year"
    assert is_calendar(fig)
    assert fig.score < 0.2


def test_year_before_a_plural_noun_is_a_count() -> None:
    text = "The plant employs 1900 workers."
    _check(text, "1900 workers", 1900, "workers")


def test_days_of_the_month_are_not_figures() -> None:
    figs = extract_figures("The vote is on March 14, and the count ends on 9 June.")
    assert figs == []


def test_month_day_year() -> None:
    figs = extract_figures("It opened on Oct. 3, 2011.")
    assert [(f.value, f.unit) for f in figs] == [(2011, "year")]


def test_times_and_ordinals_are_not_figures() -> None:
    text = "The 3rd session began at 7:30 pm and the first vote at 10am (1500 GMT)."
    assert extract_figures(text) == []


def test_numbers_in_names_are_not_figures() -> None:
    text = "Leaders of the Group of 20 discussed COVID-19 and F-16 jets before Game 6."
    assert extract_figures(text) == []


def test_phone_numbers_and_list_markers_are_not_figures() -> None:
    text = "1. Call 555-123-4567 for tickets.\n2. Bring ID."
    assert extract_figures(text) == []


def test_unit_from_context_in_the_same_sentence() -> None:
    text = "The crash killed 14 passengers, including three from Canada."
    figs = extract_figures(text)
    assert [(f.value, f.unit, f.text) for f in figs] == [
        (14, "passengers", "14 passengers"),
        (3, "passengers", "three"),
    ]


# ---- ranking and invariants -------------------------------------------------------------------


def test_money_and_counts_outrank_years_and_short_durations() -> None:
    text = (
        "After two days of talks in 2019, donors pledged $4.5 billion to help "
        "1.2 million displaced families."
    )
    by_text = {f.text: f.score for f in extract_figures(text)}
    assert by_text["$4.5 billion"] > by_text["two days"]
    assert by_text["1.2 million displaced families"] > by_text["2019"]
    assert by_text["two days"] > by_text["2019"]


def test_about_names_what_is_counted() -> None:
    fig = _find("Since March, 2,400 volunteers have cleared the beaches.", "2,400 volunteers")
    assert "volunteers" in fig.about


def test_offsets_order_and_score_range() -> None:
    text = (DATA / "seeds" / "000_a30e08b1d2274aad.txt").read_text(encoding="utf-8")
    figs = extract_figures(text)
    assert figs == sorted(figs, key=lambda f: f.start)
    for f in figs:
        assert text[f.start : f.end] == f.text
        assert 0.0 <= f.score <= 1.0
        assert f.bound in {"=", "~", ">", "<"}


def test_empty_text() -> None:
    assert extract_figures("") == []


# ---- the seed articles' hand-checked figures --------------------------------------------------


def test_seed_gold_figures() -> None:
    gold = yaml.safe_load((DATA / "seeds-gold.yaml").read_text(encoding="utf-8"))
    total = values = units = bounds = 0
    for article in gold["articles"]:
        figs = extract_figures((DATA / "seeds" / article["file"]).read_text(encoding="utf-8"))
        for g in article.get("figures", []):
            total += 1
            same_value = [f for f in figs if f.value == pytest.approx(g["value"])]
            values += bool(same_value)
            units += any(f.unit == g["unit"] for f in same_value)
            want = {"more-than": ">", "less-than": "<"}.get(g.get("bound", ""), "=")
            if g.get("approximate"):
                want = "~"
            bounds += any(f.unit == g["unit"] and f.bound == want for f in same_value)
    assert total == 23
    assert values >= 21
    assert units >= 21
    assert bounds >= 21


# ---- rules added from error analysis ------------------------------------------------------------


def test_attached_currency_codes() -> None:
    text = "The fund holds USD12m in bonds and RM4.80 per share in cash."
    _check(text, "USD12m", 12e6, "USD")
    _check(text, "RM4.80", 4.8, "MYR")


def test_million_or_metres_after_m() -> None:
    text = "The app has 3.1m monthly users and a 400m running track."
    _check(text, "3.1m monthly users", 3.1e6, "users")
    _check(text, "400m", 400, "m")


def test_sub_prefix_is_a_bound() -> None:
    text = "Chipmakers race to sub-3 nanometer nodes."
    _check(text, "sub-3 nanometer", 3, "nanometer", "<")


def test_spaced_year_old() -> None:
    text = "Divers found a 1,500 year-old wreck."
    _check(text, "1,500 year-old", 1500, "years of age")


def test_compared_with_takes_the_unit_compared() -> None:
    text = "Thieves took 310 bicycles this spring, compared with 95 a year earlier."
    figs = extract_figures(text)
    assert [(f.value, f.unit) for f in figs] == [(310, "bicycles"), (95, "bicycles")]


def test_bare_count_before_who_counts_people() -> None:
    text = "Officials counted 4,100 who had lost their homes."
    _check(text, "4,100", 4100, "people")


def test_or_shares_the_unit_of_the_second_number() -> None:
    text = "Lunch costs seven or eight euros."
    figs = extract_figures(text)
    assert [(f.value, f.unit) for f in figs] == [(7, "EUR"), (8, "EUR")]


def test_from_to_range_with_bare_high_end() -> None:
    text = "He slimmed from 110 kilograms to 92 over the winter."
    _check(text, "110 kilograms to 92", 110, "kilograms")


def test_bare_number_per_unit() -> None:
    text = "The clinic sees an average of 35 per day."
    _check(text, "35 per day", 35, "per day")


def test_model_names_are_not_figures() -> None:
    assert extract_figures("She upgraded from the Pixel 7 Pro to the 900 Supersonic.") == []


def test_single_lowercase_word_after_a_number_is_not_its_unit() -> None:
    text = "The new model is 12k cheaper than the old one."
    _check(text, "12k", 12000, None)


def test_year_before_a_plural_noun_after_a_preposition() -> None:
    fig = extract_figures("In 2017 most voters stayed home.")[0]
    assert (fig.value, fig.unit, fig.text) == (2017, "year", "2017")
