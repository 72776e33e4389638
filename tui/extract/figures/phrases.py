"""The words around a number: the tokens just before it, and the noun phrase after it.

:func:`head_noun` reads what a number counts ("235,000 Pakistani peacekeepers" -> "peacekeepers");
the helpers look back by whitespace-separated tokens, which keeps the cost per number small and
independent of how many bound words or prepositions there are.
"""

from __future__ import annotations

import re

from tui.extract.figures.numbers import NUMBER_WORDS_RE
from tui.extract.figures.words import (
    IRREGULAR_PLURALS,
    MONTHS,
    NOUN_EXCEPTIONS,
    PAST_VERBS,
    STOP_WORDS,
    TIME_UNITS,
)

#: A word (letters with inner apostrophes, dots, dashes or "&") or one other character.
#: Dotted abbreviations keep their last dot: "U.S.", "St. Louis"; model codes are one word
#: ("A321neo", "F35").
WORD_RE = re.compile(
    r"[A-Z]{1,3}\d+[a-z]*(?![\w-])|(?:[A-Za-z]\.){2,}|[A-Z][a-z]\.(?=\s[A-Z])|[A-Za-z][A-Za-z'’&.-]*[A-Za-z]|[A-Za-z]|\S"
)
_NONSPACE_RE = re.compile(r"\S+")
#: Punctuation stripped from a neighbouring word before looking it up.
PUNCT = "\"'“”‘’()[]{},;:!?"
#: Units of time, singular, plural or abbreviated -> the plural used in output.
TIME_LOOKUP: dict[str, str] = {**{v: v for v in TIME_UNITS.values()}, **TIME_UNITS}
#: Words between a number and what it counts that are stop words elsewhere ("200 more troops").
_LEADING_MODIFIERS = frozenset({"most", "least", "more", "other", "fewer", "further"})


def is_plural(word: str) -> bool:
    w = word.lower()
    if w in IRREGULAR_PLURALS:
        return True
    return len(w) > 2 and w.endswith("s") and not w.endswith(("ss", "us", "is", "'s", "’s"))


def can_head(word: str) -> bool:
    """Whether a word can be the head noun of a counted phrase (verbs and adverbs cannot)."""
    w = word.lower()
    if w in NOUN_EXCEPTIONS:
        return True
    if w.endswith(("ly", "ed", "ing", "est")) and len(w) > 4:
        return False
    return not w.endswith(("'s", "’s"))


def pluralise(word: str) -> str:
    if word.lower() in TIME_LOOKUP:
        return TIME_LOOKUP[word.lower()]
    if not word.isalpha() or not word.islower() or len(word) < 3 or is_plural(word):
        return word
    if word.endswith("y") and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if word == "foot":
        return "feet"
    return word + "s"


def skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    return pos


def _continues_phrase(text: str, word: str, nxt: re.Match[str], in_list: bool) -> bool:
    """After a plural, whether the noun phrase goes on: a list of modifiers already open
    ("military, police, and civilian peacekeepers", not "3.5m people, and sales") or an
    acronym's possessive without its apostrophe ("the UNs oldest missions")."""
    tok = nxt.group()
    if tok == "," or tok.lower() in ("and", "or"):
        if not in_list:
            return False
        after = WORD_RE.match(text, skip_space(text, nxt.end()))
        if after and after.group().lower() in ("and", "or"):
            after = WORD_RE.match(text, skip_space(text, after.end()))
        return bool(
            after and after.group()[0].isalpha() and after.group().lower() not in STOP_WORDS
            and word.lower() in IRREGULAR_PLURALS
            and not NUMBER_WORDS_RE.match(after.group())  # "people and two hundred homes"
        )
    if not (tok.isalpha() and tok.islower() and tok not in STOP_WORDS):
        return False
    if word[0].isupper() and not word.isupper() and is_plural(tok) and can_head(tok):
        return True  # a name that looks plural before the noun: "27 World Series titles"
    return word[:-1].isupper() and len(word) > 2


