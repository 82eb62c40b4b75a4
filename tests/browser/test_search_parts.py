"""The search page of an archive indexed in parts: the newest part by default, an older part or
all of them on request, and only the chosen parts downloaded."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from conftest import DATA, make_project
from playwright.sync_api import Browser, Page, expect
from site_build import build

from .conftest import DESKTOP, page_at, serve

NEWER = {"nx214-migraine-spray-trial", "varnia-no-confidence-vote"}
OLDER = {"porthaven-ibarra-transfer", "ashcombe-battery-plant-fire"}
WORD = "said"


@pytest.fixture(scope="module")
def parted_page(tmp_path_factory: pytest.TempPathFactory, chromium: Browser) -> Iterator[Page]:
    project = make_project(tmp_path_factory.mktemp("parted-project"), DATA / "stories")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "seeds_dir: seeds", "seeds_dir: seeds\n      search_part_size: 2"
        ),
        encoding="utf-8",
    )
    site = tmp_path_factory.mktemp("parted-site")
    done = build(config, site, "--strict")
    assert done.returncode == 0, done.stderr
    with serve(site) as url, page_at(chromium, url, DESKTOP) as page:
        yield page


def _stories_found(page: Page) -> set[str]:
    """The stories of every result, once the interface has answered the query."""
    page.wait_for_function(
        "word => (document.querySelector('.pagefind-ui__message') || {}).textContent?.includes(word)",
        arg=WORD,
    )
    page.locator("a.pagefind-ui__result-link").first.wait_for()
    more = page.locator("button.pagefind-ui__button")
    while more.count():
        more.first.click()
        page.wait_for_timeout(200)
    links = page.eval_on_selector_all("a.pagefind-ui__result-link", "links => links.map(a => a.pathname)")
    return {link.split("/")[2] for link in links if link.startswith("/stories/")}


def _fetched_parts(page: Page) -> set[str]:
    names = page.evaluate("performance.getEntriesByType('resource').map(e => e.name)")
    return {name.split("/pagefind/")[1].split("/")[0] for name in names if "/pagefind/" in name}


def test_the_newest_part_is_searched_first_and_the_others_on_request(parted_page: Page) -> None:
    page = parted_page
    page.goto("search/")
    page.locator("input.pagefind-ui__search-input").fill(WORD)
    assert _stories_found(page) == NEWER
    assert _fetched_parts(page) == {"2"}

    # The query carries over when the reader picks the older stories.
    page.select_option("#px-search-part", "../pagefind/1/")
    assert page.locator("input.pagefind-ui__search-input").input_value() == WORD
    assert _stories_found(page) == OLDER

    page.select_option("#px-search-part", "all")
    assert _stories_found(page) == NEWER | OLDER


def test_choosing_a_part_by_keyboard_keeps_the_focus_on_the_menu(parted_page: Page) -> None:
    page = parted_page
    page.goto("search/")
    page.locator("input.pagefind-ui__search-input").wait_for()
    menu = page.locator("#px-search-part")
    menu.focus()
    page.keyboard.press("ArrowDown")
    page.wait_for_function("() => document.querySelector('#px-search-part').selectedIndex === 1")
    page.wait_for_timeout(300)
    assert page.evaluate("document.activeElement.id") == "px-search-part"
    expect(page.locator(".px-search-hint")).to_contain_text("older ones")
