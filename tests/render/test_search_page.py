"""Search index parts: runs of stories in date order, and the search page that offers them."""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from digest.model import StoryMeta
from digest.render import search_page
from digest.render.search_page import SearchPart, part_glob, parts


def _meta(story_id: str, date: str | None) -> StoryMeta:
    return StoryMeta(story_id, f"Title of {story_id}", date)


STORIES = [
    _meta("c", "2026-03-01"),
    _meta("a", "2026-01-05"),
    _meta("undated", None),
    _meta("b", "2026-01-05"),
    _meta("d", "2026-11-28"),
]


def test_parts_run_from_the_oldest_story_with_undated_ones_first() -> None:
    found = parts(STORIES, size=2)
    assert [part.stories for part in found] == [("undated", "a"), ("b", "c"), ("d",)]
    assert [part.number for part in found] == [1, 2, 3]
    assert [part.folder for part in found] == ["pagefind/1/", "pagefind/2/", "pagefind/3/"]


def test_parts_are_as_even_as_can_be_so_the_newest_is_never_a_sliver() -> None:
    found = parts(STORIES, size=4)
    assert [part.stories for part in found] == [("undated", "a", "b"), ("c", "d")]
    sizes = [len(part.stories) for part in parts([_meta(f"s{n:03d}", None) for n in range(401)], 200)]
    assert sizes == [134, 134, 133]


def test_labels_give_the_dates_and_the_number_of_stories() -> None:
    first, second, third = parts(STORIES, size=2)
    assert first.label == "2026-01-05 (2 stories)"
    assert second.label == "2026-01-05 to 2026-03-01 (2 stories)"
    assert third.label == "2026-11-28 (1 story)"
    assert parts([_meta("x", None)])[0].label == "Undated stories (1 story)"


def test_one_part_holds_every_story_up_to_the_size() -> None:
    assert [part.stories for part in parts(STORIES)] == [("undated", "a", "b", "c", "d")]
    assert parts([]) == (SearchPart(1, (), None, None),)
    with pytest.raises(ValueError):
        parts(STORIES, size=0)


def test_the_newest_part_also_indexes_the_pages_outside_the_story_folders(tmp_path: Path) -> None:
    folders = ("stories/a", "stories/b", "page/2", "assets", "data", "search", "pagefind", "about", "reading")
    for folder in folders:
        (tmp_path / folder).mkdir(parents=True)
    (tmp_path / "index.html").write_text("the story list", encoding="utf-8")
    glob = part_glob(tmp_path, SearchPart(1, ("a",), None, None))
    assert glob == "{stories/a,about,reading}/**/*.html"
    # An older part holds its stories alone, so searching every part finds those pages once.
    assert part_glob(tmp_path, SearchPart(1, ("a", "b"), None, None), newest=False) == (
        "{stories/a,stories/b}/**/*.html"
    )


def test_the_search_page_offers_the_parts_newest_first_and_all_of_them() -> None:
    page = search_page.markdown(parts(STORIES, size=2))
    options = [html.unescape(line) for line in page.splitlines() if line.startswith("<option")]
    assert options == [
        '<option value="../pagefind/3/">2026-11-28 (1 story)</option>',
        '<option value="../pagefind/2/">2026-01-05 to 2026-03-01 (2 stories)</option>',
        '<option value="../pagefind/1/">2026-01-05 (2 stories)</option>',
        '<option value="all">all 5 stories (each search downloads more)</option>',
    ]
    # The interface itself comes from the newest part.
    assert '<script src="../pagefind/3/pagefind-ui.js">' in page


def test_a_single_part_needs_no_choice() -> None:
    page = search_page.markdown(parts(STORIES))
    assert "<select" not in page
    assert '<script src="../pagefind/1/pagefind-ui.js">' in page


def test_a_part_with_nothing_to_index_indexes_the_story_list(tmp_path: Path) -> None:
    for folder in ("assets", "search", "pagefind"):
        (tmp_path / folder).mkdir()
    assert part_glob(tmp_path, SearchPart(1, (), None, None)) == "index.html"


def test_a_dates_text_reaches_the_part_chooser_inert() -> None:
    hostile = [_meta("x", "2025-03-15 {{ config }} *loud* [a](b) \u202eRLO"), _meta("y", "2026-01-01")]
    page = search_page.markdown(parts(hostile, size=1))
    option = next(line for line in page.splitlines() if line.startswith('<option value="../pagefind/1/"'))
    for raw in ("{{", "*loud*", "[a](b)", "\u202e"):
        assert raw not in option
    assert "[U+202E]RLO" in html.unescape(option)
