from __future__ import annotations

import pytest

from digest.render.paths import article, claim, data, relative, story


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        (claim("s", "c"), story("s"), "../index.md"),
        (story("s"), claim("s", "c"), "claims/c.md"),
        (claim("s", "c"), article("s", "a"), "../articles/a.md"),
        ("index.md", story("s"), "stories/s/index.md"),
        (story("s"), data("s"), "../../data/s.json"),
        (claim("s", "c"), claim("t", "d"), "../../t/claims/d.md"),
    ],
)
def test_relative_links(source: str, target: str, expected: str) -> None:
    assert relative(source, target) == expected
