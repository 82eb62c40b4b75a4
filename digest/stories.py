"""Finding the story folders below a seeds folder and analysing them all.

Stories are independent of each other, so they are analysed in parallel
processes when there is more than one to analyse, and taken from the cache
when their input has not changed. Results always come back in folder-name
order, whatever order the workers finish in, so the site does not depend on
scheduling.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from digest.cache import StoryCache, story_key
from digest.executors import Processes
from digest.ingest import address_clashes, story_id
from digest.model import Problem, Story
from digest.pipeline import analyze

Progress = Callable[[int, int], None]
"""Called with (stories done, stories in total) as the analysis advances."""


def story_folders(seeds: Path) -> list[Path]:
    """Sub-folders of ``seeds``, by name; hidden folders are not stories.

    Links among them count even when they loop or lead nowhere, so that reading them
    reports the broken link rather than leaving the story out without a word.
    """
    if not seeds.is_dir():
        return []
    return sorted(
        p for p in seeds.iterdir() if (p.is_dir() or p.is_symlink()) and not p.name.startswith((".", "_"))
    )


def default_workers() -> int:
    return os.cpu_count() or 1


def _input_size(folder: Path) -> int:
    """Bytes of the folder's entries as they are, without following links (only an order)."""
    try:
        return sum(p.lstat().st_size for p in folder.iterdir())
    except OSError:
        return 0


def analyze_many(folders: Sequence[Path], workers: int = 1, progress: Progress | None = None) -> list[Story]:
    """Analyse the folders, in parallel when ``workers`` > 1 and there is more than one.

    The largest stories are handed out first, so that no worker is left with a
    big one at the end while the others are idle.
    """
    total = len(folders)
    order = sorted(range(total), key=lambda i: (-_input_size(folders[i]), i))
    results: dict[int, Story] = {}
    work = [folders[i] for i in order]
    for done, (position, story) in enumerate(Processes(workers).run(analyze, work), 1):
        results[order[position]] = story
        if progress:
            progress(done, total)
    return [results[i] for i in range(total)]


def analyze_all(
    seeds: Path,
    workers: int = 1,
    cache: StoryCache | None = None,
    progress: Progress | None = None,
) -> list[Story]:
    """Every story below ``seeds``, by folder name; unchanged ones come from ``cache``.

    With a cache, entries of stories that are no longer there (or have changed)
    are removed afterwards, so the cache holds one entry per current story.
    """
    every = story_folders(seeds)
    clashes = address_clashes(every)
    folders = [folder for folder in every if folder not in clashes]
    return _with_clashes(_analyze_folders(folders, workers, cache, progress), clashes)


def _with_clashes(stories: list[Story], clashes: dict[Path, Problem]) -> list[Story]:
    """Report folders left out because their address is taken, on the story that holds it."""
    by_id = {story.meta.id: position for position, story in enumerate(stories)}
    for folder, problem in sorted(clashes.items()):
        position = by_id.get(story_id(folder.name))
        if position is not None:
            first = stories[position]
            stories[position] = replace(first, problems=(*first.problems, problem))
    return stories


def _analyze_folders(
    folders: Sequence[Path],
    workers: int,
    cache: StoryCache | None,
    progress: Progress | None,
) -> list[Story]:
    if cache is None:
        return analyze_many(folders, workers, progress)
    keys = [story_key(folder) for folder in folders]
    stories: list[Story | None] = [cache.load(key) for key in keys]
    todo = [i for i, story in enumerate(stories) if story is None]
    found = len(folders) - len(todo)

    def advance(done: int, _total: int) -> None:
        if progress:
            progress(found + done, len(folders))

    fresh = analyze_many([folders[i] for i in todo], workers, advance)
    for i, story in zip(todo, fresh, strict=True):
        stories[i] = story
        cache.store(keys[i], story)
    cache.prune(set(keys))
    return [story for story in stories if story is not None]
