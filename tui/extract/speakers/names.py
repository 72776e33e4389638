"""Capitalised names in news text: the pattern of a name run, its title, and what kind of name
it is (a person's, an organisation's).

The word lists (titles, role nouns, organisation words, stop capitals) are vocabulary files; the
patterns built from them are compiled once, when this module is imported.
"""

from __future__ import annotations

import functools
import re

from tui.extract.speakers.genders import first_name_gender
from tui.extract.speakers.mention import Mention
from tui.extract.speakers.places import PLACES
from tui.extract.vocabulary import word_list, word_set

SP = r"[ \u00a0]+"


def _lower(*names: str) -> frozenset[str]:
    return frozenset(w.lower() for name in names for w in word_list(name))


_TITLE_ABBREVIATIONS = word_list("title_abbreviations")
ABBREV_TOKEN = rf"(?:{'|'.join(_TITLE_ABBREVIATIONS)})\."
# A dot that belongs to a title abbreviation ("Sen.", "Lt."), checked after the word is read
# (a look-behind has a fixed width: one per length).
_ABBREV_DOT = (
    "(?:"
    + "|".join(
        f"(?<={'|'.join(w for w in _TITLE_ABBREVIATIONS if len(w) == n)})"
        for n in sorted({len(w) for w in _TITLE_ABBREVIATIONS})
    )
    + r")\."
)
_TOKEN = (
    rf"(?:[A-Z]\.(?:[A-Z]\.)*|(?:al-|el-|bin-|abu-)?[A-ZÀ-Þ](?:[\w’'\-]*[\w])?"
    rf"(?:{_ABBREV_DOT})?)"
    r"(?![\w])(?![’'][\w])"  # a whole word; "Sanders' campaign" ends at its apostrophe
)
_PARTICLE = rf"(?:{'|'.join(word_list('name_particles'))})"
NAME_RUN = rf"{_TOKEN}(?:{SP}(?:{_PARTICLE}{SP})?{_TOKEN})*"
NAME_RUN_RE = re.compile(rf"(?=[A-ZÀ-Þ])(?<![\w’'-]){NAME_RUN}")
NAME_END_RE = re.compile(rf"(?<![\w’'.-]){NAME_RUN}$")
NAME_START_RE = re.compile(rf"{NAME_RUN}")
# A determiner opening a description: "the", "his", "one", "Norway's".
DET = (
    r"(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Oo]ur|[Oo]ne|[Aa]nother|[Tt]his|[Tt]hat|"
    r"[Ss]ome|[Ss]everal|[Mm]any|[Tt]wo|[Tt]hree|[A-Z][\w.\-]*['’]s)"
)
# A preposition ending a phrase, maybe with an article: a name after it is not a subject.
PREP_END_RE = re.compile(
    r"(?<![\w’'-])(?:of|for|at|from|with|to|by|about|in|on|inside|under|along|across|through|"
    r"outside|near|into|past|around|toward|towards|onto|down|behind|beside)"
    r"(?:\s+(?:the|a|an))?\s*$"
)
PREPOSITIONS = frozenset("of for at from with to by about in on inside under into".split())
_COMPOUND_ADJ_RE = re.compile(rf"-(?:{'|'.join(word_list('compound_adjective_suffixes'))})$")
_WORD_RE = re.compile(r"[A-Za-z][\w’'\-]*")

