"""Folding, tokens and shortening shared by every stage (`digest.text`)."""

from __future__ import annotations

from digest.text import shortened, titles_written_out


def test_a_shortened_text_never_ends_inside_an_editors_bracket() -> None:
    text = "On Friday, when she [Ana Ruiz] wrote on the council's page that the vote was lost"
    assert shortened(text, 28) == "On Friday, when she\u2026"
    assert shortened(text, 40) == "On Friday, when she [Ana Ruiz] wrote on\u2026"


def test_a_title_shortened_before_a_name_is_written_out() -> None:
    assert titles_written_out("We owe Gen. Ruiz and Sen. Lee") == "We owe General Ruiz and Senator Lee"
    assert titles_written_out("Members of Gen. Z voted") == "Members of Gen. Z voted"
