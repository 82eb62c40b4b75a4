"""Where the quotations of a sentence are: the one place that reads quotation marks.

Curly marks say which side they are on; straight ones are judged by their
neighbours. A quotation left open runs to the end of the sentence and a
sentence that starts inside one (the second sentence of a long quotation)
closes at its first mark, because outlets split long quotations that way.
Single marks count only in their curly form, since a straight one is far more
often an apostrophe.
"""

from __future__ import annotations

import re

_OPENERS = "\u201c\u201e"
_CLOSERS = "\u201d"
_STRAIGHT = '"'
_MARKS = re.compile("[" + _OPENERS + _CLOSERS + _STRAIGHT + "\u2018\u2019]")
"""Every character the reading below acts on; the rest of a sentence is skipped over."""


def _straight_opens(text: str, at: int) -> bool:
    before = text[at - 1] if at else " "
    return before.isspace() or before in "([{\u2014\u2013-/"


def spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quoted passage's inner text, left to right."""
    found: list[tuple[int, int]] = []
    opened: int | None = None
    single: int | None = None
    for mark in _MARKS.finditer(text):
        at, ch = mark.start(), mark.group(0)
        if ch in _OPENERS or ch in _CLOSERS or ch == _STRAIGHT:
            opens = ch in _OPENERS or (ch == _STRAIGHT and _straight_opens(text, at))
            if opened is None and opens:
                opened = at
            elif opened is not None and not opens:
                found.append((opened + 1, at))
                opened = None
            elif opened is None and not found and single is None:
                found.append((0, at))
        elif ch == "\u2018" and opened is None and single is None:
            single = at
        elif ch == "\u2019" and single is not None and not text[at + 1 : at + 2].isalpha():
            found.append((single + 1, at))
            single = None
    if opened is not None:
        found.append((opened + 1, len(text)))
    return [(start, end) for start, end in found if text[start:end].strip()]


def masked(text: str) -> str:
    """The sentence with every quoted passage blanked out, positions unchanged."""
    chars = list(text)
    for start, end in spans(text):
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def passages(text: str) -> list[tuple[int, str]]:
    """Each quoted passage's position and text, trimmed of surrounding punctuation and space."""
    found = []
    for start, end in spans(text):
        inner = text[start:end].strip().strip(",;:").strip()
        if inner:
            found.append((start, inner))
    return found
