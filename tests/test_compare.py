from __future__ import annotations

import pytest

from digest.compare import DIFFABLE_SIMILARITY, apply, summary, word_diff
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
