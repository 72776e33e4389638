"""The noun phrase ending right before a verb: the subject in "Ahmad said", "the former
president, Bill Clinton, said", "Jane Doe, a spokeswoman for X, said", "..., who said".

Reads backwards from the verb, dropping adverbs, times and party tags between the subject and
the verb; a name inside a prepositional phrase ("Pollak of Breitbart") gives way to the phrase's
head.
"""

from __future__ import annotations

import re

from tui.extract.speakers.genders import first_name_gender
from tui.extract.speakers.mention import PERSON_PRONOUNS, Mention
from tui.extract.speakers.names import (
    DEMONYMS,
    DET,
    NAME_END_RE,
    NAME_START_RE,
    PREP_END_RE,
    PREPOSITIONS,
    QUANTITY_PEOPLE,
    ROLE_NOUNS,
    SP,
    STOP_CAPS,
    TITLE_WORDS,
    description_head,
    is_org_name,
    is_role_phrase,
    mention_from_run,
    people_plural,
)
from tui.extract.speakers.places import PLACES
from tui.extract.vocabulary import word_list, word_set

_DESC_END_RE = re.compile(rf"(?<![\w’'-]){DET}(?:{SP}[\w’'.\-]+){{0,5}}?{SP}([a-z][\w\-]*)$")
# A longer description ending in a role noun: "the independent Maine senator and Green party
# candidate".
_LONG_DESC_END_RE = re.compile(rf"(?<![\w’'-]){DET}(?:{SP}[\w’'.\-]+){{6,8}}?{SP}([a-z][\w\-]*)$")
_QUANTITY_END_RE = re.compile(rf"(?<![\w’'-]){QUANTITY_PEOPLE}$")
_TITLE_BEFORE_PREP_RE = re.compile(rf"(?:{'|'.join(word_list('titles_before_of'))})\s*$")
_NONSPACE_RE = re.compile(r"\S+")
_PARTY_TAG_RE = re.compile(r"[RDI]-[A-Z][\w.]*\.?")
_AGE_RE = re.compile(r"\d{1,3}")
_ROLE_WORD_RE = re.compile(r"[\w\-’'.]+")
_ROLE_STOP = frozenset(
    {"the", "a", "an", "said", "says", "and", "to", "his", "her", "their", "its"}
)
_LEADING_DET_RE = re.compile(
    r"(?<![\w’'])(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[A-Z][\w.\-]*['’]s)[ \u00a0]+$"
)
# A determiner and lower-case modifiers before a demonym: "the 19-year-old Canadian".
_DET_MODIFIERS_RE = re.compile(
    r"(?<![\w’'-])(?:[Tt]he|[Aa]n?)(?:[ \u00a0]+(?!said\b|says\b)[a-z0-9][\w\-]*){1,2}"
    r"[ \u00a0]+$"
)
# A preposition right before a name, no determiner between: "from Mike Lee", not "for the
# Wisconsin Republican".
_BARE_PREP_END_RE = re.compile(r"(?<![\w’'-])(?:of|for|at|from|with|to|by|about|in|on)\s+$")
_PASSIVE_BY_RE = re.compile(r"[a-z](?:ed|en)(?:[ \u00a0]+[A-Za-z]+)?[ \u00a0]+by$")
_TRAILING_TAG_RE = re.compile(r"[ \u00a0]*\([^()]{1,24}\)$")
# A place after a preposition, ending before a comma: "a farmer from Monsey" (then ", New York,").
_PLACE_PP_END_RE = re.compile(
    r"(?<![\w’'-])(?:from|of|in|near)[ \u00a0]+[A-Z][\w.\-]*(?:[ \u00a0]+[A-Z][\w.\-]*){0,2}$"
)
_TRAIL_WORDS = word_set("trailing_words")
# Nouns for a place: a name set after them in commas is the place's ("the capital, Ottawa,").
_PLACE_NOUNS = frozenset(
    "capital city town village province state country region county district suburb "
    "neighbourhood neighborhood island".split()
)
_WHO_CLAUSE_RE = re.compile(r",[ \u00a0]+(?:who|whose)\b")
_TIME_WORDS = frozenset(
    w.lower() for name in ("weekdays", "time_words", "months") for w in word_list(name)
)
_TIME_PREPS = frozenset("on last this next late early in at".split())
# Speakers that are never a named person here: a document ("it reads"), the writer ("I said").
_NON_PERSON_PRONOUNS = frozenset({"it", "It", "I", "we", "We"})
_BARE_NOUN_RE = re.compile(r"[a-z][a-z\-]{2,}s")  # "officials", "critics"
_NOT_NOUNS = word_set("function_words")
# Nouns spelt like adverbs in -ly: "A Trump ally said", "the family said" keep their head.
_LY_NOUNS = frozenset({"ally", "family", "assembly", "daily", "bully"})


