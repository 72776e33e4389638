"""Finding the attribution of a quotation: the speech verb next to it and the phrase naming the
speaker.

Reads the masked text (quotation contents blanked, see quotes.mask_quotes) so that words inside
quotations are never mistaken for attributions.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from tui.extract.quotes.cues import (
    CAPITAL_CUE_RE,
    CUE_RE,
    OBJECT_VERBS,
    cue_verbs,
    normalise_cue,
)
from tui.extract.speakers.mention import Mention
from tui.extract.speakers.names import (
    NAME_END_RE,
    NAME_RUN,
    NAME_RUN_RE,
    ROLE_NOUNS,
    is_org_name,
)
from tui.extract.speakers.phrase_after import subject_after_verb
from tui.extract.speakers.phrase_before import subject_before
from tui.extract.speakers.sentence_subjects import sentence_subject
from tui.extract.vocabulary import word_set

_ABBREV = word_set("abbreviations")
_SENT_END_RE = re.compile(r"[.!?]+[”\"’)\]]*(?=\s|$)")
_LEAD_RE = re.compile(r"[\s,;:—–\-”\"’]*")
_ACCORDING_RE = re.compile(r"(?<![\w’'])[Aa]ccording\s+to\s+")
_GAP_OK_RE = re.compile(r"[\s,;:.!?—–\-”\"’]*")
_GAP_DESC_RE = re.compile(
    r"[\s,;:—–\-]*(?:(?:[\w\-’'.]+,?[ \u00a0]+){1,4}|(?:[\w\-’'.]+[ \u00a0]+){5,6})"
)
_GAP_STOP = frozenset(
    "where when while as after before because if since though although that which who and but or "
    "said says told added is was are were has had have will would".split()
)
# A clause that hands over to a written statement: "issued a statement,", "posted a message,".
_STATEMENT_END_RE = re.compile(
    r"(?<![\w’'-])(?:issued|released|put[ \u00a0]+out|posted|sent|gave|shared|published)"
    r"(?:[ \u00a0]+out)?[ \u00a0]+(?:a|an|the|his|her|their|its)[ \u00a0]+"
    r"(?:[\w\-]+[ \u00a0]+){0,2}"
    r"(?:statement|message|tweet|letter|e-?mail|note|response|reply)(?:[ \u00a0]+[\w\-]+){0,4},$"
)
_DASH_NAME_RE = re.compile(
    rf"[ \u00a0][-—–]+[ \u00a0]*(?:More[ \u00a0]+from[ \u00a0]+)?({NAME_RUN})"
    rf"(?:[ \u00a0]+and[ \u00a0]+{NAME_RUN})?:$"
)
_BY_AGENT_RE = re.compile(r"[ \u00a0]+by[ \u00a0]+")
_PASSIVE_BEFORE_RE = re.compile(
    r"(?<![\w’'-])(?:was|were|is|are|been|being|be|get|got|gets)[ \u00a0]+(?:[a-z]+ly[ \u00a0]+)?$"
)
# "From Ng's Facebook post:": the owner of the text quoted next.
_FROM_OWNER_RE = re.compile(
    r"(?<![\w’'-])[Ff]rom[ \u00a0]+([A-Z][\w.\-]*(?:[ \u00a0]+[A-Z][\w.\-]*){0,3}?)['’]s?"
    r"(?:[ \u00a0]+[\w\-]+){1,3}:$"
)
_FROM_BEFORE_NAME_RE = re.compile(r"(?<![\w’'-])[Ff]rom[ \u00a0]+$")
# A name inside a prepositional phrase: "to the Dutch newspaper", "More from".
_PP_BEFORE_NAME_RE = re.compile(
    r"(?<![\w’'-])(?:to|with|from|by|at|of|on|in|for|about|into)[ \u00a0]+"
    r"(?:(?:the|a|an|[A-Za-z][\w\-]*)[ \u00a0]+){0,3}$"
)
# A clause after a quotation made of a short subject and one verb: "Oliver barked." / "he
# mocks." / "an angry Ng retaliated, “".
_SUBJECT_VERB_END_RE = re.compile(
    r"(?:[\w’'.\-]+[ \u00a0]+){1,5}?([a-z]{3,}(?:ed|s))"
    r"[ \u00a0]*(?:[.,;!?]|$|[ \u00a0]and[ \u00a0])"
)
# A past tense verb opening the clause, the speaker after it: "exhorted the host, Jo Ames."
_VERB_FIRST_ANY_RE = re.compile(r"([a-z]{3,}ed)[ \u00a0]+(?=[A-Za-z])")
# "with Jo Ames tweeting": a "with" clause whose participle has a named agent.
_WITH_AGENT_RE = re.compile(rf"(?<![\w’'-])with[ \u00a0]+({NAME_RUN})[ \u00a0]+[a-z]+ing\b")
# "” was how Ng put it": the speaker between "how" and the verb.
_HOW_PUT_RE = re.compile(
    r"(?:was|is)[ \u00a0]+how[ \u00a0]+([^.;:!?“”\"¤]{1,80}?)[ \u00a0]+"
    r"(?:put|puts|described|describes|summed[ \u00a0]+up|phrased|phrases)[ \u00a0]+it\b"
)
# "As Ng put it, “" / "as anti-terror prosecutor Ann Ode put it:": the speaker before "put it".
_AS_PUT_RE = re.compile(
    r"(?<![\w’'])[Aa]s[ \u00a0]+([^.;:!?“”\"¤,]{1,80}?)[ \u00a0]+"
    r"(?:put|puts|described|describes|summed[ \u00a0]+up|sums[ \u00a0]+up)[ \u00a0]+it[,:]?$"
)
# "In Ng's words, “" / "In the words of Mayor Ann Ng, “": whose words the quotation is.
_WORDS_OF_RE = re.compile(
    r"(?<![\w’'])[Ii]n[ \u00a0]+(?:the[ \u00a0]+(?:own[ \u00a0]+)?words[ \u00a0]+of[ \u00a0]+"
    r"([^.;:!?“”\"¤,]{1,80}?)|([A-Z][^.;:!?“”\"¤,]{0,80}?)['’]s?[ \u00a0]+(?:own[ \u00a0]+)?"
    r"words)[,:]?$"
)
# A base form that is mostly a noun is a verb after a plural subject that opens the clause
# after a quotation: "” the Saudis state in the paper", "” they note."
_PLURAL_BASE_CUE_RE = re.compile(
    r"((?:[Tt]he[ \u00a0]+)?[A-Z][a-z]+s|they|we)[ \u00a0]+(state|note|report|comment|claim|"
    r"explain|argue|write|say)(?=[ \u00a0]*(?:[.,;]|$)|[ \u00a0]+(?:in|on|that)\b)"
)
_QUOTED_AS_RE = re.compile(
    r"[ \u00a0]+(?:was|were|is|are|has[ \u00a0]+been|had[ \u00a0]+been)[ \u00a0]+"
    r"(?:[a-z]+ly[ \u00a0]+)?quoted[ \u00a0]+as[ \u00a0]+$"
)
# Documents that speak for whoever issued them: "a statement from ...", "a post by ...".
_DOC_NOUNS = word_set("document_nouns")
_DOC_SOURCE_RE = re.compile(
    rf"[ \u00a0]+(?:(?:issued|released|posted|sent|signed)[ \u00a0]+)?(?:from|by|of)[ \u00a0]+"
    rf"(?:the[ \u00a0]+)?({NAME_RUN})"
)
_SIGNATURE_RE = re.compile(rf"[-—–]+\s*({NAME_RUN})\s*(?:[,.]|$)")


@dataclass(slots=True)
class Attribution:
    """Who a quotation's attribution names (None when it names no one) and its cue: the speech
    verb, "according to", ":" or "—"."""

    mention: Mention | None
    cue: str | None


def is_sentence_end(text: str, m: re.Match[str]) -> bool:
    """A '.', '!' or '?' that ends a sentence, not an abbreviation or an initial."""
    if text[m.start()] != ".":
        return True
    if text[m.end() - 1] == ")" and "(" in text[max(0, m.start() - 12) : m.start()]:
        return False  # "(D-Nev.)": a party tag inside a sentence
    j = m.start()
    i = j
    while i > 0 and (text[i - 1].isalnum() or text[i - 1] == "."):
        i -= 1
    word = text[i:j].lower()
    if word in _ABBREV or (len(word) == 1 and text[i].isupper()):
        return False
    return not (len(word) <= 3 and "." in word)


def sentence_ends(text: str, lo: int, hi: int) -> list[int]:
    """Offsets just after each sentence end in text[lo:hi]."""
    return [m.end() for m in _SENT_END_RE.finditer(text, lo, hi) if is_sentence_end(text, m)]


def ends_between(ends: list[int], lo: int, hi: int) -> list[int]:
    """The sentence ends (from sentence_ends, ascending) that fall within [lo, hi]."""
    return ends[bisect.bisect_left(ends, lo) : bisect.bisect_right(ends, hi)]


def first_sentence_end(text: str, lo: int, hi: int) -> int:
    """Where the first sentence of text[lo:hi] ends (its final mark), else a semicolon, else hi."""
    for m in _SENT_END_RE.finditer(text, lo, hi):
        if is_sentence_end(text, m):
            return m.start()
    semi = text.find(";", lo, hi)
    return semi if semi >= 0 else hi


def _np_start(m: Mention) -> int:
    return m.start if m.np_start < 0 else min(m.start, m.np_start)


def attribution_after(masked: str, lo: int, hi: int) -> Attribution | None:
    """'” he said', '” said Ahmad, who ...', '” the senator told reporters', after a quotation."""
    lead = _LEAD_RE.match(masked, lo, hi)
    start = lead.end() if lead else lo
    end = first_sentence_end(masked, start, hi)
    if end <= start:
        return None
    am = _ACCORDING_RE.match(masked, start, end)
    if am:
        return Attribution(_according_to_source(masked, am.end(), end), "according to")
    hm = _HOW_PUT_RE.match(masked, start, end)
    if hm:  # "” was how Ng put it."
        return Attribution(subject_before(masked, hm.start(1), hm.end(1)), "put it")
    vm = CUE_RE.match(masked, start, end)
    if vm and vm.group().endswith("ing"):
        return None  # "“...,” promising the club will return": the clause before speaks
    if vm and vm.group() not in OBJECT_VERBS:
        return Attribution(subject_after_verb(masked, vm.end(), end), normalise_cue(vm.group()))
    vm = CUE_RE.search(masked, start, min(end, start + 200))
    if vm is None:
        pm = _PLURAL_BASE_CUE_RE.match(masked, start, end)
        if pm is not None:  # "” the Saudis state in the white paper.": a group, unnamed
            subj = pm.group(1)
            if subj[:1].isupper() or subj.lower().startswith("the"):
                head = subj.split()[-1]
                group = Mention(pm.start(1), pm.end(1), subj, "desc", head=head.lower())
                return Attribution(group, pm.group(2))
            return Attribution(subject_before(masked, start, pm.end(1)), pm.group(2))
        return _any_verb_after(masked, lo, start, end)
    qm = _QUOTED_AS_RE.search(masked, max(start, vm.start() - 40), vm.start())
    if qm is not None:  # "” Ng was quoted as saying": the passive's subject said it
        return Attribution(subject_before(masked, start, qm.start()), normalise_cue(vm.group()))
    mention = subject_before(masked, start, vm.start())
    if mention is None or not _gap_ok(masked, start, _np_start(mention)):
        # "” Harry Bond, 30, of Raleigh, who was polled, said": the name that opens the clause.
        mention = _leading_name(masked, start, vm.start()) or _first_conjunct(
            masked, start, vm.start()
        )
        if mention is None:
            return None
    return Attribution(mention, normalise_cue(vm.group()))


def _according_to_source(masked: str, lo: int, hi: int) -> Mention | None:
    """Who speaks after "according to": a name or description, or whoever issued the document
    named ("according to a statement from the Harbour Trust")."""
    mention = subject_after_verb(masked, lo, hi)
    if mention is None or mention.kind != "desc" or mention.head not in _DOC_NOUNS:
        return mention
    src = _DOC_SOURCE_RE.match(masked, mention.end, hi)
    if src is None:
        return mention
    return subject_before(masked, src.start(1), src.end(1)) or mention


def is_passive(masked: str, verb_start: int) -> bool:
    """Whether the speech verb at verb_start is passive ("was asked", "were told"), its subject
    the one spoken to."""
    return _PASSIVE_BEFORE_RE.search(masked, max(0, verb_start - 16), verb_start) is not None


def _any_verb_after(masked: str, lo: int, start: int, end: int) -> Attribution | None:
    """'“...,” Oliver barked.' / '“...?” exhorted the host, Jo Ames.': after a quotation that
    ends in a comma (or a question or exclamation mark), a bare subject and verb ending the
    clause attribute it, whatever the verb."""
    if lo < 2 or masked[lo - 2] not in ",?!":
        return None
    vm = _VERB_FIRST_ANY_RE.match(masked, start, end)
    if vm:
        mention = subject_after_verb(masked, vm.end(), end)
        if mention is not None and mention.kind == "name":
            return Attribution(mention, normalise_cue(vm.group(1)))
        return None
    vm = _SUBJECT_VERB_END_RE.match(masked, start, end)
    if vm is None:
        return None
    mention = subject_before(masked, start, vm.start(1))
    if (
        mention is None
        or mention.start - start > 40
        or not _gap_ok(masked, start, _np_start(mention))
    ):
        return None
    return Attribution(mention, normalise_cue(vm.group(1)))


def _gap_ok(masked: str, lo: int, hi: int) -> bool:
    """Only punctuation, or a short description ("his friend", "New York attorney"), between a
    quotation's end and its speaker's name."""
    if _GAP_OK_RE.fullmatch(masked, lo, hi):
        return True
    m = _GAP_DESC_RE.fullmatch(masked, lo, hi)
    return m is not None and not (set(m.group().lower().split()) & _GAP_STOP)


def _leading_name(masked: str, lo: int, hi: int) -> Mention | None:
    m = NAME_RUN_RE.match(masked, lo, hi)
    if m is None or not masked.startswith(",", m.end()):
        return None
    return subject_before(masked, lo, m.end())


def _first_conjunct(masked: str, lo: int, hi: int) -> Mention | None:
    """'” Jo Ames and Al Roy, both lawyers, wrote': the first of two people named together."""
    k = masked.find(" and ", lo, hi)
    if k < 0 or not masked[k + 5 : k + 6].isalpha():
        return None
    mention = subject_before(masked, lo, k)
    if mention is None or mention.kind != "name" or not _gap_ok(masked, lo, _np_start(mention)):
        return None
    return mention


def signature_after(masked: str, lo: int, hi: int) -> Attribution | None:
    """A paragraph that only signs the quotation before it: '— Sanders.' / '-Mia Ruiz, Ohio.'"""
    m = _SIGNATURE_RE.match(masked, lo, hi)
    if m is None:
        return None
    return Attribution(subject_before(masked, lo, m.end(1)), "—")


def attribution_before(masked: str, lo: int, open_pos: int) -> Attribution | None:
    """'X said: “', 'According to X, “', 'X: “', 'Rubio says “', right before a quotation."""
    seg = masked[lo:open_pos].rstrip()
    if not seg:
        return None
    end = lo + len(seg)
    am = None
    for found in _ACCORDING_RE.finditer(masked, lo, end):
        am = found
    if am is not None and seg[-1] in ",:":
        mention = _according_to_source(masked, am.end(), end)
        if mention is not None:
            return Attribution(mention, "according to")
    pm = _AS_PUT_RE.search(masked, max(lo, end - 120), end)
    if pm is not None:  # "As Ng put it, “": the one who put it so
        mention = subject_before(masked, pm.start(1), pm.end(1))
        if mention is not None:
            return Attribution(mention, "put it")
    wm = _WORDS_OF_RE.search(masked, max(lo, end - 120), end)
    if wm is not None:  # "In Ng's words, “": the owner of the words
        g = 1 if wm.group(1) is not None else 2
        mention = subject_before(masked, wm.start(g), wm.end(g))
        if mention is not None and mention.kind != "pronoun":
            return Attribution(mention, "words")
    last = seg[-1]
    if last == ":":
        dash = _DASH_NAME_RE.search(masked, max(lo, end - 60), end)
        if dash:  # "Pollsters agree - Carl Bialik: “": a heading, then who is quoted
            return Attribution(subject_before(masked, dash.start(1), dash.end(1)), ":")
    opening = CAPITAL_CUE_RE.match(masked, lo + len(masked[lo:end]) - len(masked[lo:end].lstrip()))
    if opening is not None:
        # "Said Notley, when asked about it: “": a sentence opening on its speech verb is
        # the attribution, whatever verbs its clauses hold
        mention = _verb_first(masked, opening.end(), end)
        if mention is not None and mention.kind == "name":  # not "Asked a question, Ng said"
            return Attribution(mention, normalise_cue(opening.group().lower()))
    verbs = cue_verbs(masked, lo, end)
    verb = verbs[-1] if verbs else None
    if verb is not None and end - verb.end() > 70:
        verb = None
    if verb is not None and is_passive(masked, verb.start()):
        # "Ng was asked, “": the question is put to the subject; who asked is said only by an
        # agent after "by" ("Ng was asked by host Al Roy, “").
        by = _BY_AGENT_RE.match(masked, verb.end(), end)
        agent = subject_after_verb(masked, by.end(), end) if by else None
        if agent is not None and agent.kind == "pronoun":
            agent = None
        return Attribution(agent, normalise_cue(verb.group()))
    if verb is not None:
        if (
            verb.group().endswith("ing")
            and len(verbs) > 1
            and not verbs[-2].group().endswith("ing")
            and masked[verbs[-2].end() : verb.start()].strip(" ,\u00a0") == ""
        ):
            # "..., Spicer said, adding, “": the participle continues the verb just before it.
            mention = subject_before(masked, lo, verbs[-2].start()) or _verb_first(
                masked, verbs[-2].end(), verb.start()
            )
        elif verb.group().endswith("ing"):
            # "Williams lobbied to ..., saying, “": a participle's subject is the clause's, or
            # the agent of a "with" clause it continues ("..., with Ng tweeting ... and asking, “").
            mention = _with_agent(masked, lo, verb.start()) or sentence_subject(
                masked, lo, verb.start()
            )
            if mention is None:
                mention = subject_before(masked, lo, verb.start())
                if (
                    mention is not None
                    and mention.kind == "desc"
                    and mention.head not in ROLE_NOUNS
                ):
                    mention = None  # "on his Facebook page, writing": not a speaker
        else:
            first = None
            if (
                masked[lo : verb.start()].rstrip().endswith(",")
                and verb.group() not in OBJECT_VERBS
            ):
                first = _verb_first(masked, verb.end(), end)  # "..., explained Rosenberg, “"
                if first is not None and first.kind != "name":
                    first = None
            mention = (
                first
                or subject_before(masked, lo, verb.start())
                or sentence_subject(masked, lo, verb.start())
            )
        return Attribution(mention, normalise_cue(verb.group()))
    cap = CAPITAL_CUE_RE.search(masked, max(lo, end - 120), end)
    if cap is not None and (
        cap.start() == lo or masked[lo : cap.start()].rstrip()[-1:] in '.!?”"\n'
    ):
        # "Said Dorothy Poynter, who grew up with him, “": the speaker follows the verb.
        mention = _verb_first(masked, cap.end(), end)
        if mention is not None:
            return Attribution(mention, normalise_cue(cap.group().lower()))
    if last == ":":
        return _colon_attribution(masked, lo, end)
    if last == "," and _STATEMENT_END_RE.search(masked, max(lo, end - 80), end):
        # "Ng issued a statement, “": the sentence's subject gives it.
        return Attribution(sentence_subject(masked, lo, end), "statement")
    return None


def _with_agent(masked: str, lo: int, hi: int) -> Mention | None:
    """'Party leaders chimed in, with Jo Ames tweeting that ...': the name doing the "with"
    clause's participle, the last such before hi."""
    found = None
    for m in _WITH_AGENT_RE.finditer(masked, max(lo, hi - 200), hi):
        found = m
    if found is None:
        return None
    return subject_before(masked, found.start(1), found.end(1))


