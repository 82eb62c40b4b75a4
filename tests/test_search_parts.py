"""A large archive is indexed for search in parts: each part holds only its own stories' pages,
and a dirty build indexes only the parts that are missing."""

from __future__ import annotations

import gzip
import html
import json
import re
from pathlib import Path

from site_build import build, copy_stories, write_config

# The fixture stories by date: porthaven (2025-08-21), ashcombe (2025-10-08), nx214 (2025-10-15),
# varnia (2025-11-14).
PARTS = {
    "1": {"porthaven-ibarra-transfer", "ashcombe-battery-plant-fire"},
    "2": {"nx214-migraine-spray-trial", "varnia-no-confidence-vote"},
}


def _fragments(part: Path) -> dict[str, str]:
    """The text a part's index holds, by page address."""
    found = {}
    for fragment in part.glob("fragment/*.pf_fragment"):
        data = json.loads(gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd"))
        found[data["url"]] = data["content"]
    return found


def _indexed(part: Path) -> set[str]:
    """The address of every page a part's index holds."""
    return set(_fragments(part))


def _sentences(page: str, kind: str) -> list[str]:
    return [
        html.unescape(text) for text in re.findall(rf'<span class="{kind}" id="[^"]+">(.*?)</span>', page)
    ]


def test_each_part_indexes_its_own_stories_and_the_other_pages(tmp_path: Path) -> None:
    project = tmp_path / "project"
    seeds = copy_stories(project / "seeds")
    config = write_config(project, seeds, search_part_size=2)
    (project / "docs" / "about.md").write_text("# About\n\nWhat this digest is.\n", encoding="utf-8")
    site = tmp_path / "site"
    done = build(config, site)
    assert done.returncode == 0, done.stderr

    assert sorted(p.name for p in (site / "pagefind").iterdir()) == ["1", "2"]
    for number, stories in PARTS.items():
        urls = _indexed(site / "pagefind" / number)
        in_stories = {url.split("/")[2] for url in urls if url.startswith("/stories/")}
        assert in_stories == stories, number
        # The site's own pages are in the newest part only: searching all parts finds them once.
        assert ("/about/" in urls) == (number == "2")
        # The story list is not indexed: every story page is.
        assert "/" not in urls
    # An article's sentences that other outlets also report are found on their claim pages.
    story = "varnia-no-confidence-vote"
    texts = _fragments(site / "pagefind" / "2")
    article = next((site / "stories" / story / "articles").glob("*/index.html"))
    page = article.read_text(encoding="utf-8")
    shared, alone = _sentences(page, "px-shared"), _sentences(page, "px-alone")
    assert shared and alone
    indexed = texts["/" + article.parent.relative_to(site).as_posix() + "/"]
    assert all(sentence not in indexed for sentence in shared)
    assert all(sentence in indexed for sentence in alone)
    # Every word of them is on a claim page (between the marked differences, not always in a row).
    claims = [
        set(re.findall(r"\w+", text)) for url, text in texts.items() if f"/stories/{story}/claims/" in url
    ]
    assert all(any(set(re.findall(r"\w+", sentence)) <= words for words in claims) for sentence in shared)
    search = (site / "search" / "index.html").read_text(encoding="utf-8")
    assert search.index('value="../pagefind/2/"') < search.index('value="../pagefind/1/"')

    # A dirty build keeps the parts there are and indexes only a missing one.
    kept = (site / "pagefind" / "1" / "pagefind-entry.json").stat().st_mtime_ns
    for path in sorted((site / "pagefind" / "2").rglob("*"), reverse=True):
        path.rmdir() if path.is_dir() else path.unlink()
    (site / "pagefind" / "2").rmdir()
    done = build(config, site, "--dirty")
    assert done.returncode == 0, done.stderr
    assert (site / "pagefind" / "1" / "pagefind-entry.json").stat().st_mtime_ns == kept
    urls = _indexed(site / "pagefind" / "2")
    assert {url.split("/")[2] for url in urls if url.startswith("/stories/")} == PARTS["2"]


def test_a_part_size_below_one_is_refused(tmp_path: Path) -> None:
    project = tmp_path / "project"
    seeds = copy_stories(project / "seeds", ["varnia-no-confidence-vote"])
    config = write_config(project, seeds, search_part_size=0)
    done = build(config, tmp_path / "site")
    assert done.returncode != 0
    assert "search_part_size must be 1 or more, not 0" in done.stderr


def test_a_digest_without_stories_or_pages_still_has_a_search_index(tmp_path: Path) -> None:
    project = tmp_path / "project"
    (project / "seeds").mkdir(parents=True)
    config = write_config(project, project / "seeds")
    done = build(config, tmp_path / "site")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "site" / "pagefind" / "1" / "pagefind-ui.js").is_file()
