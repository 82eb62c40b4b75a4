"""``digest render --out``: a folder that plain ``mkdocs build --strict`` builds without the plugin."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from digest.cli import main
from digest.render import home
from tests.site_build import ROOT, STORIES, build, env, write_config

TINY = ROOT / "tests" / "data" / "scale" / "tiny-story"

pytestmark = pytest.mark.slow


def test_rendered_folder_builds_without_the_plugin(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main(["render", "--seeds", str(STORIES), "--out", str(out), "--workers", "2"]) == 0
    assert "written to" in capsys.readouterr().out
    config = yaml.safe_load((out / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["plugins"] == ["search"]
    assert config["theme"]["name"] == "material"
    extensions = {e if isinstance(e, str) else next(iter(e)) for e in config["markdown_extensions"]}
    assert {"tables", "md_in_html", "toc"} <= extensions
    assert config["extra_css"] == ["assets/parallax.css", "assets/lenses.css"]
    for sheet in config["extra_css"]:
        assert (out / "docs" / sheet).is_file()

    # Run from another folder with a bare environment: nothing of the digest package is needed.
    plain_env = {k: v for k, v in env().items() if k != "PYTHONPATH"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(out / "mkdocs.yml")],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=plain_env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    bare = out / "site"
    home = (bare / "index.html").read_text(encoding="utf-8")
    assert "assets/parallax.css" in home
    assert "Varnia" in home
    # The reading guide the legends link to is written with the pages.
    assert "Struck-through text" in (bare / "reading" / "index.html").read_text(encoding="utf-8")

    # The same pages as the plugin builds, and generated pages stay out of the navigation.
    plugin_site = tmp_path / "plugin-site"
    built = build(write_config(tmp_path / "plugin", STORIES, cache=False), plugin_site, "--strict")
    assert built.returncode == 0, built.stderr

    def pages(site: Path) -> set[str]:
        return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}

    # The plugin adds one page of its own: the Pagefind search page.
    assert pages(bare) == pages(plugin_site) - {"search/index.html"}

    # The same styling: every page links the same stylesheets, with the same content.
    def stylesheets(page: Path) -> list[str]:
        return re.findall(r'<link rel="stylesheet" href="([^"]+)"', page.read_text(encoding="utf-8"))

    lens_page = next((bare / "stories").glob("*/differences/index.html")).relative_to(bare)
    for page in (Path("index.html"), lens_page):
        assert stylesheets(bare / page) == stylesheets(plugin_site / page)
    linked = stylesheets(bare / lens_page)
    assert any(href.endswith("assets/lenses.css") for href in linked), linked
    for sheet in ("assets/parallax.css", "assets/lenses.css"):
        assert (bare / sheet).read_bytes() == (plugin_site / sheet).read_bytes()
    claim = next((bare / "stories").glob("*/claims/*/index.html")).relative_to(bare)
    bare_claim = (bare / claim).read_text(encoding="utf-8")
    plugin_claim = (plugin_site / claim).read_text(encoding="utf-8")

    def primary_nav(page: str) -> str:
        return page.split('<nav class="md-nav md-nav--primary"', 1)[1].split("</nav>", 1)[0]

    # The plugin's navigation has one more entry, its search page; the rest is the same.
    bare_items = primary_nav(bare_claim).count('class="md-nav__item')
    assert primary_nav(plugin_claim).count('class="md-nav__item') == bare_items + 1
    assert bare_items < 10


def test_render_refuses_a_missing_seeds_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", "--seeds", str(tmp_path / "nope"), "--out", str(tmp_path / "out")]) == 2
    assert f"no folder of stories at {tmp_path / 'nope'}" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_render_refuses_zero_workers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", "--seeds", str(STORIES), "--out", str(tmp_path / "out"), "--workers", "0"]) == 2
    assert "--workers" in capsys.readouterr().err


def test_paginated_story_list_builds_strictly_with_and_without_the_plugin(tmp_path: Path) -> None:
    """Enough stories for two list pages: links between them resolve, and both builds agree."""
    seeds = tmp_path / "seeds"
    for number in range(home.PER_PAGE + 1):
        shutil.copytree(TINY, seeds / f"tiny-{number:03d}")
    config = write_config(tmp_path / "plugin", seeds, cache=False)
    built = build(config, tmp_path / "plugin-site", "--strict")
    assert built.returncode == 0, built.stderr
    second = (tmp_path / "plugin-site" / "page" / "2" / "index.html").read_text(encoding="utf-8")
    assert "tiny-000" in second or "tiny-040" in second
    assert main(["render", "--seeds", str(seeds), "--out", str(tmp_path / "out")]) == 0
    bare = build(tmp_path / "out" / "mkdocs.yml", tmp_path / "bare-site", "--strict")
    assert bare.returncode == 0, bare.stderr
    for site in ("plugin-site", "bare-site"):
        second = (tmp_path / site / "page" / "2" / "index.html").read_text(encoding="utf-8")
        assert "Page 2 of 2" in second
        assert 'href="../.."' in second
        assert second.count("/stories/tiny-") == 1


def test_render_says_what_it_left_out(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(TINY, seeds / "tiny-story")
    (seeds / "tiny-story" / "broken.txt").write_bytes(b"\x00\x01\x02 not an article")
    assert main(["render", "--seeds", str(seeds), "--out", str(tmp_path / "out"), "--workers", "1"]) == 0
    err = capsys.readouterr().err
    assert "digest render: tiny-story/broken.txt: " in err, err


def test_render_never_overwrites_a_project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = tmp_path / "project"
    (project / "docs").mkdir(parents=True)
    (project / "mkdocs.yml").write_text("site_name: Mine\n", encoding="utf-8")
    assert main(["render", "--seeds", str(STORIES), "--out", str(project), "--workers", "1"]) == 2
    assert "did not write" in capsys.readouterr().err
    assert (project / "mkdocs.yml").read_text(encoding="utf-8") == "site_name: Mine\n"
    assert not any((project / "docs").iterdir())
    # A folder with other files and no configuration is refused too; an earlier render's is not.
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "todo.txt").write_text("x", encoding="utf-8")
    assert main(["render", "--seeds", str(STORIES), "--out", str(tmp_path / "notes")]) == 2
    out = tmp_path / "out"
    assert main(["render", "--seeds", str(STORIES), "--out", str(out), "--workers", "1"]) == 0
    assert main(["render", "--seeds", str(STORIES), "--out", str(out), "--workers", "1"]) == 0
