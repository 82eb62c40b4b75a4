"""Screenshots of the home, a story, a claim and an article page, and of a story on a phone.

Taken from the same build as the other browser tests, at a fixed desktop size,
light scheme, with animations off and the caret hidden, so a rebuild changes a
picture only when the pages themselves change. A normal run writes them to a
temporary folder, so running the tests never changes a tracked file; the
README's pictures in docs/assets/screenshots/ are refreshed only on request:

    PARALLAX_SCREENSHOTS=1 python -m pytest tests/browser/test_screenshots.py
"""

from __future__ import annotations

import json
import os
import struct
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from .conftest import DESKTOP, PHONE_390, SCREENSHOTS

pytestmark = pytest.mark.browser

SEED = "iran-crimea-drones"


def _claim_with_most_outlets(site: Path) -> str:
    data = json.loads((site / "data" / f"{SEED}.json").read_text())
    best = max(data["claims"], key=lambda claim: (len(claim["outlets"]), -data["claims"].index(claim)))
    return f"stories/{SEED}/claims/{best['id']}/"


def _png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", header[16:24])
    return width, height


def _target(tmp_path: Path) -> Path:
    """The README's picture folder when asked for with PARALLAX_SCREENSHOTS=1, else a temporary one."""
    if os.environ.get("PARALLAX_SCREENSHOTS") == "1":
        return SCREENSHOTS
    return tmp_path


def test_screenshots_of_home_story_and_claim(desktop: Page, browser_site: Path, tmp_path: Path) -> None:
    target = _target(tmp_path)
    target.mkdir(parents=True, exist_ok=True)
    shots = {
        "home": "",
        "story": f"stories/{SEED}/",
        "claim": _claim_with_most_outlets(browser_site),
    }
    for name, url in shots.items():
        desktop.goto(url)
        desktop.evaluate("document.fonts.ready")
        path = target / f"{name}.png"
        desktop.screenshot(path=path, animations="disabled", caret="hide")
        assert _png_size(path) == (DESKTOP["width"], DESKTOP["height"])
        assert path.stat().st_size < 400_000, f"{path} is larger than a README picture should be"


def test_screenshots_of_an_article_and_a_story_on_a_phone(
    chromium: Browser, site_url: str, browser_site: Path, tmp_path: Path
) -> None:
    from .conftest import page_at

    target = _target(tmp_path)
    target.mkdir(parents=True, exist_ok=True)
    data = json.loads((browser_site / "data" / f"{SEED}.json").read_text())
    shots = {
        "article": (DESKTOP, f"stories/{SEED}/articles/{data['articles'][0]['id']}/", None),
        "story-phone": (PHONE_390, f"stories/{SEED}/", "coverage"),
    }
    for name, (viewport, url, anchor) in shots.items():
        with page_at(chromium, site_url, viewport) as page:
            page.goto(url)
            if anchor:
                page.locator(f"#{anchor}").scroll_into_view_if_needed()
                page.evaluate(f"window.scrollTo(0, document.getElementById('{anchor}').offsetTop)")
            page.evaluate("document.fonts.ready")
            path = target / f"{name}.png"
            page.screenshot(path=path, animations="disabled", caret="hide")
            assert _png_size(path) == (viewport["width"], viewport["height"])
            assert path.stat().st_size < 400_000, f"{path} is larger than a README picture should be"
