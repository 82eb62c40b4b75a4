"""The indexes that keep the lenses linear find exactly what comparing every pair finds.

Each test draws text from a small vocabulary, so that many pairs come close to
the thresholds, and compares the indexed result with the plain pairwise
definition written out here.
"""

from __future__ import annotations

import random

from conftest import MakeArticle
from rapidfuzz.distance import Indel, LCSseq, Levenshtein

from digest.evidence import Evidence, name_key, name_variants
from digest.lenses import quotes, reuse
from digest.lenses.quotes import SAME_QUOTE, Passage

VOCABULARY = "harbour crane council night shift budget pier anchor divers said the a of on".split()


def _sentence(rng: random.Random, low: int = 1, high: int = 14) -> tuple[str, ...]:
    return tuple(rng.choice(VOCABULARY) for _ in range(rng.randrange(low, high)))


def _pairwise_rewritten(a: list[tuple[str, ...]], b: list[tuple[str, ...]]) -> float:
    total = sum(len(s) for s in a)
    found = 0
    for sentence in a:
        best = 0
        for other in b:
            if Indel.normalized_similarity(sentence, other) >= reuse.SENTENCE_MATCH:
                best = max(best, int(LCSseq.similarity(sentence, other)))
        found += best
    return found / total if total else 0.0


def test_rewritten_share_matches_every_pair_compared() -> None:
    rng = random.Random(11)
    for _ in range(60):
        a = [_sentence(rng) for _ in range(rng.randrange(1, 40))]
        b = [_sentence(rng) for _ in range(rng.randrange(1, 40))]
        assert reuse.rewritten_share(a, b) == _pairwise_rewritten(a, b)


def _pairwise_parts(found: list[Passage]) -> list[list[int]]:
    parent = list(range(len(found)))

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i in range(len(found)):
        for j in range(i + 1, len(found)):
            if quotes._same_quote(found[i], found[j]):
                parent[root(j)] = root(i)
    groups: dict[int, list[int]] = {}
    for i in range(len(found)):
        groups.setdefault(root(i), []).append(i)
    parts = []
    for group in groups.values():
        rest = list(group)
        while rest:
            quote = max(rest, key=lambda i: (len(found[i].words), -i))
            longest = found[quote].words
            same = [
                i for i in rest if i == quote or quotes.in_order_share(longest, found[i].words) >= SAME_QUOTE
            ]
            parts.append(same)
            rest = [i for i in rest if i not in same]
    return sorted(parts)


def test_quotation_groups_match_every_pair_compared() -> None:
    rng = random.Random(12)
    merged = 0
    for _ in range(40):
        found = [
            Passage("a", f"s{n}", " ".join(words), words, None)
            for n, words in enumerate(_sentence(rng, 2, 16) for _ in range(rng.randrange(2, 60)))
        ]
        near = quotes._near(found)
        groups = quotes._groups(found, near)
        indexed = sorted(part for group in groups for part in quotes._split(group, found, near))
        assert indexed == _pairwise_parts(found)
        merged += sum(len(part) > 1 for part in indexed)
    assert merged > 20  # the draws do make quotations of several passages


def test_long_passages_match_without_a_shared_four_word_run(make_article: MakeArticle) -> None:
    # Every fourth word differs, so no four words in a row are shared, yet 75% are in order.
    one_words = "the harbour crane will return to the night shift on the pier by friday".split()
    other_words = [w if i % 4 != 3 else "quite" for i, w in enumerate(one_words)]
    assert quotes._longest_run(one_words, other_words) == 3
    one, other = " ".join(one_words), " ".join(other_words)
    articles = [
        make_article("a", [f"\u201c{one},\u201d the manager said."]),
        make_article("b", [f"\u201c{other},\u201d the manager said."]),
    ]
    data = quotes.analyse(articles)
    assert len(data["quotes"]) == 1
    assert [c["status"] for c in data["quotes"][0]["carriers"]] == ["verbatim", "altered"]


def _pairwise_variants(names: set[str]) -> dict[str, str]:
    spellings: dict[str, set[str]] = {}
    for name in names:
        frame = name_key(name)[1:]
        spellings.setdefault(frame if len(frame) >= 3 else name, set()).add(name)
    frames = sorted(spellings)
    parent = {f: f for f in frames}

    def root(f: str) -> str:
        while parent[f] != f:
            f = parent[f]
        return f

    long_frames = [f for f in frames if len(f) >= 5]
    for i, first in enumerate(long_frames):
        for second in long_frames[i + 1 :]:
            if Levenshtein.distance(first, second) <= 1:
                parent[root(second)] = root(first)
    groups: dict[str, set[str]] = {}
    for f in frames:
        groups.setdefault(root(f), set()).update(spellings[f])
    variants: dict[str, str] = {}
    for group in groups.values():
        if len(group) > 1:
            canonical = min(group)
            variants.update({n: canonical for n in group if n != canonical})
    return variants


def test_name_variants_match_every_pair_compared() -> None:
    rng = random.Random(13)
    for _ in range(100):
        names: set[str] = set()
        for _ in range(30):
            letters = list("".join(rng.choice("bdgklmnprstvz") + rng.choice("aeiou") for _ in range(6)))
            for _ in range(rng.randrange(1, 4)):
                changed = list(letters)
                at = rng.randrange(len(changed))
                edit = rng.randrange(3)
                if edit == 0:
                    changed[at] = rng.choice("bdgklmnprstvz")
                elif edit == 1:
                    del changed[at]
                else:
                    changed.insert(at, rng.choice("bdgklmnprstvz"))
                names.add("".join(changed))
        items = [Evidence(frozenset(), frozenset(names), frozenset(), (), ())]
        expected = _pairwise_variants(names)
        assert name_variants(items) == expected
        assert expected  # the draw does make variants, so the comparison means something
