"""Speech verbs of news writing ("said", "added", "tweeted", "according to"), precompiled."""

from __future__ import annotations

import re

# Regular verbs: base form -> 3rd person, past and gerund are derived; irregular ones listed whole.
_REGULAR = (
    "add assert urge warn note stress insist argue explain tweet declare continue recall reply "
    "ask state claim announce acknowledge admit agree answer boast complain concede conclude "
    "confirm contend counter cry demand deny emphasize emphasise exclaim joke lament maintain "
    "mention muse observe predict proclaim promise quip remark repeat report respond retort "
    "reveal shout suggest testify vow whisper yell post recount charge allege caution comment "
    "thunder pledge reason scoff snap sigh laugh wonder tout underscore reiterate highlight "
    "opine echo text email e-mail interject plead beg advise explain chide implore insist "
    "marvel scream protest rail summarize summarise describe assure fume press chant "
).split()
_IRREGULAR = (
    "said says say saying told tells telling wrote writes writing written read reads"
).split()
_DOUBLE_FINAL = {"admit": "admitt", "snap": "snapp", "quip": "quipp", "beg": "begg"}
_PHRASES = (
    "pointed out",
    "points out",
    "pointing out",
    "put it",
    "puts it",
    "chimed in",
    "chimes in",
    "according to",
    "went on",
    "goes on",
    "going on",
    "shot back",
    "fired back",
    "wrote back",
    "writes back",
    "hit back",
    "shoots back",
    "fires back",
    "went on to say",
    "spoke of",
)


def _forms(verb: str) -> list[str]:
    stem = _DOUBLE_FINAL.get(verb, verb)
    if verb.endswith("y") and verb[-2] not in "aeiou":
        return [verb, verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"]
    if verb.endswith("ee"):
        return [verb, verb + "s", verb + "d", verb + "ing"]
    if verb.endswith("e"):
        return [verb, verb + "s", verb + "d", verb[:-1] + "ing"]
    third = verb + ("es" if verb.endswith(("s", "sh", "ch", "x", "o")) else "s")
    return [verb, third, stem + "ed", stem + "ing"]


_ALL_FORMS: set[str] = set(_IRREGULAR) | set(_PHRASES)
for _v in _REGULAR:
    _ALL_FORMS.update(_forms(_v))
# Base forms that are mostly nouns in news prose.
_ALL_FORMS -= {
    "state",
    "post",
    "report",
    "note",
    "echo",
    "text",
    "email",
    "e-mail",
    "snap",
    "charge",
    "counter",
    "cry",
    "reason",
    "answer",
    "comment",
    "joke",
    "laugh",
    "promise",
    "demand",
    "sigh",
    "shout",
    "plead",
    "beg",
    "advise",
    "rail",
    "protest",
    "describe",
    "press",
}

CUE_FORMS: frozenset[str] = frozenset(_ALL_FORMS)


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
    r"(?<![\w’'-])(?:Said|Says|Added|Adds|Asked|Asks|Wrote|Writes|Replied|Explained|Continued|"
    r"Noted|Recalled|Declared|Tweeted|Quipped|Warned|Insisted|Argued)(?![\w’'-])"
)


# Verbs whose following noun is the listener, not the speaker ("told CBS News").
OBJECT_VERBS = frozenset("told tells telling tell urged urges urging assured assures".split())


# A determiner right before a speech verb's form makes it a noun: "the comments", "his reports".
_NOUN_BEFORE_RE = re.compile(
    r"(?<![\w’'-])(?:the|a|an|his|her|its|their|our|my|your|these|those|some|any|"
    r"[A-Za-z][\w.\-]*['’]s|[A-Za-z][\w.\-]*s['’])[ \u00a0]+$",
    re.IGNORECASE,
)


# The commonest speech verbs, never nouns: no need to look at what precedes them.
_ALWAYS_VERBS = frozenset("said says told tells wrote writes added adds asked saying".split())


def is_noun_use(text: str, start: int) -> bool:
    """Whether the speech verb form at text[start:] is a noun after a determiner ("the
    comments", "Ryan's reports")."""
    return _NOUN_BEFORE_RE.search(text, max(0, start - 24), start) is not None


def cue_verbs(text: str, lo: int, hi: int) -> list[re.Match[str]]:
    """The speech verbs in text[lo:hi], without the forms used as nouns."""
    return [
        m
        for m in CUE_RE.finditer(text, lo, hi)
        if m.group() in _ALWAYS_VERBS or not is_noun_use(text, m.start())
    ]


def ends_with_cue_word(s: str) -> bool:
    """True when s ends with a speech verb, maybe followed by a comma ("He says", "adding,")."""
    return CUE_AT_END_RE.search(s[-40:]) is not None


def normalise_cue(cue: str) -> str:
    return " ".join(cue.split())
