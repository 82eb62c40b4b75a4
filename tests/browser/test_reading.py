"""Reading the built site in Chromium: finding a story, searching, reading differences, phones."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import DATA
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

SEED = "iran-crimea-drones"
STORIES = sorted([SEED, *(p.name for p in (DATA / "stories").iterdir())])


def story_data(site: Path, story: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((site / "data" / f"{story}.json").read_text())
    return data


def sentence_text(data: dict[str, Any], sentence_id: str) -> str:
    for article in data["articles"]:
        for sentence in article["sentences"]:
            if sentence["id"] == sentence_id:
                return str(sentence["text"])
    raise KeyError(sentence_id)


def claim_with_diff(data: dict[str, Any]) -> dict[str, Any]:
    """The first claim with a word diff that both deletes and inserts."""
    for claim in data["claims"]:
        for phrasing in claim["phrasings"]:
            kinds = {op[0] for op in phrasing.get("diff", [])} if phrasing.get("diffable", True) else set()
            if "replace" in kinds or {"delete", "insert"} <= kinds:
                return dict(claim)
    raise AssertionError("no claim with both deletions and insertions")


def claim_url(story: str, claim: dict[str, Any]) -> str:
    return f"stories/{story}/claims/{claim['id']}/"


def test_home_page_lists_every_story_and_the_feed(desktop: Page, browser_site: Path) -> None:
    desktop.goto("")
    headings = desktop.locator("article h2 a:not(.headerlink)")
    titles = [story_data(browser_site, story)["story"]["title"] for story in STORIES]
    expect(headings).to_have_count(len(STORIES))
    assert sorted(headings.all_inner_texts()) == sorted(titles)
    headings.filter(has_text="Iranian personnel in Crimea").click()
    expect(desktop.locator("article h1")).to_contain_text(story_data(browser_site, SEED)["story"]["title"])
    feed = desktop.locator('link[rel="alternate"][type="application/atom+xml"]')
    expect(feed).to_have_count(1)
    response = desktop.request.get(str(feed.evaluate("link => link.href")))
    assert response.ok and response.text().count("<entry>") == len(STORIES)


def test_search_finds_a_claim_from_one_outlets_wording(desktop: Page, browser_site: Path) -> None:
    data = story_data(browser_site, SEED)
    claim = claim_with_diff(data)
    reference = claim["reference"]
    other = next(s for s in claim["sentences"] if s != reference)
    # The opening words of that outlet's sentence, punctuation aside.
    phrase = " ".join(re.findall(r"[A-Za-z]+", sentence_text(data, other))[:8])
    desktop.goto("")
    # The search page is in the navigation; Pagefind's interface runs there.
    expect(desktop.locator("nav.md-nav--primary a.md-nav__link[href$='search/']").first).to_be_attached()
    desktop.goto("search/")
    search = desktop.locator("input.pagefind-ui__search-input")
    search.click()
    search.press_sequentially(phrase, delay=10)
    results = desktop.locator("a.pagefind-ui__result-link")
    expect(results.first).to_be_visible()
    # Results refresh as each key arrives: wait for the claim page rather than the first list.
    desktop.wait_for_function(
        "target => [...document.querySelectorAll('a.pagefind-ui__result-link')]"
        ".some(a => new URL(a.href).pathname.endsWith(target))",
        arg="/" + claim_url(SEED, claim),
    )
    # Each result says what kind of page it is, so a claim is told from its article before opening.
    kinds = desktop.evaluate(
        "() => [...document.querySelectorAll('li.pagefind-ui__result')].map(li => ["
        "new URL(li.querySelector('a.pagefind-ui__result-link').href).pathname,"
        "li.querySelector('.pagefind-ui__result-tag')?.textContent.trim()])"
    )
    assert ["/" + claim_url(SEED, claim), "Page: claim"] in kinds, kinds
    # The kind sits right under the title, before the excerpt and the sub-results.
    tag_top, excerpt_top = desktop.evaluate(
        "() => { const li = document.querySelector('li.pagefind-ui__result');"
        " return [li.querySelector('.pagefind-ui__result-tags').getBoundingClientRect().top,"
        " li.querySelector('.pagefind-ui__result-excerpt').getBoundingClientRect().top]; }"
    )
    assert tag_top < excerpt_top
    # Results use the page's full width: no list indent from the theme.
    result_left, box_left = desktop.evaluate(
        "() => [document.querySelector('li.pagefind-ui__result').getBoundingClientRect().left,"
        " document.getElementById('px-search').getBoundingClientRect().left]"
    )
    assert abs(result_left - box_left) < 1
    # One query fetches a small part of the index, not all of it.
    fetched = desktop.evaluate(
        "performance.getEntriesByType('resource').filter(e => e.name.includes('/pagefind/'))"
        ".reduce((sum, e) => sum + e.transferSize, 0)"
    )
    assert 0 < fetched < 1_000_000


def test_claim_page_differences_read_without_colour(desktop: Page, browser_site: Path) -> None:
    claim = claim_with_diff(story_data(browser_site, SEED))
    desktop.goto(claim_url(SEED, claim))
    deleted = desktop.locator(".px-phrasing del.px-del").first
    inserted = desktop.locator(".px-phrasing ins.px-ins").first
    expect(deleted).to_be_visible()
    expect(inserted).to_be_visible()
    style = (
        "(el, pseudo) => [getComputedStyle(el, pseudo).textDecorationLine,"
        " getComputedStyle(el, pseudo).content]"
    )
    del_line, _ = deleted.evaluate(style, None)
    ins_line, _ = inserted.evaluate(style, None)
    assert "line-through" in del_line and "underline" not in del_line
    assert "underline" in ins_line and "line-through" not in ins_line
    # Screen readers get words, not colours: generated content inside the accessible name.
    assert "deleted" in deleted.evaluate(style, "::before")[1]
    assert "inserted" in inserted.evaluate(style, "::before")[1]
    snapshot = desktop.locator(".px-phrasing .px-sentence:has(del)").first.aria_snapshot()
    assert "deletion" in snapshot and "[deleted:" in snapshot
    assert "insertion" in snapshot and "[inserted:" in snapshot
    legend = desktop.locator(".px-legend")
    expect(legend).to_contain_text("struck through")
    expect(legend).to_contain_text("underlined")
    # The reference phrasing comes first, then the outlets compared with it.
    expect(desktop.locator(".px-phrasing .px-label").first).to_contain_text("reference phrasing")
    expect(desktop.locator(".px-pager")).to_be_visible()


def _side_by_side_claim(site: Path) -> str:
    for story in STORIES:
        for claim in story_data(site, story)["claims"]:
            if any(p.get("diffable", True) is False for p in claim["phrasings"]):
                return claim_url(story, claim)
    raise AssertionError("no claim has phrasings too different for a word diff")


def test_distant_phrasings_sit_side_by_side_and_stack_on_phones(
    desktop: Page, phone: Page, browser_site: Path
) -> None:
    url = _side_by_side_claim(browser_site)
    boxes = "els => els.map(e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.bottom]; })"
    desktop.goto(url)
    reference, outlet = desktop.locator(".px-sidebyside").first.locator(".px-side").evaluate_all(boxes)
    assert reference[1] == outlet[1] and reference[0] < outlet[0], "columns should share a row on a desktop"
    phone.goto(url)
    reference, outlet = phone.locator(".px-sidebyside").first.locator(".px-side").evaluate_all(boxes)
    assert outlet[1] >= reference[2], "columns should stack on a phone"


def test_coverage_matrix_has_a_row_per_claim_and_keeps_its_first_column(
    desktop: Page, browser_site: Path
) -> None:
    data = story_data(browser_site, SEED)
    desktop.goto(f"stories/{SEED}/")
    table = desktop.locator(".px-matrix table")
    expect(table).to_be_visible()
    expect(table.locator("tbody tr")).to_have_count(len(data["claims"]))
    expect(table.locator("thead th")).to_have_count(1 + len(data["articles"]))
    first = table.locator("tbody tr th").first
    # With many outlets the table scrolls inside its box; the fact column stays pinned.
    assert first.evaluate("th => getComputedStyle(th).position") == "sticky"
    # Scrolled columns pass beneath the fact column, not over it.
    box = first.bounding_box()
    assert box
    on_top = first.evaluate(
        "(th, [x, y]) => th.contains(document.elementFromPoint(x, y))",
        [box["x"] + box["width"] - 4, box["y"] + box["height"] / 2],
    )
    assert on_top


def test_dark_mode_keeps_differences_visible(desktop: Page, browser_site: Path) -> None:
    claim = claim_with_diff(story_data(browser_site, SEED))
    desktop.goto(claim_url(SEED, claim))
    assert desktop.evaluate("document.body.dataset.mdColorScheme") == "default"
    desktop.locator("form[data-md-component=palette] label:visible").first.click()
    expect(desktop.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    for selector, line in (
        (".px-phrasing del.px-del", "line-through"),
        (".px-phrasing ins.px-ins", "underline"),
    ):
        mark = desktop.locator(selector).first
        expect(mark).to_be_visible()
        colours = mark.evaluate(
            "el => { const s = getComputedStyle(el); const page = getComputedStyle(document.body);"
            " return [s.color, s.backgroundColor, page.backgroundColor, s.textDecorationLine,"
            " s.textDecorationColor]; }"
        )
        text, mark_background, page_background, decoration, decoration_colour = colours
        assert line in decoration
        background = _over(_rgba(mark_background), _rgba(page_background))
        assert _contrast(_rgba(text)[:3], background) >= 4.5, colours
        assert _contrast(_rgba(decoration_colour)[:3], background) >= 4.5, colours


def _rgba(css: str) -> tuple[float, float, float, float]:
    numbers = [float(n) for n in re.findall(r"[\d.]+", css)]
    return (numbers[0], numbers[1], numbers[2], numbers[3] if len(numbers) > 3 else 1.0)


def _over(top: tuple[float, float, float, float], bottom: tuple[float, ...]) -> tuple[float, float, float]:
    alpha = top[3]
    return tuple(t * alpha + b * (1 - alpha) for t, b in zip(top[:3], bottom[:3], strict=True))  # type: ignore[return-value]


def _luminance(rgb: tuple[float, ...]) -> float:
    def channel(value: float) -> float:
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(one: tuple[float, ...], two: tuple[float, ...]) -> float:
    light, dark = sorted((_luminance(one), _luminance(two)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _narrow_pages(site: Path) -> list[str]:
    pages = [""]
    for story in STORIES:
        data = story_data(site, story)
        pages.append(f"stories/{story}/")
        pages.extend(f"stories/{story}/articles/{a['id']}/" for a in data["articles"])
        pages.extend(claim_url(story, claim) for claim in data["claims"][:3])
    pages.append(_side_by_side_claim(site))
    return pages


def test_nothing_scrolls_sideways_on_a_phone(phone: Page, browser_site: Path) -> None:
    # The search index plays no part in layout; not loading it on every page halves the wait.
    phone.route(re.compile(r"search_index\.json|/workers/|sitemap\.xml"), lambda route: route.abort())
    too_wide = {}
    for url in _narrow_pages(browser_site):
        phone.goto(url)
        width = phone.evaluate("document.documentElement.scrollWidth")
        if width > 375:
            too_wide[url] = width
    assert not too_wide


def test_coming_back_from_a_search_result_shows_the_results_again(desktop: Page) -> None:
    desktop.goto("search/")
    desktop.locator("input.pagefind-ui__search-input").fill("drones")
    results = desktop.locator("a.pagefind-ui__result-link")
    expect(results.first).to_be_visible()
    assert "q=drones" in desktop.url
    results.first.click()
    expect(desktop.locator("article h1")).to_be_visible()
    desktop.go_back()
    expect(desktop.locator("input.pagefind-ui__search-input")).to_have_value("drones")
    expect(desktop.locator("a.pagefind-ui__result-link").first).to_be_visible()
    # The address alone brings the results, as when it is shared.
    desktop.goto("search/?q=drones")
    expect(desktop.locator("a.pagefind-ui__result-link").first).to_be_visible()


def test_search_does_not_find_the_sites_own_labels(desktop: Page) -> None:
    """The words around each phrasing ("reference phrasing", "in the article") and the coverage
    matrix's yes and no are the site's, not the outlets': no claim or story page matches them."""
    for query in ("reference phrasing", "in the article"):
        desktop.goto(f"search/?q={query.replace(' ', '+')}")
        desktop.wait_for_function(
            "() => (document.querySelector('.pagefind-ui__message') || {}).textContent?.includes('result')"
        )
        found = desktop.eval_on_selector_all(
            "a.pagefind-ui__result-link", "links => links.map(a => new URL(a.href).pathname)"
        )
        assert not [path for path in found if "/claims/" in path], (query, found)
