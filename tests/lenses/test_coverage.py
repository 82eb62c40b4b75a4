from __future__ import annotations

from conftest import MakeArticle

from digest.compare import view
from digest.lenses.coverage import analyse, facts, headlines
from digest.model import Claim


def test_alone_and_blind_spots(make_article: MakeArticle) -> None:
    a = make_article("a", ["The dam burst at dawn.", "Ten homes flooded.", "The mayor resigned."])
    b = make_article("b", ["The dam burst early on Monday.", "Ten houses were flooded."])
    c = make_article("c", ["A dam burst on Monday.", "Ten homes were flooded."])
    d = make_article("d", ["The dam gave way.", "Fishing is banned."])
    claims = [
        view(Claim("burst", ("a-s1", "b-s1", "c-s1", "d-s1"), "a-s1"), [a, b, c, d]),
        view(Claim("flood", ("a-s2", "b-s2", "c-s2"), "a-s2"), [a, b, c, d]),
    ]
    data = analyse([a, b, c, d], claims)
    assert data["outlets"]["a"] == {"alone": ["a-s3"], "unconfirmed": [], "blind_spots": [], "claims": 2}
    assert data["outlets"]["d"]["blind_spots"] == ["flood"]
    assert data["outlets"]["d"]["alone"] == ["d-s2"]


def test_a_related_sentence_is_neither_alone_nor_a_blind_spot(make_article: MakeArticle) -> None:
    a = make_article("a", ["The dam burst at dawn.", "Ten homes flooded.", "He added,"])
    b = make_article("b", ["The dam burst early on Monday.", "Ten houses were flooded."])
    c = make_article("c", ["A dam burst on Monday.", "Water reached ten homes."])
    articles = [a, b, c]
    claims = [
        view(Claim("burst", ("a-s1", "b-s1", "c-s1"), "a-s1"), articles),
        view(Claim("flood", ("a-s2", "b-s2"), "a-s2", near=("c-s2",)), articles),
    ]
    data = analyse(articles, claims, related=frozenset({"c-s2"}))
    assert claims[1].missing == ()
    assert data["outlets"]["c"] == {"alone": [], "unconfirmed": ["c-s2"], "blind_spots": [], "claims": 1}
    # A fragment that states nothing is not a fact only one outlet reports.
    assert data["outlets"]["a"]["alone"] == []


def test_a_fact_of_a_minority_is_no_blind_spot(make_article: MakeArticle) -> None:
    articles = [make_article(x, [f"Sentence of {x}."]) for x in "abcde"]
    claim = view(Claim("pair", ("a-s1", "b-s1"), "a-s1"), articles)
    data = analyse(articles, [claim])
    # Two of the four other outlets is half of them: a blind spot; a claim of one outlet never is.
    assert data["outlets"]["c"]["blind_spots"] == ["pair"]
    six = [*articles, make_article("f", ["Sentence of f."])]
    assert analyse(six, [view(claim.claim, six)])["outlets"]["c"]["blind_spots"] == []


def test_headlines_are_compared_with_the_most_typical(make_article: MakeArticle) -> None:
    articles = [
        make_article("a", ["x"], headline="Dam bursts in Lorn valley"),
        make_article("b", ["x"], headline="Dam bursts in Lorn valley, ten homes flooded"),
        make_article("c", ["x"], headline="Valley disaster: who is to blame?"),
    ]
    data = headlines(articles)
    assert data["reference"] in {"a", "b"}
    rows = {r["article"]: r for r in data["rows"]}
    assert rows[data["reference"]]["similarity"] == 1.0
    own = {a.id: a.headline for a in articles}[data["reference"]]
    assert rows[data["reference"]]["diff"] == [["equal", own]]
    assert rows["c"]["similarity"] < 0.5
    assert any(op[0] != "equal" for op in rows["c"]["diff"])


def test_no_articles_no_headlines() -> None:
    assert headlines([]) == {"reference": None, "rows": []}


def test_claims_sharing_a_sentence_are_two_facts(make_article: MakeArticle) -> None:
    """Alignment puts a sentence in two claims only when it states two facts the other outlets
    state apart: an outlet in one claim does not report the other's fact."""
    a = make_article("a", ["The dam burst at dawn on Monday."])
    b = make_article("b", ["The dam burst at dawn on Monday and the valley was evacuated by noon."])
    c = make_article("c", ["The valley was evacuated by noon."])
    d = make_article("d", ["Fishing is banned."])
    articles = [a, b, c, d]
    claims = [
        view(Claim("burst", ("a-s1", "b-s1"), "a-s1"), articles),
        view(Claim("evacuated", ("b-s1", "c-s1"), "c-s1"), articles),
    ]
    data = analyse(articles, claims)
    assert data["outlets"]["c"]["blind_spots"] == ["burst"]
    assert data["outlets"]["a"]["blind_spots"] == ["evacuated"]
    assert data["outlets"]["d"]["blind_spots"] == ["burst", "evacuated"]
    assert data["outlets"]["b"]["claims"] == 2


def test_claims_with_nearly_the_same_reference_wording_are_one_fact(make_article: MakeArticle) -> None:
    a = make_article("a", ["Ten homes in the valley were flooded on Monday night."])
    b = make_article("b", ["Ten homes in the valley were flooded on Monday."])
    c = make_article("c", ["Ten homes in the valley were flooded overnight."])
    d = make_article("d", ["Ten homes in the valley flooded on Monday night."])
    e = make_article("e", ["Fishing is banned."])
    articles = [a, b, c, d, e]
    claims = [
        view(Claim("one", ("a-s1", "b-s1"), "a-s1"), articles),
        view(Claim("two", ("d-s1", "c-s1"), "d-s1"), articles),
    ]
    assert [[v.claim.id for v in fact] for fact in facts(claims)] == [["one", "two"]]
    data = analyse(articles, claims)
    assert data["outlets"]["e"]["blind_spots"] == ["one"]
    assert data["outlets"]["c"]["blind_spots"] == []


def test_different_facts_stay_apart(make_article: MakeArticle) -> None:
    a = make_article("a", ["The dam burst at dawn.", "The mayor resigned on Tuesday."])
    b = make_article("b", ["The dam burst early.", "The mayor quit on Tuesday."])
    claims = [
        view(Claim("burst", ("a-s1", "b-s1"), "a-s1"), [a, b]),
        view(Claim("mayor", ("a-s2", "b-s2"), "a-s2"), [a, b]),
    ]
    assert len(facts(claims)) == 2


def test_the_index_of_summaries_proposes_every_pair_similar_enough_to_be_one_fact() -> None:
    """Prefix filtering must find every pair that comparing all pairs would, repeats included."""
    import itertools
    import random

    from rapidfuzz.distance import Indel

    from digest.lenses.coverage import SAME_FACT, _similar_candidates

    rng = random.Random(7)
    words = "the council will meet again on day to vote said mayor a of in".split()
    base = [rng.choice(words) for _ in range(12)]
    keys = []
    for _ in range(120):
        variant = list(base)
        for _ in range(rng.randrange(4)):
            variant[rng.randrange(len(variant))] = rng.choice([*words, "x", "y", "z"])
        if rng.random() < 0.3:
            variant.append(rng.choice(words))
        keys.append(variant)
    proposed = set(_similar_candidates(keys))
    similar = 0
    for i, j in itertools.combinations(range(len(keys)), 2):
        shorter, longer = sorted((len(keys[i]), len(keys[j])))
        if shorter >= SAME_FACT * longer and Indel.normalized_similarity(keys[i], keys[j]) >= SAME_FACT:
            similar += 1
            assert (i, j) in proposed
    assert similar > 100
