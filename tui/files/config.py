"""Settings from config.yaml files: where briefings live, the theme, summary defaults.

Settings are read from up to three files, each overriding the one before, key by key:
the user's (`~/.config/briefing/config.yaml` on Linux: the platform's config folder), then
`./config.yaml` in the current folder, then the file named by `--config` or
`$BRIEFING_CONFIG`. A missing file is skipped; a file that was named must exist.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from tui.model.problems import Problem, did_you_mean

CONFIG_NAME = "config.yaml"
SUMMARY_FORMATS = ("text", "markdown", "html")
MAX_CONFIG_BYTES = 1024 * 1024


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
    keymap: tuple[tuple[str, str], ...] = ()
    """Keys the user chose for the dashboard's bindings: (binding id, keys) pairs, keys
    separated by commas ("z", "ctrl+q,z"); docs/keys.md lists the ids."""
    sources: tuple[str, ...] = ()
    """The config files these settings came from, the one read first first."""
    problems: tuple[Problem, ...] = field(default=())

    @property
    def source(self) -> str | None:
        """The file read last (the one whose settings win), if any."""
        return self.sources[-1] if self.sources else None


KNOWN_KEYS = ("briefings", "theme", "summary", "keymap")
SUMMARY_KEYS = ("format", "width")


def named_config(explicit: str | None = None) -> tuple[str, str] | None:
    """The settings file the user named, and how (--config or $BRIEFING_CONFIG), if any."""
    if explicit:
        return explicit, "--config"
    from_environment = os.environ.get("BRIEFING_CONFIG")
    if from_environment:
        return from_environment, "BRIEFING_CONFIG"
    return None


def user_config_path() -> str:
    """The user's own settings file, in the platform's config folder."""
    from platformdirs import user_config_dir

    return os.path.join(user_config_dir("briefing"), CONFIG_NAME)


def config_files(explicit: str | None = None) -> list[str]:
    """The settings files to read, in order: the user's and ./config.yaml where they exist,
    then the one named by --config or $BRIEFING_CONFIG (which must exist)."""
    found = [path for path in (user_config_path(), CONFIG_NAME) if os.path.isfile(path)]
    named = named_config(explicit)
    if named is not None:
        found.append(named[0])
    unique: dict[str, str] = {}
    for path in found:
        unique.setdefault(os.path.realpath(path), path)
    return list(unique.values())


def load_config(explicit: str | None = None) -> Config:
    """Read every settings file; none gives the defaults, a bad one its problems (and the
    defaults, or the files before it, stand in for what it got wrong)."""
    values: dict[str, Any] = {}
    problems: list[Problem] = []
    sources = config_files(explicit)
    for path in sources:
        found = _read(path, problems)
        if "keymap" in found and "keymap" in values:  # keys chosen in several files add up
            found["keymap"] = tuple({**dict(values["keymap"]), **dict(found["keymap"])}.items())
        values.update(found)
    return Config(**values, sources=tuple(sources), problems=tuple(problems))


def _read(path: str, problems: list[Problem]) -> dict[str, Any]:
    from tui.files.text_file import read_text_file

    text, problem = read_text_file(path, what="YAML", max_bytes=MAX_CONFIG_BYTES,
                                   too_big="is it a settings file?")
    if text is None:
        problems.extend((problem,) if problem else ())
        return {}
    from tui.files.yaml_reader import parse_yaml

    data, found = parse_yaml(text, path)
    problems.extend(found)
    return {} if data is None else _values(data, path, problems)


def _values(data: Any, path: str, problems: list[Problem]) -> dict[str, Any]:
    """The settings `data` (one file's document) gives, with a problem for each bad one."""
    from tui.files.yaml_reader import MarkedDict, MarkedList  # PyYAML: only with a file
    name = path

    def report(mark: tuple[int, int], where: str, message: str) -> None:
        problems.append(Problem(name, mark[0], mark[1], where, message))

    if not isinstance(data, MarkedDict):
        report((1, 1), "(config)", "expected a mapping of settings (see README.md, Configuration)")
        return {}
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
    keymap = data.get("keymap")
    if isinstance(keymap, MarkedDict):
        chosen: dict[str, str] = {}
        for binding_id, keys in keymap.items():
            if isinstance(binding_id, str) and isinstance(keys, str) and keys.strip():
                chosen[binding_id] = keys.strip()
            else:
                report(keymap.value_marks[binding_id], f"keymap.{binding_id}",
                       "expected keys for the binding, e.g. z or ctrl+q (docs/keys.md)")
        values["keymap"] = tuple(chosen.items())
    elif keymap is not None:
        report(data.value_marks["keymap"], "keymap",
               "expected a mapping of binding ids to keys, e.g. {quit: z} (docs/keys.md)")
    return values
