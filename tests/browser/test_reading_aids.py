"""The aids that explain each page to a newcomer, checked in Chromium at desktop and phone widths:
legends, marks that read as words, folded long sections, whole outlet names, legible badges."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import DATA
from playwright.sync_api import Page, expect

from .test_reading import _contrast, _over, _rgba

pytestmark = pytest.mark.browser

SEED = "iran-crimea-drones"
STORIES = sorted([SEED, *(p.name for p in (DATA / "stories").iterdir())])


def _data(site: Path, story: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((site / "data" / f"{story}.json").read_text())
    return data


def _open_all(page: Page) -> None:
    """Open every folded section, so a test sees the page at its widest and longest."""
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")


def test_article_page_explains_grey_text_and_claim_links(desktop: Page, browser_site: Path) -> None:
    data = _data(browser_site, SEED)
    desktop.goto(f"stories/{SEED}/articles/{data['articles'][0]['id']}/")
    legend = desktop.locator(".px-legend")
    expect(legend).to_contain_text("grey text")
    expect(legend).to_contain_text("matched to no other outlet")
    # The legend's sample is styled exactly as the sentences it explains.
    sample, sentence = (
        desktop.locator(selector).first.evaluate("e => getComputedStyle(e).color")
        for selector in (".px-legend .px-alone", "p > .px-alone")
    )
    assert sample == sentence
    marks = desktop.locator("p .px-claimref")
    assert marks.count() > 0
    for text in marks.all_inner_texts():
        assert text.startswith("claim ") or text.startswith("claims "), text
        assert "[" not in text
    link = marks.first.locator("a").first
    label = link.get_attribute("aria-label", timeout=1000)
    assert label == f"claim {link.inner_text()}: how each outlet phrased it"


def test_coverage_marks_differ_in_word_and_shape(desktop: Page, browser_site: Path) -> None:
    desktop.goto(f"stories/{SEED}/")
    yes = desktop.locator(".px-matrix td.px-yes").first
    no = desktop.locator(".px-matrix td.px-no").first
    near = desktop.locator(".px-matrix td.px-near").first
    assert yes.inner_text().strip().endswith("yes") and no.inner_text().strip().endswith("not found")
    assert near.inner_text().strip().endswith("perhaps")
    shapes = [m.evaluate("e => getComputedStyle(e, '::before').content") for m in (yes, no, near)]
    assert len(set(shapes)) == 3 and all(s not in ("none", "normal", '""') for s in shapes)
    # Each row's fact is a row header, so a screen reader names the fact and the outlet of a cell.
    claims = len(_data(browser_site, SEED)["claims"])
    expect(desktop.locator(".px-matrix tbody th[scope=row]")).to_have_count(claims)


def test_on_a_phone_each_fact_lists_its_outlets_by_name(phones: Page, browser_site: Path) -> None:
    data = _data(browser_site, SEED)
    phones.goto(f"stories/{SEED}/")
    row = phones.locator(".px-matrix tbody tr").first
    label, cell = row.locator("th"), row.locator("td").first
    label_box, cell_box = label.bounding_box(), cell.bounding_box()
    assert label_box and cell_box
    assert cell_box["y"] >= label_box["y"] + label_box["height"] - 1, "outlets should sit below the fact"
    assert label_box["width"] > 0.8 * phones.viewport_size["width"] - 60  # type: ignore[index]
    names = [a["outlet"] for a in data["articles"]]
    shown = cell.evaluate("e => getComputedStyle(e, '::before').content")
    assert names[0] in shown
    assert phones.evaluate("document.documentElement.scrollWidth") <= phones.viewport_size["width"]  # type: ignore[index]


def _phone_pages(site: Path) -> list[str]:
    pages = []
    for story in STORIES:
        data = _data(site, story)
        pages.append(f"stories/{story}/")
        pages.append(f"stories/{story}/differences/")
        pages.extend(f"stories/{story}/claims/{claim['id']}/" for claim in data["claims"][:2])
    return pages


def test_no_page_scrolls_sideways_at_375_or_390_px(phones: Page, browser_site: Path) -> None:
    width = phones.viewport_size["width"]  # type: ignore[index]
    too_wide = {}
    for url in _phone_pages(browser_site):
        phones.goto(url)
        _open_all(phones)
        found = phones.evaluate("document.documentElement.scrollWidth")
        if found > width:
            too_wide[url] = found
    assert not too_wide


def test_quotation_tables_fit_a_phone(phones: Page) -> None:
    phones.goto(f"stories/{SEED}/differences/")
    _open_all(phones)
    tables = phones.locator("#quotations ~ details .px-stack table")
    assert tables.count() > 0
    width = phones.viewport_size["width"]  # type: ignore[index]
    for box in tables.evaluate_all("ts => ts.map(t => t.getBoundingClientRect().right)"):
        assert box <= width
    # Stacked, a table needs no sideways scrolling even inside the box the theme wraps it in.
    clipped = tables.evaluate_all(
        "ts => ts.filter(t => { const box = t.closest('.md-typeset__scrollwrap') || t.parentElement;"
        " return box.scrollWidth > box.clientWidth + 1 || t.scrollWidth > t.clientWidth + 1; }).length"
    )
    assert clipped == 0, "a quotation table is wider than its box"


WHOLE_WORDS = """cells => cells.filter(cell => {
  const text = cell.firstChild && cell.firstChild.nodeType === 3 ? cell.firstChild : null;
  if (!text) return false;
  const range = document.createRange();
  let start = 0;
  for (const word of text.data.split(' ')) {
    if (word.length > 1) {
      range.setStart(text, start); range.setEnd(text, start + word.length);
      const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
      if (lines.size > 1) return true;
    }
    start += word.length + 1;
  }
  return false;
}).map(cell => cell.textContent)"""


def test_outlet_names_are_never_broken_mid_word_at_1280_px(wide: Page, browser_site: Path) -> None:
    for story in STORIES:
        names = {a["outlet"] for a in _data(browser_site, story)["articles"]}
        for url in (f"stories/{story}/differences/", f"stories/{story}/"):
            wide.goto(url)
            _open_all(wide)
            cells = wide.locator("article th, article td")
            outlet_cells = cells.filter(has_text=next(iter(names)))
            assert outlet_cells.count() > 0 or len(names) < 2
            broken = cells.evaluate_all(WHOLE_WORDS)
            assert not [text for text in broken if text in names], (url, broken)
            styles = cells.evaluate_all(
                "cs => cs.map(c => getComputedStyle(c)).map(s => s.overflowWrap + ' ' + s.wordBreak)"
            )
            assert all("anywhere" not in s and "break-all" not in s for s in styles)


def test_differences_page_has_contents_and_folds_its_long_lists(desktop: Page) -> None:
    desktop.goto(f"stories/{SEED}/differences/")
    contents = desktop.locator("nav.px-contents a")
    headings = desktop.locator("article h2[id]")
    expect(contents).to_have_count(headings.count())
    for link, anchor in zip(contents.all(), headings.evaluate_all("hs => hs.map(h => h.id)"), strict=True):
        assert (link.get_attribute("href") or "").endswith(f"#{anchor}")
    folds = desktop.locator("details.px-fold")
    assert folds.count() > 0
    expect(desktop.locator("details.px-fold[open]")).to_have_count(0)
    expect(desktop.locator("article")).not_to_contain_text("\u2193")
    expect(desktop.locator(".px-reuse th").first).to_contain_text("text is also carried by")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_badges_are_legible_in_light_and_dark(desktop: Page, browser_site: Path, scheme: str) -> None:
    data = _data(browser_site, SEED)
    claim = max(data["claims"], key=lambda c: len(c["outlets"]))
    desktop.goto(f"stories/{SEED}/claims/{claim['id']}/")
    if scheme == "dark":
        desktop.locator("form[data-md-component=palette] label:visible").first.click()
        expect(desktop.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    badges = desktop.locator(".px-badge")
    assert badges.count() > 0
    for found in badges.evaluate_all(
        "bs => bs.map(b => { const s = getComputedStyle(b), page = getComputedStyle(document.body);"
        " return [parseFloat(s.fontSize), s.color, s.backgroundColor, page.backgroundColor]; })"
    ):
        size, text, background, page_background = found
        assert size >= 12, found
        behind = _over(_rgba(background), _rgba(page_background))
        assert _contrast(_rgba(text)[:3], behind) >= 4.5, found


def test_the_search_buttons_are_legible_in_dark_mode(desktop: Page) -> None:
    desktop.emulate_media(color_scheme="dark")
    desktop.goto("search/")
    expect(desktop.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    desktop.locator("input.pagefind-ui__search-input").fill("said")
    button = desktop.locator("button.pagefind-ui__button").first
    button.wait_for()
    text, background, page_background = button.evaluate(
        "b => [getComputedStyle(b).color, getComputedStyle(b).backgroundColor,"
        " getComputedStyle(document.body).backgroundColor]"
    )
    behind = _over(_rgba(background), _rgba(page_background))
    assert _contrast(_rgba(text)[:3], behind) >= 4.5, (text, background)
