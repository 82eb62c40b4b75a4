"""What a sentence asserts, reduced to the evidence alignment can trust.

Two sentences state the same fact when they share *specific* material: quoted
words, figures, names, and words that are rare in the story. Words every
sentence of the story uses ("Iran", "drones" in a story about Iranian drones)
say only that two sentences share a topic, so each term is weighted by how rare
it is within the story.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from digest.numbers import figures
from digest.text import fold, tokens

STOPWORDS = frozenset(
    """
    a an the and or but nor so yet for of to in on at by with from into onto over under
    about as than then that this these those there here it its it's they them their theirs
    he him his she her hers we us our you your i me my mine who whom whose which what when
    where why how is are was were be been being am do does did done doing have has had
    having will would shall should can could may might must not no also just only very more
    most much many some any all each every both either neither other such own same too again
    further once said says say saying told tell telling according added adding noted stated
    claimed insisted elaborated explained reported reportedly announced while although
    though because since if up down out off against between through during before after
    above below near mr mrs ms dr on-the s t
    """.split()
)
"""Function words and attribution verbs: they carry how a sentence is said, not what it says."""


def stem(word: str) -> str:
    """A light suffix strip so that "drone"/"drones" and "attack"/"attacked" meet.

    Deliberately crude: it only has to make inflections of one word collide
    within one story, not to find linguistic roots.
    """
    word = word.lower().replace("\u2019", "'")
    if word.endswith("'s"):
        word = word[:-2]
    word = word.strip("'")
    for suffix, keep in (
        ("ies", "y"),
        ("ied", "y"),
        ("sses", "ss"),
        ("ing", ""),
        ("ed", ""),
        ("es", ""),
        ("s", ""),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            return word[: -len(suffix)] + keep
    return word


def name_key(word: str) -> str:
    """A consonant skeleton that lets transliteration variants of one name meet.

    "Kyiv"/"Kiev", "Zelensky"/"Zelenskyy"/"Zelenskiy" and "Volodymyr"/"Vladimir"
    differ only in vowels, "y"/"i" and doubled letters; dropping those keeps
    the consonant frame, which different spellings of one name share.
    """
    lowered = word.lower()
    if lowered.endswith("'s"):
        lowered = lowered[:-2]
    frame = re.sub(r"[aeiouy'\-]", "", lowered)
    frame = re.sub(r"(.)\1+", r"\1", frame)
    return lowered[:1] + frame


@dataclass(frozen=True, slots=True)
class Evidence:
    """The comparable content of one sentence."""

    terms: frozenset[str]
    """Stemmed content words."""
    names: frozenset[str]
    """Stemmed capitalised words that do not open the sentence: candidate proper names."""
    numbers: frozenset[str]
    """Canonical figures ("30%", "2400")."""
    quotes: tuple[tuple[str, ...], ...]
    """Quoted passages as folded word sequences."""
    words: tuple[str, ...]
    """All folded words in order, for phrase overlap."""


_QUOTED = re.compile(r"[\"\u201c\u201d]([^\"\u201c\u201d]{3,}?)[\"\u201c\u201d]")


def evidence(text: str) -> Evidence:
    toks = [t for t in tokens(text) if t.key[:1].isalnum()]
    terms: set[str] = set()
    names: set[str] = set()
    for position, token in enumerate(toks):
        key = token.key
        if key in STOPWORDS or len(key) < 2:
            continue
        if any(ch.isdigit() for ch in key):
            continue
        terms.add(stem(key))
        if position > 0 and token.text[:1].isupper() and len(key) >= 4:
            names.add(stem(key))
    quotes = tuple(
        tuple(t.key for t in tokens(match.group(1)) if t.key[:1].isalnum())
        for match in _QUOTED.finditer(fold(text))
    )
    return Evidence(
        terms=frozenset(terms),
        names=frozenset(names),
        numbers=frozenset(f.canonical for f in figures(text) if not f.is_year),
        quotes=tuple(q for q in quotes if len(q) >= 2),
        words=tuple(t.key for t in toks),
    )


@dataclass(frozen=True, slots=True)
class Rarity:
    """Inverse document frequencies of terms across the sentences of one story."""

    weights: dict[str, float]
    default: float

    def __call__(self, term: str) -> float:
        return self.weights.get(term, self.default)


def name_variants(items: Iterable[Evidence]) -> dict[str, str]:
    """Map each spelling of a name to one spelling shared by all its variants in the story.

    Only capitalised words of four letters or more take part, and only when the
    story spells their consonant frame in more than one way.
    """
    spellings: dict[str, set[str]] = {}
    for item in items:
        for name in item.names:
            spellings.setdefault(name_key(name), set()).add(name)
    variants: dict[str, str] = {}
    for group in spellings.values():
        if len(group) > 1:
            canonical = min(group)
            variants.update({name: canonical for name in group if name != canonical})
    return variants


def unify(item: Evidence, variants: dict[str, str]) -> Evidence:
    """The same evidence with every name variant replaced by its canonical spelling."""
    if not variants or not (item.terms & variants.keys()):
        return item
    return replace(item, terms=frozenset(variants.get(term, term) for term in item.terms))


def rarity(items: Sequence[Evidence]) -> Rarity:
    counts: Counter[str] = Counter()
    for item in items:
        counts.update(item.terms)
    total = max(len(items), 1)
    weights = {term: math.log((total + 1) / (count + 0.5)) for term, count in counts.items()}
    return Rarity(weights, math.log((total + 1) / 0.5))


def weight(terms: Iterable[str], rare: Rarity) -> float:
    """Summed with `math.fsum`, which does not depend on the order of a set's iteration.

    A plain sum over a set varies in its last bits between processes (string
    hashing is randomised), which can flip ties between pair scores.
    """
    return math.fsum(rare(term) for term in terms)