TITLE_WORDS = word_set("titles")
STOP_CAPS = word_set("stop_capitals")
ORG_WORDS = word_set("org_words")
ROLE_NOUNS = word_set("role_nouns")
# Weekdays and months, lower case: never the end of a name ("Acme Corp Monday").
TIME_CAPS = _lower("weekdays", "months")
# Words capitalised only in a headline, never inside a name: a run is cut before them
# ("John Leguizamo On How U.S. History Makes Latinos Feel", "CNN President On Trump").
_HEADLINE_WORDS = frozenset(
    "On How Why What Where When Into About With From Against Versus Vs Says Said Makes "
    "Wants Gets Is Are Was Were Should Has Have".split()
)
# Months that are also names: the last part of a name of three words ("Yin Myint May").
_NAME_MONTHS = frozenset({"april", "may", "june", "august"})
_DAY_AFTER_RE = re.compile(r"[ \u00a0]+\d")
_NOT_PERSON_LAST = word_set("non_person_last_words")
_NOT_PERSON_FIRST = word_set("non_person_first_words")
_GROUP_NOUN_RE = re.compile(r"[A-Z]\w+(?:ians|icans|ites)$")
# Titles of a person, never the first word of a body's name ("Premier Ontario" is no body).
_PERSONAL = frozenset(
    "mr mr. mrs mrs. ms ms. dr dr. sen sen. rep rep. gov gov. premier president mayor minister "
    "chief king queen prince princess lord lady sir".split()
)
# Capitalised words of a title that may stand alone before a first name ("Development Jean Ng").
_TITLE_LIKE = frozenset({"development", "affairs", "services", "relations", "resources"})
_NOT_ROLE_OPENERS = frozenset(
    {"while", "when", "after", "before", "speaking", "addressing", "in", "on", "at", "during"}
)


def _clean_token(tok: str) -> str:
    if tok.endswith(("’s", "'s")):
        tok = tok[:-2]
    if (
        tok.endswith(".")
        and len(tok) > 2
        and tok.lower() not in TITLE_WORDS
        and "." not in tok[:-1]
    ):
        tok = tok[:-1]
    return tok


@functools.lru_cache(maxsize=8192)
def split_title(run: str) -> tuple[str | None, str | None]:
    """'Foreign Minister Ishaq Dar' -> ('Foreign Minister', 'Ishaq Dar'); stop capitals dropped."""
    tokens = run.split()
    for k in range(len(tokens) - 2, -1, -1):
        if tokens[k].endswith(("’s", "'s")):
            tokens = tokens[k + 1 :]  # "China's Silk Road", "Ohio's Gov. X": the owner is not named
            break
    while tokens and tokens[0].lower() in STOP_CAPS:
        tokens.pop(0)
    for k in range(1, len(tokens)):
        if tokens[k] in _HEADLINE_WORDS:
            tokens = tokens[:k]
            break
    while (
        tokens
        and tokens[-1].lower().rstrip(".,") in TIME_CAPS
        and not (len(tokens) == 2 and first_name_gender(tokens[0]) is not None)
        and not (
            len(tokens) >= 3
            and tokens[-1].lower() in _NAME_MONTHS
            and not is_org_name(" ".join(tokens[:-1]))
        )
    ):
        tokens.pop()  # "Acme Corp Monday"; but "Theresa May" is a first name and a surname
    cut = 0
    for k in range(len(tokens) - 1):
        low = tokens[k].lower().rstrip(",")
        if low in TITLE_WORDS or low in ROLE_NOUNS:
            cut = k + 1
    if cut and (
        is_org_name(" ".join(tokens[cut:]))
        or (cut == len(tokens) - 1 and tokens[-1] in PLACES and tokens[0].lower() not in _PERSONAL)
    ):
        # "State Department", "Senate Judiciary Committee": an organisation's own name; "Health
        # Canada", "Transport Canada": a department named by its field and its country
        cut = 0
    if tokens and _COMPOUND_ADJ_RE.search(tokens[-1]):
        return None, None  # "Trump-style", "Obama-era": an adjective, not a name
    if not cut:
        cut = _first_name_start(tokens)
    title = " ".join(tokens[:cut]) or None
    name_tokens = [_clean_token(t) for t in tokens[cut:]]
    name = " ".join(t for t in name_tokens if t) or None
    if name and name.lower() in TITLE_WORDS | STOP_CAPS:
        return title, None
    if name and _ends_in_role(name_tokens):
        return title, None  # "NDP MP", "Ontario Premier": a description, nobody's name
    return title, name


def _ends_in_role(tokens: list[str]) -> bool:
    """Whether capitalised words end in a role with no first name before it: "Liberal MP",
    "Toronto Mayor"; not "Stephen King"."""
    last = tokens[-1].lower().rstrip(".,")
    return (
        len(tokens) >= 2
        and last in ROLE_NOUNS
        and not any(first_name_gender(t) for t in tokens[:-1])
    )


