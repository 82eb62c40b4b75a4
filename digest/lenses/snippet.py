"""A few words around a span, as the outlet wrote them: how lenses point into a sentence."""

from __future__ import annotations

import re

_WORD = re.compile(r"\S+")


def around(text: str, start: int, end: int, before: int = 3, after: int = 3) -> str:
    """``text[start:end]`` with up to ``before`` words in front and ``after`` words behind."""
    heads = [m.start() for m in _WORD.finditer(text[:start])]
    tails = [m.end() for m in _WORD.finditer(text[end:])]
    left = heads[-min(before, len(heads))] if before and heads else start
    right = end + tails[min(after, len(tails)) - 1] if after and tails else end
    return " ".join(text[left:right].split())
