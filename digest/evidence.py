"""What a sentence asserts, reduced to the evidence alignment can trust.

Two sentences state the same fact when they share *specific* material: quoted
words, figures, names, and words that are rare in the story. Words every
sentence of the story uses ("Iran", "drones" in a story about Iranian drones)
say only that two sentences share a topic, so each term is weighted by how rare
it is within the story.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from digest import lexicon
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


@lru_cache(maxsize=65536)
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


@lru_cache(maxsize=65536)
def _without_accents(word: str) -> str:
    """ "Peña" as "Pena": outlets that cannot print a letter's accent drop it."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))


def name_key(word: str) -> str:
    """A consonant skeleton that lets transliteration variants of one name meet.

    "Kyiv"/"Kiev", "Zelensky"/"Zelenskyy"/"Zelenskiy" and "Volodymyr"/"Vladimir"
    differ only in vowels, "y"/"i" and doubled letters; dropping those keeps
    the consonant frame, which different spellings of one name share.
    """
    lowered = _without_accents(word.lower())
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
    withheld: bool = False
    """The sentence says something is not known or not disclosed ("has not said how many")."""


_QUOTED = re.compile(r"[\"\u201c\u201d]([^\"\u201c\u201d]{3,}?)[\"\u201c\u201d]")
_TRAILING_VOWELS = re.compile(r"(?<=\w\w)[aeiouy]+$")


@functools.lru_cache(maxsize=65536)
def term(word: str, capitalised: bool = False) -> str:
    """The comparable form of one word: synonym group, country, or light stem.

    Trailing vowels are dropped after stemming so that "injure", "injured" and
    "injuries" meet; capitalised words also lose a nationality suffix so that
    "Iranian" meets "Iran".
    """
    key = word.lower().replace("\u2019", "'")
    group = lexicon.SYNONYMS.get(key)
    if group is None:
        stemmed = stem(key)
        group = lexicon.SYNONYMS.get(stemmed)
        if group is None:
            place = lexicon.country(key)
            if place:
                return place
            if capitalised:
                return lexicon.demonym_key(key)
            return _TRAILING_VOWELS.sub("", stemmed)
    return group


def _countable(figure: str) -> bool:
    """Figures worth comparing as terms: "one" and "two" are too common to say anything."""
    try:
        return float(figure.rstrip("%")) > 2 or figure.endswith("%")
    except ValueError:
        return True


_MAGNITUDES = ((10, 20, "#dozen"), (20, 100, "#dozens"), (100, 1000, "#hundreds"), (1000, 1e6, "#thousands"))
_VAGUE_MAGNITUDE = {
    "~12": "#dozen",
    "dozens": "#dozens",
    "hundreds": "#hundreds",
    "thousands": "#thousands",
    "tens of thousands": "#thousands",
    "hundreds of thousands": "#thousands",
}


def _magnitude(figure: str) -> str | None:
    """The vague word a count falls under, so "300 residents" meets "hundreds of residents"."""
    if figure in _VAGUE_MAGNITUDE:
        return _VAGUE_MAGNITUDE[figure]
    if figure.endswith("%"):
        return None
    try:
        value = float(figure)
    except ValueError:
        return None
    return next((name for low, high, name in _MAGNITUDES if low <= value < high), None)


def specific(figure: str) -> bool:
    """Figures that can identify a fact: not the small counts ("two schools") any sentence has."""
    try:
        return float(figure.rstrip("%")) > 10 or figure.endswith("%") or "." in figure
    except ValueError:
        return False


_WITHHELD = re.compile(
    r"\b(?:(?:has|have|had|did|does|do|would|will|could|was|were|is|are|has been|have been)\s+)?"
    r"(?:not|n't|never|yet to)\s+(?:yet\s+)?(?:been\s+)?"
    r"(?:say|said|disclose|disclosed|reveal|revealed|announce|announced|confirm|confirmed|specify|"
    r"specified|explain|explained|known|clear|established|released|made public)\b"
    r"|\b(?:refused|declined|would not|wouldn't)\s+to\s+(?:say|disclose|reveal|confirm|specify|comment)\b"
    r"|\bunclear\b|\bunknown\b",
    re.IGNORECASE,
)


def evidence(text: str) -> Evidence:
    toks = [t for t in tokens(text) if t.key[:1].isalnum()]
    keys = lexicon.join_phrases([t.key for t in toks])
    fused = len(keys) != len(toks)
    terms: set[str] = set()
    names: set[str] = set()
    if fused:
        # Two-word names were fused: match each word back to its token by order.
        originals = [t.text for t in toks]
        texts: list[str] = []
        position = 0
        for key in keys:
            texts.append(originals[position] if key == toks[position].key else key)
            position += 1 if key == toks[position].key else 2
    else:
        texts = [t.text for t in toks]
    for position, (key, original) in enumerate(zip(keys, texts, strict=True)):
        if original.isupper() and lexicon.country(key):
            # "US" and "UK" in capitals are countries, not the pronoun "us".
            terms.add(lexicon.country(key) or key)
            continue
        if key in STOPWORDS or len(key) < 2:
            continue
        if any(ch.isdigit() for ch in key):
            if any(ch.isalpha() for ch in key):
                # A code such as a model or product name ("NX-214"): a name, not a figure.
                terms.add(key)
                names.add(key)
            continue
        capitalised = original[:1].isupper()
        item = term(key, capitalised)
        terms.add(item)
        if "-" in key:
            # "no-confidence", "once-daily": each part can meet the plain word elsewhere.
            terms.update(
                term(part)
                for part in key.split("-")
                if part.isalpha() and len(part) > 2 and part not in STOPWORDS
            )
        if position > 0 and capitalised and len(key) >= 4:
            names.add(item)
    found = figures(text)
    terms.update("#" + f.canonical for f in found if _countable(f.canonical))
    terms.update(
        magnitude for f in found if not f.is_year for magnitude in [_magnitude(f.canonical)] if magnitude
    )
    quotes = tuple(
        tuple(t.key for t in tokens(match.group(1)) if t.key[:1].isalnum())
        for match in _QUOTED.finditer(fold(text))
    )
    return Evidence(
        terms=frozenset(terms),
        names=frozenset(names),
        numbers=frozenset(f.canonical for f in found if not f.is_year),
        quotes=tuple(q for q in quotes if len(q) >= 2),
        words=tuple(t.key for t in toks),
        withheld=bool(_WITHHELD.search(fold(text))),
    )


