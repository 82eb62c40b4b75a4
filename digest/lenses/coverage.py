"""Coverage: what each outlet alone reports, what it leaves out that most others report, and headlines.

A fact only one outlet gives may be a scoop or an embellishment; a fact most
outlets give and one leaves out is that outlet's blind spot. Both come from
the claims alignment already found. Headlines are compared with the most
typical headline, the one closest to all the others, so each diff shows how
an outlet framed the story rather than how it differs from an arbitrary pick.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypedDict

from digest.compare import word_diff
from digest.model import Article, ClaimView

BLIND_SPOT_SHARE = 0.5
"""A claim is a blind spot of an outlet that leaves it out when at least this share of the other
outlets (and at least two) report it."""


class OutletData(TypedDict):
    alone: list[str]
    """Sentence ids of facts no other outlet reports."""
    blind_spots: list[str]
    """Claim ids most other outlets report and this one does not."""
    claims: int


class HeadlineRow(TypedDict):
    article: str
    similarity: float
    diff: list[list[str]]


class HeadlineData(TypedDict):
    reference: str | None
    rows: list[HeadlineRow]


class Data(TypedDict):
    outlets: dict[str, OutletData]
    headlines: HeadlineData


def blind_spots(article_id: str, views: Sequence[ClaimView], outlets: int) -> list[str]:
    others = outlets - 1
    return [
        view.claim.id
        for view in views
        if article_id in view.missing
        and len(view.outlets) >= 2
        and len(view.outlets) >= BLIND_SPOT_SHARE * others
    ]


def headlines(articles: Sequence[Article]) -> HeadlineData:
    if not articles:
        return {"reference": None, "rows": []}

    def closeness(article: Article) -> float:
        return sum(
            word_diff(article.headline, other.headline)[1] for other in articles if other is not article
        )

    reference = max(articles, key=lambda a: (closeness(a), -articles.index(a)))
    rows: list[HeadlineRow] = []
    for article in articles:
        ops, similarity = word_diff(reference.headline, article.headline)
        rows.append(
            {
                "article": article.id,
                "similarity": round(similarity, 4),
                "diff": [[op.kind, op.ref, op.out] for op in ops],
            }
        )
    return {"reference": reference.id, "rows": rows}


def analyse(articles: Sequence[Article], views: Sequence[ClaimView]) -> Data:
    shared = {sid for view in views for sid in view.claim.sentences}
    outlets: dict[str, OutletData] = {}
    for article in articles:
        outlets[article.id] = {
            "alone": [s.id for s in article.sentences if s.id not in shared],
            "blind_spots": blind_spots(article.id, views, len(articles)),
            "claims": sum(1 for view in views if article.id in view.outlets),
        }
    return {"outlets": outlets, "headlines": headlines(articles)}
