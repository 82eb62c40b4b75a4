from __future__ import annotations

from digest.lenses.snippet import around


def test_words_around_a_span_keep_the_original_characters() -> None:
    text = "Crews  pumped water from   the 12 flooded homes on Monday."
    start = text.index("12")
    assert around(text, start, start + 2, 2, 2) == "from the 12 flooded homes"


def test_a_span_at_the_edges() -> None:
    text = "Forty boats sank."
    assert around(text, 0, 5, 3, 1) == "Forty boats"
    assert around(text, 12, 17, 1, 3) == "boats sank."
