"""Text reuse: how much of one article's text another article also carries.

Twelve reprints of one wire story are one account, not twelve confirmations.
Reuse is measured sentence by sentence: each sentence of article A is paired
with the most similar sentence of B, and when the two are close enough to be
one text lightly edited (word similarity at least `SENTENCE_MATCH`) the words
they have in common, in order, count as A's text found in B. This survives the
light rewriting reprints get (a word swapped, a clause moved) that exact
n-grams miss. Verbatim reuse, the share of A's words inside word 8-grams that
B also has, is given beside it, and ``reuse[A][B]`` is the larger of the two.
Words inside quotation marks are left out of both: two outlets quoting one
statement have not copied each other. It is not symmetric: a short article can
sit whole inside a long one.

Levels, measured on the larger of the two directions:
``reprint`` from `REPRINT` (the same copy, lightly edited: reprints measure
0.86 to 0.97 on the test stories), ``shared copy`` from `SHARED_COPY` (one text
rewritten from the other or from a common source), below that independent
(independently written coverage of one event measures at most 0.12).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TypedDict

from rapidfuzz.distance import Indel, LCSseq

from digest.lenses.quoting import masked
from digest.model import Article
from digest.text import words

SENTENCE_MATCH = 0.5
"""Word similarity from which two sentences count as one text edited."""
NGRAM = 8
"""Words in a row that count as copied verbatim."""
REPRINT = 0.6
SHARED_COPY = 0.25
MAX_CANDIDATES = 200
"""Sentences of other articles compared with each sentence, at most: far more than a story's
articles have sentences alike, so only text made to repeat itself reaches it."""


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
    """The outlet's own words of each sentence: words inside quotation marks are the speaker's,
    and two outlets quoting one statement have not copied each other."""
    return [ws for ws in (words(masked(s.text)) for s in article.sentences) if ws]


def _tokens(sentence: Sequence[str]) -> list[tuple[str, int]]:
    """Each word with its occurrence number in the sentence, so that shared tokens count shared words."""
    seen: Counter[str] = Counter()
    found = []
    for word in sentence:
        seen[word] += 1
        found.append((word, seen[word]))
    return found


class _Index:
    """The distinct sentences of every article, found by the words they contain."""

    def __init__(self, texts: Sequence[Sequence[tuple[str, ...]]]) -> None:
        numbers: dict[tuple[str, ...], int] = {}
        self.sentences: list[tuple[str, ...]] = []
        self.postings: dict[tuple[str, int], dict[int, list[int]]] = {}
        self.sizes: dict[tuple[str, int], int] = {}
        for article, sentences in enumerate(texts):
            for sentence in dict.fromkeys(sentences):
                number = numbers.setdefault(sentence, len(numbers))
                if number == len(self.sentences):
                    self.sentences.append(sentence)
                for token in set(_tokens(sentence)):
                    self.postings.setdefault(token, {}).setdefault(article, []).append(number)
                    self.sizes[token] = self.sizes.get(token, 0) + 1

    def candidates(self, sentence: tuple[str, ...], article: int) -> list[tuple[int, int]]:
        """(article, sentence number) of the other articles' sentences that can be
        `SENTENCE_MATCH` similar to ``sentence``; at most `MAX_CANDIDATES`.

        Similarity of at least one half needs a common subsequence of a third of
        the sentence's words or more, so any two-thirds of its words plus one
        include a shared one: the rarest are looked up, which keeps the look-up
        short. When more sentences qualify than the limit (text made of one
        sentence repeated with small changes), those sharing the rarest words
        are kept, so the cost stays linear in the text.
        """
        tokens = sorted(_tokens(sentence), key=lambda t: (self.sizes.get(t, 0), t))
        needed = -(-len(sentence) // 3)
        found: dict[tuple[int, int], None] = {}
        for token in tokens[: len(tokens) - needed + 1]:
            for other, numbers in self.postings.get(token, {}).items():
                if other == article:
                    continue
                for number in numbers:
                    found[(other, number)] = None
                    if len(found) >= MAX_CANDIDATES:
                        return list(found)
        return list(found)


def _rewritten(texts: Sequence[Sequence[tuple[str, ...]]]) -> list[list[float]]:
    """``shares[i][j]``: share of the words of article i that closely matching sentences of j carry."""
    index = _Index(texts)
    shares = [[0.0] * len(texts) for _ in texts]
    for article, sentences in enumerate(texts):
        total = sum(len(sentence) for sentence in sentences)
        if not total:
            continue
        carried: dict[tuple[str, ...], dict[int, int]] = {}
        found: Counter[int] = Counter()
        for sentence in sentences:
            if sentence not in carried:
                best: dict[int, int] = {}
                measured: dict[int, int] = {}
                for other, number in index.candidates(sentence, article):
                    if number not in measured:
                        candidate = index.sentences[number]
                        close = Indel.normalized_similarity(sentence, candidate) >= SENTENCE_MATCH
                        measured[number] = int(LCSseq.similarity(sentence, candidate)) if close else 0
                    best[other] = max(best.get(other, 0), measured[number])
                carried[sentence] = best
            found.update(carried[sentence])
        for other, words_found in found.items():
            shares[article][other] = words_found / total
    return shares


def rewritten_share(a: Sequence[tuple[str, ...]], b: Sequence[tuple[str, ...]]) -> float:
    """Share of the words of ``a`` that closely matching sentences of ``b`` carry, in order."""
    return _rewritten([a, b])[0][1]


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
    rewritten = _rewritten(texts)
    reuse = [
        [1.0 if i == j else max(verbatim[i][j], round(rewritten[i][j], 4)) for j in range(size)]
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
