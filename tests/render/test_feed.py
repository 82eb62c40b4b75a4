"""The Atom feed: one entry per story, newest first, escaped, deterministic, and valid in the site."""

from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import DATA, SEED_STORY

from digest.model import Story, StoryMeta
from digest.pipeline import analyze
from digest.render import feed
from digest.render.site import build

NS = {"atom": "http://www.w3.org/2005/Atom"}


@pytest.fixture(scope="module")
def stories() -> list[Story]:
    folders = [SEED_STORY, *sorted((DATA / "stories").iterdir())]
    return [analyze(folder) for folder in folders]


def _parse(text: str) -> ET.Element:
    return ET.fromstring(text.encode("utf-8"))


def _entries(root: ET.Element) -> list[dict[str, str]]:
    found = []
    for entry in root.findall("atom:entry", NS):
        link = entry.find("atom:link", NS)
        assert link is not None
        found.append(
            {
                "id": entry.findtext("atom:id", "", NS),
                "title": entry.findtext("atom:title", "", NS),
                "updated": entry.findtext("atom:updated", "", NS),
                "summary": entry.findtext("atom:summary", "", NS),
                "href": link.get("href", ""),
            }
        )
    return found


def test_one_entry_per_story_newest_first(stories: list[Story]) -> None:
    root = _parse(feed.render(stories))
    assert root.tag == "{http://www.w3.org/2005/Atom}feed"
    entries = _entries(root)
    assert len(entries) == len(stories)
    assert [e["updated"] for e in entries] == sorted((e["updated"] for e in entries), reverse=True)
    assert entries[0]["title"] == "Varnia's National Assembly ousts Prime Minister Havryliuk"
    assert entries[0]["updated"] == "2025-11-14T00:00:00Z"
    assert entries[-1]["href"] == "stories/iran-crimea-drones/"
    assert len({e["id"] for e in entries}) == len(entries)
    assert all(e["id"].startswith("urn:uuid:") for e in entries)
    assert "4 outlets (Continental Press Agency, Eastbound Review" in entries[0]["summary"]


def test_feed_updated_is_the_newest_story_date_not_the_build_time(stories: list[Story]) -> None:
    root = _parse(feed.render(stories))
    assert root.findtext("atom:updated", "", NS) == "2025-11-14T00:00:00Z"
    assert feed.render(stories) == feed.render(list(reversed(stories)))


def test_untrusted_text_is_escaped_and_invalid_characters_replaced(stories: list[Story]) -> None:
    title = 'Spill <script>alert(1)</script> & "quotes" ]]> \x00\x1b end'
    hostile = dataclasses.replace(stories[0], meta=dataclasses.replace(stories[0].meta, title=title))
    text = feed.render([hostile], title="Digest <b>&</b>")
    assert "<script>" not in text and "<b>" not in text
    root = _parse(text)
    assert root.findtext("atom:title", "", NS) == "Digest <b>&</b>"
    entry = _entries(root)[0]
    assert entry["title"] == 'Spill <script>alert(1)</script> & "quotes" ]]> \ufffd\ufffd end'


def test_bidi_controls_show_as_labels_as_on_the_pages(stories: list[Story]) -> None:
    title = "Spill \u202eevil\u202c \u2067x\u2069"
    hostile = dataclasses.replace(stories[0], meta=dataclasses.replace(stories[0].meta, title=title))
    text = feed.render([hostile])
    assert not any(ch in text for ch in "\u202e\u202c\u2067\u2069")
    assert _entries(_parse(text))[0]["title"] == "Spill [U+202E]evil[U+202C] [U+2067]x[U+2069]"


def test_undated_stories_come_last_with_a_fixed_date(stories: list[Story]) -> None:
    undated = Story(StoryMeta("zz-undated", "Undated story", None), (), (), ())
    odd = Story(StoryMeta("aa-odd-date", "Oddly dated story", "sometime in spring"), (), (), ())
    entries = _entries(_parse(feed.render([undated, *stories[:2], odd])))
    assert [e["title"] for e in entries[-2:]] == ["Oddly dated story", "Undated story"]
    assert entries[-1]["updated"] == feed.EPOCH
    assert "0 outlets (no readable articles)" in entries[-1]["summary"]
    only = _parse(feed.render([undated]))
    assert only.findtext("atom:updated", "", NS) == feed.EPOCH
    assert _entries(_parse(feed.render([]))) == []


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-10-08", "2025-10-08T00:00:00Z"),
        ("2025-10-08T12:05:00+01:00", "2025-10-08T11:05:00Z"),
        ("2025-10-08T10:52:00Z", "2025-10-08T10:52:00Z"),
        ("2025-10-08 sometime", "2025-10-08T00:00:00Z"),
        ("yesterday", None),
        ("", None),
        (None, None),
    ],
)
def test_story_dates_become_rfc3339_times(value: str | None, expected: str | None) -> None:
    assert feed.timestamp(value) == expected


def test_the_site_serves_the_feed_and_every_entry_links_to_a_built_page(
    stories: list[Story], seed_site: Path
) -> None:
    assert build(stories, "My digest").assets["feed.xml"] == feed.render(stories, "My digest")
    root = _parse((seed_site / "feed.xml").read_text(encoding="utf-8"))
    assert root.findtext("atom:title", "", NS) == "Parallax digest"
    entries = _entries(root)
    assert [e["title"] for e in entries] == ["Iranian personnel in Crimea supporting Russian drone strikes"]
    for entry in entries:
        assert (seed_site / entry["href"] / "index.html").is_file()
    home = (seed_site / "index.html").read_text(encoding="utf-8")
    assert '<link rel="alternate" type="application/atom+xml"' in home
    assert 'href="feed.xml"' in home
    # Advertised where readers start, not on each of a story's many pages.
    assert "application/atom+xml" in (seed_site / "reading" / "index.html").read_text(encoding="utf-8")
    assert "application/atom+xml" in (seed_site / "stories" / "iran-crimea-drones" / "index.html").read_text(
        encoding="utf-8"
    )
    for page in (seed_site / "stories").glob("*/*/*/index.html"):
        assert "application/atom+xml" not in page.read_text(encoding="utf-8"), page
