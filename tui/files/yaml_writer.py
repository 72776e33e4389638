"""Write a briefing as YAML a person can read and edit: bodies as literal blocks."""

from __future__ import annotations

from typing import Any

import yaml

from tui.model.briefing import Article, Bound, Briefing, Figure, Quote, Speaker


class _Dumper(yaml.SafeDumper):
    """The pure-Python dumper: libyaml's emitter ignores the indentation hook below."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        # Indent list items under their key, as people write YAML by hand.
        super().increase_indent(flow, False)


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if "\n" in value:
        value = "\n".join(line.rstrip() for line in value.splitlines()) + "\n"
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_Dumper.add_representer(str, _represent_str)


def _number(value: float) -> int | float:
    return int(value) if value == int(value) and abs(value) < 1e18 else value


def _compact(mapping: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in mapping.items() if value not in (None, "", (), [])}


def _start_if_needed(body: str, text: str, start: int) -> int | None:
    """The offset, only when the words also occur earlier; the loader finds them otherwise.

    Leaving offsets out keeps hand edits to the body from breaking every span.
    """
    return None if body.find(text) == start else start


def figure_data(figure: Figure, body: str) -> dict[str, Any]:
    return _compact(
        {
            "value": _number(figure.value),
            "unit": figure.unit,
            "text": figure.text,
            "start": _start_if_needed(body, figure.text, figure.start),
            "label": figure.label,
            "bound": figure.bound.value if figure.bound is not Bound.EXACT else None,
            "as_of": figure.as_of,
            "key": figure.key,
        }
    )


def quote_data(quote: Quote, body: str) -> dict[str, Any]:
    data: dict[str, Any] = {"speaker": quote.speaker_id, "text": quote.text}
    start = _start_if_needed(body, quote.text, quote.start)
    if start is not None:
        data["start"] = start
    if quote.role:
        data["role"] = quote.role
    if quote.check:
        data["check"] = quote.check
    return data


def article_data(article: Article) -> dict[str, Any]:
    return _compact(
        {
            "id": article.id,
            "title": article.title,
            "outlet": article.outlet,
            "url": article.url,
            "author": article.author,
            "published": article.published,
            "body": article.body,
            "figures": [figure_data(figure, article.body) for figure in article.figures],
            "quotes": [quote_data(quote, article.body) for quote in article.quotes],
        }
    )


def speaker_data(speaker: Speaker) -> dict[str, Any]:
    return _compact(
        {
            "id": speaker.id,
            "name": speaker.name,
            "role": speaker.role,
            "aliases": list(speaker.aliases),
            "named": None if speaker.named else False,
        }
    )


def briefing_data(briefing: Briefing) -> dict[str, Any]:
    info = briefing.info
    return _compact(
        {
            "briefing": _compact(
                {
                    "title": info.title,
                    "topic": info.topic,
                    "date": info.date,
                    "bottom_line": info.bottom_line,
                    "tags": list(info.tags),
                }
            ),
            "speakers": [speaker_data(speaker) for speaker in briefing.speakers],
            "articles": [article_data(article) for article in briefing.articles],
        }
    )


def dump_briefing(briefing: Briefing, header: str = "") -> str:
    """The briefing as YAML text that the loader reads back to an equal briefing."""
    text = yaml.dump(
        briefing_data(briefing),
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=10_000,
        default_flow_style=False,
    )
    return header + text
