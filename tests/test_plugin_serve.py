"""The plugin's contract with ``mkdocs serve`` and its ``seeds_dir`` option."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS, build_site, make_project
from mkdocs.config import load_config

from digest.plugin import DigestPlugin


class RecordingServer:
    """Stands in for MkDocs' live-reload server, which only needs ``watch`` from the plugin."""

    def __init__(self) -> None:
        self.watched: list[str] = []

    def watch(self, path: str) -> None:
        self.watched.append(path)


def _plugin(config_file: Path) -> tuple[DigestPlugin, object]:
    config = load_config(str(config_file))
    plugin = config.plugins["digest"]
    assert isinstance(plugin, DigestPlugin)
    return plugin, config


def test_serve_watches_the_seeds_folder() -> None:
    plugin, config = _plugin(ROOT / "mkdocs.yml")
    server = RecordingServer()
    plugin.on_serve(server, config=config, builder=None)  # type: ignore[arg-type]
    assert server.watched == [str((ROOT / "seeds").resolve())]


def test_seeds_dir_is_relative_to_the_config_file(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", SEEDS)
    (project / "seeds").rename(project / "stories-in")
    config_file = project / "mkdocs.yml"
    config_file.write_text(config_file.read_text().replace("seeds_dir: seeds", "seeds_dir: stories-in"))
    site = build_site(project, tmp_path / "site", strict=True)
    assert (site / "stories" / "iran-crimea-drones" / "index.html").is_file()


def test_a_missing_seeds_folder_is_a_warning(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    project = make_project(tmp_path / "p")
    (project / "seeds").rmdir()
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.digest"):
        site = build_site(project, tmp_path / "site")
    assert "does not exist" in caplog.text
    assert "There are no stories yet" in (site / "index.html").read_text()
