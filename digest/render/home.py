"""The story list: every story, newest first, with its outlets and fact counts.

The list is split into pages of `PER_PAGE` stories, the first being the home
page, so that no page grows with the number of stories.
"""

from __future__ import annotations

from collections.abc import Sequence

from digest.model import Story
from digest.render import paths, templates
from digest.render.markup import block, heading, inert, link, paragraph, plural, relative
from digest.render.story_page import counts_sentence

TITLE = "Stories"
PER_PAGE = 40
"""Stories per list page: about 40 kB of HTML with the theme around it."""


def newest_first(stories: Sequence[Story]) -> list[Story]:
    """Dated stories by date, newest first, then undated ones; ties by id, for stable output."""
    ordered = sorted(stories, key=lambda s: s.meta.id)
    ordered.sort(key=lambda s: s.meta.date or "", reverse=True)
    return ordered


def render(stories: Sequence[Story]) -> tuple[str, str]:
    """The home page alone (the first page of the list)."""
    return pages(stories)[0]


def pages(stories: Sequence[Story]) -> list[tuple[str, str]]:
    """Every page of the story list, as (path, text), home page first."""
    ordered = newest_first(stories)
    chunks = [ordered[start : start + PER_PAGE] for start in range(0, len(ordered), PER_PAGE)] or [[]]
    return [_page(chunk, number, len(chunks)) for number, chunk in enumerate(chunks, 1)]


def _pager(here: str, number: int, count: int) -> str:
    """Links to the neighbouring pages only, so the pager stays the same size however many there are."""
    parts = []
    if number > 1:
        parts.append(link("\u2190 Newer stories", relative(here, paths.home(number - 1))))
    parts.append(f"Page {number} of {count}")
    if number < count:
        parts.append(link("Older stories \u2192", relative(here, paths.home(number + 1))))
    return block("px-pager", " \u00b7 ".join(parts), "data-pagefind-ignore")


def title(number: int, count: int) -> str:
    return TITLE if number == 1 else f"{TITLE}, page {number} of {count}"


def _page(stories: Sequence[Story], number: int, count: int) -> tuple[str, str]:
    here = paths.home(number)
    parts = []
    for story in stories:
        target = relative(here, paths.story(story.meta.id))
        outlets = ", ".join(inert(a.source.outlet) for a in story.articles) or "no readable articles"
        date = f"{inert(story.meta.date)} \u00b7 " if story.meta.date else ""
        parts.append(heading(2, link(inert(story.meta.title), target)))
        parts.append(paragraph(f"{date}{plural(len(story.articles), 'outlet')}: {outlets}"))
        parts.append(paragraph(counts_sentence(story)))
        skipped = sum(1 for p in story.problems if p.severity == "skipped")
        if skipped:
            parts.append(paragraph(f"{plural(skipped, 'input problem')}: see the story page."))
    page = templates.render(
        "home.html",
        title=title(number, count),
        first=number == 1,
        feed=relative(here, paths.FEED),
        stories=templates.markup("".join(parts)),
        pager=templates.markup(_pager(here, number, count) if count > 1 else ""),
    )
    return here, page
