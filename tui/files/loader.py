"""Load briefings from files and folders, never letting one bad file hide the rest."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from tui.files.gc_pause import paused_gc
from tui.files.text_file import read_text_file
from tui.files.validate import FileContent, check_document
from tui.files.yaml_reader import MAX_FILE_BYTES, parse_yaml
from tui.model.briefing import Article, Briefing, BriefingInfo, Speaker
from tui.model.problems import Problem, did_you_mean

YAML_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True, slots=True)
class LoadResult:
    briefing: Briefing
    problems: tuple[Problem, ...]
    files: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def discover(paths: Iterable[str | os.PathLike[str]]) -> tuple[list[str], list[Problem]]:
    """The briefing files named by `paths`: files as given, folders searched for *.yaml."""
    files: list[str] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for raw in paths:
        path = os.fspath(raw)
        if os.path.isdir(path):
            found = sorted(_walk(path, problems))  # (path, real path) pairs
            if not found:
                problems.append(
                    Problem(
                        path,
                        1,
                        1,
                        "(folder)",
                        "no .yaml files in this folder; is it the right folder?",
                    )
                )
        elif os.path.lexists(path):
            found = [(path, os.path.realpath(path))]
        else:
            problems.append(Problem(path, 1, 1, "(file)", "no such file or folder; check the path"))
            continue
        for file, key in found:
            if key not in seen:
                seen.add(key)
                files.append(file)
    return files, problems


def _walk(folder: str, problems: list[Problem]) -> Iterator[tuple[str, str]]:
    """Every YAML file below `folder` with its real path, skipping hidden entries and not
    following link loops. Real paths are resolved once a folder, not once a file, and
    whether an entry is a link comes from the folder listing: a folder of 10,000 articles
    would otherwise cost 10,000 to 50,000 system calls.

    Folders are visited as `os.walk(folder, followlinks=True)` visits them, top down and
    in name order, so the same one of two linked folders is reported as the loop."""
    visited: set[str] = set()
    pending = [folder]
    while pending:
        root = pending.pop()
        try:
            with os.scandir(root) as listing:
                entries = list(listing)
        except OSError as error:  # the others are still read; this one is a problem
            problems.append(
                Problem(
                    root, 1, 1, "(folder)",
                    f"cannot read this folder: {error.strerror or error}; "
                    "check that you may read it",
                )
            )
            continue
        real = os.path.realpath(root)
        if real in visited:
            problems.append(
                Problem(
                    root, 1, 1, "(folder)", "this folder links back to one already read; skipped"
                )
            )
            continue
        visited.add(real)
        dirs: list[str] = []
        in_real = os.path.join(real, "")  # real + name is then os.path.join(real, name)
        for entry in entries:
            name = entry.name
            if _is_dir(entry):
                if not name.startswith("."):
                    dirs.append(name)
            elif name.endswith(YAML_SUFFIXES) and not name.startswith("."):
                path = entry.path  # os.path.join(root, name)
                yield path, os.path.realpath(path) if _is_link(entry) else in_real + name
        pending.extend(os.path.join(root, name) for name in sorted(dirs, reverse=True))


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _is_link(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_symlink()
    except OSError:
        return False


def read_text(path: str) -> tuple[str | None, Problem | None]:
    """Read a briefing file as text, or say why it cannot be read."""
    return read_text_file(
        path,
        what="YAML",
        max_bytes=MAX_FILE_BYTES,
        too_big="split it into one file per article",
    )


def load_file(path: str) -> FileContent:
    """Read, parse and check one file."""
    text, problem = read_text(path)
    if text is None:
        content = FileContent(path)
        if problem:
            content.problems.append(problem)
        return content
    data, problems = parse_yaml(text, path)
    if data is None and problems:
        content = FileContent(path)
        content.problems.extend(problems)
        return content
    content = check_document(data, path)
    content.problems[:0] = problems
    return content


def load(paths: Iterable[str | os.PathLike[str]]) -> LoadResult:
    """Load every briefing file under `paths` into one briefing, with all the problems found."""
    files, problems = discover(paths)
    with paused_gc():
        contents = [load_file(file) for file in files]
        return merge(contents, problems, files)


def merge(contents: list[FileContent], problems: list[Problem], files: list[str]) -> LoadResult:
    """Combine files into one briefing; ids must be unique across all of them."""
    all_problems = list(problems)
    info: BriefingInfo | None = None
    info_at = ""
    # id -> (object, path, line, column); a place is spelled out only when it is reported
    speakers: dict[str, tuple[Speaker, str, int, int]] = {}
    articles: dict[str, tuple[Article, str, int, int]] = {}

    for content in contents:
        path = content.path
        all_problems.extend(content.problems)
        if content.info is not None and content.info_place is not None:
            where, line, column = content.info_place
            if info is None:
                info, info_at = content.info, f"{path}:{line}:{column}"
            else:
                all_problems.append(
                    Problem(
                        path,
                        line,
                        column,
                        where,
                        f"the briefing's title and bottom line are already given at {info_at}; "
                        "keep one 'briefing' section per briefing",
                    )
                )
        for speaker, where, line, column in content.speakers:
            known = speakers.get(speaker.id)
            if known is None:
                speakers[speaker.id] = (speaker, path, line, column)
            elif known[0] != speaker:
                all_problems.append(
                    Problem(
                        path,
                        line,
                        column,
                        where,
                        f"speaker id '{speaker.id}' is already used at {_place(known)} for "
                        f"{known[0].name}; give each speaker its own id or make them the same",
                    )
                )
        for article, where, line, column in content.articles:
            known_article = articles.get(article.id)
            if known_article is None:
                articles[article.id] = (article, path, line, column)
            else:
                all_problems.append(
                    Problem(
                        path,
                        line,
                        column,
                        where,
                        f"article id '{article.id}' is already used at {_place(known_article)}; "
                        "give each article its own id",
                    )
                )

    unknown: set[tuple[str, str]] = set()
    for content in contents:
        for article_id, speaker_id, where, line, column in content.quote_speakers:
            if speaker_id not in speakers:
                unknown.add((article_id, speaker_id))
                all_problems.append(
                    Problem(
                        content.path,
                        line,
                        column,
                        where,
                        f"no speaker has the id '{speaker_id}'"
                        f"{did_you_mean(speaker_id, speakers)}; "
                        "add it under 'speakers' or correct the id",
                    )
                )
    kept = [entry[0] for entry in articles.values()]
    if unknown:
        kept = [_unattribute(article, unknown) for article in kept]

    briefing = Briefing(
        info=info or BriefingInfo(),
        articles=tuple(kept),
        speakers=tuple(entry[0] for entry in speakers.values()),
    )
    return LoadResult(briefing, tuple(sorted(all_problems)), tuple(files))


def _place(known: tuple[object, str, int, int]) -> str:
    """ "path:line:column" of an id first seen there."""
    _, path, line, column = known
    return f"{path}:{line}:{column}"


def _unattribute(article: Article, unknown: set[tuple[str, str]]) -> Article:
    """Keep quotes whose speaker id is unknown, as unattributed, so nothing disappears."""
    quotes = tuple(
        replace(quote, speaker_id=None)
        if (article.id, quote.speaker_id or "") in unknown
        else quote
        for quote in article.quotes
    )
    return replace(article, quotes=quotes) if quotes != article.quotes else article


__all__ = ["LoadResult", "discover", "load", "load_file", "merge", "read_text"]
