"""Settings from config.yaml: where briefings live, the theme, summary defaults."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from tui.files.yaml_reader import MarkedDict, MarkedList, parse_yaml
from tui.model.problems import Problem, did_you_mean

CONFIG_NAME = "config.yaml"
SUMMARY_FORMATS = ("text", "markdown", "html")


@dataclass(frozen=True)
class Config:
    """What a user can set in config.yaml. Every key is optional."""

    briefings: tuple[str, ...] = ("briefings",)
    """Files or folders to open when no path is given, relative to config.yaml's folder."""
    theme: str | None = None
    """A Textual theme name, e.g. textual-dark or textual-light; the last one chosen in the app
    is remembered separately and wins."""
    summary_format: str = "text"
    """Default format of `briefing summary`: text, markdown or html."""
    summary_width: int = 80
    """Line width of the text summary."""
    source: str | None = None
    """The config file these settings came from, if any."""
    problems: tuple[Problem, ...] = field(default=())


KNOWN_KEYS = ("briefings", "theme", "summary")
SUMMARY_KEYS = ("format", "width")


def named_config(explicit: str | None = None) -> tuple[str, str] | None:
    """The settings file the user named, and how (--config or $BRIEFING_CONFIG), if any."""
    if explicit:
        return explicit, "--config"
    from_environment = os.environ.get("BRIEFING_CONFIG")
    if from_environment:
        return from_environment, "BRIEFING_CONFIG"
    return None


def find_config(explicit: str | None = None) -> str | None:
    """--config, else $BRIEFING_CONFIG, else ./config.yaml; None when there is none."""
    for candidate in (explicit, os.environ.get("BRIEFING_CONFIG"), CONFIG_NAME):
        if candidate and (explicit == candidate or os.path.isfile(candidate)):
            return candidate
    return None


def load_config(explicit: str | None = None) -> Config:
    """Read the config file; a missing one gives the defaults, a bad one its problems."""
    from tui.files.loader import read_text

    path = find_config(explicit)
    if path is None:
        return Config()
    name = path
    text, problem = read_text(name)
    if text is None:
        return Config(source=name, problems=(problem,) if problem else ())
    data, problems = parse_yaml(text, name)
    if data is None:
        return Config(source=name, problems=tuple(problems))
    return _from_data(data, path, problems)


def _from_data(data: Any, path: str, problems: list[Problem]) -> Config:
    name = path

    def report(mark: tuple[int, int], where: str, message: str) -> None:
        problems.append(Problem(name, mark[0], mark[1], where, message))

    if not isinstance(data, MarkedDict):
        report((1, 1), "(config)", "expected a mapping of settings (see README.md, Configuration)")
        return Config(source=name, problems=tuple(problems))
    values: dict[str, Any] = {}
    for key in data:
        if key not in KNOWN_KEYS:
            report(
                data.key_marks[key],
                str(key),
                f"unknown setting '{key}'{did_you_mean(str(key), KNOWN_KEYS)}; "
                f"known settings: {', '.join(KNOWN_KEYS)}",
            )
    base = os.path.dirname(path)
    if "briefings" in data:
        raw = data["briefings"]
        items = raw if isinstance(raw, MarkedList) else [raw]
        if all(isinstance(item, str) and item for item in items):
            values["briefings"] = tuple(os.path.join(base, item) for item in items)
        else:
            report(
                data.value_marks["briefings"],
                "briefings",
                "expected a folder or file path, or a list of them",
            )
    if "theme" in data:
        if isinstance(data["theme"], str):
            values["theme"] = data["theme"]
        else:
            report(data.value_marks["theme"], "theme", "expected a theme name, e.g. textual-dark")
    summary = data.get("summary")
    if isinstance(summary, MarkedDict):
        for key in summary:
            if key not in SUMMARY_KEYS:
                report(
                    summary.key_marks[key],
                    f"summary.{key}",
                    f"unknown setting '{key}'{did_you_mean(str(key), SUMMARY_KEYS)}; "
                    f"known: {', '.join(SUMMARY_KEYS)}",
                )
        fmt = summary.get("format")
        if fmt is not None:
            if fmt in SUMMARY_FORMATS:
                values["summary_format"] = fmt
            else:
                report(
                    summary.value_marks["format"],
                    "summary.format",
                    f"expected one of {', '.join(SUMMARY_FORMATS)}",
                )
        width = summary.get("width")
        if width is not None:
            if isinstance(width, int) and not isinstance(width, bool) and 20 <= width <= 1000:
                values["summary_width"] = width
            else:
                report(
                    summary.value_marks["width"],
                    "summary.width",
                    "expected a whole number of columns from 20 to 1000",
                )
    elif summary is not None:
        report(data.value_marks["summary"], "summary", "expected a mapping with format and width")
    return Config(**values, source=name, problems=tuple(problems))
