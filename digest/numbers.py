"""Find figures in text and reduce each to one canonical form.

"30%", "30 percent" and "thirty per cent" are one figure; "2,400" and "2400"
too. Each figure keeps the qualifier in front of it ("roughly", "as many as"),
because a qualifier is exactly where outlets' numbers tend to differ.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
_VAGUE = {
    "tens of thousands": "tens of thousands",
    "hundreds of thousands": "hundreds of thousands",
    "tens of millions": "tens of millions",
    "hundreds of millions": "hundreds of millions",
    "dozen": "~12",
    "dozens": "dozens",
    "hundreds": "hundreds",
    "thousands": "thousands",
    "millions": "millions",
    "handful": "a handful",
    "several": "several",
    "scores": "scores",
}

QUALIFIERS = (
    "as many as",
    "as few as",
    "as much as",
    "more than",
    "less than",
    "fewer than",
    "at least",
    "at most",
    "up to",
    "nearly",
    "almost",
    "roughly",
    "about",
    "around",
    "approximately",
    "some",
    "over",
    "under",
    "an estimated",
    "estimated",
    "just over",
    "just under",
    "well over",
    "close to",
    "upwards of",
    "only",
    "just",
    "barely",
    "a little over",
    "a little more than",
    "little more than",
)
_WORD_NUMBER = "|".join(sorted([*_UNITS, *_TENS, *_SCALES], key=len, reverse=True))
_NUMBER = re.compile(
    r"(?<![\w.])(?<![A-Za-z]-)(?:(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"|(?P<words>(?:(?:" + _WORD_NUMBER + r")(?:[\s\-]+|$))+))"
    r"(?:\s*(?P<scale>million|billion|trillion|thousand|bn|m)\b)?"
    r"\s*(?P<percent>%|percent\b|per\s+cent\b)?",
    re.IGNORECASE,
)


class _Tail:
    """A pattern anchored at the end of a text, searched in the text's last characters only.

    Qualifiers are searched for in the text before each figure. Searching all of
    it takes time proportional to its length for every figure, which is quadratic
    on hostile text made of thousands of figures; a qualifier is a few words long.
    """

    def __init__(self, pattern: re.Pattern[str], reach: int) -> None:
        self.pattern, self.reach = pattern, reach

    def search(self, text: str) -> re.Match[str] | None:
        return self.pattern.search(text, max(0, len(text.rstrip()) - self.reach))


_QUALIFIER = _Tail(
    # A currency sign may stand between the qualifier and the digits ("roughly €310m").
    re.compile(
        r"(?:^|(?<=\W))(" + "|".join(re.escape(q) for q in QUALIFIERS) + r")\s+[$\u20ac\u00a3\u00a5]?$",
        re.IGNORECASE,
    ),
    60,
)
# Longest first, and any spacing between the words, so "tens of thousands" is not read as "thousands".
_VAGUE_WORD = re.compile(
    r"\b("
    + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(_VAGUE, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure as written, with its canonical value."""

    text: str
    start: int
    end: int
    canonical: str
    """Comparable form: "30%", "2400", "dozens"."""
    qualifier: str | None
    is_year: bool
    date: str | None = None
    """For a day of a month, the date ("February 28") under which two spellings of it meet; its
    ``canonical`` is the day alone, which is what alignment has always compared."""
    label: bool = False
    """An ordinal or a number that names rather than counts ("27th District", "section 3"): still
    evidence that two sentences speak of one thing, but no figure to compare."""


def _word_value(phrase: str) -> int | None:
    total, current = 0, 0
    seen = False
    for part in re.split(r"[\s\-]+", phrase.lower().strip()):
        if not part:
            continue
        if part in _UNITS:
            current += _UNITS[part]
        elif part in _TENS:
            current += _TENS[part]
        elif part in _SCALES:
            current = max(current, 1) * _SCALES[part]
            if _SCALES[part] >= 1000:
                total, current = total + current, 0
        else:
            return None
        seen = True
    return total + current if seen else None


