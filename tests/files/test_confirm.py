"""Confirming a speaker takes out the quotation's `check` line and changes nothing else."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tui.files.confirm import ConfirmError, confirm_speaker
from tui.files.loader import load

TEXT = """\
# my notes, kept as they are
speakers:
  - {id: ana-ruiz, name: Ana Ruiz}   # flow style stays
articles:
  - id: vote
    title: Vote
    body: |
      "Yes," said Ana Ruiz. "Yes," she said again.
    quotes:
      - speaker: ana-ruiz
        text: Yes,
        check: speaker found through a pronoun; confirm or correct
      - speaker: ana-ruiz
        text: Yes,
        start: 23
        check: speaker found through a pronoun; confirm or correct   # a comment
      - text: again
"""


def _loaded(path: Path):
    result = load([path])
    article = result.briefing.articles[0]
    return article, list(article.quotes)


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_only_the_quotes_check_line_goes(tmp_path: Path, newline: str):
    path = tmp_path / "b.yaml"
    before = TEXT.replace("\n", newline).encode("utf-8")
    path.write_bytes(before)
    os.chmod(path, 0o640)
    article, quotes = _loaded(path)
    assert [q.start for q in quotes if q.unconfirmed] == [1, 23]
    confirm_speaker(article, quotes[1])
    after = path.read_bytes()
    old_lines, new_lines = before.splitlines(keepends=True), after.splitlines(keepends=True)
    assert len(new_lines) == len(old_lines) - 1
    [gone] = [i for i, line in enumerate(old_lines) if b"# a comment" in line]
    assert new_lines == old_lines[:gone] + old_lines[gone + 1 :]
    assert os.stat(path).st_mode & 0o777 == 0o640
    _, reloaded = _loaded(path)
    assert [q.unconfirmed for q in reloaded] == [True, False, False]


def test_a_byte_order_mark_is_kept(tmp_path: Path):
    path = tmp_path / "b.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + TEXT.encode("utf-8"))
    article, quotes = _loaded(path)
    confirm_speaker(article, quotes[0])
    assert path.read_bytes().startswith(b"\xef\xbb\xbf# my notes")
    assert path.read_bytes().count(b"check:") == 1


def test_refuses_when_the_file_moved_the_quote(tmp_path: Path):
    path = tmp_path / "b.yaml"
    path.write_text(TEXT, encoding="utf-8")
    article, quotes = _loaded(path)
    changed = TEXT.replace('"Yes," she', '"Yes" she')
    path.write_text(changed, encoding="utf-8")
    with pytest.raises(ConfirmError, match="changed since it was loaded"):
        confirm_speaker(article, quotes[1])
    assert path.read_text(encoding="utf-8") == changed


def test_refuses_when_already_confirmed(tmp_path: Path):
    path = tmp_path / "b.yaml"
    path.write_text(TEXT, encoding="utf-8")
    article, quotes = _loaded(path)
    confirm_speaker(article, quotes[0])
    with pytest.raises(ConfirmError, match="confirmed already"):
        confirm_speaker(article, quotes[0])


def test_a_check_over_several_lines_is_left_to_the_user(tmp_path: Path):
    path = tmp_path / "b.yaml"
    text = TEXT.replace(
        "        check: speaker found through a pronoun; confirm or correct\n      - speaker",
        "        check: >\n          speaker found\n          through a pronoun\n      - speaker",
    )
    path.write_text(text, encoding="utf-8")
    article, quotes = _loaded(path)
    assert quotes[0].check == "speaker found through a pronoun"
    with pytest.raises(ConfirmError, match="by hand"):
        confirm_speaker(article, quotes[0])
    assert path.read_text(encoding="utf-8") == text
