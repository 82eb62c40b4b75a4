from __future__ import annotations

from conftest import MakeArticle

from digest.lenses import attribution
from digest.lenses.quotes import SAME_QUOTE, CarrierData, Data, QuoteData, analyse, collect, in_order_share

QUOTE = "The bridge is safe for cars but not for lorries until the spring"


def _quote_starting(data: Data, opening: str) -> QuoteData:
    return next(q for q in data["quotes"] if q["text"].startswith(opening))


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


def test_another_sentence_by_the_same_speaker_is_a_different_quotation(make_article: MakeArticle) -> None:
    """Two outlets quoting different sentences that share a stock phrase are not one quotation
    carried "with changes": each quotation stands on its own."""
    articles = [
        make_article(
            "a",
            ["\u201cI feel very sorry for the families who lost their homes in the flood,\u201d Reyes said."],
        ),
        make_article(
            "b",
            ["\u201cI feel very sorry for the way this council was treated by the press,\u201d Reyes said."],
        ),
    ]
    data = analyse(articles)
    assert len(data["quotes"]) == 2
    assert [[c["status"] for c in q["carriers"]] for q in data["quotes"]] == [["verbatim"], ["verbatim"]]
    assert [q["missing"] for q in data["quotes"]] == [["b"], ["a"]]


def test_the_same_quotation_with_a_word_changed_is_altered(make_article: MakeArticle) -> None:
    articles = [
        make_article(
            "a", ["\u201cWe will rebuild every house that the water took from us,\u201d Reyes said."]
        ),
        make_article(
            "b", ["\u201cWe will rebuild each house that the flood took from us,\u201d Reyes said."]
        ),
    ]
    data = analyse(articles)
    assert len(data["quotes"]) == 1
    assert {c["article"]: c["status"] for c in data["quotes"][0]["carriers"]}["b"] == "altered"


def test_in_order_share_counts_words_in_order_over_the_shorter() -> None:
    long = "we will rebuild every house that the water took".split()
    assert in_order_share(long, "rebuild every house".split()) == 1.0
    assert in_order_share(long, "house every rebuild".split()) == 1 / 3
    assert in_order_share(long, []) == 0.0
    assert SAME_QUOTE >= 0.6


def test_a_chain_of_close_versions_does_not_join_two_different_quotations(make_article: MakeArticle) -> None:
    """Matching is pairwise; each version must match the longest version itself."""
    first = "the bridge will open in May and the tolls will be scrapped for local drivers"
    middle = "the tolls will be scrapped for local drivers"
    last = "the tolls will be scrapped for local drivers who work in the port and for the buses"
    articles = [
        make_article("a", [f"Reyes said: \u201c{first}.\u201d"]),
        make_article("b", [f"Reyes said: \u201c{middle}.\u201d"]),
        make_article("c", [f"Reyes said: \u201c{last}.\u201d"]),
    ]
    data = analyse(articles)
    assert all(c["status"] != "altered" for q in data["quotes"] for c in q["carriers"])


def test_titles_of_programmes_and_plans_are_not_quotations(make_article: MakeArticle) -> None:
    sentence = (
        "Lee said on the network\u2019s \u201cMorning Report\u201d that the \u201cClean Rivers\u201d plan was"
        " \u201cdead on arrival in the senate.\u201d"
    )
    found = collect([make_article("a", [sentence])])
    assert [p.text for p in found] == ["dead on arrival in the senate."]


def test_a_named_subject_takes_over_from_the_last_speaker(make_article: MakeArticle) -> None:
    article = make_article(
        "a",
        [
            "\u201cWe will rebuild every house,\u201d Mayor Tom Reyes said.",
            "Governor Ana Ruiz also praised the \u201cquiet courage of the crews\u201d on Sunday.",
            "\u201cThey never stopped,\u201d she said.",
        ],
    )
    assert [p.speaker for p in collect([article])] == ["Tom Reyes", "Ana Ruiz", "Ana Ruiz"]


def test_an_initialism_with_or_without_full_stops_is_the_same_quotation(make_article: MakeArticle) -> None:
    articles = [
        make_article("a", ["\u201cThe F.B.I. has the whole file and will act on it,\u201d Reyes said."]),
        make_article("b", ["\u201cThe FBI has the whole file and will act on it,\u201d Reyes said."]),
    ]
    carriers = _carriers(analyse(articles))
    assert {k: v["status"] for k, v in carriers.items()} == {"a": "verbatim", "b": "verbatim"}


