"""Generate a realistic briefing corpus for benchmarks: N articles, one YAML file each.

Usage (from the repo root):
    .venv/bin/python benchmarks/generate.py N OUTDIR [--seed S]

Writes ``OUTDIR/briefing.yaml`` (the briefing's metadata), ``OUTDIR/speakers.yaml`` (every
speaker) and ``OUTDIR/articles/NNN/aNNNNNN.yaml`` (one article per file, 1,000 per folder).
Each article has about 4 KB of English-news-like text, 8 figures and 6 quotes whose words
stand in the body at the offsets given. The output is a function of N and the seed alone
(a seeded ``random.Random``); every file's modification time is set to a fixed date so
that caches see a settled corpus. Write it under ``.bench/`` or a temporary folder: it is
never committed.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

FIXED_MTIME = 1_735_689_600  # 2025-01-01T00:00:00Z
PER_FOLDER = 1000
BODY_CHARS = 4000
FIGURES = 8
QUOTES = 6

FIRST = (
    "Amina Ben Carlos Dana Elena Farid Grace Hiro Ines Jonas Kemal Lena Marta Nadia Omar Priya "
    "Rafael Sara Tomas Uma Viktor Wen Yusuf Zara Ishaq Asim Mohsin Ana Lea Jean-Pierre"
).split()
LAST = (
    "Ahmed Brandt Costa Dar Evans Fischer Garcia Haddad Ito Jensen Khan Lopez Moreau Naqvi Okafor "
    "Petrov Qureshi Ruiz Silva Tanaka Ueda Varga Wright Xu Yilmaz Zhou Lacroix Iftikhar"
).split()
# fmt: off
ROLES = (
    "Foreign Minister", "Interior Minister", "UN envoy", "Ambassador to the UN", "spokesperson",
    "Finance Minister", "mayor", "central bank governor", "army chief", "opposition leader",
    "professor of economics", "UN Under-Secretary-General", "trade union leader", "analyst",
)
PLACES = (
    "Islamabad", "Geneva", "New York", "Nairobi", "Jakarta", "Brussels", "Cairo", "Lima", "Dhaka",
    "Kashmir", "Mali", "South Sudan", "Lebanon", "Cyprus", "the Sahel", "the Balkans", "Kinshasa",
)
ORGS = (
    "the Security Council", "the General Assembly", "the ministry", "the central bank",
    "the council", "the World Bank", "the IMF", "parliament", "the peacekeeping mission",
    "the African Union", "the European Union", "the cabinet", "the election commission",
)
TOPICS = (
    "peacekeeping", "budget", "trade", "elections", "inflation", "refugees", "climate",
    "security", "energy", "health", "infrastructure", "water", "debt", "migration", "harvest",
)
NOUNS = (
    "talks", "reform", "plan", "mission", "deal", "budget", "vote", "ceasefire", "programme",
    "report", "inquiry", "proposal", "agreement", "strategy", "package", "review", "mandate",
)
VERBS = (
    "approved", "rejected", "debated", "delayed", "welcomed", "criticised", "extended",
    "announced", "postponed", "endorsed", "questioned", "backed", "revised", "defended",
)
ADJS = (
    "long-standing", "urgent", "modest", "sweeping", "fragile", "ambitious", "costly",
    "contested", "overdue", "cautious", "renewed", "unexpected", "regional", "national",
)
# fmt: on
FILLER = (
    "Officials said the details would be published later in the week.",
    "The decision followed months of negotiation behind closed doors.",
    "Observers noted that the timetable remained uncertain.",
    "Critics argued that the measures did not go far enough.",
    "Supporters said the change was long overdue and widely expected.",
    "The figures could not be independently verified.",
    "Diplomats described the mood in the chamber as tense but constructive.",
    "Local residents have followed the debate closely for years.",
    "Several delegations asked for more time to study the text.",
    "A final decision is expected before the end of the session.",
)
# fmt: off
UNITS = (
    ("peacekeepers", 100, 250_000), ("missions", 2, 80), ("people", 1000, 2_000_000),
    ("percent", 1, 99), ("USD", 1_000_000, 9_000_000_000), ("countries", 2, 190),
    ("troops", 100, 50_000), ("days", 2, 365), ("refugees", 500, 900_000), ("km", 5, 2000),
)
# fmt: on
QUOTE_LINES = (
    "We cannot afford to wait any longer on {topic}",
    "This {noun} is a test of our collective credibility",
    "Nowhere is this more urgently needed than in {place}",
    "The {adj} {noun} must be matched by real resources",
    "Our people expect results on {topic}, not more promises",
    "We will not accept this {noun} if it ignores the facts on the ground",
    "There is no silver bullet, but neither is the {noun} obsolete",
    "The council should fulfil its obligations on {topic}",
    "Every delay costs lives in {place}",
    "We greatly value the work done in {place} this year",
)


def _number_text(rng: random.Random, unit: str, low: int, high: int) -> tuple[float, str, str]:
    """A value, the words for it in a body and the figure's bound."""
    value = rng.randint(low, high)
    if unit == "USD":
        billions = value / 1e9
        if billions >= 1:
            value = round(billions, 1) * 1e9
            return value, f"${value / 1e9:.1f} billion", "exact"
        value = round(value / 1e6) * 1e6
        return value, f"${value / 1e6:.0f} million", "exact"
    if unit == "percent":
        return float(value), f"{value} per cent", "exact"
    bound = rng.choice(("exact", "exact", "approximate", "more-than"))
    prefix = {"exact": "", "approximate": "about ", "more-than": "more than "}[bound]
    return float(value), f"{prefix}{value:,} {unit}", bound


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _a(word: str) -> str:
    """The word with its indefinite article."""
    return f"{'an' if word[0] in 'aeiou' else 'a'} {word}"


