"""Speech verbs of news writing ("said", "added", "tweeted", "according to"), precompiled.

The verbs are vocabulary files (speech_verbs.txt and its neighbours); the patterns that find them
are built once, when this module is imported.
"""

from __future__ import annotations

import re

from tui.extract.vocabulary import table, word_list, word_set


def _forms(verb: str, stems: dict[str, str]) -> list[str]:
    """A regular verb's base, 3rd person, past and -ing forms."""
    stem = stems.get(verb, verb)
    if verb.endswith("y") and verb[-2] not in "aeiou":
        return [verb, verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"]
    if verb.endswith("ee"):
        return [verb, verb + "s", verb + "d", verb + "ing"]
    if verb.endswith("e"):
        return [verb, verb + "s", verb + "d", verb[:-1] + "ing"]
    third = verb + ("es" if verb.endswith(("s", "sh", "ch", "x", "o")) else "s")
    return [verb, third, stem + "ed", stem + "ing"]


def _all_forms() -> frozenset[str]:
    forms: set[str] = set(word_list("speech_verb_forms")) | set(word_list("speech_phrases"))
    stems = table("speech_verb_stems")
    for verb in word_list("speech_verbs"):
        forms.update(_forms(verb, stems))
    # Base forms that are mostly nouns in news prose.
    return frozenset(forms - word_set("speech_verb_noun_forms"))


CUE_FORMS: frozenset[str] = _all_forms()


def _trie_pattern(words: list[str]) -> str:
    """An alternation factored by common prefixes: much faster than a flat list in `re`."""
    trie: dict[str, dict] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        alts = []
        optional = False
        for ch in sorted(node):
            if ch == "":
                optional = True
                continue
            piece = r"\s+" if ch == " " else re.escape(ch)
            alts.append(piece + build(node[ch]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if optional:
            return f"(?:{body})?"
        return body

    return build(trie)


_ALT = _trie_pattern(sorted(CUE_FORMS))
CUE_RE = re.compile(rf"(?<![\w’'-])(?:{_ALT})(?![\w’'-])")
CUE_AT_END_RE = re.compile(rf"(?<![\w’'-])(?:{_ALT})\s*[,:]?\s*$")


# A speech verb opening its sentence, the speaker after it: "Said Trump: “", "Added Smith, “".
CAPITAL_CUE_RE = re.compile(
    rf"(?<![\w’'-])(?:{'|'.join(word_list('speech_verbs_opening'))})(?![\w’'-])"
)


# Verbs whose following noun is the listener, not the speaker ("told CBS News").
OBJECT_VERBS = word_set("speech_verbs_listener")


# A determiner right before a speech verb's form makes it a noun: "the comments", "his reports".
_NOUN_BEFORE_RE = re.compile(
    r"(?<![\w’'-])(?:the|a|an|his|her|its|their|our|my|your|these|those|some|any|"
    r"[A-Za-z][\w.\-]*['’]s|[A-Za-z][\w.\-]*s['’])[ \u00a0]+$",
    re.IGNORECASE,
)


# The commonest speech verbs, never nouns: no need to look at what precedes them.
_ALWAYS_VERBS = word_set("speech_verbs_never_nouns")


# A form in -s after a preposition is a plural noun: a verb after "to" is bare ("to chant"), and
# no finite verb follows a preposition ("to chants of", "amid reports that").
_PREP_BEFORE_RE = re.compile(
    r"(?<![\w’'-])(?:to|of|with|amid|among|after|before|despite|for|from|by|about|over|"
    r"against|without|in|on|at|into|under|like)[ \u00a0]+$",
    re.IGNORECASE,
)
# A form in -s followed by a finite verb is a plural noun, the subject of that verb: "Harsh
# comments are", "Threats were" (a verb in -s takes an object or a clause, never a finite verb).
_FINITE_AFTER_RE = re.compile(
    r"[ \u00a0]+(?:are|were|have|had|do|did|will|would|could|can|should|may|might|must)\b"
)


def is_noun_use(text: str, start: int, end: int | None = None) -> bool:
    """Whether the speech verb form at text[start:end] is a noun: after a determiner ("the
    comments", "Ryan's reports"); in -s, after a preposition ("to chants of") or before a
    finite verb ("Harsh comments are")."""
    if _NOUN_BEFORE_RE.search(text, max(0, start - 24), start) is not None:
        return True
    if end is None or text[end - 1 : end] != "s":
        return False
    return (
        _PREP_BEFORE_RE.search(text, max(0, start - 10), start) is not None
        or _FINITE_AFTER_RE.match(text, end) is not None
    )


def cue_verbs(text: str, lo: int, hi: int) -> list[re.Match[str]]:
    """The speech verbs in text[lo:hi], without the forms used as nouns."""
    return [
        m
        for m in CUE_RE.finditer(text, lo, hi)
        if m.group() in _ALWAYS_VERBS or not is_noun_use(text, m.start(), m.end())
    ]


def ends_with_cue_word(s: str) -> bool:
    """True when s ends with a speech verb, maybe followed by a comma ("He says", "adding,")."""
    return CUE_AT_END_RE.search(s[-40:]) is not None


def normalise_cue(cue: str) -> str:
    return " ".join(cue.split())
