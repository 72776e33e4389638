"""The vocabulary the figure rules lean on: currencies, units, bound words, stop words, months.

Every list is a data file in :mod:`tui.extract.vocabulary`, read once a process, at import; this
module gives each one a name and a type. Keys are lower case unless a comment says otherwise.
"""

from __future__ import annotations

from tui.extract.figures.figure import FigureBound
from tui.extract.vocabulary import table, word_list, word_set

#: Currency written before the amount, as it appears in text (matched case-sensitively) -> ISO code.
CURRENCY_PREFIXES: dict[str, str] = table("currency_prefixes")
#: Currency prefixes that need a digit straight after them (no space), because as words they are
#: ordinary text ("Rs" aside, "RM" and "PS" are common abbreviations).
TIGHT_PREFIXES: frozenset[str] = word_set("currency_tight_prefixes")
#: Currency signs and abbreviations written right after the amount ("50€", "20 kr") -> ISO code.
CURRENCY_AFTER: dict[str, str] = table("currency_after")
#: Currency words written after the amount -> ISO code.
CURRENCY_WORDS: dict[str, str] = table("currency_words")

#: Units of measure abbreviated after a number (case-sensitive keys) -> the unit as output.
MEASURE_ABBREVIATIONS: dict[str, str] = table("units_abbreviations")
#: Abbreviations that may follow the number with a space; the rest must be attached ("5kW").
SPACED_ABBREVIATIONS: frozenset[str] = word_set("units_spaced_abbreviations")
#: Abbreviations that are also words or letters, never units after a space ("5 m", "3 in").
AMBIGUOUS_ABBREVIATIONS: frozenset[str] = word_set("units_ambiguous_abbreviations")
#: Words of size or distance after a measure ("30 m wide"): the abbreviation before is a unit.
DIMENSION_WORDS: frozenset[str] = word_set("figure_dimension_words")
#: Plural names of races in metres ("the 400m hurdles"): the "m" before them is metres.
METRE_EVENTS: frozenset[str] = word_set("figure_metre_events")
#: Units of measure spelled out (singular or plural).
MEASURE_WORDS: frozenset[str] = word_set("units_words")
#: Units of length that "square" or "cubic" before them make units of area or volume.
AREA_WORDS: frozenset[str] = word_set("figure_length_units")
#: Words before a number with "m" and no noun after it that make the "m" metres.
LENGTH_CONTEXT: frozenset[str] = word_set("figure_length_context")
#: Words naming a step on a scale: "Category 4", "a 7.8-magnitude quake".
SCALE_STEPS: frozenset[str] = word_set("figure_scale_steps")
#: Units of time -> their plural; durations are always plural, "year" is for calendar years.
TIME_UNITS: dict[str, str] = table("units_time")
#: Nouns after "per", "a" or "each" that make a measure a rate, besides the units of time.
RATE_NOUNS: frozenset[str] = frozenset({*TIME_UNITS, *word_list("units_rate_nouns")})
#: Words that may end a hyphenated unit ("30-year-old", "5-mile-long"), in pattern order.
HYPHEN_UNIT_SUFFIXES: tuple[str, ...] = word_list("units_hyphen_suffixes")

MONTHS: frozenset[str] = frozenset(
    {m.lower() for m in word_list("months")} | word_set("month_abbreviations")
)
WEEKDAYS: frozenset[str] = frozenset(d.lower() for d in word_list("weekdays"))
#: Time zones after a time of day ("1500 GMT"), in pattern order.
TIME_ZONES: tuple[str, ...] = word_list("time_zones")

#: Words after which a four-digit number is a calendar year ("in 1947", "since 1960").
YEAR_PREPOSITIONS: frozenset[str] = word_set("year_prepositions")
#: Words that make a number a year even before a plural noun ("in 2021 most people").
YEAR_STRONG: frozenset[str] = word_set("year_strong_words")
#: Era marks before a year ("AD 800"), lower case, final dot dropped.
YEAR_ERAS: frozenset[str] = word_set("year_era_words")

#: Bound words written before the number, matched longest first. "=" is never listed.
BOUNDS_BEFORE: dict[str, FigureBound] = {
    k: FigureBound(v) for k, v in table("bounds_before").items()
}
#: Bound words written after the number (and its unit).
BOUNDS_AFTER: dict[str, FigureBound] = {
    k: FigureBound(v) for k, v in table("bounds_after").items()
}
#: Words before "over" or "under" that make them a bound on a duration ("for over two years").
DURATION_BOUND_WORDS: frozenset[str] = word_set("bounds_duration_words")
#: Phrases that compare a bare number with an earlier figure ("compared with 63"), in order.
COMPARISON_PHRASES: tuple[str, ...] = word_list("comparison_phrases")

#: Words that end the noun phrase after a number; they are never its head.
STOP_WORDS: frozenset[str] = word_set("figure_stop_words")
#: Words ending in -ly or -ed or -ing that are nouns and may head a phrase.
NOUN_EXCEPTIONS: frozenset[str] = word_set("figure_noun_exceptions")
#: Plurals without a final -s, so that the head noun is known to end there.
IRREGULAR_PLURALS: frozenset[str] = word_set("figure_irregular_plurals")
#: Adjectives and participles that stand for the people in that state after a number ("left
#: 5,000 homeless", "200 dead and 1,000 injured"): what the number counts.
PEOPLE_STATES: frozenset[str] = word_set("figure_people_states")
#: Nouns that name places; "two from Pakistan" does not count what "32 countries" counts.
PLACE_NOUNS: frozenset[str] = word_set("figure_place_nouns")
#: Words of winning and losing that make "3-1" a score, not a quantity or a range.
SCORE_WORDS: frozenset[str] = word_set("score_words")
#: Words that may be joined to a number by a hyphen without making it a code ("sub-7", "mid-2019").
WORD_PREFIXES: tuple[str, ...] = word_list("figure_word_prefixes")
#: Nouns in -er that a hyphenated number names one thing with ("an 18-wheeler", "a two-seater").
NUMBER_NOUNS: frozenset[str] = word_set("figure_number_nouns")
#: Irregular past tenses that end a singular noun phrase ("one horse won").
PAST_VERBS: frozenset[str] = word_set("figure_past_verbs")
