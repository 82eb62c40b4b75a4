from __future__ import annotations

from conftest import MakeArticle

from digest.compare import view
from digest.lenses.coverage import analyse, headlines
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
    assert data["outlets"]["a"] == {"alone": ["a-s3"], "blind_spots": [], "claims": 2}
    assert data["outlets"]["d"]["blind_spots"] == ["flood"]
    assert data["outlets"]["d"]["alone"] == ["d-s2"]


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
    assert rows["c"]["similarity"] < 0.5
    assert any(op[0] != "equal" for op in rows["c"]["diff"])


def test_no_articles_no_headlines() -> None:
    assert headlines([]) == {"reference": None, "rows": []}
