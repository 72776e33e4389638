"""Matching a description ("the former president", "the Florida senator") to a person's roles.

A person's roles are read from where the article names them: the title in the name ("Sen. Marco
Rubio"), the words right before it ("former President Bill Clinton", "Republican presidential
nominee Donald Trump"), an appositive after it ("Bill Clinton, the former president,") and a party
tag ("Marco Rubio (R-Fla.)"). A description matches a role phrase that contains its head noun (or
an alias: "senator" / "Sen."), unless the phrase ranks differently ("Vice President", "press
secretary" for "the president", "the secretary"); its other words (party, state, "former")
must not contradict the person's and add to the score. Synonyms, ranks, offices and state
abbreviations are vocabulary files (role_synonyms.tsv, rank_words.txt, ...).
"""

from __future__ import annotations

import functools
import re

from tui.extract.speakers.names import PARTIES, ROLE_NOUNS, TITLE_WORDS
from tui.extract.speakers.places import PLACES
from tui.extract.vocabulary import table, word_set

# Words written for the same role, folded to one.
_CANON = table("role_synonyms")
# Heads that any of several roles fill ("the lawmaker" is a senator or a representative).
_HEAD_FILLERS = {
    head: frozenset(roles.split()) for head, roles in table("role_head_fillers").items()
}
# Words that make a different rank of the same role: "Vice President" is not "the president".
_RANK = word_set("rank_words")
# Groups of words of which a person has one: a contradiction rules the person out.
_PARTIES = PARTIES
_SIDES = frozenset({"majority", "minority"})
_CHAMBERS = frozenset({"senate", "house"})
_PLACE_WORDS = (
    frozenset(p.lower() for p in PLACES) | word_set("place_adjectives") | word_set("demonyms")
)
_FILLER = word_set("role_filler_words")
_ROLEISH = ROLE_NOUNS | TITLE_WORDS | frozenset(_CANON)
_WORD_RE = re.compile(r"[A-Za-z][\w\-’']*")
_APPOSITIVE_RE = re.compile(
    r"\s*(?:\([^)]{0,24}\))?\s*,\s*(?:who\s+(?:is|was)\s+|who[’']s\s+)?"
    r"((?:the|a|an)\s+[^,.;:()“”\"¤\n]{2,80}?)(?=\s*[,.;:)]|\s+(?:who|which|said|says|told)\b)"
)
# "Rep. Mark Meadows (R-N.C.), chairman of the House Freedom Caucus,": an appositive with no
# article, its first words a role ("chairman", "senior adviser") before "of", "for", "to", "at".
_BARE_APPOSITIVE_RE = re.compile(
    r"\s*(?:\([^)]{0,24}\))?\s*,\s*((?:[a-z][\w\-]*\s+){0,2}[a-z][\w\-]*)"
    r"(\s+(?:of|for|to|at)\s+[^,.;:()“”\"¤\n]{2,70}?)(?=\s*[,.;:)]|\s+(?:who|which|said|says|told)\b)"
)
_INITIALS_RE = re.compile(r"(?:[A-Z]\.)+")
_PARTY_TAG_RE = re.compile(r"\s*(?:\(|,\s*)([RDI])[-–]\s?([A-Z][\w.]*)")
_ADJ_ENDINGS = ("al", "ic", "ian", "ary")
_PARTY_LETTER = {"R": "republican", "D": "democratic", "I": "independent"}
# "Fla." in a party tag -> the place word the state's roles use ("florida", "jersey").
_STATE_ABBREV = table("state_abbreviations")


def norm(word: str) -> str:
    w = word.lower().strip(".’'")
    return _CANON.get(w, w)


@functools.lru_cache(maxsize=4096)
def phrase_words(phrase: str) -> tuple[str, ...]:
    """The normalised words of a role phrase, in order, without filler."""
    return tuple(n for n in (norm(w) for w in _WORD_RE.findall(phrase)) if n and n not in _FILLER)


def _pre_modifier(word: str) -> bool:
    """A word that can stand in a title before a name: a role word, "former", a party or place,
    an acronym ("HP", "GOP") or a relational adjective ("presidential", "economic")."""
    n = norm(word)
    if n in _FILLER:
        return False
    if n in _ROLEISH or n in _PLACE_WORDS or n in _PARTIES or n == "former" or word.isupper():
        return True
    return word.islower() and word.endswith(_ADJ_ENDINGS)


