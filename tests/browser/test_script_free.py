"""No article text runs or becomes markup in the reader's browser, even after theme JavaScript acts.

The static pages are escaped, but theme scripts read text back out of the page
(a ``title`` attribute, an overflowing header title) and may insert it as HTML.
So this test builds a site from a story whose every field carries markup
(``tests/data/browser-payload``), opens each of its pages in Chromium, hovers
and focuses every element with a ``title``, every badge and the header title,
and then asks the page whether any payload handler ran or any payload element
exists. It does so twice: with the repository's ``mkdocs.yml``, and with that
file plus Material's ``content.tooltips`` feature re-added, which the plugin
must refuse.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from conftest import DATA, build_site, make_project
from playwright.sync_api import Browser, Page

from .conftest import DESKTOP, open_context, serve

pytestmark = pytest.mark.browser

PAYLOAD_SEEDS = DATA / "browser-payload"
STORY = "tooltip-payload-story"
# Elements that exist only if some payload text was parsed as HTML.
PAYLOAD_ELEMENTS = '.pwnmark, img[src="x"], svg[onload], [onerror], [onload]'
HOVER_TARGETS = "[title], .px-badge, .md-ellipsis, .md-header__topic"
HEADER_TITLE = '.md-header__title--active [data-md-component="header-topic"] .md-ellipsis'
POINTED_ONE_BY_ONE = ".md-header, .md-content"
"""Where the real mouse visits each target in turn: the page's own text and its header. The
navigation sidebars repeat the same titles and get the all-at-once pass only."""
TOOLTIP_DELAY_MS = 350
"""Material shows a tooltip 250 ms after the pointer arrives; a little more for the image error."""


def _project(root: Path, *, add_tooltips: bool) -> Path:
    project = make_project(root, PAYLOAD_SEEDS)
    if add_tooltips:
        config_path = project / "mkdocs.yml"
        text = config_path.read_text(encoding="utf-8")
        text = text.replace("  features:\n", "  features:\n    - content.tooltips\n")
        config_path.write_text(text, encoding="utf-8")
        assert "content.tooltips" in yaml.safe_load(text)["theme"]["features"]
    return project


@pytest.fixture(scope="module", params=["repository-config", "tooltips-re-added"])
def payload_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    add_tooltips = request.param == "tooltips-re-added"
    project = _project(tmp_path_factory.mktemp("payload-project"), add_tooltips=add_tooltips)
    site = build_site(project, tmp_path_factory.mktemp("payload-site"))
    pages = sorted(
        page.parent.relative_to(site).as_posix() + "/"
        for page in (site / "stories" / STORY).rglob("index.html")
    )
    assert any("/claims/" in page for page in pages), pages
    assert any("/articles/" in page for page in pages), pages
    with serve(site) as url:
        yield url


def _story_pages(page: Page) -> list[str]:
    """Every page of the payload story reachable from its story page, plus the home page."""
    page.goto(f"stories/{STORY}/")
    links = page.eval_on_selector_all(
        "article a[href]",
        "links => links.map(a => new URL(a.href, location.href)).filter(u => u.origin === location.origin)"
        ".map(u => u.pathname)",
    )
    story_prefix = f"/stories/{STORY}/"
    found = sorted({link for link in links if link.startswith(story_prefix)})
    return ["/", story_prefix, *found]


def _hover_everything(page: Page, seen: set[str]) -> int:
    """Point the mouse at each distinct candidate element in turn; returns how many.

    Material opens a tooltip 250 ms after the pointer arrives and takes the ``title``
    away while it is open, so the elements are numbered before anything moves.
    """
    page.evaluate(
        "selector => document.querySelectorAll(selector)"
        ".forEach((e, i) => e.setAttribute('data-probe', String(i)))",
        HOVER_TARGETS,
    )
    # One element per distinct text, over all pages: the same title makes the same tooltip.
    candidates: list[tuple[int, str]] = page.evaluate(
        """where => [...document.querySelectorAll('[data-probe]')]
            .filter(element => element.closest(where))
            .map(element => [
                Number(element.getAttribute('data-probe')),
                element.tagName + '|' + (element.getAttribute('title') ?? element.innerText),
            ])""",
        POINTED_ONE_BY_ONE,
    )
    chosen = []
    for index, key in candidates:
        if key not in seen:
            seen.add(key)
            chosen.append(index)
    hovered = 0
    for index in chosen:
        target = page.locator(f'[data-probe="{index}"]')
        if not target.is_visible():
            continue
        try:
            target.hover(timeout=1_000)
        except Exception:  # covered by another element: keyboard focus opens tooltips too
            target.focus()
        page.wait_for_timeout(TOOLTIP_DELAY_MS)
        hovered += 1
    return hovered


def test_no_payload_runs_or_becomes_an_element(chromium: Browser, payload_site: str) -> None:
    context = open_context(chromium, payload_site, DESKTOP)
    try:
        page = context.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        urls = _story_pages(page)
        assert len(urls) >= 5, urls
        hovered = 0
        headers_overflowing = 0
        seen: set[str] = set()
        for url in urls:
            page.goto(url.lstrip("/") or "./")
            # Scrolled down, the header shows the page title instead of the site name: point at it
            # first, as pointing at anything else may scroll the page back up.
            page.mouse.wheel(0, 800)
            page.wait_for_timeout(TOOLTIP_DELAY_MS)
            header_title = page.locator(HEADER_TITLE)
            if header_title.is_visible():
                headers_overflowing += header_title.evaluate("e => e.offsetWidth < e.scrollWidth")
                header_title.hover()
                page.wait_for_timeout(TOOLTIP_DELAY_MS)
            hovered += _hover_everything(page, seen)
            page.wait_for_timeout(TOOLTIP_DELAY_MS)
            ran = page.evaluate("() => window.__pwned")
            made = page.eval_on_selector_all(
                PAYLOAD_ELEMENTS, "els => els.map(e => e.outerHTML.slice(0, 99))"
            )
            assert ran is None, f"{url}: a payload handler ran (window.__pwned = {ran})"
            assert not made, f"{url}: elements were created from input text: {made}"
        assert not dialogs
        assert hovered > 15, f"only {hovered} elements hovered"
        assert headers_overflowing > 0, "no page title overflowed the header: payload titles too short"
    finally:
        context.close()
