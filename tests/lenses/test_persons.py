"""Who a text names (`digest.lenses.persons`), and who "he" or "she" stands for in badges and claim titles."""

from __future__ import annotations

import pytest
from conftest import MakeArticle

from digest.compare import view
from digest.lenses.attribution import analyse, credited_name, speakers_in, titled
from digest.lenses.persons import named_subject, same_speaker, speaker_key
from digest.model import Claim


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Paul Anker resigned as chief engineer on Friday.", "Paul Anker"),
        ("Mr. Anker, 54, has run the department since 2019.", "Anker"),
        ("Senator Ines Dorn voted against the plan.", "Ines Dorn"),
        ("Police arrested two men near the harbour.", None),
        ("The council approved the budget.", None),
        ("He was not available for comment.", None),
        ("North of the river, the water rose.", None),
        ("Lorn's Harbour Board voted on Friday.", None),
    ],
)
def test_the_person_a_sentence_opens_with(sentence: str, name: str | None) -> None:
    assert named_subject(sentence) == name


def test_a_pronoun_follows_the_last_person_named(make_article: MakeArticle) -> None:
    article = make_article(
        "a",
        [
            "Paul Anker resigned as chief engineer on Friday.",
            "The bridge has been closed since March.",
            "He said the cables had been neglected for years.",
        ],
    )
    assert speakers_in(article)["a-s3"] == "Paul Anker"
    rows = analyse([article])["sentences"]["a-s3"]["attributions"]
    assert [(r["source"], r["speaker"]) for r in rows] == [("He", "Paul Anker")]
    assert credited_name(rows[0]["source"], rows[0]["speaker"]) == "Paul Anker"
    assert credited_name("the ministry", None) == "the ministry"


def test_a_title_uses_the_outlet_that_names_the_speaker(make_article: MakeArticle) -> None:
    a = make_article("a", ["The cables are \u201cbeyond repair\u201d, he says."])
    b = make_article("b", ["Chief engineer Paul Anker said the cables were \u201cbeyond repair\u201d."])
    claim = view(Claim("c1", ("a-s1", "b-s1"), "a-s1"), [a, b])
    assert claim.summary.endswith("he says.")
    assert titled(claim, [a, b]).summary == (
        "Chief engineer Paul Anker said the cables were \u201cbeyond repair\u201d."
    )


def test_a_title_names_the_speaker_from_the_article_when_no_outlet_does(make_article: MakeArticle) -> None:
    a = make_article(
        "a",
        ["Paul Anker inspected the bridge on Monday.", "The cables are \u201cbeyond repair\u201d, he says."],
    )
    b = make_article("b", ["The cables were \u201cbeyond repair\u201d, she said."])
    claim = view(Claim("c1", ("a-s2", "b-s1"), "a-s2"), [a, b])
    assert titled(claim, [a, b]).summary == "The cables are \u201cbeyond repair\u201d, he [Paul Anker] says."


def test_a_quotation_standing_alone_is_titled_with_its_speaker(make_article: MakeArticle) -> None:
    a = make_article(
        "a",
        [
            "\u201cThe cables held,\u201d chief engineer Paul Anker said.",
            "\u201cThe bridge will open on Monday.\u201d",
        ],
    )
    b = make_article("b", ["\u201cThe bridge will open on Monday,\u201d an engineer said."])
    claim = view(Claim("c1", ("a-s2", "b-s1"), "a-s2"), [a, b])
    credited = analyse([a, b])
    assert (
        titled(claim, [a, b], credited).summary == "\u201cThe bridge will open on Monday.\u201d [Paul Anker]"
    )
    # Without a speaker for it, another outlet's phrasing that names one is the title.
    c = make_article("c", ["\u201cThe bridge will open on Monday.\u201d"])
    d = make_article("d", ["Paul Anker said the bridge would open on Monday."])
    other = view(Claim("c2", ("c-s1", "d-s1"), "c-s1"), [c, d])
    assert (
        titled(other, [c, d], analyse([c, d])).summary == "Paul Anker said the bridge would open on Monday."
    )


def test_a_title_that_names_its_speaker_is_left_alone(make_article: MakeArticle) -> None:
    a = make_article("a", ["The cables are beyond repair, Anker says."])
    b = make_article("b", ["He said the cables were beyond repair."])
    claim = view(Claim("c1", ("a-s1", "b-s1"), "a-s1"), [a, b])
    assert titled(claim, [a, b]) is claim


