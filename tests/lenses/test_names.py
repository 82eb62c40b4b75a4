from __future__ import annotations

from conftest import MakeArticle

from digest.lenses.names import Data, analyse


def _groups(data: Data) -> list[list[str]]:
    return [[s["spelling"] for s in v["spellings"]] for v in data["variants"]]


def test_transliterations_are_grouped(make_article: MakeArticle) -> None:
    articles = [
        make_article(
            "a", ["Officials in Kyiv said Volodymyr Zelensky would speak.", "Zelensky spoke later."]
        ),
        make_article("b", ["Kiev said Vladimir Zelenskyy would speak."]),
    ]
    data = analyse(articles)
    assert _groups(data) == [["Kiev", "Kyiv"], ["Vladimir", "Volodymyr"], ["Zelensky", "Zelenskyy"]]
    kyiv = data["variants"][0]["spellings"][1]
    assert kyiv["articles"] == ["a"]
    assert kyiv["count"] == 1
    assert kyiv["example"]["sentence"] == "a-s1"


def test_inflections_are_not_spellings(make_article: MakeArticle) -> None:
    articles = [
        make_article("a", ["Talks between Iran and Ukraine stalled.", "Varnia voted."]),
        make_article("b", ["An Iranian envoy met a Ukrainian one.", "The Varnian assembly voted."]),
    ]
    assert analyse(articles)["variants"] == []


def test_words_also_written_in_lower_case_are_not_names(make_article: MakeArticle) -> None:
    articles = [
        make_article("a", ["Several boats sank.", "There were several more."]),
        make_article("b", ["Seven boats sank."]),
    ]
    assert analyse(articles)["variants"] == []


def test_captions_count_as_the_outlets_spelling(make_article: MakeArticle) -> None:
    articles = [
        make_article("a", ["The talks began."], removed=["Crowds in Kyiv on Monday (AP)"]),
        make_article("b", ["Kiev hosted the talks."]),
    ]
    data = analyse(articles)
    assert _groups(data) == [["Kiev", "Kyiv"]]
    assert data["variants"][0]["spellings"][1]["example"]["sentence"] is None


def test_first_names_of_different_people_are_not_one_name(make_article: MakeArticle) -> None:
    articles = [
        make_article("a", ["Larry Nordvig, who leads the local group, said the race was close."]),
        make_article("b", ["The host Laura Ingraham said the result was a rebuke."]),
    ]
    assert _groups(analyse(articles)) == []


def test_a_spelling_without_an_accent_is_a_variant(make_article: MakeArticle) -> None:
    articles = [
        make_article("a", ["President Ana Peña spoke."]),
        make_article("b", ["President Ana Pena spoke."]),
    ]
    assert _groups(analyse(articles)) == [["Pena", "Peña"]]


def test_a_time_word_opening_a_sentence_is_not_a_name(make_article: MakeArticle) -> None:
    articles = [
        make_article("a", ["\u201cToday, the harbour reopens,\u201d she said."]),
        make_article("b", ["Mayor Todd Reyes reopened the harbour."]),
    ]
    assert analyse(articles)["variants"] == []
