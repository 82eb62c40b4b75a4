"""Story pages as HTML: headline cards, the coverage matrix, outlet cards, in that order."""

from __future__ import annotations

import dataclasses
import re

import pytest
from conftest import DATA, SEED_STORY

from digest.lenses.coverage import facts
from digest.model import Story
from digest.pipeline import analyze
from digest.render import story_page
from digest.render.markup import inert


@pytest.fixture(scope="module")
def stories() -> list[Story]:
    return [analyze(SEED_STORY), *(analyze(folder) for folder in sorted((DATA / "stories").iterdir()))]


def _section(page: str, heading: str) -> str:
    return page.split(f"<h2>{heading}</h2>\n", 1)[1].split("\n<h2>", 1)[0]


def test_sections_come_in_reading_order(stories: list[Story]) -> None:
    _, page = story_page.render(stories[0])
    order = [page.index(f"<h2>{name}") for name in ("Headlines", "Coverage", "Outlets", "Reported by one")]
    assert order == sorted(order)


def test_one_headline_card_per_article_linking_to_its_page(stories: list[Story]) -> None:
    for story in stories:
        _, page = story_page.render(story)
        cards = _section(page, "Headlines")
        assert cards.count('<div class="px-card">') == len(story.articles)
        for article in story.articles:
            assert f'<a href="articles/{article.id}/">{inert(article.headline)}</a>' in cards


def test_outlet_cards_list_what_is_known_and_skip_what_is_not(stories: list[Story]) -> None:
    story = stories[1]
    article = story.articles[0]
    _, page = story_page.render(story)
    cards = _section(page, "Outlets")
    assert cards.count('<div class="px-card">') == len(story.articles)
    assert f"<dt>Byline</dt><dd>{inert(article.source.byline)}</dd>" in cards
    assert f"<dt>Sentences</dt><dd>{len(article.sentences)}</dd>" in cards
    assert f'<a href="articles/{article.id}/">' in cards
    assert 'rel="nofollow noopener">original article</a>' in cards
    bare = dataclasses.replace(article, source=dataclasses.replace(article.source, byline=None, url=None))
    _, page = story_page.render(dataclasses.replace(story, articles=(bare, *story.articles[1:])))
    first_card = _section(page, "Outlets").split('<div class="px-card">')[1]
    assert "Byline" not in first_card and "Original" not in first_card and "Sentences" in first_card


def test_matrix_has_a_row_per_claim_with_labels_the_stylesheet_can_shorten(stories: list[Story]) -> None:
    for story in stories:
        _, page = story_page.render(story)
        matrix = _section(page, "Coverage")
        assert '<div class="px-matrix">' in matrix
        rows = re.findall(r'<tr><th scope="row">.*?</tr>', matrix)
        assert len(rows) == len(story.claims)
        for number, (row, view) in enumerate(zip(rows, story.claims, strict=True), 1):
            label = inert(story_page.matrix_label(view.summary))
            assert f'><span class="px-claim-label">{number}. {label}</span></a></th>' in row
            # An outlet stating the fact in a twin claim of the same fact states it here too.
            fact = next(f for f in facts(story.claims) if any(v is view for v in f))
            stating = {aid for v in fact for aid in v.outlets}
            assert stating >= set(view.outlets)
            assert row.count('<td class="px-yes"') == len(stating)
            assert row.count('<td class="px-no"') == len(set(view.missing) - stating)
            assert row.count('<td class="px-near"') == len(story.articles) - len(stating | set(view.missing))
            for article in story.articles:
                assert f'data-outlet="{inert(article.source.outlet)}"' in row


def test_counts_speak_of_facts_and_say_whether_some_includes_all(stories: list[Story]) -> None:
    from digest.lenses.coverage import facts
    from digest.render import home

    for story in stories:
        by_all, some, _ = story_page.counts(story)
        assert by_all + some == len(facts(story.claims))
        _, page = home.render([story])
        line = re.search(r"<p>Facts reported by (all outlets|both outlets).*?</p>", page)
        assert line, page
        assert "by some but not all: " in line.group(0) and "by one outlet only: " in line.group(0)
        assert "claim" not in line.group(0).lower()


def test_the_differences_line_names_only_the_sections_the_page_has(stories: list[Story]) -> None:
    for story in stories:
        _, page = story_page.render(story)
        _, differences = story_page.render_differences(story)
        line = page.split('<div class="px-differences-link"', 1)[1].split("</div>", 1)[0]
        headings = {
            "blind spots": "What each outlet alone reports",
            "quotations and who alters them": "<h2>Quotations",
            "attribution and hedges": "<h2>Attribution",
            "spellings of names": "<h2>Spellings of names",
            "text reuse between the articles": "<h2>Text reuse",
        }
        for topic, heading in headings.items():
            assert (topic in line) == (heading in differences), (story.meta.id, topic)
