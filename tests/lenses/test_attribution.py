from __future__ import annotations

import dataclasses

import pytest
from conftest import MakeArticle

from digest.lenses.attribution import (
    analyse,
    attributions,
    credited_name,
    frame,
    hedges,
    row_speaker,
    sentence_frames,
)
from digest.lenses.quotes import collect
from digest.model import Article


@pytest.mark.parametrize(
    ("sentence", "source", "speaker", "verb"),
    [
        (
            "Harbour master Ines Calder told reporters the ferry would not sail.",
            "Harbour master Ines Calder",
            "Ines Calder",
            "told reporters",
        ),
        (
            "The ferry will not sail, according to the port authority.",
            "the port authority",
            None,
            "according to",
        ),
        ("Mayor Tom Reyes insisted the budget was balanced.", "Mayor Tom Reyes", "Tom Reyes", "insisted"),
        ("The company has claimed the fire started elsewhere.", "The company", None, "claimed"),
        (
            "Dr Ana Ruiz, the hospital's chief surgeon, said two patients were stable.",
            "Dr Ana Ruiz",
            "Ana Ruiz",
            "said",
        ),
        ("\u201cWe are ready,\u201d Calder elaborated.", "Calder", "Calder", "elaborated"),
        # The setting before the source is not part of it.
        ("In a statement the company said it would pay for the repairs.", "the company", None, "said"),
    ],
)
def test_source_and_verb(sentence: str, source: str, speaker: str | None, verb: str) -> None:
    found = attributions(sentence)
    assert found, sentence
    assert (found[0].source, found[0].speaker, found[0].verb) == (source, speaker, verb)


def test_words_inside_a_quotation_are_not_the_outlets_attribution() -> None:
    assert attributions("The banner read \u201cthe people said no\u201d.") == ()


def test_a_participle_continues_the_previous_speaker() -> None:
    found = attributions("\u201cIt is over,\u201d Calder said, adding that repairs would take weeks.")
    assert [(a.speaker, a.verb) for a in found] == [("Calder", "said"), ("Calder", "added")]


def test_a_capitalised_form_is_not_a_verb() -> None:
    assert [a.verb for a in attributions("The United States announced new rules.")] == ["announced"]


def test_loaded_verbs_are_marked() -> None:
    assert attributions("The minister claimed victory.")[0].loaded
    assert not attributions("The minister said it was a victory.")[0].loaded


@pytest.mark.parametrize(
    ("sentence", "marker", "kind", "phrase"),
    [
        ("The group allegedly stole the files.", "allegedly", "distancing", "allegedly stole the files"),
        ("The firm claims to be the largest.", "claims to", "distancing", "claims to be the largest"),
        (
            "She said the dam was unsafe without providing evidence for it.",
            "without providing evidence",
            "no evidence",
            "without providing evidence for it",
        ),
        (
            "He did not explain where the figures came from.",
            "did not explain",
            "no evidence",
            "did not explain where the figures came from",
        ),
        ("It was not immediately clear who fired first.", "was not immediately clear", "uncertain", None),
        (
            "The mayor repeated the charge without offering specifics.",
            "without offering specifics",
            "no evidence",
            "without offering specifics",
        ),
        ("It appeared to be the first such case.", "appeared to", "uncertain", None),
        (
            "The mayor\u2019s alleged abuse drew protests.",
            "alleged",
            "distancing",
            "alleged abuse drew protests",
        ),
        # The full stop of a title does not end the clause shown.
        (
            "He did not cite specifically what Mrs. Ruiz had said.",
            "did not cite",
            "no evidence",
            "did not cite specifically what Mrs. Ruiz had said",
        ),
    ],
)
def test_hedges(sentence: str, marker: str, kind: str, phrase: str | None) -> None:
    found = hedges(sentence)
    assert [(h.marker, h.kind) for h in found] == [(marker, kind)]
    if phrase is not None:
        assert found[0].phrase == phrase


def test_a_hedge_inside_a_quotation_is_the_speakers_not_the_outlets() -> None:
    assert hedges("He said \u201cthe thieves allegedly fled\u201d on foot.") == ()


