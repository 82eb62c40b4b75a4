"""The page of one story: headlines, outlets, coverage matrix, single-outlet facts, problems."""

from __future__ import annotations

from digest.model import Story
from digest.render import lens_sections, paths
from digest.render.markup import (
    block,
    bullet_list,
    external_link,
    front_matter,
    inert,
    link,
    plural,
    table,
)


def shared_sentences(story: Story) -> set[str]:
    return {sid for view in story.claims for sid in view.claim.sentences}


def counts(story: Story) -> tuple[int, int, int]:
    """Claims stated by all outlets, claims stated by several, facts stated by one outlet."""
    everyone = len(story.articles)
    by_all = sum(1 for view in story.claims if len(view.outlets) == everyone)
    several = len(story.claims) - by_all
    shared = shared_sentences(story)
    alone = sum(1 for a in story.articles for s in a.sentences if s.id not in shared)
    return by_all, several, alone


def render(story: Story) -> tuple[str, str]:
    here = paths.story(story.meta.id)
    story_id = story.meta.id
    parts = [front_matter(story.meta.title), f"# {inert(story.meta.title)}\n\n"]
    by_all, several, alone = counts(story)
    date = f"{inert(story.meta.date)} \u00b7 " if story.meta.date else ""
    parts.append(
        block(
            "px-meta",
            f"{date}{plural(len(story.articles), 'outlet')} \u00b7 "
            f"{plural(len(story.claims), 'shared claim')} ({by_all} reported by all, {several} by several) "
            f"\u00b7 {plural(alone, 'fact')} reported by one outlet only \u00b7 "
            f"{link('data as JSON', paths.relative(here, paths.data(story_id)))}",
        )
    )
    parts.append(_differences_link(story, here))
    parts.append(_headlines(story, here))
    parts.append(_matrix(story, here))
    parts.append(_outlets(story, here))
    parts.append(_alone(story, here))
    parts.append(_problems(story))
    return here, "".join(parts)


def _differences_link(story: Story, here: str) -> str:
    target = paths.relative(here, paths.differences(story.meta.id))
    return block(
        "px-differences-link",
        f"**{link('How the outlets differ', target)}**: blind spots, quotations and who alters them, "
        "attribution and hedges, figures, spellings of names, and text reuse between the articles.",
    )


def render_differences(story: Story) -> tuple[str, str]:
    """The lens page of a story. It is a page of its own so that neither it nor the story page
    grows past a readable size: each scales with one dimension of the story, not with both."""
    here = paths.differences(story.meta.id)
    title = f"{story.meta.title}: how the outlets differ"
    back = link(inert(story.meta.title), paths.relative(here, paths.story(story.meta.id)))
    parts = [
        front_matter(title),
        "# How the outlets differ\n\n",
        block(
            "px-meta",
            f"Part of {back}: what the outlets' coverage of this story has in common "
            "and where it parts ways.",
        ),
        lens_sections.story_coverage(story, here),
        lens_sections.story_quotes(story, here),
        lens_sections.story_attribution(story, here),
        lens_sections.story_numbers(story, here),
        lens_sections.story_names(story, here),
        lens_sections.story_reuse(story),
    ]
    if len(parts) == 3 or not any(parts[3:]):
        parts.append("There is nothing to compare: fewer than two articles of this story could be read.\n")
    return here, "".join(parts)


def _headlines(story: Story, here: str) -> str:
    """One card per outlet's headline, side by side, so the headlines can be compared at a glance."""
    cards = []
    for article in story.articles:
        target = paths.relative(here, paths.article(story.meta.id, article.id))
        cards.append(
            '<div class="px-card" markdown>\n\n'
            f'<p class="px-card__outlet">{inert(article.source.outlet)}</p>\n'
            f'<p class="px-card__headline" markdown="span">{link(inert(article.headline), target)}</p>\n\n'
            "</div>\n\n"
        )
    return (
        "## Headlines\n\n"
        + '<div class="px-cards px-cards--headlines" markdown>\n\n'
        + "".join(cards)
        + "</div>\n\n"
    )


