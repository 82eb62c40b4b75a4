"""Coverage: what each outlet alone reports, what it leaves out that most others report, and headlines.

A fact only one outlet gives may be a scoop or an embellishment; a fact most
outlets give and one leaves out is that outlet's blind spot. Both come from
the claims alignment already found. Headlines are compared with the most
typical headline, the one closest to all the others, so each diff shows how
an outlet framed the story rather than how it differs from an arbitrary pick.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from typing import TypedDict

from rapidfuzz.distance import Indel

from digest.align import states_a_fact
from digest.compare import to_row, word_diff
from digest.model import Article, ClaimView
from digest.text import tokens

SAME_FACT = 0.8
"""Token similarity of two claims' reference phrasings at which they are one fact stated twice."""
BLIND_SPOT_SHARE = 0.5
"""A claim is a blind spot of an outlet that leaves it out when at least this share of the other
outlets (and at least two) report it."""


class OutletData(TypedDict):
    alone: list[str]
    """Sentence ids of facts no other outlet reports: in no claim, and related to no other outlet's
    sentence (a fragment such as "He added," states no fact and is left out)."""
    unconfirmed: list[str]
    """Sentence ids in no claim that are weakly related to another outlet's sentence
    (`digest.align.Alignment.related`): perhaps the same fact in other words, not counted as alone."""
    blind_spots: list[str]
    """Claim ids most other outlets report and this one does not, one per distinct fact."""
    claims: int
    """Distinct facts this outlet states that another outlet states too."""


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


CANDIDATES_PER_CLAIM = 200
"""Summaries compared with each summary at most: only text made of one sentence repeated reaches it."""


def _similar_candidates(keys: Sequence[Sequence[str]]) -> list[tuple[int, int]]:
    """Pairs of summaries that can be `SAME_FACT` similar, without comparing every pair.

    Two word sequences that similar match all but ``1 - SAME_FACT * (1 + SAME_FACT) / 2`` of
    either one's words, so the rarest word they share is among the rarest few distinct words
    of each (prefix filtering): an index of those words proposes every pair that can pass.
    """
    counts: dict[str, int] = {}
    for words in keys:
        for word in set(words):
            counts[word] = counts.get(word, 0) + 1
    share = SAME_FACT * (1 + SAME_FACT) / 2
    postings: dict[str, list[int]] = {}
    for index, words in enumerate(keys):
        distinct = sorted(set(words), key=lambda word: (counts[word], word))
        # At most this many of its distinct words can be missing from a similar summary.
        prefix = math.floor(len(words) * (1 - share)) + 1
        for word in distinct[:prefix]:
            postings.setdefault(word, []).append(index)
    pairs: set[tuple[int, int]] = set()
    proposed = [0] * len(keys)
    for word in sorted(postings):
        members = postings[word]
        for position, first in enumerate(members):
            for second in members[position + 1 :]:
                if proposed[first] >= CANDIDATES_PER_CLAIM:
                    break
                if (first, second) not in pairs:
                    pairs.add((first, second))
                    proposed[first] += 1
    return sorted(pairs)


def facts(views: Sequence[ClaimView]) -> list[list[ClaimView]]:
    """Claims grouped into distinct facts, in claim order.

    Alignment may state one fact as two claims: two claims whose reference
    phrasings are nearly the same words in the same order are one fact. Counting
    per fact keeps an outlet that reports the fact under the other claim from
    being charged with leaving it out, and a fact from being listed twice. Two
    claims that share a sentence are not joined: alignment puts a sentence in two
    claims only when it states two facts the other outlets state apart, so an
    outlet in one of them does not report the other's fact.
    """
    parent = list(range(len(views)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(i: int, j: int) -> None:
        a, b = root(i), root(j)
        if a != b:
            parent[max(a, b)] = min(a, b)

    keys = [[t.key for t in tokens(view.summary)] for view in views]
    for i, j in _similar_candidates(keys):
        if root(i) == root(j):
            continue
        shorter, longer = sorted((len(keys[i]), len(keys[j])))
        if shorter >= SAME_FACT * longer and Indel.normalized_similarity(keys[i], keys[j]) >= SAME_FACT:
            join(i, j)
    groups: dict[int, list[ClaimView]] = {}
    for i, view in enumerate(views):
        groups.setdefault(root(i), []).append(view)
    return [groups[key] for key in sorted(groups)]


def blind_spots(
    article_id: str, views: Sequence[ClaimView], outlets: int, grouped: list[list[ClaimView]] | None = None
) -> list[str]:
    """One claim id per distinct fact that most other outlets report and this one does not."""
    others = outlets - 1
    found: list[str] = []
    for fact in facts(views) if grouped is None else grouped:
        reporting = {aid for view in fact for aid in view.outlets}
        if (
            article_id not in reporting
            and any(article_id in view.missing for view in fact)
            and len(reporting) >= 2
            and len(reporting) >= BLIND_SPOT_SHARE * others
        ):
            found.append(fact[0].claim.id)
    return found


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
                "diff": [to_row(op) for op in ops],
            }
        )
    return {"reference": reference.id, "rows": rows}


def analyse(
    articles: Sequence[Article], views: Sequence[ClaimView], related: AbstractSet[str] = frozenset()
) -> Data:
    shared = {sid for view in views for sid in view.claim.sentences}
    grouped = facts(views)
    outlets: dict[str, OutletData] = {}
    for article in articles:
        unclaimed = [s for s in article.sentences if s.id not in shared]
        outlets[article.id] = {
            "alone": [s.id for s in unclaimed if s.id not in related and states_a_fact(s.text)],
            "unconfirmed": [s.id for s in unclaimed if s.id in related],
            "blind_spots": blind_spots(article.id, views, len(articles), grouped),
            "claims": sum(1 for fact in grouped if any(article.id in view.outlets for view in fact)),
        }
    return {"outlets": outlets, "headlines": headlines(articles)}