def test_outlet_summary(make_article: MakeArticle) -> None:
    article = make_article(
        "a",
        [
            "Officials said the road would reopen.",
            "The road allegedly flooded twice.",
            "Traffic resumed at noon.",
            "He added that crews stayed overnight.",
        ],
    )
    data = analyse([article])
    summary = data["outlets"]["a"]
    counts = (summary["sentences"], summary["attributed"], summary["hedged"], summary["unattributed"])
    assert counts == (4, 2, 1, 2)
    assert summary["hedged_share"] == 0.25
    assert summary["verbs"] == [["added", 1], ["said", 1]]
    assert "a-s3" not in data["sentences"]
    assert sentence_frames(data, "a-s3") == ([], [])
    assert summary["hedges"][0]["sentence"] == "a-s2"


def _first_speaker(article: Article, sentence_id: str) -> str | None:
    """Whom the first attribution of a sentence credits, after the whole article is read."""
    found, _ = sentence_frames(analyse([article]), sentence_id)
    return row_speaker(found[0])


def test_a_pronoun_is_followed_back_to_the_last_named_speaker(make_article: MakeArticle) -> None:
    article = make_article("a", ["Ines Calder said the port was closed.", "She added it may reopen."])
    assert _first_speaker(article, "a-s2") == "Ines Calder"


def test_the_data_writes_only_what_was_found(make_article: MakeArticle) -> None:
    article = make_article(
        "a",
        [
            "Ana Ruiz said the road would reopen.",
            "Traffic resumed at noon.",
            "The road allegedly flooded twice, and the mayor claimed it was safe.",
        ],
    )
    data = analyse([article])
    assert data["sentences"] == {
        "a-s1": {"attributions": [{"source": "Ana Ruiz", "verb": "said"}]},
        "a-s3": {
            "attributions": [{"source": "the mayor", "speaker": None, "verb": "claimed", "loaded": True}],
            "hedges": [{"marker": "allegedly", "kind": "distancing", "phrase": "allegedly flooded twice"}],
        },
    }
    said, claimed = data["sentences"]["a-s1"]["attributions"][0], data["sentences"]["a-s3"]["attributions"][0]
    assert row_speaker(said) == "Ana Ruiz"
    assert row_speaker(claimed) is None
    assert sentence_frames(data, "a-s2") == ([], [])


def test_a_leading_article_is_not_part_of_the_name() -> None:
    found = attributions("The Harbour Board said the quay was closed.")
    assert (found[0].source, found[0].speaker) == ("The Harbour Board", "Harbour Board")


def test_a_verb_after_a_bare_comma_has_no_source() -> None:
    long_clause = "After weeks of rain and two failed repairs to the old stone wall on the east bank, said."
    assert attributions(long_clause) == ()


def test_a_negated_verb_is_no_attribution() -> None:
    assert attributions("He did not say where the money went.") == ()
    assert attributions("The ministry declined to say more.") == ()


def test_a_name_inside_an_apposition() -> None:
    found = attributions("An outside expert, Dr. Ana Ruiz of the clinic, described the gains as modest.")
    assert (found[0].verb, found[0].speaker) == ("described", "Ana Ruiz")


def test_ambiguous_verbs_need_a_name_or_role() -> None:
    assert attributions("The boat, a trawler called the Sea Lark, sank.") == ()


@pytest.mark.parametrize(
    "text",
    [
        "People across the district were told to keep their windows shut.",
        "Residents were also told to stay inside.",
        "It is said that the bridge will close.",
    ],
)
def test_a_verb_in_the_passive_names_no_source(text: str) -> None:
    assert attributions(text) == ()


def test_an_active_verb_after_a_passive_one_still_counts() -> None:
    found = attributions("Residents were told to stay inside, police said.")
    assert [(a.source, a.verb) for a in found] == [("police", "said")]


