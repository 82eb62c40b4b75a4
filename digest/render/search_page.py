"""Search with Pagefind: a search page in the site's look, and the index built after the site.

Pagefind indexes the finished HTML into small fragments, so one query
downloads a few hundred kilobytes however many stories there are (a single
search index, downloaded whole, grows with every story). Only what sits
inside ``data-pagefind-body`` is indexed, and blocks repeated on many pages
(legends, pagers, lists of other pages) carry ``data-pagefind-ignore``.
Pagefind ships as a binary inside the ``pagefind`` wheel, a dependency of Parallax.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

from digest.render import templates
from digest.render.markup import front_matter

PATH = "search.md"
TITLE = "Search"
MISSING = (
    "digest: search needs Pagefind, which installs with Parallax: pip install 'pagefind[extended]' "
    "(or set the digest plugin's option pagefind: false)"
)


class SearchError(RuntimeError):
    pass


def markdown() -> str:
    """The search page: Pagefind's interface, loaded from the index folder next to the page."""
    return front_matter(TITLE) + templates.render("search.html", bundle="../pagefind/")


def require_pagefind() -> None:
    binary = any(importlib.util.find_spec(name) for name in ("pagefind_bin_extended", "pagefind_bin"))
    if importlib.util.find_spec("pagefind") is None or not binary:
        raise SearchError(MISSING)


def index(site: Path) -> None:
    """Index the built site in place (``site/pagefind/``); fails loudly, never half-silently."""
    require_pagefind()
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--silent"]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SearchError(f"digest: Pagefind could not index {site}:\n{result.stdout}{result.stderr}")
