"""Sentence splitting on the shapes news copy actually has."""

from __future__ import annotations

import pytest

from digest.model import CleanArticle, CleanBlock, Source
from digest.segment import segment, split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Plain sentences.
        (
            "The bridge closed. Traffic moved to the ferry road.",
            ["The bridge closed.", "Traffic moved to the ferry road."],
        ),
        ("Was it safe? Nobody knew! Engineers came.", ["Was it safe?", "Nobody knew!", "Engineers came."]),
        # Abbreviations that are not sentence ends.
        ("U.S. officials met on Monday.", ["U.S. officials met on Monday."]),
        ("The 12-week trial ran in the U.S. and Canada.", ["The 12-week trial ran in the U.S. and Canada."]),
        (
            "Power cuts began on Oct. 10 and have not stopped.",
            ["Power cuts began on Oct. 10 and have not stopped."],
        ),
        ("Brig. Gen. Pat Ryder spoke first.", ["Brig. Gen. Pat Ryder spoke first."]),
        (
            "Mr. Kirby and Mrs. Lowe arrived. Dr. Ruiz left.",
            ["Mr. Kirby and Mrs. Lowe arrived.", "Dr. Ruiz left."],
        ),
        ("He lives on St. Bride's Road.", ["He lives on St. Bride's Road."]),
        ("He will wear the No. 9 shirt.", ["He will wear the No. 9 shirt."]),
        ("They met at No. 10 Downing Street.", ["They met at No. 10 Downing Street."]),
        ("The alarm came at 2:40 a.m. in a shed.", ["The alarm came at 2:40 a.m. in a shed."]),
        ("It opened at 10 a.m. Crowds were waiting.", ["It opened at 10 a.m.", "Crowds were waiting."]),
        ("J. R. Tolkien wrote it. Others agreed.", ["J. R. Tolkien wrote it.", "Others agreed."]),
        ("The firm, Velmar Inc., denied it.", ["The firm, Velmar Inc., denied it."]),
        ("Prices rose 2.5 percent. Wages fell.", ["Prices rose 2.5 percent.", "Wages fell."]),
        # "U.S." and friends can end a sentence too.
        (
            "The drones were sold to the U.S. The deal was secret.",
            ["The drones were sold to the U.S.", "The deal was secret."],
        ),
        # A lower-case word after a stop continues the sentence.
        ("The shed, approx. ten metres long, burned.", ["The shed, approx. ten metres long, burned."]),
        # Quotations spanning sentences belong to one sentence.
        (
            '"Lithium fires are stubborn. They can flare up again," said Okafor.',
            ['"Lithium fires are stubborn. They can flare up again," said Okafor.'],
        ),
        (
            "\u201cWe heard a bang. Then another one,\u201d said Carol. She is 71.",
            ["\u201cWe heard a bang. Then another one,\u201d said Carol.", "She is 71."],
        ),
        # A sentence that ends inside closing quotes or brackets.
        (
            'He called it "a transaction." Nobody replied.',
            ['He called it "a transaction."', "Nobody replied."],
        ),
        ("The plant opened (in 2019.) It employs 140.", ["The plant opened (in 2019.)", "It employs 140."]),
        # A quotation and its speaker after it are one sentence; a pronoun or a colon opens the next.
        (
            "\u201cStop lying!\u201d Mr. Reyes wrote. He left.",
            ["\u201cStop lying!\u201d Mr. Reyes wrote.", "He left."],
        ),
        ('"Why not?" Ruiz continued.', ['"Why not?" Ruiz continued.']),
        (
            "\u201cIt is over.\u201d He added, \u201cWe lost.\u201d",
            ["\u201cIt is over.\u201d", "He added, \u201cWe lost.\u201d"],
        ),
        (
            "\u201cIt is over.\u201d Ruiz added: \u201cWe lost.\u201d",
            ["\u201cIt is over.\u201d", "Ruiz added: \u201cWe lost.\u201d"],
        ),
        # A sentence may start with a digit or a quote.
        ("It was close. 214 deputies voted yes.", ["It was close.", "214 deputies voted yes."]),
        # A subhead or list item without punctuation stays whole.
        ("Questions over sprinklers", ["Questions over sprinklers"]),
        ("612 adults took part at 31 sites", ["612 adults took part at 31 sites"]),
        # Whitespace only.
        ("   ", []),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_split_keeps_original_characters() -> None:
    text = "Iran\u2019s drones \u2013 dozens \u2013 arrived.  Kyiv\u00a0said so."
    pieces = split_sentences(text)
    assert pieces == ["Iran\u2019s drones \u2013 dozens \u2013 arrived.", "Kyiv\u00a0said so."]


def _article(*blocks: CleanBlock) -> CleanArticle:
    return CleanArticle("Some Paper.txt", Source("Some Paper"), "Headline", blocks, ())


def test_segment_numbers_sentences_and_keeps_headings_apart() -> None:
    article = segment(
        _article(
            CleanBlock("paragraph", "First fact. Second fact."),
            CleanBlock("heading", "What comes next"),
            CleanBlock("item", "A list item without a stop"),
            CleanBlock("quote", '"A quoted line," she said.'),
        )
    )
    assert article.id == "some-paper"
    assert [s.text for s in article.sentences] == [
        "First fact.",
        "Second fact.",
        "A list item without a stop",
        '"A quoted line," she said.',
    ]
    assert [s.id for s in article.sentences] == [f"some-paper-s{i}" for i in range(1, 5)]
    assert [s.paragraph for s in article.sentences] == [0, 0, 1, 2]
    assert [(h.text, h.before_paragraph) for h in article.subheads] == [("What comes next", 1)]


def test_segment_ids_are_stable_for_unchanged_text() -> None:
    blocks = (CleanBlock("paragraph", "One. Two. Three."),)
    assert segment(_article(*blocks)) == segment(_article(*blocks))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The alarm was raised before 3 a.m. Wednesday by a guard.", 1),
        ("Polls close at 8 p.m. GMT on Thursday.", 1),
        ("Crews left at 9 p.m. The road reopened.", 2),
        ("The vote closed at 6 p.m. Eastern time on Friday.", 1),
        # A plural title is an abbreviation too.
        ("The envoy wrote to Sens. Ann Lee and Tom Reyes on Monday.", 1),
    ],
)
def test_times_end_a_sentence_unless_a_day_or_zone_follows(text: str, expected: int) -> None:
    assert len(split_sentences(text)) == expected
