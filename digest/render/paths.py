"""Where each generated page lives; the only place that knows the site's layout."""

from __future__ import annotations

HOME = "index.md"
NOT_IN_NAV = ("stories", "page")
"""Top folders of the generated pages that stay out of the navigation."""
FEED = "feed.xml"
READING = "reading.md"
"""The site's own page on how to read it, which the short legends of claim and article pages
link to for the rest of the explanation. The plugin does not write it: the site provides it."""


def home(page: int) -> str:
    """Page ``page`` (from 1) of the story list; the first is the home page."""
    return HOME if page == 1 else f"page/{page}.md"


def story(story_id: str) -> str:
    return f"stories/{story_id}/index.md"


def differences(story_id: str) -> str:
    """The story's lens page: how the outlets differ, beside the story page's coverage."""
    return f"stories/{story_id}/differences.md"


def claim(story_id: str, claim_id: str) -> str:
    return f"stories/{story_id}/claims/{claim_id}.md"


def article(story_id: str, article_id: str) -> str:
    return f"stories/{story_id}/articles/{article_id}.md"


def data(story_id: str) -> str:
    return f"data/{story_id}.json"


STYLESHEET = "assets/parallax.css"
LENS_STYLESHEET = "assets/lenses.css"


def url(page: str) -> str:
    """A generated page's address relative to the site root, in MkDocs' directory-URL style."""
    if page == HOME or page.endswith("/" + HOME):
        return page[: -len(HOME)]
    return page.removesuffix(".md") + "/"


def relative(source: str, target: str) -> str:
    """The relative path from one generated file to another, as Markdown links want it."""
    source_parts = source.split("/")[:-1]
    target_parts = target.split("/")
    common = 0
    while (
        common < len(source_parts)
        and common < len(target_parts) - 1
        and source_parts[common] == target_parts[common]
    ):
        common += 1
    ups = [".."] * (len(source_parts) - common)
    return "/".join(ups + target_parts[common:])