def test_a_pronoun_with_nobody_named_before_stays(make_article: MakeArticle) -> None:
    a = make_article("a", ["The cables are beyond repair, he says."])
    b = make_article("b", ["The cables were beyond repair, he said."])
    claim = view(Claim("c1", ("a-s1", "b-s1"), "a-s1"), [a, b])
    assert titled(claim, [a, b]).summary == "The cables are beyond repair, he says."


def test_a_title_whose_subject_is_he_names_him(make_article: MakeArticle) -> None:
    a = make_article(
        "a", ["Paul Anker inspected the bridge on Monday.", "On Friday, he resigned from the board."]
    )
    b = make_article("b", ["Anker resigned from the board on Friday."])
    claim = view(Claim("c1", ("a-s2", "b-s1"), "a-s2"), [a, b])
    assert titled(claim, [a, b]).summary == "On Friday, he [Paul Anker] resigned from the board."


def test_she_is_not_a_man_the_article_calls_mr(make_article: MakeArticle) -> None:
    a = make_article(
        "a",
        [
            "Mr. Anker, already under review, had been accused of bullying by Ana Ruiz, his former aide.",
            "She sued him in 2014, claiming she had been fired.",
        ],
    )
    b = make_article("b", ["Ruiz sued Anker in 2014 after she was fired."])
    claim = view(Claim("c1", ("a-s2", "b-s1"), "a-s2"), [a, b])
    assert titled(claim, [a, b]).summary == "She sued him in 2014, claiming she had been fired."


def test_he_is_the_subject_of_an_opening_clause_too(make_article: MakeArticle) -> None:
    a = make_article(
        "a",
        [
            "Governor Ana Ruiz said the talks were over.",
            "After the vote, Mr. Lee made a quick exit through a back door.",
            "He was also due to meet the mayor.",
        ],
    )
    b = make_article("b", ["Lee was also due to meet the mayor."])
    claim = view(Claim("c1", ("a-s3", "b-s1"), "a-s3"), [a, b])
    assert titled(claim, [a, b]).summary == "He [Lee] was also due to meet the mayor."


def test_speaker_key_joins_forms_of_one_name() -> None:
    assert speaker_key("Mr Calder") == speaker_key("Ines Calder") == speaker_key("Calder's") == "calder"


def test_same_speaker_across_transliterations() -> None:
    assert same_speaker("Mr Havryliuk", "Oleh Gavrilyuk")
    assert same_speaker("Volodymyr Zelensky", "Zelenskyy")
    assert not same_speaker("Tom Reyes", "Ana Ruiz")
    assert not same_speaker("the port authority", "the harbour board")


def test_he_is_a_person_titled_before_not_a_body_that_opened_the_story(make_article: MakeArticle) -> None:
    article = make_article(
        "a",
        [
            "Lorn's Harbour Board voted on Friday to dismiss Prime Minister Ana Ruiz.",
            "Ruiz, who took office in 2023, is the first to lose such a vote.",
            "He will stay on until a new cabinet is chosen.",
        ],
    )
    assert speakers_in(article)["a-s3"] == "Ruiz"


def test_a_quotation_whose_speaker_the_title_cuts_off_names_them(make_article: MakeArticle) -> None:
    long_quote = (
        "We tested the gates every spring, we replaced the seals every autumn, and we still could not "
        "keep the sea out of the tunnel when the storm came in from the west"
    )
    a = make_article("a", ["Harbour master Tom Reyes spoke first.", f"\u201c{long_quote},\u201d Reyes said."])
    b = make_article("b", ["The gates were tested every spring, Reyes said."])
    claim = view(Claim("c1", ("a-s2", "b-s1"), "a-s2"), [a, b])
    assert claim.summary.endswith("\u2026")
    titled_claim = titled(claim, [a, b], analyse([a, b]))
    assert titled_claim.summary.endswith("\u2026 [Tom Reyes]")


def test_she_is_not_a_paper_the_sentence_cites(make_article: MakeArticle) -> None:
    article = make_article(
        "a",
        [
            "Ana Ruiz criticised the harbour board on Friday, the Ledger reported.",
            "\u201cThe gates were tested every spring,\u201d she wrote.",
        ],
    )
    assert speakers_in(article)["a-s2"] == "Ana Ruiz"
