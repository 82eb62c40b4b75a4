"""Numbers: the figures each outlet gives for one fact, and the words hedging them.

"30%" and "roughly 30%" are one figure told with different confidence;
"ordered 2,400" and "bought as many as 2,400" one figure turned from a count
into a ceiling. `digest.numbers.figures` reduces each figure to a canonical
value and keeps its qualifier, so figures meet on value and differ on
qualifier. Amounts given without a figure ("dozens", "a relatively small
number") are listed beside them, since that is where outlets tend to differ
most.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TypedDict

from digest.evidence import stem
from digest.lenses.quoting import spans
from digest.lenses.snippet import around
from digest.model import Article, ClaimView, Sentence
from digest.numbers import Figure, figures

_VAGUE = re.compile(
    r"(?<![\w'])(?:"
    r"(?:(?:an?|the)\s+[\"\u201c\u2018]?)?(?:(?:relatively|very|fairly|comparatively|quite|rather|growing|"
    r"tiny|small|large|limited|significant|modest|substantial|huge|considerable|unknown|sizeable|sizable)\s+)+"
    r"(?:number|amount|quantity|group|contingent)"
    r"|a\s+(?:few|handful|couple)|(?:(?:tens|hundreds)\s+of\s+)?(?:thousands|millions)|dozens|hundreds"
    r"|scores|several|numerous|countless"
    r")(?![\w'])",
    re.IGNORECASE,
)


class Mention(TypedDict):
    article: str
    sentence: str
    text: str
    """The figure as written."""
    qualifier: str | None
    context: str
    """The figure with a few words around it ("destroyed roughly 30% of Ukraine's")."""


class _FigureFields(TypedDict):
    value: str
    mentions: list[Mention]
    qualifiers: list[str]
    """Each distinct qualifier, "exact" for none, sorted."""
    qualifiers_differ: bool
    missing: list[str]
    """Outlets that state the fact but give no such figure."""


class FigureData(_FigureFields, total=False):
    instead: list[str]
    """On a claim's figures, other values that may be the same quantity told differently: close
    to this one (within a factor of two, both percentages or both counts of 13 or more) and given
    only by outlets that do not give this one ("3.4 million" against "3.5 million"). Left out
    when there is none."""


class VagueData(TypedDict):
    sentence: str
    text: str
    quoted: bool
    context: str


class Data(TypedDict):
    claims: dict[str, list[FigureData]]
    story: list[FigureData]
    vague: dict[str, list[VagueData]]


def _mention(sentence: Sentence, figure: Figure) -> Mention:
    start = figure.start
    if figure.qualifier:
        found = sentence.text[: figure.start].lower().rfind(figure.qualifier)
        if found >= 0:
            start = found
    return {
        "article": sentence.article,
        "sentence": sentence.id,
        "text": figure.text,
        "qualifier": figure.qualifier,
        "context": around(sentence.text, start, figure.end, before=1),
    }


def compare(
    sentences: Sequence[Sentence], outlets: Sequence[str], alternatives: bool = False
) -> list[FigureData]:
    """Figures of these sentences by value, each with who gives it, how qualified, and who does not."""
    by_value: dict[str, list[Mention]] = {}
    counted: dict[str, set[str]] = {}
    for sentence in sentences:
        for figure in figures(sentence.text):
            # Years, ordinals and numbers that name something are not amounts, and a vague word
            # ("several") has its own list; what is left is compared by value.
            if figure.is_year or figure.label or not (figure.date or _numeric(figure.canonical)):
                continue
            value = figure.date or figure.canonical
            by_value.setdefault(value, []).append(_mention(sentence, figure))
            counted.setdefault(value, set()).add(_counted(sentence.text, figure.end))
    rows: list[FigureData] = []
    for value, mentions in by_value.items():
        qualifiers = sorted({m["qualifier"] or "exact" for m in mentions})
        present = {m["article"] for m in mentions}
        rows.append(
            {
                "value": value,
                "mentions": mentions,
                "qualifiers": qualifiers,
                "qualifiers_differ": len(qualifiers) > 1 and len(present) > 1,
                "missing": [o for o in outlets if o not in present],
            }
        )
    if alternatives:
        for row in rows:
            givers = {m["article"] for m in row["mentions"]}
            instead = [
                other["value"]
                for other in rows
                if other is not row
                and _close(row["value"], other["value"])
                and not counted[row["value"]].isdisjoint(counted[other["value"]])
                and givers.isdisjoint(m["article"] for m in other["mentions"])
            ]
            if instead:
                row["instead"] = instead
    return rows


_COUNTED = re.compile(r"[\s\-]*([^\W\d_]+)")


def _counted(text: str, end: int) -> str:
    """The word after a figure, light-stemmed: what it counts ("euros", "drones", "day")."""
    match = _COUNTED.match(text, end)
    return stem(match.group(1)) if match else ""


def _close(first: str, second: str) -> bool:
    """Two figures that may be one quantity told differently: both percentages or both counts of
    13 or more, within a factor of two of each other."""
    if not (_distinctive(first) and _distinctive(second)) or first.endswith("%") != second.endswith("%"):
        return False
    a, b = float(first.rstrip("%")), float(second.rstrip("%"))
    return a != b and min(a, b) * 2 >= max(a, b)


def _numeric(value: str) -> bool:
    try:
        float(value.rstrip("%"))
    except ValueError:
        return False
    return True


STORY_MIN_VALUE = 13
"""Across a whole story, small counts ("two", "three") recur for unrelated things; only larger
figures and percentages are compared outside a claim."""


def _distinctive(value: str) -> bool:
    if value.endswith("%"):
        return True
    try:
        return float(value) >= STORY_MIN_VALUE
    except ValueError:
        return False


def vague_amounts(article: Article) -> list[VagueData]:
    found: list[VagueData] = []
    for sentence in article.sentences:
        quoted = spans(sentence.text)
        for match in _VAGUE.finditer(sentence.text):
            text = match.group(0).replace("\u201c", "").replace('"', "").replace("\u2018", "")
            inside = any(start <= match.end() - 1 < end for start, end in quoted)
            found.append(
                {
                    "sentence": sentence.id,
                    "text": " ".join(text.split()),
                    "quoted": inside,
                    "context": around(sentence.text, match.start(), match.end(), before=3, after=4),
                }
            )
    return found


def analyse(articles: Sequence[Article], views: Sequence[ClaimView]) -> Data:
    """Figures per claim, figures given by several outlets anywhere in the story, and vague amounts."""
    by_id = {s.id: s for a in articles for s in a.sentences}
    claims = {
        view.claim.id: compare([by_id[sid] for sid in view.claim.sentences], view.outlets, alternatives=True)
        for view in views
    }
    ids = [a.id for a in articles]
    story = [
        row
        for row in compare([s for a in articles for s in a.sentences], ids)
        if len({m["article"] for m in row["mentions"]}) > 1 and _distinctive(row["value"])
    ]
    return {
        "claims": {k: v for k, v in claims.items() if v},
        "story": story,
        "vague": {a.id: vague_amounts(a) for a in articles},
    }
