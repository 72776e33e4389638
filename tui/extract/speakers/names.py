"""Reading the noun phrase that names a speaker: a name with its title, a pronoun, or a description.

All functions take the article text (with quotation contents masked) and character bounds, and
return a Mention whose offsets point into that text.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from tui.extract.speakers.places import PLACES

_SP = r"[ \u00a0]+"
_ABBREV_TOKEN = (
    r"(?:Mr|Mrs|Ms|Dr|Sen|Sens|Rep|Reps|Gov|Gen|Lt|Col|Sgt|Capt|Adm|Maj|Rev|Prof|"
    r"St|Jr|Sr|Ft|Mt|Pres|Cmdr|Supt|Atty|Gens|Cpl|Pvt|Hon)\."
)
# A dot that belongs to a title abbreviation ("Sen.", "Lt."), checked after the word is read.
_ABBREV_DOT = (
    r"(?:(?<=Mr|Ms|Dr|St|Lt|Jr|Sr|Ft|Mt)|(?<=Mrs|Sen|Rep|Gov|Gen|Col|Sgt|Adm|Maj|Rev|"
    r"Cpl|Pvt|Hon)|(?<=Capt|Prof|Sens|Reps|Gens|Pres|Cmdr|Supt|Atty))\."
)
_TOKEN = (
    rf"(?:[A-Z]\.(?:[A-Z]\.)*|(?:al-|el-|bin-|abu-)?[A-ZÀ-Þ](?:[\w’'\-]*[\w])?"
    rf"(?:{_ABBREV_DOT})?)"
    r"(?![\w’'])"
)
_PARTICLE = r"(?:de|da|di|del|della|van|von|der|den|du|la|le|al|bin|ibn|ben|dos|das)"
NAME_RUN = rf"{_TOKEN}(?:{_SP}(?:{_PARTICLE}{_SP})?{_TOKEN})*"
NAME_RUN_RE = re.compile(rf"(?=[A-ZÀ-Þ])(?<![\w’'-]){NAME_RUN}")
NAME_END_RE = re.compile(rf"(?<![\w’'.-]){NAME_RUN}$")
_NAME_START_RE = re.compile(rf"{NAME_RUN}")
_PRONOUN_START_RE = re.compile(r"(he|she|they|He|She|They)(?![\w’'])")
_DET = (
    r"(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Oo]ur|[Oo]ne|[Aa]nother|[Tt]his|[Tt]hat|"
    r"[Ss]ome|[Ss]everal|[Mm]any|[Tt]wo|[Tt]hree|[A-Z][\w.\-]*['’]s)"
)
_DESC_END_RE = re.compile(rf"(?<![\w’'-]){_DET}(?:{_SP}[\w’'.\-]+){{0,5}}?{_SP}([a-z][\w\-]*)$")
# A longer description ending in a role noun: "the independent Maine senator and Green party
# candidate".
_LONG_DESC_END_RE = re.compile(
    rf"(?<![\w’'-]){_DET}(?:{_SP}[\w’'.\-]+){{6,8}}?{_SP}([a-z][\w\-]*)$"
)
_TITLE_BEFORE_PREP_RE = re.compile(
    r"(?:Chief|Secretary|Director|Minister|Chairman|Chairwoman|Chair|Head|President|Leader|"
    r"Governor|Ambassador|General|Commissioner|Speaker|Secretary-General|Under-Secretary)\s*$"
)
_NONSPACE_RE = re.compile(r"\S+")
_COMPOUND_ADJ_RE = re.compile(
    r"-(?:style|like|era|based|backed|led|born|made|esque|type|related|friendly|funded|owned|run|"
    r"linked|allied|aligned|inspired|leaning)$"
)
_SPACE_CHARS = frozenset(" \t\n\u00a0")
_CLAUSE_SUBJECT_RE = re.compile(
    rf"(?:[,;]{_SP}(?:but|and|yet|so|while|although|though|because|when){_SP}|;{_SP})"
    rf"({NAME_RUN})(?={_SP}[a-z])"
)
_PARTY_TAG_RE = re.compile(r"[RDI]-[A-Z][\w.]*\.?")
_AGE_RE = re.compile(r"\d{1,3}")
_ROLE_WORD_RE = re.compile(r"[\w\-’'.]+")
_ROLE_STOP = frozenset(
    {"the", "a", "an", "said", "says", "and", "to", "his", "her", "their", "its"}
)
_LEADING_DET_RE = re.compile(
    r"(?<![\w’'])(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[A-Z][\w.\-]*['’]s)[ \u00a0]+$"
)
_PREP_END_RE = re.compile(
    r"(?<![\w’'-])(?:of|for|at|from|with|to|by|about|in|on|inside|under)"
    r"(?:\s+(?:the|a|an))?\s*$"
)
# A preposition right before a name, no determiner between: "from Mike Lee", not "for the
# Wisconsin Republican".
_BARE_PREP_END_RE = re.compile(r"(?<![\w’'-])(?:of|for|at|from|with|to|by|about|in|on)\s+$")
_TIME = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tonight|"
    r"morning|afternoon|evening|night|week|month|year|weekend|January|February|March|April|"
    r"May|June|July|August|September|October|November|December)"
)
_TRAIL_WORDS = frozenset(
    """also later then again once previously recently earlier further simply first has had have
    would will did does do could may might just even never often always still already now
    since reportedly
    """.split()
)
_TIME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday tonight morning
    afternoon evening night week month year weekend january february march april may june july
    august september october november december
    """.split()
)
_TIME_PREPS = frozenset("on last this next late early in at".split())
_LEAD_CLAUSE_RE = re.compile(
    r"^(?:in|on|at|despite|after|before|while|when|as|although|though|since|during|with|without|"
    r"for|following|speaking|addressing|like|unlike|if|because|asked|last|this|over|"
    r"by|under|from|to|of course|in addition|writing|responding|answering|"
    r"citing|noting|echoing|back|upon|throughout|amid|among|regarding|concerning)\b[^,]{0,140},\s*",
    re.IGNORECASE,
)
# Sentence adverbs stand alone before the subject: "Then Trump went", "However, Cruz said".
_LEAD_ADVERB_RE = re.compile(
    r"^(?:meanwhile|also|now|then|yet|still|however|instead|separately|overall|indeed|moreover|"
    r"earlier|later|yesterday|today|here|there|but|and|so|or|plus|again|first|finally|next|"
    r"even|only|[a-z]+ly(?=,))\b"
    r",?\s+",
    re.IGNORECASE,
)
_TRAILING_TIME_RE = re.compile(rf"(?:\s+(?:on|last|this|in)?\s*{_TIME})*\s*")
_TRAILING_PP_RE = re.compile(r"\s+(?:of|from|at|for|with|to|who|and|in|on|during)\b")
_NAME_AFTER_ROLE_RE = re.compile(rf"{_SP}({NAME_RUN})(?=[ ,\u00a0(])")
# A description set before the name it gives: "His campaign manager, Jo Ames, said",
# "Norway's trade minister, Karl Holm, dismisses ...".
_DESC_THEN_NAME_RE = re.compile(
    rf"^((?:[Oo]ne|[Aa]nother|[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[A-Z][\w.\-]*['’]s)"
    rf"(?:{_SP}[\w\-’']+){{1,4}}),{_SP}({NAME_RUN}),"
)
_LEAD_TIME_RE = re.compile(r"^[^,]{0,40}\b(?:ago|later|earlier|before|after)\s*,\s*")
_AS_FOR_RE = re.compile(rf"^(?:As for|As to|Asked about)\s+({NAME_RUN}),")
_DATELINE_RE = re.compile(
    r"^[A-Z][A-Z .,'’\-]{2,40}(?:,\s*[A-Z][a-z]{2,4}\.?\s*\d{1,2})?\s*(?:\([^)]{0,30}\))?"
    r"\s*[:—–-]+\s*"
)
_APPOSITIVE_RE = re.compile(
    r"^,\s*(?:who\s+(?:is|was|has\s+been|had\s+been|serves\s+as|served\s+as)\s+|who['’]s\s+)?"
    r"((?:the|a|an|[A-Za-z][\w\-’'.]*)\b[^,.;:!?()“”\"]{0,100})"
)
_WORD_RE = re.compile(r"[A-Za-z][\w’'\-]*")
_CHUNK_STOP_RE = re.compile(r"[,;:!?()“”\"—–\n.]")
_ABBREV_WORD_RE = re.compile(rf"{_ABBREV_TOKEN}|[A-Z]\.(?:[A-Z]\.)*|(?:[a-z]\.){{2,}}")
_DESC_START_RE = re.compile(rf"{_DET}(?:{_SP}[\w’'.\-]+){{0,6}}")
_APPOSITIVE_NAME_RE = re.compile(
    rf",{_SP}(?P<role>(?:[a-z][\w\-]*{_SP}){{0,3}})({NAME_RUN})(?=\s*(?:[,.;:!?]|$))"
)

