"""Candidate sentence pairs of a story and the measurements alignment decides on.

Only pairs of different articles that share a specific term (a word that is not
one of the story's topic words) are candidates: a pair sharing none cannot be
linked, and an inverted index finds the rest without comparing every sentence
with every other, so the cost grows with the number of real candidates rather
than with the square of the story's length.

Each candidate gets a fixed vector of measurements (`FEATURES`). Sums over
sets go through `math.fsum` and the one library function whose last bit may
differ between platforms (a logarithm) is rounded, so the measurements are the
same on every machine and under every hash seed.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from digest.clauses import clauses
from digest.evidence import Evidence, Rarity, evidence, name_variants, rarity, specific, unify, weight
from digest.model import Article, Sentence

FEATURES = (
    "dice",
    "containment",
    "shared_terms",
    "clause_dice",
    "quote",
    "quote_cover",
    "figures",
    "figure_conflict",
    "withheld_conflict",
    "quote_conflict",
    "word_run",
    "position_gap",
    "length",
    "overlap_gap_near",
    "overlap_gap_far",
    "clause_gap_near",
    "clause_gap_far",
)
"""The measurements of a pair, in the order of their weights in `digest.align_weights`."""

QUOTE_RUN = 3
"""Quoted words in a row in common that identify one quotation."""
RUN_CAP = 8
"""Longest shared word run measured; longer runs say nothing more."""
BLOCK_CAP = 120
"""A term found in more sentences than this does not propose candidates (it still scores them).

In a real story such a term is a topic word anyway; in a pathological one it
would make candidate generation quadratic.
"""
MIN_SHARED_TERMS = 2
"""Specific terms two sentences must share to be compared (a shared word run counts as enough)."""
CANDIDATE_RUN = 4
"""Words in a row in common that make two sentences a candidate pair whatever the words."""
SLIGHT = 0.15
SLIGHT_QUOTE = 0.5
"""Below this overlap (of sentences and clauses), this share of a quotation and with no run
of four words in common, a candidate is not measured: on the real dev stories 2 of 900 such
pairs reached the probability that lets a pair join a claim, and none the link probability."""
PRECISION = 4
"""Decimals the sentence-length measurement is rounded to."""


@dataclass(frozen=True, slots=True)
class Prepared:
    """One sentence's evidence with what every comparison needs computed once."""

    sentence: Sentence
    evidence: Evidence
    total: float
    quoted: frozenset[tuple[str, ...]]
    figures: frozenset[str]
    clauses: tuple[Evidence, ...]
    clause_totals: tuple[float, ...]
    position: float
    size: float
    """``log1p`` of the number of terms: long sentences share words by chance."""
    grams: tuple[frozenset[tuple[str, ...]], ...]
    """Word runs of two, three and four words: two texts share a run that long iff they share one."""
    quote_pairs: tuple[frozenset[tuple[str, ...]], ...]
    """The word pairs of each quotation of three words or more."""


def _runs(words: Sequence[str], size: int) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(words[i : i + size]) for i in range(len(words) - size + 1))


@dataclass(frozen=True, slots=True)
class StoryEvidence:
    """Everything the pair measurements of one story share."""

    prepared: dict[str, Prepared]
    rarity: Rarity


