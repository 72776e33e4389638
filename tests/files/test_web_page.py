"""Reading web pages and feeds: the article's text scored against the text the page was
written around, its metadata, charsets, and clear errors for what is not an article."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from tests.conftest import DATA
from tui.files.articles import read_source
from tui.files.feed import html_paragraphs, looks_like_feed
from tui.files.web_page import decode_page, looks_like_html

pytest.importorskip("trafilatura", reason="the 'web' extra is not installed")

WEB = DATA / "web"
PAGES = yaml.safe_load((WEB / "pages.yaml").read_text(encoding="utf-8"))["pages"]
FIELDS = ("title", "outlet", "author", "published", "url", "language")


def tokens(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", text.casefold()))


def scores(got: str, gold: str) -> tuple[float, float, float]:
    """Token precision, recall and F1, as article-extraction benchmarks count them."""
    found, wanted = tokens(got), tokens(gold)
    common = sum((found & wanted).values())
    precision = common / max(1, sum(found.values()))
    recall = common / max(1, sum(wanted.values()))
    f1 = 2 * precision * recall / (precision + recall) if common else 0.0
    return precision, recall, f1


def ours(name: str) -> str:
    [article], problem = read_source(str(WEB / name))
    assert problem is None
    return article.text


def theirs(name: str) -> str:
    import trafilatura

    return trafilatura.extract((WEB / name).read_bytes()) or ""


def gold(name: str) -> str:
    return (WEB / name).with_suffix(".body.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("page", PAGES, ids=[p["file"] for p in PAGES])
def test_the_article_text_is_at_least_as_good_as_trafilaturas_own(page: dict[str, str]):
    name = page["file"]
    mine, reference = scores(ours(name), gold(name)), scores(theirs(name), gold(name))
    assert mine[2] >= reference[2]
    assert mine[0] >= 0.98 and mine[1] >= 0.98, mine


def test_overall_scores_beat_trafilaturas_own():
    mine = [scores(ours(p["file"]), gold(p["file"]))[2] for p in PAGES]
    reference = [scores(theirs(p["file"]), gold(p["file"]))[2] for p in PAGES]
    assert sum(mine) / len(mine) >= sum(reference) / len(reference)


@pytest.mark.parametrize("page", PAGES, ids=[p["file"] for p in PAGES])
def test_every_metadata_field_is_found(page: dict[str, str]):
    [article], _ = read_source(str(WEB / page["file"]))
    assert {f: getattr(article, f) for f in FIELDS} == {f: page[f] for f in FIELDS}
    assert article.structured and not article.partial


def test_paragraphs_stay_paragraphs_and_clutter_goes():
    text = ours("harbour-news.html")
    assert text.count("\n\n") == gold("harbour-news.html").count("\n\n")
    for clutter in ("cookies", "Advertisement", "Related stories", "Facebook", "Photo:",
                    "Most popular", "Read more"):
        assert clutter not in text


def test_html_is_read_as_html_whatever_the_files_name(tmp_path: Path):
    renamed = tmp_path / "story.txt"
    renamed.write_bytes((WEB / "harbour-news.html").read_bytes())
    [article], problem = read_source(str(renamed))
    assert problem is None and article.title == "Council approves harbour bridge at $120 million"
    assert "<" not in article.text and "DOCTYPE" not in article.text
    assert looks_like_html(renamed.read_bytes())
    assert not looks_like_html(b"The council met on Monday.\n<3 from the harbour\n")


def test_a_declared_charset_is_honoured_and_a_wrong_one_is_located():
    raw = (WEB / "gazette-cp1252.html").read_bytes()
    text, problem = decode_page(raw, "p.html")
    assert problem is None and "coûtera" in text
    wrong = b'<html><head><meta charset="utf-8"></head><body>\n<p>caf\xe9</p></body></html>'
    text, problem = decode_page(wrong, "p.html")
    assert text is None and (problem.line, problem.column) == (2, 7)
    assert "not valid utf-8 text" in problem.message and "save the page again" in problem.message
    unknown = b'<html><head><meta charset="klingon-8"></head></html>'
    assert "unknown" in decode_page(unknown, "p.html")[1].message


def test_a_page_without_an_article_is_a_clear_problem(tmp_path: Path):
    empty = tmp_path / "index.html"
    empty.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    articles, problem = read_source(str(empty))
    assert articles == [] and "found no article text" in problem.message


def test_feeds_give_one_article_per_entry_with_their_metadata():
    entries, problem = read_source(str(WEB / "harbour-feed.rss"))
    assert problem is None
    full, summary = entries
    assert (full.title, full.author, full.published, full.outlet) == (
        "Council approves harbour bridge at $120 million", "Lea Brandt", "2026-03-02",
        "City Herald",
    )
    assert full.url.endswith("council-approves-harbour-bridge") and not full.partial
    assert "Photo:" not in full.text and full.text.count("\n\n") == 2
    assert summary.partial and "Kemal Yilmaz" in summary.text
    [atom], _ = read_source(str(WEB / "harbour-feed.atom"))
    assert (atom.author, atom.published, atom.partial) == ("Jonas Fischer", "2026-04-10", False)
    [item], _ = read_source(str(WEB / "harbour-feed.json"))
    assert (item.author, item.published, item.partial) == ("Marta Costa", "2026-03-05", True)
    assert looks_like_feed((WEB / "harbour-feed.atom").read_bytes())


def test_html_fragments_become_paragraphs():
    assert html_paragraphs("<p>One &amp; two.</p><script>x()</script><p>Three<br>four</p>") == (
        "One & two.\n\nThree\n\nfour\n"
    )
    assert html_paragraphs("Plain text.\n\nSecond.") == "Plain text.\n\nSecond.\n"


def test_a_file_that_is_no_page_nor_feed_is_refused(tmp_path: Path):
    notes = tmp_path / "notes.json"
    notes.write_text('{"a": 1}')
    articles, problem = read_source(str(notes))
    assert articles == [] and "neither a web page nor a feed" in problem.message
