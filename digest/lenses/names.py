"""Names: one person or place spelled differently by different outlets (Kyiv/Kiev).

A spelling is a choice (transliteration, house style, politics), so the story
page lists them. Spellings meet on `digest.evidence.name_key`, the consonant
frame alignment already uses to tolerate them. Two guards keep inflections
apart: the spellings must be close as strings, and one must not merely be the
other with an ending added ("Iran"/"Iranian", "Ukraine"/"Ukrainian").

The lens reads everything an outlet printed, including the captions
normalization set aside: a caption's spelling is still the outlet's spelling.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from itertools import islice
from typing import TypedDict

from rapidfuzz.distance import Indel

from digest.evidence import name_key
from digest.lenses.persons import TIME_WORDS
from digest.lenses.snippet import around
from digest.model import Article

MIN_LETTERS = 4
MIN_SIMILARITY = 0.5
"""Lowest character similarity of two spellings of one name (Volodymyr/Vladimir is 0.59)."""
MAX_COMPARED = 200
"""Other spellings of one consonant frame each spelling is compared with, at most: a real name
has a handful, so only text made of invented names reaches it, and the cost stays linear."""
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")


class Use(TypedDict):
    article: str
    sentence: str | None
    """The sentence id, or None for text outside the body (a caption)."""
    context: str


class Spelling(TypedDict):
    spelling: str
    articles: list[str]
    count: int
    example: Use


class Variant(TypedDict):
    key: str
    spellings: list[Spelling]


class Data(TypedDict):
    variants: list[Variant]


def _texts(article: Article) -> list[tuple[str | None, str]]:
    found: list[tuple[str | None, str]] = [(s.id, s.text) for s in article.sentences]
    found.extend((None, removal.text) for removal in article.removed)
    return found


def _bare(word: str) -> str:
    return re.sub(r"['\u2019]s$", "", word)


_ENDINGS = frozenset({"n", "an", "ian", "ns", "ans", "ians", "s", "es", "ese", "i", "is", "ish", "ic", "ite"})
"""Endings that make a people, a language or a plural out of a name ("Varnia" to "Varnian")."""


def _inflection(a: str, b: str) -> bool:
    """True when the longer spelling is the shorter one (give or take its last letter) plus an ending."""
    short, long = sorted((a, b), key=len)
    if len(long) == len(short):
        return False
    if long.startswith(short) and long[len(short) :] in _ENDINGS:
        return True
    return len(long) - len(short) >= 2 and long.startswith(short[:-1])


def _related(a: str, b: str) -> bool:
    return Indel.normalized_similarity(a, b) >= MIN_SIMILARITY and not _inflection(a, b)


def _has_relative(spelling: str, group: Sequence[str]) -> bool:
    """Whether another spelling of the group is close to this one, looking at `MAX_COMPARED` at most."""
    others = (other for other in group if other != spelling)
    return any(_related(spelling, other) for other in islice(others, MAX_COMPARED))


def _first_names_of_others(group: Sequence[str], surnames: dict[str, set[str | None]]) -> bool:
    """Whether the spellings are first names of different people: each is always followed by a
    surname, and no surname follows two of them ("Larry Nordvig", "Laura Ingraham")."""
    seen: set[str | None] = set()
    for spelling in group:
        after = surnames.get(spelling, {None})
        if None in after or not seen.isdisjoint(after):
            return False
        seen |= after
    return True


def analyse(articles: Sequence[Article]) -> Data:
    lowercase: set[str] = set()
    uses: dict[str, list[Use]] = {}
    shown: dict[str, Counter[str]] = {}
    surnames: dict[str, set[str | None]] = {}
    for article in articles:
        for sentence_id, text in _texts(article):
            matches = list(_WORD.finditer(text))
            for number, match in enumerate(matches):
                word = _bare(match.group(0))
                lowered = word.lower()
                if word[:1].islower():
                    lowercase.add(lowered)
                    continue
                if len(word) < MIN_LETTERS or not word[1:].islower():
                    continue
                context = around(text, match.start(), match.end(), 4, 4)
                uses.setdefault(lowered, []).append(
                    {"article": article.id, "sentence": sentence_id, "context": context}
                )
                shown.setdefault(lowered, Counter())[word] += 1
                after = matches[number + 1] if number + 1 < len(matches) else None
                joined = after is not None and text[match.end() : after.start()] == " "
                surname = (
                    after.group(0) if after is not None and joined and after.group(0)[:1].isupper() else None
                )
                surnames.setdefault(lowered, set()).add(name_key(_bare(surname)) if surname else None)
    # A day or a time word opening a sentence ("Today, …") is capitalised but names nobody.
    names = sorted(spelling for spelling in uses if spelling not in lowercase and spelling not in TIME_WORDS)
    by_key: dict[str, list[str]] = {}
    for spelling in names:
        by_key.setdefault(name_key(spelling), []).append(spelling)
    position = {a.id: number for number, a in enumerate(articles)}
    variants: list[Variant] = []
    for key in sorted(by_key):
        group = by_key[key]
        if len(group) < 2:
            continue
        kept = [s for s in group if _has_relative(s, group)]
        outlets = {s: sorted({u["article"] for u in uses[s]}, key=position.__getitem__) for s in kept}
        if len(kept) < 2 or _first_names_of_others(kept, surnames):
            continue
        spellings: list[Spelling] = []
        for spelling in kept:
            in_body = [u for u in uses[spelling] if u["sentence"] is not None]
            spellings.append(
                {
                    "spelling": shown[spelling].most_common(1)[0][0],
                    "articles": outlets[spelling],
                    "count": len(uses[spelling]),
                    "example": (in_body or uses[spelling])[0],
                }
            )
        variants.append({"key": key, "spellings": spellings})
    return {"variants": variants}
