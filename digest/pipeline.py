"""The stages run in order on one story folder: the single entry point of the core."""

from __future__ import annotations

from pathlib import Path

from digest.align import align
from digest.compare import view
from digest.ingest import read_story
from digest.lenses import apply as apply_lenses
from digest.lenses.attribution import titled
from digest.model import Story
from digest.normalize import normalize
from digest.segment import segment


def analyze(folder: Path) -> Story:
    """Read, clean, segment, align and compare one story folder."""
    found = read_story(Path(folder))
    articles = tuple(segment(normalize(raw)) for raw in found.articles)
    claims = align(articles)
    views = tuple(titled(view(claim, articles), articles) for claim in claims)
    return Story(found.meta, articles, views, found.problems, apply_lenses(articles, views))
