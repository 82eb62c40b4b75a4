"""Folding and tokenizing shared by every stage that compares text.

Outlets differ in typography (curly or straight quotes, en or em dashes,
non-breaking spaces, composed or decomposed accents). None of that is a
difference in what they report, so all comparison runs on folded text while
pages keep the outlet's original characters.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_FOLD_TABLE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u00b4": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00ad": None,
        "\u200b": None,
        "\u200c": None,
        "\u200d": None,
        "\ufeff": None,
    }
)
_SPACES = re.compile(r"\s+")


# The stages ask for the folding and tokens of one text many times over (every line
# rule, every sentence pair, every lens); the functions are pure, so they are cached.
@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Typographic folding: NFKC, straight quotes, ASCII dashes, single spaces; case kept."""
    text = unicodedata.normalize("NFKC", text).translate(_FOLD_TABLE)
    return _SPACES.sub(" ", text).strip()


@lru_cache(maxsize=131072)
def fold_key(text: str) -> str:
    """Folding for equality tests: `fold` plus case folding."""
    return fold(text).casefold()


@dataclass(frozen=True, slots=True)
class Token:
    """A token with the exact characters it covers, trailing whitespace included."""

    text: str
    """Original characters of the token itself."""
    space: str
    """Whitespace that follows it in the original."""
    key: str
    """Folded, case-insensitive form used for comparison."""


# A token is a word (letters or digits, with inner apostrophes, dots, commas or
# hyphens so that "2,400", "U.S" and "Tehran's" stay whole) or one other
# non-space character.
_WORDISH = re.compile(r"\w+(?:['\u2019\-\u2010\u2011.,]\w+)*|[^\w\s]")


@lru_cache(maxsize=16384)
def tokens(text: str) -> tuple[Token, ...]:
    """Split text into tokens whose text and space fields concatenate back to ``text.lstrip()``."""
    found: list[Token] = []
    matches = list(_WORDISH.finditer(text))
    for position, match in enumerate(matches):
        end = matches[position + 1].start() if position + 1 < len(matches) else len(text)
        word = match.group(0)
        found.append(Token(word, text[match.end() : end], fold_key(word)))
    return tuple(found)


@lru_cache(maxsize=16384)
def words(text: str) -> tuple[str, ...]:
    """Folded word tokens only (no punctuation), for similarity measures."""
    return tuple(t.key for t in tokens(text) if t.key[:1].isalnum() or t.key[:1] == "_")


_SHORT_TITLES = {
    "Gen": "General",
    "Sen": "Senator",
    "Sens": "Senators",
    "Rep": "Representative",
    "Reps": "Representatives",
    "Gov": "Governor",
    "Lt": "Lieutenant",
    "Col": "Colonel",
    "Capt": "Captain",
    "Sgt": "Sergeant",
    "Adm": "Admiral",
    "Maj": "Major",
    "Cmdr": "Commander",
    "Supt": "Superintendent",
    "Insp": "Inspector",
    "Det": "Detective",
    "Pres": "President",
    "Atty": "Attorney",
    "Prof": "Professor",
}
_SHORT_TITLE = re.compile(r"\b(" + "|".join(_SHORT_TITLES) + r")\.(?=\s+[A-Z][a-z])")


def titles_written_out(text: str) -> str:
    """The text with a title shortened before a name written out ("Gen. Flynn" as "General Flynn").

    Quotations are compared this way: one outlet's house style shortens the title where another
    spells it, and a changed word inside a quotation would read as an altered quote.
    """
    return _SHORT_TITLE.sub(lambda match: _SHORT_TITLES[match.group(1)], text)


def shortened(text: str, limit: int) -> str:
    """The text on one line, cut at a word boundary with an ellipsis when longer than ``limit``."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:")
    if cut.count("[") > cut.count("]"):
        # Never end inside an editor's insertion ("he [Mary…"): end before it.
        cut = cut[: cut.rindex("[")].rstrip(" ,;:")
    return cut + "\u2026"
