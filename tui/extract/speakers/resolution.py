"""Turning mentions ("Ahmad", "he", "the Pakistani envoy") into the people and bodies they refer to.

Mentions are resolved in text order: a pronoun goes to the most recent compatible person, a
description to the person whose roles, wherever the article names them, best fit it (see
descriptions and roles; failing that, the most recent speaker), and a short name to the fullest
form of that name in the article (see registry).
"""

from __future__ import annotations

import bisect
import re

from tui.extract.speakers.descriptions import resolve_description
from tui.extract.speakers.entity import Entity
from tui.extract.speakers.genders import Gender, first_name_gender
from tui.extract.speakers.mention import Mention
from tui.extract.speakers.names import (
    PREP_END_RE,
    PREPOSITIONS,
    ROLE_NOUNS,
    description_words,
    is_org_name,
    looks_like_person,
)
from tui.extract.speakers.orgs import full_org_name
from tui.extract.speakers.registry import Registry
from tui.extract.speakers.roles import roles_at
from tui.extract.vocabulary import table, word_set

_NAMED_REACH = 1500  # characters back a pronoun may reach for a name outside any subject
_FEMALE_TITLES = word_set("titles_female")
_MALE_TITLES = word_set("titles_male")
_GENDER_PRONOUN_RE = re.compile(r"(?<![\w’'-])(?:[Hh]e|[Ss]he)(?![\w’'-])")
# The subject of the clause a name's speech verb reports is that name's own pronoun: "Jody Roy
# said he would", "Ng told reporters Tuesday that she".
_SAID_PRONOUN_RE = re.compile(
    r"[ \u00a0]+(?:[a-z]+ly[ \u00a0]+)?"
    r"(?:said|says|told[ \u00a0]+(?:reporters|[a-z]+[ \u00a0]+[a-z]+|[a-z]+)|added|adds|wrote|"
    r"writes|argued|argues|insisted|insists|noted|notes|stressed|stresses|acknowledged)"
    r"(?:[ \u00a0]+(?:on[ \u00a0]+)?[A-Z][a-z]+day)?[ \u00a0]+(?:that[ \u00a0]+)?"
    r"([Hh]e|[Ss]he)(?![\w-])"
)
# "he said of Cruz": who a clause is about is not its subject; the pronoun means someone else.
_SAID_OF_RE = re.compile(
    r"[A-Za-z]+[ \u00a0]+[a-z]+[ \u00a0]+of[ \u00a0]+([A-Z][\w’'\-]+)(?![\w’'\-])"
)
_SKIP_BEFORE_SUBJECT = frozenset(' \t\n\u00a0“”"¤,.')
# Plural nouns for people ("Demonstrators", "Officials") opening a sentence: a group, no name.
_GROUP_NOUNS = word_set("people_plurals")
# A relative clause of persons after a lone name: "Kenney, who was speaking ...".
_WHO_AFTER_RE = re.compile(r",[ \u00a0]+(?:who|whose)\b")
# What stands before a name that is not a subject: a preposition, "such as", or a verb's object
# position ("met Ann Ng", "criticized Ann Ng"), with any title or role words between.
_AS_BEFORE_RE = re.compile(r"(?<![\w’'-])(?:such[ \u00a0]+as|as|than|like|including)[ \u00a0]*$")
_OBJECT_BEFORE_RE = re.compile(r"(?<![\w’'-])[a-z]+ed[ \u00a0]*$")
# Verbs whose following noun is the listener: "told Ann Ng", "asked Ann Ng".
_OBJECT_VERBS = word_set("speech_verbs_listener")
_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "our"})
_INDEFINITE = frozenset({"a", "an", "one", "another"})
# Heads of a definite description of a body or document that speaks ("the newspaper admitted",
# "the company wrote"): a later "it said" may mean it when no named body is nearer.
_BODY_DESC_HEADS = frozenset(table("org_heads")) | word_set("document_nouns") | frozenset(
    "newspaper paper magazine website site network station company firm agency group".split()
)
_APPOSITIVE_BEFORE_RE = re.compile(r"[A-Z][\w.’'\-]*,[ \u00a0]*$")
_INTERVIEWERS = frozenset({"reporter", "journalist", "interviewer", "moderator", "host", "anchor"})
_UNNAMED_PERSON_NOUNS = table("unnamed_person_nouns")
# Role nouns that give a gender ("a spokeswoman" is "she").
_FEMALE_HEADS = frozenset(
    "spokeswoman chairwoman businesswoman congresswoman councilwoman actress mother wife "
    "daughter sister widow".split()
)
_MALE_HEADS = frozenset(
    "spokesman chairman businessman congressman councilman actor father husband son "
    "brother".split()
)


