"""The page of one claim: the fact, each outlet's phrasing with its diff, who left it out.

Differences must read without colour: deletions are struck through,
insertions carry a double underline, a text legend explains both, and
the stylesheet adds visually hidden "deleted:" / "inserted:" words around them
for screen readers (generated content, so the search index and copied text
stay clean).
"""

from __future__ import annotations

from digest.model import ClaimView, Phrasing, Story
from digest.render import lens_sections, paths
from digest.render.markup import block, bullet_list, diff_html, front_matter, inert, link, plural

LEGEND = (
    '<div class="px-legend" role="note">\n'
    "<p><strong>How to read the differences.</strong> Each phrasing is compared word by word with "
    "the reference phrasing:</p>\n<ul>\n"
    '<li><del class="px-del">struck through</del>: only in the reference phrasing;</li>\n'
    '<li><ins class="px-ins">underlined</ins>: only in this outlet\'s phrasing;</li>\n'
    "<li>unmarked: in both (quote style, dashes, spacing and capitals are ignored);</li>\n"
    "<li>too different for a word diff: shown side by side with the reference.</li>\n</ul>\n</div>"
)


def _outlet(story: Story, article_id: str) -> str:
    return inert(story.article(article_id).source.outlet)


def reference_first(view: ClaimView) -> list[Phrasing]:
    """The reference phrasing on top, the others in article order, so every diff reads downwards."""
    return sorted(view.phrasings, key=lambda phrasing: phrasing.sentence != view.claim.reference)


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
            f"Claim {position + 1} of {len(story.claims)} in {story_link} \u00b7 "
            f"stated by {len(view.outlets)} of {plural(len(story.articles), 'outlet')}.",
        ),
    ]
    parts.append("## How each outlet phrased it\n\n")
    parts.append(LEGEND + "\n\n")
    reference = story.sentence(view.claim.reference)
    reference_name = _outlet(story, reference.article)
    for phrasing in reference_first(view):
        sentence = story.sentence(phrasing.sentence)
        article_path = paths.article(story.meta.id, sentence.article)
        source = link("in the article", paths.relative(here, article_path) + f"#{sentence.id}")
        name = _outlet(story, sentence.article)
        if phrasing.sentence == view.claim.reference:
            role = " (reference phrasing)"
            body = f'<p class="px-sentence">{inert(sentence.text)}</p>'
        elif phrasing.diffable:
            role = ""
            body = f'<p class="px-sentence">{diff_html(phrasing.ops)}</p>'
        else:
            role = " (worded too differently for a word diff: side by side with the reference)"
            body = _side_by_side(reference_name, inert(reference.text), name, inert(sentence.text))
        label = f"**{name}**{role} \u00b7 {source}" + lens_sections.badges(story, phrasing.sentence)
        parts.append(
            '<div class="px-phrasing" markdown>\n\n'
            f'<p class="px-label" markdown="span">{label}</p>\n\n{body}\n\n</div>\n\n'
        )
    parts.append(lens_sections.claim_reuse(story, view))
    parts.append(lens_sections.claim_quotes(story, view, here))
    parts.append(lens_sections.claim_numbers(story, view, here))
    if view.missing:
        parts.append("## Outlets that do not report it\n\n")
        parts.append(
            bullet_list(
                link(_outlet(story, aid), paths.relative(here, paths.article(story.meta.id, aid)))
                for aid in view.missing
            )
            + "\n"
        )
    parts.append(_neighbours(story, position, here))
    return here, "".join(parts)


def _side_by_side(reference_name: str, reference_text: str, name: str, text: str) -> str:
    """Two columns, reference and outlet, that the stylesheet stacks on narrow screens."""
    return (
        '<div class="px-sidebyside">\n'
        f'<div class="px-side px-side--reference"><p class="px-side__label">Reference phrasing '
        f'({reference_name})</p><p class="px-sentence">{reference_text}</p></div>\n'
        f'<div class="px-side px-side--outlet"><p class="px-side__label">{name}</p>'
        f'<p class="px-sentence">{text}</p></div>\n'
        "</div>"
    )


def _neighbours(story: Story, position: int, here: str) -> str:
    items = []
    if position > 0:
        previous = story.claims[position - 1]
        target = paths.relative(here, paths.claim(story.meta.id, previous.claim.id))
        items.append(
            f'<span class="px-pager__dir">Previous claim</span> {link(inert(previous.summary), target)}'
        )
    if position + 1 < len(story.claims):
        following = story.claims[position + 1]
        target = paths.relative(here, paths.claim(story.meta.id, following.claim.id))
        items.append(
            f'<span class="px-pager__dir">Next claim</span> {link(inert(following.summary), target)}'
        )
    story_target = paths.relative(here, paths.story(story.meta.id)) + "#coverage"
    items.append(
        f'<span class="px-pager__dir">All claims</span> {link(inert(story.meta.title), story_target)}'
    )
    return (
        "## More from this story\n\n"
        '<nav class="px-pager" aria-label="Other claims of this story" markdown>\n\n'
        + bullet_list(items)
        + "\n</nav>\n"
    )
