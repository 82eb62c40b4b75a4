"""The page of one article: its normalized text, each sentence linked to its claims,
and everything normalization removed, with the reason."""

from __future__ import annotations

from collections import defaultdict

from digest.model import Article, Story
from digest.render import paths
from digest.render.markup import block, external_link, front_matter, inert, link, table

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
    parts = [
        front_matter(f"{source.outlet}: {article.headline}"),
        f"# {inert(article.headline)}\n\n",
    ]
    facts = [f"**{inert(source.outlet)}**"]
    if source.byline:
        facts.append(f"by {inert(source.byline)}")
    if source.published:
        facts.append(inert(source.published))
    if source.url:
        facts.append(external_link(source.url, "original article"))
    story_link = link(inert(story.meta.title), paths.relative(here, paths.story(story.meta.id)))
    facts.append(f"part of {story_link}")
    parts.append(block("px-meta", f"{SEPARATOR.join(facts)}"))
    parts.append(
        "Sentences that other outlets also report carry links to their claim pages; "
        "the others are reported by this outlet alone.\n\n"
    )
    subheads = defaultdict(list)
    for subhead in article.subheads:
        subheads[subhead.before_paragraph].append(subhead.text)
    paragraphs: dict[int, list[str]] = defaultdict(list)

    def claim_target(position: int) -> str:
        return paths.relative(here, paths.claim(story.meta.id, story.claims[position].claim.id))

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
            parts.append(f"## {inert(head)}\n\n")
        if number in paragraphs:
            parts.append(" ".join(paragraphs[number]) + "\n\n")
    parts.append("## Removed from the source\n\n")
    if article.removed:
        parts.append("These parts of the file are not article text and are left out of the comparison.\n\n")
        parts.append(table(["Text", "Why"], ([inert(r.text), inert(r.reason)] for r in article.removed)))
    else:
        parts.append("Nothing was removed.\n")
    return here, "".join(parts)
