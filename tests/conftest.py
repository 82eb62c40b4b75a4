"""Shared fixtures: real builds of real input, made once per test session where possible."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from digest.model import Article, Removal, Sentence, Source

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
# The tests' own copy of the seed story: a maintainer may add, change or remove stories in
# the repository's seeds/ without any test noticing.
SEEDS = DATA / "seed"
SEED_STORY = SEEDS / "iran-crimea-drones"

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def build_site(project: Path, site_dir: Path, *, strict: bool = False) -> Path:
    """Run a real ``mkdocs build`` of ``project/mkdocs.yml`` into ``site_dir``."""
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir), strict=strict)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return site_dir


def make_project(root: Path, seeds: Path | None = None) -> Path:
    """A copy of the repository's site configuration and docs, with its own seeds folder."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", root / "docs")
    shutil.copytree(ROOT / "overrides", root / "overrides")
    if seeds is not None:
        shutil.copytree(seeds, root / "seeds")
    else:
        (root / "seeds").mkdir()
    return root


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's site configuration and pages with the seed story fixture, built once
    with ``--strict``."""
    project = make_project(tmp_path_factory.mktemp("seed-project"), SEEDS)
    return build_site(project, tmp_path_factory.mktemp("seed-site"), strict=True)


@pytest.fixture(scope="session")
def seed_data(seed_site: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((seed_site / "data" / "iran-crimea-drones.json").read_text())
    return data


@pytest.fixture
def project(tmp_path: Path) -> Callable[..., Path]:
    """Factory for a throwaway site project with the given story folders."""

    def create(**stories: Path) -> Path:
        root = make_project(tmp_path / "project")
        for name, folder in stories.items():
            shutil.copytree(folder, root / "seeds" / name)
        return root

    return create


# Articles built from hand-written sentences, so each lens test states its own input.

MakeArticle = Callable[..., Article]


def build_article(
    article_id: str,
    sentences: Sequence[str],
    outlet: str | None = None,
    headline: str = "A headline",
    removed: Sequence[str] = (),
) -> Article:
    return Article(
        id=article_id,
        file=f"{article_id}.txt",
        source=Source(outlet or article_id.title()),
        headline=headline,
        sentences=tuple(
            Sentence(f"{article_id}-s{n}", article_id, n, n, text) for n, text in enumerate(sentences, 1)
        ),
        subheads=(),
        removed=tuple(Removal(text, "photo caption or credit") for text in removed),
    )


@pytest.fixture
def make_article() -> MakeArticle:
    return build_article
