"""Stage 4: group sentences of different outlets that state the same fact into claims.

Alignment is many-to-many: one outlet may pack two facts into a sentence that
another outlet spreads over two, so a sentence can sit in several claims and a
claim can hold several sentences of one outlet.

Precision comes first. A wrong link tells the reader two outlets agree when
they do not; a missing link only hides a comparison. So a pair is linked only
on specific shared evidence (rare words, names, figures, quoted words, long
shared word runs), weighted by rarity within the story, and a sentence joins an
existing claim only when it is linked to every other outlet's sentence in it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from digest.evidence import Evidence, Rarity, evidence, name_variants, rarity, unify, weight
from digest.ingest import slug
from digest.model import Article, Claim, Sentence

LINK_THRESHOLD = 0.42
"""Lowest pair score that counts as stating the same fact."""
MIN_SHARED_TERMS = 2
"""A single shared word is a topic, never a fact."""
QUOTE_RUN = 3
"""Quoted words in common that identify one quotation."""
TEXT_RUN = 6
"""Words in a row in common that identify copied text."""


@dataclass(frozen=True, slots=True)
class Link:
    """Two sentences of different articles judged to state one fact."""

    a: str
    b: str
    score: float


def _longest_run(a: Sequence[str], b: Sequence[str]) -> int:
    """Length of the longest run of words the two sequences share (dynamic programming)."""
    if not a or not b:
        return 0
    best = 0
    previous = [0] * (len(b) + 1)
    for word in a:
        current = [0] * (len(b) + 1)
        for j, other in enumerate(b, 1):
            if word == other:
                current[j] = previous[j - 1] + 1
                if current[j] > best:
                    best = current[j]
        previous = current
    return best


def _quote_run(a: Evidence, b: Evidence) -> int:
    return max((_longest_run(qa, qb) for qa in a.quotes for qb in b.quotes), default=0)


def pair_score(a: Evidence, b: Evidence, rare: Rarity) -> float:
    """How strongly two sentences state the same fact, 0 (unrelated) and up.

    The base is a rarity-weighted overlap of content terms, taking the better
    of a symmetric measure (both sentences say the same) and containment (the
    shorter sentence is wholly inside the longer one, which packs more facts).
    Shared quotations, long shared word runs and shared figures add to it.
    """
    shared_terms = a.terms & b.terms
    if len(shared_terms) < MIN_SHARED_TERMS:
        return 0.0
    shared = weight(shared_terms, rare)
    total_a, total_b = weight(a.terms, rare), weight(b.terms, rare)
    if not total_a or not total_b:
        return 0.0
    dice = 2 * shared / (total_a + total_b)
    containment = shared / min(total_a, total_b)
    score = max(dice, 0.75 * containment) if len(shared_terms) >= 4 else dice
    if _quote_run(a, b) >= QUOTE_RUN:
        score += 0.2
    if _longest_run(a.words, b.words) >= TEXT_RUN:
        score += 0.15
    score += 0.1 * min(len(a.numbers & b.numbers), 2)
    return score


def links(articles: Sequence[Article]) -> list[Link]:
    """Every cross-article pair whose score reaches the threshold, strongest first."""
    sentences = [s for article in articles for s in article.sentences]
    features = {s.id: evidence(s.text) for s in sentences}
    variants = name_variants(features.values())
    features = {sid: unify(item, variants) for sid, item in features.items()}
    rare = rarity(list(features.values()))
    found: list[Link] = []
    for i, first in enumerate(sentences):
        for second in sentences[i + 1 :]:
            if first.article == second.article:
                continue
            score = pair_score(features[first.id], features[second.id], rare)
            if score >= LINK_THRESHOLD:
                found.append(Link(first.id, second.id, score))
    found.sort(key=lambda link: (-link.score, link.a, link.b))
    return found


def _article_of(sentence_id: str) -> str:
    return sentence_id.rsplit("-s", 1)[0]


def group(found: Sequence[Link]) -> list[set[str]]:
    """Build claims from links, strongest first, without chaining unlinked sentences.

    A sentence joins a claim only if it is linked to every member from another
    article; otherwise the link starts a claim of its own. That keeps A~B and
    B~C from asserting A~C when A and C do not say the same thing.
    """
    linked = {frozenset((link.a, link.b)) for link in found}
    claims: list[set[str]] = []

    def fits(sentence: str, claim: set[str]) -> bool:
        article = _article_of(sentence)
        return all(
            frozenset((sentence, member)) in linked for member in claim if _article_of(member) != article
        )

    for link in found:
        if any(link.a in claim and link.b in claim for claim in claims):
            continue
        joined = False
        for claim in claims:
            for inside, outside in ((link.a, link.b), (link.b, link.a)):
                if inside in claim and fits(outside, claim):
                    claim.add(outside)
                    joined = True
                    break
            if joined:
                break
        if not joined:
            claims.append({link.a, link.b})
    return [claim for claim in claims if len({_article_of(s) for s in claim}) >= 2]


def _order(sentence_ids: set[str], order: dict[str, int]) -> tuple[str, ...]:
    return tuple(sorted(sentence_ids, key=lambda sid: order[sid]))


def claim_id(reference: Sentence) -> str:
    """An id that depends only on the reference sentence, so URLs survive unrelated edits."""
    # Each word is capped so that a run-on "word" cannot make a file name longer
    # than file systems allow (255 bytes); real words are far shorter.
    words = [word[:30] for word in slug(reference.text).split("-")[:6]]
    digest = hashlib.sha1(f"{reference.article}\n{reference.text}".encode()).hexdigest()[:6]
    return f"{'-'.join(words)}-{digest}"


def choose_reference(members: Sequence[Sentence], found: Sequence[Link]) -> Sentence:
    """The member most strongly linked to the others: the most central phrasing."""
    strength = {member.id: 0.0 for member in members}
    ids = set(strength)
    for link in found:
        if link.a in ids and link.b in ids:
            strength[link.a] += link.score
            strength[link.b] += link.score
    return max(members, key=lambda s: (strength[s.id], -len(s.text), s.article, -s.index))


def align(articles: Sequence[Article]) -> tuple[Claim, ...]:
    """Claims of a story, in the reading order of their first sentence."""
    found = links(articles)
    by_id = {s.id: s for article in articles for s in article.sentences}
    order = {sid: position for position, sid in enumerate(by_id)}
    claims: list[Claim] = []
    used: set[str] = set()
    for members in group(found):
        ordered = _order(members, order)
        reference = choose_reference([by_id[sid] for sid in ordered], found)
        identifier = claim_id(reference)
        while identifier in used:
            identifier += "x"
        used.add(identifier)
        claims.append(Claim(identifier, ordered, reference.id))
    claims.sort(key=lambda c: (order[c.sentences[0]], c.id))
    return tuple(claims)
