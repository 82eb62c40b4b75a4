"""The page of one story: headlines, outlets, coverage matrix, single-outlet facts, problems."""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from digest.lenses import coverage
from digest.model import Story
from digest.render import lens_sections, paths, templates, times
from digest.render.markup import (
    bullet_list,
    external_link,
    heading,
    inert,
    link,
    paragraph,
    plural,
    relative,
    strong,
)
from digest.render.page import finish


def shared_sentences(story: Story) -> set[str]:
    return {sid for view in story.claims for sid in view.claim.sentences}


def alone_sentences(story: Story) -> dict[str, list[str]]:
    """Per article, the sentences of facts no other outlet reports, as the coverage lens found
    them: in no claim, related to no other outlet's sentence, and stating something."""
    data = cast("coverage.Data | None", story.lenses.get("coverage"))
    if data is None:
        shared = shared_sentences(story)
        return {a.id: [s.id for s in a.sentences if s.id not in shared] for a in story.articles}
    return {a.id: list(data["outlets"][a.id]["alone"]) for a in story.articles if a.id in data["outlets"]}


def counts(story: Story) -> tuple[int, int, int]:
    """Distinct facts reported by every outlet, by some but not all (two or more), and by one only.

    Shared facts are counted with `digest.lenses.coverage.facts`, so one fact aligned as two
    claims counts once, with every outlet that reports it under either claim.
    """
    everyone = len(story.articles)
    grouped = coverage.facts(story.claims)
    by_all = sum(1 for fact in grouped if len({aid for v in fact for aid in v.outlets}) == everyone)
    some = len(grouped) - by_all
    alone = sum(len(found) for found in alone_sentences(story).values())
    return by_all, some, alone


def counts_sentence(story: Story) -> str:
    """The counts in words that leave no doubt whether "some" includes "all"."""
    by_all, some, alone = counts(story)
    everyone = "both outlets" if len(story.articles) == 2 else "all outlets"
    return (
        f"Facts reported by {everyone}: {strong(str(by_all))} \u00b7 "
        f"by some but not all: {strong(str(some))} \u00b7 "
        f"by one outlet only: {strong(str(alone))}"
    )


TOPICS = (
    "blind spots",
    "quotations and who alters them",
    "attribution and hedges",
    "figures",
    "spellings of names",
    "text reuse between the articles",
)
"""What each section of the differences page is about, in the order of `difference_sections`."""


def difference_sections(story: Story) -> list[tuple[str, str]]:
    """(topic, HTML) of each section the story's differences page has; a lens with nothing to
    show has no section, and the story page names only the sections there are."""
    here = paths.differences(story.meta.id)
    sections = [
        lens_sections.story_coverage(story, here),
        lens_sections.story_quotes(story, here),
        lens_sections.story_attribution(story, here),
        lens_sections.story_numbers(story, here),
        lens_sections.story_names(story, here),
        lens_sections.story_reuse(story),
    ]
    return [(topic, section) for topic, section in zip(TOPICS, sections, strict=True) if section]


def _differences_line(topics: Sequence[str]) -> str:
    if not topics:
        return "nothing to compare in this story."
    listed = topics[0] if len(topics) == 1 else f"{', '.join(topics[:-1])} and {topics[-1]}"
    return f"{listed}."


def render(story: Story, sections: Sequence[tuple[str, str]] | None = None) -> tuple[str, str]:
    """(path, HTML) of the story page; ``sections`` as `difference_sections` gives them, if known."""
    if sections is None:
        sections = difference_sections(story)
    here = paths.story(story.meta.id)
    story_id = story.meta.id
    date = f"{inert(story.meta.date)} \u00b7 " if story.meta.date else ""
    meta = (
        f"{date}{plural(len(story.articles), 'outlet')} \u00b7 "
        f"{link('data as JSON', relative(here, paths.data(story_id)))}"
        f"<br>{counts_sentence(story)}"
    )
    page = templates.render(
        "story.html",
        title=templates.markup(inert(story.meta.title)),
        meta=templates.markup(meta),
        differences=relative(here, paths.differences(story_id)),
        differences_line=_differences_line([topic for topic, _ in sections]),
        headlines=templates.markup(_headlines(story, here)),
        coverage=templates.markup(_matrix(story, here)),
        outlets=templates.markup(_outlets(story, here)),
        alone=templates.markup(_alone(story, here)),
        problems=templates.markup(_problems(story)),
    )
    return here, page


