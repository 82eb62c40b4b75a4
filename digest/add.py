"""``digest add``: fill a story folder from links and saved pages instead of by hand.

Each source becomes one Markdown article with front matter (title, outlet, url,
byline, published) in ``<seeds>/<story>/`` and an entry in its ``story.yml``.
The files are written in the input format the build reads, and each one is
read back through the same reader before it counts as added, so what ``add``
reports is what the site will show. A source that is already in the story (the
same address, or the same text) is refused, and no existing file is ever
replaced: a maintainer's hand edits are safe.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import re
import stat
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from digest import write_markdown
from digest.errors import InputError
from digest.fetch import DEFAULT_TIMEOUT, FetchError, fetch
from digest.ingest import STORY_FILE, article_id, decode, read_article, read_story, slug
from digest.model import RawArticle, RawBlock
from digest.text import fold_key

FILE_SUFFIXES = (".html", ".htm", ".txt", ".md")
_WEB_ADDRESS = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


class AddError(Exception):
    """A source or the story cannot be used; the message says why."""


@dataclass(frozen=True, slots=True)
class Added:
    source: str
    file: str
    outlet: str
    headline: str
    notes: tuple[str, ...] = ()
    """What reading the source remarked on (an encoding guess): the text written is that reading,
    so the maintainer should check it."""


@dataclass(frozen=True, slots=True)
class Refused:
    source: str
    reason: str


@dataclass(slots=True)
class _Known:
    """What the story already holds, to refuse a second copy of an article."""

    urls: dict[str, str] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    ids: set[str] = field(default_factory=set)


def text_key(blocks: Sequence[RawBlock]) -> str:
    """The article's text with typography and spacing folded, as the reader compares articles."""
    return "\n".join(fold_key(block.text) for block in blocks)


def site_name(url: str) -> str:
    """An outlet name from an address when the page names none: its host without ``www.``."""
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.") or url


def is_web_address(source: str) -> bool:
    return bool(_WEB_ADDRESS.match(source))


def add(
    seeds: Path,
    story: str,
    sources: Sequence[str],
    timeout: float = DEFAULT_TIMEOUT,
    report: Callable[[Added | Refused], None] | None = None,
) -> list[Added | Refused]:
    """Add every source to ``seeds/story``, one result per source, in the order given.

    Raises `AddError` only for problems of the whole story (a bad name, an unreadable
    ``story.yml``); a bad source is a `Refused` result and the others are still added.
    """
    folder = _story_folder(seeds, story)
    story_file = _StoryFile.load(folder / STORY_FILE)
    known = _known(folder) if folder.is_dir() else _Known()
    results: list[Added | Refused] = []
    for source in sources:
        try:
            result: Added | Refused = _add_one(folder, source, known, story_file, timeout)
        except (AddError, FetchError, InputError) as error:
            result = Refused(source, str(error))
        results.append(result)
        if report is not None:
            report(result)
    return results


def _story_folder(seeds: Path, story: str) -> Path:
    if not seeds.is_dir():
        raise AddError(
            f"no folder of stories at {seeds}; run this where mkdocs.yml is, or name the folder with --seeds"
        )
    name = story.strip()
    if not name or name in (".", "..") or "/" in name or "\\" in name:
        raise AddError(f"'{story}' is not a story name; give the name of a folder under {seeds}")
    folder = seeds / name
    if folder.exists() and not folder.is_dir():
        raise AddError(f"{folder} exists and is not a folder")
    return folder


def _known(folder: Path) -> _Known:
    known = _Known()
    for path in folder.iterdir():
        known.ids.add(article_id(path.name))
    for existing in read_story(folder).articles:
        if existing.source.url:
            known.urls[existing.source.url] = existing.file
        known.texts[text_key(existing.blocks)] = existing.file
    return known


def _add_one(folder: Path, source: str, known: _Known, story_file: _StoryFile, timeout: float) -> Added:
    url: str | None
    if is_web_address(source):
        if source in known.urls:
            raise AddError(f"is already in the story as {known.urls[source]} (same address)")
        article, url, notes = _from_address(source, timeout)
    else:
        article, url, notes = _from_file(Path(source))
    article = _without_repeated_headline(article)
    given = source if is_web_address(source) else None
    addresses = {address for address in (given, url, article.source.url) if address}
    for address in sorted(addresses & known.urls.keys()):
        raise AddError(f"is already in the story as {known.urls[address]} (same address {address})")
    key = text_key(article.blocks)
    if key in known.texts:
        raise AddError(f"has the same text as {known.texts[key]}, already in the story")
    outlet = article.source.outlet
    fields = {
        "title": article.headline,
        "outlet": outlet,
        "url": url,
        "byline": article.source.byline,
        "published": article.source.published,
    }
    folder.mkdir(exist_ok=True)
    name = _write_new(folder, slug(outlet), write_markdown.article(fields, article.blocks), known)
    written, _ = read_article(folder / name)
    if text_key(written.blocks) != key or written.headline != " ".join(article.headline.split()):
        (folder / name).unlink()
        raise AddError("its text did not read back unchanged from Markdown; nothing was written")
    story_file.append(folder, name, outlet, fields)
    for address in addresses:
        known.urls[address] = name
    known.texts[key] = name
    return Added(source, name, outlet, article.headline, notes)


def _from_address(url: str, timeout: float) -> tuple[RawArticle, str, tuple[str, ...]]:
    page = fetch(url, timeout)
    body = page.body
    if page.charset and page.charset.lower().replace("_", "-") not in ("utf-8", "utf8"):
        # A wrong or unknown declaration is ignored: the reader's own guess is better.
        with contextlib.suppress(LookupError, UnicodeDecodeError):
            body = body.decode(page.charset).encode("utf-8")
    with _scratch_file(body, ".html") as path:
        article, problems = read_article(path)
    outlet = article.source.outlet if article.source.outlet != path.stem else site_name(page.url)
    return _with_outlet(article, outlet), page.url, tuple(p.reason for p in problems)


