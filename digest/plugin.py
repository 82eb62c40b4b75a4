"""The MkDocs plugin: runs the pipeline and hands the generated pages to ``mkdocs build``.

It stays thin on purpose. Everything it serves comes from `digest.render.site`,
which knows nothing about MkDocs, so the same site can be written to a folder
(``digest render``) for another engine.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as options
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents, get_toc
from mkdocs.utils import get_relative_url
from mkdocs.utils.meta import get_data

from digest.cache import StoryCache
from digest.executors import Dask, Executor, Processes
from digest.generate import generate
from digest.ingest import printable, problem_place
from digest.render import paths, search_page
from digest.render.markup import plural
from digest.render.page import Heading, headings
from digest.render.site import STYLESHEETS, reading_page
from digest.stories import default_workers

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
    # Where per-story work runs: local processes, or a Dask cluster (the [dask] extra);
    # without an address a local Dask cluster of `workers` processes is started.
    executor = options.Choice(("local", "dask"), default="local")
    dask_address = options.Optional(options.Type(str))
    # A folder whose templates replace the package's own of the same name.
    templates_dir = options.Optional(options.Type(str))
    # Index the built site with Pagefind (a dependency) and add a search page.
    pagefind = options.Type(bool, default=True)
    # Stories per search index part (date order): bounds what one query downloads and what
    # indexing holds in memory, however large the archive grows.
    search_part_size = options.Type(int, default=search_page.PART_SIZE)


def _show_progress(done: int, total: int) -> None:
    """Stories done / total on one terminal line; the caller decides whether anyone sees it."""
    end = "\r\033[K" if done == total else ""
    sys.stderr.write(f"\rdigest: analysing stories {done}/{total}{end}")
    sys.stderr.flush()


def _progress_wanted() -> bool:
    """Only on an interactive terminal: CI logs and redirected output stay free of it."""
    return sys.stderr.isatty() and not os.environ.get("CI")


PLACEHOLDER = "<!-- digest: the page body, which has its own <h1> -->"
"""Stands for a body kept on disk. It names the ``<h1>`` so that the theme, which adds a title
heading to a page whose content has none, sees that this one has it."""
SHORT_PAGES = re.compile(r"stories/[^/]+/(claims|articles)/")
_INDENTATION = re.compile(r"\n\s+")
_EMPTY_CONTENTS = re.compile(
    r'<div class="md-sidebar md-sidebar--secondary"[^>]*>\n'
    r'<div class="md-sidebar__scrollwrap">\n<div class="md-sidebar__inner">\n'
    r'<nav class="md-nav md-nav--secondary"[^>]*>\n</nav>\n</div>\n</div>\n</div>\n'
)
"""The theme's contents sidebar when the page has no contents: markup with nothing to show."""
_THEME_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL)
_SEARCH_WORDING = ("search.", "select.version")
"""The theme's wording for its own search box and version menu, which a site searched with
Pagefind and without versions never shows."""
_SCRIPT_SAFE = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026", ord("'"): "\\u0027"}


_GENERATOR = re.compile(r'<meta name="generator" content="[^"<>]*">\n')
_SITE_DESCRIPTION = re.compile(r'<meta name="description" content="[^"<>]*">\n')
"""The site's description, which the theme repeats on every page; claim and article pages, the
thousands, do without it (the home and story pages keep it for link previews)."""
_EMPTY_BARS = '<div data-md-component="skip">\n</div>\n<div data-md-component="announce">\n</div>\n'
"""The theme's places for a skip link and an announcement bar, empty on every generated page."""
_TAB_SCRIPT = re.compile(
    r"<script>var target=document\.getElementById\(location\.hash\.slice\(1\)\);"
    r'target&&target\.name&&\(target\.checked=target\.name\.startsWith\("__tabbed_"\)\)</script>\n'
)
"""The theme's script that opens the content tab a link points to; generated pages have no tabs."""


_PALETTE_SCRIPT = re.compile(r'(</form>\n)<script>(var palette=__md_get\("__palette"\);[^<]*)</script>\n')
"""The theme's inline script that restores the reader's light or dark choice as a page loads."""
SHARED_SCRIPTS = "assets/digest"
"""Where the scripts that generated pages share are written, under the site folder."""


def _shared_palette_script(output: str, page_url: str, scripts: dict[str, str]) -> str:
    """The page with the theme's palette script loaded from one shared file instead of inline.

    The script is the same on every page and runs where it stands either way (a script
    element with a source blocks like an inline one), so the reader's choice is restored
    before the page shows; inline it is some 800 bytes of every one of tens of thousands of
    pages. ``scripts`` collects each distinct script under its file name, written once per
    build. Anything unexpected leaves the page as it is.
    """
    found = _PALETTE_SCRIPT.search(output)
    if found is None:
        return output
    script = found.group(2)
    name = _palette_file(script)
    scripts[name] = script
    tag = f'<script src="{get_relative_url(name, page_url)}"></script>\n'
    return output[: found.start()] + found.group(1) + tag + output[found.end() :]


