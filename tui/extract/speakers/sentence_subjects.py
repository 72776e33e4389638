"""The subjects of a sentence: the grammatical subject after any leading adverbial clauses and
dateline ("In April, while speaking at X, Ng said"), and the names opening later clauses
("..., but Christie wasn't having it")."""

from __future__ import annotations

import re

from tui.extract.speakers.mention import PERSON_PRONOUNS, Mention
from tui.extract.speakers.names import (
    DET,
    NAME_RUN,
    NAME_START_RE,
    QUANTITY_PEOPLE,
    ROLE_NOUNS,
    SP,
    STOP_CAPS,
    is_org_name,
    mention_from_run,
    people_plural,
)
from tui.extract.speakers.places import PLACES
from tui.extract.vocabulary import table, word_list, word_set

_SPACE_CHARS = frozenset(" \t\n\u00a0")
_CLAUSE_SUBJECT_RE = re.compile(
    rf"(?:[,;]{SP}(?:but|and|yet|so|while|although|though|because|when){SP}|;{SP})"
    rf"({NAME_RUN})(?={SP}[a-z])"
)
_LEAD_CLAUSE_RE = re.compile(
    rf"^(?:{'|'.join(word_list('lead_clause_words'))})\b[^,]{{0,140}},\s*", re.IGNORECASE
)
# Sentence adverbs stand alone before the subject: "Then Trump went", "However, Cruz said".
_LEAD_ADVERB_RE = re.compile(
    rf"^(?:{'|'.join(word_list('lead_adverbs'))}|[a-z]+ly(?=,))\b,?\s+", re.IGNORECASE
)
_NAME_AFTER_ROLE_RE = re.compile(rf"{SP}({NAME_RUN})(?=[ ,\u00a0(])")
# A description set before the name it gives: "His campaign manager, Jo Ames, said",
# "Norway's trade minister, Karl Holm, dismisses ...".
_DESC_THEN_NAME_RE = re.compile(
    rf"^((?:[Oo]ne|[Aa]nother|[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[A-Z][\w.\-]*['’]s)"
    rf"(?:{SP}[\w\-’']+){{1,4}}),{SP}({NAME_RUN}),"
)
# A time opening a sentence with no comma before a name: "Later in the day Conway appeared",
# "Last week Clinton said", "On Monday Trump tweeted".
_TIME_UNIT = (
    r"(?:day|week|month|year|morning|afternoon|evening|night|weekend|"
    rf"{'|'.join(w.capitalize() for w in word_list('weekdays'))})"
)
_LEAD_TIME_BARE_RE = re.compile(
    rf"^(?:(?:Later|Earlier)(?:[ \u00a0]+(?:in|on|that|this|the|last)){{1,2}}[ \u00a0]+{_TIME_UNIT}"
    rf"|(?:Last|This|Next|Earlier|Later)[ \u00a0]+{_TIME_UNIT}|On[ \u00a0]+{_TIME_UNIT})"
    r"[ \u00a0]+(?=[A-Z][a-z])"
)
_LEAD_TIME_RE = re.compile(r"^[^,]{0,40}\b(?:ago|later|earlier|before|after)\s*,\s*")
_AS_FOR_RE = re.compile(rf"^(?:As for|As to|Asked about)\s+({NAME_RUN}),")
_DATELINE_RE = re.compile(
    r"^[A-Z][A-Z .,'’\-]{2,40}(?:,\s*[A-Z][a-z]{2,4}\.?\s*\d{1,2})?\s*(?:\([^)]{0,30}\))?"
    r"\s*[:—–-]+\s*"
)
# A capitalised word used as an adjective before a role noun: "The Pakistani envoy", "GOP nominee".
# The words between are adjectives, never a verb or a possessive ("Ng said his brother Al").
_NOT_ADJECTIVE = r"(?!(?:his|her|their|its|our|my|said|says|told|tells|was|is|has|had)\b)"
_ADJECTIVAL_RE = re.compile(
    rf"{SP}(?:{_NOT_ADJECTIVE}[a-z][\w\-]*{SP}){{0,2}}"
    rf"(?:{'|'.join(sorted(ROLE_NOUNS, key=len, reverse=True))})\b"
)
# An agent noun between a name and a name: "Obama pollster ...", "Florida developer Al Ng".
_NOT_AGENT = rf"(?!(?:{'|'.join(word_list('not_agent_nouns'))})\b)"
_AGENT_NOUN_RE = re.compile(
    rf"{SP}(?:{_NOT_AGENT}[a-z][\w\-]*{SP})?{_NOT_AGENT}[a-z][a-z\-]+(?:er|or|ist|ant|ian|ee)"
    rf"(?={SP}[A-Z])"
)
_INDEF_ADJ_NAME_RE = re.compile(
    rf"[Aa]n?{SP}(?:[a-z][\w\-]*{SP}){{1,2}}({NAME_RUN}){SP}"
    r"(?=[a-z]+ed\b|[a-z]+s\b|(?:said|told|wrote|spoke|went|took|gave|stood|came|made)\b)"
)
_LEAD_PARTICIPLE_RE = re.compile(
    r"[A-Z][a-z]+ing[ \u00a0]+(?:the|a|an|his|her|their|its|before|after|during|alongside|next|"
    r"outside|beside|behind|ahead|back|up|down|out|over|through|across|against|with|without|on|"
    r"off|of|for|at|from|to|by|about|in|into|under)\b[^,]{0,140},\s*"
)
# An existential or locative opening puts the subject after its verb: "There was Ng, ...",
# "Yet there in the back stood Ann Ng, ...", "Here is Roy, ...".
_INVERTED_RE = re.compile(
    rf"(?:(?:Yet|And|But|Then|And{SP}then){SP})?(?:[Tt]here|[Hh]ere)(?:{SP}[a-z][\w\-]*){{0,5}}?"
    rf"{SP}(?:was|is|stood|stands|sat|sits|came|comes){SP}({NAME_RUN})(?=[,.;])"
)
# "Yahoo News and former TV network anchor Katie Couric has": a body, then "and" and a role
# before a name, with a singular verb: one person described by both, not two speakers.
_BODY_AND_ROLE_NAME_RE = re.compile(
    rf"{SP}and{SP}((?:[A-Za-z][\w\-]*{SP}){{0,4}}?[a-z][\w\-]*){SP}({NAME_RUN})"
    rf"(?={SP}(?:has|is|was|[a-z]+s)\b)"
)
_AND_NAME_RE = re.compile(rf"{SP}and{SP}[A-Z]")
_PLACE_CONT_RE = re.compile(rf"({NAME_RUN}),\s*")
_STATE_ABBREV_RE = re.compile(r"[A-Z]{2}|[A-Z][a-z]{1,4}\.|[A-Z]\.[A-Z]\.")
_GROUP_AFTER_NAME_RE = re.compile(rf"{SP}([a-z]+s)\b")
_BODY_NOUNS = frozenset({"campaign", "administration", "government"})
_BODY_AFTER_RE = re.compile(rf"{SP}(campaign|administration|government)\b")
_DET_WORDS = frozenset(
    "the a an his her its their our one another this that some several many two three".split()
)
# Words that end a subject phrase: a verb or a conjunction after its head ("came after").
_CLAUSE_BREAK = frozenset(
    "came come comes went was were is are has have had said says told after before when while "
    "because since as and but".split()
)
_QUANTITY_START_RE = re.compile(rf"{QUANTITY_PEOPLE}\b")
_DESC_SUBJECT_RE = re.compile(rf"{DET}(?:{SP}[\w’'.\-]+){{1,5}}")
_LEAD_WORDS = word_set("lead_words")
# Heads of a description of a person: roles, and people quoted unnamed ("A Clinton aide", "A
# Trump ally": the name before the noun says whose side they are on, it is not the subject).
_PERSON_HEADS = ROLE_NOUNS | frozenset(table("unnamed_person_nouns"))
_TIME_ADV_IN_RE = re.compile(r"\b(?:ago|later|earlier|before|after)\b")
# Sentence adverbs that open a sentence with a comma ("Recently, Smith ..."); "Kelly," is a name.
_LY_ADVERBS = STOP_CAPS | word_set("sentence_adverbs")


