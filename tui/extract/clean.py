"""Separating an article's story from the page clutter scraped with it.

Scraped text carries the page around the story: "Scroll to Top", "Related
News", share and subscribe lines, photo captions printed twice. These rules
recognise such lines by their form, not by any one site's wording.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CleanArticle:
    """The story alone: its headline and its paragraphs, separated by blank lines."""

    title: str
    body: str
    removed: tuple[str, ...]
    """The lines taken out as clutter, for the person who checks the draft."""


# Whole lines that are page furniture, never story. Matched case-insensitively.
_FURNITURE = re.compile(
    r"""^(?:
        scroll\s+to\s+top | back\s+to\s+top | top\s+of\s+page
      | related(?:\s+(?:news|stories|articles|posts|coverage|content|reading))?
      | read\s+(?:more|next|also|full\s+story)\b.* | also\s+read\b.* | see\s+also
      | more\s+(?:from|on|stories|news)\b.{0,40} | recommended(?:\s+for\s+you)?
      | you\s+may\s+also\s+like
      | most\s+(?:read|popular|viewed|shared) | trending(?:\s+now)? | latest(?:\s+news)?
      | advertisement | sponsored(?:\s+content)? | promoted
      | share(?:\s+(?:this|on)\b.*)? | tweet | email | print | comments?(?:\s*\(\d+\))?
      | (?:click|tap)\s+here\b.* | follow\s+us\b.* | like\s+us\s+on\b.*
      | (?:sign\s+up|subscribe)\b.{0,80} | newsletter | skip\s+to\s+(?:main\s+)?content
      | (?:copyright|©)\s.* | all\s+rights\s+reserved\.?
      | loading(?:\.\.\.|…)? | continue\s+reading.*
      | (?:advertisement|sponsored|ad)\s*[:|—–-]\s.{0,160}
      | accept(?:\s+all)?(?:\s+cookies)? | reject(?:\s+all)? | i\s+agree | got\s+it
      | (?:manage|cookie)\s+(?:preferences|settings|options) | cookie\s+policy
    )[\s.:…|>»-]*$""",
    re.IGNORECASE | re.VERBOSE,
)

# A photo caption: mentions a picture and ends in a credit such as "— AFP" or "(Reuters)".
_CAPTION = re.compile(
    r"(?:photo|picture|image|file\s+photo|pictured|caption)\b.*"
    r"(?:[—–-]\s*[A-Z][\w.&]*(?:\s*/\s*[A-Z]?[\w.]+)*|\((?:photo|image)?:?\s*[A-Z][^)]{1,40}\))\s*$",
    re.IGNORECASE,
)
# A cookie banner: the site, its partners or "cookies" with consent words, in a short block.
_COOKIES = re.compile(
    r"\b(?:we|this\s+(?:site|website)|our\s+(?:site|website|partners))\b[^.]{0,80}\bcookies\b"
    r"|\bcookies\b[^.]{0,120}\b(?:consent|accept|agree|preferences|personali[sz])",
    re.IGNORECASE,
)
# A menu: four or more short items between bars, bullets or middle dots.
_MENU_ITEM = r"[^\s|·•][^|·•.!?\"“”]{0,24}"
_MENU = re.compile(rf"^(?:{_MENU_ITEM}\s*[|·•]\s*){{3,}}{_MENU_ITEM}$")
_SENTENCE_END = re.compile(r"[.!?…:;\"”’)\]]$")


def _is_clutter(paragraph: str, repeated: bool) -> bool:
    line = paragraph.strip()
    if _FURNITURE.match(line):
        return True
    if _CAPTION.search(line) and len(line) < 300:
        return True
    quoted = '"' in line or "“" in line
    if not quoted and len(line) < 500 and _COOKIES.search(line):
        return True
    if _MENU.match(line):
        return True
    # The same short paragraph twice (a caption under and beside a photo) is not story.
    return repeated and len(line) < 300 and not quoted


def _paragraphs(text: str, suffix: str) -> list[str]:
    """Scraped text puts a paragraph on a line; Markdown wraps them, blank lines between."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if suffix == ".md":
        chunks = re.split(r"\n\s*\n", text)
        return [
            " ".join(line.strip() for line in chunk.split("\n")).strip()
            for chunk in chunks
            if chunk.strip()
        ]
    return [line.strip() for line in text.split("\n") if line.strip()]


def _title_of(paragraphs: list[str], suffix: str) -> tuple[str, list[str]]:
    """The headline: a Markdown heading, or a short first line that does not end a sentence."""
    if not paragraphs:
        return "", paragraphs
    first = paragraphs[0]
    heading = re.match(r"^#{1,6}\s+(.+?)\s*#*$", first)
    if heading:
        return heading.group(1), paragraphs[1:]
    if suffix != ".md" and len(first) <= 200 and not _SENTENCE_END.search(first):
        return first, paragraphs[1:]
    return "", paragraphs


def clean_article(text: str, suffix: str = ".txt") -> CleanArticle:
    """Split scraped text into headline and story, dropping page clutter."""
    paragraphs = _paragraphs(text, suffix)
    title, paragraphs = _title_of(paragraphs, suffix)
    counts: dict[str, int] = {}
    for paragraph in paragraphs:
        counts[paragraph] = counts.get(paragraph, 0) + 1
    kept: list[str] = []
    removed: list[str] = []
    for paragraph in paragraphs:
        if _is_clutter(paragraph, counts[paragraph] > 1):
            removed.append(paragraph)
        else:
            kept.append(paragraph)
    body = "\n\n".join(kept) + "\n" if kept else ""
    return CleanArticle(title=title, body=body, removed=tuple(removed))