def render_differences(story: Story, sections: Sequence[tuple[str, str]] | None = None) -> tuple[str, str]:
    """The lens page of a story. It is a page of its own so that neither it nor the story page
    grows past a readable size: each scales with one dimension of the story, not with both."""
    here = paths.differences(story.meta.id)
    if sections is None:
        sections = difference_sections(story)
    present = [section for _, section in sections]
    page = templates.render(
        "differences.html",
        story_title=templates.markup(inert(story.meta.title)),
        story=relative(here, paths.story(story.meta.id)),
        contents=templates.markup(_contents("".join(present))),
        sections=[templates.markup(section) for section in present],
    )
    return here, page


def _contents(body: str) -> str:
    """Links to the sections of a long page, with the anchors `digest.render.page.finish` gives them,
    so a phone (where the theme hides its contents sidebar) can jump straight to one."""
    sections = [h for h in finish("contents", "", body).toc if h.level == 2]
    if len(sections) < 2:
        return ""
    items = bullet_list(f'<a href="#{h.anchor}">{h.markup}</a>' for h in sections)
    return (
        f'<nav class="px-contents" aria-label="Sections of this page" data-pagefind-ignore>\n{items}</nav>\n'
    )


def differences_title(story: Story) -> str:
    return f"{story.meta.title}: how the outlets differ"


def _headlines(story: Story, here: str) -> str:
    """One card per outlet's headline, side by side, so the headlines can be compared at a glance."""
    cards = []
    for article in story.articles:
        target = relative(here, paths.article(story.meta.id, article.id))
        cards.append(
            '<div class="px-card">'
            f'<p class="px-card__outlet">{inert(article.source.outlet)}</p>'
            f'<p class="px-card__headline">{link(inert(article.headline), target)}</p>'
            "</div>\n"
        )
    return '<div class="px-cards px-cards--headlines">\n' + "".join(cards) + "</div>\n"


def _outlets(story: Story, here: str) -> str:
    """One card per outlet: who wrote the article, when, where it was published, how long it is."""
    cards = []
    for article in story.articles:
        source = article.source
        target = relative(here, paths.article(story.meta.id, article.id))
        facts = [
            ("Byline", inert(source.byline)),
            ("Published", times.shown(source.published)),
            ("Sentences", str(len(article.sentences))),
            ("Original", external_link(source.url, "original article")),
        ]
        details = "".join(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in facts if value)
        more = link("Read it here, with its claims marked", target)
        cards.append(
            '<div class="px-card">'
            f'<p class="px-card__title">{strong(inert(source.outlet))}</p>'
            f'<dl class="px-facts">{details}</dl>'
            f'<p class="px-card__more">{more}</p>'
            "</div>\n"
        )
    return '<div class="px-cards px-cards--outlets">\n' + "".join(cards) + "</div>\n"


YES = "yes"
NEAR = "perhaps"
NO = "not found"
"""The words of the coverage matrix's cells; the stylesheet puts a tick, a question mark or a cross
before them and, on a phone, the outlet's name (from ``data-outlet``), so a mark never rests on a
glyph alone. "Not found" rather than "no": the comparison prefers missing a link to making a wrong
one, so an outlet it matched to nothing may still report the fact in words it could not link."""
MATRIX_LABEL = 90
"""Characters of a claim's summary shown in the matrix; its page has the whole sentence."""


