"""Figures in their many spellings reduce to one comparable form."""

from __future__ import annotations

import pytest

from digest.numbers import figures


def _canonical(text: str) -> list[str]:
    return [f.canonical for f in figures(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("destroyed 30% of power stations", ["30%"]),
        ("destroyed 30 percent of power stations", ["30%"]),
        ("destroyed thirty per cent of power stations", ["30%"]),
        ("ordered 2,400 drones", ["2400"]),
        ("ordered 2400 drones", ["2400"]),
        ("a fee of 48 million pounds", ["48000000"]),
        ("a \u00a348m deal", ["48000000"]),
        ("a \u00a348million deal", ["48000000"]),
        ("an estimated three hundred people", ["300"]),
        ("twenty-one appearances", ["21"]),
        ("14.2 days a month", ["14.2"]),
        ("dozens of personnel", ["dozens"]),
        # Tens of thousands are not thousands: ten times as many.
        ("spent tens of thousands of dollars", ["tens of thousands"]),
        ("spent thousands of dollars", ["thousands"]),
        ("hundreds of\nthousands fled", ["hundreds of thousands"]),
        ("more than a dozen engines", ["~12"]),
        ("around one in seven patients", ["14%"]),
        ("14 percent of patients", ["14%"]),
        ("about two in three departures", ["67%"]),
        ("two-thirds of flights", ["67%"]),
        ("a third of its profit", ["33%"]),
        ("seven out of 10 voters", ["70%"]),
        ("a third term in office", []),
    ],
)
def test_spellings_of_one_figure_meet(text: str, expected: list[str]) -> None:
    assert _canonical(text) == expected


def test_qualifiers_are_kept() -> None:
    found = figures("Russia bought as many as 2,400 drones and roughly 30% were used")
    assert [(f.canonical, f.qualifier) for f in found] == [("2400", "as many as"), ("30%", "roughly")]


def test_years_are_marked() -> None:
    found = figures("In 2019 the plant took 2400 tonnes")
    assert [(f.canonical, f.is_year) for f in found] == [("2019", True), ("2400", False)]


def test_one_as_a_pronoun_is_not_a_figure() -> None:
    assert _canonical("one of the drones fell") == []


@pytest.mark.parametrize("text", ["The NX-214 spray", "Shahed-136 drones", "a Geran-2 drone"])
def test_model_codes_are_names_not_figures(text: str) -> None:
    assert _canonical(text) == []


def test_positions_point_at_the_original_text() -> None:
    text = "Some 60 firefighters and 14 engines"
    assert [text[f.start : f.end] for f in figures(text)] == ["60", "14"]


def test_a_share_keeps_its_words_and_qualifier() -> None:
    [share] = figures("Migraine affects roughly one in seven people")
    assert (share.text, share.canonical, share.qualifier) == ("one in seven", "14%", "roughly")


@pytest.mark.parametrize(
    "text",
    [
        "The blaze broke out at around 2:40 a.m. on Tuesday.",
        "Polls closed at 7pm in the capital.",
        "The vote was called at 9.30 p.m. local time.",
        "Trading resumed at 12:30 GMT.",
    ],
)
def test_a_time_of_day_is_not_a_figure(text: str) -> None:
    assert figures(text) == ()


def test_minutes_never_meet_a_count() -> None:
    found = figures("By 2:40 a.m. it had burned through 40 years' worth of stock.")
    assert [f.canonical for f in found] == ["40"]


def test_a_qualifier_before_a_currency_sign_counts() -> None:
    for text in ("The terminal was sold for roughly \u20ac310m.", "It cost roughly $310 million."):
        (found,) = figures(text)
        assert (found.canonical, found.qualifier) == ("310000000", "roughly"), text
    (plain,) = figures("It cost \u00a35m.")
    assert plain.qualifier is None


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("Her last day will be Feb. 28.", "February 28"),
        ("The end date of her tenure is February 28, 2025.", "February 28"),
        ("The vote on 3 May was close.", "May 3"),
        ("It was signed on Sept. 11 in the capital.", "September 11"),
    ],
)
def test_a_day_of_a_month_is_a_date_not_a_count(text: str, canonical: str) -> None:
    assert [f.date for f in figures(text) if not f.is_year] == [canonical]


def test_barely_qualifies_a_figure() -> None:
    assert [(f.canonical, f.qualifier) for f in figures("She left after barely six months.")] == [
        ("6", "barely")
    ]
