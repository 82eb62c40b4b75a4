"""The stages run in order on one story folder: the single entry point of the core."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from digest.align import align_story
from digest.compare import view
from digest.ingest import read_story
from digest.lenses import apply as apply_lenses
from digest.lenses import attribution
from digest.lenses.attribution import titled
from digest.model import Article, Story, StoryInput
from digest.normalize import normalize
from digest.render import templates
from digest.render.site import story_files
from digest.segment import segment


def segmented(folder: Path) -> tuple[StoryInput, tuple[Article, ...]]:
    """The first three stages: what was read, and the articles cleaned and split into sentences."""
    found = read_story(Path(folder))
    return found, tuple(segment(normalize(raw)) for raw in found.articles)


def analyze(folder: Path) -> Story:
    """Read, clean, segment, align and compare one story folder."""
    found, articles = segmented(folder)
    aligned = align_story(articles)
    credited = attribution.analyse(articles)
    views = tuple(titled(view(claim, articles), articles, credited) for claim in aligned.claims)
    lenses = apply_lenses(articles, views, aligned.related, credited)
    return Story(found.meta, articles, views, found.problems, lenses)


@dataclass(frozen=True, slots=True)
class StoryOutput:
    """One story's analysis and every file it contributes to the site (pages and data)."""

    story: Story
    files: dict[str, str]


@dataclass(frozen=True, slots=True)
class StoryWork:
    """What a worker needs to turn one story folder into its output."""

    folder: Path
    templates_dir: str | None = None


def render_files(story: Story) -> dict[str, str]:
    """The story's pages (finished HTML in Markdown files) and its JSON data, by path."""
    pages, data = story_files(story)
    return {**pages, **data}


def analyze_and_render(work: StoryWork) -> StoryOutput:
    """The whole per-story job, as run by any executor: analysis, then pages from it."""
    templates.use(work.templates_dir)
    story = analyze(work.folder)
    return StoryOutput(story, render_files(story))
