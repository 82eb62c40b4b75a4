"""The page of one claim: the fact, the reference phrasing, each outlet's phrasing with its diff."""

from __future__ import annotations

from digest.model import ClaimView, Story
from digest.render import lens_sections, paths
from digest.render.markup import block, bullet_list, diff_html, front_matter, inert, link, plural

LEGEND = (
    '<p class="px-legend"><strong>How to read the differences:</strong> '
    '<del class="px-del">struck-through text</del> is in the reference phrasing but not in this '
    "outlet's; <ins class=\"px-ins\">underlined text</ins> is in this outlet's phrasing but not in "
    "the reference. Quote style, dashes, spacing and capitals are ignored.</p>"
)


def _outlet(story: Story, article_id: str) -> str:
    return inert(story.article(article_id).source.outlet)


def render(story: Story, position: int) -> tuple[str, str]:
    """(path, Markdown) of the claim page at ``position`` in the story's claim list."""
    view: ClaimView = story.claims[position]
    here = paths.claim(story.meta.id, view.claim.id)
    story_link = link(inert(story.meta.title), paths.relative(here, paths.story(story.meta.id)))
    parts = [
        front_matter(view.summary),
        f"# {inert(view.summary)}\n\n",
        block(
            "px-meta",
            f"Stated by {len(view.outlets)} of {plural(len(story.articles), 'outlet')} "
            f"covering {story_link}.",
        ),
    ]
    parts.append("## How each outlet phrased it\n\n")
    parts.append(LEGEND + "\n\n")
    for phrasing in view.phrasings:
        sentence = story.sentence(phrasing.sentence)
        article_path = paths.article(story.meta.id, sentence.article)
        source = link("in the article", paths.relative(here, article_path) + f"#{sentence.id}")
        name = _outlet(story, sentence.article)
        if phrasing.sentence == view.claim.reference:
            label = f"**{name}** (reference phrasing)"
            body = inert(sentence.text)
        elif phrasing.diffable:
            label = f"**{name}**"
            body = diff_html(phrasing.ops)
        else:
            label = f"**{name}** (worded too differently for a word diff; shown whole)"
            body = inert(sentence.text)
        label += lens_sections.badges(story, phrasing.sentence)
        parts.append(
            f'<div class="px-phrasing" markdown>\n\n{label} \u00b7 {source}\n\n'
            f'<p class="px-sentence">{body}</p>\n\n</div>\n\n'
        )
    parts.append(lens_sections.claim_reuse(story, view))
    parts.append(lens_sections.claim_quotes(story, view, here))
    parts.append(lens_sections.claim_numbers(story, view, here))
    if view.missing:
        parts.append("## Outlets that do not report it\n\n")
        parts.append(bullet_list(_outlet(story, aid) for aid in view.missing) + "\n")
    parts.append(_neighbours(story, position, here))
    return here, "".join(parts)


def _neighbours(story: Story, position: int, here: str) -> str:
    items = []
    if position > 0:
        previous = story.claims[position - 1]
        target = paths.relative(here, paths.claim(story.meta.id, previous.claim.id))
        items.append(f"Previous claim: {link(inert(previous.summary), target)}")
    if position + 1 < len(story.claims):
        following = story.claims[position + 1]
        target = paths.relative(here, paths.claim(story.meta.id, following.claim.id))
        items.append(f"Next claim: {link(inert(following.summary), target)}")
    if not items:
        return ""
    return "## More from this story\n\n" + bullet_list(items)
