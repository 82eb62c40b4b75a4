"""Every file of the site from a seeds folder: stories analysed and rendered, or taken from the cache.

The per-story job (`digest.pipeline.analyze_and_render`) runs on an executor
(`digest.executors`): in this process, in local worker processes or on a Dask
cluster, with the same results. With a cache, a story whose input, code and
templates are unchanged is neither analysed nor rendered again: its files are
already in the cache's pages folder, byte for byte, with their old times.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import cast

from digest import cache as cache_files
from digest.cache import StoryCache, story_key
from digest.executors import Executor
from digest.ingest import address_clashes, story_id
from digest.lenses import coverage
from digest.model import Problem, Story
from digest.pipeline import StoryOutput, StoryWork, analyze_and_render, render_files
from digest.render import templates
from digest.render.site import list_pages, shared_assets
from digest.stories import story_folders

Progress = Callable[[int, int], None]


@dataclass(slots=True)
class Generated:
    stories: list[Story]
    files: dict[str, str] = field(default_factory=dict)
    """Every file's text by path, when there is no cache folder to hold them."""
    folder: Path | None = None
    """The folder holding every file, with a cache."""
    names: list[str] = field(default_factory=list)
    """Every file's path, in site order: list pages, then each story's, then shared assets."""
    analysed: int = 0
    reused: int = 0


@dataclass(frozen=True, slots=True)
class _Job:
    """A story folder with the problems the seeds folder as a whole adds to it."""

    work: StoryWork
    extra: tuple[Problem, ...]


def _run(job: _Job) -> StoryOutput:
    """Analyse and render; the extra problems appear on the pages but not in the stored analysis."""
    if not job.extra:
        return analyze_and_render(job.work)
    output = analyze_and_render(job.work)
    return StoryOutput(output.story, render_files(_with(output.story, job.extra)))


def listing(story: Story) -> Story:
    """The story as the story list and the feed read it: no text, no diffs, of the lenses only
    which sentences each outlet alone reports (the list counts them).

    Every story is held until the list pages are made, after the others are rendered;
    held whole, a large archive would not fit in memory.
    """
    articles = tuple(
        replace(a, sentences=tuple(replace(s, text="") for s in a.sentences), subheads=(), removed=())
        for a in story.articles
    )
    claims = tuple(replace(view, phrasings=()) for view in story.claims)
    found = cast("coverage.Data | None", story.lenses.get("coverage"))
    lenses: dict[str, object] = {}
    if found is not None:
        lenses["coverage"] = {"outlets": {aid: {"alone": o["alone"]} for aid, o in found["outlets"].items()}}
    return replace(story, articles=articles, claims=claims, lenses=lenses)


def _with(story: Story, extra: tuple[Problem, ...]) -> Story:
    return replace(story, problems=(*story.problems, *extra)) if extra else story


def _jobs(seeds: Path, templates_dir: str | None) -> list[_Job]:
    every = story_folders(seeds)
    clashes = address_clashes(every)
    extra: dict[str, list[Problem]] = {}
    for folder, problem in sorted(clashes.items()):
        extra.setdefault(story_id(folder.name), []).append(problem)
    folders = [folder for folder in every if folder not in clashes]
    return [_Job(StoryWork(f, templates_dir), tuple(extra.get(story_id(f.name), ()))) for f in folders]


def generate(
    seeds: Path,
    executor: Executor,
    site_name: str,
    cache: StoryCache | None = None,
    templates_dir: str | None = None,
    progress: Progress | None = None,
) -> Generated:
    templates.use(templates_dir)
    jobs = _jobs(seeds, templates_dir)
    total = len(jobs)
    if cache is not None and not cache_files.writable(cache):
        cache = None
    if cache is None:
        outputs: dict[int, StoryOutput] = {}
        for done, (position, output) in enumerate(executor.run(_run, jobs), 1):
            outputs[position] = StoryOutput(listing(output.story), output.files)
            if progress:
                progress(done, total)
        stories = [_with(outputs[i].story, jobs[i].extra) for i in range(total)]
        files: dict[str, str] = {}
        for page in list_pages(stories):
            files[page.path] = page.markdown()
        for i in range(total):
            files.update(outputs.pop(i).files)
        files.update(shared_assets(stories, site_name))
        return Generated(stories, files=files, names=list(files), analysed=total)
    return _generate_cached(jobs, executor, site_name, cache, templates_dir, progress)


def _generate_cached(
    jobs: Sequence[_Job],
    executor: Executor,
    site_name: str,
    cache: StoryCache,
    templates_dir: str | None,
    progress: Progress | None,
) -> Generated:
    fingerprint = templates.fingerprint(templates_dir)
    keys = [story_key(job.work.folder) for job in jobs]
    file_keys = [
        cache_files.pages_key(key, fingerprint + repr(job.extra)) for key, job in zip(keys, jobs, strict=True)
    ]
    found: list[Story | None] = [cache.load(key) for key in keys]
    names: dict[int, list[str]] = {}
    todo = []
    for position, story in enumerate(found):
        if story is None:
            todo.append(position)
            continue
        manifest = cache_files.load_manifest(cache, file_keys[position])
        if manifest is None:  # analysed before, but the templates changed: render again here
            files = render_files(_with(story, jobs[position].extra))
            cache_files.write_files(cache, file_keys[position], files)
            manifest = sorted(files)
        found[position] = listing(story)
        names[position] = manifest
    reused = len(jobs) - len(todo)
    if progress and reused:
        progress(reused, len(jobs))
    for done, (index, output) in enumerate(executor.run(_run, [jobs[i] for i in todo]), 1):
        position = todo[index]
        found[position] = listing(output.story)
        cache.store(keys[position], output.story)
        cache_files.write_files(cache, file_keys[position], output.files)
        names[position] = sorted(output.files)
        if progress:
            progress(reused + done, len(jobs))
    cache.prune(set(keys))
    stories = [_with(story, job.extra) for story, job in zip(found, jobs, strict=True) if story is not None]
    common = {page.path: page.markdown() for page in list_pages(stories)}
    common.update(shared_assets(stories, site_name))
    cache_files.write_files(cache, None, common)
    every = [*common, *(name for position in range(len(jobs)) for name in names[position])]
    cache_files.prune_files(cache, set(file_keys), set(every))
    return Generated(
        stories, folder=cache_files.pages_folder(cache), names=every, analysed=len(todo), reused=reused
    )
