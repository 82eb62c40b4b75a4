"""Finding the story folders below a seeds folder and analysing them all."""

from __future__ import annotations

from pathlib import Path

from digest.model import Story
from digest.pipeline import analyze


def story_folders(seeds: Path) -> list[Path]:
    """Sub-folders of ``seeds``, by name; hidden folders are not stories."""
    if not seeds.is_dir():
        return []
    return sorted(p for p in seeds.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))


def analyze_all(seeds: Path) -> list[Story]:
    return [analyze(folder) for folder in story_folders(seeds)]