def _strip_trailing(s: str) -> str:
    """Drop adverbs, times and parentheses between a subject and its verb: 'Reid (D-Nev.) on
    Tuesday also' -> 'Reid'. Works word by word from the end (a regex anchored at the end would
    be tried at every position)."""
    while True:
        s = s.rstrip()
        if s.endswith(")"):
            k = s.rfind("(", max(0, len(s) - 70))
            if k < 0 or ")" in s[k:-1]:
                return s
            s = s[:k]
            continue
        cut = s.rfind(" ")
        last = s[cut + 1 :]
        low = last.lower()
        if (low in _TRAIL_WORDS and (last.islower() or not _capitalised_name_before(s, cut))) or (
            low.endswith("ly") and last.islower() and len(low) > 3 and low not in _LY_NOUNS
        ):
            s = s[: cut + 1] if cut >= 0 else ""
            continue
        if low in _TIME_WORDS:
            s = s[: cut + 1] if cut >= 0 else ""
            before = s.rstrip()
            k = before.rfind(" ")
            if before[k + 1 :].lower() in _TIME_PREPS:
                s = before[: k + 1] if k >= 0 else ""
            continue
        return s


def _capitalised_name_before(s: str, cut: int) -> bool:
    """Whether a capitalised word at s[cut + 1:] is a name spelt like a modal or adverb: after
    a first name ("George Will", "Theresa May") or right after a quotation ("...,” Will wrote")."""
    prev = s[:cut].rstrip()
    if prev.endswith(("”", '"', ",", "¤")):
        return True
    word = prev[prev.rfind(" ") + 1 :]
    return (
        word[:1].isupper()
        and word.isalpha()
        and word.lower() not in STOP_CAPS
        and word.lower() not in TITLE_WORDS
    )


def subject_before(text: str, lo: int, hi: int, depth: int = 0) -> Mention | None:
    """The noun phrase ending at hi (the subject of a verb that starts at hi)."""
    lo = max(lo, hi - 160)
    s = _strip_trailing(text[lo:hi].rstrip())
    if not s:
        return None
    end = lo + len(s)
    if s.endswith(",") and depth < 2:
        return _appositive_subject(text, lo, end, depth)
    cut = s.rfind(" ") + 1
    last = s[cut:]
    if last in PERSON_PRONOUNS or last in _NON_PERSON_PRONOUNS:
        return Mention(lo + cut, end, last, "pronoun")
    if last == "who" and depth < 2:
        return _relative_antecedent(text, lo, lo + len(s[:cut].rstrip()), depth)
    # End-anchored patterns are searched in a short tail only: they are tried at every position.
    tail_at = max(0, len(s) - 90)
    tail = s[tail_at:]
    base = lo + tail_at
    if last[:1].isupper() or last[:1] in "ÀÁÂÄÉÈÍÓÖÚÜ":
        m = NAME_END_RE.search(tail)
        if m:
            named = _name_or_pp_head(text, lo, base + m.start(), end, depth)
            if named is None or (named.kind == "name" and named.start >= base + m.start()):
                desc = _described_by_capitals(text, lo, base + m.start(), end)
                if desc is not None:
                    return desc
            if named is not None or last.lower().rstrip(".") not in ROLE_NOUNS:
                return named
            # "the NDP MP said": a capitalised role, a description of someone
            dm = _LEADING_DET_RE.search(text, max(lo, base + m.start() - 12), base + m.start())
            at = dm.start() if dm else base + m.start()
            return Mention(at, end, text[at:end], "desc", head=last.lower().rstrip("."))
    if last[:1].islower() and last not in _NOT_NOUNS:
        qm = _QUANTITY_END_RE.search(tail)
        if qm is not None and people_plural(qm.group(1)):  # "about 200 protesters chanted"
            return Mention(base + qm.start(), end, tail[qm.start() :], "desc", head=qm.group(1))
        m = _DESC_END_RE.search(tail)
        if m is None and last in ROLE_NOUNS:
            m = _LONG_DESC_END_RE.search(tail)
        if m:
            return _desc_or_pp_head(text, lo, base + m.start(), end, m.group(1), depth)
        if (
            len(last) > 3
            and last.endswith("s")
            and last not in _NOT_NOUNS
            and _BARE_NOUN_RE.fullmatch(last)
        ):
            pre = s[:cut].rstrip()
            if not pre or pre[-1] in ",;:—–(" or pre.endswith((" and", " but")):
                return Mention(lo + cut, end, last, "desc", head=last)
            if people_plural(last) and NAME_START_RE.fullmatch(pre.lstrip(" ,:;—–")):
                # "Ontario nurses say": people named by their place or party, no one by name
                at = lo + len(s) - len(s.lstrip(" ,:;—–"))
                return Mention(at, end, text[at:end], "desc", head=last)
    return None


