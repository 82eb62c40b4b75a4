"""Stage 4: group sentences of different outlets that state the same fact into claims.

Alignment is many-to-many: one outlet may pack two facts into a sentence that
another outlet spreads over two, so a sentence can sit in several claims and a
claim can hold several sentences of one outlet.

Precision comes first. A wrong link tells the reader two outlets agree when
they do not; a missing link only hides a comparison. Each candidate pair
(`digest.pairs`) is scored by a logistic model over its measurements: rarity-
weighted overlap of the whole sentences and of their clauses, shared quotations,
figures and word runs, conflicts (different figures, different quotations, one
saying a fact is unknown), and how far the pair falls short of each sentence's
best partner. The weights are fitted on real coverage by
``bench/fit_alignment.py`` and live in `digest.align_weights`. A sentence joins
an existing claim only when it is linked to one of its sentences and at least
weakly related to every other outlet's sentence in it; claims that turn out to
state one fact are then merged (a sentence stating two facts that other outlets
state apart keeps both claims), links between sentences the merge left in no
claim are grouped again, two sentences still in no claim that are each other's
strongest partner make one, and a sentence left out of every claim joins its
strongest partner's claim when it is weakly related to all of it. The pair
model reads each pair twice: once alone, then with how strongly its neighbours
(the sentences just before and just after both) are linked.
"""

from __future__ import annotations

import dataclasses
import hashlib
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache

from digest import align_weights
from digest.evidence import STOPWORDS, weight
from digest.ingest import slug
from digest.model import Article, Claim, Sentence
from digest.pairs import FEATURES, StoryEvidence, candidates, measure, prepare
from digest.text import tokens


@dataclass(frozen=True, slots=True)
class PairModel:
    """A logistic model over a pair's measurements and the two probabilities that use it.

    With a ``first`` model the measurements are `digest.pairs.FEATURES` and then
    `neighbours`, read from the first model's probabilities; without one, the
    features alone.
    """

    weights: tuple[float, ...]
    bias: float
    link: float
    """Lowest probability that links a pair outright."""
    weak: float
    """Lowest probability that lets a pair sit in one claim; it never starts one."""
    first: PairModel | None = None
    """The model over the features alone whose probabilities the neighbours measurement reads."""

    def probability(self, features: Sequence[float]) -> float:
        """Rounded to three decimals so that decisions are the same on every machine.

        Two conflicts veto a link whatever the overlap: one sentence saying a
        fact is unknown while the other states it, and two sentences quoting
        different words. Such a pair may still sit in a claim another link
        started (so a reprint's twin is not split off), but never starts one.
        """
        # A plain sum in the fixed order of the features: the same on every run.
        total = self.bias + sum([w * x for w, x in zip(self.weights, features, strict=True)])
        probability = round(1.0 / (1.0 + math.exp(-max(min(total, 50.0), -50.0))), 3)
        if features[_WITHHELD] or (features[_QUOTE_CONFLICT] and features[_QUOTE_COVER] < QUOTE_SAME):
            probability = min(probability, self.weak)
        return probability


_WITHHELD = FEATURES.index("withheld_conflict")
_QUOTE_CONFLICT = FEATURES.index("quote_conflict")
_QUOTE_COVER = FEATURES.index("quote_cover")
QUOTE_SAME = 0.5
"""Share of a quotation's word pairs the other sentence must carry for the two to quote one statement."""


MEASURES = (*FEATURES, "neighbours")
"""What the final model weighs: the pair's own measurements, then `neighbours`."""

MODEL = PairModel(
    weights=tuple(align_weights.WEIGHTS[name] for name in MEASURES),
    bias=align_weights.BIAS,
    link=align_weights.LINK,
    weak=align_weights.WEAK,
    first=PairModel(
        weights=tuple(align_weights.FIRST_WEIGHTS[name] for name in FEATURES),
        bias=align_weights.FIRST_BIAS,
        link=align_weights.LINK,
        weak=align_weights.WEAK,
    ),
)


