"""The page of one claim: the fact, each outlet's phrasing with its diff, who left it out.

Differences must read without colour: deletions are struck through,
insertions carry a double underline, a text legend explains both, and
the stylesheet adds visually hidden "deleted:" / "inserted:" words around them
for screen readers (generated content, so the search index and copied text
stay clean).
"""

from __future__ import annotations

from collections import Counter

from digest.lenses import coverage
from digest.model import ClaimView, Phrasing, Story
from digest.render import lens_sections, paths, templates
from digest.render.markup import bullet_list, diff_html, inert, link, plural, relative, strong
from digest.text import shortened


def legend(here: str, side_by_side: bool = False, split: bool = False) -> str:
    """What the two marks mean, in one line, and on a page that has one, what a side-by-side
    phrasing is and what an outlet listed twice means; the reading page explains the rest once
    for the site."""
    apart = " A phrasing too different for a word diff is shown side by side with it." if side_by_side else ""
    if split:
        apart += (
            " An outlet listed twice has two sentences in this claim, each compared with the whole"
            " reference: words struck through in one may stand in the other."
        )
    return (
        '<div class="px-legend" role="note" data-pagefind-ignore>Words '
        '<del class="px-del">struck through</del> are only in the reference phrasing, '
        f'<ins class="px-ins">underlined</ins> only in this outlet\'s.{apart} '
        "Badges say whom each outlet credits, and flag its hedges. "
        f"{link('How to read this site', relative(here, paths.READING))}</div>"
    )


def _outlet(story: Story, article_id: str) -> str:
    return inert(story.article(article_id).source.outlet)


def reference_first(view: ClaimView) -> list[Phrasing]:
    """The reference phrasing on top, the others in article order, so every diff reads downwards."""
    return sorted(view.phrasings, key=lambda phrasing: phrasing.sentence != view.claim.reference)


def render(story: Story, position: int, grouped: list[list[ClaimView]] | None = None) -> tuple[str, str]:
    """(path, HTML) of the claim page at ``position`` in the story's claim list."""
    view: ClaimView = story.claims[position]
    here = paths.claim(story.meta.id, view.claim.id)
    story_link = link(inert(story.meta.title), relative(here, paths.story(story.meta.id)))
    meta = (
        f"Claim {position + 1} of {len(story.claims)} in {story_link} \u00b7 "
        f"stated by {len(view.outlets)} of {plural(len(story.articles), 'outlet')}."
    )
    reference = story.sentence(view.claim.reference)
    reference_name = _outlet(story, reference.article)
    phrasings = []
    per_outlet = Counter(story.sentence(p.sentence).article for p in view.phrasings)
    for phrasing in reference_first(view):
        sentence = story.sentence(phrasing.sentence)
        article_path = paths.article(story.meta.id, sentence.article)
        source = link("in the article", relative(here, article_path) + f"#{sentence.id}")
        name = _outlet(story, sentence.article)
        # An outlet stating the fact in two sentences is listed twice: say which sentence each is.
        which = f", sentence {sentence.index}" if per_outlet[sentence.article] > 1 else ""
        if phrasing.sentence == view.claim.reference:
            role = " (reference phrasing)"
            body = f'<p class="px-sentence">{inert(sentence.text)}</p>'
        elif phrasing.diffable:
            role = ""
            body = f'<p class="px-sentence">{diff_html(phrasing.ops)}</p>'
        else:
            role = " (worded too differently for a word diff: compare it with the reference phrasing)"
            body = _side_by_side(reference_name, inert(reference.text), name, inert(sentence.text))
        label = f"{strong(name + which)}{role} \u00b7 {source}" + lens_sections.badges(
            story, phrasing.sentence
        )
        phrasings.append(
            templates.markup(f'<div class="px-phrasing">\n<p class="px-label">{label}</p>\n{body}\n</div>\n')
        )
    siblings = sibling_claims(story, view, grouped)
    elsewhere = {aid for sibling in siblings for aid in sibling.outlets}
    absent = [aid for aid in view.missing if aid not in elsewhere]
    # Some outlet not in this claim states the fact in a twin claim of it.
    spared = any(a.id in elsewhere for a in story.articles if a.id not in view.outlets)
    missing = [
        templates.markup(link(_outlet(story, aid), relative(here, paths.article(story.meta.id, aid))))
        for aid in absent
    ]
    near = [
        templates.markup(_near(story, here, sentence_id))
        for sentence_id in view.claim.near
        if story.sentence(sentence_id).article not in elsewhere
    ]
    lenses = [
        lens_sections.claim_reuse(story, view),
        lens_sections.claim_quotes(story, view, here, frozenset(absent)),
        lens_sections.claim_numbers(story, view, here),
    ]
    page = templates.render(
        "claim.html",
        title=templates.markup(inert(view.summary)),
        meta=templates.markup(meta),
        legend=templates.markup(
            legend(here, any(not p.diffable for p in view.phrasings), max(per_outlet.values()) > 1)
        ),
        phrasings=phrasings,
        lenses=[templates.markup(section) for section in lenses if section],
        missing=missing,
        near=near,
        covered_elsewhere=spared,
        siblings=templates.markup(_siblings(story, siblings, here, spared)),
        neighbours=templates.markup(_neighbours(story, position, here)),
    )
    return here, page


