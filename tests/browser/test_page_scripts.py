"""The theme's scripts run without an error on every kind of page, including the generated pages
whose settings script carries only the wording they use, and instant navigation between them."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect

from .test_reading import SEED, claim_url, claim_with_diff, story_data


def test_generated_pages_run_the_theme_without_errors(desktop: Page, browser_site: Path) -> None:
    errors: list[str] = []
    desktop.on("pageerror", lambda error: errors.append(str(error)))
    desktop.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    claim = claim_with_diff(story_data(browser_site, SEED))
    article = next((browser_site / "stories" / SEED / "articles").iterdir()).name
    for address in (
        "",
        f"stories/{SEED}/",
        f"stories/{SEED}/differences/",
        claim_url(SEED, claim),
        f"stories/{SEED}/articles/{article}/",
        "reading/",
        "search/",
    ):
        desktop.goto(address)
        desktop.wait_for_load_state("networkidle")
    # Instant navigation from a generated page to a hand-written one and back.
    desktop.goto(claim_url(SEED, claim))
    desktop.locator(".px-legend a[href$='reading/']").click()
    expect(desktop.locator("article h1")).to_contain_text("How to read")
    desktop.go_back()
    expect(desktop.locator(".px-phrasing").first).to_be_visible()
    # The palette toggle still works there.
    desktop.locator("form[data-md-component=palette] label:visible").first.click()
    expect(desktop.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    assert not errors, errors
    config = (browser_site / claim_url(SEED, claim) / "index.html").read_text(encoding="utf-8")
    assert '"clipboard.copy"' in config and '"search.result' not in config


def test_a_dark_choice_survives_loading_generated_pages(desktop: Page, browser_site: Path) -> None:
    """Generated pages load the theme's palette script from one shared file, and it restores the
    reader's choice as the page loads, before the theme's main script (held back here, so only
    the palette script can set the scheme)."""
    claim = claim_with_diff(story_data(browser_site, SEED))
    page_file = (browser_site / claim_url(SEED, claim) / "index.html").read_text(encoding="utf-8")
    assert '__md_get("__palette")' not in page_file
    assert '<script src="../../../../assets/digest/palette-' in page_file
    desktop.goto(claim_url(SEED, claim))
    desktop.locator("form[data-md-component=palette] label:visible").first.click()
    expect(desktop.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    desktop.route("**/assets/javascripts/bundle.*.min.js", lambda route: route.abort())
    for address in (f"stories/{SEED}/", "", claim_url(SEED, claim)):
        desktop.goto(address)
        assert desktop.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate", address
