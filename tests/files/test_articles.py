"""Reading article files: what is an article file, and clear errors for what is not."""

from pathlib import Path

from tui.files.articles import article_files, read_article


def test_non_utf8_and_wrong_kinds_of_file_get_clear_errors(tmp_path: Path):
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Café\nnaïve".encode("latin-1"))
    raw, problem = read_article(str(latin))
    assert raw is None and (problem.line, problem.column) == (1, 4)
    assert "not UTF-8 text (byte 0xe9); save the file as UTF-8" in problem.message
    raw, problem = read_article(str(tmp_path / "page.pdf"))
    assert raw is None and "give plain text (.txt) or Markdown (.md)" in problem.message
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02")
    assert "binary" in read_article(str(binary))[1].message


def test_folders_give_their_text_and_markdown_files_in_order(tmp_path: Path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.md").write_text("x")
    (tmp_path / "one.txt").write_text("x")
    (tmp_path / "notes.pdf").write_text("x")
    (tmp_path / ".hidden.txt").write_text("x")
    found = [Path(f).relative_to(tmp_path).as_posix() for f in article_files([str(tmp_path)])]
    assert found == ["one.txt", "b/two.md"]