def test_a_hedge_in_reported_speech_is_the_speakers() -> None:
    """After "said", the words are the speaker's, as inside quotation marks: not the outlet's hedge."""
    assert frame("Kirby said that the systems apparently failed.").hedges == ()
    assert [h.marker for h in frame("The systems apparently failed.").hedges] == ["apparently"]
    # Missing evidence describes the telling: the outlet's, wherever it stands.
    told = frame("Kirby told reporters the systems failed, without providing evidence.")
    assert [h.kind for h in told.hedges] == ["no evidence"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Two of the divers possibly have a lung infection, the doctor said.",
        "The systems apparently failed, Kirby told reporters on Tuesday.",
    ],
)
def test_a_hedge_before_a_closing_attribution_is_the_speakers(sentence: str) -> None:
    assert frame(sentence).hedges == ()


def test_a_hedge_before_an_attribution_that_opens_a_clause_is_the_outlets() -> None:
    found = frame("The plant apparently failed, and Kirby said repairs would follow.")
    assert [h.marker for h in found.hedges] == ["apparently"]


@pytest.mark.parametrize(
    ("sentence", "verb", "source", "speaker"),
    [
        # A time phrase between the subject and the verb is not the source.
        (
            "Governor Ana Ruiz on Monday said the bridge would reopen.",
            "said",
            "Governor Ana Ruiz",
            "Ana Ruiz",
        ),
        ("Officials last week said the bridge would reopen.", "said", "Officials", None),
        # Appositions in a row: the speaker is the name before them.
        (
            "Sen. Ann Lee, D-Ore., the panel's chair, said the bill would pass.",
            "said",
            "Sen. Ann Lee",
            "Ann Lee",
        ),
        (
            "Ana Ruiz, an aunt of the rescued pilot, Tom Ruiz, said she was relieved.",
            "said",
            "Ana Ruiz",
            "Ana Ruiz",
        ),
        # A setting before a name with an apposition is not a tag.
        (
            "In May, Mayor Tom Reyes, who chairs the board, said the bridge would reopen.",
            "said",
            "Mayor Tom Reyes",
            "Tom Reyes",
        ),
        # What follows "of" says where or what the person is.
        (
            "Sen. Mark Bell of Oregon said the bill would pass.",
            "said",
            "Sen. Mark Bell of Oregon",
            "Mark Bell",
        ),
        ("The Secretary of State said the talks would resume.", "said", "The Secretary of State", None),
        ("Mayor Tom Reyes tweeted that the vote was rigged.", "tweeted", "Mayor Tom Reyes", "Tom Reyes"),
    ],
)
def test_who_stands_before_the_verb(sentence: str, verb: str, source: str, speaker: str | None) -> None:
    found = attributions(sentence)
    assert [(a.verb, a.source, a.speaker) for a in found] == [(verb, source, speaker)]


def test_a_participle_after_an_object_is_the_subjects() -> None:
    found = attributions(
        "Mayor Tom Reyes on Friday called the audit of former treasurer Lena Park \u201cdeeply flawed,\u201d"
        " claiming it ignored the records."
    )
    assert [(a.verb, a.speaker) for a in found] == [("called", "Tom Reyes"), ("claimed", "Tom Reyes")]


def test_a_participle_after_a_conjunction_is_the_subjects() -> None:
    found = attributions(
        "\u201cThe vote was rigged,\u201d Reyes said, before again claiming that ballots were lost."
    )
    assert [(a.verb, a.speaker) for a in found] == [("said", "Reyes"), ("claimed", "Reyes")]


def test_a_participle_without_an_earlier_attribution_takes_the_opening_subject() -> None:
    found = attributions(
        "The mayor criticised the audit of treasurer Lena Park, saying it ignored the records."
    )
    assert [(a.verb, a.source, a.speaker) for a in found] == [("said", "The mayor", None)]


