from __future__ import annotations

import pytest

from digest.compare import DIFFABLE_SIMILARITY, apply, from_row, summary, to_row, word_diff
from digest.model import Sentence


def test_typography_is_never_a_difference() -> None:
    ops, similarity = word_diff(
        "Kirby said: \u201cWe\u2019re not focused on it \u2014 yet.\u201d",
        'kirby  said: "We\'re not focused on it - yet."',
    )
    assert [op.kind for op in ops] == ["equal"]
    assert similarity == 1.0


def test_changed_words_are_marked_with_original_characters() -> None:
    ops, _ = word_diff("Russia had ordered 2,400 drones.", "Russia has bought as many as 2,400 drones.")
    changes = [(op.kind, op.ref.strip(), op.out.strip()) for op in ops if op.kind != "equal"]
    assert changes == [("replace", "had ordered", "has bought as many as")]


def test_pure_insertion_and_deletion() -> None:
    inserted, _ = word_diff("Iran sent troops.", "Iran allegedly sent troops.")
    assert [(op.kind, op.out) for op in inserted if op.kind != "equal"] == [("insert", "allegedly ")]
    deleted, _ = word_diff("Iran sent a few troops.", "Iran sent troops.")
    assert [(op.kind, op.ref) for op in deleted if op.kind != "equal"] == [("delete", "a few ")]


@pytest.mark.parametrize(
    ("reference", "other"),
    [
        ("The White House said so.", "The US government said so on Thursday."),
        ("", "Something new."),
        ("Something old.", ""),
        ("“Quoted,” he said.", "He said it was quoted."),
    ],
)
def test_diff_rebuilds_both_sides(reference: str, other: str) -> None:
    ops, _ = word_diff(reference, other)
    assert apply(ops) == other
    assert "".join(op.ref for op in ops) == reference


def test_a_row_writes_identical_sides_once() -> None:
    ops, _ = word_diff("The \u201cold\u201d bridge shut on Monday.", 'The "old" bridge shut on Friday.')
    rows = [to_row(op) for op in ops]
    assert rows == [
        ["equal", "The \u201cold\u201d bridge shut on ", 'The "old" bridge shut on '],
        ["replace", "Monday", "Friday"],
        ["equal", "."],
    ]
    plain, _ = word_diff("The bridge shut on Monday.", "The bridge shut on Friday.")
    assert to_row(plain[0]) == ["equal", "The bridge shut on "]
    assert [to_row(op) for op in word_diff("Shut.", "")[0]] == [["delete", "Shut.", ""]]
    assert [to_row(op) for op in word_diff("", "Open.")[0]] == [["insert", "", "Open."]]


@pytest.mark.parametrize(
    ("reference", "other"),
    [
        ("The White House said so.", "The US government said so on Thursday."),
        ("\u201cQuoted,\u201d he said.", '"quoted," he said.'),
        ("Same words.", "Same words."),
    ],
)
def test_rows_read_back_as_the_same_operations(reference: str, other: str) -> None:
    ops, _ = word_diff(reference, other)
    assert tuple(from_row(to_row(op)) for op in ops) == ops


@pytest.mark.parametrize("row", [[], ["equal"], ["merge", "a", "b"], ["equal", "a", "b", "c"]])
def test_a_malformed_row_is_refused(row: list[str]) -> None:
    with pytest.raises(ValueError, match="not a diff row"):
        from_row(row)


def test_unrelated_phrasings_are_not_diffable() -> None:
    _, similarity = word_diff(
        "Members of a branch of the Guard were dispatched.",
        "The EU slapped new sanctions on a drone maker on Thursday.",
    )
    assert similarity < DIFFABLE_SIMILARITY


def test_summary_shortens_at_a_word_boundary() -> None:
    long = Sentence("a-s1", "a", 1, 0, "word " * 60)
    text = summary(long, limit=50)
    assert len(text) <= 51 and text.endswith("\u2026") and not text[:-1].endswith(" ")
    short = Sentence("a-s2", "a", 2, 0, "A short  sentence.")
    assert summary(short) == "A short sentence."


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "But on Thursday the council voted to close the bridge.",
            "On Thursday the council voted to close the bridge.",
        ),
        ("Meanwhile, crews cleared the road.", "Crews cleared the road."),
        ("Also on Friday, the port reopened.", "On Friday, the port reopened."),
        ("Butterflies returned to the park.", "Butterflies returned to the park."),
        ("Still waters ran under the bridge.", "Still waters ran under the bridge."),
    ],
)
def test_a_title_leaves_out_a_word_linking_it_to_the_sentence_before(text: str, title: str) -> None:
    assert summary(Sentence("a-s1", "a", 0, 0, text)) == title
