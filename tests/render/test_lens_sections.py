"""Lens fragments on pages: what they show, and that article text in them stays inert."""

from __future__ import annotations

import html

from conftest import build_article

from digest.compare import view
from digest.lenses import apply
from digest.model import Claim, Story, StoryMeta
from digest.render import claim_page, lens_sections, story_page

HOSTILE = '<script>alert(1)</script> {{ config }} --8<-- "secret.env" {: onclick=x } {++ fake ++}'


def _story() -> Story:
    a = build_article(
        "a",
        [
            f"Mayor Tom Reyes said: \u201cThe levee held {HOSTILE} until dawn.\u201d",
            "About 300 residents left, according to <b>the council</b>.",
        ],
        outlet="Ledger <img src=x onerror=alert(1)>",
        headline=f"Levee holds {HOSTILE}",
    )
    b = build_article(
        "b",
        [
            f"\u201cThe levee held {HOSTILE} until dawn,\u201d Reyes allegedly said.",
            "Roughly 300 residents left.",
        ],
        outlet="Courier",
        headline="Levee holds overnight",
    )
    articles = (a, b)
    claims = (
        view(Claim("levee", ("a-s1", "b-s1"), "a-s1"), articles),
        view(Claim("residents", ("a-s2", "b-s2"), "a-s2"), articles),
    )
    return Story(StoryMeta("flood", "Flood", None), articles, claims, (), apply(articles, claims))


def _no_markup_from_input(markdown: str) -> None:
    for needle in ("<script", "<img", "<b>", "{{", "--8<--", "{:", "{++", "onerror=", "onclick="):
        assert needle not in markdown


def test_claim_page_shows_badges_quotes_and_figures_inertly() -> None:
    story = _story()
    _, levee = claim_page.render(story, 0)
    _, residents = claim_page.render(story, 1)
    for page in (levee, residents):
        _no_markup_from_input(page)
    assert 'class="px-badge px-badge-hedge"' in levee
    text = html.unescape(levee)
    assert "allegedly" in text
    assert "said: Mayor Tom Reyes" in text
    assert "<h2>Quotations</h2>" in levee
    assert "quotes it verbatim" in text
    residents_text = html.unescape(residents)
    assert "<h2>Figures</h2>" in residents
    assert "qualified differently" in residents_text
    assert "Roughly 300 residents" in residents_text


def test_story_page_sections_are_inert() -> None:
    story = _story()
    _, page = story_page.render_differences(story)
    _no_markup_from_input(page)
    _no_markup_from_input(story_page.render(story)[1])
    for heading in (
        "<h2>Quotations</h2>",
        "<h2>Attribution and hedging</h2>",
        "<h2>Text reuse</h2>",
        "<h3>Headlines compared</h3>",
    ):
        assert heading in page


def test_sections_are_empty_without_lens_data() -> None:
    story = _story()
    bare = Story(story.meta, story.articles, story.claims, story.problems)
    assert lens_sections.badges(bare, "a-s1") == ""
    assert lens_sections.claim_quotes(bare, bare.claims[0], "x.md") == ""
    assert lens_sections.story_reuse(bare) == ""
    assert lens_sections.story_names(bare, "x.md") == ""


def test_a_trimmed_quotation_keeps_a_space_before_the_cut() -> None:
    ops = lens_sections._ops([["equal", "holding the line ", "holding the line"], ["delete", "for now.", ""]])
    assert ops[0].out == "holding the line "
    assert ops[1].out == ""


def test_a_row_of_two_reads_as_the_same_text_on_both_sides() -> None:
    ops = lens_sections._ops([["equal", "the line "], ["replace", "held", "broke"]])
    assert [(op.ref, op.out) for op in ops] == [("the line ", "the line "), ("held", "broke")]


def _one_fact_as_two_claims() -> Story:
    """Five outlets; alignment split one fact into two claims whose reference phrasings are nearly
    the same words."""
    a = build_article("a", ["The levee held until dawn on Tuesday.", "Mayor Tom Reyes visited it."])
    b = build_article("b", ["The levee held until dawn on Tuesday, officials said."])
    c = build_article("c", ["The levee held until dawn on Tuesday night."])
    e = build_article("e", ["Until dawn on Tuesday night the levee held."])
    d = build_article("d", ["Residents cleaned their streets."])
    articles = (a, b, c, d, e)
    claims = (
        view(Claim("held", ("a-s1", "b-s1"), "a-s1"), articles),
        view(Claim("held-again", ("c-s1", "e-s1"), "c-s1"), articles),
    )
    return Story(StoryMeta("levee", "Levee", None), articles, claims, (), apply(articles, claims))


def test_an_outlet_reporting_the_fact_under_a_sibling_claim_is_not_listed_as_leaving_it_out() -> None:
    story = _one_fact_as_two_claims()
    _, page = claim_page.render(story, 0)
    left_out = page.split("<h2>Outlets not matched to it</h2>", 1)[1]
    listed = left_out.split("</p>", 1)[0]
    assert 'href="../../articles/d/"' in listed
    assert 'href="../../articles/c/"' not in listed
    assert "claim 2" in left_out and 'href="../held-again/"' in left_out


