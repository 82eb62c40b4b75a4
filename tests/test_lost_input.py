"""Nothing an article file holds vanishes: deep nesting and link definitions are read, or reported.

Each fixture in ``tests/data/hidden`` hides text where a parser's limit or a
Markdown rule would drop it. The text is either in the article's sentences or
the file gets a "skipped" problem naming it, which `digest check` (and a strict
build) turns into a failure.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DATA, ROOT

from digest.ingest import read_article, read_story
from digest.model import Problem
from digest.normalize import normalize
from digest.segment import segment

HIDDEN = DATA / "hidden"


def _sentences(name: str) -> tuple[list[str], tuple[Problem, ...]]:
    raw, problems = read_article(HIDDEN / name)
    return [s.text for s in segment(normalize(raw)).sentences], problems


@pytest.mark.parametrize("name", ["deep-quote.md", "deep-list.md", "deep-page.html"])
def test_deep_nesting_within_the_limit_is_read(name: str) -> None:
    if name.endswith(".html"):
        pytest.importorskip("trafilatura")
    sentences, problems = _sentences(name)
    assert problems == ()
    text = " ".join(sentences)
    for expected in ("crane operators", "Point 13 of the plan", "divers found the old anchor"):
        if expected in (HIDDEN / name).read_text(encoding="utf-8"):
            assert expected in text
    # What follows the deep part is still read.
    assert any(("council" in s or "Point 13" in s) for s in sentences)


def test_a_list_item_past_level_nine_is_kept() -> None:
    sentences, _ = _sentences("deep-list.md")
    assert [s for s in sentences if s.startswith("Point ")] == [
        f"Point {i} of the plan was agreed by the council." for i in range(14)
    ]


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("too-deep-quote.md", "line 8 is not read as Markdown"),
        ("too-deep-page.html", "nests elements more than 2,048 deep"),
    ],
)
def test_text_nested_past_every_limit_is_reported(name: str, reason: str) -> None:
    if name.endswith(".html"):
        pytest.importorskip("trafilatura")
    sentences, problems = _sentences(name)
    assert not any("anchor" in s for s in sentences)
    assert [(p.file, p.severity) for p in problems] == [(name, "skipped")]
    assert reason in problems[0].reason
    assert problems[0].reason.startswith("left out")


def test_the_title_of_a_link_definition_is_kept_as_text() -> None:
    raw, problems = read_article(HIDDEN / "link-definitions.md")
    assert problems == ()
    sentences = [s.text for s in segment(normalize(raw)).sentences]
    assert "An earlier version of this article gave the wrong date for the restart." in sentences
    addresses = [r.text for r in raw.dropped if r.reason.startswith("link definition")]
    assert addresses == [
        "[authority]: https://port.example/statement",
        '[Correction]: https://port.example/corrections "An earlier version of this article gave the '
        'wrong date for the restart."',
    ]


def test_a_repeated_link_definition_is_reported(tmp_path: Path) -> None:
    story = tmp_path / "story"
    story.mkdir()
    (story / "a.md").write_text(
        "# Harbour works resume\n\nThe works resumed on [Monday][day].\n\n"
        '[day]: https://port.example/one\n[DAY]: https://port.example/two "A second note."\n',
        encoding="utf-8",
    )
    _, problems = read_article(story / "a.md")
    assert [(p.file, p.severity) for p in problems] == [("a.md", "skipped")]
    assert "line 6 is not read" in problems[0].reason


def test_digest_check_fails_on_text_left_out(tmp_path: Path) -> None:
    story = tmp_path / "story"
    story.mkdir()
    shutil.copy(HIDDEN / "too-deep-quote.md", story / "deep.md")
    shutil.copy(HIDDEN / "deep-quote.md", story / "fine.md")
    found = read_story(story)
    assert [p.file for p in found.problems if p.severity == "skipped"] == ["deep.md"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", "from digest.cli import main; raise SystemExit(main())", "check", str(story)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 1
    assert "deep.md: left out: the text on line 8" in done.stdout
