"""Browser fixtures: a real build served on localhost, driven by Debian's Chromium.

The browser tests are part of the default run. Without Chromium they fail with
a message saying how to install it; they are skipped only when
PARALLAX_SKIP_BROWSER=1 is set, so a missing browser can never pass silently.
"""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from conftest import DATA, ROOT, SEEDS, build_site, make_project
from playwright.sync_api import Browser, BrowserContext, Page, Route, sync_playwright

CHROMIUM = Path(os.environ.get("PARALLAX_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
DESKTOP = {"width": 1200, "height": 900}
PHONE = {"width": 375, "height": 740}
WIDE = {"width": 1280, "height": 900}
"""A common laptop width, at which outlet names must stay whole."""
PHONE_390 = {"width": 390, "height": 844}
"""A current large phone."""
SCREENSHOTS = ROOT / "docs" / "assets" / "screenshots"
"""Where the README's pictures live; written only when PARALLAX_SCREENSHOTS=1 asks for it."""


@pytest.fixture(scope="session", autouse=True)
def _chromium_present() -> None:
    """Skip on request only; a missing browser is an error, not a skip."""
    if os.environ.get("PARALLAX_SKIP_BROWSER") == "1":
        pytest.skip("browser tests skipped: PARALLAX_SKIP_BROWSER=1")
    if not CHROMIUM.is_file():
        pytest.fail(
            f"Chromium not found at {CHROMIUM}: install Debian's chromium package "
            "(apt-get install chromium), point PARALLAX_CHROMIUM at a Chromium binary, "
            "or set PARALLAX_SKIP_BROWSER=1 to skip the browser tests",
            pytrace=False,
        )


@pytest.fixture(scope="session")
def browser_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed story fixture plus every test story, built with ``--strict``."""
    project = make_project(tmp_path_factory.mktemp("browser-project"), SEEDS)
    for story in sorted((DATA / "stories").iterdir()):
        shutil.copytree(story, project / "seeds" / story.name)
    return build_site(project, tmp_path_factory.mktemp("browser-site"), strict=True)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """Keep the test output free of one line per request."""


@contextlib.contextmanager
def serve(site: Path) -> Iterator[str]:
    """A built site served over HTTP on an ephemeral localhost port (search needs HTTP)."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def site_url(browser_site: Path) -> Iterator[str]:
    with serve(browser_site) as url:
        yield url


@pytest.fixture(scope="session")
def chromium() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def open_context(browser: Browser, site_url: str, viewport: dict[str, int]) -> BrowserContext:
    """A fresh profile (light scheme, no stored palette) that can reach only the test server."""
    context = browser.new_context(
        viewport=viewport,
        base_url=site_url,
        color_scheme="light",
        reduced_motion="reduce",
        locale="en-GB",
        timezone_id="UTC",
    )

    def local_only(route: Route) -> None:
        if route.request.url.startswith(site_url):
            route.continue_()
        else:
            route.abort()

    context.route("**/*", local_only)
    context.set_default_timeout(15_000)
    return context


@contextlib.contextmanager
def page_at(browser: Browser, site_url: str, viewport: dict[str, int]) -> Iterator[Page]:
    """A page in a fresh context of that size, closed afterwards."""
    context = open_context(browser, site_url, viewport)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture
def desktop(chromium: Browser, site_url: str) -> Iterator[Page]:
    with page_at(chromium, site_url, DESKTOP) as page:
        yield page


@pytest.fixture
def phone(chromium: Browser, site_url: str) -> Iterator[Page]:
    with page_at(chromium, site_url, PHONE) as page:
        yield page


@pytest.fixture
def wide(chromium: Browser, site_url: str) -> Iterator[Page]:
    with page_at(chromium, site_url, WIDE) as page:
        yield page


@pytest.fixture(params=[PHONE, PHONE_390], ids=["375px", "390px"])
def phones(request: pytest.FixtureRequest, chromium: Browser, site_url: str) -> Iterator[Page]:
    with page_at(chromium, site_url, request.param) as page:
        yield page