def test_a_shortened_title_is_the_same_quotation(make_article: MakeArticle) -> None:
    articles = [
        make_article("a", ["\u201cWe owe Gen. Ruiz and Sen. Lee an apology,\u201d Reyes said."]),
        make_article("b", ["\u201cWe owe General Ruiz and Senator Lee an apology,\u201d Reyes said."]),
    ]
    carriers = _carriers(analyse(articles))
    assert {k: v["status"] for k, v in carriers.items()} == {"a": "verbatim", "b": "verbatim"}


def test_a_sentence_crediting_nobody_is_not_reported_speech(make_article: MakeArticle) -> None:
    quote = "We have cleared the flooded tunnels under Eastquay and the harbour road"
    articles = [
        make_article("a", [f"\u201c{quote},\u201d Mayor Tom Reyes said."]),
        make_article("b", ["Reyes praised the crews that cleared the flooded tunnels under Eastquay."]),
        make_article("c", ["Reyes said crews had cleared the flooded tunnels under Eastquay."]),
    ]
    carriers = _carriers(analyse(articles))
    assert {k: v["status"] for k, v in carriers.items()} == {"a": "verbatim", "c": "reported"}


def test_a_sentence_with_a_quotation_of_its_own_is_not_reported_speech_of_another(
    make_article: MakeArticle,
) -> None:
    quote = "We have cleared the flooded tunnels under Eastquay and the harbour road"
    articles = [
        make_article("a", [f"\u201c{quote},\u201d Mayor Tom Reyes said."]),
        make_article(
            "b",
            [
                "Reyes said crews had cleared the flooded tunnels under Eastquay, "
                "\u201cthe worst we have seen in years.\u201d"
            ],
        ),
    ]
    first = _quote_starting(analyse(articles), "We have cleared")
    assert [c["article"] for c in first["carriers"]] == ["a"]
    assert first["missing"] == ["b"]


def test_a_hyphen_or_a_space_in_a_compound_is_the_same_quotation(make_article: MakeArticle) -> None:
    articles = [
        make_article(
            "a", ["\u201cThe ruling brings clear tax-filing rules for every couple,\u201d Reyes said."]
        ),
        make_article(
            "b", ["\u201cThe ruling brings clear tax filing rules for every couple,\u201d Reyes said."]
        ),
    ]
    carriers = _carriers(analyse(articles))
    assert {k: v["status"] for k, v in carriers.items()} == {"a": "verbatim", "b": "verbatim"}


def test_a_quotation_run_together_with_more_of_the_statement_is_carried(make_article: MakeArticle) -> None:
    articles = [
        make_article(
            "a",
            [
                "\u201cThe bridge has always been safe,\u201d Reyes said.",
                "\u201cWe will keep it that way for every driver in the city and beyond, and we will never"
                " close it to anyone,\u201d he added.",
            ],
        ),
        make_article(
            "b",
            [
                "\u201cThe bridge has always been safe. We will keep it that way for every driver in the city"
                " and beyond,\u201d Reyes said."
            ],
        ),
    ]
    first = _quote_starting(analyse(articles), "The bridge has always")
    assert {c["article"]: c["status"] for c in first["carriers"]} == {"a": "verbatim", "b": "verbatim"}
    assert first["missing"] == []


def test_a_quotation_is_credited_as_its_sentences_attribution(make_article: MakeArticle) -> None:
    article = make_article(
        "a",
        [
            "Tom Akin said the vote was fair.",
            "Governor Ana Ruiz said it was not.",
            "Akin made the remarks on Sunday.",
            "\u201cYou act at your own peril,\u201d he said on the radio.",
            "The city council wrote: \u201cThe bridge is closed.",
            "Nobody will cross it before spring.\u201d",
        ],
    )
    credited = attribution.analyse([article])
    for passage in collect([article]):
        rows, _ = attribution.sentence_frames(credited, passage.sentence)
        assert passage.speaker == (attribution.row_speaker(rows[0]) or rows[0]["source"]), passage
    assert [p.speaker for p in collect([article])] == ["Akin", "The city council", "The city council"]


def test_a_pronoun_followed_to_nobody_credits_nobody(make_article: MakeArticle) -> None:
    articles = [
        make_article("a", ["\u201cThe harbour will reopen on Monday morning,\u201d he said."]),
        make_article("b", ["\u201cThe harbour will reopen on Monday morning,\u201d Mayor Tom Reyes said."]),
    ]
    quote = analyse(articles)["quotes"][0]
    assert {c["article"]: c["speaker"] for c in quote["carriers"]}["a"] is None
    assert quote["speakers_differ"] is False