MUTUAL = 0.5
"""Probability from which two sentences in no claim that are each other's strongest partner
make a claim of their own (`regroup`).

On the dev stories, with the neighbours stage, this raised leave-one-story-out recall from 0.400
to 0.432 at precision 0.882 → 0.869 (from 0.55: R 0.421, P 0.874; from 0.45: R 0.436, P 0.863).
Without that stage it had cost too much precision to keep."""

COHERENCE = 1.0
"""Share of the sentence pairs of two claims that must be related for the claims to merge."""

TWO_FACTS = 0.85
"""Link probability at which a sentence in two claims that cannot merge keeps both: its
strongest link into the claim it is less strongly linked to must reach it.

Such a sentence states two facts that the other outlets state apart ("X resigned on Friday,
citing Y" against "X resigned" and "Y was the reason"): the other claims' members are not all
related, so the claims are two facts, and a link this strong is rarely wrong. Below it the
sentence stays only in the claim it is more strongly linked to. On the dev stories, keeping every
such sentence in both claims raised recall by 0.04 and cost precision as much (leave-one-story-
out 0.888 → 0.846); from this probability it keeps precision (0.882) and lifts recall
(0.391 → 0.400) and the seed story (0.926 → 0.963)."""


PER_OUTLET = 4
"""Most sentences of one outlet a claim holds. Real coverage states a fact in one sentence, rarely
two or three (three at most in every dev, seed and synthetic story); text where every sentence
resembles every other would otherwise grow claims of hundreds, and their merging with the cube."""


@dataclass(frozen=True, slots=True)
class Link:
    """Two sentences of different articles judged to state one fact."""

    a: str
    b: str
    score: float


def states_a_fact(text: str) -> bool:
    """Whether a sentence can be a claim at all.

    A short question ("Who is the interim chief?") and a bare list of names
    ("Ann Lee, Bo Park and Cy Diaz") state nothing by themselves; linked on
    their shared words, they would make claims no reader could call a fact.
    """
    words = [t.text for t in tokens(text) if t.text[:1].isalnum()]
    if text.rstrip().endswith("?") and len(words) < 15:
        return False
    return any(word[:1].islower() and word.lower() not in STOPWORDS for word in words)


def links(articles: Sequence[Article], model: PairModel = MODEL, floor: float | None = None) -> list[Link]:
    """Every candidate pair whose probability reaches ``floor`` (``model.weak``), strongest first."""
    if floor is not None:
        model = dataclasses.replace(model, weak=floor)
    return _links(prepare(articles), model)


def measured(story: StoryEvidence) -> dict[tuple[str, str], tuple[float, ...]]:
    """The measurements of every candidate pair of sentences that state facts: what the model scores
    here and what ``bench/fit_alignment.py`` fits it on."""
    facts = {sid for sid, item in story.prepared.items() if states_a_fact(item.sentence.text)}
    return measure(story, [pair for pair in candidates(story) if pair[0] in facts and pair[1] in facts])


def neighbours(story: StoryEvidence, first: Mapping[tuple[str, str], float]) -> dict[tuple[str, str], float]:
    """For each pair, the stronger of two neighbouring pairs: the sentences just
    before both, and the sentences just after both.

    Outlets tend to tell an event's parts in a similar order, so a sentence
    pair whose neighbours state one fact is likelier to state one too, even when
    its own wording has drifted apart. On the real dev stories this lifts recall
    at the same precision. ``first`` holds the probabilities of the model over
    the pair's own measurements; a pair it does not hold counts as 0.
    """
    at = {(item.sentence.article, item.sentence.index): sid for sid, item in story.prepared.items()}

    def strength(article_a: str, index_a: int, article_b: str, index_b: int) -> float:
        a, b = at.get((article_a, index_a)), at.get((article_b, index_b))
        if a is None or b is None:
            return 0.0
        return first.get((a, b) if a < b else (b, a), 0.0)

    found = {}
    for a, b in first:
        one, two = story.prepared[a].sentence, story.prepared[b].sentence
        found[(a, b)] = max(
            strength(one.article, one.index - 1, two.article, two.index - 1),
            strength(one.article, one.index + 1, two.article, two.index + 1),
        )
    return found


