"""No page of the site asks another host for anything: no fonts, icons, scripts or images.

A news-reading site that loads a font from a third party tells that party which
stories each reader opens. Every built page is scanned for resources from
elsewhere, and a sample of every kind of page is opened in Chromium, recording
each request the browser makes, scripts and the search worker included.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, Request, Route

from .conftest import DESKTOP

pytestmark = pytest.mark.browser

_RESOURCE = re.compile(
    r"<(?:script|img|iframe|source|audio|video)\b[^>]*\bsrc=\"([^\"]+)\"|<link\b[^>]*\bhref=\"([^\"]+)\"",
    re.IGNORECASE,
)
_IN_CSS = re.compile(r"url\(\s*['\"]?([^'\")]+)|@import\s+['\"]([^'\"]+)", re.IGNORECASE)
_LOADS = re.compile(r'rel="(stylesheet|preload|preconnect|icon|modulepreload|dns-prefetch|manifest)"')
"""A ``<link>`` with one of these makes the browser fetch something; ``alternate`` and
``canonical`` only name a page."""
SAMPLE_PER_KIND = 3
"""Claim and article pages of each story opened in the browser; all other pages are opened."""


def _elsewhere(address: str) -> bool:
    parts = urlsplit(address)
    return bool(parts.netloc) or parts.scheme not in ("", "data", "blob")


def test_no_built_file_loads_anything_from_another_host(browser_site: Path) -> None:
    found: list[str] = []
    for path in sorted(browser_site.rglob("*")):
        if path.suffix == ".html":
            text = path.read_text(encoding="utf-8")
            for match in _RESOURCE.finditer(text):
                tag = match.group(0).lower()
                address = match.group(1) or match.group(2)
                # rel="alternate"/"canonical" links name a page, they load nothing.
                if tag.startswith("<link") and not _LOADS.search(tag):
                    continue
                if _elsewhere(address):
                    found.append(f"{path.relative_to(browser_site)}: {address}")
        elif path.suffix == ".css":
            for match in _IN_CSS.finditer(path.read_text(encoding="utf-8")):
                address = match.group(1) or match.group(2)
                if _elsewhere(address.strip()):
                    found.append(f"{path.relative_to(browser_site)}: {address}")
    assert not found, "\n".join(found[:20])


def _kind_of(path: str) -> str | None:
    """``stories/<story>/claims`` for a claim page (likewise articles); None for any other page."""
    parts = path.strip("/").split("/")
    if len(parts) >= 4 and parts[0] == "stories" and parts[2] in ("claims", "articles"):
        return "/".join(parts[:3])
    return None


@pytest.fixture
def recording_page(chromium: Browser, site_url: str) -> Iterator[tuple[Page, list[str]]]:
    """A page whose every request to a host other than the test server is recorded, then refused."""
    context = chromium.new_context(viewport=DESKTOP, base_url=site_url, service_workers="block")
    foreign: list[str] = []
    local_host = urlsplit(site_url).hostname

    def watch(route: Route) -> None:
        if urlsplit(route.request.url).hostname == local_host:
            route.continue_()
        else:
            foreign.append(route.request.url)
            route.abort()

    def watch_worker(request: Request) -> None:
        if urlsplit(request.url).hostname not in (local_host, None):
            foreign.append(request.url)

    context.route("**/*", watch)
    context.on("request", watch_worker)
    context.set_default_timeout(15_000)
    try:
        yield context.new_page(), foreign
    finally:
        context.close()


def test_crawling_the_site_asks_no_other_host(recording_page: tuple[Page, list[str]], site_url: str) -> None:
    """Every page reachable by links from the home page (a sample of each story's claim and
    article pages), then a search, which loads the index in a worker."""
    page, foreign = recording_page
    queue, seen, opened = [site_url], {site_url}, 0
    sampled: dict[str, int] = {}
    while queue:
        address = queue.pop(0)
        page.goto(address, wait_until="networkidle")
        opened += 1
        for href in page.eval_on_selector_all("a[href]", "links => links.map(link => link.href)"):
            target = href.split("#", 1)[0]
            if not target.startswith(site_url) or target in seen or not target.endswith("/"):
                continue
            seen.add(target)
            kind = _kind_of(target[len(site_url) :])
            if kind is not None:
                sampled[kind] = sampled.get(kind, 0) + 1
                if sampled[kind] > SAMPLE_PER_KIND:
                    continue
            queue.append(target)
    assert opened > 20
    assert any(kind.endswith("/claims") for kind in sampled) and any(k.endswith("/articles") for k in sampled)
    # Search is Pagefind's page: its script, index fragments and worker must all be local too.
    page.goto(site_url + "search/", wait_until="networkidle")
    search = page.locator("input.pagefind-ui__search-input")
    search.click()
    search.press_sequentially("drone", delay=10)
    page.locator("a.pagefind-ui__result-link").first.wait_for()
    assert not foreign, "\n".join(sorted(set(foreign)))