def _strip_lead(s: str) -> int:
    """Length of the leading adverbial clauses of s ('In April, while speaking at X, ')."""
    pos = 0
    for _ in range(3):
        rest = s[pos : pos + 200]
        first = rest[: rest.find(" ")].lower().rstrip(",") if " " in rest else ""
        m = None
        if first.endswith("ly") and _second_word(rest) in _LEAD_WORDS:
            # "Immediately after the vote, Ng ...": an adverb opening the lead clause
            lead = _LEAD_CLAUSE_RE.match(rest[len(first) + 1 :])
            if lead:
                pos += len(first) + 1 + lead.end()
                continue
        elif (
            first in _LEAD_WORDS
            or first.startswith(("in-", "back-"))
            or (
                first.endswith("ly")
                and first in _LY_ADVERBS
                and rest[len(first) : len(first) + 1] == ","
            )
        ):
            m = (
                _LEAD_TIME_BARE_RE.match(rest)
                or _LEAD_ADVERB_RE.match(rest)
                or _LEAD_CLAUSE_RE.match(rest)
            )
        elif "," in rest[:48] and _TIME_ADV_IN_RE.search(rest, 0, 48):
            m = _LEAD_TIME_RE.match(rest)
        elif first.endswith("ing") and len(first) > 5:
            m = _LEAD_PARTICIPLE_RE.match(rest)  # "Appearing before supporters, Ng said"
        if not m:
            break
        pos += m.end()
        pm = _PLACE_CONT_RE.match(s, pos)
        if pm and _is_place_run(pm.group(1)):
            pos = pm.end()  # "In Salem, New Hampshire, Ng said": the rest of the place
    return pos