# Parties, as a person's role phrases write them: "Republican Sen. Ann Ng", "NDP MP Jo Ames".
PARTIES = frozenset(
    {"republican", "democratic", "independent", "libertarian"}
    # Canadian and British parties: "the Conservative MP" is not Liberal MP Marc Miller
    | {"liberal", "conservative", "ndp", "tory", "green", "bloc", "labour", "ucp", "caq", "pq",
       "snp", "pc"}
)
# Nouns for a member of a party: "the Wisconsin Republican" describes someone, it is no name.
PARTY_MEMBERS = frozenset(
    {"republican", "democrat", "liberal", "conservative", "tory", "libertarian"}
)
_PARTY_WORDS = PARTIES | PARTY_MEMBERS | {"gop"}
_PLACE_ADJECTIVES = word_set("place_adjectives")
# The first word of a place of two words: "New York", "North Dakota", "Rhode Island".
_PLACE_OPENERS = frozenset({"new", "north", "south", "west", "east"})
# Nouns for a person from a place ("the Canadian", "the Texan", "the New Yorker"), and the first
# words of the two-word ones ("Nova Scotian", "Puerto Rican").
DEMONYMS = word_set("demonyms")
_DEMONYM_OPENERS = _PLACE_OPENERS | {"nova", "puerto", "costa", "british", "rhode", "sri", "el"}


@functools.lru_cache(maxsize=8192)
def description_head(run: str) -> str | None:
    """The head noun, lower case, of capitalised words that describe someone instead of naming
    them: places, nationality adjectives, parties and roles, ending in a party member, a role or a
    nationality ("Wisconsin Republican", "Democratic Senator", "Ontario Premier", "American");
    None for anything else ("Stephen King", "Texas Monthly", "White House")."""
    tokens = [t.rstrip(".,") for t in run.split()]
    if not tokens:
        return None
    last = tokens[-1].lower()
    if not (
        last in PARTY_MEMBERS
        or last in ROLE_NOUNS
        or (last in _PLACE_ADJECTIVES and last.endswith("an"))  # "the American"
        or last in DEMONYMS  # "the Texan", "the Quebecer"
    ):
        return None
    for k, tok in enumerate(tokens[:-1]):
        low = tok.lower()
        if (
            tok in PLACES
            or low in _PLACE_ADJECTIVES
            or low in DEMONYMS
            or low in _PARTY_WORDS
            or low in ROLE_NOUNS
        ):
            continue
        nxt = tokens[k + 1]
        if low in _PLACE_OPENERS and (nxt in PLACES or nxt.lower() in _PLACE_ADJECTIVES):
            continue
        if low in _DEMONYM_OPENERS and nxt.lower() in DEMONYMS:
            continue
        return None
    return last


def _first_name_start(tokens: list[str]) -> int:
    """Where a known first name starts a person's name after other capitalised words of a long
    title ("Social Development Jean-Yves Duclos" from "Minister of Families, Children and Social
    Development Jean-Yves Duclos"); 0 when there is none or the words before are names too."""
    for k in range(1, len(tokens) - 1):
        if first_name_gender(tokens[k]) is None:
            continue
        before = tokens[:k]
        if any(first_name_gender(t) is not None for t in before) or is_org_name(" ".join(before)):
            return 0
        return k if len(before) >= 2 or before[0].lower() in _TITLE_LIKE else 0
    return 0


@functools.lru_cache(maxsize=8192)
def is_org_name(name: str) -> bool:
    words = name.split()
    if len(words) == 1 and len(name) > 1 and name.isupper():
        return True  # an acronym: FBI, NATO
    return any(w.lower().strip(".,’'") in ORG_WORDS for w in words)


