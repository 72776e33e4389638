"""The speaker right after a speech verb: "said Ahmad, who is ...", "said the senator",
"exhorted the host's introducer, actress Jamie Lee Curtis"."""

from __future__ import annotations

import re

from tui.extract.speakers.mention import Mention
from tui.extract.speakers.names import (
    ABBREV_TOKEN,
    DET,
    NAME_RUN,
    NAME_RUN_RE,
    PREP_END_RE,
    PREPOSITIONS,
    SP,
    TIME_CAPS,
    description_head,
    is_role_phrase,
    mention_from_run,
)
from tui.extract.vocabulary import word_list

_PRONOUN_START_RE = re.compile(r"(he|she|they|He|She|They)(?![\w’'])")
_TIME = rf"(?:{'|'.join(word_list('weekdays') + word_list('time_words') + word_list('months'))})"
_TRAILING_TIME_RE = re.compile(rf"(?:\s+(?:on|last|this|in)?\s*{_TIME})*\s*")
_TRAILING_PP_RE = re.compile(r"\s+(?:of|from|at|for|with|to|who|and|in|on|during)\b")
_APPOSITIVE_RE = re.compile(
    r"^,\s*(?:who\s+(?:is|was|has\s+been|had\s+been|serves\s+as|served\s+as)\s+|who['’]s\s+)?"
    r"((?:the|a|an|[A-Za-z][\w\-’'.]*)\b[^,.;:!?()“”\"]{0,100})"
)
# A lower-case noun naming what a publication is, after its name: "wrote Time magazine".
_MEDIA_AFTER_RE = re.compile(rf"{SP}(?:magazine|newspaper|daily|weekly|website)(?=\s*$)")
_CHUNK_STOP_RE = re.compile(r"[,;:!?()“”\"—–\n.]")
_ABBREV_WORD_RE = re.compile(rf"{ABBREV_TOKEN}|[A-Z]\.(?:[A-Z]\.)*|(?:[a-z]\.){{2,}}")
_DESC_START_RE = re.compile(rf"{DET}(?:{SP}[\w’'.\-]+){{0,6}}")
_APPOSITIVE_NAME_RE = re.compile(
    rf",{SP}(?P<role>(?:[a-z][\w\-]*{SP}){{0,3}})({NAME_RUN})(?=\s*(?:[,.;:!?]|$))"
)
_DET_ONLY_RE = re.compile(DET)
_CLAUSE_START_RE = re.compile(
    r"\s(?:who|which|that|as|when|while|after|before|because|in|on|at|during)\s"
)
_NOT_SPEAKER_FIRST = frozenset({"that", "it", "so", "this", "there", "then", "later", "also"})
# Words of a clause, never of a role phrase before a name: after "said", a name following them is
# an object of the reported clause ("said its band would keep pressing Ottawa"), not the speaker
# ("added his campaign manager, Jo Ames" has none of them).
_CLAUSE_WORDS = frozenset(
    "would will could should can may might must was were is are has have had be been "
    "he she they we it i you not to that".split()
)


def _chunk(s: str) -> str:
    """s up to the first punctuation that ends a phrase (a period only when it ends a sentence)."""
    for m in _CHUNK_STOP_RE.finditer(s):
        if m.group() != ".":
            return s[: m.start()]
        word = s[: m.start()].rsplit(maxsplit=1)[-1] if s[: m.start()].strip() else ""
        if not _ABBREV_WORD_RE.fullmatch(word + "."):
            return s[: m.start()]
    return s


def subject_after_verb(text: str, lo: int, hi: int) -> Mention | None:
    """The speaker right after a speech verb: 'said Ahmad, who is ...', 'said the senator'."""
    s = text[lo:hi]
    stripped = s.lstrip(" \u00a0")
    off = lo + len(s) - len(stripped)
    m = _PRONOUN_START_RE.match(stripped)
    if m:
        return Mention(off, off + m.end(), m.group(), "pronoun")
    chunk = _cut_before_clause(_chunk(stripped).rstrip())
    if not chunk:
        return None
    first = chunk.split(maxsplit=1)[0]
    if (
        first.lower() in PREPOSITIONS
        or first.lower().rstrip(".") in TIME_CAPS
        or first.lower() in _NOT_SPEAKER_FIRST
    ):
        return None
    mention = _last_name_in_chunk(text, off, chunk)
    if mention is None:
        mention = _desc_at_start(off, chunk)
        if mention is None:
            return None
        named = _appositive_name(text, mention.end, hi)
        if named is not None:
            named.role = mention.text
            named.np_start = mention.start
            return named
    rest = text[mention.end : hi]
    am = _APPOSITIVE_RE.match(rest)
    if am and mention.kind == "name" and is_role_phrase(am.group(1).strip()):
        role = am.group(1).strip()
        mention.role = f"{mention.role}; {role}" if mention.role else role
    return mention


def _last_name_in_chunk(text: str, off: int, chunk: str) -> Mention | None:
    """The last name in 'Ohio State University professor Paul Beck', not in a PP or possessive."""
    best: Mention | None = None
    best_end = 0
    for rm in NAME_RUN_RE.finditer(chunk):
        pre = chunk[: rm.start()]
        if PREP_END_RE.search(pre):
            continue
        if best is not None and PREPOSITIONS.intersection(chunk[best_end : rm.start()].split()):
            continue  # "Chief Jo Abram of the Association of Iroquois and Allied Indians"
        after = chunk[rm.end() :]
        if rm.group().endswith(("’s", "'s")) or after.startswith(("’s", "'s")):
            continue  # "Clinton's introducer": a determiner, not the speaker
        media = _MEDIA_AFTER_RE.match(after)
        if media is not None:
            cand = mention_from_run(text, off + rm.start(), off + rm.end() + media.end(), None)
            if cand is not None and not pre.strip():
                best = cand
                best_end = rm.end() + media.end()
            continue
        if not _TRAILING_TIME_RE.fullmatch(after) and not _TRAILING_PP_RE.match(after):
            continue  # "added Latin hits": an adjective, not a name
        role = pre.strip()
        if _DET_ONLY_RE.fullmatch(role) and description_head(rm.group()) is not None:
            continue  # "said the Wisconsin Republican": a description (see _desc_at_start)
        cand = mention_from_run(text, off + rm.start(), off + rm.end(), None)
        if cand is None:
            continue
        if _CLAUSE_WORDS.intersection(role.lower().split()):
            continue
        if role:
            cand.role = f"{role} {cand.role}" if cand.role else role
            cand.np_start = off
        best = cand
        best_end = rm.end()
    return best


def _desc_at_start(off: int, chunk: str) -> Mention | None:
    dm = _DESC_START_RE.match(chunk)
    if dm is None:
        return None
    words = dm.group().split()
    k = next((i for i, w in enumerate(words) if i > 0 and w.lower() in PREPOSITIONS), len(words))
    if k < 2:
        return None
    desc = " ".join(words[:k])
    return Mention(off, off + len(desc), desc, "desc", head=words[k - 1].lower().strip("’'"))


def _appositive_name(text: str, lo: int, hi: int) -> Mention | None:
    """', actress Jamie Lee Curtis' after a description: the name it gives."""
    m = _APPOSITIVE_NAME_RE.match(text, lo, hi)
    if m is None:
        return None
    return mention_from_run(text, m.start(2), m.end(2), m.group("role").strip() or None)


def _cut_before_clause(chunk: str) -> str:
    m = _CLAUSE_START_RE.search(f" {chunk} ")
    return chunk[: max(0, m.start() - 1)].rstrip() if m else chunk