@lru_cache(maxsize=8)
def _palette_file(script: str) -> str:
    """The shared file of a palette script, named by its content: hashed once, not once a page."""
    return f"{SHARED_SCRIPTS}/palette-{hashlib.sha256(script.encode()).hexdigest()[:12]}.js"


def _without_search_wording(output: str) -> str:
    """The page with the theme's search box settings (its wording, its worker's address) and
    version menu wording taken out of its settings script.

    Every page carries that script; on a large digest the unused wording alone is tens of
    megabytes. Anything unexpected in the script leaves the page as it is.
    """
    found = _THEME_CONFIG.search(output)
    if found is None:
        return output
    return output[: found.start(2)] + _lighter_settings(found.group(2)) + output[found.end(2) :]


@lru_cache(maxsize=64)
def _lighter_settings(script: str) -> str:
    """The settings script without the search and version wording. Pages at one depth of the
    site carry the same script, so each is rewritten once, not once per page."""
    try:
        settings = json.loads(script)
        wording = settings["translations"]
    except (ValueError, KeyError, TypeError):
        return script
    if not isinstance(wording, dict):
        return script
    settings["translations"] = {
        key: value for key, value in wording.items() if not str(key).startswith(_SEARCH_WORDING)
    }
    settings.pop("search", None)
    return json.dumps(settings, ensure_ascii=True).translate(_SCRIPT_SAFE)


def _theme_search(config: MkDocsConfig) -> bool:
    """Whether the site uses the theme's own search, which indexes page contents in memory and
    shows its search box on every page."""
    return bool({"search", "material/search"} & set(config.plugins))


