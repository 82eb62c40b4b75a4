"""The page of one article: its normalized text, each sentence linked to its claims,
and everything normalization removed, with the reason."""

from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Callable
from typing import cast

from digest.lenses import coverage
from digest.model import Article, Story
from digest.render import paths, templates, times
from digest.render.markup import external_link, heading, inert, link, relative, strong, table

SEPARATOR = " \u00b7 "


def _claims_by_sentence(story: Story) -> dict[str, list[int]]:
    found: dict[str, list[int]] = defaultdict(list)
    for position, view in enumerate(story.claims):
        for sentence_id in view.claim.sentences:
            if position not in found[sentence_id]:
                found[sentence_id].append(position)
    return found


def claim_marks(numbers: list[int], target: Callable[[int], str]) -> str:
    """Links to a sentence's claims that say what they are ("claim 6"), not footnote-like "[6]"."""
    if not numbers:
        return ""
    links = ", ".join(
        f'<a href="{html.escape(target(n))}" aria-label="claim {n + 1}: how each outlet phrased it">'
        f"{n + 1}</a>"
        for n in sorted(numbers)
    )
    word = "claim" if len(numbers) == 1 else "claims"
    return f' <span class="px-claimref">{word} {links}</span>'


def legend(here: str) -> str:
    """What the two kinds of text mean; the reading page explains the rest once for the site."""
    return (
        '<div class="px-legend" role="note" data-pagefind-ignore>'
        '<span class="px-shared">Text in full colour</span> is also reported by another outlet: its '
        '<span class="px-claimref">claim</span> link leads to the claim page; '
        '<span class="px-alone">grey text</span> was matched to no other outlet\'s sentence, '
        '<span class="px-alone px-related">dotted underlined</span> when it is related to one '
        "the comparison could not confirm. "
        f"{link('How to read this site', relative(here, paths.READING))}</div>\n"
    )


def render(story: Story, article: Article) -> tuple[str, str]:
    here = paths.article(story.meta.id, article.id)
    claims_of = _claims_by_sentence(story)
    source = article.source
    facts = [strong(inert(source.outlet))]
    if source.byline:
        facts.append(f"by {inert(source.byline)}")
    if source.published:
        facts.append(times.shown(source.published))
    if source.url:
        facts.append(external_link(source.url, "original article"))
    story_link = link(inert(story.meta.title), relative(here, paths.story(story.meta.id)))
    facts.append(f"part of {story_link}")
    parts: list[str] = []
    subheads = defaultdict(list)
    for subhead in article.subheads:
        subheads[subhead.before_paragraph].append(subhead.text)
    paragraphs: dict[int, list[str]] = defaultdict(list)

    def claim_target(position: int) -> str:
        return relative(here, paths.claim(story.meta.id, story.claims[position].claim.id))

    found = cast("coverage.Data | None", story.lenses.get("coverage"))
    outlet = found["outlets"].get(article.id) if found else None
    unconfirmed = set(outlet.get("unconfirmed", ())) if outlet else set()
    sentences = article.sentences
    for index, sentence in enumerate(sentences):
        numbers = claims_of.get(sentence.id, [])
        following = sentences[index + 1] if index + 1 < len(sentences) else None
        # Sentences in a row aligned to the same claims carry one mark, after the last of them,
        # rather than the same number repeated after each.
        same_run = (
            following is not None
            and following.paragraph == sentence.paragraph
            and sorted(claims_of.get(following.id, [])) == sorted(numbers)
        )
        marks = "" if same_run else claim_marks(numbers, claim_target)
        css = "px-shared" if numbers else "px-alone px-related" if sentence.id in unconfirmed else "px-alone"
        paragraphs[sentence.paragraph].append(
            f'<span class="{css}" id="{sentence.id}">{inert(sentence.text)}</span>{marks}'
        )
    last = max([*paragraphs, *subheads], default=-1)
    for number in range(last + 1):
        for head in subheads.get(number, []):
            parts.append(heading(2, inert(head)))
        if number in paragraphs:
            parts.append("<p>" + " ".join(paragraphs[number]) + "</p>\n")
    removed = ""
    if article.removed:
        removed = table(["Text", "Why"], ([inert(r.text), inert(r.reason)] for r in article.removed))
    page = templates.render(
        "article.html",
        # The outlet's name leads the heading, so that a search result names whose article it is.
        title=templates.markup(inert(title(article))),
        meta=templates.markup(SEPARATOR.join(facts)),
        text=templates.markup("".join(parts)),
        removed=templates.markup(removed),
        legend=templates.markup(legend(here)),
    )
    return here, page


def title(article: Article) -> str:
    return f"{article.source.outlet}: {article.headline}"
