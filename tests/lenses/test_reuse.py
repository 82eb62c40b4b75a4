from __future__ import annotations

from conftest import MakeArticle

from digest.lenses.reuse import analyse, level, rewritten_share, verbatim_share

WIRE = [
    "Flood waters breached the northern levee of the Lorn river shortly before dawn on Monday.",
    "Emergency crews evacuated roughly two hundred residents from the low-lying streets near the mill.",
    "The county engineer said the levee had been due for repairs since the spring storms last year.",
    "Schools in the valley will stay closed until the water recedes, the council announced.",
]
REPRINT = [
    "Flood waters breached the northern levee of the Lorn river before dawn on Monday.",
    "Emergency crews evacuated about two hundred residents from the low-lying streets near the old mill.",
    "The county engineer said the levee had been due for repairs since the spring storms last year.",
    "Schools in the valley will stay closed until the water recedes, the council said.",
]
OWN = [
    "Residents of the Lorn valley woke to sirens as the river rose.",
    "Many blamed years of neglect for the failure of the defences.",
    "Shopkeepers spent the day carrying stock upstairs.",
]


def _words(sentences: list[str]) -> list[tuple[str, ...]]:
    from digest.text import words

    return [words(s) for s in sentences]


def test_a_lightly_edited_reprint_is_marked(make_article: MakeArticle) -> None:
    data = analyse([make_article("wire", WIRE), make_article("copy", REPRINT), make_article("own", OWN)])
    assert data["reuse"][1][0] > 0.85
    levels = {(p["a"], p["b"]): p["level"] for p in data["pairs"]}
    assert levels == {
        ("wire", "copy"): "reprint",
        ("wire", "own"): "independent",
        ("copy", "own"): "independent",
    }
    assert data["groups"] == [["wire", "copy"]]
    assert data["accounts"] == 2
    assert data["reuse"][0][0] == 1.0


def test_verbatim_share_needs_eight_words_in_a_row() -> None:
    a = _words(["one two three four five six seven eight nine ten"])
    assert verbatim_share(a, _words(["one two three four five six seven eight"])) == 0.8
    assert verbatim_share(a, _words(["one two three four five six seven"])) == 0.0


def test_rewritten_share_is_not_symmetric() -> None:
    short = _words(WIRE[:1])
    long = _words(WIRE)
    assert rewritten_share(short, long) == 1.0
    assert rewritten_share(long, short) < 0.3


def test_empty_texts() -> None:
    assert rewritten_share([], _words(WIRE)) == 0.0
    assert verbatim_share([], _words(WIRE)) == 0.0


def test_levels() -> None:
    assert (level(0.9), level(0.3), level(0.1)) == ("reprint", "shared copy", "independent")


def test_two_outlets_quoting_one_statement_have_not_copied_each_other(make_article: MakeArticle) -> None:
    statement = (
        "\u201cI have served this district with pride for eight years and I leave it stronger than I found"
        " it, with more jobs and safer streets,\u201d"
    )
    first = make_article(
        "first",
        [f"{statement} Reyes said in a statement.", "He announced his resignation on Friday afternoon."],
    )
    second = make_article(
        "second",
        ["The mayor quit suddenly at the end of the week.", f"{statement} the outgoing mayor wrote."],
    )
    levels = {(p["a"], p["b"]): p["level"] for p in analyse([first, second])["pairs"]}
    assert levels == {("first", "second"): "independent"}
