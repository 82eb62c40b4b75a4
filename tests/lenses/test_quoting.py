from __future__ import annotations

from digest.lenses.quoting import masked, passages, spans


def test_curly_quotes_give_the_inner_text() -> None:
    text = "She said: \u201cWe will rebuild the bridge.\u201d"
    assert [p for _, p in passages(text)] == ["We will rebuild the bridge."]


def test_straight_quotes_are_paired_by_their_neighbours() -> None:
    text = 'The mayor called it "a disgrace" and "long overdue".'
    assert [p for _, p in passages(text)] == ["a disgrace", "long overdue"]


def test_a_quotation_left_open_runs_to_the_end_of_the_sentence() -> None:
    text = "He said: \u201cThe pumps failed twice this week."
    assert [p for _, p in passages(text)] == ["The pumps failed twice this week."]


def test_a_sentence_starting_inside_a_quotation_closes_at_its_first_mark() -> None:
    text = "and the pumps failed,\u201d he said."
    assert [p for _, p in passages(text)] == ["and the pumps failed"]


def test_apostrophes_are_not_quotation_marks() -> None:
    assert spans("The council\u2019s plan isn't final.") == []
    assert [p for _, p in passages("The plan is \u2018on hold\u2019 for now.")] == ["on hold"]


def test_masking_keeps_positions_and_blanks_only_the_quotation() -> None:
    text = 'Officials said "allegedly stolen" twice.'
    plain = masked(text)
    assert len(plain) == len(text)
    assert "allegedly" not in plain
    assert plain.startswith("Officials said ")