def _outlets(story: Story, here: str) -> str:
    """One card per outlet: who wrote the article, when, where it was published, how long it is."""
    cards = []
    for article in story.articles:
        source = article.source
        target = paths.relative(here, paths.article(story.meta.id, article.id))
        facts = [
            ("Byline", inert(source.byline)),
            ("Published", inert(source.published)),
            ("Sentences", str(len(article.sentences))),
            ("Original", external_link(source.url, "original article")),
        ]
        details = "".join(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in facts if value)
        more = link("Read it here, with its claims marked", target)
        cards.append(
            '<div class="px-card" markdown>\n\n'
            f'<p class="px-card__title" markdown="span">**{inert(source.outlet)}**</p>\n'
            f'<dl class="px-facts">{details}</dl>\n'
            f'<p class="px-card__more" markdown="span">{more}</p>\n\n'
            "</div>\n\n"
        )
    return (
        "\n## Outlets\n\n"
        + '<div class="px-cards px-cards--outlets" markdown>\n\n'
        + "".join(cards)
        + "</div>\n\n"
    )


YES = "\u25cf"
NO = "\u25cb"
MATRIX_LABEL = 90
"""Characters of a claim's summary shown in the matrix; its page has the whole sentence."""


def matrix_label(summary: str) -> str:
    if len(summary) <= MATRIX_LABEL:
        return summary
    return summary[:MATRIX_LABEL].rsplit(" ", 1)[0].rstrip(",;:") + "\u2026"


def _matrix(story: Story, here: str) -> str:
    if not story.articles:
        return "\n## Coverage\n\nNo article of this story could be read: see the input problems below.\n"
    if len(story.articles) < 2:
        return (
            "\n## Coverage\n\nOnly one outlet's article could be read, so there is nothing to "
            "compare it with and this story has no claims. Every fact below is reported by that "
            "outlet alone.\n"
        )
    if not story.claims:
        return "\n## Coverage\n\nNo fact is reported by more than one outlet.\n"
    header = ["Claim", *(inert(a.source.outlet) for a in story.articles)]
    rows = []
    for number, view in enumerate(story.claims, 1):
        target = paths.relative(here, paths.claim(story.meta.id, view.claim.id))
        label = f'<span class="px-claim-label">{number}. {inert(matrix_label(view.summary))}</span>'
        cells = [link(label, target)]
        present = set(view.outlets)
        # The cells are the bulk of a large story's page, so they hold the bare symbol;
        # the paragraph above the table says in words what each symbol means.
        cells.extend(YES if a.id in present else NO for a in story.articles)
        rows.append(cells)
    return (
        "\n## Coverage\n\nEach row is a fact that two or more outlets report; "
        "\u25cf marks an outlet that reports it, \u25cb one that does not. "
        "On a narrow screen the table scrolls sideways.\n\n"
        + '<div class="px-matrix" markdown>\n\n'
        + table(header, rows)
        + "\n</div>\n"
    )


def _alone(story: Story, here: str) -> str:
    shared = shared_sentences(story)
    parts = ["\n## Reported by one outlet only\n\n"]
    for article in story.articles:
        own = [s for s in article.sentences if s.id not in shared]
        if not own:
            continue
        target = paths.relative(here, paths.article(story.meta.id, article.id))
        parts.append(f"### {inert(article.source.outlet)}\n\n")
        parts.append(bullet_list(link(inert(s.text), f"{target}#{s.id}") for s in own) + "\n")
    return "".join(parts)


def _problems(story: Story) -> str:
    if not story.problems:
        return ""
    skipped = [p for p in story.problems if p.severity == "skipped"]
    notes = [p for p in story.problems if p.severity == "note"]
    parts = ["\n## Input problems\n\n"]
    if skipped:
        parts.append("Left out of this digest:\n\n")
        parts.append(bullet_list(f"{inert(p.file)}: {inert(p.reason)}" for p in skipped) + "\n")
    if notes:
        parts.append("Read, with a remark:\n\n")
        parts.append(bullet_list(f"{inert(p.file)}: {inert(p.reason)}" for p in notes) + "\n")
    return "".join(parts)
