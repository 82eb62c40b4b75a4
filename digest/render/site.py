"""All pages and data files of a digest, as ``{path: text}``, independent of any site engine.

The MkDocs plugin hands these to ``mkdocs build`` in memory; ``digest render``
writes them to a folder so any Markdown site engine can build the same site.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources

from digest.export import to_json
from digest.model import Story
from digest.render import article_page, claim_page, feed, home, paths, story_page


@dataclass(frozen=True, slots=True)
class Site:
    pages: dict[str, str]
    """Markdown pages by path; ``index.md`` is the home page."""
    assets: dict[str, str]
    """Other files by path: JSON data, the Atom feed and the stylesheet."""


STYLESHEETS = (paths.STYLESHEET, paths.LENS_STYLESHEET)
"""Every stylesheet the pages need, in the order a site links them; the plugin adds these to
``extra_css`` and ``digest render`` lists them in the mkdocs.yml it writes, so both builds look
the same."""


def stylesheet(name: str = "parallax.css") -> str:
    return resources.files("digest.render").joinpath(name).read_text(encoding="utf-8")


def story_files(story: Story) -> tuple[dict[str, str], dict[str, str]]:
    """The pages and data of one story; independent of other stories."""
    pages = dict([story_page.render(story), story_page.render_differences(story)])
    for position in range(len(story.claims)):
        path, text = claim_page.render(story, position)
        pages[path] = text
    for article in story.articles:
        path, text = article_page.render(story, article)
        pages[path] = text
    return pages, {paths.data(story.meta.id): to_json(story)}


def build(stories: Sequence[Story], site_name: str = "Parallax digest") -> Site:
    pages: dict[str, str] = dict(home.pages(stories))
    assets: dict[str, str] = {paths.STYLESHEET: stylesheet(), paths.FEED: feed.render(stories, site_name)}
    assets[paths.LENS_STYLESHEET] = stylesheet("lenses.css")
    for story in sorted(stories, key=lambda s: s.meta.id):
        story_pages, story_assets = story_files(story)
        pages.update(story_pages)
        assets.update(story_assets)
    return Site(pages, assets)
