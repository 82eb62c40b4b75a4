"""The plugin's analysis options through real builds: workers, and progress on a terminal only."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from tests.site_build import build, copy_stories, env, tree, write_config

pytestmark = pytest.mark.slow


def test_two_workers_build_the_same_site_as_one(tmp_path: Path) -> None:
    seeds = copy_stories(tmp_path / "seeds")
    one = write_config(tmp_path / "one", seeds, workers=1, cache=False)
    two = write_config(tmp_path / "two", seeds, workers=2, cache=False)
    for config, site in ((one, "site-one"), (two, "site-two")):
        result = build(config, tmp_path / site, "--strict")
        assert result.returncode == 0, result.stderr
    assert tree(tmp_path / "site-two") == tree(tmp_path / "site-one")


def test_workers_below_one_fail_the_build(tmp_path: Path) -> None:
    seeds = copy_stories(tmp_path / "seeds", ["ashcombe-battery-plant-fire"])
    result = build(write_config(tmp_path / "p", seeds, workers=-2), tmp_path / "site")
    assert result.returncode != 0
    assert "workers must be 1 or more" in result.stderr


def _build_on_terminal(config: Path, site: Path, **extra: str) -> str:
    """Run a build with stderr on a pseudo-terminal and return what the terminal showed."""
    main, secondary = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(site)],
        stdout=subprocess.DEVNULL,
        stderr=secondary,
        env=env(**extra),
    )
    os.close(secondary)
    shown = bytearray()
    while True:
        try:
            chunk = os.read(main, 4096)
        except OSError:  # the terminal closes when the build exits
            break
        if not chunk:
            break
        shown += chunk
    os.close(main)
    assert process.wait() == 0, shown.decode()
    return shown.decode("utf-8", "replace")


def test_progress_shows_on_a_terminal_but_not_in_ci_or_logs(tmp_path: Path) -> None:
    seeds = copy_stories(tmp_path / "seeds", ["ashcombe-battery-plant-fire", "varnia-no-confidence-vote"])
    config = write_config(tmp_path / "p", seeds, workers=2, cache=False)
    shown = _build_on_terminal(config, tmp_path / "site")
    assert "digest: analysing stories 1/2" in shown
    assert "digest: analysing stories 2/2" in shown
    assert "analysing stories" not in _build_on_terminal(config, tmp_path / "site", CI="true")
    logged = build(config, tmp_path / "site")
    assert logged.returncode == 0
    assert "analysing stories" not in logged.stderr
