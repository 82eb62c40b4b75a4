"""Finding the story folders below a seeds folder and analysing them all."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from digest.ingest import address_clashes, slug
from digest.model import Story
from digest.pipeline import analyze


def story_folders(seeds: Path) -> list[Path]:
    """Sub-folders of ``seeds``, by name; hidden folders are not stories."""
    if not seeds.is_dir():
        return []
    return sorted(p for p in seeds.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))


def analyze_all(seeds: Path) -> list[Story]:
    folders = story_folders(seeds)
    clashes = address_clashes(folders)
    stories = {slug(folder.name): analyze(folder) for folder in folders if folder not in clashes}
    for folder, problem in clashes.items():
        first = stories[slug(folder.name)]
        stories[slug(folder.name)] = replace(first, problems=(*first.problems, problem))
    return list(stories.values())
