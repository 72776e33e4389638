"""The section a brief opens with when asked what is new (`briefing summary --since`).

The same items in every format: the articles added or changed, the figures whose value
changed (old and new, each with its date and source), the new figures and the new
quotations by speaker; a line saying so when nothing is new.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tui.reports.changes import Changes
from tui.text.sanitize import one_line

if TYPE_CHECKING:
    from tui.reports.summary import Brief


@dataclass(frozen=True, slots=True)
class Item:
    lead: str
    """Printed first and strong: a figure's value, a speaker's name; may be empty."""
    text: str
    article_ids: Sequence[str]
    quoted: bool = False
    """`text` is a quotation's words."""


def since_heading(changes: Changes) -> str:
    return f"Since {changes.since}"


def since_sections(changes: Changes, top: int | None) -> list[tuple[str, list[Item], int]]:
    """(title, items, how many more) for each kind of change there is."""
    from tui.reports.summary import quotation, source_line, verdict_text

    sections: list[tuple[str, list[Item]]] = [
        ("New articles", [Item("", source_line(a), (a.id,)) for a in changes.added]),
        (
            "Articles whose text changed",
            [Item("", source_line(a), (a.id,)) for a in changes.updated],
        ),
        (
            "Figures that changed",
            [
                Item(
                    one_line(c.new.display_value),
                    one_line(c.describe()),
                    tuple(dict.fromkeys((c.old.article_id, c.new.article_id))),
                )
                for c in changes.changed
            ],
        ),
        (
            "New figures",
            [
                Item(
                    one_line(e.lead.display_value),
                    one_line(e.label) + (f"; {verdict_text(e)}" if verdict_text(e) else ""),
                    e.article_ids,
                )
                for e in changes.new_figures
            ],
        ),
        (
            "New quotations",
            [
                Item(
                    one_line(speaker.name if speaker else "Unattributed"),
                    quotation(quote.text),
                    (quote.article_id,),
                    quoted=True,
                )
                for speaker, quotes in changes.new_quotes
                for quote in quotes
            ],
        ),
    ]
    result = []
    for title, items in sections:
        if items:
            shown = items[:top] if top else items
            result.append((title, shown, len(items) - len(shown)))
    return result


def noun(title: str) -> str:
    """What a section lists, for "and 3 more ..."."""
    for word in ("figures", "articles", "quotations"):
        if word in title.lower():
            return word
    return "items"


def since_citations(changes: Changes, top: int | None) -> Iterator[Sequence[str]]:
    for _title, items, _more in since_sections(changes, top):
        for item in items:
            yield item.article_ids


def since_text(
    brief: Brief,
    changes: Changes,
    wrap: Callable[..., None],
    heading: Callable[[str], None],
    out: list[str],
) -> None:
    """The section in the text summary."""
    from tui.reports.summary import more_words

    if changes.first or changes.nothing_new:
        out.append("")
        wrap(changes.headline())
        return
    heading(since_heading(changes))
    for title, items, more in since_sections(changes, brief.top):
        out.append("")
        wrap(title, indent="  ")
        for item in items:
            text = f"“{item.text}”" if item.quoted else item.text
            lead = f"{item.lead}: " if item.quoted else f"{item.lead}  " if item.lead else ""
            if item.lead and not item.quoted and title == "Figures that changed":
                lead = ""
            wrap(
                f"{lead}{text} {brief.notes(item.article_ids)}".rstrip(),
                indent="    - ",
                hanging="      ",
            )
        if more:
            wrap(more_words(more, noun(title)), indent="    ")