def _new_unnamed(m: Mention) -> Entity | None:
    """'A spokeswoman for the ministry said', 'one resident said': an indefinite description of
    a person who speaks brings someone new and unnamed into the story, kept as described; a
    later "she" may mean them (see Resolver.pronoun). Not one who asks the questions ("a
    reporter asked")."""
    head = (m.head or "").lower()
    first = m.text.split(maxsplit=1)[0].lower() if m.text else ""
    words = [w.lower() for w in m.text.split()]
    if (
        first not in _INDEFINITE
        or head in _INTERVIEWERS
        or not (head in ROLE_NOUNS or head in _UNNAMED_PERSON_NOUNS)
        or head not in words
        or _DETERMINERS.intersection(words[1 : words.index(head)])
        or PREPOSITIONS.intersection(words[1 : words.index(head)])
    ):
        return None  # not "a fine after the man": one noun phrase, its head a person
    gender: Gender | None = None
    given = _UNNAMED_PERSON_NOUNS.get(head, "-")
    if given in ("m", "f"):
        gender = "m" if given == "m" else "f"
    elif head in _FEMALE_HEADS:
        gender = "f"
    elif head in _MALE_HEADS:
        gender = "m"
    return Entity(description_words(m.text), False, True, gender, named=False)


def _definite_body(m: Mention) -> bool:
    """'the newspaper', 'the company': a definite description whose head is a body's."""
    words = m.text.lower().split()
    return len(words) >= 2 and words[0] == "the" and (m.head or "").lower() in _BODY_DESC_HEADS


def is_group_noun(word: str) -> bool:
    """A capitalised plural noun naming people ("Protesters", "Officials"), not a name."""
    low = word.lower()
    return low in _GROUP_NOUNS or (low.endswith("s") and low[:-1] in ROLE_NOUNS)


