"""Same input, same bytes; and a claim's address survives unrelated additions."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import DATA, ROOT, SEEDS, build_site, make_project

STORIES = DATA / "stories"


def _files(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def _build_in_new_process(project: Path, site: Path, hash_seed: str) -> None:
    """A separate interpreter with its own hash seed, so set or dict ordering that depends
    on string hashing would show up as a difference."""
    env = {**os.environ, "PYTHONHASHSEED": hash_seed, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--quiet",
            "--strict",
            "-f",
            str(project / "mkdocs.yml"),
            "-d",
            str(site),
        ],
        check=True,
        env=env,
        cwd=project,
    )


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", SEEDS)
    for folder in sorted(STORIES.iterdir()):
        shutil.copytree(folder, project / "seeds" / folder.name)
    _build_in_new_process(project, tmp_path / "one", "1")
    _build_in_new_process(project, tmp_path / "two", "2")
    first, second = _files(tmp_path / "one"), _files(tmp_path / "two")
    assert first.keys() == second.keys()
    # The sitemap carries build dates only when site_url is set; this site has none, so
    # every file, sitemap and Pagefind index included, must match.
    assert "pagefind/1/pagefind-entry.json" in first and "sitemap.xml.gz" in first
    assert len([name for name in first if name.startswith("data/")]) == 5
    different = [name for name in first if first[name] != second[name]]
    assert not different


def _claim_ids(site: Path, story: str) -> set[str]:
    return {p.name for p in (site / "stories" / story / "claims").iterdir() if p.is_dir()}


UNRELATED = """Lighthouse keeper retires after four decades

The keeper of the Point Rowan lighthouse retired on Monday after 40 years of service.

She said she would miss the winter storms and the seals that gathered below the rocks.

A museum will open in the keeper's cottage next spring.
"""


def test_claim_addresses_survive_unrelated_additions(tmp_path: Path) -> None:
    story = "varnia-no-confidence-vote"
    project = make_project(tmp_path / "project")
    shutil.copytree(STORIES / story, project / "seeds" / story)
    before = _claim_ids(build_site(project, tmp_path / "before", strict=True), story)
    assert len(before) >= 3

    (project / "seeds" / story / "aa-lighthouse-gazette.txt").write_text(UNRELATED, encoding="utf-8")
    shutil.copytree(
        STORIES / "ashcombe-battery-plant-fire", project / "seeds" / "ashcombe-battery-plant-fire"
    )
    after_site = build_site(project, tmp_path / "after")
    after = _claim_ids(after_site, story)
    assert before <= after, before - after
    assert (after_site / "stories" / story / "articles" / "aa-lighthouse-gazette" / "index.html").is_file()
