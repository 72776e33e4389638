"""The help screen: every key, read from the bindings themselves so it cannot drift."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import ClassVar

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.dom import DOMNode
from textual.widgets import Static

from tui.dashboard.screens.dialog import Dialog

Section = tuple[str, Sequence[type[DOMNode]]]

KEY_COLUMN = 18


def bindings_of(node_class: type[DOMNode]) -> list[Binding]:
    """The bindings a class declares or inherits, base classes first; system ones left out."""
    found: list[Binding] = []
    for klass in reversed(node_class.__mro__):
        declared = klass.__dict__.get("BINDINGS")
        if declared:
            found.extend(b for b in Binding.make_bindings(declared) if not b.system)
    if issubclass(node_class, App):
        found.append(Binding(node_class.COMMAND_PALETTE_BINDING, "command_palette",
                             "Command palette (views, articles, speakers, themes)"))
    return found


def effective(bindings: Iterable[Binding]) -> list[Binding]:
    """A key bound again later (a subclass overriding its base) keeps only the later meaning."""
    latest: dict[str, Binding] = {}
    for binding in bindings:
        latest.pop(binding.key, None)
        latest[binding.key] = binding
    return list(latest.values())


def key_table(app: App[object], bindings: Iterable[Binding]) -> list[tuple[str, str]]:
    """(keys, description) rows: keys with the same action and description share a row."""
    rows: dict[tuple[str, str], list[str]] = {}
    for binding in bindings:
        description = binding.description or binding.action.replace("_", " ")
        rows.setdefault((binding.action, description), []).extend(keys_in_force(app, binding))
    return [(" / ".join(dict.fromkeys(keys)), description)
            for (_, description), keys in rows.items()]


def keys_in_force(app: App[object], binding: Binding) -> list[str]:
    """The keys a binding answers to now: those the user chose for its id (the `keymap`
    setting), else its own."""
    chosen = getattr(app, "keymap", {}).get(binding.id or "")
    if not chosen:
        return [app.get_key_display(binding)]
    return [app.get_key_display(replace(binding, key=key.strip(), key_display=None))
            for key in chosen.split(",") if key.strip()]


def help_text(app: App[object], sections: Sequence[Section]) -> Text:
    text = Text()
    shown: set[tuple[str, str]] = set()
    for title, classes in sections:
        bindings = effective(b for node_class in classes for b in bindings_of(node_class))
        bindings = [b for b in bindings if (b.key, b.action) not in shown]
        shown.update((b.key, b.action) for b in bindings)
        rows = key_table(app, bindings)
        if not rows:
            continue
        if text:
            text.append("\n")
        text.append(title + "\n", style="bold underline")
        for keys, description in rows:
            text.append(f"  {keys:<{KEY_COLUMN}}", style="bold")
            text.append(f"{description}\n")
    return text


class HelpScreen(Dialog[None]):
    """Lists every key of every view."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark", "close", "Close help", id="help.close-help"),
    ]

    LEGEND = (
        "In the reader, figures are bold and underlined and quotes are italic; the current one "
        "is reversed, with ▌ in the margin. Find matches are reversed."
    )

    def __init__(self, sections: Sequence[Section]) -> None:
        super().__init__(id="help-screen")
        self.sections = sections

    def compose(self) -> ComposeResult:
        with Vertical(id="help-dialog"):
            yield Static(Text("Keys", style="bold"), id="help-title")
            with VerticalScroll(id="help-body"):
                yield Static(help_text(self.app, self.sections), id="help-keys")
                yield Static(Text(self.LEGEND, style="italic"), id="help-legend")
            yield Static(Text("Esc or ? closes · ↑/↓ scroll", style="dim"))

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()

    def action_close(self) -> None:
        self.dismiss(None)


def binding_table(sections: Sequence[Section]) -> list[tuple[str, str, str, str]]:
    """(id, keys, what it does, where) for every binding that has an id: docs/keys.md."""
    rows: dict[str, tuple[str, str, str, str]] = {}
    for title, classes in sections:
        for node_class in classes:
            for binding in bindings_of(node_class):
                if binding.id and binding.id not in rows:
                    keys = binding.key_display or binding.key
                    rows[binding.id] = (binding.id, keys, binding.description, title)
    return list(rows.values())


def keys_markdown(sections: Sequence[Section]) -> str:
    """docs/keys.md: the binding ids a `keymap` setting may name, with their default keys."""
    lines = [
        "# Keys and their ids",
        "",
        "Every key of the dashboard has an id. The `keymap` setting of `config.yaml` maps ids to",
        "the keys you want (several keys separated by commas); the help screen (`?`) and the",
        "footer show the keys in force.",
        "",
        "```yaml",
        "keymap:",
        "  quit: z",
        "  search: ctrl+s,s",
        "```",
        "",
        "This page is generated from the bindings themselves (a test keeps it in step).",
        "",
        "| id | default keys | what it does | where |",
        "| --- | --- | --- | --- |",
    ]
    for binding_id, keys, description, where in binding_table(sections):
        lines.append(f"| `{binding_id}` | `{keys}` | {description} | {where} |")
    return "\n".join(lines) + "\n"
