"""Lenses: ways of showing *how* outlets differ, on top of the aligned claims.

Each lens is a module with one job and an ``analyse`` function returning
JSON-ready data (plain dicts, lists, strings and numbers, in a fixed order);
`apply` runs them all once per story and `digest.model.Story.lenses` keeps the
result under each lens's name, which the JSON export and the pages read.
"""

from __future__ import annotations

from collections.abc import Sequence
from collections.abc import Set as AbstractSet

from digest.lenses import attribution, coverage, names, numbers_lens, quotes, reuse
from digest.model import Article, ClaimView

NAMES = ("attribution", "coverage", "names", "numbers", "quotes", "reuse")


def apply(
    articles: Sequence[Article],
    views: Sequence[ClaimView],
    related: AbstractSet[str] = frozenset(),
    credited: attribution.Data | None = None,
) -> dict[str, object]:
    """Every lens's results for one story, keyed by lens name. The quotation lens credits speakers
    as the attribution lens does, from the same data (``credited``, when the caller has it)."""
    credited = attribution.analyse(articles) if credited is None else credited
    return {
        "attribution": credited,
        "coverage": coverage.analyse(articles, views, related),
        "names": names.analyse(articles),
        "numbers": numbers_lens.analyse(articles, views),
        "quotes": quotes.analyse(articles, credited=credited),
        "reuse": reuse.analyse(articles),
    }
