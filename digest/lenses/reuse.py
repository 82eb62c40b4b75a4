"""Text reuse: how much of one article's text another article also carries.

Twelve reprints of one wire story are one account, not twelve confirmations.
Reuse is measured sentence by sentence: each sentence of article A is paired
with the most similar sentence of B, and when the two are close enough to be
one text lightly edited (word similarity at least `SENTENCE_MATCH`) the words
they have in common, in order, count as A's text found in B. This survives the
light rewriting reprints get (a word swapped, a clause moved) that exact
n-grams miss. Verbatim reuse, the share of A's words inside word 8-grams that
B also has, is given beside it, and ``reuse[A][B]`` is the larger of the two
(a long quotation both carry counts even inside sentences written apart). It
is not symmetric: a short article can sit whole inside a long one.

Levels, measured on the larger of the two directions:
``reprint`` from `REPRINT` (the same copy, lightly edited: reprints measure
0.86 to 0.97 on the test stories), ``shared copy`` from `SHARED_COPY` (one text
rewritten from the other or from a common source), below that independent
(independently written coverage of one event measures at most 0.12).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypedDict

from rapidfuzz.distance import Indel, LCSseq

from digest.model import Article
from digest.text import words

SENTENCE_MATCH = 0.5
"""Word similarity from which two sentences count as one text edited."""
NGRAM = 8
"""Words in a row that count as copied verbatim."""
REPRINT = 0.6
SHARED_COPY = 0.25


class PairData(TypedDict):
    a: str
    b: str
    a_in_b: float
    b_in_a: float
    level: str
    """``reprint``, ``shared copy`` or ``independent``."""


class Data(TypedDict):
    articles: list[str]
    reuse: list[list[float]]
    """``reuse[i][j]``: share of article i's words found in article j."""
    verbatim: list[list[float]]
    pairs: list[PairData]
    groups: list[list[str]]
    """Articles joined by reprints or shared copy: each group is one account."""
    accounts: int
    thresholds: dict[str, float]


def _sentences(article: Article) -> list[tuple[str, ...]]:
    return [ws for ws in (words(s.text) for s in article.sentences) if ws]


def rewritten_share(a: Sequence[tuple[str, ...]], b: Sequence[tuple[str, ...]]) -> float:
    """Share of the words of ``a`` that closely matching sentences of ``b`` carry, in order."""
    total = sum(len(sentence) for sentence in a)
    if not total:
        return 0.0
    found = 0
    for sentence in a:
        best = 0
        for other in b:
            if Indel.normalized_similarity(sentence, other) >= SENTENCE_MATCH:
                best = max(best, int(LCSseq.similarity(sentence, other)))
        found += best
    return found / total


def verbatim_share(a: Sequence[tuple[str, ...]], b: Sequence[tuple[str, ...]], size: int = NGRAM) -> float:
    """Share of the words of ``a`` inside runs of ``size`` words that ``b`` also has."""
    flat_a = [w for s in a for w in s]
    flat_b = [w for s in b for w in s]
    if not flat_a:
        return 0.0
    grams = {tuple(flat_b[i : i + size]) for i in range(len(flat_b) - size + 1)}
    covered = [False] * len(flat_a)
    for i in range(len(flat_a) - size + 1):
        if tuple(flat_a[i : i + size]) in grams:
            covered[i : i + size] = [True] * size
    return sum(covered) / len(flat_a)


def level(share: float) -> str:
    if share >= REPRINT:
        return "reprint"
    if share >= SHARED_COPY:
        return "shared copy"
    return "independent"


def analyse(articles: Sequence[Article]) -> Data:
    texts = [_sentences(a) for a in articles]
    ids = [a.id for a in articles]
    size = len(articles)
    verbatim = [
        [1.0 if i == j else round(verbatim_share(texts[i], texts[j]), 4) for j in range(size)]
        for i in range(size)
    ]
    reuse = [
        [max(verbatim[i][j], round(rewritten_share(texts[i], texts[j]), 4)) for j in range(size)]
        for i in range(size)
    ]
    pairs: list[PairData] = []
    parent = list(range(size))

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i in range(size):
        for j in range(i + 1, size):
            kind = level(max(reuse[i][j], reuse[j][i]))
            pairs.append(
                {"a": ids[i], "b": ids[j], "a_in_b": reuse[i][j], "b_in_a": reuse[j][i], "level": kind}
            )
            if kind != "independent":
                parent[root(j)] = root(i)
    groups: dict[int, list[str]] = {}
    for i in range(size):
        groups.setdefault(root(i), []).append(ids[i])
    return {
        "articles": ids,
        "reuse": reuse,
        "verbatim": verbatim,
        "pairs": pairs,
        "groups": [groups[k] for k in sorted(groups) if len(groups[k]) > 1],
        "accounts": len(groups),
        "thresholds": {"sentence_match": SENTENCE_MATCH, "reprint": REPRINT, "shared_copy": SHARED_COPY},
    }