def matrix_label(summary: str) -> str:
    if len(summary) <= MATRIX_LABEL:
        return summary
    return summary[:MATRIX_LABEL].rsplit(" ", 1)[0].rstrip(",;:") + "\u2026"


def _mark(outlet: str, state: str) -> str:
    """One cell: its word says it, its class draws it; ``outlet`` is already inert."""
    word = {"yes": YES, "near": NEAR, "no": NO}[state]
    return f'<td class="px-{state}" data-outlet="{outlet}">{word}</td>'


def _matrix(story: Story, here: str) -> str:
    if not story.articles:
        return paragraph("No article of this story could be read: see the input problems below.")
    if len(story.articles) < 2:
        return paragraph(
            "Only one outlet's article could be read, so there is nothing to "
            "compare it with and this story has no claims. Every fact below is reported by that "
            "outlet alone."
        )
    if not story.claims:
        return paragraph("No fact is reported by more than one outlet.")
    names = [inert(a.source.outlet) for a in story.articles]
    head = '<th scope="col">Fact</th>' + "".join(f'<th scope="col">{name}</th>' for name in names)
    rows = []
    # An outlet that states the fact in another claim of the same fact (`coverage.facts`) states
    # it: its claim page says so, and so does the matrix.
    stating = {
        id(v): {aid for other in fact for aid in other.outlets}
        for fact in coverage.facts(story.claims)
        for v in fact
    }
    for number, view in enumerate(story.claims, 1):
        target = relative(here, paths.claim(story.meta.id, view.claim.id))
        label = f'<span class="px-claim-label">{number}. {inert(matrix_label(view.summary))}</span>'
        present = stating[id(view)]
        absent = set(view.missing) - present
        cells = "".join(
            _mark(name, "yes" if a.id in present else "no" if a.id in absent else "near")
            for name, a in zip(names, story.articles, strict=True)
        )
        rows.append(f'<tr><th scope="row">{link(label, target)}</th>{cells}</tr>\n')
    return (
        paragraph(
            "Each row is a fact that two or more outlets report, numbered as its claim page; "
            "\u2713\u00a0yes marks an outlet that states it, ?\u00a0perhaps one with a sentence "
            "related to it that the comparison could not confirm (its claim page shows it), "
            "\u2715\u00a0not found one with neither. "
            "On a wide screen the table scrolls sideways inside its box when there are many outlets; "
            "on a phone each fact is listed with its outlets below it."
        )
        + '<div class="px-matrix">\n'
        + f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{''.join(rows)}</tbody>\n</table>\n"
        + "</div>\n"
    )


def _alone(story: Story, here: str) -> str:
    found = alone_sentences(story)
    parts: list[str] = []
    for article in story.articles:
        ids = set(found.get(article.id, ()))
        own = [s for s in article.sentences if s.id in ids]
        if not own:
            continue
        target = relative(here, paths.article(story.meta.id, article.id))
        parts.append(heading(3, inert(article.source.outlet)))
        parts.append(bullet_list(link(inert(s.text), f"{target}#{s.id}") for s in own))
    if not parts:
        return paragraph(
            "None: every sentence that states something is matched or related to another outlet's."
        )
    note = paragraph(
        "Each outlet's sentences that match no other outlet's and are not even related to one. A "
        "sentence related to another outlet's wording in a way the comparison could not confirm is "
        "left out of this list; like these, it is grey on its article's page."
    )
    return note + "".join(parts)


def _problems(story: Story) -> str:
    if not story.problems:
        return ""
    skipped = [p for p in story.problems if p.severity == "skipped"]
    notes = [p for p in story.problems if p.severity == "note"]
    parts = [heading(2, "Input problems")]
    if skipped:
        parts.append(paragraph("Left out of this digest:"))
        parts.append(bullet_list(f"{inert(p.file)}: {inert(p.reason)}" for p in skipped))
    if notes:
        parts.append(paragraph("Read, with a remark:"))
        parts.append(bullet_list(f"{inert(p.file)}: {inert(p.reason)}" for p in notes))
    return "".join(parts)
