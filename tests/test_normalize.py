"""Normalization of whole articles: what goes, why, and that every sentence stays."""

from __future__ import annotations

from pathlib import Path

from digest import boilerplate
from digest.ingest import read_article
from digest.model import RawArticle, RawBlock, Source
from digest.normalize import DATELINE, REPEATED_BLOCK, REPEATED_HEADLINE, normalize

DATA = Path(__file__).resolve().parent / "data"


def _raw(headline: str, *lines: str) -> RawArticle:
    return RawArticle(
        "paper.txt", Source("Paper"), headline, tuple(RawBlock("paragraph", line) for line in lines)
    )


def test_furniture_is_removed_with_reasons_and_text_kept() -> None:
    clean = normalize(
        _raw(
            "Ferry suspended after engine failure",
            "FERRY SUSPENDED AFTER ENGINE FAILURE | Coast Paper",
            "Photo: Jane Doe / Coast Paper",
            "Share this article",
            "By Jane Doe, Transport Reporter",
            "Published 09:12 Saturday, July 19, 2025",
            "PENHALLOW (Wire) \u2014 The island ferry was suspended on Saturday.",
            "Nobody was injured.",
            "Advertisement",
            "Read more: Harbour fees to rise",
            "The vote passed.",
            "Sign up for our newsletter",
            "\u00a9 2025 Coast Paper. All rights reserved.",
        )
    )
    assert [b.text for b in clean.blocks] == [
        "The island ferry was suspended on Saturday.",
        "Nobody was injured.",
        "The vote passed.",
    ]
    reasons = {removal.text: removal.reason for removal in clean.removed}
    assert reasons["FERRY SUSPENDED AFTER ENGINE FAILURE | Coast Paper"] == REPEATED_HEADLINE
    assert reasons["Photo: Jane Doe / Coast Paper"] == boilerplate.CAPTION
    assert reasons["By Jane Doe, Transport Reporter"] == boilerplate.BYLINE
    assert reasons["Published 09:12 Saturday, July 19, 2025"] == boilerplate.TIMESTAMP
    assert reasons["PENHALLOW (Wire) \u2014"] == DATELINE
    assert reasons["Advertisement"] == boilerplate.ADVERT
    assert reasons["Read more: Harbour fees to rise"] == boilerplate.RELATED
    assert len(clean.removed) == 10


def test_a_headline_run_together_with_itself_is_removed() -> None:
    clean = normalize(_raw("Bridge shut", "Bridge Shut Bridge Shut", "The bridge was shut."))
    assert [b.text for b in clean.blocks] == ["The bridge was shut."]
    assert clean.removed[0].reason == REPEATED_HEADLINE


def test_a_sentence_that_repeats_the_headline_words_is_kept() -> None:
    clean = normalize(_raw("Bridge shut for repairs", "The bridge was shut for repairs on Monday."))
    assert [b.text for b in clean.blocks] == ["The bridge was shut for repairs on Monday."]


def test_repeated_paragraphs_are_removed_once_seen() -> None:
    clean = normalize(_raw("Headline", "The bridge was shut.", "The bridge  was shut.", "Traffic moved."))
    assert [b.text for b in clean.blocks] == ["The bridge was shut.", "Traffic moved."]
    assert clean.removed[0].reason == REPEATED_BLOCK


def test_a_dateline_is_only_cut_from_the_opening_paragraph() -> None:
    clean = normalize(_raw("Headline", "First paragraph here.", "LONDON (Wire) \u2014 Later paragraph."))
    assert clean.blocks[1].text == "LONDON (Wire) \u2014 Later paragraph."


def test_unpunctuated_short_lines_between_paragraphs_become_headings() -> None:
    clean = normalize(
        _raw(
            "Headline",
            "The fire started at night.",
            "Questions over sprinklers",
            "A worker made a claim.",
            "Last line",
        )
    )
    assert [(b.kind, b.text) for b in clean.blocks] == [
        ("paragraph", "The fire started at night."),
        ("heading", "Questions over sprinklers"),
        ("paragraph", "A worker made a claim."),
        ("paragraph", "Last line"),
    ]


def test_short_sentences_and_quotes_survive() -> None:
    lines = (
        "Nobody was hurt.",
        "\u201cBest day of my life,\u201d said a fan.",
        "The vote passed.",
        "Here is what we know.",
    )
    clean = normalize(_raw("Headline", *lines))
    assert [b.text for b in clean.blocks] == list(lines)
    assert clean.removed == ()


def test_original_characters_are_kept() -> None:
    clean = normalize(_raw("Headline", "Iran\u2019s \u201cdrones\u201d \u2013 dozens \u2013 arrived."))
    assert clean.blocks[0].text == "Iran\u2019s \u201cdrones\u201d \u2013 dozens \u2013 arrived."


def test_dev_story_markdown_keeps_headings_and_drops_its_furniture() -> None:
    raw, _ = read_article(DATA / "stories" / "ashcombe-battery-plant-fire" / "civic-pulse.md")
    clean = normalize(raw)
    assert [b.text for b in clean.blocks if b.kind == "heading"] == [
        "What happened",
        "Who has been affected",
        "What the fire service says",
        "What the company says",
    ]
    assert all("Support our journalism" not in b.text for b in clean.blocks)
    assert any(b.text == "No injuries were reported." for b in clean.blocks)


def test_list_lines_of_plain_text_become_items_without_their_markers() -> None:
    clean = normalize(
        _raw(
            "Headline",
            "What we know:",
            "- About 300 residents left",
            "\u2022 Two schools closed",
            "Nobody was hurt.",
        )
    )
    assert [(b.kind, b.text) for b in clean.blocks] == [
        ("paragraph", "What we know:"),
        ("item", "About 300 residents left"),
        ("item", "Two schools closed"),
        ("paragraph", "Nobody was hurt."),
    ]


def test_a_page_title_variant_of_the_headline_is_removed() -> None:
    clean = normalize(
        _raw(
            "Town wakes to dry taps as main bursts",
            "RIVERTON WAKES TO DRY TAPS AS MAIN BURSTS | The Courier",
            "Thousands of homes had no water on Tuesday.",
        )
    )
    assert [b.text for b in clean.blocks] == ["Thousands of homes had no water on Tuesday."]
    assert clean.removed[0].reason == REPEATED_HEADLINE


def test_a_capitalised_sentence_sharing_words_with_the_headline_is_kept() -> None:
    clean = normalize(_raw("Town wakes to dry taps", "The town woke to dry taps on Tuesday, officials said."))
    assert len(clean.blocks) == 1
