"""Finding and analysing every story: parallel analysis gives the same stories in the same order."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bench.corpus import write_corpus
from digest.cache import StoryCache
from digest.render.site import build
from digest.stories import Progress, analyze_all, analyze_many, story_folders
from tests.site_build import STORIES, copy_stories, env


def test_story_folders_are_sorted_and_skip_hidden_ones(tmp_path: Path) -> None:
    for name in ("b", "a", ".git", "_drafts"):
        (tmp_path / name).mkdir()
    (tmp_path / "c.txt").write_text("not a folder\n")
    assert [p.name for p in story_folders(tmp_path)] == ["a", "b"]
    assert story_folders(tmp_path / "missing") == []


@pytest.mark.slow
def test_parallel_analysis_equals_sequential_in_folder_order() -> None:
    sequential = analyze_all(STORIES, workers=1)
    parallel = analyze_all(STORIES, workers=2)
    assert [s.meta.id for s in parallel] == sorted(p.name for p in STORIES.iterdir())
    assert parallel == sequential
    assert build(parallel) == build(sequential)


def test_more_workers_than_stories_and_a_single_story(tmp_path: Path) -> None:
    folders = story_folders(STORIES)[:2]
    assert analyze_many(folders, workers=8) == analyze_many(folders, workers=1)
    assert analyze_many(folders[:1], workers=8) == analyze_many(folders[:1], workers=1)
    assert analyze_many([], workers=8) == []


def _recorder(calls: list[tuple[int, int]]) -> Progress:
    def record(done: int, total: int) -> None:
        calls.append((done, total))

    return record


@pytest.mark.parametrize("workers", [1, 2])
def test_progress_counts_every_story_once(workers: int) -> None:
    calls: list[tuple[int, int]] = []
    analyze_all(STORIES, workers=workers, progress=_recorder(calls))
    assert calls == [(n, 4) for n in range(1, 5)]


def test_progress_counts_cached_stories_as_done(tmp_path: Path) -> None:
    seeds = copy_stories(tmp_path / "seeds")
    cache = StoryCache(tmp_path / "cache")
    analyze_all(seeds, workers=1, cache=cache)
    article = seeds / "nx214-migraine-spray-trial" / "morning-courant.txt"
    article.write_text(article.read_text(encoding="utf-8") + "\nA later line.\n", encoding="utf-8")
    calls: list[tuple[int, int]] = []
    cache = StoryCache(tmp_path / "cache")
    stories = analyze_all(seeds, workers=2, cache=cache, progress=_recorder(calls))
    assert calls == [(4, 4)]
    assert (cache.hits, cache.misses) == (3, 1)
    assert [s.meta.id for s in stories] == [p.name for p in story_folders(seeds)]
    assert stories == analyze_all(seeds, workers=1)


@pytest.mark.slow
def test_analysis_does_not_depend_on_the_process_hash_seed(tmp_path: Path) -> None:
    """Workers are separate interpreters with their own string hashing, as are two builds.

    Stories with many near-equal pair scores (the synthetic corpus has them)
    once came out differently under different seeds; a cache or a pool would
    then mix analyses that disagree.
    """
    write_corpus(tmp_path / "seeds", 5)
    outputs = set()
    for seed in ("1", "2", "3"):
        script = (
            "import sys; from pathlib import Path; from digest.export import to_json; "
            "from digest.stories import analyze_all; "
            "sys.stdout.write(''.join(to_json(s) for s in analyze_all(Path(sys.argv[1]))))"
        )
        result = subprocess.run(
            [sys.executable, "-c", script, str(tmp_path / "seeds")],
            capture_output=True,
            text=True,
            env=env(PYTHONHASHSEED=seed),
            check=True,
        )
        outputs.add(result.stdout)
    assert len(outputs) == 1