def _links(story: StoryEvidence, model: PairModel) -> list[Link]:
    rows = measured(story)
    if model.first is not None:
        first = {pair: model.first.probability(features) for pair, features in rows.items()}
        near = neighbours(story, first)
        rows = {pair: (*features, near[pair]) for pair, features in rows.items()}
    found = []
    for pair, features in rows.items():
        probability = model.probability(features)
        if probability >= model.weak:
            found.append(Link(pair[0], pair[1], probability))
    found.sort(key=lambda link: (-link.score, link.a, link.b))
    return found


def _best_clause(story: StoryEvidence, sentence_id: str, others: set[str]) -> int:
    """Which clause of a sentence the other members of a claim state."""
    item = story.prepared[sentence_id]
    rare = story.rarity
    scores = []
    for position, (part, total) in enumerate(zip(item.clauses, item.clause_totals, strict=True)):
        shared = math.fsum(
            2
            * weight(part.terms & story.prepared[other].evidence.terms, rare)
            / ((total + story.prepared[other].total) or 1.0)
            for other in sorted(others)
        )
        scores.append((shared, -position))
    return -max(scores)[1]


def _coherent(members: set[str], related: Mapping[frozenset[str], float], share: float = COHERENCE) -> bool:
    """Whether at least ``share`` of the pairs of different outlets' sentences among ``members``
    are related: the test a merge of two claims and a sentence joining one both pass."""
    ordered = sorted(members)
    articles = [_article_of(member) for member in ordered]
    per_article = Counter(articles)
    if max(per_article.values(), default=0) > PER_OUTLET:
        return False
    allowed = 0.0
    if share < 1.0:
        total = len(ordered) * (len(ordered) - 1) // 2 - sum(n * (n - 1) // 2 for n in per_article.values())
        allowed = total - share * total
    # Counted pair by pair, stopping as soon as too many are unrelated: on text where every
    # sentence resembles every other, claims grow large and most merges are refused early.
    unrelated = 0
    for i, x in enumerate(ordered):
        for j in range(i + 1, len(ordered)):
            if articles[i] != articles[j] and frozenset((x, ordered[j])) not in related:
                unrelated += 1
                if unrelated > allowed:
                    return False
    return True


