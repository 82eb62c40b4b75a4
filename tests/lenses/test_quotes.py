from __future__ import annotations

from conftest import MakeArticle

from digest.lenses.quotes import CarrierData, Data, analyse

QUOTE = "The bridge is safe for cars but not for lorries until the spring"


def _carriers(data: Data, index: int = 0) -> dict[str, CarrierData]:
    return {c["article"]: c for c in data["quotes"][index]["carriers"]}


def test_verbatim_trimmed_altered_and_reported(make_article: MakeArticle) -> None:
    articles = [
        make_article("a", [f"Engineer Jo Marsh said: \u201c{QUOTE}.\u201d"]),
        make_article("b", [f"\u201c{QUOTE},\u201d Marsh told reporters."]),
        make_article("c", ["Marsh said the bridge was \u201csafe for cars but not for lorries\u201d."]),
        make_article(
            "d", ["Marsh said: \u201cThe bridge is safe for cars but not for trucks until spring.\u201d"]
        ),
        make_article(
            "e", ["Marsh said the bridge was safe for cars, though lorries must wait until spring."]
        ),
        make_article("f", ["Traffic was light on the coast road."]),
    ]
    data = analyse(articles)
    assert len(data["quotes"]) == 1
    carriers = _carriers(data)
    assert {k: v["status"] for k, v in carriers.items()} == {
        "a": "verbatim",
        "b": "verbatim",
        "c": "trimmed",
        "d": "altered",
        "e": "reported",
    }
    assert data["quotes"][0]["missing"] == ["f"]
    assert carriers["a"]["diff"] == []
    changed = [op for op in carriers["d"]["diff"] if op[0] != "equal"]
    assert ["replace", "lorries ", "trucks "] in changed
    assert data["quotes"][0]["speakers_differ"] is False


def test_edge_articles_do_not_break_a_verbatim_quote(make_article: MakeArticle) -> None:
    articles = [
        make_article("a", ["The council sent \u201ca very small team\u201d north."]),
        make_article("b", ["The council sent a \u201cvery small team\u201d north."]),
    ]
    assert {c["status"] for c in analyse(articles)["quotes"][0]["carriers"]} == {"verbatim"}


def test_a_quote_credited_to_different_people_is_flagged(make_article: MakeArticle) -> None:
    articles = [
        make_article("a", ["\u201cWe will not pay the ransom,\u201d Mayor Tom Reyes said."]),
        make_article("b", ["\u201cWe will not pay the ransom,\u201d police chief Ana Ruiz said."]),
    ]
    quote = analyse(articles)["quotes"][0]
    assert quote["speakers_differ"] is True
    assert quote["speakers"] == ["Tom Reyes", "Ana Ruiz"]  # by last name


def test_one_speaker_named_differently_is_not_flagged(make_article: MakeArticle) -> None:
    articles = [
        make_article("a", ["\u201cWe will not pay the ransom,\u201d Mayor Tom Reyes said."]),
        make_article("b", ["Mr Reyes said: \u201cWe will not pay the ransom.\u201d"]),
    ]
    assert analyse(articles)["quotes"][0]["speakers_differ"] is False


def test_a_continued_quotation_keeps_its_speaker(make_article: MakeArticle) -> None:
    article = make_article(
        "a",
        [
            "Ms Ruiz said: \u201cThe pumps failed twice.",
            "\u201cSo the crews worked through the night to keep the tunnel dry.\u201d",
        ],
    )
    quotes = analyse([article])["quotes"]
    assert [q["carriers"][0]["speaker"] for q in quotes] == ["Ruiz", "Ruiz"]


def test_a_one_word_scare_quote_is_not_followed(make_article: MakeArticle) -> None:
    assert analyse([make_article("a", ['Officials counted "dozens" of boats.'])])["quotes"] == []


def test_different_quotations_stay_apart(make_article: MakeArticle) -> None:
    articles = [
        make_article("a", ["\u201cThe harbour reopens on Monday,\u201d she said."]),
        make_article("b", ["\u201cFishing boats must stay moored,\u201d she said."]),
    ]
    assert len(analyse(articles)["quotes"]) == 2


def test_one_speaker_spelled_two_ways_is_not_flagged(make_article: MakeArticle) -> None:
    articles = [
        make_article("a", ["\u201cThis was a transaction, not a vote,\u201d said Oleh Havryliuk."]),
        make_article("b", ["\u201cThis was a transaction, not a vote,\u201d said Oleg Gavrilyuk."]),
    ]
    quote = analyse(articles)["quotes"][0]
    assert quote["speakers"] == ["Oleg Gavrilyuk", "Oleh Havryliuk"]
    assert quote["speakers_differ"] is False