@functools.lru_cache(maxsize=8192)
def looks_like_person(name: str) -> bool:
    """Whether a multi-word capitalised name could be a person's: not a place ("New Hampshire",
    "Fifth Avenue"), a publication ("Philippine Star"), a group ("New Yorkers") or a party
    member named by state ("the Wisconsin Republican")."""
    words = name.split()
    if words[0].lower() in _NOT_PERSON_FIRST or words[-1].lower() in _NOT_PERSON_LAST:
        return False
    if first_name_gender(name) is None and any(w in PLACES for w in words[:-1]):
        return False  # "Florida Republican", "Texas Monthly"; a surname may be a place
    last = words[-1].lower()
    if len(last) >= 8 and last.endswith("s") and last[:-1] in ROLE_NOUNS:
        # "Rural Advisers", "Young Veterans": a group named by its members (short plurals
        # are often surnames: "Cooks", "Wolfs")
        return first_name_gender(name) is not None
    return not _GROUP_NOUN_RE.fullmatch(words[-1])


@functools.lru_cache(maxsize=8192)
def _run_parts(run: str) -> tuple[int, str | None, str | None]:
    """(characters of leading stop capitals to skip, title, name) of a capitalised run."""
    title, name = split_title(run)
    lead = 0
    if name is not None:
        for tok in run.split():
            if tok.lower() not in STOP_CAPS:
                break
            lead = run.index(tok, lead) + len(tok)
        while lead < len(run) and run[lead] in " \u00a0":
            lead += 1
    return lead, title, name


def mention_from_run(text: str, start: int, end: int, role: str | None) -> Mention | None:
    """The name mention of the capitalised run at text[start:end], its title and role kept."""
    if _DAY_AFTER_RE.match(text, end):
        last = text.rfind(" ", start, end)
        if last > start and text[last + 1 : end].lower() in TIME_CAPS:
            end = last  # "Ann Ng May 5 said": a date after the name
    lead, title, name = _run_parts(text[start:end])
    if name is None:
        return None
    s = start + lead
    roles = [r for r in (title, role) if r]
    return Mention(s, end, text[s:end], "name", name, "; ".join(roles) or None)


def is_role_phrase(s: str) -> bool:
    """Whether a phrase beside a name gives their role: "the mayor", "Ohio's treasurer"."""
    first = s.split(maxsplit=1)[0].lower() if s else ""
    if first in {"the", "a", "an"} or first in ROLE_NOUNS or first.endswith(("’s", "'s")):
        return True
    words = s.lower().split()
    return (
        len(words) <= 8 and any(w in ROLE_NOUNS for w in words) and first not in _NOT_ROLE_OPENERS
    )


_PEOPLE_PLURALS = word_set("people_plurals")
# A number of people: "about 200 protesters", "Hundreds of teachers", "More than 1,000 nurses".
QUANTITY_PEOPLE = (
    r"(?:(?:[Aa]bout|[Ss]ome|[Nn]early|[Aa]lmost|[Mm]ore[ \u00a0]+than|[Oo]ver|[Rr]oughly|"
    r"[Aa]round|[Uu]p[ \u00a0]+to)[ \u00a0]+)?"
    r"(?:\d[\d,]*|[Hh]undreds|[Dd]ozens|[Tt]housands|[Ss]cores|"
    r"[Tt]ens[ \u00a0]+of[ \u00a0]+thousands)"
    r"(?:[ \u00a0]+of)?(?:[ \u00a0]+[a-z][\w\-]*){0,2}?[ \u00a0]+([a-z]+s)"
)


def people_plural(word: str) -> bool:
    """A plural noun for people: "protesters", "teachers", "residents"."""
    low = word.lower()
    return low in _PEOPLE_PLURALS or (low.endswith("s") and low[:-1] in ROLE_NOUNS)


# Words after which a description has ended and a verb phrase or clause begun: "The email goes
# on to say", "a reporter can be heard", "the base chief known as Bob".
_DESCRIPTION_END = frozenset(
    "is was are were be been being has have had can could will would may might must should "
    "goes go went known speaking familiar involved who which that whose to".split()
)


def description_words(text: str) -> str:
    """An unnamed speaker's description as written, up to where its noun phrase ends: "The
    email goes on to" gives "The email"."""
    words = text.split()
    for k in range(2, len(words)):
        if words[k].lower().strip(",") in _DESCRIPTION_END:
            return " ".join(words[:k]).rstrip(",")
    return " ".join(words)


def content_words(s: str) -> set[str]:
    return {w.lower().rstrip(".") for w in _WORD_RE.findall(s)} - STOP_CAPS