def merge(claims: Sequence[set[str]], story: StoryEvidence, related: Sequence[Link]) -> list[set[str]]:
    """One fact, one claim: a sentence stands in two claims only when it states two facts.

    It states two facts when the other members of each claim state different
    clauses of it. Otherwise the two claims may be one fact split by the order
    links were found in: they are merged when every pair of outlets' sentences
    in the union is at least weakly related (``related``). When not, they are
    two facts, and the sentence keeps both if its strongest link into the
    claim it is less strongly linked to reaches `TWO_FACTS`; otherwise it stays
    only in the claim it is more strongly linked to. Without the merge a reader
    would see an outlet "leave out" a fact it reports.
    """
    strength = {frozenset((link.a, link.b)): link.score for link in related}
    current = [set(claim) for claim in sorted(claims, key=lambda claim: sorted(claim))]
    holders: dict[str, list[int]] = {}
    for index, claim in enumerate(current):
        for sentence in claim:
            holders.setdefault(sentence, []).append(index)

    def pull(sentence: str, index: int) -> float:
        """How strongly the sentence is linked into the claim at ``index`` (itself not counted)."""
        key = (sentence, index, versions[index])
        if key not in pulls:
            # math.fsum is exactly rounded, so the order of the claim's members does not matter.
            pulls[key] = math.fsum(
                strength.get(frozenset((sentence, other)), 0.0) for other in current[index]
            )
        return pulls[key]

    def strongest_into(sentence: str, index: int) -> float:
        """The sentence's strongest link into the claim at ``index``."""
        key = (sentence, index, versions[index])
        if key not in strongest:
            strongest[key] = max(strength.get(frozenset((sentence, other)), 0.0) for other in current[index])
        return strongest[key]

    def coherent(first_index: int, second_index: int) -> bool:
        key = (first_index, second_index, versions[first_index], versions[second_index])
        if key not in unions:
            unions[key] = _coherent(current[first_index] | current[second_index], strength)
        return unions[key]

    # A pair of claims found to keep the sentence in both stays so until one of them changes:
    # remembered with the claims' versions, it is not weighed again each time the sentence is.
    versions = [0] * len(current)
    kept: set[tuple[str, int, int, int, int]] = set()
    pulls: dict[tuple[str, int, int], float] = {}
    strongest: dict[tuple[str, int, int], float] = {}
    unions: dict[tuple[int, int, int, int], bool] = {}

    def settle(sentence: str) -> set[str]:
        """Decide the first two claims holding ``sentence`` that need it; what changed."""
        holding = sorted(holders[sentence])
        for position, first_index in enumerate(holding):
            for second_index in holding[position + 1 :]:
                decided = (sentence, first_index, second_index, versions[first_index], versions[second_index])
                if decided in kept:
                    continue
                first, second = current[first_index], current[second_index]
                one, two = first - {sentence}, second - {sentence}
                if (
                    story.prepared[sentence].clauses
                    and one
                    and two
                    and _best_clause(story, sentence, one) != _best_clause(story, sentence, two)
                ):
                    kept.add(decided)
                    continue
                if coherent(first_index, second_index):
                    versions[first_index] += 1
                    versions[second_index] += 1
                    for member in second:
                        places = holders[member]
                        places.remove(second_index)
                        if first_index not in places:
                            places.append(first_index)
                    first.update(second)
                    second.clear()
                    return set(first)
                loser, loser_index = (
                    (second, second_index)
                    if pull(sentence, first_index) >= pull(sentence, second_index)
                    else (first, first_index)
                )
                if strongest_into(sentence, loser_index) >= TWO_FACTS:
                    kept.add(decided)
                    continue  # two facts the other outlets state apart: it stays in both
                versions[loser_index] += 1
                loser.discard(sentence)
                holders[sentence].remove(loser_index)
                return {sentence}
        return set()

    waiting = sorted(holders, reverse=True)
    queued = set(waiting)
    while waiting:
        sentence = waiting.pop()
        queued.discard(sentence)
        changed = settle(sentence)
        for member in sorted(changed | ({sentence} if changed else set()), reverse=True):
            if member not in queued:
                queued.add(member)
                waiting.append(member)
    return [claim for claim in current if len({_article_of(s) for s in claim}) >= 2]


def strongest(scored: Sequence[Link]) -> dict[str, Link]:
    """Each sentence's strongest link; ``scored`` is strongest first, ties in a fixed order."""
    best: dict[str, Link] = {}
    for link in scored:
        best.setdefault(link.a, link)
        best.setdefault(link.b, link)
    return best


def regroup(
    claims: Sequence[set[str]], story: StoryEvidence, scored: Sequence[Link], model: PairModel
) -> list[set[str]]:
    """Claims for sentences the grouping and merging left in no claim.

    A merge that keeps a sentence in one claim only can leave a claim with
    one outlet, which is dropped, and its other sentence may have had a link
    of its own elsewhere that was turned down while it sat in that claim. Links
    at ``model.link`` between two sentences that are now in no claim are
    grouped and merged again among themselves, so a fact two outlets state is
    not lost to the order the links were found in. Then two sentences still in
    no claim that are each other's strongest partner make a claim from
    `MUTUAL` up: no other sentence competes for either.
    """
    claimed = {sentence for claim in claims for sentence in claim}
    free = [link for link in scored if link.a not in claimed and link.b not in claimed]
    found = [link for link in free if link.score >= model.link]
    result = [*claims, *merge(group(found, free), story, free)] if found else list(claims)
    claimed.update(sentence for claim in result for sentence in claim)
    best = strongest(scored)
    for link in scored:
        if link.score < MUTUAL or link.a in claimed or link.b in claimed:
            continue
        if best[link.a] is link and best[link.b] is link:
            result.append({link.a, link.b})
            claimed.update((link.a, link.b))
    return result


