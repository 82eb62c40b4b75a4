"""Hostile story folders and YAML: a named, reasoned message for each, never a traceback,
a hang, a read outside the folder or a silent loss; and strict builds fail on them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from conftest import DATA
from site_build import build, env, write_config

from digest.cache import StoryCache, story_key
from digest.ingest import MAX_ID_LENGTH, MAX_STORY_ARTICLES, read_story, story_id
from digest.model import Problem
from digest.render.feed import timestamp
from digest.stories import analyze_all, story_folders

HOSTILE_YAML = sorted((DATA / "hostile-yaml").glob("*.yml"))
ARTICLE = "Bridge shut after ship hits pier\n\nThe Harbour Bridge was shut on Friday after a ship hit.\n"
OTHER = "Bridge closed after collision\n\nThe bridge was closed on Friday after a cargo ship struck a pier.\n"


def _story(folder: Path) -> Path:
    folder.mkdir(parents=True)
    (folder / "harbour-daily.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "coast-courier.txt").write_text(OTHER, encoding="utf-8")
    return folder


def _skipped(problems: tuple[Problem, ...], file: str) -> list[str]:
    return [p.reason for p in problems if p.file == file and p.severity == "skipped"]


@pytest.mark.parametrize("fixture", HOSTILE_YAML, ids=lambda p: p.stem)
def test_bad_yaml_in_story_file_is_reported_and_the_articles_still_read(
    tmp_path: Path, fixture: Path
) -> None:
    folder = _story(tmp_path / "story")
    shutil.copy(fixture, folder / "story.yml")
    found = read_story(folder)
    assert len(found.articles) == 2
    reasons = _skipped(found.problems, "story.yml")
    assert reasons, found.problems
    assert not any("b'" in reason for reason in reasons)


@pytest.mark.parametrize("fixture", HOSTILE_YAML, ids=lambda p: p.stem)
def test_bad_yaml_in_front_matter_skips_that_file_with_a_reason(tmp_path: Path, fixture: Path) -> None:
    folder = _story(tmp_path / "story")
    front = fixture.read_text(encoding="utf-8")
    (folder / "port-gazette.md").write_text(f"---\n{front}---\n\nThe bridge was shut on Friday.\n", "utf-8")
    found = read_story(folder)
    reasons = _skipped(found.problems, "port-gazette.md")
    assert reasons and reasons[0].startswith("front matter"), found.problems
    assert len(found.articles) == 2


def test_a_bad_title_does_not_take_the_date_with_it(tmp_path: Path) -> None:
    folder = _story(tmp_path / "story")
    (folder / "story.yml").write_text("title: [not, one, value]\ndate: 2025-03-14\n", encoding="utf-8")
    found = read_story(folder)
    assert found.meta.date == "2025-03-14"
    assert _skipped(found.problems, "story.yml")


def test_a_file_listed_twice_is_skipped(tmp_path: Path) -> None:
    folder = _story(tmp_path / "story")
    (folder / "story.yml").write_text(
        "articles:\n  - file: harbour-daily.txt\n    outlet: A\n  - file: harbour-daily.txt\n    outlet: B\n",
        encoding="utf-8",
    )
    assert _skipped(read_story(folder).problems, "story.yml")


def test_links_pipes_devices_and_hard_links_are_refused_without_reading(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text(OTHER.replace("Friday", "Monday"), encoding="utf-8")
    folder = _story(tmp_path / "story")
    (folder / "loop.txt").symlink_to("loop.txt")
    (folder / "dangling.txt").symlink_to("missing.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    os.mkfifo(folder / "pipe.txt")
    os.link(outside, folder / "hard.txt")
    started = time.monotonic()
    found = read_story(folder)
    key = story_key(folder)
    assert time.monotonic() - started < 10
    assert key == story_key(folder)
    for name in ("loop.txt", "dangling.txt", "zero.txt", "pipe.txt", "hard.txt"):
        assert _skipped(found.problems, name), (name, found.problems)
    assert "loops or leads nowhere" in _skipped(found.problems, "loop.txt")[0]
    assert "hard links" in _skipped(found.problems, "hard.txt")[0]
    assert len(found.articles) == 2


@pytest.mark.parametrize("kind", ["fifo", "folder", "loop"])
def test_a_story_file_that_is_not_a_file_is_reported(tmp_path: Path, kind: str) -> None:
    folder = _story(tmp_path / "story")
    target = folder / "story.yml"
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "folder":
        target.mkdir()
    else:
        target.symlink_to("story.yml")
    found = read_story(folder)
    assert _skipped(found.problems, "story.yml"), found.problems
    assert len(found.articles) == 2


@pytest.mark.parametrize("target", ["nowhere", "self"])
def test_a_broken_story_folder_link_is_reported(tmp_path: Path, target: str) -> None:
    seeds = tmp_path / "seeds"
    _story(seeds / "good")
    (seeds / "broken").symlink_to("nowhere" if target == "nowhere" else "broken")
    assert [p.name for p in story_folders(seeds)] == ["broken", "good"]
    stories = analyze_all(seeds)
    broken = next(s for s in stories if s.meta.id == "broken")
    assert _skipped(broken.problems, "broken")


def test_long_folder_names_get_capped_distinct_ids(tmp_path: Path) -> None:
    names = ["a" * 240 + "-one", "a" * 240 + "-two"]
    ids = [story_id(name) for name in names]
    assert all(len(i) <= MAX_ID_LENGTH for i in ids) and ids[0] != ids[1]
    seeds = tmp_path / "seeds"
    for name in names:
        _story(seeds / name)
    assert sorted(s.meta.id for s in analyze_all(seeds)) == sorted(ids)


def test_too_many_articles_are_refused_by_name(tmp_path: Path) -> None:
    folder = tmp_path / "story"
    folder.mkdir()
    for number in range(MAX_STORY_ARTICLES + 3):
        (folder / f"outlet-{number:03d}.txt").write_text(
            f"Headline {number}\n\nThe bridge was shut on day {number} after a ship hit a pier.\n", "utf-8"
        )
    found = read_story(folder)
    assert len(found.articles) == MAX_STORY_ARTICLES
    refused = [p for p in found.problems if "at most" in p.reason]
    assert [p.file for p in refused] == [
        f"outlet-{n:03d}.txt" for n in range(MAX_STORY_ARTICLES, MAX_STORY_ARTICLES + 3)
    ]


def test_the_cache_key_sees_a_file_swapped_for_a_link_with_the_same_bytes(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "coast-courier.txt").write_text(OTHER, encoding="utf-8")
    folder = _story(tmp_path / "story")
    before = story_key(folder)
    (folder / "coast-courier.txt").unlink()
    (folder / "coast-courier.txt").symlink_to(outside / "coast-courier.txt")
    assert story_key(folder) != before


def test_pruning_never_deletes_through_a_link(tmp_path: Path) -> None:
    victim = tmp_path / "victim"
    victim.mkdir()
    (victim / "precious.pickle").write_bytes(b"keep me")
    (victim / "other.pickle").write_bytes(b"keep me too")
    linked = StoryCache(tmp_path / "cache-link")
    (tmp_path / "cache-link").symlink_to(victim)
    linked.prune(set())
    real = tmp_path / "cache"
    real.mkdir()
    (real / "inner.pickle").symlink_to(victim / "other.pickle")
    (real / "stale.pickle").write_bytes(b"old")
    StoryCache(real).prune(set())
    assert sorted(p.name for p in victim.iterdir()) == ["other.pickle", "precious.pickle"]
    assert (real / "inner.pickle").is_symlink() and not (real / "stale.pickle").exists()


def test_feed_dates_past_the_calendar_are_no_date() -> None:
    assert timestamp("9999-12-31T23:59:59-14:00") is None
    assert timestamp("0001-01-01T00:00:00+14:00") is None
    assert timestamp("2025-03-14") == "2025-03-14T00:00:00Z"


def _project(tmp_path: Path, **options: object) -> Path:
    seeds = tmp_path / "seeds"
    _story(seeds / "good")
    bad = _story(seeds / "bad")
    (bad / "story.yml").write_text("title: First\ntitle: Second\n", encoding="utf-8")
    return write_config(tmp_path / "project", seeds, **options)


@pytest.mark.parametrize("flags", [("--strict",), ("--strict", "-q")])
def test_strict_builds_fail_on_skipped_input_even_when_quiet(tmp_path: Path, flags: tuple[str, ...]) -> None:
    config = _project(tmp_path)
    result = build(config, tmp_path / "site", *flags)
    assert result.returncode != 0, result.stderr
    assert "left something out" in result.stderr


def test_an_unwritable_cache_only_costs_speed(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    _story(seeds / "good")
    _story(seeds / "other")
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    config = write_config(
        tmp_path / "project", seeds, cache_dir=os.path.relpath(blocker / "cache", tmp_path / "project")
    )
    result = build(config, tmp_path / "site", "--strict")
    assert result.returncode == 0, result.stderr
    assert "cannot write the analysis cache" in result.stderr


def test_digest_check_reports_what_the_build_leaves_out(tmp_path: Path) -> None:
    config = _project(tmp_path)
    seeds = config.parent / yaml.safe_load(config.read_text())["plugins"][1]["digest"]["seeds_dir"]
    (seeds / "good" / "loop.txt").symlink_to("loop.txt")
    result = subprocess.run(
        [sys.executable, "-m", "digest.cli", "check", str(seeds)],
        capture_output=True,
        text=True,
        env=env(),
        check=False,
        timeout=60,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert "appears twice" in result.stdout and "loops or leads nowhere" in result.stdout
