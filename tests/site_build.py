"""Running real ``mkdocs build`` subprocesses on copies of the fixture stories, for several tests."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
STORIES = ROOT / "tests" / "data" / "stories"
CACHE_LINE = re.compile(r"digest: (\d+) stor(?:y|ies): (\d+) analysed, (\d+) from the cache")


def copy_stories(target: Path, names: list[str] | None = None) -> Path:
    """A writable copy of the fixture stories (all, or the named ones)."""
    target.mkdir(parents=True, exist_ok=True)
    for folder in sorted(STORIES.iterdir()):
        if names is None or folder.name in names:
            shutil.copytree(folder, target / folder.name)
    return target


def write_config(project: Path, seeds: Path, **options: Any) -> Path:
    """A mkdocs.yml using the digest plugin on ``seeds`` with the given plugin options."""
    (project / "docs").mkdir(parents=True, exist_ok=True)
    config = {
        "site_name": "Digest test",
        "docs_dir": "docs",
        "theme": {"name": "material", "font": False},
        "plugins": ["search", {"digest": {"seeds_dir": os.path.relpath(seeds, project), **options}}],
    }
    path = project / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def env(**extra: str) -> dict[str, str]:
    values = {key: value for key, value in os.environ.items() if key != "CI"}
    values["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    values["NO_MKDOCS_2_WARNING"] = "1"
    values.update(extra)
    return values


def build(config: Path, site: Path, *flags: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *flags, "-f", str(config), "-d", str(site)],
        capture_output=True,
        text=True,
        env=env(),
        check=False,
    )


def cache_counts(log: str) -> tuple[int, int]:
    """(analysed, from the cache) as the plugin reported them."""
    match = CACHE_LINE.search(log)
    assert match, log
    return int(match.group(2)), int(match.group(3))


def tree(site: Path) -> dict[str, bytes]:
    """Every file of a built site by path; the sitemap is left out because it carries the build date."""
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file() and not path.name.startswith("sitemap.xml")
    }
