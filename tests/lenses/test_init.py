from __future__ import annotations

import json

from conftest import build_article

from digest.compare import view
from digest.lenses import NAMES, apply
from digest.model import Article, Claim


def _articles() -> tuple[Article, ...]:
    return (
        build_article(
            "a", ["Mayor Tom Reyes said 300 homes flooded.", "The river allegedly rose overnight."]
        ),
        build_article("b", ["Roughly 300 homes flooded, Reyes told reporters.", "Kiev sent help."]),
        build_article("c", []),
    )


def test_every_lens_runs_and_is_json_ready() -> None:
    articles = _articles()
    claims = (view(Claim("homes", ("a-s1", "b-s1"), "a-s1"), articles),)
    result = apply(articles, claims)
    assert tuple(sorted(result)) == NAMES
    first = json.dumps(result, sort_keys=True)
    assert first == json.dumps(apply(articles, claims), sort_keys=True)
    assert json.loads(first)["numbers"]["claims"]["homes"][0]["qualifiers"] == ["exact", "roughly"]


def test_a_story_without_articles() -> None:
    result = apply((), ())
    assert result["reuse"] == {
        "articles": [],
        "reuse": [],
        "verbatim": [],
        "pairs": [],
        "groups": [],
        "accounts": 0,
        "thresholds": {"sentence_match": 0.5, "reprint": 0.6, "shared_copy": 0.25},
    }
    assert result["coverage"] == {"outlets": {}, "headlines": {"reference": None, "rows": []}}
    assert result["quotes"] == {"quotes": []}
