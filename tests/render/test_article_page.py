"""Article pages: the legend, claim links that say what they are, anchors that never collide."""

from __future__ import annotations

import dataclasses
import re

from conftest import build_article

from digest.compare import view
from digest.model import Claim, Story, StoryMeta, Subhead
from digest.render import article_page
from digest.render.site import story_pages


def _story() -> Story:
    a = build_article(
        "a",
        [
            "The levee held until dawn.",
            "Crews worked all night.",
            "It rained again at noon.",
            "Schools shut.",
        ],
    )
    # The first two sentences form one paragraph; a subhead whose slug is exactly a sentence id
    # of the same page comes before the third, and one repeats a heading of the page itself.
    together = (dataclasses.replace(a.sentences[1], paragraph=1), *a.sentences[2:])
    a = dataclasses.replace(
        a,
        sentences=(a.sentences[0], *together),
        subheads=(Subhead("A S2", 3), Subhead("Removed from the source", 4)),
    )
    b = build_article(
        "b", ["The levee held until dawn.", "Crews worked all night.", "Rain returned at noon."]
    )
    articles = (a, b)
    claims = (
        view(Claim("rain", ("a-s3", "b-s3"), "a-s3"), articles),
        view(Claim("levee", ("a-s1", "a-s2", "b-s1", "b-s2"), "a-s1"), articles),
    )
    return Story(StoryMeta("levee", "Levee", None), articles, claims, ())


def test_the_legend_says_what_grey_text_and_claim_links_are() -> None:
    _, page = article_page.render(_story(), _story().articles[0])
    legend = page.split('<div class="px-legend"', 1)[1].split("</div>", 1)[0]
    assert "grey text" in legend and "matched to no other outlet" in legend
    assert "claim page" in legend
    assert '<a href="../../../../reading/">How to read this site</a>' in legend


def test_claim_links_read_as_claims_once_per_run_of_sentences() -> None:
    story = _story()
    _, page = article_page.render(story, story.articles[0])
    assert not re.search(r"<sup>|\[\d+\]", page)
    marks = re.findall(r'<span class="px-claimref">(claims?) (.*?)</span>', page)
    # Sentences 1 and 2 share claim 2: one mark after the second; sentence 3 is claim 1.
    assert [(word, re.sub(r"<[^>]+>", "", links)) for word, links in marks] == [
        ("claim", "2"),
        ("claim", "1"),
    ]
    assert 'aria-label="claim 2: how each outlet phrased it"' in page
    assert page.index('id="a-s2"') < page.index("claim <a") < page.index('id="a-s3"')


def test_no_two_elements_of_an_article_page_share_an_id() -> None:
    story = _story()
    page = next(p for p in story_pages(story) if p.path.endswith("articles/a.md"))
    ids = re.findall(r'\bid="([^"]+)"', page.html)
    assert len(ids) == len(set(ids)), ids
    assert "a-s2" in ids
    headings = [h.anchor for h in page.toc]
    assert all(anchor.startswith("part_") for anchor in headings)
    assert not set(headings) & {s.id for a in story.articles for s in a.sentences}


def test_a_sentence_related_to_another_outlets_is_marked_apart_from_one_alone() -> None:
    story = _story()
    for unconfirmed, css in (([], "px-alone"), (["a-s4"], "px-alone px-related")):
        outlet = {"alone": [], "unconfirmed": unconfirmed, "blind_spots": [], "claims": 2}
        marked = dataclasses.replace(story, lenses={"coverage": {"outlets": {"a": outlet}}})
        _, page = article_page.render(marked, marked.articles[0])
        assert f'<span class="{css}" id="a-s4">' in page
