"""A content-hash cache of story analyses, so a rebuild analyses only the stories that changed.

A story's key hashes everything its analysis depends on: the folder name (it
becomes the story id), the name and bytes of every entry in the folder, the
source of this package and the versions of the libraries that read and compare
the text. Any edit, code change or upgrade therefore gives a new key and a
fresh analysis; an unchanged story gives the same key and its stored `Story`,
which renders to the same bytes as a fresh one because rendering only ever
sees the `Story`.

Entries are pickles. Loading a pickle runs code chosen by whoever wrote it, so
the cache folder must be as trusted as the project folder itself (it lives
inside it by default, next to ``mkdocs.yml``). A damaged or foreign entry is a
miss, never an error.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from digest.errors import InputError
from digest.ingest import inspect_entry, read_bounded
from digest.model import Story

log = logging.getLogger("mkdocs.plugins.digest")

SUFFIX = ".pickle"
LIBRARIES = ("parallax-digest", "markdown-it-py", "rapidfuzz", "PyYAML", "trafilatura", "lxml_html_clean")
"""Distributions whose behaviour shapes an analysis; an absent optional one counts as a version too."""
_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# Parallax story analyses; safe to delete.\n"
"""A CACHEDIR.TAG, so backup tools skip the folder."""


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of this package's source and the library versions: part of every key."""
    digest = hashlib.sha256()
    for name in LIBRARIES:
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = "absent"
        digest.update(f"{name}={version}\n".encode())
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def story_key(folder: Path) -> str:
    """The key of one story folder's analysis: its name, and every entry's name, what the
    entry is (file, folder, link and where it points, refused and why) and a file's bytes.

    Entries are inspected before anything is read, exactly as ingest does, so the key
    never reads a pipe, a device or an outside file, and an entry that changes from a
    file to a link (even to the same bytes) changes the key.
    """
    digest = hashlib.sha256()
    digest.update(code_version().encode() + b"\0")
    digest.update(folder.name.encode("utf-8", "surrogateescape") + b"\0")
    story = inspect_entry(folder.parent, folder.name)
    digest.update(story.describe().encode("utf-8", "surrogateescape") + b"\0")
    try:
        names = sorted(path.name for path in folder.iterdir()) if story.kind == "folder" else []
    except OSError as error:
        names = []
        digest.update(f"unlistable {error.errno}\0".encode())
    for name in names:
        state = inspect_entry(folder, name)
        digest.update(name.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(state.describe().encode("utf-8", "surrogateescape") + b"\0")
        if state.kind != "file":
            continue
        try:
            data = read_bounded(folder / name)
        except (OSError, InputError) as error:
            # The analysis reports the file as unreadable; the key records that state.
            digest.update(f"unreadable {error}\0".encode("utf-8", "surrogateescape"))
            continue
        digest.update(f"{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


@dataclass(slots=True)
class StoryCache:
    """Stored analyses in one folder, one file per key, with counts of what was found."""

    folder: Path
    hits: int = 0
    misses: int = 0

    def path(self, key: str) -> Path:
        return self.folder / f"{key}{SUFFIX}"

    def load(self, key: str) -> Story | None:
        """The stored analysis for ``key``, or None (counted as a miss) when there is none usable."""
        try:
            with self.path(key).open("rb") as stream:
                story = pickle.load(stream)
        except FileNotFoundError:
            story = None
        except Exception as error:  # a damaged entry is only a miss: any unpickling error
            log.debug("digest: cache entry %s is unusable (%s); analysing again", key, error)
            story = None
        if not isinstance(story, Story):
            self.misses += 1
            return None
        self.hits += 1
        return story

    def store(self, key: str, story: Story) -> None:
        """Write an entry atomically, so a build that stops half-way never leaves a torn file."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            tag = self.folder / "CACHEDIR.TAG"
            if not tag.exists():
                tag.write_text(_TAG, encoding="utf-8")
            handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".tmp-", suffix=SUFFIX)
            with os.fdopen(handle, "wb") as stream:
                pickle.dump(story, stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, self.path(key))
        except OSError as error:
            # A read-only or full disk costs speed, not the build: a note, not a warning, so
            # that a strict build does not fail on it.
            log.info("digest: note: cannot write the analysis cache in %s (%s)", self.folder, error)

    def prune(self, keep: set[str]) -> int:
        """Delete entries whose key is not in ``keep``, so the folder holds one entry per story.

        Deletion never follows a link: when the cache folder is itself a link nothing is
        deleted, and inside it only regular files named like entries are, never links.
        """
        removed = 0
        if self.folder.is_symlink():
            log.info("digest: note: the cache folder %s is a link; old entries are not deleted", self.folder)
            return removed
        try:
            entries = list(os.scandir(self.folder))
        except OSError:
            return removed
        for entry in entries:
            if not entry.name.endswith(SUFFIX) or entry.name[: -len(SUFFIX)] in keep:
                continue
            if not entry.is_file(follow_symlinks=False):
                continue
            try:
                os.unlink(entry.path)
                removed += 1
            except OSError:
                pass
        return removed


# Rendered pages ------------------------------------------------------------------------------
#
# A story's pages and data file are written once, as Markdown source files (finished HTML in a
# raw block), into a folder beside the analyses. MkDocs reads them from there with their own
# modification times, so ``mkdocs build --dirty`` and ``mkdocs serve --dirty`` skip every page
# whose file did not change. A file is only rewritten when its bytes change, so an unchanged
# story's files keep their times. Each story's list of files is recorded under its key.

PAGES_FOLDER = "site-source"
MANIFEST_SUFFIX = ".files"


def pages_folder(cache: StoryCache) -> Path:
    return cache.folder / PAGES_FOLDER


def writable(cache: StoryCache) -> bool:
    """Whether the pages folder can be made; a read-only or blocked cache costs speed, not the build."""
    try:
        pages_folder(cache).mkdir(parents=True, exist_ok=True)
    except OSError as error:
        # A note, not a warning, as in `StoryCache.store`: a strict build must not fail on it.
        log.info("digest: note: cannot write the analysis cache in %s (%s)", cache.folder, error)
        return False
    return True


def pages_key(story_key: str, templates_fingerprint: str) -> str:
    """The key of a story's rendered files: its analysis key and the templates in use."""
    return hashlib.sha256(f"{story_key}\0{templates_fingerprint}".encode()).hexdigest()


def load_manifest(cache: StoryCache, key: str) -> list[str] | None:
    """The files written for ``key``, or None when they were never written or one is missing."""
    try:
        names = (cache.folder / f"{key}{MANIFEST_SUFFIX}").read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    folder = pages_folder(cache)
    if not names or not all((folder / name).is_file() for name in names):
        return None
    return names


def write_files(cache: StoryCache, key: str | None, files: dict[str, str]) -> None:
    """Write ``files`` under the pages folder, leaving unchanged ones untouched; record them under ``key``."""
    folder = pages_folder(cache)
    for name, text in files.items():
        target = folder / name
        data = text.encode("utf-8")
        try:
            if target.read_bytes() == data:
                continue
        except OSError:
            pass
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, target)
    if key is not None:
        (cache.folder / f"{key}{MANIFEST_SUFFIX}").write_text(
            "\n".join(sorted(files)) + "\n", encoding="utf-8"
        )


def prune_files(cache: StoryCache, keep_keys: set[str], keep_files: set[str]) -> None:
    """Delete manifests and files that no current story or list page owns."""
    for manifest in cache.folder.glob(f"*{MANIFEST_SUFFIX}"):
        if manifest.name[: -len(MANIFEST_SUFFIX)] not in keep_keys:
            manifest.unlink(missing_ok=True)
    folder = pages_folder(cache)
    if not folder.is_dir():
        return
    for path in sorted(folder.rglob("*"), reverse=True):
        if path.is_symlink() or path.is_file():
            if path.relative_to(folder).as_posix() not in keep_files:
                path.unlink(missing_ok=True)
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
