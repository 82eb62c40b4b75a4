"""Search results show an article's text as written, even where it spells a character reference.

Pagefind escapes only ``<`` and ``>`` in the excerpts it builds, and its interface inserts them as
HTML, so article text reading ``&#x202E;`` would reach the reader as a real right-to-left override
(reversing what follows) and ``&lt;b&gt;`` as a tag. The search page's ``processResult`` escapes
every other ``&``; this test searches such a story in Chromium and reads the excerpts back.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from conftest import DATA, build_site, make_project
from playwright.sync_api import Browser, Page

from .conftest import DESKTOP, page_at, serve

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def search_page(tmp_path_factory: pytest.TempPathFactory, chromium: Browser) -> Iterator[Page]:
    project = make_project(tmp_path_factory.mktemp("entity-project"), DATA / "search-payload")
    site = build_site(project, tmp_path_factory.mktemp("entity-site"), strict=True)
    with serve(site) as url, page_at(chromium, url, DESKTOP) as page:
        yield page


def _search(page: Page, word: str) -> None:
    page.goto(f"search/?q={word}")
    page.locator(".pagefind-ui__result-excerpt").first.wait_for()


def test_an_excerpt_shows_character_references_as_written(search_page: Page) -> None:
    _search(search_page, "quxword")
    texts = search_page.eval_on_selector_all(
        ".pagefind-ui__result-excerpt", "found => found.map(p => p.textContent)"
    )
    joined = " ".join(texts)
    assert "&#x202E;exe.fdp" in joined and "&#8238;gnp.txt" in joined, joined
    assert "\u202e" not in joined


def test_an_excerpt_makes_no_element_of_escaped_tags(search_page: Page) -> None:
    _search(search_page, "zeptag")
    texts = search_page.eval_on_selector_all(
        ".pagefind-ui__result-excerpt", "found => found.map(p => p.textContent)"
    )
    assert any("<b>" in text for text in texts), texts
    found = search_page.eval_on_selector_all(
        ".pagefind-ui__result-excerpt *", "found => found.map(e => e.tagName.toLowerCase())"
    )
    assert set(found) <= {"mark"}, found