def contents(found: list[Heading]) -> TableOfContents:
    """The theme's table of contents from a page's headings: third levels under the second."""
    tokens: list[Any] = []
    for item in found:
        token = {"level": item.level, "id": item.anchor, "name": item.markup, "children": []}
        if item.level > 2 and tokens:
            tokens[-1]["children"].append(token)
        else:
            tokens.append(token)
    return get_toc(tokens)


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
    def __init__(self) -> None:
        self._serving = False
        self._dirty = False
        self._indexed = False
        self._pages: set[str] = set()
        """Source paths of the generated pages."""
        self._parts: tuple[search_page.SearchPart, ...] = ()
        self._html: dict[str, str] = {}
        """Finished HTML of generated pages between their Markdown and content events."""
        self._scripts: dict[str, str] = {}
        """Scripts generated pages load from a shared file, by file name under the site folder."""

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
        if not config.use_directory_urls:
            raise PluginError(
                "digest: generated pages link in directory-URL style; set use_directory_urls: true"
            )
        # The reading guide every legend links to: the site's own if its docs folder has one.
        provide_reading = files.get_file_from_path(paths.READING) is None
        for own in (paths.HOME, search_page.PATH if self.config.pagefind else None):
            if own is not None and files.get_file_from_path(own) is not None:
                raise PluginError(
                    f"digest: {own} is generated from the seeds folder; "
                    "remove the hand-written one from the docs folder"
                )
        if self.config.search_part_size < 1:
            raise PluginError(
                f"digest: search_part_size must be 1 or more, not {self.config.search_part_size}"
            )
        workers = self.config.workers or default_workers()
        if workers < 1:
            raise PluginError(f"digest: workers must be 1 or more, not {workers}")
        executor = self._executor(workers)
        cache = None
        if self.config.cache:
            cache = StoryCache(Path(config.config_file_path).parent / self.config.cache_dir)
        progress = _show_progress if _progress_wanted() else None
        try:
            if self.config.pagefind:
                search_page.require_pagefind()
            generated = generate(
                seeds, executor, config.site_name, cache, self._templates_dir(config), progress
            )
        except RuntimeError as error:
            raise PluginError(str(error)) from error
        if cache is not None:
            log.info(
                "digest: %s: %d analysed, %d from the cache",
                plural(len(generated.stories), "story", "stories"),
                generated.analysed,
                generated.reused,
            )
        skipped = 0
        for story in generated.stories:
            for problem in story.problems:
                message = printable(f"digest: {problem_place(story.meta.id, problem.file)}: {problem.reason}")
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
        self._pages = set()
        for path in generated.names:
            if path.endswith(".md"):
                self._pages.add(path)
                inclusion = InclusionLevel.INCLUDED if path == paths.HOME else InclusionLevel.NOT_IN_NAV
            else:
                inclusion = InclusionLevel.UNDEFINED
            if generated.folder is not None:
                # A file with a source path and a stable time: --dirty builds skip it when unchanged.
                file = File(path, str(generated.folder), config.site_dir, config.use_directory_urls)
                file.inclusion = inclusion
                files.append(file)
            else:
                files.append(File.generated(config, path, content=generated.files[path], inclusion=inclusion))
        if provide_reading:
            files.append(File.generated(config, paths.READING, content=reading_page()))
        if self.config.pagefind:
            self._parts = search_page.parts(
                [story.meta for story in generated.stories], self.config.search_part_size
            )
            self._pages.add(search_page.PATH)
            files.append(File.generated(config, search_page.PATH, content=search_page.markdown(self._parts)))
        return files

    def _executor(self, workers: int) -> Executor:
        if self.config.executor == "dask":
            return Dask(self.config.dask_address, workers)
        return Processes(workers)

    def _templates_dir(self, config: MkDocsConfig) -> str | None:
        if not self.config.templates_dir:
            return None
        folder = Path(config.config_file_path).parent / self.config.templates_dir
        if not folder.is_dir():
            raise PluginError(f"digest: templates_dir {folder} is not a folder")
        return str(folder.resolve())

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """A generated page is finished HTML already: keep it aside and give Markdown nothing to parse."""
        if page.file.src_uri in self._pages:
            self._html[page.file.src_uri] = markdown
            return ""
        return markdown

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        finished = self._html.pop(page.file.src_uri, None)
        if finished is None:
            # A hand-written page: searchable like the generated ones, which mark their own body.
            if self.config.pagefind and page.file.src_uri != search_page.PATH:
                return f"<div data-pagefind-body>\n{html}\n</div>"
            return html
        if not SHORT_PAGES.match(page.file.src_uri):
            # Claim and article pages are short: a contents sidebar would only add weight.
            page.toc = contents(headings(finished))
        if self._deferred(page, config):
            return PLACEHOLDER
        return finished

    def _deferred(self, page: Page, config: MkDocsConfig) -> bool:
        """Whether the page's body waits on disk until its HTML is written.

        MkDocs holds every page's content from the first page read to the last page written;
        for a large archive that is gigabytes. A generated page read from the cache folder is
        held as a placeholder instead and its body read back for the finished page. A search
        plugin that indexes page contents (Material's own) needs them in memory, so then not.
        """
        return page.file.abs_src_path is not None and not _theme_search(config)

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        """Drop the theme's indentation from generated pages: a tenth or more of every page's bytes.

        Generated pages hold no preformatted text, so no whitespace there is significant.
        """
        if page.file.src_uri not in self._pages:
            return output
        if self._deferred(page, config):
            assert page.file.abs_src_path is not None
            body, _ = get_data(Path(page.file.abs_src_path).read_text(encoding="utf-8-sig"))
            before, after = output.split(PLACEHOLDER, 1)
            output = before + body + after
        output = _INDENTATION.sub("\n", output)
        if not page.toc:
            # Claim and article pages, thousands of them, have no contents: drop the empty sidebar.
            output = _EMPTY_CONTENTS.sub("", output, count=1)
        if SHORT_PAGES.match(page.file.src_uri):
            output = _SITE_DESCRIPTION.sub("", output, count=1)
        output = output.replace(_EMPTY_BARS, "", 1)
        if not _theme_search(config):
            output = _without_search_wording(output)
        # Neither the generator's name nor a script for content tabs serves these pages.
        output = _GENERATOR.sub("", output, count=1)
        output = _TAB_SCRIPT.sub("", output, count=1)
        return _shared_palette_script(output, page.url, self._scripts)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self._serving = command == "serve"
        self._dirty = dirty

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Write the scripts generated pages share, then index the site for search.

        Indexing reads every page of a part, so it takes as long for one edited story as for
        the whole part. A dirty build, and a rebuild while serving, therefore keep the index
        parts there are and build only missing ones (the edited story's new wording is found
        after the next full build); a full build indexes every part.
        """
        for name, script in sorted(self._scripts.items()):
            target = Path(config.site_dir) / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(script, encoding="utf-8")
        if not self.config.pagefind:
            return
        keep = (self._serving and self._indexed) or self._dirty
        try:
            search_page.index(Path(config.site_dir), self._parts, only_missing=keep)
        except RuntimeError as error:
            raise PluginError(str(error)) from error
        self._indexed = True

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        seeds = self.seeds_path(config)
        if seeds.is_dir():
            server.watch(str(seeds))
        return server