def roles_at(text: str, start: int, end: int, title: str | None) -> list[str]:
    """Role phrases written around one occurrence of a name at text[start:end]."""
    out = []
    pre: list[str] = []
    for w in reversed(text[max(0, start - 60) : start].split()[-4:]):
        bare = w.rstrip(".")
        if not _WORD_RE.fullmatch(bare) or not _pre_modifier(bare):
            break  # punctuation or an ordinary word ends the pre-modifiers
        if bare != w and norm(bare) not in _ROLEISH and not _INITIALS_RE.fullmatch(w):
            break  # "... talks with Peru. Sen. Ng": the previous sentence's last word
        pre.append(bare)
    pre.reverse()
    phrase = " ".join(pre + ([title] if title else []))
    if phrase and any(norm(w) in _ROLEISH for w in phrase.split()):
        out.append(phrase)
    after = text[end : end + 130]
    tag = _PARTY_TAG_RE.match(after)
    if tag:
        state = _STATE_ABBREV.get(tag.group(2).lower().rstrip("."), "")
        out.append(f"{_PARTY_LETTER[tag.group(1)]} {state}".strip())
    am = _APPOSITIVE_RE.match(after)
    if am:
        app = am.group(1)
        if any(norm(w) in ROLE_NOUNS or norm(w) in _HEAD_FILLERS for w in app.split()):
            out.append(app)
    else:
        bm = _BARE_APPOSITIVE_RE.match(after)
        if bm and _bare_role(bm.group(1).split()):
            out.append(bm.group(1) + bm.group(2))
    return out


def _bare_role(words: list[str]) -> bool:
    """Whether the words before "of"/"for" in an appositive with no article are a role: a role
    noun after words that may modify one ("chairman", "senior communications adviser")."""
    last = norm(words[-1])
    return (last in ROLE_NOUNS or last in _HEAD_FILLERS) and all(
        _pre_modifier(w) or w in ("senior", "chief", "deputy", "top", "longtime", "communications")
        for w in words[:-1]
    )


@functools.lru_cache(maxsize=4096)
def description_key(desc: str, head: str) -> tuple[frozenset[str], frozenset[str]] | None:
    """(words a role phrase may hold as the head, the description's other words)."""
    words = phrase_words(desc)
    h = norm(head)
    if not words or h not in words:
        return None
    heads = frozenset(_HEAD_FILLERS.get(h, {h}))
    return heads, frozenset(w for w in words if w != h)


def score(key: tuple[frozenset[str], frozenset[str]], phrases: list[str]) -> float | None:
    """How well a person with these role phrases fits a description; None when not at all."""
    heads, mods = key
    best = None
    union: set[str] = set()
    for p in phrases:
        words = phrase_words(p)
        union.update(words)
        if not any(_heads(w, k, words) for k, w in enumerate(words) if w in heads):
            continue
        if any(w in _RANK and w not in mods for w in words):
            continue  # "Vice President Biden" is not "the president"
        s = 1.0 - (0.5 if "former" in words and "former" not in mods else 0.0)
        best = s if best is None else max(best, s)
    if best is None:
        return None
    for group in (_PARTIES, _SIDES, _CHAMBERS, _PLACE_WORDS):
        want = mods & group
        have = union & group
        if want and have and want.isdisjoint(have):
            return None  # "the Florida senator" is not Senator Cruz of Texas
    return best + len(mods & union)


def _heads(word: str, k: int, words: tuple[str, ...]) -> bool:
    """Whether a role word is a phrase's head, not a modifier of the role noun after it:
    "Justice Minister" is a minister, not "the judge"; "Governor General" not "the governor"."""
    return k + 1 == len(words) or words[k + 1] not in ROLE_NOUNS


# Offices a person holds one of at a time: "the Maine senator" is not President Ode.
_OFFICES = word_set("offices")


def compatible(key: tuple[frozenset[str], frozenset[str]], phrases: list[str]) -> bool:
    """Whether nothing in a person's role phrases contradicts a description: no other office
    ("the senator" is not President Ode), no other party, side, chamber or place ("the
    Florida senator" is not someone known to be from Texas)."""
    heads, mods = key
    union: set[str] = set()
    for p in phrases:
        union.update(phrase_words(p))
    offices = (heads | mods) & _OFFICES
    if offices and offices.isdisjoint(union) and not union.isdisjoint(_OFFICES):
        return False
    for group in (_PARTIES, _SIDES, _CHAMBERS, _PLACE_WORDS):
        want = mods & group
        have = union & group
        if want and have and want.isdisjoint(have):
            return False
    return True


def names_place(key: tuple[frozenset[str], frozenset[str]]) -> bool:
    """Whether a description gives a place ("the Maine senator", "the Ohio governor")."""
    return not key[1].isdisjoint(_PLACE_WORDS)


def weak(key: tuple[frozenset[str], frozenset[str]], phrases: list[str]) -> bool:
    """Whether the description says a party or place that none of the phrases confirms."""
    want = key[1] & (_PARTIES | _PLACE_WORDS)
    return bool(want) and not any(want.issubset(phrase_words(p)) for p in phrases)


def described_between(text: str, lo: int, hi: int, head: str) -> bool:
    """Whether text[lo:hi] holds a definite description with this head ("Hannity asked the
    governor whether ... “...,” the governor said"): someone other than the subject before it
    was given the role."""
    if not head:
        return False
    return re.search(
        rf"\b[Tt]he[ \u00a0]+(?:[\w\-]+[ \u00a0]+)?{re.escape(head.lower())}\b", text[lo:hi]
    ) is not None
