"""Split a sentence into the clauses that can each carry a fact of their own.

One outlet packs several facts into a long sentence ("X resigned on Friday, and
his deputy will take over, officials said"); another states one of them alone.
Compared whole, the long sentence's extra material dilutes the overlap, so the
aligner also compares clause with clause. The split is deliberately shallow:
semicolons, dashes used as parentheses, and a comma followed by a word that
opens a coordinate, relative or participial clause. A part shorter than
`MIN_WORDS` stays with its neighbour, since it cannot state a fact alone.
"""

from __future__ import annotations

import re

MIN_WORDS = 4
"""Words a clause needs to be compared on its own."""

_BOUNDARY = re.compile(
    r"\s*(?:;|\s[\u2014\u2013]\s|\s--\s|,\s+(?=(?:but|and|while|which|who|whose|where|after|as|saying|"
    r"although|though|because|when|adding|according)\b)|\s(?=(?:but|while|whereas|although)\s))\s*",
    re.IGNORECASE,
)


def clauses(text: str) -> tuple[str, ...]:
    """The clauses of a sentence, or an empty tuple when it has only one."""
    parts: list[str] = []
    for part in _BOUNDARY.split(text):
        part = part.strip()
        if not part:
            continue
        if parts and (len(part.split()) < MIN_WORDS or len(parts[-1].split()) < MIN_WORDS):
            parts[-1] = f"{parts[-1]} {part}"
        else:
            parts.append(part)
    return tuple(parts) if len(parts) > 1 else ()
