"""Stage 4: group sentences of different outlets that state the same fact into claims.

Alignment is many-to-many: one outlet may pack two facts into a sentence that
another outlet spreads over two, so a sentence can sit in several claims and a
claim can hold several sentences of one outlet.

Precision comes first. A wrong link tells the reader two outlets agree when
they do not; a missing link only hides a comparison. So a pair is linked only
on specific shared evidence (rare words, names, figures, quoted words, long
shared word runs), weighted by rarity within the story, and a sentence joins an
existing claim only when it is linked to one of its sentences and at least
weakly related to every other outlet's sentence in it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from digest.evidence import Evidence, Rarity, evidence, name_variants, rarity, specific, unify, weight
from digest.ingest import slug
from digest.model import Article, Claim, Sentence

LINK_THRESHOLD = 0.31
"""Lowest pair score that counts as stating the same fact."""
MIN_SHARED_TERMS = 2
"""Shared words beyond the story's topic words needed for a link: one is a coincidence."""
WEAK_SHARE = 0.7
"""A pair scoring this share of the threshold may sit in one claim, never start one."""
CONTAINMENT = 0.85
"""Weight of containment (the shorter sentence inside the longer) against symmetric overlap."""
CONTAIN_TERMS = 3
CONTAIN_MIN = 0.7
"""Containment counts only with this many shared terms covering this share of the shorter sentence."""
NUMBER_BONUS = 0.1
"""Added per shared precise figure (at most two)."""
WITHHELD_CONFLICT = 0.5
"""Factor for a pair where only one sentence says the fact is unknown or undisclosed."""
QUOTE_CONFLICT = 0.75
"""Factor for two sentences that both quote someone, with no quoted words in common."""
QUOTE_RUN = 3
"""Quoted words in common that identify one quotation."""
QUOTE_BONUS = 0.2
"""Added when the two sentences share a quotation."""
TEXT_RUN = 6
"""Words in a row in common that identify copied text."""
TEXT_BONUS = 0.15
"""Added when the two sentences share a run of `TEXT_RUN` words."""


@dataclass(frozen=True, slots=True)
class Link:
    """Two sentences of different articles judged to state one fact."""

    a: str
    b: str
    score: float


def _grams(words: Sequence[str], size: int) -> frozenset[tuple[str, ...]]:
    """Every run of ``size`` words: two texts share a run that long iff they share one of these."""
    return frozenset(tuple(words[i : i + size]) for i in range(len(words) - size + 1))


@dataclass(frozen=True, slots=True)
class _Prepared:
    """One sentence's evidence with what every pair comparison needs computed once."""

    evidence: Evidence
    total: float
    runs: frozenset[tuple[str, ...]]
    quoted: frozenset[tuple[str, ...]]
    figures: frozenset[str]


def _prepare(item: Evidence, rare: Rarity) -> _Prepared:
    quoted: set[tuple[str, ...]] = set()
    for quote in item.quotes:
        quoted.update(_grams(quote, QUOTE_RUN))
    return _Prepared(
        evidence=item,
        total=weight(item.terms, rare),
        runs=_grams(item.words, TEXT_RUN),
        quoted=frozenset(quoted),
        figures=frozenset(n for n in item.numbers if specific(n)),
    )


def _score(a: _Prepared, b: _Prepared, rare: Rarity) -> float:
    shared_terms = a.evidence.terms & b.evidence.terms
    if len(shared_terms - rare.topics) < MIN_SHARED_TERMS or not a.total or not b.total:
        return 0.0
    shared = weight(shared_terms, rare)
    dice = 2 * shared / (a.total + b.total)
    containment = shared / min(a.total, b.total)
    contained = len(shared_terms) >= CONTAIN_TERMS and containment >= CONTAIN_MIN
    score = max(dice, CONTAINMENT * containment) if contained else dice
    if not a.quoted.isdisjoint(b.quoted):
        score += QUOTE_BONUS
    if not a.runs.isdisjoint(b.runs):
        score += TEXT_BONUS
    score += NUMBER_BONUS * min(len(a.figures & b.figures), 2)
    if a.evidence.withheld != b.evidence.withheld:
        # "has not said how many" against a sentence that says how many: opposite claims.
        score *= WITHHELD_CONFLICT
    if a.quoted and b.quoted and a.quoted.isdisjoint(b.quoted):
        # Both quote someone and the quotations differ: different statements.
        score *= QUOTE_CONFLICT
    return score


def pair_score(a: Evidence, b: Evidence, rare: Rarity) -> float:
    """How strongly two sentences state the same fact, 0 (unrelated) and up.

    The base is a rarity-weighted overlap of content terms, taking the better
    of a symmetric measure (both sentences say the same) and containment (the
    shorter sentence is almost wholly inside the longer one, which packs more
    facts). A shared quotation, a long shared word run and shared precise
    figures add to it.
    """
    return _score(_prepare(a, rare), _prepare(b, rare), rare)


def links(articles: Sequence[Article], floor: float | None = None) -> list[Link]:
    """Every cross-article pair whose score reaches ``floor`` (the threshold), strongest first."""
    floor = LINK_THRESHOLD if floor is None else floor
    sentences = [s for article in articles for s in article.sentences]
    features = {s.id: evidence(s.text) for s in sentences}
    variants = name_variants(features.values())
    features = {sid: unify(item, variants) for sid, item in features.items()}
    rare = rarity(list(features.values()))
    prepared = {sid: _prepare(item, rare) for sid, item in features.items()}
    found: list[Link] = []
    for i, first in enumerate(sentences):
        mine = prepared[first.id]
        for second in sentences[i + 1 :]:
            if first.article == second.article:
                continue
            score = _score(mine, prepared[second.id], rare)
            if score >= floor:
                found.append(Link(first.id, second.id, score))
    found.sort(key=lambda link: (-link.score, link.a, link.b))
    return found


def _article_of(sentence_id: str) -> str:
    return sentence_id.rsplit("-s", 1)[0]


def group(found: Sequence[Link], weak: Sequence[Link] = ()) -> list[set[str]]:
    """Build claims from links, strongest first, without chaining unrelated sentences.

    A sentence joins a claim only if it is related to every member from
    another article: by a link, or by a ``weak`` link (a pair scoring at least
    `WEAK_SHARE` of the threshold) while also being linked outright to some
    member. That
    keeps A~B and B~C from asserting A~C when A and C share nothing, yet lets
    a reprint's twin sentence join where its copy already sits.
    """
    linked = {frozenset((link.a, link.b)) for link in found}
    related = linked | {frozenset((link.a, link.b)) for link in weak}
    claims: list[set[str]] = []

    def fits(sentence: str, claim: set[str]) -> bool:
        article = _article_of(sentence)
        others = [member for member in claim if _article_of(member) != article]
        return all(frozenset((sentence, member)) in related for member in others) and any(
            frozenset((sentence, member)) in linked for member in others
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
    candidates = links(articles, LINK_THRESHOLD * WEAK_SHARE)
    found = [link for link in candidates if link.score >= LINK_THRESHOLD]
    by_id = {s.id: s for article in articles for s in article.sentences}
    order = {sid: position for position, sid in enumerate(by_id)}
    claims: list[Claim] = []
    used: set[str] = set()
    for members in group(found, candidates):
        ordered = _order(members, order)
        reference = choose_reference([by_id[sid] for sid in ordered], found)
        identifier = claim_id(reference)
        while identifier in used:
            identifier += "x"
        used.add(identifier)
        claims.append(Claim(identifier, ordered, reference.id))
    claims.sort(key=lambda c: (order[c.sentences[0]], c.id))
    return tuple(claims)
