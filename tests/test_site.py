"""End to end: a real ``mkdocs build --strict`` of the repository's site with the seed story fixture."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from conftest import ROOT, SEED_STORY, SEEDS, build_site, make_project

from digest.text import fold_key

STORY = "iran-crimea-drones"


def _text(html: str) -> str:
    """Visible text of a page, entities decoded and tags dropped, for plain assertions."""
    import html as html_module

    body = html.split('<article class="md-content__inner md-typeset">', 1)[-1].split("</article>", 1)[0]
    return fold_key(html_module.unescape(re.sub(r"<[^>]+>", " ", body)))


def _claim_pages(site: Path) -> list[Path]:
    return sorted((site / "stories" / STORY / "claims").glob("*/index.html"))


def test_home_lists_the_story_with_counts(seed_site: Path) -> None:
    home = _text((seed_site / "index.html").read_text())
    assert "iranian personnel in crimea supporting russian drone strikes" in home
    assert "breakingnews.ie" in home and "hngn" in home and "rt" in home
    assert "facts reported by all outlets:" in home and "by some but not all:" in home


def test_directly_engaged_claim_shows_all_three_outlets(seed_site: Path, seed_data: dict[str, Any]) -> None:
    pages = [p for p in _claim_pages(seed_site) if "directly engaged on the ground" in _text(p.read_text())]
    assert pages, "no claim page carries the 'directly engaged on the ground' fact"
    claim = next(
        c
        for c in seed_data["claims"]
        if any("directly engaged on the ground" in _sentence(seed_data, s) for s in c["sentences"])
    )
    assert len({s.rsplit("-s", 1)[0] for s in claim["sentences"]}) == 3
    page = (seed_site / "stories" / STORY / "claims" / claim["id"] / "index.html").read_text()
    text = _text(page)
    for outlet in ("breakingnews.ie", "hngn", "rt"):
        assert outlet in text
    assert "<del" in page and "<ins" in page


def _sentence(data: dict[str, Any], sentence_id: str) -> str:
    for article in data["articles"]:
        for sentence in article["sentences"]:
            if sentence["id"] == sentence_id:
                return str(sentence["text"])
    raise KeyError(sentence_id)


def test_every_claim_has_a_page_and_is_searchable(seed_site: Path, seed_data: dict[str, Any]) -> None:
    # Pagefind indexes what is inside data-pagefind-body (tests/browser searches the index itself).
    assert (seed_site / "pagefind" / "1" / "pagefind-entry.json").is_file()
    assert seed_data["claims"]
    for claim in seed_data["claims"]:
        page = seed_site / "stories" / STORY / "claims" / claim["id"] / "index.html"
        assert "data-pagefind-body" in page.read_text(encoding="utf-8")


def test_each_generated_page_tells_search_what_kind_of_page_it_is(seed_site: Path) -> None:
    story = seed_site / "stories" / STORY
    expected = {
        seed_site / "index.html": None,
        story / "index.html": "story",
        story / "differences" / "index.html": "differences",
        next((story / "claims").glob("*/index.html")): "claim",
        next((story / "articles").glob("*/index.html")): "article",
        seed_site / "reading" / "index.html": None,
    }
    for page, kind in expected.items():
        found = re.findall(r'data-pagefind-meta="page:([^"]*)"', page.read_text(encoding="utf-8"))
        assert found == ([kind] if kind else []), page


def test_article_and_differences_headings_say_whose_and_which(
    seed_site: Path, seed_data: dict[str, Any]
) -> None:
    """Search shows a page's heading as its title: an article's names its outlet, a differences
    page its story, so that results for different outlets and stories never look the same."""
    story = seed_site / "stories" / STORY
    for article in seed_data["articles"]:
        page = (story / "articles" / article["id"] / "index.html").read_text(encoding="utf-8")
        heading = _text(page.split("<h1", 1)[1].split("</h1>", 1)[0].split(">", 1)[1])
        assert heading.strip().startswith(fold_key(f"{article['outlet']}:")), heading
    differences = (story / "differences" / "index.html").read_text(encoding="utf-8")
    heading = _text(differences.split("<h1", 1)[1].split("</h1>", 1)[0].split(">", 1)[1])
    assert heading.strip() == fold_key(f"How the outlets differ: {seed_data['story']['title']}")


def test_what_was_removed_from_an_article_is_not_searched(seed_site: Path) -> None:
    for page in (seed_site / "stories" / STORY / "articles").glob("*/index.html"):
        text = page.read_text(encoding="utf-8")
        assert re.search(r'<div data-pagefind-ignore>\s*<h2 id="[^"]+">Removed from the source', text), page


def test_claim_and_article_pages_stay_out_of_the_navigation(seed_site: Path) -> None:
    home = (seed_site / "index.html").read_text()
    nav = home.split('<nav class="md-nav md-nav--primary"', 1)[1].split("</nav>", 1)[0]
    assert "/claims/" not in nav and "/articles/" not in nav


def test_pages_without_contents_carry_no_empty_contents_sidebar(seed_site: Path) -> None:
    claim = _claim_pages(seed_site)[0].read_text()
    article = next((seed_site / "stories" / STORY / "articles").glob("*/index.html")).read_text()
    for page in (claim, article):
        assert "md-sidebar--secondary" not in page
        assert 'data-md-type="navigation"' in page and 'class="md-content"' in page
        # Nor the site's description, nor the theme's empty places for a skip link and a banner.
        assert '<meta name="description"' not in page
        assert 'data-md-component="announce"' not in page
    for kept in (seed_site / "index.html", seed_site / "stories" / STORY / "index.html"):
        assert '<meta name="description" content="' in kept.read_text(encoding="utf-8")
    # Nor the generator's name or the script that opens a linked content tab: they have none.
    for page in (claim, article):
        assert 'name="generator"' not in page and "__tabbed_" not in page
    # A page with headings keeps its contents beside the text.
    reading = (seed_site / "reading" / "index.html").read_text()
    assert "md-sidebar--secondary" in reading and 'data-md-component="toc"' in reading


def test_no_boilerplate_line_reaches_an_article_page(seed_site: Path) -> None:
    boilerplate = [
        "share this article",
        "download our apps",
        "want us to email you",
        "read more",
        "press association images",
        "(iranian army via ap)",
        "developed by square1",
        "photo by sergei supinsky",
        "read also",
        "related article",
    ]
    for page in (seed_site / "stories" / STORY / "articles").glob("*/index.html"):
        body = _text(page.read_text()).split("removed from the source", 1)[0]
        for line in boilerplate:
            assert line not in body, (page, line)


def test_article_pages_list_removals_with_reasons(seed_site: Path) -> None:
    page = (seed_site / "stories" / STORY / "articles" / "000-59e1e047b0ecb4ea" / "index.html").read_text()
    removed = _text(page).split("removed from the source", 1)[1]
    assert "share this article" in removed and "byline" in removed and "photo caption" in removed


def test_published_json_matches_the_export_contract(seed_data: dict[str, Any]) -> None:
    assert seed_data["schema"] == 4
    assert seed_data["story"]["id"] == STORY
    files = {a["file"] for a in seed_data["articles"]}
    assert files == {p.name for p in SEED_STORY.glob("*.txt")}
    ids = {s["id"] for a in seed_data["articles"] for s in a["sentences"]}
    for claim in seed_data["claims"]:
        assert set(claim["sentences"]) <= ids
        assert len({s.rsplit("-s", 1)[0] for s in claim["sentences"]}) >= 2
        # An outlet is in the claim, near it through one related sentence, or missing: one of the three.
        near = [s.rsplit("-s", 1)[0] for s in claim["near"]]
        assert set(claim["near"]) <= ids and len(near) == len(set(near))
        assert sorted([*claim["outlets"], *near, *claim["missing"]]) == sorted(
            a["id"] for a in seed_data["articles"]
        )


def test_hand_written_pages_build_beside_generated_ones(seed_site: Path) -> None:
    for page in ("reading", "about"):
        assert (seed_site / page / "index.html").is_file()
    # The reading guide the legends link to comes with the package when docs/ has none.
    assert not (ROOT / "docs" / "reading.md").exists()
    reading = (seed_site / "reading" / "index.html").read_text(encoding="utf-8")
    assert "Struck-through text" in reading
    # Maintainer documentation stays in the repository.
    for page in ("input-format", "quality", "scale", "engines", "security"):
        assert not (seed_site / page).exists()


def test_a_hand_written_home_page_is_refused(tmp_path: Path) -> None:
    import pytest
    from mkdocs.exceptions import Abort

    project = make_project(tmp_path / "p", SEEDS)
    (project / "docs" / "index.md").write_text("# Mine\n")
    with pytest.raises(Abort):
        build_site(project, tmp_path / "site")
    assert not (tmp_path / "site" / "index.html").exists()


def test_a_sites_own_reading_guide_replaces_the_packaged_one(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", SEEDS)
    (project / "docs" / "reading.md").write_text(
        "# Reading this digest\n\nOur own guide to the marks.\n", encoding="utf-8"
    )
    site = build_site(project, tmp_path / "site", strict=True)
    reading = (site / "reading" / "index.html").read_text(encoding="utf-8")
    assert "Our own guide to the marks." in reading
    assert "Struck-through text" not in reading
