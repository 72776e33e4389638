"""`briefing import` of web pages, feeds and URLs, and `--into` an existing briefing."""

from __future__ import annotations

import http.server
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from tests.conftest import DATA, ROOT
from tui.cli.main import main
from tui.files.loader import load

pytest.importorskip("trafilatura", reason="the 'web' extra is not installed")

WEB = DATA / "web"
SEEDS = DATA / "seeds"
GOLD = yaml.safe_load((DATA / "seeds-gold.yaml").read_text(encoding="utf-8"))
PAGES = {p["file"]: p for p in yaml.safe_load((WEB / "pages.yaml").read_text())["pages"]}
SEED_PAGES = [str(WEB / "seed-000.html"), str(WEB / "seed-001.html")]


@pytest.fixture(scope="module")
def from_pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("web") / "draft.yaml"
    assert main(["import", *SEED_PAGES, "--output", str(output), "--title", "Peacekeeping"]) == 0
    return output


def test_the_seed_pages_give_every_gold_quote_with_its_speaker(from_pages: Path):
    result = load([from_pages])
    assert result.problems == ()
    briefing = result.briefing
    found = {(briefing.speaker_name(q.speaker_id), q.text) for q in briefing.quotes}
    gold = {(q["speaker"], q["text"]) for a in GOLD["articles"] for q in a["quotes"]}
    assert len(gold) == 15 and found == gold


def test_the_seed_pages_give_at_least_21_of_the_23_gold_figures(from_pages: Path):
    briefing = load([from_pages]).briefing
    found = {(a.title, f.value) for a in briefing.articles for f in a.figures}
    gold = [(a["title"], float(f["value"])) for a in GOLD["articles"] for f in a["figures"]]
    assert len(gold) == 23 and sum(item in found for item in gold) >= 21


def test_the_seed_pages_give_every_metadata_field(from_pages: Path):
    briefing = load([from_pages]).briefing
    for article, name in zip(briefing.articles, ("seed-000.html", "seed-001.html"), strict=True):
        page = PAGES[name]
        got = (article.title, article.outlet, article.author, article.published, article.url)
        assert got == tuple(page[f] for f in ("title", "outlet", "author", "published", "url"))
        assert "Scroll to Top" not in article.body and "Related News" not in article.body
        assert "undated picture" not in article.body


def test_a_feed_imports_each_entry_and_marks_summaries(tmp_path: Path, capsys):
    output = tmp_path / "feed.yaml"
    assert main(["import", str(WEB / "harbour-feed.rss"), "--output", str(output)]) == 0
    out = capsys.readouterr().out
    assert "1 article from feeds hold only a summary" in out and "# partial" in out
    text = output.read_text(encoding="utf-8")
    assert text.count("# partial: the feed gives only a summary") == 1
    briefing = load([output]).briefing
    assert [a.author for a in briefing.articles] == ["Lea Brandt", "Grace Ito"]
    assert {q.text for q in briefing.quotes} >= {"We waited long enough,"}


class _Pages(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, directory=str(WEB), **kwargs)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_a_url_is_fetched_and_read_like_a_saved_page(server: str, tmp_path: Path):
    output = tmp_path / "u.yaml"
    urls = [f"{server}/harbour-news.html", f"{server}/harbour-feed.atom"]
    assert main(["import", *urls, "--output", str(output)]) == 0
    briefing = load([output]).briefing
    assert [a.outlet for a in briefing.articles] == ["City Herald", "Coastal Times"]
    assert briefing.articles[0].url.startswith("https://cityherald.example/")


def test_an_unreachable_url_is_a_one_line_error(server: str, tmp_path: Path, capsys):
    missing = f"{server}/no-such-page.html"
    closed = "http://127.0.0.1:9/story.html"  # the discard port: nothing listens
    assert main(["import", missing, closed, "--output", str(tmp_path / "x.yaml")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[0] == f"{missing}:1:1: (url): the server answered 404 File not found"
    assert err[1].startswith(f"{closed}:1:1: (url): cannot reach it (")
    assert "check the address and your connection" in err[1]
    assert not (tmp_path / "x.yaml").exists()


def test_importing_text_loads_no_html_or_feed_library(tmp_path: Path):
    article = tmp_path / "a.txt"
    article.write_text('"We are ready," said Ana Ruiz.\n', encoding="utf-8")
    code = (
        "import sys\nfrom tui.cli.main import main\n"
        f"main(['import', {str(article)!r}, '--output', {str(tmp_path / 'o.yaml')!r}])\n"
        "loaded = [m for m in ('trafilatura', 'htmldate', 'feedparser', 'lxml') "
        "if m in sys.modules]\nassert not loaded, loaded\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr


def test_without_the_web_extra_the_message_names_it(tmp_path: Path):
    code = (
        "import sys\nsys.modules['trafilatura'] = None\nfrom tui.cli.main import main\n"
        f"sys.exit(main(['import', {str(WEB / 'harbour-news.html')!r}, "
        f"'--output', {str(tmp_path / 'o.yaml')!r}]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "briefing import: reading web pages needs trafilatura; install the 'web' extra: "
        "pip install 'briefing-tui[web]' (make setup does)"
    )