@dataclass(frozen=True, slots=True)
class Rarity:
    """Inverse document frequencies of terms across the sentences of one story."""

    weights: dict[str, float]
    default: float
    topics: frozenset[str] = frozenset()
    """Terms so common in the story that sharing them says only that two sentences share its topic."""

    def __call__(self, term: str) -> float:
        return self.weights.get(term, self.default)


MAX_FRAME = 40
"""Longest consonant frame matched with others one letter apart: no name has forty consonants,
and finding such neighbours costs the square of the frame's length."""


def name_variants(items: Iterable[Evidence]) -> dict[str, str]:
    """Map each spelling of a name to one spelling shared by all its variants in the story.

    Only capitalised words of four letters or more take part. Two spellings
    are one name when their consonant frames (three consonants or more) are
    equal ("Zelensky"/"Zelenskyy")
    or, for frames of five consonants or more, differ in one letter
    ("Havryliuk"/"Gavrilyuk", "Dmitrow"/"Dmitrov"): transliterations vary in
    single sounds, while different names of that length rarely do.
    """
    spellings: dict[str, set[str]] = {}
    for item in items:
        for name in item.names:
            # Below three consonants the vowels carry the name ("Mara", "Mira").
            frame = name_key(name)[1:]
            spellings.setdefault(frame if len(frame) >= 3 else name, set()).add(name)
    frames = sorted(spellings)
    parent = {frame: frame for frame in frames}

    def root(frame: str) -> str:
        while parent[frame] != frame:
            parent[frame] = parent[parent[frame]]
            frame = parent[frame]
        return frame

    def join(first: str, second: str) -> None:
        parent[root(second)] = root(first)

    # Frames one letter apart, found without comparing every pair: two frames of one length
    # that differ in letter i are equal once letter i is deleted from both, and a frame one
    # letter longer than another gives the shorter one by deleting a letter.
    long_frames = [frame for frame in frames if MAX_FRAME >= len(frame) >= 5]
    known = set(long_frames)
    first_with: dict[tuple[int, str], str] = {}
    for frame in long_frames:
        for position in range(len(frame)):
            shorter = frame[:position] + frame[position + 1 :]
            if shorter in known:
                join(shorter, frame)
            key = (position, shorter)
            if key in first_with:
                join(first_with[key], frame)
            else:
                first_with[key] = frame
    groups: dict[str, set[str]] = {}
    for frame in frames:
        groups.setdefault(root(frame), set()).update(spellings[frame])
    variants: dict[str, str] = {}
    for group in groups.values():
        if len(group) > 1:
            canonical = min(group)
            variants.update({name: canonical for name in sorted(group) if name != canonical})
    return variants


def unify(item: Evidence, variants: dict[str, str]) -> Evidence:
    """The same evidence with every name variant replaced by its canonical spelling."""
    if not variants or not (item.terms & variants.keys()):
        return item
    return replace(item, terms=frozenset(variants.get(term, term) for term in item.terms))


FLOOR = 3
"""Counts below this weigh the same: a word in one, two or three sentences is equally specific.

Without the floor a word found in a single sentence outweighs the words two
outlets share (which occur at least twice by definition, three times with a
reprint), so the overlap of every true pair is understated.
"""


TOPIC_SHARE = 0.25
"""A term in more than this share of a story's sentences (and more than `FLOOR`) is its topic."""


def rarity(items: Sequence[Evidence]) -> Rarity:
    """Inverse sentence frequency of every term in the story."""
    counts: Counter[str] = Counter()
    for item in items:
        counts.update(item.terms)
    total = max(len(items), 1)
    weights = {term: math.log((total + 1) / (max(count, FLOOR) + 0.5)) for term, count in counts.items()}
    limit = max(FLOOR, TOPIC_SHARE * total)
    topics = frozenset(term for term, count in counts.items() if count > limit)
    return Rarity(weights, math.log((total + 1) / (FLOOR + 0.5)), topics)


def weight(terms: Iterable[str], rare: Rarity) -> float:
    """Summed with `math.fsum`, which does not depend on the order of a set's iteration.

    A plain sum over a set varies in its last bits between processes (string
    hashing is randomised), which can flip ties between pair scores.
    """
    return math.fsum(rare(term) for term in terms)
