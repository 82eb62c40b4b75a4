"""Every internal link of the built site leads somewhere, and every #anchor to an element."""

from __future__ import annotations

from collections import deque
from urllib.parse import unquote, urldefrag

import pytest
from playwright.sync_api import Browser, Route

from .conftest import DESKTOP, open_context

pytestmark = pytest.mark.browser

LINKS = """() => [
  ...[...document.querySelectorAll('a[href]')].map(a => a.href),
  ...[...document.querySelectorAll('link[href]')].map(l => l.href),
  ...[...document.querySelectorAll('script[src]')].map(s => s.src),
]"""
IDS = "() => [...document.querySelectorAll('[id]')].map(e => e.id)"


def test_crawl_finds_no_broken_link_or_missing_anchor(chromium: Browser, site_url: str) -> None:
    context = open_context(chromium, site_url, DESKTOP)
    page = context.new_page()

    def html_only(route: Route) -> None:
        """Sub-resources are checked as links below; loading them per page would only slow the crawl."""
        if route.request.resource_type in ("document",) and route.request.url.startswith(site_url):
            route.continue_()
        else:
            route.abort()

    page.route("**/*", html_only)
    ids: dict[str, set[str]] = {}
    repeated: dict[str, list[str]] = {}
    checked: dict[str, int] = {}
    anchors: list[tuple[str, str, str]] = []
    broken: list[tuple[str, str, int]] = []
    bad_scheme: list[tuple[str, str]] = []
    queue = deque([site_url])
    seen = {site_url}
    try:
        while queue:
            url = queue.popleft()
            response = context.request.get(url)
            checked[url] = response.status
            if not response.ok or "text/html" not in response.headers.get("content-type", ""):
                continue
            page.goto(url, wait_until="domcontentloaded")
            found = page.evaluate(IDS)
            ids[url] = set(found)
            twice = sorted({name for name in found if found.count(name) > 1})
            if twice:
                repeated[url] = twice
            for target in page.evaluate(LINKS):
                if target.startswith(("javascript:", "data:", "vbscript:")):
                    bad_scheme.append((url, target))
                    continue
                if not target.startswith(site_url):
                    continue
                address, fragment = urldefrag(target)
                if fragment:
                    anchors.append((url, address, unquote(fragment)))
                if address not in seen:
                    seen.add(address)
                    queue.append(address)
    finally:
        context.close()
    for source, address, _ in anchors:
        if checked.get(address, 0) != 200:
            broken.append((source, address, checked.get(address, 0)))
    broken.extend(("(crawl)", address, status) for address, status in checked.items() if status != 200)
    missing = sorted(
        {
            (address, fragment)
            for _, address, fragment in anchors
            if address in ids and fragment not in ids[address]
        }
    )
    pages = len(ids)
    assert pages > 50, f"the crawl reached only {pages} pages"
    assert any("/claims/" in url for url in ids) and any("/articles/" in url for url in ids)
    assert any(url.endswith("feed.xml") for url in checked), "the Atom feed is not linked"
    assert not bad_scheme
    assert not sorted(set(broken)), sorted(set(broken))[:20]
    assert not missing, missing[:20]
    assert not repeated, "two elements of one page share an id: " + str(sorted(repeated.items())[:5])