def test_a_sentence_all_quotation_continues_the_attribution_before_it(make_article: MakeArticle) -> None:
    article = make_article(
        "a",
        [
            "\u201cThe bridge will stay shut,\u201d Mayor Tom Reyes wrote.",
            "\u201cWe owe the drivers an honest date for its opening.\u201d",
            "\u201cNobody knows the date.\u201d",
            "Traffic was light.",
            "\u201cIt is a disgrace.\u201d",
        ],
    )
    rows = {sid: entry.get("attributions") for sid, entry in analyse([article])["sentences"].items()}
    assert rows == {
        "a-s1": [{"source": "Mayor Tom Reyes", "speaker": "Tom Reyes", "verb": "wrote"}],
        "a-s2": [{"source": "Mayor Tom Reyes", "speaker": "Tom Reyes", "verb": "wrote", "continued": True}],
        "a-s3": [{"source": "Mayor Tom Reyes", "speaker": "Tom Reyes", "verb": "wrote", "continued": True}],
    }


def test_a_plural_subject_claims() -> None:
    found = attributions("Reyes and his lawyer, Ana Ruiz, now claim that the mayor knew.")
    assert [(a.verb, a.source, a.speaker) for a in found] == [("claimed", "lawyer", "Ana Ruiz")]


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        # Nouns and questions are not attributions.
        ("Mayor Tom Reyes received what amounted to a warning shot.", []),
        ("Couples may live in any of the 37 states that allow it.", []),
        ("She sued him over a harassment claim.", []),
        ("Ana Ruiz demurred when asked whether she believed Lee was right.", []),
        # A bare verb form after a plural subject or an apposition is a verb.
        ("Officials claim the plant is safe.", [("claimed", "Officials", None)]),
        # A tag in brackets, a role before the name, "former" after "said".
        ("Sen. Ann Lee (D-Ore.) called the plan a stunt.", [("called", "Sen. Ann Lee", "Ann Lee")]),
        (
            "National Security Adviser Ana Ruiz warned that talks would fail.",
            [("warned", "National Security Adviser Ana Ruiz", "Ana Ruiz")],
        ),
        (
            "\u201cWe lost,\u201d said former Representative Tom Reyes.",
            [("said", "former Representative Tom Reyes", "Tom Reyes")],
        ),
        ("Port officials suggest the ferry will sail.", [("suggested", "Port officials", None)]),
        # An adjective after a possessive; "adding" to something rather than saying it.
        ("The aide described the mayor\u2019s alleged abuse of staff.", [("described", "The aide", None)]),
        (
            "Ruiz warned that the vote would fail, adding more acrimony to the feud.",
            [("warned", "Ruiz", "Ruiz")],
        ),
        (
            "Ruiz warned that the vote would fail, adding that talks would go on.",
            [("warned", "Ruiz", "Ruiz"), ("added", "Ruiz", "Ruiz")],
        ),
        # More speech verbs; "add" before an object is no speech; an adverb before a negation.
        ("\u201cIt is over,\u201d Lee went on to say.", [("said", "Lee", "Lee")]),
        ("Ruiz contended that the vote was void.", [("contended", "Ruiz", "Ruiz")]),
        ("\u201cNow it is over,\u201d Ruiz continued.", [("continued", "Ruiz", "Ruiz")]),
        # A speaker after the verb ends the sentence, whatever clause comes first; a day is no speaker.
        (
            "The fire broke out after 9pm, and crews fought it for hours, said Ana Ruiz, the fire chief.",
            [("said", "Ana Ruiz", "Ana Ruiz")],
        ),
        ("Lee, a spokesman, said Ruiz would resign.", [("said", "Lee", "Lee")]),
        (
            "The mayor has refused a meeting, Senator Ann Lee, Democrat of Oregon, said Tuesday.",
            [("said", "Senator Ann Lee", "Ann Lee")],
        ),
        ("Ruiz continued to deny it.", []),
        ("Ruiz asks the mayor whether the plan will pass.", [("asked", "Ruiz", "Ruiz")]),
        ("The mayor added his voice to the protest.", []),
        ("The Ledger has not independently confirmed the report.", []),
        # A role with its body and the name in apposition.
        (
            "A spokesman for Mayor Reyes, Tom Ruiz, said the bridge would reopen.",
            [("said", "A spokesman for Mayor Reyes", "Tom Ruiz")],
        ),
        # A verb joined by "and" shares its subject; whoever follows "told" was told.
        (
            "In May, Mayor Tom Reyes visited the port and told The Harbour Gazette that it would reopen.",
            [("told", "Tom Reyes", "Tom Reyes")],
        ),
        # A reduced clause before the verb; a statement speaks for its author.
        ("The firm paid $10m, a price critics said was too high.", [("said", "critics", None)]),
        ("Reyes released a statement saying the bridge was safe.", [("said", "Reyes", "Reyes")]),
        (
            "Mayor Tom Reyes issued a statement on Monday saying the bridge would reopen.",
            [("said", "Tom Reyes", "Tom Reyes")],
        ),
        # Several speakers at once: the whole list, and no one name.
        (
            "The United States, Britain and France said the talks had failed.",
            [("said", "The United States, Britain and France", None)],
        ),
        ("After the vote, Reyes and Ruiz said no.", [("said", "Reyes and Ruiz", None)]),
        # "and" inside the name of a body.
        (
            "The Health and Human Services Department said it would comply.",
            [("said", "The Health and Human Services Department", None)],
        ),
    ],
)
def test_what_is_and_is_not_an_attribution(sentence: str, found: list[tuple[str, str, str | None]]) -> None:
    assert [(a.verb, a.source, a.speaker) for a in attributions(sentence)] == found


