"""Reading raw articles and separating the story from page clutter."""

from __future__ import annotations

from tests.conftest import DATA, SEED_BRIEFING
from tui.extract.clean import clean_article
from tui.files.loader import load


def test_headline_and_paragraphs_are_separated():
    clean = clean_article(
        "Storm closes port\n\nThe port closed on Friday.\nShips waited offshore.\n"
    )
    assert clean.title == "Storm closes port"
    assert clean.body == "The port closed on Friday.\n\nShips waited offshore.\n"


def test_a_first_line_that_ends_a_sentence_is_not_a_headline():
    clean = clean_article("The port closed on Friday.\nShips waited.\n")
    assert clean.title == ""
    assert clean.body.startswith("The port closed on Friday.")


def test_page_furniture_lines_are_removed():
    text = (
        "Storm closes port\n\nThe port closed.\n\nAdvertisement\n\nShare this article\n\n"
        "Ships waited.\n\nScroll to Top\n\nRelated Stories\n\nRead more: Port reopens\n\n"
        "Sign up for our newsletter\n"
    )
    clean = clean_article(text)
    assert clean.body == "The port closed.\n\nShips waited.\n"
    assert "Advertisement" in clean.removed and "Read more: Port reopens" in clean.removed


def test_a_photo_caption_with_a_credit_is_removed_however_often_it_appears():
    caption = "Dock workers in this file photo. — Reuters/Files"
    text = f"Storm closes port\n\n{caption}\n\n{caption}\n\nThe port closed.\n"
    clean = clean_article(text)
    assert clean.body == "The port closed.\n"
    assert clean.removed == (caption, caption)


def test_a_repeated_quotation_paragraph_is_kept():
    line = '"We will reopen," the harbour master said.'
    assert clean_article(f"Port\n\n{line}\n\n{line}\n").body.count(line) == 2


def test_markdown_heading_is_the_title_and_wrapped_lines_join():
    clean = clean_article("# Port reopens\n\nShips sailed\nat dawn.\n\nTrade resumed.\n", ".md")
    assert clean.title == "Port reopens"
    assert clean.body == "Ships sailed at dawn.\n\nTrade resumed.\n"


def test_seed_articles_clean_to_the_shipped_bodies():
    shipped = {a.title: a.body for a in load([SEED_BRIEFING]).briefing.articles}
    for path in sorted((DATA / "seeds").glob("*.txt")):
        clean = clean_article(path.read_text(encoding="utf-8"))
        assert shipped[clean.title] == clean.body
