"""Rejoin the lines of hard-wrapped plain text into the paragraphs they were cut from.

Wire copy and e-mailed text often arrive wrapped at a fixed width (about 70
to 80 columns). Read line by line, every wrap would end a paragraph and cut a
sentence in two. The file itself tells whether it is wrapped: its lines
cluster just under one width, and many of them stop in mid-sentence. Only
then are lines joined, and only a line that is *full* (the next line's first
word would not have fitted on it) or that is plainly continued (the next line
opens in lower case) is joined to the next one.

Blank lines, indentation of a first line and list markers always separate
blocks. A line ending a sentence is a hint rather than a rule: in a file that
separates its paragraphs with blank lines, a full line that happens to end a
sentence is still inside its paragraph; in a file without blank lines it is
taken as the end of one.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

MAX_WRAP_WIDTH = 120
"""Lines longer than this are not a wrap width anyone uses: such a file has one paragraph per line."""
MIN_WRAP_WIDTH = 30
MIN_CUT_LINES = 2
"""Fewer lines stopping in mid-sentence is no evidence of wrapping."""
CUT_SHARE = 0.3
"""Share of the lines followed by another one that must stop in mid-sentence."""
INNER_SHARE = 0.5
"""Share of all lines that must run on into another line: in wrapped text most lines do, while a
page with a few stacked header lines (title, caption, byline) and one line per paragraph does not."""
FULL_SLACK = 0.15
"""How far under the wrap width a line may stop and still count as full: wrappers break at
word boundaries and some text was edited after wrapping."""
CONTINUED_SHARE = 0.5
"""A line at least this share of the width, followed by a lower-case line, continues into it."""

_LIST_MARKER = re.compile(r"^(?:[-*+\u2022\u2013\u2014\u00b7\u25aa\u25cf]|\d{1,3}[.)]|[a-z][.)])\s+\S")
_SENTENCE_END = re.compile(r"[.!?:][\"'\u201d\u2019)\]]*$")


@dataclass(frozen=True, slots=True)
class _Line:
    text: str
    """The line without its indentation or trailing space."""
    indent: int
    width: int
    """Length of the whole line, indentation included."""


def _lines(raw: Sequence[str]) -> list[_Line | None]:
    """Lines with their indentation measured; None for a blank line."""
    found: list[_Line | None] = []
    for line in raw:
        expanded = line.expandtabs(4).rstrip()
        stripped = expanded.lstrip()
        if not stripped:
            found.append(None)
        else:
            found.append(_Line(stripped, len(expanded) - len(stripped), len(expanded)))
    return found


def _percentile(values: Sequence[int], share: float) -> int:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def wrap_width(raw: Sequence[str]) -> int | None:
    """The width the text was wrapped at, or None when its lines are not wrapped.

    The width is read from the line-length distribution (its 90th percentile,
    so a stray long line does not count); the text counts as wrapped when the
    width is one a wrapper uses, most lines run on into another one, and enough
    of those stop in mid-sentence near that width.
    """
    lines = _lines(raw)
    present = [line for line in lines if line is not None]
    if len(present) < 3:
        return None
    width = _percentile([line.width for line in present], 0.9)
    if not MIN_WRAP_WIDTH <= width <= MAX_WRAP_WIDTH:
        return None
    inner = [
        line
        for line, following in itertools.pairwise(lines)
        if line is not None and following is not None and not _LIST_MARKER.match(following.text)
    ]
    cut = [
        line
        for line in inner
        if not _SENTENCE_END.search(line.text) and line.width >= (1 - 2 * FULL_SLACK) * width
    ]
    if (
        len(cut) < MIN_CUT_LINES
        or len(cut) < CUT_SHARE * len(inner)
        or len(inner) < INNER_SHARE * len(present)
    ):
        return None
    return width


def _joins(line: _Line, following: _Line, width: int, blank_separated: bool) -> bool:
    """Whether ``following`` continues the paragraph that ``line`` is in."""
    if _LIST_MARKER.match(following.text):
        return False
    if following.indent > line.indent and not _LIST_MARKER.match(line.text):
        return False  # an indented first line opens a paragraph
    first_word = following.text.split()[0]
    full = line.width + 1 + len(first_word) > (1 - FULL_SLACK) * width
    ends_sentence = bool(_SENTENCE_END.search(line.text))
    if full:
        return blank_separated or not ends_sentence
    continued = following.text[:1].islower() and line.width >= CONTINUED_SHARE * width
    return continued and not ends_sentence


def _join(left: str, right: str) -> str:
    """Two pieces of one paragraph; a word split at a hyphen keeps the hyphen, without a space."""
    if left.endswith("-") and left[-2:-1].isalpha() and right[:1].isalpha():
        return left + right
    return f"{left} {right}"


def paragraphs(raw: Sequence[str]) -> list[str]:
    """The text's paragraphs: wrapped lines joined, every other line on its own.

    Text that is not wrapped comes back one paragraph per non-blank line, as it
    was read before.
    """
    lines = _lines(raw)
    width = wrap_width(raw)
    if width is None:
        return [line.text for line in lines if line is not None]
    present = [i for i, line in enumerate(lines) if line is not None]
    blank_separated = any(lines[i] is None for i in range(present[0], present[-1]))
    found: list[str] = []
    previous: _Line | None = None
    for line in lines:
        if line is None:
            previous = None
            continue
        if previous is not None and found and _joins(previous, line, width, blank_separated):
            found[-1] = _join(found[-1], line.text)
        else:
            found.append(line.text)
        previous = line
    return found