def test_a_pronoun_stands_for_the_person_its_sentence_has_just_named() -> None:
    found = attributions("In a video, Mayor Tom Reyes defended the budget, but he acknowledged the delays.")
    assert [(a.source, a.speaker) for a in found] == [("he", "Tom Reyes")]


def test_a_participle_takes_the_subject_of_the_clause_it_follows() -> None:
    found = attributions("The plan stalled as Reyes turned down the offer, saying it came too late.")
    assert [(a.verb, a.speaker) for a in found] == [("said", "Reyes")]


def test_a_quotation_after_a_subject_named_past_an_opening_phrase_is_that_persons(
    make_article: MakeArticle,
) -> None:
    article = make_article(
        "a",
        [
            "\u201cThe budget is balanced,\u201d Ana Ruiz said.",
            "In his farewell letter, Reyes wrote of his wish to \u201cleave the city in good hands.\u201d",
            "In a February interview, Mr. Lee spoke of the cost of the campaign.",
            "\u201cI met them all,\u201d he said.",
        ],
    )
    assert [p.speaker for p in collect([article])] == ["Ana Ruiz", "Reyes", "Lee"]


def test_a_badge_names_the_person_a_bare_role_stands_for() -> None:
    assert credited_name("director", "Michael Rekola") == "Michael Rekola"
    assert credited_name("the company", None) == "the company"
    assert credited_name("Harbour master Ines Calder", "Ines Calder") == "Harbour master Ines Calder"


def test_a_quotation_open_over_several_sentences_keeps_its_attribution(make_article: MakeArticle) -> None:
    article = make_article(
        "a",
        [
            "Mayor Tom Reyes wrote: \u201cThe bridge is closed.",
            "Nobody will cross it before spring.",
            "We owe the drivers that much.\u201d",
            "Traffic was light on Monday.",
        ],
    )
    one_paragraph = tuple(dataclasses.replace(s, paragraph=1) for s in article.sentences[:3])
    article = dataclasses.replace(article, sentences=one_paragraph + article.sentences[3:])
    rows = {sid: entry.get("attributions") for sid, entry in analyse([article])["sentences"].items()}
    assert set(rows) == {"a-s1", "a-s2", "a-s3"}
    assert all(row[0]["speaker"] == "Tom Reyes" for row in rows.values())


def test_a_quotation_left_open_ends_with_its_paragraph(make_article: MakeArticle) -> None:
    article = make_article(
        "a",
        [
            "Mayor Tom Reyes wrote: \u201cThe bridge is closed.",
            "The video was released on Monday.",
            "\u201cWe owe the drivers that much,\u201d he added.",
        ],
    )
    rows = {sid: entry.get("attributions") for sid, entry in analyse([article])["sentences"].items()}
    assert set(rows) == {"a-s1", "a-s3"}