def _from_file(path: Path) -> tuple[RawArticle, str | None, tuple[str, ...]]:
    if not path.is_file():
        raise AddError("is neither a file nor an http(s) address" if not path.exists() else "is not a file")
    if path.suffix.lower() not in FILE_SUFFIXES:
        raise AddError("is not a saved article (.html, .htm, .txt or .md)")
    try:
        article, problems = read_article(path)
    except OSError as error:
        raise AddError(f"cannot be read ({error.strerror or error})") from None
    url = article.source.url
    if path.suffix.lower() in (".html", ".htm") and article.source.outlet == path.stem and url:
        article = _with_outlet(article, site_name(url))
    return article, url, tuple(p.reason for p in problems)


def _without_repeated_headline(article: RawArticle) -> RawArticle:
    """Drop a page's headline where it opens the text as well: it is in the front matter already."""
    blocks = article.blocks
    if blocks and blocks[0].kind == "heading" and fold_key(blocks[0].text) == fold_key(article.headline):
        return replace(article, blocks=blocks[1:])
    return article


def _with_outlet(article: RawArticle, outlet: str) -> RawArticle:
    return replace(article, source=replace(article.source, outlet=outlet))


@dataclass(slots=True)
class _Scratch:
    path: Path

    def __enter__(self) -> Path:
        return self.path

    def __exit__(self, *exc: object) -> None:
        self.path.unlink(missing_ok=True)


def _scratch_file(data: bytes, suffix: str) -> _Scratch:
    """A temporary file holding a downloaded page, so it is read exactly as a saved page is."""
    handle, name = tempfile.mkstemp(prefix="page-", suffix=suffix)
    with os.fdopen(handle, "wb") as out:
        out.write(data)
    return _Scratch(Path(name))


def _write_new(folder: Path, base: str, text: str, known: _Known) -> str:
    """Write ``text`` to a new file named after the outlet; never replaces an existing file."""
    for number in itertools.count(1):
        stem = base if number == 1 else f"{base}-{number}"
        name = f"{stem}.md"
        if stem in known.ids:
            continue
        try:
            with (folder / name).open("x", encoding="utf-8", newline="\n") as out:
                out.write(text)
        except FileExistsError:
            known.ids.add(stem)
            continue
        known.ids.add(stem)
        return name
    raise AssertionError("itertools.count never ends")


@dataclass(slots=True)
class _StoryFile:
    """``story.yml``: read once before anything is written, then extended one entry at a time.

    New entries are appended to the text so the maintainer's comments and layout stay;
    only when that cannot give the intended document is the file written out afresh.
    """

    path: Path
    text: str | None

    @classmethod
    def load(cls, path: Path) -> _StoryFile:
        if not path.is_file():
            return cls(path, None)
        try:
            text = decode(path.read_bytes()).text
        except InputError as error:
            raise AddError(f"{path} cannot be read ({error}); fix it first") from None
        story_file = cls(path, text)
        story_file.data()
        return story_file

    def data(self) -> dict[str, Any]:
        if not self.text:
            return {}
        try:
            loaded = yaml.safe_load(self.text)
        except yaml.YAMLError as error:
            reason = str(error).splitlines()[0]
            raise AddError(f"{self.path} cannot be read as YAML ({reason}); fix it first") from None
        if loaded is None:
            return {}
        if not isinstance(loaded, dict) or not isinstance(loaded.get("articles") or [], list):
            raise AddError(f"{self.path} is not a mapping with an 'articles' list; fix it first")
        return loaded

    def append(self, folder: Path, name: str, outlet: str, fields: dict[str, str | None]) -> None:
        data = self.data()
        listed = list(data.get("articles") or [])
        new: list[dict[str, str]] = []
        if not listed:
            # Once story.yml lists articles, unlisted files get a note: list those already here.
            new = [{"file": other.file} for other in read_story(folder).articles if other.file != name]
        new.append({"file": name, "outlet": outlet})
        expected = {**data, "articles": [*listed, *new]}
        if self.text is None:
            published = fields.get("published") or ""
            expected = {
                "title": fields["title"],
                **({"date": published[:10]} if _DATE.match(published) else {}),
                "articles": [*listed, *new],
            }
        self.text = self._extended(expected, new)
        _replace(self.path, self.text)

    def _extended(self, expected: dict[str, Any], new: list[dict[str, str]]) -> str:
        if self.text:
            entries = yaml.safe_dump(new, sort_keys=False, allow_unicode=True, width=1_000_000)
            start = self.text.rstrip("\n") + "\n"
            head = "" if self.data().get("articles") else "articles:\n"
            if head and "articles" in self.data():
                start = re.sub(r"(?m)^articles:.*\n?", "", start)
            for indent in ("  ", ""):
                candidate = (
                    start + head + "".join(indent + line for line in entries.splitlines(keepends=True))
                )
                try:
                    if yaml.safe_load(candidate) == expected:
                        return candidate
                except yaml.YAMLError:
                    continue
        return yaml.safe_dump(expected, sort_keys=False, allow_unicode=True, width=1_000_000)


def _replace(path: Path, text: str) -> None:
    """Write ``path`` whole or not at all, so an interrupted run leaves a readable story.yml.

    A new file is simply created (with the permissions any new file gets); a file replaced keeps
    its own, not those of the private temporary file written beside it."""
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        with path.open("x", encoding="utf-8", newline="\n") as new:
            new.write(text)
        return
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=".story-", suffix=".yml")
    with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
        out.write(text)
    os.chmod(name, mode)
    os.replace(name, path)
