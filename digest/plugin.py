"""The MkDocs plugin: runs the pipeline and hands the generated pages to ``mkdocs build``.

It stays thin on purpose. Everything it serves comes from `digest.render.site`,
which knows nothing about MkDocs, so the same site can be written to a folder
(``digest render``) for another engine.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as options
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel

from digest.cache import StoryCache
from digest.ingest import printable
from digest.render import paths
from digest.render.markup import plural
from digest.render.site import STYLESHEETS, build
from digest.stories import analyze_all, default_workers

log = logging.getLogger("mkdocs.plugins.digest")

REQUIRED_EXTENSIONS = ("tables", "md_in_html")
"""Markdown extensions the generated pages are written for."""


class DigestConfig(base.Config):
    # Where the story folders are, relative to mkdocs.yml.
    seeds_dir = options.Type(str, default="seeds")
    # Analyses of unchanged stories are reused from here (relative to mkdocs.yml).
    cache = options.Type(bool, default=True)
    cache_dir = options.Type(str, default=".cache/digest")
    # Processes that analyse stories side by side; default: one per CPU.
    workers = options.Optional(options.Type(int))


def _show_progress(done: int, total: int) -> None:
    """Stories done / total on one terminal line; the caller decides whether anyone sees it."""
    end = "\r\033[K" if done == total else ""
    sys.stderr.write(f"\rdigest: analysing stories {done}/{total}{end}")
    sys.stderr.flush()


def _progress_wanted() -> bool:
    """Only on an interactive terminal: CI logs and redirected output stay free of it."""
    return sys.stderr.isatty() and not os.environ.get("CI")


UNSAFE_THEME_FEATURES = {
    "content.tooltips": (
        "it reads the text of title attributes and of overflowing page titles and inserts it into "
        "the page as HTML, so an article sentence or headline could run a script in the reader's browser"
    ),
}
"""Material features that turn page text back into markup, with the reason each is refused."""


def _drop_unsafe_theme_features(config: MkDocsConfig) -> None:
    """Take the refused features out of the theme, so re-adding one to mkdocs.yml cannot open the hole."""
    features = config.theme.get("features")
    if not isinstance(features, list):
        return
    for feature, reason in UNSAFE_THEME_FEATURES.items():
        if feature in features:
            features[:] = [item for item in features if item != feature]
            log.warning("digest: theme feature %s is turned off: %s", feature, reason)


class DigestPlugin(BasePlugin[DigestConfig]):
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        for extension in REQUIRED_EXTENSIONS:
            if extension not in config.markdown_extensions:
                config.markdown_extensions.append(extension)
        for sheet in STYLESHEETS:
            if sheet not in config.extra_css:
                config.extra_css.append(sheet)
        _drop_unsafe_theme_features(config)
        return config

    def seeds_path(self, config: MkDocsConfig) -> Path:
        return (Path(config.config_file_path).parent / self.config.seeds_dir).resolve()

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        seeds = self.seeds_path(config)
        if not seeds.is_dir():
            log.warning("digest: seeds folder %s does not exist; the digest has no stories", seeds)
        if files.get_file_from_path(paths.HOME) is not None:
            raise PluginError(
                f"digest: {paths.HOME} is generated from the seeds folder; "
                "remove the hand-written one from the docs folder"
            )
        workers = self.config.workers or default_workers()
        if workers < 1:
            raise PluginError(f"digest: workers must be 1 or more, not {workers}")
        cache = None
        if self.config.cache:
            cache = StoryCache(Path(config.config_file_path).parent / self.config.cache_dir)
        progress = _show_progress if _progress_wanted() else None
        stories = analyze_all(seeds, workers=workers, cache=cache, progress=progress)
        if cache is not None:
            log.info(
                "digest: %s: %d analysed, %d from the cache",
                plural(len(stories), "story", "stories"),
                cache.misses,
                cache.hits,
            )
        skipped = 0
        for story in stories:
            for problem in story.problems:
                message = printable(f"digest: {story.meta.id}/{problem.file}: {problem.reason}")
                if problem.severity == "skipped":
                    skipped += 1
                    log.warning(message)
                else:
                    log.info(message)
        if skipped and config.strict:
            # MkDocs counts warnings for --strict only while they are shown, so "-q" would
            # let a digest with left-out input through: the plugin fails the build itself.
            raise PluginError(
                f"digest: {skipped} input problem(s) left something out of the digest and the build "
                "is strict; see the warnings above or run 'digest check'"
            )
        site = build(stories, config.site_name)
        for path, text in sorted(site.pages.items()):
            inclusion = InclusionLevel.INCLUDED if path == paths.HOME else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, path, content=text, inclusion=inclusion))
        for path, text in sorted(site.assets.items()):
            files.append(File.generated(config, path, content=text))
        return files

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        seeds = self.seeds_path(config)
        if seeds.is_dir():
            server.watch(str(seeds))
        return server
