"""Whole pages as saved from the web: every line of furniture goes with its reason, every sentence stays.

Each page under tests/data/cleaning has an ``.expected.yml`` listing the lines
that are not article text, each with the reason it must be removed for, and
the article's sentences, which must all be kept and be the only ones left.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import DATA

from digest.ingest import read_article
from digest.normalize import normalize
from digest.segment import segment

PAGES = sorted(p for p in (DATA / "cleaning").iterdir() if p.suffix in {".txt", ".html", ".md"})


def _expected(page: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(page.with_suffix(".expected.yml").read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_furniture_goes_with_its_reason(page: Path) -> None:
    raw, _ = read_article(page)
    article = segment(normalize(raw))
    reasons: dict[str, list[str]] = {}
    for removal in article.removed:
        reasons.setdefault(removal.text, []).append(removal.reason)
    for item in _expected(page)["removed"]:
        assert item["reason"] in reasons.get(item["text"], []), item["text"]


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_every_sentence_is_kept_and_nothing_else(page: Path) -> None:
    raw, _ = read_article(page)
    article = segment(normalize(raw))
    assert [s.text for s in article.sentences] == _expected(page)["kept"]
