"""Generic descriptions of organisations ("the ministry", "the company") and the named body each
can mean: the most recent organisation named earlier whose name contains that head word or marks
it as of that kind ("Acme Corp" is a company; "Ministry of Transport" is a ministry). With no such
body the description stays unresolved: an unnamed source is never guessed. The kinds and the
words that mark them are a vocabulary table (org_heads.tsv).
"""

from __future__ import annotations

import functools
import re

from tui.extract.speakers.genders import first_name_gender
from tui.extract.speakers.names import NAME_RUN, is_org_name
from tui.extract.vocabulary import table, word_list, word_set

# head noun of a description -> name words (lower case) that make a name one of that kind
ORG_HEADS: dict[str, frozenset[str]] = {
    head: frozenset(words.split()) for head, words in table("org_heads").items()
}
# Words that make a name a person's: "Sen. Bank", "Judge Court".
_PERSON_WORDS = word_set("person_title_words")
_TIME_WORDS = frozenset(w.lower() for name in ("weekdays", "months") for w in word_list(name))
ORG_REACH = 3000  # characters back a description may reach for the body it means

# "the ministry", "The company": a definite description that is the head noun alone.
_ORG_DESC_RE = re.compile(r"[Tt]he[ \u00a0]+([a-z]+)")
# "Ministry of Transport", "Bank of England": a name continued by "of" and another name.
_OF_TAIL_RE = re.compile(rf"[ \u00a0]+(?:of|for)[ \u00a0]+(?:the[ \u00a0]+)?({NAME_RUN})")
# "Food and Drug Administration", "JPMorgan Chase & Co.": a name joined to the one before it.
_AND_HEAD_RE = re.compile(rf"(?<![\w’'-])({NAME_RUN})[ \u00a0]+(?:and|&)[ \u00a0]+$")
# "the Clinton campaign": a body named after its leader, written in lower case after the name.
_BODY_TAIL_RE = re.compile(r"[ \u00a0]+(campaign|administration|government)\b")


def org_head(text: str) -> str | None:
    """The head noun of a description of an organisation ("the ministry" -> "ministry")."""
    m = _ORG_DESC_RE.fullmatch(text)
    return m.group(1) if m and m.group(1) in ORG_HEADS else None


@functools.lru_cache(maxsize=8192)
def _words(name: str) -> frozenset[str]:
    return frozenset(w.lower().strip(".,’'") for w in name.split())


def fits(name: str, head: str) -> bool:
    """Whether a name is of the kind a head noun describes: "Acme Corp" for "company"."""
    words = _words(name)
    if len(words) < 2 and not name.isupper():
        return False  # "Ministry" alone opening a sentence names nothing
    if not words & ORG_HEADS[head] and head not in words:
        return False
    if words & _PERSON_WORDS:
        return False
    return first_name_gender(name) is None  # "Jane Bank" is a person


def full_org_name(masked: str, start: int, end: int, name: str) -> str:
    """A name as the body is called, with an "of" tail ("Ministry of Transport") or a joined head
    ("Food and Drug Administration")."""
    tail = _OF_TAIL_RE.match(masked, end)
    if tail and tail.group(1).split()[0].lower() not in _TIME_WORDS:  # not "Acme Corp of Monday"
        name = f"{name} {' '.join(tail.group().split())}"
    if masked.startswith(name.split(maxsplit=1)[0], start):
        head = _AND_HEAD_RE.search(masked, max(0, start - 60), start)
        if head and not is_org_name(head.group(1)):
            joined = " ".join(masked[head.start() : start].split())
            name = f"{joined.removeprefix('The ')} {name}"
    return name


@functools.lru_cache(maxsize=256)
def _other_body_re(head: str) -> re.Pattern[str]:
    return re.compile(
        rf"(?<![\w’'-])(?:(?:[Aa]n?|[Aa]nother|[Oo]ne)[ \u00a0]+(?:[\w\-]+[ \u00a0]+){{0,3}}?"
        rf"|[Tt]he[ \u00a0]+(?!same[ \u00a0])(?:[\w\-]+[ \u00a0]+){{1,3}}?){head}(?![\w’'-])"
    )


def other_body_between(masked: str, lo: int, hi: int, head: str) -> bool:
    """Whether another, unnamed body of the kind is brought in between lo and hi ("the trade group
    for the plans"), so that a later bare "the group" means it rather than a body named earlier.
    An appositive right after the name ("Acme Corp, a Texas company,") is the named body itself."""
    for m in _other_body_re(head).finditer(masked, lo, hi):
        if masked[lo : m.start()].strip(" .,\u00a0"):
            return True
    return False


def body_after(masked: str, end: int) -> str | None:
    """ "campaign" in "the Clinton campaign", read after the name ending at end."""
    m = _BODY_TAIL_RE.match(masked, end)
    return m.group(1) if m else None
