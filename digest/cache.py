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
    """The key of one story folder's analysis, from its name and every entry's name and bytes."""
    digest = hashlib.sha256()
    digest.update(code_version().encode() + b"\0")
    digest.update(folder.name.encode("utf-8", "surrogateescape") + b"\0")
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        digest.update(path.name.encode("utf-8", "surrogateescape") + b"\0")
        if path.is_dir():
            digest.update(b"folder\0")
            continue
        try:
            data = path.read_bytes()
        except OSError as error:
            # The analysis reports the file as unreadable; the key records that state.
            digest.update(f"unreadable {error.errno}\0".encode())
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
            # A read-only or full disk costs speed, not the build.
            log.warning("digest: cannot write the analysis cache in %s (%s)", self.folder, error)

    def prune(self, keep: set[str]) -> int:
        """Delete entries whose key is not in ``keep``, so the folder holds one entry per story."""
        removed = 0
        if not self.folder.is_dir():
            return removed
        for path in self.folder.glob(f"*{SUFFIX}"):
            if path.name[: -len(SUFFIX)] not in keep:
                try:
                    path.unlink()
                    removed += 1
                except OSError:
                    pass
        return removed
