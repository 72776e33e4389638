"""Load briefings from files and folders, never letting one bad file hide the rest."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from .model import Article, Briefing, BriefingInfo, Speaker
from .problems import Problem, did_you_mean
from .textfile import read_text_file
from .validate import FileContent, Located, check_document
from .yamlread import MAX_FILE_BYTES, parse_yaml

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
    following link loops. Real paths are resolved once a folder, not once a file: a folder
    of 10,000 articles would otherwise cost 50,000 system calls."""
    visited: set[str] = set()
    for root, dirs, names in os.walk(folder, followlinks=True):
        real = os.path.realpath(root)
        if real in visited:
            problems.append(
                Problem(
                    root, 1, 1, "(folder)", "this folder links back to one already read; skipped"
                )
            )
            dirs[:] = []
            continue
        visited.add(real)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in names:
            if name.endswith(YAML_SUFFIXES) and not name.startswith("."):
                path = os.path.join(root, name)
                linked = os.path.islink(path)
                yield path, os.path.realpath(path) if linked else os.path.join(real, name)


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
    contents = [load_file(file) for file in files]
    return merge(contents, problems, files)


def merge(contents: list[FileContent], problems: list[Problem], files: list[str]) -> LoadResult:
    """Combine files into one briefing; ids must be unique across all of them."""
    all_problems = list(problems)
    info: BriefingInfo | None = None
    info_at = ""
    speakers: dict[str, tuple[Speaker, str]] = {}
    articles: dict[str, tuple[Article, str]] = {}

    def place(content: FileContent, located: Located) -> str:
        return f"{content.path}:{located.mark[0]}:{located.mark[1]}"

    def report(content: FileContent, located: Located, message: str) -> None:
        line, column = located.mark
        all_problems.append(Problem(content.path, line, column, located.where, message))

    for content in contents:
        all_problems.extend(content.problems)
        if content.info is not None and content.info_place is not None:
            if info is None:
                info, info_at = content.info, place(content, content.info_place)
            else:
                report(
                    content,
                    content.info_place,
                    f"the briefing's title and bottom line are already given at {info_at}; "
                    "keep one 'briefing' section per briefing",
                )
        for speaker, located in content.speakers:
            if speaker.id in speakers:
                earlier, where = speakers[speaker.id]
                if earlier != speaker:
                    report(
                        content,
                        located,
                        f"speaker id '{speaker.id}' is already used at {where} for "
                        f"{earlier.name}; give each speaker its own id or make them the same",
                    )
                continue
            speakers[speaker.id] = (speaker, place(content, located))
        for article, located in content.articles:
            if article.id in articles:
                report(
                    content,
                    located,
                    f"article id '{article.id}' is already used at {articles[article.id][1]}; "
                    "give each article its own id",
                )
                continue
            articles[article.id] = (article, place(content, located))

    unknown: set[tuple[str, str]] = set()
    for content in contents:
        for article_id, speaker_id, located in content.quote_speakers:
            if speaker_id not in speakers:
                unknown.add((article_id, speaker_id))
                report(
                    content,
                    located,
                    f"no speaker has the id '{speaker_id}'{did_you_mean(speaker_id, speakers)}; "
                    "add it under 'speakers' or correct the id",
                )
    if unknown:
        articles = {
            article_id: (_unattribute(article, unknown), where)
            for article_id, (article, where) in articles.items()
        }

    briefing = Briefing(
        info=info or BriefingInfo(),
        articles=tuple(article for article, _ in articles.values()),
        speakers=tuple(speaker for speaker, _ in speakers.values()),
    )
    return LoadResult(briefing, tuple(sorted(all_problems)), tuple(files))


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