def attach(claims: Sequence[set[str]], scored: Sequence[Link], model: PairModel) -> list[set[str]]:
    """Give a sentence left out of every claim the claim of its strongest partner.

    Grouping starts claims only from links at ``model.link``, so a sentence whose
    best link falls between ``model.weak`` and that is left out even when the
    sentence it matches is in a claim: an outlet that reports the fact in other
    words then looks as if it left it out. Such a sentence joins its strongest
    partner's claim when its outlet has no sentence there yet and it is related
    (a pair scoring at least ``model.weak``) to every sentence of the claim, the
    same test of coherence a merge makes. A vetoed pair is held at exactly
    ``model.weak`` and so never leads a sentence in. Per claim and outlet, the
    most strongly linked sentence joins.
    """
    current = [set(claim) for claim in claims]
    holder = {sentence: index for index, claim in enumerate(current) for sentence in sorted(claim)}
    related = {frozenset((link.a, link.b)): link.score for link in scored if link.score >= model.weak}
    best = strongest(scored)
    chosen: dict[tuple[int, str], tuple[float, str]] = {}
    for sentence, link in sorted(best.items()):
        partner = link.b if link.a == sentence else link.a
        if sentence in holder or partner not in holder or link.score <= model.weak:
            continue
        index = holder[partner]
        claim = current[index]
        article = _article_of(sentence)
        if any(_article_of(member) == article for member in claim):
            continue
        if not _coherent(claim | {sentence}, related, share=1.0):
            continue
        key = (index, article)
        if key not in chosen or (link.score, sentence) > chosen[key]:
            chosen[key] = (link.score, sentence)
    for (index, _), (_, sentence) in sorted(chosen.items()):
        current[index].add(sentence)
    return current


@lru_cache(maxsize=65536)
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
        if len(claim) - len(others) >= PER_OUTLET:
            return False
        return all(frozenset((sentence, member)) in related for member in others) and any(
            frozenset((sentence, member)) in linked for member in others
        )

    # The claims holding each sentence, in the order they were made: a link only ever concerns
    # claims that hold one of its sentences, so the others need not be looked at.
    holding: dict[str, list[int]] = {}
    for link in found:
        at_a, at_b = holding.get(link.a, []), holding.get(link.b, [])
        if not set(at_a).isdisjoint(at_b):
            continue
        joined = False
        for index in sorted({*at_a, *at_b}):
            claim = claims[index]
            for inside, outside in ((link.a, link.b), (link.b, link.a)):
                if inside in claim and fits(outside, claim):
                    claim.add(outside)
                    holding.setdefault(outside, []).append(index)
                    joined = True
                    break
            if joined:
                break
        if not joined:
            claims.append({link.a, link.b})
            holding.setdefault(link.a, []).append(len(claims) - 1)
            holding.setdefault(link.b, []).append(len(claims) - 1)
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


def choose_reference(
    members: Sequence[Sentence], found: Sequence[Link], taken: AbstractSet[str] = frozenset()
) -> Sentence:
    """The member most strongly linked to the others: the most central phrasing.

    A sentence already the reference of another claim (one stating two facts, which sits in
    both) is passed over when another member can serve, so that no two claims share a title.
    """
    strength = {member.id: 0.0 for member in members}
    ids = set(strength)
    for link in found:
        if link.a in ids and link.b in ids:
            strength[link.a] += link.score
            strength[link.b] += link.score
    free = [member for member in members if member.id not in taken] or list(members)
    return max(free, key=lambda s: (strength[s.id], -len(s.text), s.article, -s.index))


