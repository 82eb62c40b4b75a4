"""Claim pages as HTML: order of phrasings, side-by-side view, legend, neighbours."""

from __future__ import annotations

import re

import pytest
from conftest import DATA, SEED_STORY

from digest.model import DiffOp, Story
from digest.pipeline import analyze
from digest.render import claim_page
from digest.render.markup import diff_html, inert


@pytest.fixture(scope="module")
def stories() -> list[Story]:
    return [analyze(SEED_STORY), *(analyze(folder) for folder in sorted((DATA / "stories").iterdir()))]


def _labels(page: str) -> list[str]:
    return re.findall(r'<p class="px-label">(.*)</p>', page)


def test_reference_phrasing_comes_first_then_one_card_per_outlet(stories: list[Story]) -> None:
    for story in stories:
        for position, view in enumerate(story.claims):
            _, page = claim_page.render(story, position)
            labels = _labels(page)
            assert len(labels) == len(view.phrasings) == page.count('<div class="px-phrasing">')
            assert "(reference phrasing)" in labels[0]
            assert all("(reference phrasing)" not in label for label in labels[1:])
            reference = story.sentence(view.claim.reference)
            assert f"<strong>{inert(story.article(reference.article).source.outlet)}</strong>" in labels[0]


def test_distant_phrasings_are_shown_side_by_side_with_the_reference(stories: list[Story]) -> None:
    found = 0
    for story in stories:
        for position, view in enumerate(story.claims):
            _, page = claim_page.render(story, position)
            distant = [p for p in view.phrasings if not p.diffable]
            assert page.count('<div class="px-sidebyside">') == len(distant)
            # The legend says what a side-by-side phrasing is where the page has one.
            legend = page.split('<div class="px-legend"', 1)[1].split("</div>", 1)[0]
            assert ("shown side by side" in legend) == bool(distant)
            reference = inert(story.sentence(view.claim.reference).text)
            for phrasing in distant:
                found += 1
                own = inert(story.sentence(phrasing.sentence).text)
                block = page.split('<div class="px-sidebyside">', 1)[1].split("</div>\n</div>", 1)[0]
                assert reference in page and own in page
                assert "Reference phrasing" in block
    assert found, "the test stories should include phrasings too different for a word diff"


def test_legend_explains_marks_in_words(stories: list[Story]) -> None:
    _, page = claim_page.render(stories[0], 0)
    opening = '<div class="px-legend" role="note" data-pagefind-ignore>'
    legend = page.split(opening, 1)[1].split("</div>", 1)[0]
    assert "struck through" in legend and "underlined" in legend
    assert '<del class="px-del">' in legend and '<ins class="px-ins">' in legend
    # Badges are explained in words on the page, not only in hover text a phone cannot show.
    assert "Badges say whom each outlet credits, and flag its hedges." in legend
    # One line here; the site's reading page explains the rest.
    assert '<a href="../../../../reading/">How to read this site</a>' in legend
    assert "<li>" not in legend


def test_the_legend_explains_an_outlet_listed_twice_only_where_there_is_one(stories: list[Story]) -> None:
    seen = set()
    for story in stories:
        for position, view in enumerate(story.claims):
            outlets = [story.sentence(p.sentence).article for p in view.phrasings]
            twice = len(outlets) != len(set(outlets))
            _, page = claim_page.render(story, position)
            assert ("An outlet listed twice" in page) is twice
            seen.add(twice)
    assert seen == {True, False}  # the fixture stories have both kinds


def test_neighbours_link_previous_next_and_the_story(stories: list[Story]) -> None:
    story = stories[0]
    last = len(story.claims) - 1
    _, first_page = claim_page.render(story, 0)
    _, last_page = claim_page.render(story, last)
    assert "Previous claim" not in first_page and "Next claim" in first_page
    assert "Previous claim" in last_page and "Next claim" not in last_page
    next_id = story.claims[1].claim.id
    assert f'<a href="../{next_id}/">' in first_page
    assert '<a href="../../#coverage">' in first_page
    assert f"Claim {last + 1} of {last + 1}" in last_page


def test_missing_outlets_link_to_their_articles(stories: list[Story]) -> None:
    for story in stories:
        for position, view in enumerate(story.claims):
            _, page = claim_page.render(story, position)
            elsewhere = {aid for sibling in claim_page.sibling_claims(story, view) for aid in sibling.outlets}
            for article_id in set(view.missing) - elsewhere:
                assert (
                    f'<a href="../../articles/{article_id}/">'
                    in page.split("<h2>Outlets not matched to it</h2>", 1)[1]
                )


def test_a_claim_some_outlets_state_elsewhere_never_says_every_outlet_states_it(
    stories: list[Story],
) -> None:
    checked = 0
    for story in stories:
        for position, view in enumerate(story.claims):
            _, page = claim_page.render(story, position)
            elsewhere = {aid for sibling in claim_page.sibling_claims(story, view) for aid in sibling.outlets}
            absent = {a.id for a in story.articles} - set(view.outlets)
            if absent and absent <= elsewhere:
                checked += 1
                assert "Every outlet reports this fact." not in page
                assert "report it in a related claim" in page
    assert checked  # the fixture stories have such claims


def test_a_deletion_never_sticks_to_the_word_before_it() -> None:
    # Shapes taken from the seed story: the outlet's "days" is followed by its own comma.
    ops = (
        DiffOp("delete", "The Russians ", ""),
        DiffOp("equal", "in recent days ", "In recent days"),
        DiffOp("replace", "have ", ", Russia has "),
        DiffOp("equal", "turned to the drones", "turned to the drones"),
        DiffOp("delete", ".", ""),
    )
    html = diff_html(ops)
    assert html.startswith('<del class="px-del"')
    assert "In recent days <del" in html
    assert "drones <del" in html
    words = re.sub(r"<[^>]+>", "", html).split()
    assert words == "The Russians In recent days have &#44; Russia has turned to the drones &#46;".split()


def test_a_fact_split_over_many_claims_lists_a_bounded_number_of_them(stories: list[Story]) -> None:
    """A page names at most `SIBLINGS_SHOWN` other claims of its fact, then says how many more."""
    story = stories[0]
    view = story.claims[0]
    others = [v for v in story.claims if v is not view]
    grouped = [[view, *others]]
    _, page = claim_page.render(story, 0, grouped)
    assert page.count("claim ") >= claim_page.SIBLINGS_SHOWN
    rest = len(others) - claim_page.SIBLINGS_SHOWN
    assert rest > 0
    assert f"And {rest} more claims of this fact." in page


def test_an_outlet_with_two_sentences_in_a_claim_says_which_is_which(stories: list[Story]) -> None:
    doubled = 0
    for story in stories:
        for position, view in enumerate(story.claims):
            articles = [story.sentence(p.sentence).article for p in view.phrasings]
            _, page = claim_page.render(story, position)
            for p in view.phrasings:
                sentence = story.sentence(p.sentence)
                name = inert(story.article(sentence.article).source.outlet)
                if articles.count(sentence.article) > 1:
                    doubled += 1
                    assert f"<strong>{name}, sentence {sentence.index}</strong>" in page
                else:
                    assert f"<strong>{name}</strong>" in page
    assert doubled, "no claim of the test stories has two sentences of one outlet"
