"""Skipped input through a real ``mkdocs build``: a warning per file, strict builds fail,
plain builds still publish everything that could be read."""

from __future__ import annotations

import html
import logging
import re
import shutil
from pathlib import Path

import pytest
from conftest import DATA, build_site, make_project
from mkdocs.exceptions import Abort
from test_ingest import make_mixed

BAD = DATA / "bad"
STORIES = DATA / "stories"


def _project(tmp_path: Path) -> Path:
    project = make_project(tmp_path / "project")
    seeds = project / "seeds"
    shutil.move(make_mixed(tmp_path / "made"), seeds / "mixed")
    for name in ("single-article", "no-articles", "malformed-yaml"):
        shutil.copytree(BAD / name, seeds / name)
    shutil.copytree(STORIES / "varnia-no-confidence-vote", seeds / "varnia-no-confidence-vote")
    return project


def _text(page: Path) -> str:
    body = page.read_text(encoding="utf-8").split('<article class="md-content__inner md-typeset">', 1)[-1]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body.split("</article>", 1)[0])).split())


def test_strict_build_fails_when_input_is_skipped(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    project = _project(tmp_path)
    with caplog.at_level(logging.WARNING), pytest.raises(Abort):
        build_site(project, tmp_path / "site", strict=True)
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    for expected in (
        "digest: mixed/empty.txt: the file is empty",
        "digest: mixed/scan.txt: looks like a binary file",
        "digest: mixed/huge.txt: is ",
        "digest: mixed/duplicate-of-coast.txt: has the same text as coast-courier.txt",
        "digest: mixed/story.yml: lists 'gone-missing.txt', which is not in the folder",
        "digest: no-articles: has no readable articles",
        "digest: malformed-yaml/story.yml: cannot be read as YAML",
    ):
        assert any(w.startswith(expected) for w in warnings), (expected, warnings)
    assert not any("not valid UTF-8" in w or "single readable article" in w for w in warnings)


def test_strict_build_passes_when_only_notes_remain(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    shutil.copytree(BAD / "single-article", project / "seeds" / "single-article")
    site = build_site(project, tmp_path / "site", strict=True)
    page = _text(site / "stories" / "single-article" / "index.html")
    assert "Only one outlet's article could be read, so there is nothing to compare" in page
    assert "single-article: has a single readable article" in page


def test_plain_build_publishes_what_could_be_read(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    project = _project(tmp_path)
    with caplog.at_level(logging.WARNING):
        site = build_site(project, tmp_path / "site")
    assert any("digest: mixed/empty.txt" in r.getMessage() for r in caplog.records)
    story = _text(site / "stories" / "mixed" / "index.html")
    left_out = story.split("Left out of this digest:", 1)[1].split("Read, with a remark:", 1)[0]
    for name, reason in (
        ("empty.txt", "the file is empty"),
        ("headline-only.txt", "has a headline but no article text"),
        ("scan.txt", "looks like a binary file"),
        ("huge.txt", "is 20,"),
        ("long-text.txt", "has 2"),
        ("duplicate-of-coast.txt", "has the same text as coast-courier.txt"),
        ("notes.docx", "is not an article"),
        ("story.yml", "lists 'gone-missing.txt', which is not in the folder"),
    ):
        assert f"{name}: {reason}" in left_out, name
    remarks = story.split("Read, with a remark:", 1)[1]
    assert "legacy-cp1252.txt: not valid UTF-8" in remarks
    for article in (
        "coast-courier",
        "harbour-daily",
        "legacy-cp1252",
        "old-latin1",
        "with-bom",
        "crlf-lines",
    ):
        assert (site / "stories" / "mixed" / "articles" / article / "index.html").is_file()
    assert not (site / "stories" / "mixed" / "articles" / "duplicate-of-coast").exists()
    assert list((site / "stories" / "mixed" / "claims").glob("*/index.html"))
    cp1252 = _text(site / "stories" / "mixed" / "articles" / "legacy-cp1252" / "index.html")
    assert "\u201cweeks\u201d of repairs \u2013 caf\u00e9 owners fear \u20ac losses" in cp1252
    assert (site / "stories" / "varnia-no-confidence-vote" / "index.html").is_file()
    empty = _text(site / "stories" / "no-articles" / "index.html")
    assert "No article of this story could be read" in empty
    home = _text(site / "index.html")
    assert "A story whose articles were never added" in home and "Storm closes schools" in home
