"""After one article changes, ``mkdocs build --dirty`` rewrites that story's pages and no other."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.site_build import build, cache_counts, copy_stories, write_config

pytestmark = pytest.mark.slow


def _pages(site: Path, story: str) -> dict[str, int]:
    folder = site / "stories" / story
    return {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in folder.rglob("index.html")}


def test_a_dirty_build_after_an_edit_rebuilds_only_the_edited_story(tmp_path: Path) -> None:
    seeds = copy_stories(tmp_path / "seeds")
    edited, untouched = sorted(p.name for p in seeds.iterdir())[:2]
    config = write_config(tmp_path / "project", seeds, workers=1)
    site = tmp_path / "site"
    assert build(config, site).returncode == 0
    before_edited, before_untouched = _pages(site, edited), _pages(site, untouched)

    article = sorted(p for p in (seeds / edited).iterdir() if p.suffix in (".txt", ".md"))[0]
    article.write_text(
        article.read_text(encoding="utf-8") + "\n\nA correction Zqv7 was added.\n", encoding="utf-8"
    )
    result = build(config, site, "--dirty")
    assert result.returncode == 0, result.stderr
    assert cache_counts(result.stderr) == (1, len(list(seeds.iterdir())) - 1)

    assert _pages(site, untouched) == before_untouched
    after = _pages(site, edited)
    assert any(after[path] != before_edited.get(path) for path in after)
    texts = [(site / path).read_text(encoding="utf-8") for path in after if "/articles/" in path]
    assert any("Zqv7" in text for text in texts)