def _q(text: str) -> str:
    """A YAML single-quoted scalar."""
    return "'" + text.replace("'", "''") + "'"


class Corpus:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.random = self.rng.random
        rng = self.rng
        names = sorted({f"{first} {last}" for first in FIRST for last in LAST})
        rng.shuffle(names)
        self.speakers = []
        for index, name in enumerate(names[:240]):
            speaker_id = "".join(c if c.isalnum() else "-" for c in name.lower()) + f"-{index}"
            self.speakers.append((speaker_id, name, rng.choice(ROLES), name.split()[-1]))

    def _pick(self, items: tuple[str, ...] | list[str]) -> str:
        return items[int(self.random() * len(items))]

    def _sentence(self) -> str:
        pick = self._pick
        form = int(self.random() * 4)
        if form == 0:
            return (
                f"{_cap(pick(ORGS))} {pick(VERBS)} the {pick(ADJS)} {pick(NOUNS)} "
                f"on {pick(TOPICS)} in {pick(PLACES)}."
            )
        if form == 1:
            return (
                f"The {pick(NOUNS)} on {pick(TOPICS)} was {pick(VERBS)} by {pick(ORGS)} "
                f"after {_a(pick(ADJS))} debate."
            )
        if form == 2:
            return (
                f"In {pick(PLACES)}, {pick(ORGS)} {pick(VERBS)} {_a(pick(ADJS))} "
                f"{pick(NOUNS)} on {pick(TOPICS)}."
            )
        return pick(FILLER)

    def article(self, number: int) -> str:
        rng = self.rng
        topic, place = rng.choice(TOPICS), rng.choice(PLACES)
        title = (
            f"{_cap(rng.choice(ORGS))} {rng.choice(VERBS)} {rng.choice(ADJS)} "
            f"{topic} {rng.choice(NOUNS)} in {place}"
        )
        paragraphs: list[str] = []
        figures: list[tuple[float, str, str, int, str, str]] = []
        quotes: list[tuple[str, str, int]] = []
        length = 0
        offset = 0
        kinds = ["figure"] * FIGURES + ["quote"] * QUOTES
        rng.shuffle(kinds)
        per_paragraph = max(1, -(-len(kinds) // 10))
        while length < BODY_CHARS or kinds:
            parts: list[str] = []
            here = offset
            for _ in range(rng.randint(2, 4)):
                parts.append(self._sentence())
            for _ in range(per_paragraph):
                if not kinds:
                    break
                kind = kinds.pop()
                prefix = " ".join(parts) + " "
                if kind == "figure":
                    unit, low, high = rng.choice(UNITS)
                    value, words, bound = _number_text(rng, unit, low, high)
                    sentence = (
                        f"{_cap(rng.choice(ORGS))} put the total at {words} "
                        f"in {rng.choice(PLACES)}."
                    )
                    start = here + len(prefix) + sentence.index(words)
                    label = f"{unit.capitalize()} in the {rng.choice(NOUNS)}"
                    figures.append((value, unit, words, start, bound, label))
                else:
                    speaker = rng.choice(self.speakers)
                    words = rng.choice(QUOTE_LINES).format(
                        topic=topic, place=place, noun=rng.choice(NOUNS), adj=rng.choice(ADJS)
                    )
                    sentence = f"“{words},” said {speaker[2]} {speaker[1]}."
                    start = here + len(prefix) + 1
                    quotes.append((speaker[0], words, start))
                parts.append(sentence)
            paragraph = " ".join(parts)
            paragraphs.append(paragraph)
            offset += len(paragraph) + 2
            length += len(paragraph) + 2
        body = "\n\n".join(paragraphs) + "\n"
        article_id = f"a{number:06d}"
        year = 2020 + number % 6
        lines = [
            "article:",
            f"  id: {article_id}",
            f"  title: {_q(title)}",
            f"  outlet: {_q(rng.choice(('Dawn', 'The News', 'City Herald', 'Reuters', 'AP')))}",
            f"  url: https://example.org/{article_id}",
            f"  published: {year}-{1 + number % 12:02d}-{1 + number % 28:02d}",
            "  body: |",
        ]
        lines.extend(f"    {line}" if line else "" for line in body.rstrip("\n").split("\n"))
        lines.append("  figures:")
        for value, unit, words, start, bound, label in figures:
            assert body[start : start + len(words)] == words
            number_text = str(int(value)) if value == int(value) else repr(value)
            lines += [
                f"    - value: {number_text}",
                f"      unit: {unit}",
                f"      text: {_q(words)}",
                f"      start: {start}",
                f"      label: {_q(label)}",
            ]
            if bound != "exact":
                lines.append(f"      bound: {bound}")
        lines.append("  quotes:")
        for speaker_id, words, start in quotes:
            assert body[start : start + len(words)] == words
            lines += [
                f"    - speaker: {speaker_id}",
                f"      text: {_q(words)}",
                f"      start: {start}",
            ]
        return "\n".join(lines) + "\n"

    def speakers_file(self) -> str:
        lines = ["speakers:"]
        for speaker_id, name, role, last in self.speakers:
            lines += [
                f"  - id: {speaker_id}",
                f"    name: {_q(name)}",
                f"    role: {_q(role)}",
                f"    aliases: [{_q(last)}]",
            ]
        return "\n".join(lines) + "\n"


def generate(count: int, outdir: str | os.PathLike[str], seed: int = 1) -> list[Path]:
    """Write a corpus of `count` articles under `outdir`; return the files written."""
    root = Path(outdir)
    corpus = Corpus(seed)
    written: list[tuple[Path, str]] = [
        (
            root / "briefing.yaml",
            "briefing:\n"
            f"  title: Generated briefing of {count:,} articles\n"
            "  topic: Synthetic news for benchmarks\n"
            "  date: 2025-01\n"
            "  bottom_line: A deterministic corpus of news-like articles.\n"
            "  tags: [benchmark, synthetic]\n",
        ),
        (root / "speakers.yaml", corpus.speakers_file()),
    ]
    for number in range(count):
        folder = root / "articles" / f"{number // PER_FOLDER:03d}"
        written.append((folder / f"a{number:06d}.yaml", corpus.article(number)))
    made: set[Path] = set()
    for path, text in written:
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        with open(path, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.utime(path, (FIXED_MTIME, FIXED_MTIME))
    return [path for path, _ in written]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, metavar="N", help="number of articles")
    parser.add_argument("outdir", metavar="OUTDIR", help="folder to write (created)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default: 1)")
    args = parser.parse_args(argv)
    if args.count < 1:
        parser.error("N must be at least 1")
    began = time.perf_counter()
    files = generate(args.count, args.outdir, args.seed)
    size = sum(path.stat().st_size for path in files)
    print(
        f"wrote {len(files):,} files ({size / 1048576:.1f} MiB) to {args.outdir} "
        f"in {time.perf_counter() - began:.2f} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
