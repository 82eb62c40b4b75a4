"""Per-story work gives the same files whichever executor runs it: this process or a Dask cluster."""

from __future__ import annotations

from pathlib import Path

import pytest

from digest.executors import Dask, InProcess, Processes, in_order
from digest.generate import generate
from tests.site_build import STORIES

pytestmark = pytest.mark.slow


def test_a_dask_cluster_builds_the_same_files_as_this_process(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    local = generate(STORIES, InProcess(), "Digest test")
    clustered = generate(STORIES, Dask(workers=2), "Digest test")
    assert local.files and list(local.files) == list(clustered.files)
    assert local.files == clustered.files
    assert [s.meta.id for s in local.stories] == [s.meta.id for s in clustered.stories]


def test_local_processes_put_results_back_in_input_order() -> None:
    items = list(range(6))
    assert in_order(Processes(2), abs, items) == items
    assert in_order(InProcess(), abs, items) == items


def test_the_story_list_and_feed_read_the_same_from_a_listing() -> None:
    from digest.generate import listing
    from digest.pipeline import analyze
    from digest.render.site import list_pages, shared_assets

    stories = [analyze(folder) for folder in sorted(STORIES.iterdir())]
    slim = [listing(story) for story in stories]
    assert list_pages(slim) == list_pages(stories)
    assert shared_assets(slim, "Digest") == shared_assets(stories, "Digest")