def head_noun(text: str, pos: int) -> tuple[str, int, bool] | None:
    """The head noun of the phrase starting at ``pos``: (noun, end, plural).

    Skips modifiers ("235,000 Pakistani peacekeepers"), lists of them ("57 military, police, and
    civilian peacekeepers") and stops at the first word that cannot be inside the noun phrase.
    """
    run: list[tuple[str, int]] = []
    committed: list[tuple[str, int]] = []  # the run before an open list (comma, "and"), if any
    open_list = False
    limit = min(len(text), pos + 160)
    plural = False
    skipped_adverb = False
    for m in WORD_RE.finditer(text, pos, limit):
        tok = m.group()
        if tok == ",":
            if not run or (open_list and not committed):
                break
            if not open_list:
                committed = list(run)
            open_list = True
            continue
        if not tok[0].isalpha():
            if (tok.isdigit() or (tok == "-" and text[m.end() : m.end() + 1].isdigit())) and (
                run and run[-1][0][0].isupper()
            ):
                continue  # a name with a number in it: "63,000 Model 3 sedans", "Covid-19 cases"
            break
        low = tok.lower()
        if not run and low in _LEADING_MODIFIERS:
            # "one of the most visible ... instruments", "200 more troops", "40 other people"
            continue
        if low in ("and", "or", "&"):
            if not run or (is_plural(run[-1][0]) and not open_list):
                break
            if not open_list:
                committed = list(run)
            open_list = True
            continue
        adverb = low.endswith("ly") and low not in NOUN_EXCEPTIONS
        if adverb and not run and not skipped_adverb and low not in STOP_WORDS:
            skipped_adverb = True  # "600 mostly low-income students", if a plural follows
            continue
        if (low in STOP_WORDS and not (len(tok) > 1 and tok.isupper())) or adverb:
            # "US" and "IT" in capitals are names, not the pronoun or the word
            break
        if low in MONTHS and tok[0].isupper() and not run:
            break
        if low in PAST_VERBS and run and run[-1][0].islower():
            break  # "one horse won": the verb of the clause, after the noun
        run.append((tok, m.end()))
        if is_plural(tok) and can_head(tok):
            nxt = WORD_RE.match(text, skip_space(text, m.end()))
            if nxt and _continues_phrase(text, tok, nxt, open_list):
                if nxt.group() == "," or nxt.group().lower() in ("and", "or"):
                    if not open_list:
                        committed = list(run)
                    open_list = True
                    # the list goes on after the separator, read by the next iterations
                continue
            plural = True
            open_list = False
            break
        if len(run) >= 5:
            break
    if open_list:
        run = committed
    while run and not can_head(run[-1][0]):
        run.pop()
    if not run or (skipped_adverb and not plural):
        return None
    if not plural and any(not can_head(w) and w.endswith("ed") for w, _ in run[:-1]):
        return None  # "150 gathered outside": a verb, then an adverb or a preposition
    word, end = run[-1]
    return word, end, plural and word == run[-1][0]


#: A number inside a noun phrase, after at most one adjective: "of the 20 largest banks", "of the
#: combined 4.3M digital sales". What the outer figure counts is the noun after it.
_INNER_NUMBER_RE = re.compile(
    r"\s*(?:[a-z]+\s+)?\d[\d,]*(?:\.\d+)?(?:[A-Za-z]{1,2}\b|\s+(?:thousand|million|billion)\b)?"
    r"(?=\s+[a-z])"
)


def past_inner_number(text: str, pos: int) -> int:
    """Where the noun phrase at ``pos`` goes on after a number inside it (``pos`` if none)."""
    m = _INNER_NUMBER_RE.match(text, pos)
    return m.end() if m else pos


def tokens_before(text: str, pos: int, n: int) -> list[re.Match[str]]:
    """The last ``n`` whitespace-separated tokens before ``pos``, nearest last.

    Looking back by tokens instead of searching with end-anchored patterns keeps the cost per
    number small and independent of the patterns' size.
    """
    return list(_NONSPACE_RE.finditer(text, max(0, pos - 12 * n - 8), pos))[-n:]


def prev_word(text: str, pos: int) -> str:
    """The word just before ``pos`` (separated by whitespace), lower case, without punctuation."""
    toks = tokens_before(text, pos, 1)
    if not toks or toks[0].end() == pos:
        return ""
    return toks[0].group().strip(PUNCT).lower()


def words_after(text: str, pos: int, limit: int) -> list[str]:
    """Up to ``limit`` words from ``pos``, stopping at punctuation, without trailing stop words."""
    words: list[str] = []
    for m in WORD_RE.finditer(text, pos, min(len(text), pos + 80)):
        tok = m.group()
        if not tok[0].isalpha() or len(words) >= limit:
            break
        words.append(tok)
    while words and words[-1].lower() in STOP_WORDS:
        words.pop()
    return words