NEAR_SHOWN = 140
"""Characters of a related sentence shown on a claim page; its article page has all of it."""


def _near(story: Story, here: str, sentence_id: str) -> str:
    """An outlet absent from the claim and its sentence related to it, linked to where it stands."""
    sentence = story.sentence(sentence_id)
    target = relative(here, paths.article(story.meta.id, sentence.article)) + f"#{sentence.id}"
    shown = inert(shortened(sentence.text, NEAR_SHOWN))
    return f"{strong(_outlet(story, sentence.article))}: {link(shown, target)}"


def sibling_claims(
    story: Story, view: ClaimView, grouped: list[list[ClaimView]] | None = None
) -> list[ClaimView]:
    """The other claims that state the same fact (`digest.lenses.coverage.facts`).

    An outlet whose sentence was aligned to one of them reports the fact too, so it is not
    listed as leaving it out. ``grouped`` is the story's facts when the caller has them: a
    story's pages compute them once, not once per claim.
    """
    for fact in coverage.facts(story.claims) if grouped is None else grouped:
        if any(member is view for member in fact):
            return [member for member in fact if member is not view]
    return []


SIBLINGS_SHOWN = 10
"""Sibling claims listed on a claim page at most, so no page grows with the square of a story."""


def _siblings(story: Story, siblings: list[ClaimView], here: str, spared: bool) -> str:
    """The other claims of the same fact; ``spared`` when an outlet missing from this claim is in
    one of them, and so is not counted as leaving the fact out (the note says so only then)."""
    if not siblings:
        return ""
    positions = {id(v): n for n, v in enumerate(story.claims, 1)}
    items = []
    for sibling in siblings[:SIBLINGS_SHOWN]:
        target = relative(here, paths.claim(story.meta.id, sibling.claim.id))
        outlets = ", ".join(_outlet(story, aid) for aid in sibling.outlets)
        label = f"claim {positions[id(sibling)]}: {inert(sibling.summary)}"
        items.append(f"{link(label, target)} ({outlets})")
    rest = len(siblings) - SIBLINGS_SHOWN
    more = f"<p>And {plural(rest, 'more claim', 'more claims')} of this fact.</p>\n" if rest > 0 else ""
    return (
        "<p>The same fact is also aligned as another claim:</p>\n"
        + bullet_list(items)
        + more
        + (
            "<p>Outlets listed there report it too, so they are not counted as leaving it out.</p>\n"
            if spared
            else ""
        )
    )


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


PAGER_TITLE = 80
"""Characters of a neighbouring claim's title in the pager: enough to recognise it, and every
claim page carries two."""


def _neighbours(story: Story, position: int, here: str) -> str:
    items = []
    if position > 0:
        previous = story.claims[position - 1]
        target = relative(here, paths.claim(story.meta.id, previous.claim.id))
        title = inert(shortened(previous.summary, PAGER_TITLE))
        items.append(f'<span class="px-pager__dir">Previous claim</span> {link(title, target)}')
    if position + 1 < len(story.claims):
        following = story.claims[position + 1]
        target = relative(here, paths.claim(story.meta.id, following.claim.id))
        title = inert(shortened(following.summary, PAGER_TITLE))
        items.append(f'<span class="px-pager__dir">Next claim</span> {link(title, target)}')
    story_target = relative(here, paths.story(story.meta.id)) + "#coverage"
    items.append(
        f'<span class="px-pager__dir">All claims</span> {link(inert(story.meta.title), story_target)}'
    )
    return bullet_list(items)