def _second_word(s: str) -> str:
    parts = s.split(maxsplit=2)
    return parts[1].lower().rstrip(",") if len(parts) > 1 else ""


def _is_place_run(run: str) -> bool:
    tokens = run.split()
    return (
        all(t in PLACES for t in tokens)
        or bool(_STATE_ABBREV_RE.fullmatch(run))
        or (len(tokens) == 2 and tokens[0] in ("New", "North", "South", "East", "West"))
    )


def sentence_subject(text: str, lo: int, hi: int) -> Mention | None:
    """The grammatical subject at the start of a sentence, after leading adverbial clauses."""
    while lo < hi and text[lo] in _SPACE_CHARS:
        lo += 1
    s = text[lo : min(hi, lo + 400)]
    off = lo
    if s[:3].isupper():
        m = _DATELINE_RE.match(s)
        if m:
            off += m.end()
            s = s[m.end() :]
    if s[:1] == "A":
        m = _AS_FOR_RE.match(s)
        if m:  # "As for Trump, he said ...": the topic is who the next pronoun means
            return mention_from_run(text, off + m.start(1), off + m.end(1), None)
    named = _desc_then_name(text, s, off)
    if named is not None:
        return named
    inv = _INVERTED_RE.match(s) if s[:1] in "TtHhYAB" else None
    if inv is not None:  # "Yet there in the back was Garcia, ...": the subject after its verb
        return mention_from_run(text, off + inv.start(1), off + inv.end(1), None)
    cut = _strip_lead(s)
    if cut:
        off += cut
        s = s[cut:]
        named = _desc_then_name(text, s, off)  # "But his daughter, Mara, said ..."
        if named is not None:
            return named
    qm = _QUANTITY_START_RE.match(s)
    if qm is not None and people_plural(qm.group(1)):  # "Hundreds of teachers marched ..."
        return Mention(off, off + qm.end(), s[: qm.end()], "desc", head=qm.group(1))
    if cut and s[:4] == "the " and s[4:5].isupper():
        s = "T" + s[1:]  # "As if ..., the Illinois Board of Elections was": as at a start
    parts = s.split(None, 1)
    first = parts[0] if parts else ""
    if first in PERSON_PRONOUNS:
        return Mention(off, off + len(first), first, "pronoun")
    if first.lower() in STOP_CAPS and first.lower() not in _DET_WORDS:
        return None
    if first in ("A", "An"):
        im = _INDEF_ADJ_NAME_RE.match(s)
        if im:  # "A defiant Trump told ...": an adjective before a known person's name
            return mention_from_run(text, off + im.start(1), off + im.end(1), None)
    m = NAME_START_RE.match(s) if first[:1].isupper() else None
    if m and first.lower() not in _DET_WORDS and is_org_name(m.group()):
        both = _BODY_AND_ROLE_NAME_RE.match(s, m.end())
        if both is not None and both.group(1).split()[-1].lower() in ROLE_NOUNS:
            return mention_from_run(
                text, off + both.start(2), off + both.end(2), both.group(1)
            )
        if _AND_NAME_RE.match(s, m.end()):
            return None  # "Yahoo News and Katie Couric announced": two subjects, neither alone
    if m and first.lower() not in _DET_WORDS:
        adj = _ADJECTIVAL_RE.match(s, m.end()) or _AGENT_NOUN_RE.match(s, m.end())
        if adj:
            # "Republican presidential candidate Donald Trump took ...": the name after the role.
            after_role = _NAME_AFTER_ROLE_RE.match(s, adj.end())
            if after_role:
                return mention_from_run(
                    text, off + after_role.start(1), off + after_role.end(1), s[: adj.end()]
                )
        else:
            group = _GROUP_AFTER_NAME_RE.match(s, m.end())
            if group is not None and people_plural(group.group(1)):
                # "Clinton supporters responded": people named after someone, not that person
                return Mention(off, off + group.end(), s[: group.end()], "desc",
                               head=group.group(1).lower())
            nxt = s[m.end() : m.end() + 2]
            if nxt.startswith((" ", ",", "\u00a0")) or not nxt:
                return mention_from_run(text, off, off + m.end(), None)
    dm = _DESC_SUBJECT_RE.match(s)
    if dm:
        words = dm.group().split()
        if words[1].lower() in _BODY_NOUNS:  # "his campaign sent out ...": whose body speaks
            desc = " ".join(words[:2])
            return Mention(off, off + len(desc), desc, "desc", head=words[1].lower())
        for j in range(1, len(words)):
            if words[j].lower() in _CLAUSE_BREAK:
                words = words[:j]  # "Her comments came after Mayor ...": the subject ended
                break
        for k in range(len(words), 1, -1):
            if words[k - 1].lower().rstrip(",") in _PERSON_HEADS:
                desc = " ".join(words[:k]).rstrip(",")
                after_role = _NAME_AFTER_ROLE_RE.match(s, len(desc))
                if after_role and not words[k - 1].endswith(","):
                    return mention_from_run(
                        text, off + after_role.start(1), off + after_role.end(1), desc
                    )
                return Mention(off, off + len(desc), desc, "desc", head=words[k - 1].lower())
    if m:
        body = _BODY_AFTER_RE.match(s, m.end())
        if body:  # "The Ortiz campaign put out ...": the body named after its leader
            return Mention(off, off + body.end(), s[: body.end()], "desc", head=body.group(1))
        nxt = s[m.end() : m.end() + 2]
        if nxt.startswith((" ", ",", "\u00a0")) or not nxt:
            return mention_from_run(text, off, off + m.end(), None)
    return None


def _desc_then_name(text: str, s: str, off: int) -> Mention | None:
    """'His campaign manager, Jo Ames, said': the name a leading description gives, with the
    description as its role (s is text[off:])."""
    if not s[:1].isalpha():
        return None
    m = _DESC_THEN_NAME_RE.match(s)
    if m is None:
        return None
    return mention_from_run(text, off + m.start(2), off + m.end(2), m.group(1))


def clause_subjects(text: str, lo: int, hi: int) -> list[Mention]:
    """Names opening a later clause: '..., but Christie wasn't having it' / '; Smith agreed'."""
    out = []
    for m in _CLAUSE_SUBJECT_RE.finditer(text, lo, hi):
        mention = mention_from_run(text, m.start(1), m.end(1), None)
        if mention is not None:
            out.append(mention)
    return out
