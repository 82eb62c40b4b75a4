"""The page of one article: its normalized text, each sentence linked to its claims,
and everything normalization removed, with the reason."""

from __future__ import annotations

from collections import defaultdict

from digest.model import Article, Story
from digest.render import paths, templates
from digest.render.markup import external_link, heading, inert, link, relative, strong, table

SEPARATOR = " \u00b7 "


def _claims_by_sentence(story: Story) -> dict[str, list[int]]:
    found: dict[str, list[int]] = defaultdict(list)
    for position, view in enumerate(story.claims):
        for sentence_id in view.claim.sentences:
            found[sentence_id].append(position)
    return found


def render(story: Story, article: Article) -> tuple[str, str]:
    here = paths.article(story.meta.id, article.id)
    claims_of = _claims_by_sentence(story)
    source = article.source
    facts = [strong(inert(source.outlet))]
    if source.byline:
        facts.append(f"by {inert(source.byline)}")
    if source.published:
        facts.append(inert(source.published))
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

    for sentence in article.sentences:
        marks = "".join(
            f"<sup>{link(f'[{n + 1}]', claim_target(n))}</sup>" for n in claims_of.get(sentence.id, [])
        )
        css = "px-shared" if sentence.id in claims_of else "px-alone"
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
        title=templates.markup(inert(article.headline)),
        meta=templates.markup(SEPARATOR.join(facts)),
        text=templates.markup("".join(parts)),
        removed=templates.markup(removed),
    )
    return here, page


def title(article: Article) -> str:
    return f"{article.source.outlet}: {article.headline}"