@dataclass(frozen=True, slots=True)
class Alignment:
    """A story's claims, and the sentences in no claim that another outlet may state too."""

    claims: tuple[Claim, ...]
    related: frozenset[str]
    """Sentences in no claim that are at least weakly related (probability `PairModel.weak`) to a
    sentence of another outlet: the other outlet may state the same fact in words the evidence
    could not confirm, so the sentence is not counted as reported by its outlet alone."""


def near_sentences(
    members: Sequence[str], by_sentence: Mapping[str, Sequence[Link]], articles: Sequence[Article]
) -> tuple[str, ...]:
    """For each outlet absent from a claim, its sentence most related to a member, when at least
    weakly related: the outlet may state the fact in other words, so it is not said to leave it out.

    On the dev stories, 51 of the 95 outlets said to leave a claim's fact out did report it in words
    the alignment could not confirm; at the weak probability 38 of those 51 have a related sentence
    (and in 30 of the 48 claims so marked the sentence found is a right one).
    """
    present = {_article_of(sid) for sid in members}
    best: dict[str, tuple[float, str]] = {}
    for member in members:
        for link in by_sentence.get(member, ()):
            other = link.b if link.a == member else link.a
            outlet = _article_of(other)
            if outlet in present:
                continue
            key = (-link.score, other)
            if outlet not in best or key < best[outlet]:
                best[outlet] = key
    return tuple(best[a.id][1] for a in articles if a.id in best)


def links_by_sentence(scored: Sequence[Link]) -> dict[str, list[Link]]:
    found: dict[str, list[Link]] = {}
    for link in scored:
        found.setdefault(link.a, []).append(link)
        found.setdefault(link.b, []).append(link)
    return found


def align(articles: Sequence[Article], model: PairModel = MODEL) -> tuple[Claim, ...]:
    """Claims of a story, in the reading order of their first sentence."""
    return align_story(articles, model).claims


def align_story(articles: Sequence[Article], model: PairModel = MODEL) -> Alignment:
    """Claims of a story, in the reading order of their first sentence, with what they leave open."""
    story = prepare(articles)
    candidates_found = _links(story, model)
    found = [link for link in candidates_found if link.score >= model.link]
    by_id = {s.id: s for article in articles for s in article.sentences}
    order = {sid: position for position, sid in enumerate(by_id)}
    claims: list[Claim] = []
    used: set[str] = set()
    references: set[str] = set()
    by_sentence = links_by_sentence(candidates_found)
    found_by_sentence = links_by_sentence(found)
    merged = regroup(
        merge(group(found, candidates_found), story, candidates_found), story, candidates_found, model
    )
    for members in attach(merged, candidates_found, model):
        ordered = _order(members, order)
        # Only links inside the claim weigh, in the order `found` has them (strongest first).
        inner = sorted(
            {
                link
                for sid in ordered
                for link in found_by_sentence.get(sid, ())
                if link.a in members and link.b in members
            },
            key=lambda link: (-link.score, link.a, link.b),
        )
        reference = choose_reference([by_id[sid] for sid in ordered], inner, references)
        references.add(reference.id)
        identifier = claim_id(reference)
        while identifier in used:
            identifier += "x"
        used.add(identifier)
        near = near_sentences(ordered, by_sentence, articles)
        claims.append(Claim(identifier, ordered, reference.id, near))
    claims.sort(key=lambda c: (order[c.sentences[0]], c.id))
    claimed = {sid for claim in claims for sid in claim.sentences}
    related = frozenset(sid for link in candidates_found for sid in (link.a, link.b) if sid not in claimed)
    return Alignment(tuple(claims), related)