def test_a_quotation_named_only_where_it_closes_is_credited_back(make_article: MakeArticle) -> None:
    article = make_article(
        "a",
        [
            "Traffic was light on Monday.",
            "\u201cThe bridge is closed and nobody will cross it before spring.",
            "\u201cWe owe the drivers that much,\u201d Mayor Tom Reyes wrote.",
            "The council met later.",
            "\u201cThe gates failed at midnight.",
            "Nobody was hurt.",
        ],
    )
    rows = {sid: entry.get("attributions") for sid, entry in analyse([article])["sentences"].items()}
    assert rows == {
        "a-s2": [{"source": "Mayor Tom Reyes", "speaker": "Tom Reyes", "verb": "wrote", "continued": True}],
        "a-s3": [{"source": "Mayor Tom Reyes", "speaker": "Tom Reyes", "verb": "wrote"}],
    }
    assert [passage.speaker for passage in collect([article], analyse([article]))][:2] == ["Tom Reyes"] * 2


def test_a_colon_hands_over_after_a_place_or_to_a_thing_described(make_article: MakeArticle) -> None:
    article = make_article(
        "a",
        [
            "Over at the rival site, a post beside the video gives this account of the night:",
            "\u201cThe gates failed at midnight.",
            "Traffic was light.",
            "The Ledger, in a reply on Tuesday, argues that the gates were old:",
            "\u201cNobody checked the gates\u201d (not once in a decade).",
        ],
    )
    article = dataclasses.replace(
        article,
        sentences=tuple(dataclasses.replace(s, paragraph=s.index) for s in article.sentences),
    )
    rows = {sid: entry["attributions"] for sid, entry in analyse([article])["sentences"].items()}
    assert rows["a-s2"] == [
        {"source": "a post beside the video", "speaker": None, "verb": "said", "continued": True}
    ]
    assert "a-s3" not in rows
    assert [(row["source"], row["verb"], row.get("continued")) for row in rows["a-s5"]] == [
        ("The Ledger", "argued", True)
    ]


def test_they_is_not_one_person_named_before(make_article: MakeArticle) -> None:
    article = make_article(
        "a", ["Mayor Tom Reyes spoke first.", "Five senators met later, and they said no."]
    )
    assert _first_speaker(article, "a-s2") is None


def test_a_surname_alone_opening_a_sentence_is_its_subject_once_known(make_article: MakeArticle) -> None:
    article = make_article(
        "a",
        [
            "Tom Akin said the plan was sound.",
            "Governor Ana Ruiz said it was not.",
            "Akin made the remarks on Sunday.",
            "He claimed the vote was rigged.",
        ],
    )
    assert _first_speaker(article, "a-s4") == "Akin"


def test_a_name_deep_in_a_sentence_is_not_what_it_is_about(make_article: MakeArticle) -> None:
    article = make_article(
        "a",
        [
            "Rep. Tom Hunter and his wife were charged on Tuesday.",
            "The ministry said the pair spent the money on trips, and Washington paid for flights.",
            "Hunter, 41, is serving his fifth term.",
            "\u201cIt was an accident,\u201d he said.",
        ],
    )
    assert _first_speaker(article, "a-s4") == "Hunter"


def test_a_quotation_introduced_by_a_colon_is_the_introducers(make_article: MakeArticle) -> None:
    article = make_article(
        "a",
        [
            "The Harbour Board gave this account of the night:",
            "\u201cThe gates failed at midnight.",
            "Nobody was hurt.\u201d",
            "Mayor Tom Reyes said:",
            "\u201cWe will rebuild the gates.",
            "It will take a year.\u201d",
        ],
    )
    article = dataclasses.replace(
        article,
        sentences=tuple(dataclasses.replace(s, paragraph=1 if s.index < 4 else 2) for s in article.sentences),
    )
    speakers = {
        sid: row_speaker(entry["attributions"][0]) for sid, entry in analyse([article])["sentences"].items()
    }
    assert speakers == {
        "a-s2": "Harbour Board",
        "a-s3": "Harbour Board",
        "a-s4": "Tom Reyes",
        "a-s5": "Tom Reyes",
        "a-s6": "Tom Reyes",
    }
