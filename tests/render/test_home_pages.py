"""The story list is split into pages of a fixed size, so no page grows with the number of stories."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from digest.model import Story, StoryMeta
from digest.pipeline import analyze
from digest.render import home, paths
from digest.render.site import build


@lru_cache(maxsize=1)
def _template() -> Story:
    return analyze(Path("tests/data/stories/ashcombe-battery-plant-fire"))


def _stories(count: int) -> list[Story]:
    story = _template()
    return [
        replace(story, meta=StoryMeta(f"story-{n:04d}", f"Story number {n}", f"2025-01-{n % 28 + 1:02d}"))
        for n in range(count)
    ]


def _listed(text: str) -> list[str]:
    return re.findall(r'^<h2><a href="((?:\.\./)*stories/[^/]+)/">', text, re.MULTILINE)


def test_few_stories_fit_on_the_home_page_without_a_pager() -> None:
    pages = home.pages(_stories(3))
    assert [path for path, _ in pages] == [paths.HOME]
    assert len(_listed(pages[0][1])) == 3
    assert "px-pager" not in pages[0][1]
    assert home.render(_stories(3)) == pages[0]


def test_no_stories_still_gives_a_home_page() -> None:
    [(path, text)] = home.pages([])
    assert path == paths.HOME
    assert "no stories yet" in text


def test_many_stories_are_split_newest_first_with_links_between_pages() -> None:
    stories = _stories(2 * home.PER_PAGE + 1)
    pages = home.pages(stories)
    assert [path for path, _ in pages] == ["index.md", "page/2.md", "page/3.md"]
    listed = [len(_listed(text)) for _, text in pages]
    assert listed == [home.PER_PAGE, home.PER_PAGE, 1]
    order = [story.meta.id for story in home.newest_first(stories)]
    seen = [target.rsplit("/", 1)[1] for _, text in pages for target in _listed(text)]
    assert seen == order
    first, middle, last = (text for _, text in pages)
    assert '"page/2/"' in first and "Newer" not in first
    assert '"../../"' in middle and '"../3/"' in middle
    assert '"../2/"' in last and "Older" not in last
    assert "Page 3 of 3" in last


def test_list_pages_do_not_grow_with_the_number_of_stories() -> None:
    small = max(len(text) for _, text in home.pages(_stories(home.PER_PAGE)))
    large = max(len(text) for _, text in home.pages(_stories(20 * home.PER_PAGE)))
    assert large < small * 1.1


def test_site_includes_every_list_page() -> None:
    site = build(_stories(home.PER_PAGE + 1))
    assert {"index.md", "page/2.md"} <= set(site.pages)