def prepare(articles: Sequence[Article]) -> StoryEvidence:
    """Evidence of every sentence, names unified across the story, rarity counted over it."""
    sentences = [s for article in articles for s in article.sentences]
    found = {s.id: evidence(s.text) for s in sentences}
    parts = {s.id: tuple(evidence(part) for part in clauses(s.text)) for s in sentences}
    variants = name_variants(found.values())
    found = {sid: unify(item, variants) for sid, item in found.items()}
    parts = {sid: tuple(unify(item, variants) for item in items) for sid, items in parts.items()}
    rare = rarity(list(found.values()))
    lengths = {article.id: len(article.sentences) for article in articles}
    prepared = {}
    for sentence in sentences:
        item = found[sentence.id]
        quoted: set[tuple[str, ...]] = set()
        for quote in item.quotes:
            quoted.update(_runs(quote, QUOTE_RUN))
        span = max(lengths[sentence.article] - 1, 1)
        prepared[sentence.id] = Prepared(
            sentence=sentence,
            evidence=item,
            total=weight(item.terms, rare),
            quoted=frozenset(quoted),
            figures=frozenset(n for n in item.numbers if specific(n)),
            clauses=parts[sentence.id],
            clause_totals=tuple(weight(part.terms, rare) for part in parts[sentence.id]),
            position=sentence.index / span,
            size=round(math.log1p(len(item.terms)), PRECISION),
            grams=tuple(_runs(item.words, size) for size in (2, 3, 4)),
            quote_pairs=tuple(_runs(quote, 2) for quote in item.quotes if len(quote) >= 3),
        )
    return StoryEvidence(prepared, rare)


def candidates(story: StoryEvidence) -> list[tuple[str, str]]:
    """Pairs of sentences of different articles with enough in common to be compared, in order.

    Enough is `MIN_SHARED_TERMS` specific terms, or one run of `CANDIDATE_RUN`
    words whatever the words (a quotation such as "tell me who you are" is made
    of function words). On the real dev stories, pairs sharing a single term
    reach a link probability of 0.3 twice in 3,700 cases: comparing them would
    only cost time.
    """
    postings: dict[str | tuple[str, ...], list[str]] = defaultdict(list)
    for sid, item in story.prepared.items():
        for term in item.evidence.terms - story.rarity.topics:
            postings[term].append(sid)
        for run in item.grams[CANDIDATE_RUN - 2]:
            postings[run].append(sid)
    article = {sid: item.sentence.article for sid, item in story.prepared.items()}
    shared: dict[tuple[str, str], int] = defaultdict(int)
    for key, ids in postings.items():
        if len(ids) > BLOCK_CAP:
            continue
        votes = MIN_SHARED_TERMS if isinstance(key, tuple) else 1
        for position, first in enumerate(ids):
            for second in ids[position + 1 :]:
                if article[second] != article[first]:
                    shared[(first, second) if first < second else (second, first)] += votes
    return sorted(pair for pair, count in shared.items() if count >= MIN_SHARED_TERMS)


def _dice(a: Evidence, b: Evidence, total_a: float, total_b: float, rare: Rarity) -> float:
    if not total_a or not total_b:
        return 0.0
    return 2 * weight(a.terms & b.terms, rare) / (total_a + total_b)


def _clause_dice(a: Prepared, b: Prepared, rare: Rarity) -> float:
    """The best overlap of any clause (or the whole sentence) of one with any of the other."""
    left = a.clauses or (a.evidence,)
    left_totals = a.clause_totals or (a.total,)
    right = b.clauses or (b.evidence,)
    right_totals = b.clause_totals or (b.total,)
    best = 0.0
    for x, tx in zip(left, left_totals, strict=True):
        for y, ty in zip(right, right_totals, strict=True):
            best = max(best, _dice(x, y, tx, ty, rare))
    return best


def _word_run(a: Prepared, b: Prepared) -> int:
    """The longest run of words the two sentences share, up to `RUN_CAP`.

    Runs of two to four words are looked up in the precomputed sets; a shared
    four-word run, which is rare, is extended word by word from where it stands.
    """
    for size, (mine, theirs) in zip((2, 3, 4), zip(a.grams, b.grams, strict=True), strict=True):
        if mine.isdisjoint(theirs):
            return size - 1 if size > 2 else 0
    shared = a.grams[2] & b.grams[2]
    left, right = a.evidence.words, b.evidence.words
    starts: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for j in range(len(right) - 3):
        run = tuple(right[j : j + 4])
        if run in shared:
            starts[run].append(j)
    longest = 4
    for i in range(len(left) - 3):
        for j in starts.get(tuple(left[i : i + 4]), ()):
            size = 4
            while size < RUN_CAP and i + size < len(left) and j + size < len(right):
                if left[i + size] != right[j + size]:
                    break
                size += 1
            longest = max(longest, size)
    return longest


