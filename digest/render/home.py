"""The home page: every story, newest first, with its outlets and claim counts."""

from __future__ import annotations

from collections.abc import Sequence

from digest.model import Story
from digest.render import paths
from digest.render.markup import front_matter, inert, link, plural
from digest.render.story_page import counts

TITLE = "Stories"


def newest_first(stories: Sequence[Story]) -> list[Story]:
    """Dated stories by date, newest first, then undated ones; ties by id, for stable output."""
    ordered = sorted(stories, key=lambda s: s.meta.id)
    ordered.sort(key=lambda s: s.meta.date or "", reverse=True)
    return ordered


def render(stories: Sequence[Story]) -> tuple[str, str]:
    here = paths.HOME
    parts = [
        front_matter(TITLE),
        f"# {TITLE}\n\n",
        "Each story gathers several outlets' articles about one event. Every fact that two or "
        "more of them report has its own page, showing how each outlet phrased it. "
        f"New stories are also listed in an {link('Atom feed', paths.relative(here, paths.FEED))} "
        "for feed readers.\n\n",
    ]
    if not stories:
        parts.append("There are no stories yet: add a folder of articles under the seeds folder.\n")
    for story in newest_first(stories):
        by_all, several, alone = counts(story)
        target = paths.relative(here, paths.story(story.meta.id))
        outlets = ", ".join(inert(a.source.outlet) for a in story.articles) or "no readable articles"
        date = f"{inert(story.meta.date)} \u00b7 " if story.meta.date else ""
        parts.append(f"## {link(inert(story.meta.title), target)}\n\n")
        parts.append(
            f"{date}{plural(len(story.articles), 'outlet')}: {outlets}\n\n"
            f"Claims reported by all outlets: **{by_all}** \u00b7 by several: **{several}** "
            f"\u00b7 facts reported by one outlet only: **{alone}**\n\n"
        )
        skipped = sum(1 for p in story.problems if p.severity == "skipped")
        if skipped:
            parts.append(f"{plural(skipped, 'input problem')}: see the story page.\n\n")
    return here, "".join(parts)
