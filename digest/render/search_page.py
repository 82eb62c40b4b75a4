"""Search with Pagefind: a search page in the site's look, and indexes built after the site.

Pagefind indexes the finished HTML into small fragments, so a query downloads
only the fragments of its words plus the index's list of pages. That list, and
the memory Pagefind needs while indexing, grow with every page, so a large
archive is indexed in *parts*: runs of at most ``part_size`` stories in date
order, as evenly sized as can be, each its own Pagefind index under
``pagefind/<n>/``, indexed by its own Pagefind process. The search page
searches the newest part and lets the reader pick an older one (or all of
them, which downloads the page lists of every part). A query's download and
the indexing memory are then bounded by the part size, not by the archive.

Only what sits inside ``data-pagefind-body`` is indexed, and blocks repeated on
many pages (legends, pagers, lists of other pages) carry ``data-pagefind-ignore``.
An article's sentences that another outlet also reports are found on their
claim page rather than on every article page as well. Pages outside the story
folders (the reading guide, the about page) are in the newest part; the story
lists are not indexed (every story page is). Pagefind ships as a binary inside
the ``pagefind`` wheel, a dependency of Parallax."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from digest.model import StoryMeta
from digest.render import paths, templates
from digest.render.markup import front_matter, inert, plural

PATH = "search.md"
TITLE = "Search"
FOLDER = "pagefind"
PART_SIZE = 200
"""Stories per index part. At 200 synthetic stories (larger than most real ones) one query
downloads about 0.55 MB and the build, Pagefind included, peaks at about 0.8 GB (docs/scale.md)."""
MISSING = (
    "digest: search needs Pagefind, which installs with Parallax: pip install 'pagefind[extended]' "
    "(or set the digest plugin's option pagefind: false)"
)
SKIPPED = (
    "span.px-shared, span.px-claimref, a.headerlink, p.px-label, p.px-side__label, del.px-del, div.px-matrix"
)
"""Article sentences another outlet also reports, and their "claim N" links: a search finds such
a sentence on its claim page, beside every outlet's phrasing, instead of once per article as well.
The heading permalinks' pilcrows, which would end up in result titles. The site's own words around
the phrasings (each outlet's label and badges, "reference phrasing", "in the article") and the
coverage matrix's yes and no, which would make every claim and story match them. And the words of a
word diff that are only in the reference phrasing, which is indexed on its own: run together with
the outlet's words they would garble the excerpt."""
NOT_PAGES = frozenset({"assets", "data", "search", FOLDER, *paths.NOT_IN_NAV})
"""Top-level site folders that hold no pages to index beside the stories' own."""


class SearchError(RuntimeError):
    pass


@dataclass(frozen=True, slots=True)
class SearchPart:
    """One Pagefind index: a run of stories in date order."""

    number: int
    stories: tuple[str, ...]
    first: str | None
    last: str | None

    @property
    def folder(self) -> str:
        return f"{FOLDER}/{self.number}/"

    @property
    def label(self) -> str:
        count = plural(len(self.stories), "story", "stories")
        if self.first is None and self.last is None:
            return f"Undated stories ({count})"
        first, last = self.first or "undated", self.last or "undated"
        span = first if first == last else f"{first} to {last}"
        return f"{span} ({count})"


def parts(stories: Sequence[StoryMeta], size: int = PART_SIZE) -> tuple[SearchPart, ...]:
    """The stories cut into index parts in date order, oldest first (undated before dated).

    As few parts as ``size`` allows, of as even sizes as can be (the older parts take the odd
    stories), so that the newest part, the one searched first, holds at least half of ``size``
    whenever there is more than one.
    """
    if size < 1:
        raise ValueError(f"a search part holds at least one story, not {size}")
    ordered = sorted(stories, key=lambda meta: (meta.date is not None, meta.date or "", meta.id))
    count = max(1, -(-len(ordered) // size))
    base, extra = divmod(len(ordered), count)
    found: list[SearchPart] = []
    start = 0
    for number in range(1, count + 1):
        run = ordered[start : start + base + (1 if number <= extra else 0)]
        start += len(run)
        dates = [meta.date for meta in run if meta.date is not None]
        found.append(
            SearchPart(
                number,
                tuple(meta.id for meta in run),
                min(dates) if dates else None,
                max(dates) if dates else None,
            )
        )
    return tuple(found)


def markdown(found: Sequence[SearchPart]) -> str:
    """The search page: Pagefind's interface on the newest part, and a choice of the others."""
    newest_first = list(reversed(found))
    return front_matter(TITLE) + templates.render(
        "search.html",
        bundle=f"../{newest_first[0].folder}",
        # A part's label holds story dates, which are input: inert, like every input text of a page.
        parts=[(f"../{part.folder}", templates.markup(inert(part.label))) for part in newest_first],
        stories=plural(sum(len(part.stories) for part in found), "story", "stories"),
    )


def require_pagefind() -> None:
    binary = any(importlib.util.find_spec(name) for name in ("pagefind_bin_extended", "pagefind_bin"))
    if importlib.util.find_spec("pagefind") is None or not binary:
        raise SearchError(MISSING)


def part_glob(site: Path, part: SearchPart, newest: bool = True) -> str:
    """The files of one part: its stories' pages and, in the newest part (the one searched
    first), the pages outside the story folders, so that searching all parts finds them once.

    Story ids and page folder names are slugs (letters, digits, dashes), so they need no
    escaping in a glob.
    """
    folders = [f"stories/{story}" for story in part.stories]
    if newest:
        folders += sorted(
            entry.name
            for entry in site.iterdir()
            if entry.is_dir() and not entry.is_symlink() and entry.name not in NOT_PAGES
        )
    if not folders:
        # No story and no other page: the story list stands in, so the part still has an index
        # (Pagefind refuses to write an empty one) and the search page still works.
        return "index.html"
    if len(folders) == 1:
        return f"{folders[0]}/**/*.html"
    return "{" + ",".join(folders) + "}/**/*.html"


def index(site: Path, found: Sequence[SearchPart], only_missing: bool = False) -> None:
    """Index the built site in place, one Pagefind process per part; fails loudly, never
    half-silently. With ``only_missing``, parts that have an index already keep it."""
    require_pagefind()
    for part in found:
        output = site / part.folder
        if only_missing and (output / "pagefind-entry.json").is_file():
            continue
        command = [
            sys.executable,
            "-m",
            "pagefind",
            "--site",
            str(site),
            "--output-subdir",
            part.folder.rstrip("/"),
            "--glob",
            part_glob(site, part, newest=part.number == len(found)),
            "--exclude-selectors",
            SKIPPED,
            "--silent",
        ]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise SearchError(
                f"digest: Pagefind could not index {site} (search part {part.number}):\n"
                f"{result.stdout}{result.stderr}"
            )