def test_left_out_by_lists_each_fact_once_on_the_differences_page() -> None:
    story = _one_fact_as_two_claims()
    _, page = story_page.render_differences(story)
    assert "Not matched in D" in page
    spots = page.split("Not matched in D", 1)[1].split("</ul>", 1)[0]
    assert spots.count("<li>") == 1
    assert "Not matched in C" not in page and "Not matched in B" not in page


def test_a_badge_names_the_speaker_a_pronoun_stands_for() -> None:
    a = build_article("a", ["Mayor Tom Reyes visited the levee.", "The water is falling, he said."])
    b = build_article("b", ["The water is falling, Reyes said."])
    articles = (a, b)
    claims = (view(Claim("water", ("a-s2", "b-s1"), "a-s2"), articles),)
    story = Story(StoryMeta("levee", "Levee", None), articles, claims, (), apply(articles, claims))
    badge = html.unescape(lens_sections.badges(story, "a-s2"))
    assert "said: Tom Reyes" in badge
    assert "said: he" not in badge
    assert "said: Reyes" in html.unescape(lens_sections.badges(story, "b-s1"))
    assert "no attribution" in lens_sections.badges(story, "a-s1")
    assert "no attribution" not in badge


def test_a_quotation_table_names_the_outlets_that_do_not_carry_it_after_the_rows() -> None:
    base = _story()
    c = build_article("c", ["The levee failed at dawn, officials said."], outlet="Gazette <b>x</b>")
    articles = (*base.articles, c)
    claims = (view(Claim("levee", ("a-s1", "b-s1"), "a-s1"), articles),)
    story = Story(StoryMeta("flood", "Flood", None), articles, claims, (), apply(articles, claims))
    # The differences page names the outlet that does not carry the passage, after the table.
    _, differences = story_page.render_differences(story)
    _no_markup_from_input(differences)
    quotations = differences.split("<h2>Quotations</h2>", 1)[1]
    table, after = quotations.split("</table>", 1)
    assert "Gazette" not in table
    assert "Not carried by Gazette <b>x</b>." in html.unescape(after)
    # The claim page lists it once, as an outlet that does not report the fact at all.
    _, page = claim_page.render(story, 0)
    _no_markup_from_input(page)
    table = page.split("<h2>Quotations</h2>", 1)[1].split("</table>", 1)[0]
    assert "Not carried by" not in page
    assert "Gazette" in html.unescape(page.split("<h2>Outlets not matched to it</h2>", 1)[1])
    # The outlets quoting it word for word are not made to repeat it.
    assert html.unescape(table).count("the same words") == html.unescape(table).count("quotes it verbatim")


def test_large_figures_are_grouped_in_thousands_for_reading() -> None:
    assert lens_sections.shown_value("310000000") == "310,000,000"
    assert lens_sections.shown_value("2614") == "2614"
    assert lens_sections.shown_value("30%") == "30%"


def test_the_related_claim_note_speaks_of_outlets_spared_only_when_there_are_some() -> None:
    spared_story = _one_fact_as_two_claims()
    _, page = claim_page.render(spared_story, 0)
    assert "not counted as leaving it out" in page
    a = build_article(
        "a", ["The levee held until dawn on Tuesday.", "The levee held until dawn on Tuesday night."]
    )
    b = build_article("b", ["It held until dawn on Tuesday.", "Until Tuesday night the levee held."])
    articles = (a, b)
    claims = (
        view(Claim("held", ("a-s1", "b-s1"), "a-s1"), articles),
        view(Claim("dawn", ("a-s2", "b-s2"), "a-s2"), articles),
    )
    story = Story(StoryMeta("levee", "Levee", None), articles, claims, (), apply(articles, claims))
    _, page = claim_page.render(story, 0)
    assert "The same fact is also aligned as another claim" in page
    assert "not counted as leaving it out" not in page


def test_a_headline_too_different_for_a_diff_is_shown_as_written() -> None:
    story = _story()
    articles = (
        story.articles[0],
        build_article(
            "b", ["Roughly 300 residents left."], outlet="Courier", headline="Levee holds overnight"
        ),
        build_article(
            "c", ["About 300 residents left."], outlet="Gazette", headline="Residents flee rising river water"
        ),
    )
    claims = (view(Claim("residents", ("a-s2", "b-s1", "c-s1"), "a-s2"), articles),)
    story = Story(story.meta, articles, claims, (), apply(articles, claims))
    section = lens_sections.story_coverage(story, "stories/flood/differences/")
    headlines = section.split("<h3>Headlines compared</h3>", 1)[1]
    row = headlines.split("Gazette", 1)[1].split("</tr>", 1)[0]
    assert "Residents flee rising river water" in html.unescape(row)
    assert "px-del" not in row and "px-ins" not in row
