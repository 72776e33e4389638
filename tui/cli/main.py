"""The `briefing` command line.

`briefing [PATH...]` opens the dashboard; the other commands print. Heavy
modules are imported inside each command so that `briefing check` and
`briefing summary` start without loading the UI.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

from tui import __version__
from tui.cli.streams import discard_output, printable_anywhere

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 70

COMMANDS = {
    "open": "open the dashboard on briefing files or folders (the default command)",
    "summary": "print a briefing's summary as text, Markdown or HTML",
    "check": "check briefing files and print every problem found",
    "schema": "print the JSON Schema of the briefing format, for editors",
    "extract": "extract quotations and figures from raw article text",
    "import": "draft a briefing from raw article text",
    "search": "search a briefing's articles, quotes, speakers and figures",
    "serve": "serve the dashboard to a web browser (needs the 'serve' extra)",
}


EPILOG = """\
Run 'briefing COMMAND --help' for a command's options. With no command,
'briefing [PATH...]' opens the dashboard.

settings are read from, each overriding the one before:
  ~/.config/briefing/config.yaml   the user's own (the platform's config folder)
  ./config.yaml                    the current folder's
  --config FILE or $BRIEFING_CONFIG

environment variables:
  BRIEFING_CONFIG      a settings file read last
  BRIEFING_CACHE_DIR   where parsed files and the search index are cached
  BRIEFING_STATE_DIR   where the dashboard remembers the theme and what was last seen
  NO_COLOR             no colours in the dashboard
  VISUAL, EDITOR       the editor the dashboard's e key opens a briefing file in
"""


class UsageError(Exception):
    """A mistake in how the command was called: exit code 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message} (see '{self.prog} --help')")