class Resolver:
    """Resolves mentions in text order, remembering who was mentioned and who spoke."""

    def __init__(self, masked: str, ends: list[int] | None = None) -> None:
        self.registry = Registry(masked)
        self.entities: dict[str, Entity] = {}
        self.history: list[Entity] = []  # persons and bodies, in order of mention
        self.history_pos: list[int] = []  # where each history entry was mentioned
        # history entries that "he" or "she" passes over when a better one is near: a subject
        # inside a reported clause ("Ng said Moe had promised"), or one who declined to speak
        self.backgrounded: set[int] = set()
        self.speakers: list[Entity] = []  # who was attributed speech, in order
        self.ends = ends if ends is not None else []  # sentence ends, ascending
        self._named_pos = -1
        # pronoun mention start -> True when it went back to a name outside any subject (after
        # a preposition or as a verb's object): the weakest kind of pronoun resolution
        self.weak_pronouns: set[int] = set()
        # pronoun mention starts resolved to the only fitting person close by: the surest kind
        self.clear_pronouns: set[int] = set()
        self._occ_roles: dict[int, list[str]] = {}
        self._body_desc: tuple[Entity, int] | None = None  # the latest unnamed body that spoke

    def sentence_of(self, pos: int) -> int:
        return bisect.bisect_right(self.ends, pos)

    def entity(self, name: str) -> Entity:
        ent = self.entities.get(name)
        if ent is None:
            org = is_org_name(name)
            titles = self.registry.titles.get(name, [])
            single = " " not in name
            person = (
                not org
                and (
                    not single
                    or bool(titles)
                    or (
                        len(self.registry.positions.get(name, ())) >= 2
                        and name not in self.registry.places
                    )
                )
                and (single or bool(titles) or looks_like_person(name))
            )
            ent = Entity(name, org, person, None if single else first_name_gender(name))
            for t in titles:
                ent.add_role(t)
                low = t.lower().split()[0]
                if low in _FEMALE_TITLES:
                    ent.gender = "f"
                elif low in _MALE_TITLES:
                    ent.gender = "m"
            self.entities[name] = ent
        return ent

    def resolve(
        self, m: Mention, *, speaking: bool, background: bool = False
    ) -> Entity | None:
        """The entity m refers to, noted in the history (background: see backgrounded)."""
        ent: Entity | None
        if m.kind == "name" and m.name and " " not in m.name and is_group_noun(m.name):
            # "Demonstrators chanted ...": people described, not named.
            ent = Entity(m.name, False, False, named=False)
        elif m.kind == "name" and m.name:
            shared = " " not in m.name and len(self.registry.by_token.get(m.name, ())) > 2
            hint = self._gender_after(m.end) if shared else None  # one of two Vargas
            full = self.registry.fullest(m.name, m.start, hint)
            if (
                full == m.name
                and " " not in full
                and not is_org_name(full)
                and self.registry.is_common_word(full)
            ):
                return None
            if " " not in full and is_org_name(full):  # "Ministry of Canals said"
                end = m.start + len(m.name)  # the mention may run on over the "of" tail
                if not self.registry.masked.startswith(m.name, m.start):
                    end = m.end
                full = full_org_name(self.registry.masked, m.start, end, full)
            ent = self.entity(full)
            ent.add_role(m.role)
            for title in self.registry.titles.get(m.name, ()):
                ent.add_role(title)
            self._note_gender(ent, m)
            if speaking and not ent.is_org and not self._titled(m):
                # "Jody Roy said he would ...": the article's own pronoun over a first name's
                said = _SAID_PRONOUN_RE.match(self.registry.masked, m.end)
                if said is not None:
                    ent.gender = "f" if said.group(1).lower() == "she" else "m"
            if speaking and not ent.is_org and ent.name not in self.registry.places:
                ent.person_like = True  # a single name that speaks is a person ("Bob said")
            elif (
                not ent.is_org
                and ent.name not in self.registry.places
                and _WHO_AFTER_RE.match(self.registry.masked, m.end)
            ):
                ent.person_like = True  # "Kenney, who was speaking ...": a person
        elif m.kind == "pronoun":
            ent = self.pronoun(m.text.lower(), m.start)
            self.learn_gender(ent, m.text)
        else:
            ent = self._surname_like_role(m) or resolve_description(self, m)
            if ent is None and speaking and not _APPOSITIVE_BEFORE_RE.search(
                self.registry.masked, max(0, m.start - 40), m.start
            ):
                ent = _new_unnamed(m)  # not "Ann Ode, a nurse,": she is named
            if ent is None and speaking and _definite_body(m):
                self._body_desc = (Entity(description_words(m.text), True, False, named=False),
                                   m.start)
        if ent is not None:
            if background:
                self.backgrounded.add(len(self.history))
            self.history.append(ent)
            self.history_pos.append(m.start)
            if speaking:
                self.speakers.append(ent)
                text = m.text.lower() if m.kind == "pronoun" else m.text
                if text not in ent.mentions:
                    ent.mentions.append(text)
        return ent

    def _surname_like_role(self, m: Mention) -> Entity | None:
        """'“...,” King said' after "Rep. Steve King": a capitalised role word standing alone,
        with no determiner, that is the last name of a person the article named before."""
        word = m.text
        if " " in word or not word[:1].isupper() or word.isupper():
            return None
        full = self.registry.fullest(word, m.start)
        if " " not in full or full.rsplit(maxsplit=1)[-1] != word:
            return None
        ent = self.entities.get(full)
        return ent if ent is not None and ent.person_like else None

    def _gender_after(self, pos: int) -> Gender | None:
        """The gender of the first "he"/"she" after a surname in its sentence (or opening the
        next one), with no other name between: "Varga drew up rules that she said ..." is
        the Varga who is a woman."""
        masked = self.registry.masked
        k = self.sentence_of(pos)
        hi = self.ends[k + 1] if k + 1 < len(self.ends) else len(masked)
        pm = _GENDER_PRONOUN_RE.search(masked, pos, min(hi, pos + 300))
        if pm is None:
            return None
        if k < len(self.ends) and pm.start() > self.ends[k]:
            nxt = self.ends[k]
            while nxt < pm.start() and masked[nxt] in _SKIP_BEFORE_SUBJECT:
                nxt += 1
            if nxt != pm.start():
                return None  # in the next sentence, only its opening subject counts
        occ = self.registry.occurrences
        j = bisect.bisect_left(occ, (pos,))
        while j < len(occ) and occ[j][0] < pm.start():
            if occ[j][2] not in self.registry.places:
                return None  # "Ng attacked Ode, saying he ...": another name is nearer
            j += 1
        return "f" if pm.group().lower() == "she" else "m"

    def _titled(self, m: Mention) -> bool:
        """Whether a title gives the gender of the person named ("Mrs.", "Sir")."""
        titles = [*self.registry.titles.get(m.name or "", ()), *([m.role] if m.role else [])]
        return any(
            t.split() and t.lower().split()[0] in (_FEMALE_TITLES | _MALE_TITLES) for t in titles
        )

    def learn_gender(self, ent: Entity | None, pronoun: str) -> None:
        if (
            ent is not None
            and ent.person_like
            and ent.gender is None
            and pronoun.lower() in ("he", "she")
        ):
            ent.gender = "m" if pronoun.lower() == "he" else "f"

    def _note_gender(self, ent: Entity, m: Mention) -> None:
        if m.role:
            first = m.role.lower().split()[0]
            if first in _FEMALE_TITLES:
                ent.gender = "f"
            elif first in _MALE_TITLES:
                ent.gender = "m"
        if (
            not ent.person_like
            and not ent.is_org
            and (m.role or (len(ent.name.split()) >= 2 and looks_like_person(ent.name)))
        ):
            ent.person_like = True

    def pronoun(self, pronoun: str, pos: int) -> Entity | None:
        if pronoun in ("i", "we"):
            return None
        if pronoun in ("they", "it"):  # a body just named: "The Post reported ... It added"
            for ent in reversed(self.history[-3:]):
                if ent.is_org:
                    return ent
                if pronoun == "they" and not ent.named and is_group_noun(ent.name):
                    return ent  # "Protesters blocked the bridge. ... they said": the group
            if pronoun == "it" and self._body_desc is not None:
                body, at = self._body_desc
                last = self.history_pos[-1] if self.history_pos else -1
                if at > last and self.sentence_of(pos) - self.sentence_of(at) <= 2:
                    return body  # "“...,” the newspaper admitted. “...,” it added."
            return None
        want = "m" if pronoun == "he" else "f"
        found, found_pos = None, -1
        skipped = False  # passed over a more recent person of the other gender
        n = len(self.history)
        passed: Entity | None = None  # a backgrounded candidate, taken if nothing better
        passed_pos = -1
        about = _SAID_OF_RE.match(self.registry.masked, pos)
        for k in range(n - 1, max(n - 12, 0) - 1, -1):
            ent = self.history[k]
            if about is not None and ent.name.rsplit(maxsplit=1)[-1] == about.group(1):
                continue  # "“...,” he said of Cruz": not Cruz
            if ent.person_like and ent.gender in (None, want):
                if not ent.named and not self._near(self.history_pos[k], pos):
                    continue  # an unnamed person is meant only right after being described
                if k in self.backgrounded and ent is not passed:
                    if passed is None:
                        passed, passed_pos = ent, self.history_pos[k]
                    continue
                found, found_pos = ent, self.history_pos[k]
                break
            skipped = skipped or ent.person_like
        if passed is not None and (found is None or not self._near(found_pos, passed_pos)):
            found, found_pos = passed, passed_pos
        if found is None:
            return self._named_subject_before(pos, want)
        if skipped and self.ends and self.sentence_of(found_pos) < self.sentence_of(pos) - 1:
            # The latest subject is of the other gender: a person of this one named later than
            # the last compatible subject, outside any subject, is nearer ("To professor Jane
            # Roe, Smith's plan seemed odd. ... she said").
            named = self.named_before(pos, want, after=found_pos, strict=True)
            if (
                named is not None
                and named is not found
                and self.sentence_of(self._named_pos) > self.sentence_of(found_pos)
                and self.sentence_of(self._named_pos) < self.sentence_of(pos)
            ):
                return named
        if self._no_rival(found, found_pos, pos, want):
            self.clear_pronouns.add(pos)
        return found

    def _no_rival(self, found: Entity, found_pos: int, pos: int, want: str) -> bool:
        """Whether found, in the pronoun's sentence or one of the two before, is the only person
        of a fitting gender mentioned since two sentences before it."""
        if not self.ends or self.sentence_of(pos) - self.sentence_of(found_pos) > 2:
            return False
        since = self.sentence_of(found_pos) - 2
        for k in range(len(self.history) - 1, -1, -1):
            if self.sentence_of(self.history_pos[k]) < since:
                break
            ent = self.history[k]
            if ent is not found and ent.person_like and ent.gender in (None, want):
                return False
        return True

    def _near(self, earlier: int, later: int) -> bool:
        """Whether the mention at `earlier` is in the sentence of the one at `later` or the one
        before: close enough to win over a backgrounded mention."""
        return not self.ends or self.sentence_of(later) - self.sentence_of(earlier) <= 1

    def _named_subject_before(self, pos: int, want: str) -> Entity | None:
        """The person a pronoun with no subject to go back to means: the last name written
        before it, unless that name stands after a preposition or as a verb's object ("met
        with Mayor Al Roy") and a name in a subject is written in the same or the sentence
        before; a name outside any subject is the weakest resolution (noted in
        weak_pronouns)."""
        named = self.named_before(pos, want)
        if named is None or not self._not_subject(self._named_pos):
            return named
        k = self.sentence_of(self._named_pos)
        lo = self.ends[k - 2] if k >= 2 else -1
        subject = self.named_before(pos, want, after=lo, subject_only=True)
        if subject is not None:
            return subject
        self.weak_pronouns.add(pos)
        return self.named_before(pos, want)

    def _possessive(self, name: str, pos: int) -> bool:
        """Whether the name written at pos is a possessive ("Bill Clinton's years")."""
        last = name.rsplit(maxsplit=1)[-1]
        end = self.registry.masked.find(last, pos, pos + 80)
        return end >= 0 and self.registry.masked[end + len(last) : end + len(last) + 2] in (
            "'s",
            "’s",
        )

    def _role_before(self, pos: int) -> bool:
        """A role noun right before a name ("professor Jane Roe", "developer Al Ng")."""
        pre = self.registry.masked[max(0, pos - 24) : pos].split()
        return bool(pre) and pre[-1].lower() in ROLE_NOUNS

    def _not_subject(self, pos: int) -> bool:
        """Whether the name written at pos stands after a preposition ("with Mayor Ann Ng",
        "such as Councillor Al Roy") or as a verb's object ("criticized Premier Ann Ng"),
        title, role and adjective words between allowed: not a subject a pronoun goes back to.
        "according to Ann Ng" names a source, and so does the agent of a passive ("by")."""
        before = self.registry.masked[max(0, pos - 60) : pos].split()
        for _ in range(4):
            if not before:
                return False
            w = before[-1]
            if (
                w.lower() in ROLE_NOUNS
                or w.lower() in _DETERMINERS
                or w[:1].isupper()
                or w.endswith(("’s", "'s"))
            ) and w[-1:] not in ",.;:":
                before.pop()
            else:
                break
        if not before:
            return False
        last = before[-1].lower()
        tail = " ".join(before[-2:]).lower()
        if tail == "according to" or last == "by":
            return False
        return bool(
            PREP_END_RE.search(last)
            or _AS_BEFORE_RE.search(tail)
            or last in _OBJECT_VERBS
            or _OBJECT_BEFORE_RE.search(last)
        )

    def named_before(
        self,
        pos: int,
        want: str | None,
        after: int = -1,
        strict: bool = False,
        subject_only: bool = False,
    ) -> Entity | None:
        """Fallback for a pronoun with no subject to go to: the last full personal name written
        before it anywhere ("... came from student Deja Stewart, who ... \"Savage,\" she said").

        strict: only names that look like a person's (see looks_like_person), written after
        `after`; subject_only: only names not after a preposition nor a verb's object (see
        _not_subject); the position of the name found is left in self._named_pos."""
        best_pos, best = max(after, -1), None
        for name, positions in self.registry.positions.items():
            if " " not in name or is_org_name(name):
                continue
            k = bisect.bisect_left(positions, pos) - 1
            if k >= 0 and positions[k] > best_pos and pos - positions[k] < _NAMED_REACH:
                if not looks_like_person(name):
                    continue  # "New Yorkers", "Fifth Avenue": never what "he" or "she" means
                if strict and self._possessive(name, positions[k]):
                    continue
                if subject_only and self._not_subject(positions[k]):
                    continue
                known = self.entities.get(name)
                if strict and known is not None and not known.person_like:
                    continue
                gender = known.gender if known is not None else first_name_gender(name)
                if strict and gender != want and not self._role_before(positions[k]):
                    continue  # no sign that this is a person of that gender
                if want is None or gender in (None, want):
                    best_pos, best = positions[k], name
        self._named_pos = best_pos
        return self.entity(self.registry.fullest(best, best_pos)) if best else None

    def occurrence_roles(self, k: int) -> list[str]:
        roles = self._occ_roles.get(k)
        if roles is None:
            start, end, _name, title = self.registry.occurrences[k]
            roles = roles_at(self.registry.masked, start, end, title)
            self._occ_roles[k] = roles
        return roles