def _colon_attribution(masked: str, lo: int, end: int) -> Attribution:
    """'Samir Haddad: “', '... surprised pollster Dana Shaw: “', 'Ng told the daily Le Soir: “'.

    A name right before the colon speaks, unless it sits in a prepositional phrase ("to the
    newspaper Le Soir"): then the sentence's subject does, if there is one ("More from Jones:").
    """
    owner = _FROM_OWNER_RE.search(masked, max(lo, end - 90), end)
    if owner is not None:  # "From Ng's Facebook post: “"
        return Attribution(subject_before(masked, owner.start(1), owner.end(1)), ":")
    seg_start = lo + len(masked[lo:end]) - len(masked[lo:end].lstrip())
    nm = NAME_END_RE.search(masked, max(lo, end - 90), end - 1)
    named = nm is not None and (
        nm.start() == seg_start or (" " in nm.group() and not is_org_name(nm.group()))
    )
    if nm and named and not _PP_BEFORE_NAME_RE.search(masked, max(lo, nm.start() - 50), nm.start()):
        # "Samir Haddad: “" or "... surprised pollster Dana Shaw: “"
        return Attribution(subject_before(masked, lo, end - 1), ":")
    subject = sentence_subject(masked, lo, end)
    if (
        subject is None
        and nm
        and _FROM_BEFORE_NAME_RE.search(masked, max(lo, nm.start() - 8), nm.start())
    ):
        subject = subject_before(masked, nm.start(), end - 1)
    return Attribution(subject, ":")


def _verb_first(masked: str, lo: int, hi: int) -> Mention | None:
    """'Said Trump:' / 'asked Smith,' before a quotation."""
    s = masked[lo:hi].rstrip(" ,:")
    if not s:
        return None
    found = subject_after_verb(masked, lo, lo + len(s))
    comma = s.find(",")
    if found is None and comma > 0 and _CLAUSE_AFTER_RE.match(s, comma + 1):
        # "Said Notley, when asked about it: “": the speaker before the adverbial clause
        found = subject_after_verb(masked, lo, lo + comma)
    return found


_CLAUSE_AFTER_RE = re.compile(
    r"[ \u00a0]+(?:when|after|as|while|before|once|speaking|asked|responding|referring|"
    r"pointing|standing|in|at|on)\b"
)