_RUN_DETERMINERS = frozenset({"The", "A", "An", "This", "That"})


def _described_by_capitals(text: str, lo: int, start: int, end: int) -> Mention | None:
    """A determiner and capitalised words that describe someone, not name them: "the Wisconsin
    Republican", "The Democratic Senator", "Ontario's Premier", "the American"; None when no
    determiner stands before the words, or they are after a preposition."""
    words = text[start:end].split()
    at = start
    if len(words) >= 2 and (words[0] in _RUN_DETERMINERS or words[0].endswith(("’s", "'s"))):
        words = words[1:]  # "The Wisconsin Republican said", at a sentence's start
    else:
        dm = _LEADING_DET_RE.search(text, max(lo, start - 12), start)
        if dm is None and words and words[-1].lower() in DEMONYMS:
            dm = _DET_MODIFIERS_RE.search(text, max(lo, start - 40), start)  # "the 19-year-old"
        if dm is None:
            return None
        at = dm.start()
    head = description_head(" ".join(words))
    if head is None or PREP_END_RE.search(text, max(lo, at - 16), at):
        return None
    return Mention(at, end, text[at:end], "desc", head=head)


def _relative_antecedent(text: str, lo: int, hi: int, depth: int) -> Mention | None:
    """Who speaks in '..., who said': the noun phrase before 'who' ("Dianne Feinstein, the
    ranking Democrat, who said"), or the name right before it even inside a prepositional
    phrase ("an endorsement from Mike Lee, who declared"): a relative clause follows the noun
    it describes."""
    comma = text.endswith(",", lo, hi)
    inner = hi - 1 if comma else hi
    nm = NAME_END_RE.search(text, max(lo, inner - 90), inner)
    if nm is not None and _BARE_PREP_END_RE.search(text, max(lo, nm.start() - 16), nm.start()):
        named = mention_from_run(text, nm.start(), nm.end(), None)
        if named is not None:
            return named
    if not comma:
        return None
    return subject_before(text, lo, hi, depth + 1)


def _name_or_pp_head(text: str, lo: int, start: int, end: int, depth: int) -> Mention | None:
    """A name ending the subject, unless inside a prepositional phrase ('Pollak of Breitbart')."""
    pre = text[lo:start]
    pm = PREP_END_RE.search(pre)
    if pm and _TITLE_BEFORE_PREP_RE.search(pre, 0, pm.start()):
        pm = None  # "Chief of Staff Katie Walsh", "Secretary of State John Kerry": a title
    elif pm and _PASSIVE_BY_RE.search(pre, 0, pm.start() + 2):
        pm = None  # "defended by Rosa Imbert, ..., who said": the passive's agent
    if pm:
        if depth >= 3:
            return None  # a name inside a prepositional phrase is never the subject itself
        head = subject_before(text, lo, lo + pm.start(), depth + 1)
        if head is not None and head.kind != "pronoun":
            head.end = end
            head.text = text[head.start : end]
            return head
        return None
    found = _role_words_before(pre)
    mention = mention_from_run(text, start, end, None)
    if mention is None:
        return None
    np_start = start
    if found:
        role = found[0]
        mention.role = f"{role} {mention.role}" if mention.role else role
        mention.text = text[start:end]
        np_start = lo + found[1]
    dm = _LEADING_DET_RE.search(text, lo, np_start)
    if dm:
        np_start = dm.start()
    if np_start < mention.start:
        mention.np_start = np_start
    return mention