def whole_number(low: int, high: int) -> Callable[[str], int]:
    """An argument type: a whole number from `low` to `high`, else a usage error."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a whole number, not {text!r}") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"must be from {low} to {high}, not {value}")
        return value

    return parse


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="briefing",
        description="A terminal dashboard that turns news articles into a briefing.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
    parser.add_argument("--config", metavar="FILE", help="a settings file, read last (see below)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def paths(command: argparse.ArgumentParser) -> None:
        command.add_argument(
            "paths",
            nargs="*",
            metavar="PATH",
            help="briefing files or folders (default: the 'briefings' setting of config.yaml)",
        )

    paths(sub.add_parser("open", help=COMMANDS["open"], description=COMMANDS["open"]))

    summary = sub.add_parser("summary", help=COMMANDS["summary"], description=COMMANDS["summary"])
    paths(summary)
    summary.add_argument(
        "--format",
        "-f",
        choices=("text", "markdown", "html"),
        help="output format (default: text, or config)",
    )
    summary.add_argument(
        "--width",
        "-w",
        type=whole_number(20, 1000),
        metavar="N",
        help="line width of the text format (default: 80, or config)",
    )
    summary.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of stdout")
    summary.add_argument(
        "--top",
        type=whole_number(1, 1_000_000),
        default=25,
        metavar="N",
        help="at most N key figures, N speakers and N quotations a speaker; articles listed "
        "only when cited (default: 25)",
    )
    summary.add_argument(
        "--all", action="store_true", help="every figure, speaker, quotation and article"
    )
    summary.add_argument(
        "--since",
        metavar="last|DATE",
        help="open with what is new: since the last brief printed or dashboard closed on "
        "these files (last), or in the articles published from DATE (2025-07-01, 2025-07)",
    )
    summary.add_argument(
        "--paper",
        choices=("a4", "letter"),
        help="page size of the printed HTML (default: from the locale, else a4)",
    )

    paths(sub.add_parser("check", help=COMMANDS["check"], description=COMMANDS["check"]))
    sub.add_parser("schema", help=COMMANDS["schema"], description=COMMANDS["schema"])

    extract = sub.add_parser("extract", help=COMMANDS["extract"], description=COMMANDS["extract"])
    extract.add_argument("files", nargs="+", metavar="FILE", help="article text files (.txt, .md)")
    extract.add_argument(
        "--json",
        action="store_true",
        help="one JSON object per file, one per line (the default output)",
    )

    draft = sub.add_parser("import", help=COMMANDS["import"], description=COMMANDS["import"])
    draft.add_argument(
        "files", nargs="+", metavar="INPUT",
        help="articles: text (.txt, .md), saved web pages (.html), feeds (RSS, Atom, JSON Feed), "
        "folders of them, or http(s) URLs of pages and feeds",
    )
    draft.add_argument(
        "--output",
        "-o",
        metavar="PATH",
        help="briefing file to write (default: briefings/<title>.yaml)",
    )
    draft.add_argument("--title", help="the briefing's title (default: the first article's)")
    draft.add_argument(
        "--force", action="store_true", help="replace an existing file (a backup is kept as PATH~)"
    )
    draft.add_argument(
        "--into", metavar="PATH",
        help="add the articles an existing briefing (file or folder) lacks, keeping what is there",
    )

    search = sub.add_parser("search", help=COMMANDS["search"], description=COMMANDS["search"])
    search.add_argument(
        "query", metavar="QUERY", help='words to find, all of them; "words in quotes" together'
    )
    paths(search)
    search.add_argument("--json", action="store_true", help="one JSON object per hit, per line")
    search.add_argument(
        "--limit", "-n", type=whole_number(1, 10_000), default=20, metavar="N",
        help="at most N hits (default: 20)",
    )
    serve = sub.add_parser("serve", help=COMMANDS["serve"], description=COMMANDS["serve"])
    paths(serve)
    serve.add_argument("--host", default="127.0.0.1",
                       help="the address to listen on (default: 127.0.0.1, this machine only)")
    serve.add_argument("--port", type=whole_number(1, 65535), default=8000,
                       help="the port to listen on (default: 8000)")
    return parser


def _first_word(args: Sequence[str]) -> int | None:
    """Index of the first argument that is neither an option nor an option's value."""
    skip = False
    for index, arg in enumerate(args):
        if skip:
            skip = False
        elif arg == "--config":
            skip = True
        elif not arg.startswith("-"):
            return index
    return None


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """Parse `argv`; a first word that is not a command means `open`."""
    args = list(argv)
    first = _first_word(args)
    if first is None:
        if not any(arg in ("-h", "--help", "--version") for arg in args):
            args.append("open")
    elif args[first] not in COMMANDS:
        args.insert(first, "open")
    return _parser().parse_args(args)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; never let a traceback reach the user unless --debug."""
    argv = sys.argv[1:] if argv is None else argv
    debug = "--debug" in argv
    printable_anywhere()
    command = "briefing"
    try:
        args = parse_args(argv)
        command = f"briefing {args.command}" if args.command != "open" else command
        return _dispatch(args)
    except UsageError as error:
        print(error, file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader stopped reading (`| head`): what they took stands
        discard_output()
        return EXIT_OK
    except Exception as error:
        from tui.model.problems import ActionableError

        if isinstance(error, ActionableError):
            print(f"{command}: {error}", file=sys.stderr)
            return EXIT_PROBLEMS
        if debug:
            raise
        print(
            f"briefing: internal error: {type(error).__name__}: {error}\n"
            "This is a bug. Run the same command with --debug to see where it happened.",
            file=sys.stderr,
        )
        return EXIT_INTERNAL


def _dispatch(args: argparse.Namespace) -> int:
    from tui.cli import commands

    handler = {
        "open": commands.open_dashboard,
        "summary": commands.summary,
        "check": commands.check,
        "schema": commands.schema,
        "extract": commands.extract,
        "import": commands.import_articles,
        "search": commands.search,
        "serve": commands.serve,
    }[args.command]
    return handler(args)
