"""All pages and data files of a digest, independent of any site engine.

Pages are finished HTML (`digest.render.page.Page`). The MkDocs plugin hands
them to ``mkdocs build`` without Markdown parsing; ``digest render`` writes
each as a Markdown file holding one raw HTML block, so any Markdown site
engine builds the same pages.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources

from digest.export import to_json
from digest.lenses import coverage
from digest.model import Story
from digest.render import article_page, claim_page, feed, home, paths, story_page
from digest.render.page import HEADING_PREFIX, Page, finish


@dataclass(frozen=True, slots=True)
class Site:
    pages: dict[str, str]
    """Markdown pages by path, each one raw HTML block; ``index.md`` is the home page."""
    assets: dict[str, str]
    """Other files by path: JSON data, the Atom feed and the stylesheet."""


STYLESHEETS = (paths.STYLESHEET, paths.LENS_STYLESHEET)
"""Every stylesheet the pages need, in the order a site links them; the plugin adds these to
``extra_css`` and ``digest render`` lists them in the mkdocs.yml it writes, so both builds look
the same."""


def stylesheet(name: str = "parallax.css") -> str:
    return resources.files("digest.render").joinpath(name).read_text(encoding="utf-8")


def reading_page() -> str:
    """The site's guide to reading its pages (``reading.md``), which every claim and article
    page's legend links to. It ships with the package so that the link always has a page; a
    site replaces it with a ``reading.md`` of its own in the docs folder."""
    return resources.files("digest.render").joinpath("reading.md").read_text(encoding="utf-8")


def story_pages(story: Story) -> list[Page]:
    """Every page of one story, finished; independent of other stories."""
    sections = story_page.difference_sections(story)
    pages = [
        _finished(story_page.render(story, sections), story.meta.title, "story"),
        _finished(
            story_page.render_differences(story, sections), story_page.differences_title(story), "differences"
        ),
    ]
    grouped = coverage.facts(story.claims)
    for position, view in enumerate(story.claims):
        pages.append(_finished(claim_page.render(story, position, grouped), view.summary, "claim"))
    for article in story.articles:
        path, body = article_page.render(story, article)
        pages.append(finish(path, article_page.title(article), body, HEADING_PREFIX, "article"))
    return pages


def _finished(rendered: tuple[str, str], title: str, kind: str) -> Page:
    path, body = rendered
    return finish(path, title, body, kind=kind)


def list_pages(stories: Sequence[Story]) -> list[Page]:
    """The story list's pages, home page first: they change whenever any story does."""
    found = home.pages(stories)
    count = len(found)
    # The story lists are not searched (every story page is), so they name no kind for search.
    return [_finished(rendered, home.title(number, count), "") for number, rendered in enumerate(found, 1)]


def story_data(story: Story) -> dict[str, str]:
    return {paths.data(story.meta.id): to_json(story)}


def story_files(story: Story) -> tuple[dict[str, str], dict[str, str]]:
    """The pages (as Markdown files) and data of one story."""
    return {page.path: page.markdown() for page in story_pages(story)}, story_data(story)


def shared_assets(stories: Sequence[Story], site_name: str) -> dict[str, str]:
    """Files that are not a story's own: the stylesheets and the feed."""
    return {
        paths.STYLESHEET: stylesheet(),
        paths.FEED: feed.render(stories, site_name),
        paths.LENS_STYLESHEET: stylesheet("lenses.css"),
    }


def build(stories: Sequence[Story], site_name: str = "Parallax digest") -> Site:
    pages: dict[str, str] = {page.path: page.markdown() for page in list_pages(stories)}
    pages[paths.READING] = reading_page()
    assets = shared_assets(stories, site_name)
    for story in sorted(stories, key=lambda s: s.meta.id):
        own_pages, story_assets = story_files(story)
        pages.update(own_pages)
        assets.update(story_assets)
    return Site(pages, assets)