def _format(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


_SMALL = "|".join(sorted(list(_UNITS)[1:20], key=len, reverse=True))
_RATIO = re.compile(
    r"\b(?P<num>" + _SMALL + r"|\d{1,2})\s+(?:in|out of)\s+(?P<den>" + _SMALL + r"|ten|\d{1,3})\b",
    re.IGNORECASE,
)
_FRACTION = re.compile(
    r"\b(?P<num>a|one|two|three|four)[\s\-]+(?P<den>half|thirds?|quarters?|fifths?)\s+of\b",
    re.IGNORECASE,
)
_DENOMINATORS = {"half": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5, "fifths": 5}


def _count(word: str) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    return {"a": 1, "ten": 10, **_UNITS}.get(word)


def _ratios(text: str) -> list[Figure]:
    """ "One in seven", "two out of three", "a third of": shares, as percentages.

    Outlets give one share as "one in seven" and as "14%"; both become "14%".
    """
    found: list[Figure] = []
    for pattern, denominators in ((_RATIO, None), (_FRACTION, _DENOMINATORS)):
        for match in pattern.finditer(text):
            num = _count(match.group("num"))
            den = denominators[match.group("den").lower()] if denominators else _count(match.group("den"))
            if not num or not den or num >= den or den > 100:
                continue
            qualifier = _QUALIFIER.search(text[: match.start()])
            end = match.end("den")
            found.append(
                Figure(
                    text[match.start() : end],
                    match.start(),
                    end,
                    f"{round(100 * num / den)}%",
                    qualifier.group(1).lower() if qualifier else None,
                    False,
                )
            )
    return found


_CLOCK = re.compile(
    r"(?<![\w.:])(?:\d{1,2}:\d{2}(?![\d:])(?:\s*[ap]\.?\s?m\b\.?)?"
    r"|\d{1,2}(?:\.\d{2})?\s*[ap]\.?\s?m\b\.?)",
    re.IGNORECASE,
)
"""A time of day ("2:40", "2:40 a.m.", "7pm", "9.30 p.m."): not a count, so none of its digits
are figures (the minutes of "2:40" would otherwise meet "40 years")."""


_MONTHS = {
    "jan": "January",
    "feb": "February",
    "mar": "March",
    "apr": "April",
    "may": "May",
    "jun": "June",
    "jul": "July",
    "aug": "August",
    "sep": "September",
    "oct": "October",
    "nov": "November",
    "dec": "December",
}
_MONTH = (
    r"(?P<{0}>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_DATE = re.compile(
    r"(?<![\w.])(?:" + _MONTH.format("month") + r"\.?\s+(?P<day>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?"
    r"|(?P<day2>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH.format("month2") + r")(?![\w])"
)
"""A day of a month ("Feb. 28", "28 February", "the 3rd of May"): a date, not a count, so the
figures lens does not set "28" beside "28 people"; two ways of writing one date meet as
"February 28"."""


def _dates(text: str) -> list[Figure]:
    found = []
    for match in _DATE.finditer(text):
        month = _MONTHS[(match.group("month") or match.group("month2"))[:3].lower()]
        day = match.group("day") or match.group("day2")
        found.append(Figure(match.group(0), match.start(), match.end(), day, None, False, f"{month} {day}"))
    return found


_SOME_BEFORE = re.compile(r"\b(?:several|few|many|some)\s+$", re.IGNORECASE)
_ORDINAL_END = re.compile(r"(?:st|nd|rd|th)\b", re.IGNORECASE)
_LABEL_BEFORE = re.compile(
    r"\b(?:section|sections|article|chapter|amendment|title|district|route|highway|flight|room|page|"
    r"paragraph|clause|rule|item|no\.|number)\s+$",
    re.IGNORECASE,
)


@lru_cache(maxsize=16384)
def figures(text: str) -> tuple[Figure, ...]:
    """Every figure in ``text``, left to right; times of day are not figures.

    The alignment and the figures lens both read a sentence's figures; the answer depends on the
    text alone and is immutable, so it is computed once."""
    shares = _ratios(text)
    dates = _dates(text)
    found: list[Figure] = [*shares, *dates]
    clocks = [(match.start(), match.end()) for match in _CLOCK.finditer(text)]
    clocks += [(date.start, date.end) for date in dates]
    for match in _NUMBER.finditer(text):
        if any(share.start <= match.start() < share.end for share in shares):
            continue
        if any(start <= match.start() < end for start, end in clocks):
            continue
        raw = match.group(0).rstrip()
        if not raw.strip():
            continue
        value: float | None
        if match.group("digits"):
            value = float(match.group("digits").replace(",", ""))
        else:
            words = match.group("words") or ""
            if words.strip().lower() in {"one"} and not match.group("percent"):
                continue  # "one" is far more often a pronoun than a count
            if words.split()[0].lower() in _SCALES and _SOME_BEFORE.search(text, 0, match.start()):
                continue  # "several hundred", "a few thousand": an amount without a figure
            number = _word_value(words)
            value = float(number) if number is not None else None
        if value is None:
            continue
        scale = (match.group("scale") or "").lower()
        value *= {
            "million": 1e6,
            "m": 1e6,
            "billion": 1e9,
            "bn": 1e9,
            "trillion": 1e12,
            "thousand": 1e3,
        }.get(scale, 1)
        percent = bool(match.group("percent"))
        canonical = _format(value) + ("%" if percent else "")
        digits = match.group("digits") or ""
        is_year = (
            not percent
            and not scale
            and digits.isdigit()
            and len(digits) == 4
            and 1800 <= int(digits) <= 2100
        )
        qualifier = _QUALIFIER.search(text[: match.start()])
        label = bool(
            digits
            and (
                _ORDINAL_END.match(text, match.start() + len(raw))
                or _LABEL_BEFORE.search(text, 0, match.start())
            )
        )
        found.append(
            Figure(
                raw,
                match.start(),
                match.start() + len(raw),
                canonical,
                qualifier.group(1).lower() if qualifier else None,
                is_year,
                label=label,
            )
        )
    for match in _VAGUE_WORD.finditer(text):
        word = " ".join(match.group(1).lower().split())
        qualifier = _QUALIFIER.search(text[: match.start()])
        found.append(
            Figure(
                match.group(0),
                match.start(),
                match.end(),
                _VAGUE[word],
                qualifier.group(1).lower() if qualifier else None,
                False,
            )
        )
    found.sort(key=lambda f: f.start)
    return tuple(found)