TITLE_WORDS = frozenset(
    """ambassador minister foreign interior prime deputy president vice senator sen rep
    representative gov governor secretary general gen judge justice mayor chairman chairwoman
    chair chief director speaker leader majority minority senate house attorney mr mrs ms miss
    dr prof professor pope king queen prince princess lt col sgt capt adm maj commissioner
    spokesman spokeswoman spokesperson envoy under-secretary secretary-general former acting
    candidate nominee congressman congresswoman rev sheriff chancellor premier state defense
    defence treasury homeland security press commander officer executive ceo founder lord lady
    sir dame sheikh emir crown finance home health labor labour education energy commerce
    agriculture transportation veterans affairs national adviser advisor assistant associate
    u.s us un eu first republican democratic democrat gop presidential frontrunner
    front-runner supreme court district federal special counsel councilman councilwoman
    assemblyman assemblywoman delegate mr. mrs. ms. dr. sen. rep. gov. gen. lt. col. sgt.
    capt. adm. maj. rev. prof. st. pres. sec. atty. supt. cmdr. the staff navy army seal rival
    """.split()
)
STOP_CAPS = frozenset(
    """the a an in on at but and or so as if when while after before since this that these those
    it he she they we i his her their its our my your there here what who why how where yes no
    also still now then meanwhile however despite although though according for with without
    from to by of many some most both each every all one two last next earlier later asked
    speaking addressing monday tuesday wednesday thursday friday saturday sunday january
    february march april may june july august september october november december mr mrs ms dr
    today yesterday tonight instead even just like unlike not nor yet because during amid
    after read more related news scroll top photo image video watch click editor's editor’s
    update wait here look consider note see listen please thank thanks yes okay ok well oh
    recently shortly lately currently previously additionally similarly clearly certainly
    obviously apparently interestingly unfortunately fortunately ultimately initially eventually
    presumably hopefully notably importantly basically frankly honestly actually generally
    especially specifically partial ever another any much among outside rather against
    said says added adds asked asks wrote writes replied explained continued noted recalled
    declared tweeted quipped warned insisted argued regarding concerning hundreds thousands
    dozens millions scores
    """.split()
)
_TIME_CAPS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december
    """.split()
)
ORG_WORDS = frozenset(
    """news times post journal house party committee department ministry office council
    association center centre institute university college network campaign foundation
    corporation corp inc group agency commission administration court congress senate nations
    union bank fund organization organisation reuters press television tv radio magazine daily
    review tribune herald gazette telegraph guardian mail express channel company co llc ltd
    board bureau service authority federation alliance coalition movement society church
    police army force forces pac project watch initiative club caucus cabinet government
    embassy pentagon kremlin parliament assembly school hospital chamber republicans democrats
    twitter facebook instagram cnn nbc abc cbs msnbc bbc ap afp fox npr pbs politico breitbart
    republic state states kingdom report statement times-picayune
    """.split()
)
ROLE_NOUNS = frozenset(
    """investor entrepreneur cleric master councillor councilor trustee superintendent principal
    dean provost rector vicar imam rabbi envoy ambassador minister senator congressman
    congresswoman governor president
    nominee candidate spokesman spokeswoman spokesperson secretary chairman chairwoman chair leader
    judge justice mayor director diplomat lawmaker representative billionaire businessman
    businesswoman mogul frontrunner front-runner premier chancellor king queen prince general
    commander chief attorney lawyer prosecutor sheriff officer professor economist adviser
    advisor host anchor founder executive ceo manager strategist pollster actor actress star
    author writer columnist commentator pastor preacher bishop cardinal pope activist owner
    coach player veteran husband wife son daughter father mother brother sister widow
    mayor-elect president-elect governor-elect speaker congressmember delegate legislator
    politician statesman engineer farmer teacher doctor nurse pilot captain detective
    inspector sergeant analyst scientist researcher historian economist editor publisher
    reporter correspondent journalist producer director physician surgeon resident student
    organizer organiser volunteer worker chef poet singer musician artist hopeful contender
    challenger incumbent
    """.split()
)
# A capitalised word used as an adjective before a role noun: "The Pakistani envoy", "GOP nominee".
_ADJECTIVAL_RE = re.compile(
    rf"{_SP}(?:[a-z][\w\-]*{_SP}){{0,2}}(?:{'|'.join(sorted(ROLE_NOUNS, key=len, reverse=True))})\b"
)
# An agent noun between a name and a name: "Obama pollster ...", "Florida developer Al Ng".
_NOT_AGENT = (
    r"(?!(?:after|over|under|never|ever|rather|whether|other|either|neither|later|former|"
    r"together|per|for|nor|sooner|better|further|answer|consider|remember|offer|order|deliver|"
    r"wonder|counter|enter|register|monitor|honor|favor|want|meant|went|sent|spent|meet|see|"
    r"agree|guarantee|decree)\b)"
)
_AGENT_NOUN_RE = re.compile(
    rf"{_SP}(?:{_NOT_AGENT}[a-z][\w\-]*{_SP})?{_NOT_AGENT}[a-z][a-z\-]+(?:er|or|ist|ant|ian|ee)"
    rf"(?={_SP}[A-Z])"
)
_INDEF_ADJ_NAME_RE = re.compile(
    rf"[Aa]n?{_SP}(?:[a-z][\w\-]*{_SP}){{1,2}}({NAME_RUN}){_SP}"
    r"(?=[a-z]+ed\b|[a-z]+s\b|(?:said|told|wrote|spoke|went|took|gave|stood|came|made)\b)"
)
_PASSIVE_BY_RE = re.compile(r"[a-z](?:ed|en)(?:[ \u00a0]+[A-Za-z]+)?[ \u00a0]+by$")
_LEAD_PARTICIPLE_RE = re.compile(
    r"[A-Z][a-z]+ing[ \u00a0]+(?:the|a|an|his|her|their|its|before|after|during|alongside|next|"
    r"outside|beside|behind|ahead|back|up|down|out|over|through|across|against|with|without|on|"
    r"off|of|for|at|from|to|by|about|in|into|under)\b[^,]{0,140},\s*"
)
_PLACE_CONT_RE = re.compile(rf"({NAME_RUN}),\s*")
_STATE_ABBREV_RE = re.compile(r"[A-Z]{2}|[A-Z][a-z]{1,4}\.|[A-Z]\.[A-Z]\.")
PREPOSITIONS = frozenset("of for at from with to by about in on inside under into".split())


@dataclass(slots=True)
class Mention:
    """A phrase naming a speaker, as written, with what it says about them."""

    start: int
    end: int
    text: str
    kind: str  # "name" | "pronoun" | "desc"
    name: str | None = None  # the name without title, for kind "name"
    role: str | None = None
    head: str | None = None  # the head noun of a description
    np_start: int = -1  # where the whole noun phrase starts, when wider than the mention


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
    while tokens and tokens[-1].lower().rstrip(".,") in _TIME_CAPS:
        tokens.pop()
    cut = 0
    for k in range(len(tokens) - 1):
        low = tokens[k].lower().rstrip(",")
        if low in TITLE_WORDS or low in ROLE_NOUNS:
            cut = k + 1
    if cut and is_org_name(" ".join(tokens[cut:])):
        cut = 0  # "State Department", "Senate Judiciary Committee": an organisation's own name
    if tokens and _COMPOUND_ADJ_RE.search(tokens[-1]):
        return None, None  # "Trump-style", "Obama-era": an adjective, not a name
    title = " ".join(tokens[:cut]) or None
    name_tokens = [_clean_token(t) for t in tokens[cut:]]
    name = " ".join(t for t in name_tokens if t) or None
    if name and name.lower() in TITLE_WORDS | STOP_CAPS:
        return title, None
    return title, name


@functools.lru_cache(maxsize=8192)
def is_org_name(name: str) -> bool:
    words = name.split()
    if len(words) == 1 and len(name) > 1 and name.isupper():
        return True  # an acronym: FBI, NATO
    return any(w.lower().strip(".,’'") in ORG_WORDS for w in words)


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


def _mention_from_run(text: str, start: int, end: int, role: str | None) -> Mention | None:
    lead, title, name = _run_parts(text[start:end])
    if name is None:
        return None
    s = start + lead
    roles = [r for r in (title, role) if r]
    return Mention(s, end, text[s:end], "name", name, "; ".join(roles) or None)


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
            low.endswith("ly") and last.islower() and len(low) > 3
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
    if last in _PRONOUNS or last in _NON_PERSON_PRONOUNS:
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
            return _name_or_pp_head(text, lo, base + m.start(), end, depth)
    if last[:1].islower() and last not in _NOT_NOUNS:
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
    return None


_PRONOUNS = frozenset({"he", "she", "they", "He", "She", "They"})
# Speakers that are never a named person here: a document ("it reads"), the writer ("I said").
_NON_PERSON_PRONOUNS = frozenset({"it", "It", "I", "we", "We"})
_BARE_NOUN_RE = re.compile(r"[a-z][a-z\-]{2,}s")  # "officials", "critics"
_NOT_NOUNS = frozenset(
    """and but or that which who whom also then this when while as if not has had have would will
    was were is are be been being did does do could should may might can just never often
    always still already only even there here it him her them us me we you i he she they its
    what
    """.split()
)


def _relative_antecedent(text: str, lo: int, hi: int, depth: int) -> Mention | None:
    """Who speaks in '..., who said': the noun phrase before 'who' ("Dianne Feinstein, the
    ranking Democrat, who said"), or the name right before it even inside a prepositional
    phrase ("an endorsement from Mike Lee, who declared"): a relative clause follows the noun
    it describes."""
    comma = text.endswith(",", lo, hi)
    inner = hi - 1 if comma else hi
    nm = NAME_END_RE.search(text, max(lo, inner - 90), inner)
    if nm is not None and _BARE_PREP_END_RE.search(text, max(lo, nm.start() - 16), nm.start()):
        named = _mention_from_run(text, nm.start(), nm.end(), None)
        if named is not None:
            return named
    if not comma:
        return None
    return subject_before(text, lo, hi, depth + 1)


def _name_or_pp_head(text: str, lo: int, start: int, end: int, depth: int) -> Mention | None:
    """A name ending the subject, unless inside a prepositional phrase ('Pollak of Breitbart')."""
    pre = text[lo:start]
    pm = _PREP_END_RE.search(pre)
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
    mention = _mention_from_run(text, start, end, None)
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
    pm = _PREP_END_RE.search(pre)
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
    run = _NAME_START_RE.fullmatch(inner) if inner else None
    if run and not is_org_name(inner):
        named = _mention_from_run(text, inner_start, inner_start + len(inner), None)
        if named is not None:
            if head is not None and head.kind == "desc":
                named.role = head.text
                named.np_start = head.start
            return named
    if head is None:
        return None
    if head.kind == "name" and _is_role_phrase(inner):
        head.role = f"{head.role}; {inner}" if head.role else inner
    return head


def _is_role_phrase(s: str) -> bool:
    first = s.split(maxsplit=1)[0].lower() if s else ""
    if first in {"the", "a", "an"} or first in ROLE_NOUNS or first.endswith(("’s", "'s")):
        return True
    words = s.lower().split()
    return (
        len(words) <= 8
        and any(w in ROLE_NOUNS for w in words)
        and first
        not in {
            "while",
            "when",
            "after",
            "before",
            "speaking",
            "addressing",
            "in",
            "on",
            "at",
            "during",
        }
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
        or first.lower().rstrip(".") in _TIME_CAPS
        or first.lower() in {"that", "it", "so", "this", "there", "then", "later", "also"}
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
    if am and mention.kind == "name" and _is_role_phrase(am.group(1).strip()):
        role = am.group(1).strip()
        mention.role = f"{mention.role}; {role}" if mention.role else role
    return mention


def _last_name_in_chunk(text: str, off: int, chunk: str) -> Mention | None:
    """The last name in 'Ohio State University professor Paul Beck', not in a PP or possessive."""
    best: Mention | None = None
    for rm in NAME_RUN_RE.finditer(chunk):
        pre = chunk[: rm.start()]
        if _PREP_END_RE.search(pre):
            continue
        after = chunk[rm.end() :]
        if rm.group().endswith(("’s", "'s")) or after.startswith(("’s", "'s")):
            continue  # "Clinton's introducer": a determiner, not the speaker
        if not _TRAILING_TIME_RE.fullmatch(after) and not _TRAILING_PP_RE.match(after):
            continue  # "added Latin hits": an adjective, not a name
        cand = _mention_from_run(text, off + rm.start(), off + rm.end(), None)
        if cand is None:
            continue
        role = pre.strip()
        if role:
            cand.role = f"{role} {cand.role}" if cand.role else role
            cand.np_start = off
        best = cand
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
    return _mention_from_run(text, m.start(2), m.end(2), m.group("role").strip() or None)


def _cut_before_clause(chunk: str) -> str:
    m = re.search(
        r"\s(?:who|which|that|as|when|while|after|before|because|in|on|at|during)\s", f" {chunk} "
    )
    return chunk[: max(0, m.start() - 1)].rstrip() if m else chunk


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
            m = _LEAD_ADVERB_RE.match(rest) or _LEAD_CLAUSE_RE.match(rest)
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
            return _mention_from_run(text, off + m.start(1), off + m.end(1), None)
    named = _desc_then_name(text, s, off)
    if named is not None:
        return named
    cut = _strip_lead(s)
    if cut:
        off += cut
        s = s[cut:]
        named = _desc_then_name(text, s, off)  # "But his daughter, Mara, said ..."
        if named is not None:
            return named
    parts = s.split(None, 1)
    first = parts[0] if parts else ""
    if first in _PRONOUNS:
        return Mention(off, off + len(first), first, "pronoun")
    if first.lower() in STOP_CAPS and first.lower() not in _DET_WORDS:
        return None
    if first in ("A", "An"):
        im = _INDEF_ADJ_NAME_RE.match(s)
        if im:  # "A defiant Trump told ...": an adjective before a known person's name
            return _mention_from_run(text, off + im.start(1), off + im.end(1), None)
    m = _NAME_START_RE.match(s) if first[:1].isupper() else None
    if m and first.lower() not in _DET_WORDS:
        adj = _ADJECTIVAL_RE.match(s, m.end()) or _AGENT_NOUN_RE.match(s, m.end())
        if adj:
            # "Republican presidential candidate Donald Trump took ...": the name after the role.
            named = _NAME_AFTER_ROLE_RE.match(s, adj.end())
            if named:
                return _mention_from_run(
                    text, off + named.start(1), off + named.end(1), s[: adj.end()]
                )
        else:
            nxt = s[m.end() : m.end() + 2]
            if nxt.startswith((" ", ",", "\u00a0")) or not nxt:
                return _mention_from_run(text, off, off + m.end(), None)
    dm = _DESC_SUBJECT_RE.match(s)
    if dm:
        words = dm.group().split()
        if words[1].lower() in _BODY_NOUNS:  # "his campaign sent out ...": whose body speaks
            desc = " ".join(words[:2])
            return Mention(off, off + len(desc), desc, "desc", head=words[1].lower())
        for k in range(len(words), 1, -1):
            if words[k - 1].lower().rstrip(",") in ROLE_NOUNS:
                desc = " ".join(words[:k]).rstrip(",")
                named = _NAME_AFTER_ROLE_RE.match(s, len(desc))
                if named and not words[k - 1].endswith(","):
                    return _mention_from_run(text, off + named.start(1), off + named.end(1), desc)
                return Mention(off, off + len(desc), desc, "desc", head=words[k - 1].lower())
    if m:
        body = _BODY_AFTER_RE.match(s, m.end())
        if body:  # "The Ortiz campaign put out ...": the body named after its leader
            return Mention(off, off + body.end(), s[: body.end()], "desc", head=body.group(1))
        nxt = s[m.end() : m.end() + 2]
        if nxt.startswith((" ", ",", "\u00a0")) or not nxt:
            return _mention_from_run(text, off, off + m.end(), None)
    return None


def _desc_then_name(text: str, s: str, off: int) -> Mention | None:
    """'His campaign manager, Jo Ames, said': the name a leading description gives, with the
    description as its role (s is text[off:])."""
    if not s[:1].isalpha():
        return None
    m = _DESC_THEN_NAME_RE.match(s)
    if m is None:
        return None
    return _mention_from_run(text, off + m.start(2), off + m.end(2), m.group(1))


_TRAILING_TAG_RE = re.compile(r"[ \u00a0]*\([^()]{1,24}\)$")
_BODY_NOUNS = frozenset({"campaign", "administration", "government"})
_BODY_AFTER_RE = re.compile(rf"{_SP}(campaign|administration|government)\b")
_DET_WORDS = frozenset(
    "the a an his her its their our one another this that some several many two three".split()
)
_DESC_SUBJECT_RE = re.compile(rf"{_DET}(?:{_SP}[\w’'.\-]+){{1,5}}")
_LEAD_WORDS = frozenset(
    """in on at despite after before while when as although though since during with without for
    following speaking addressing like unlike if because asked earlier later last this over by
    under from to meanwhile also now then yet still however instead separately overall indeed
    yesterday today but and so of writing responding answering citing noting echoing back upon
    throughout amid among here there moreover or plus again first finally next even only
    regarding concerning
    """.split()
)
_TIME_ADV_IN_RE = re.compile(r"\b(?:ago|later|earlier|before|after)\b")
# Sentence adverbs that open a sentence with a comma ("Recently, Smith ..."); "Kelly," is a name.
_LY_ADVERBS = STOP_CAPS | frozenset(
    """consequently subsequently originally typically traditionally historically ironically
    surprisingly predictably privately publicly personally separately politically
    """.split()
)


def clause_subjects(text: str, lo: int, hi: int) -> list[Mention]:
    """Names opening a later clause: '..., but Christie wasn't having it' / '; Smith agreed'."""
    out = []
    for m in _CLAUSE_SUBJECT_RE.finditer(text, lo, hi):
        mention = _mention_from_run(text, m.start(1), m.end(1), None)
        if mention is not None:
            out.append(mention)
    return out


def content_words(s: str) -> set[str]:
    return {w.lower().rstrip(".") for w in _WORD_RE.findall(s)} - STOP_CAPS