def _role_words_before(pre: str) -> tuple[str, int] | None:
    """Words right before a name that end in a role noun ('presidential candidate'), and their
    offset in pre."""
    words = [(m.group(), m.start()) for m in _NONSPACE_RE.finditer(pre, max(0, len(pre) - 80))]
    words = words[-5:]
    if not words or words[-1][0].lower() not in ROLE_NOUNS:
        return None
    start = len(words) - 1
    while (
        start > 0
        and _ROLE_WORD_RE.fullmatch(words[start - 1][0])
        and words[start - 1][0].lower() not in _ROLE_STOP
    ):
        start -= 1
    return " ".join(w for w, _ in words[start:]), words[start][1]


def _desc_or_pp_head(
    text: str, lo: int, start: int, end: int, head: str, depth: int
) -> Mention | None:
    pre = text[lo:start]
    pm = PREP_END_RE.search(pre)
    if pm and depth < 3:
        outer = subject_before(text, lo, lo + pm.start(), depth + 1)
        if outer is not None and outer.kind != "pronoun":
            outer.end = end
            outer.text = text[outer.start : end]
            return outer
    return Mention(start, end, text[start:end], "desc", head=head)


def _appositive_subject(text: str, lo: int, end: int, depth: int) -> Mention | None:
    """'Jane Doe, a spokeswoman for X,' / 'the nominee, Donald Trump,' / 'Ahmad, while ...,'"""
    inner_end = end - 1
    comma = text.rfind(",", lo, inner_end)
    if comma < 0:
        return subject_before(text, lo, inner_end, depth + 1)
    inner = text[comma + 1 : inner_end].strip()
    inner_start = text.index(inner, comma + 1) if inner else inner_end
    tag = _TRAILING_TAG_RE.search(inner)
    if tag and tag.start() > 0:
        inner = inner[: tag.start()]  # "Gov. Ann Hale (R-Ohio),": the name before its tag
    head = subject_before(text, lo, comma, depth + 1)
    if _PARTY_TAG_RE.fullmatch(inner) or _AGE_RE.fullmatch(inner):
        return head  # "Jason Chaffetz, R-Utah," / "Harry Bolt, 30,"
    run = NAME_START_RE.fullmatch(inner) if inner else None
    if run and _PLACE_PP_END_RE.search(text, max(lo, comma - 60), comma):
        # "Ann Ode, a farmer from Monsey, New York,": the rest of the address
        return subject_before(text, lo, comma + 1, depth + 1) or head
    if (
        run
        and head is not None
        and head.kind == "desc"
        and head.head in _PLACE_NOUNS
        and _is_place(inner)
    ):
        # "a nurse from the capital, Ottawa,": the name is the place's, the person is before it
        return _before_preposition(head)
    if run and not is_org_name(inner):
        ante = _relative_clause_antecedent(text, lo, comma, depth)
        if ante is not None:
            return ante
        named = mention_from_run(text, inner_start, inner_start + len(inner), None)
        if named is not None:
            if head is not None and head.kind == "desc":
                named.role = head.text
                named.np_start = head.start
            return named
    if head is None:
        return None
    if head.kind == "name" and is_role_phrase(inner):
        head.role = f"{head.role}; {inner}" if head.role else inner
    return head


def _is_place(run: str) -> bool:
    """A known place, or a single word that is no known first name ("the town, Dunmore,")."""
    tokens = run.split()
    return all(t in PLACES for t in tokens) or (
        len(tokens) == 1 and first_name_gender(run) is None
    )


def _before_preposition(head: Mention) -> Mention | None:
    """'A nurse from the capital' -> 'A nurse': the person a place phrase describes."""
    words = head.text.split()
    k = next((i for i, w in enumerate(words) if i > 0 and w.lower() in PREPOSITIONS), 0)
    if k < 2:
        return None
    desc = " ".join(words[:k])
    return Mention(head.start, head.start + len(desc), desc, "desc", head=words[k - 1].lower())


def _relative_clause_antecedent(text: str, lo: int, comma: int, depth: int) -> Mention | None:
    """'Ann Ng, who lives near the capital, Ottawa, said': a name set in apposition inside a
    relative clause belongs to that clause; the verb after the clause's closing comma is said
    by the name the clause describes."""
    if depth >= 2:
        return None
    opened = [m.start() for m in _WHO_CLAUSE_RE.finditer(text, lo, comma)]
    if not opened:
        return None
    ante = subject_before(text, lo, opened[-1], depth + 1)
    return ante if ante is not None and ante.kind == "name" else None