def _quote_cover(a: Prepared, b: Prepared) -> float:
    """The largest share of one sentence's quotation whose word pairs the other sentence has.

    Outlets quoting one statement trim it, abbreviate a title or drop a word
    ("I feel very badly for Gen. Flynn" / "I feel badly for General Flynn"), and
    one may carry a short quotation inside a longer one; a share of word pairs
    survives all of these where an exact run does not.
    """
    best = 0.0
    for mine, other in ((a, b), (b, a)):
        for pairs in mine.quote_pairs:
            best = max(best, len(pairs & other.grams[0]) / len(pairs))
    return best


def _overlap(a: Prepared, b: Prepared, rare: Rarity) -> tuple[float, float, int]:
    """Symmetric overlap, containment and the count of shared specific terms."""
    shared_terms = a.evidence.terms & b.evidence.terms
    if not a.total or not b.total:
        return 0.0, 0.0, 0
    shared = weight(shared_terms, rare)
    return (
        2 * shared / (a.total + b.total),
        shared / min(a.total, b.total),
        len(shared_terms - rare.topics),
    )


def measure(
    story: StoryEvidence, pairs: Sequence[tuple[str, str]]
) -> dict[tuple[str, str], tuple[float, ...]]:
    """The `FEATURES` of every pair, the gap features relative to each sentence's best partner."""
    rare = story.rarity
    base: dict[tuple[str, str], list[float]] = {}
    best_overlap: dict[tuple[str, str], float] = defaultdict(float)
    best_clause: dict[tuple[str, str], float] = defaultdict(float)
    for pair in pairs:
        a, b = story.prepared[pair[0]], story.prepared[pair[1]]
        dice, containment, shared_terms = _overlap(a, b, rare)
        clause_dice = max(dice, _clause_dice(a, b, rare)) if a.clauses or b.clauses else dice
        quote_cover = _quote_cover(a, b) if a.quote_pairs or b.quote_pairs else 0.0
        if clause_dice < SLIGHT and quote_cover < SLIGHT_QUOTE and a.grams[2].isdisjoint(b.grams[2]):
            continue
        both_quote = bool(a.quoted and b.quoted)
        row = [
            dice,
            containment,
            float(shared_terms),
            clause_dice,
            float(not a.quoted.isdisjoint(b.quoted)),
            quote_cover,
            float(min(len(a.figures & b.figures), 2)),
            float(bool(a.figures and b.figures and a.figures.isdisjoint(b.figures))),
            float(a.evidence.withheld != b.evidence.withheld),
            float(both_quote and a.quoted.isdisjoint(b.quoted)),
            float(_word_run(a, b)),
            abs(a.position - b.position),
            a.size + b.size,
        ]
        base[pair] = row
        for mine, other in ((a, b), (b, a)):
            key = (mine.sentence.id, other.sentence.article)
            best_overlap[key] = max(best_overlap[key], row[0])
            best_clause[key] = max(best_clause[key], row[3])
    measured = {}
    for pair, row in base.items():
        a, b = story.prepared[pair[0]], story.prepared[pair[1]]
        to_b, to_a = (a.sentence.id, b.sentence.article), (b.sentence.id, a.sentence.article)
        # How far the pair falls short of each sentence's best partner in the other
        # article, the nearer and the farther of the two: a fact is usually stated
        # once per article, so a pair that is neither sentence's best is suspect.
        overlap = sorted((row[0] - best_overlap[to_b], row[0] - best_overlap[to_a]), reverse=True)
        clause = sorted((row[3] - best_clause[to_b], row[3] - best_clause[to_a]), reverse=True)
        gaps = [*overlap, *clause]
        measured[pair] = tuple(row + gaps)
    return measured
