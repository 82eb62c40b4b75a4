"""Stage 1: read a story folder into raw articles, reporting every file it cannot use.

A story folder is edited by hand and filled from the web, so every failure here
becomes a `Problem` naming the file and the reason; one bad file never stops the
others from being read.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from digest import read_html, read_markdown, reflow, safe_yaml
from digest.errors import InputError
from digest.model import Problem, RawArticle, RawBlock, Removal, Source, StoryInput, StoryMeta
from digest.text import fold_key

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
STORY_FILE = "story.yml"
MAX_ARTICLE_BYTES = 2_000_000
"""A news article is a few tens of kilobytes; anything this large is not one. HTML pages
carry much markup around their text, hence the generous limit on the file."""
MAX_ARTICLE_CHARACTERS = 200_000
"""Limit on the text itself (about 30,000 words, longer than any news article). Alignment
compares every pair of sentences, so one enormous file would stall the whole build."""
MAX_STORY_ARTICLES = 60
"""Articles one story may have: a story compares its outlets with each other, so its cost grows
faster than its size; more articles than this are left out, by file name, with a message."""
MAX_STORY_CHARACTERS = 1_000_000
"""Characters of text one story may have over all its articles (five long articles); the
articles that would go past it are left out, by file name, with a message."""
MAX_STORY_SENTENCES = 5_000
"""Sentences one story may have over all its articles (sixty long articles of eighty sentences),
counted as the files are read, before cleaning. Characters alone do not bound a story: a
paragraph of short quoted sentences packs thousands into a few pages, and the articles that
would go past this are left out, by file name, with a message."""
MAX_ID_LENGTH = 100
"""Longest story address: ``data/<id>.json`` and the page folders must fit every file system."""
_IGNORED_NAMES = re.compile(r"^(\..*|README(\.\w+)?|~.*|.*~)$", re.IGNORECASE)


def printable(text: str) -> str:
    """Text safe to print in a terminal or a CI log: control, bidi and other invisible
    characters (which could move the cursor, recolour or reorder the line) as escapes."""
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in text)


def slug(text: str) -> str:
    """A lowercase ASCII identifier made of letters, digits and single dashes."""
    cleaned = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return cleaned or "x"


def problem_place(story: str, file: str) -> str:
    """Where a problem is, for a log line: ``<story>/<file>``, or the story alone when the problem
    is the whole folder's (its file is the folder's own name)."""
    return story if story_id(file) == story and not file.endswith(ARTICLE_SUFFIXES) else f"{story}/{file}"


def story_id(folder_name: str) -> str:
    """The address of a story folder: its slug, cut to `MAX_ID_LENGTH` with a hash of the
    whole name at the end when longer, so that long names stay distinct."""
    identifier = slug(folder_name)
    if len(identifier) <= MAX_ID_LENGTH:
        return identifier
    tail = hashlib.sha256(folder_name.encode("utf-8", "surrogateescape")).hexdigest()[:10]
    return identifier[: MAX_ID_LENGTH - len(tail) - 1].rstrip("-") + "-" + tail


@dataclass(frozen=True, slots=True)
class EntryState:
    """What one folder entry is, looked at without reading it and without trusting links.

    ``kind`` is "file", "folder" or "refused" (then ``reason`` says why); ``link``
    is where a symbolic link points, as written. The cache key is made from this
    too, so swapping a file for a link with the same bytes gives a different key.
    """

    kind: str
    reason: str | None = None
    size: int = 0
    link: str | None = None

    def describe(self) -> str:
        return f"{self.kind}|{self.reason or ''}|{self.size}|{self.link or ''}"


_KINDS = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)


def inspect_entry(folder: Path, name: str, limit: int = MAX_ARTICLE_BYTES) -> EntryState:
    """Type, size and link status of ``folder/name``, never opening it.

    Refused: links that loop, lead nowhere or lead out of ``folder``; anything
    that is not a regular file or folder (a pipe would block the build, a device
    such as ``/dev/zero`` never ends); regular files larger than ``limit``; and
    files with more than one hard link, since a hard link to a file elsewhere
    cannot be told apart from the file itself.
    """
    path = folder / name
    try:
        info = os.lstat(path)
    except OSError as error:
        return EntryState("refused", f"cannot be examined ({error.strerror or error})")
    link = None
    if stat.S_ISLNK(info.st_mode):
        try:
            link = os.readlink(path)
            target = path.resolve(strict=True)
            inside = target.is_relative_to(folder.resolve(strict=True))
            info = os.stat(path)
        except (OSError, RuntimeError):
            return EntryState("refused", "is a link that loops or leads nowhere; not read", link=link)
        if not inside:
            return EntryState(
                "refused",
                "is a link to a file outside the story folder; such links are not followed",
                link=link,
            )
    if stat.S_ISDIR(info.st_mode):
        return EntryState("folder", link=link)
    for test, what in _KINDS:
        if test(info.st_mode):
            return EntryState("refused", f"is {what}, not a regular file; not read", link=link)
    if not stat.S_ISREG(info.st_mode):
        return EntryState("refused", "is not a regular file; not read", link=link)
    if info.st_nlink > 1:
        return EntryState(
            "refused",
            f"has {info.st_nlink} hard links, so it may be a file from outside the story folder; "
            "not read (copy the file into the folder instead)",
            info.st_size,
            link,
        )
    if info.st_size > limit:
        return EntryState(
            "refused",
            f"is {info.st_size:,} bytes, more than the {limit:,} an article may have",
            info.st_size,
            link,
        )
    return EntryState("file", None, info.st_size, link)


def read_bounded(path: Path, limit: int = MAX_ARTICLE_BYTES) -> bytes:
    """The bytes of a regular file, at most ``limit``: checked again on the open file, since
    it may have been swapped since it was inspected."""
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(descriptor, "rb") as stream:
        if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
            raise InputError("is not a regular file; not read")
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputError(f"is more than the {limit:,} bytes an article may have")
    return data


def address_clashes(folders: list[Path]) -> dict[Path, Problem]:
    """Story folders whose page address is already taken by an earlier folder, each with the
    problem to report on that earlier story (the later folder is left out, never merged)."""
    taken: dict[str, str] = {}
    clashes: dict[Path, Problem] = {}
    for folder in folders:
        identifier = story_id(folder.name)
        if identifier in taken:
            clashes[folder] = Problem(
                folder.name,
                f"is a story folder with the same page address ('{identifier}') as {taken[identifier]}; "
                "left out, rename one of the two folders",
            )
        else:
            taken[identifier] = folder.name
    return clashes


@dataclass(frozen=True, slots=True)
class _Decoded:
    text: str
    note: str | None


_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
BINARY_CONTROL_SHARE = 0.05
"""Text has at most a few stray control characters (line and tab characters aside); in
binary data read as text about one character in five is one, so 5% tells them apart."""


def decode(data: bytes) -> _Decoded:
    """UTF-8 when it is UTF-8 (BOM dropped), otherwise a legacy encoding with a note saying so.

    A file that is UTF-8 except for a few bad bytes (an editor pasted one
    Windows-1252 quote into it) keeps its UTF-8 text, the bad bytes shown as
    U+FFFD. Otherwise Windows-1252 is the fallback: it is a superset of Latin-1
    for printable text and the most common legacy encoding of Western news
    sites, so it decodes the curly quotes and dashes such files actually contain.
    """
    for bom, codec in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            try:
                return _Decoded(data[len(bom) :].decode(codec), f"read as {codec.upper()} (byte-order mark)")
            except UnicodeDecodeError:
                raise InputError(
                    f"starts like {codec.upper()} text but is not valid {codec.upper()}"
                ) from None
    if b"\x00" in data:
        hint = ""
        if len(data) > 3 and (data[1::2].count(0) > len(data) // 3 or data[0::2].count(0) > len(data) // 3):
            hint = "; if it is text saved as UTF-16 without a byte-order mark, save it as UTF-8"
        raise InputError(f"looks like a binary file (it contains NUL bytes), not text{hint}")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return _Decoded(_text_only(data.decode("utf-8")), None)
    except UnicodeDecodeError as error:
        position = error.start
    where = f"not valid UTF-8 (first bad byte at offset {position:,})"
    replaced = data.decode("utf-8", errors="replace")
    bad = replaced.count("\ufffd") - data.count("\ufffd".encode())
    if len(_UTF8_SEQUENCE.findall(data)) > bad:
        text, note = replaced, f"{where}; read as UTF-8, {bad} unreadable byte(s) replaced by U+FFFD"
    else:
        try:
            text, note = data.decode("cp1252"), f"{where}; read as Windows-1252"
        except UnicodeDecodeError:
            text, note = data.decode("latin-1"), f"{where}; read as Latin-1"
    return _Decoded(_text_only(text), note)


def _text_only(text: str) -> str:
    """The text itself, or `InputError` when control characters show it is binary data."""
    controls = len(_CONTROL.findall(text))
    if controls and controls > BINARY_CONTROL_SHARE * len(text):
        raise InputError(f"looks like a binary file ({controls:,} control characters), not text")
    return text


def _line_ends(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _read_text(text: str) -> tuple[str, tuple[RawBlock, ...]]:
    """A .txt article: the first non-empty line is the headline, each further paragraph a block
    (hard-wrapped lines rejoined by `digest.reflow`)."""
    lines = text.split("\n")
    start = next((i for i, line in enumerate(lines) if line.strip()), None)
    if start is None:
        raise InputError("the file is empty")
    body = reflow.paragraphs(lines[start + 1 :])
    return lines[start].strip(), tuple(RawBlock("paragraph", paragraph) for paragraph in body)


@dataclass(frozen=True, slots=True)
class _Entry:
    """What story.yml says about one file."""

    outlet: str | None = None
    url: str | None = None
    byline: str | None = None
    published: str | None = None


def _text_field(value: Any) -> str | None:
    return safe_yaml.scalar_text(value)


STORY_KEYS = ("title", "date", "articles")
ENTRY_KEYS = ("file", "outlet", "url", "byline", "published")


def _unknown_keys(mapping: dict[Any, Any], known: Sequence[str]) -> str | None:
    """A note naming keys Parallax does not read ("tittle"), which would otherwise be ignored silently."""
    extra = sorted(str(key) for key in mapping if key not in known)
    if not extra:
        return None
    names = ", ".join(repr(key)[:60] for key in extra[:5]) + (
        f" and {len(extra) - 5} more" if len(extra) > 5 else ""
    )
    key, verb = ("a key", "is") if len(extra) == 1 else ("keys", "are")
    reads = ", ".join(known[:-1]) + " and " + known[-1]
    return f"has {key} that {verb} not read and so ignored: {names}; it reads {reads}"


def _read_story_file(
    folder: Path, names: list[str], problems: list[Problem]
) -> tuple[dict[str, Any], dict[str, _Entry]]:
    if not os.path.lexists(folder / STORY_FILE):
        return {}, {}
    state = inspect_entry(folder, STORY_FILE)
    fallback = "title, date and outlet names fall back to defaults"
    if state.kind != "file":
        reason = state.reason or "is a folder, not a file"
        problems.append(Problem(STORY_FILE, f"{reason.replace('an article', 'it')}; {fallback}"))
        return {}, {}
    try:
        loaded = safe_yaml.load(decode(read_bounded(folder / STORY_FILE)).text)
    except InputError as error:
        problems.append(Problem(STORY_FILE, f"cannot be read as YAML ({error}); {fallback}"))
        return {}, {}
    except OSError as error:
        problems.append(Problem(STORY_FILE, f"cannot be read ({error.strerror or error}); {fallback}"))
        return {}, {}
    if loaded is None:
        return {}, {}
    if not isinstance(loaded, dict):
        problems.append(Problem(STORY_FILE, "must be a mapping with title, date and articles"))
        return {}, {}
    entries: dict[str, _Entry] = {}
    unknown = _unknown_keys(loaded, STORY_KEYS)
    if unknown:
        problems.append(Problem(STORY_FILE, unknown, "note"))
    articles = loaded.get("articles") or []
    if not isinstance(articles, list):
        problems.append(Problem(STORY_FILE, "'articles' must be a list of {file, outlet, ...}"))
        articles = []
    for position, item in enumerate(articles, 1):
        if not isinstance(item, dict) or not isinstance(item.get("file"), str):
            problems.append(Problem(STORY_FILE, f"articles entry {position} has no 'file' name"))
            continue
        unknown = _unknown_keys(item, ENTRY_KEYS)
        if unknown:
            problems.append(
                Problem(
                    STORY_FILE,
                    f"articles entry {position}: {unknown}",
                    "note",
                )
            )
        if item["file"] in entries:
            problems.append(
                Problem(STORY_FILE, f"lists '{item['file']}' twice; entry {position} is left out")
            )
            continue
        try:
            entries[item["file"]] = _Entry(
                outlet=_text_field(item.get("outlet")),
                url=_text_field(item.get("url")),
                byline=_text_field(item.get("byline")),
                published=_text_field(item.get("published")),
            )
        except InputError as error:
            problems.append(Problem(STORY_FILE, f"articles entry {position}: {error}"))
    for name in entries:
        if name not in names:
            problems.append(Problem(STORY_FILE, f"lists '{name}', which is not in the folder"))
    return loaded, entries


def read_article(path: Path, entry: _Entry | None = None) -> tuple[RawArticle, tuple[Problem, ...]]:
    """Read one article file; raises `InputError` when it cannot be used at all."""
    entry = entry or _Entry()
    state = inspect_entry(path.parent, path.name)
    if state.kind != "file":
        raise InputError(state.reason or "is a folder, not an article")
    decoded = decode(read_bounded(path))
    notes = [Problem(path.name, decoded.note, "note")] if decoded.note else []
    text = _line_ends(decoded.text)
    if not text.strip():
        raise InputError("the file is empty")
    suffix = path.suffix.lower()
    front: dict[str, str | None] = {}
    dropped: tuple[Removal, ...] = ()
    lost: tuple[str, ...] = ()
    if suffix == ".txt":
        headline, blocks = _read_text(text)
    elif suffix == ".md":
        parsed = read_markdown.parse(text)
        front, headline, blocks, dropped, lost = (
            parsed.front,
            parsed.headline,
            parsed.blocks,
            parsed.dropped,
            parsed.lost,
        )
    else:
        parsed_html = read_html.parse(text)
        front, headline, blocks, dropped, lost = (
            parsed_html.front,
            parsed_html.headline,
            parsed_html.blocks,
            parsed_html.dropped,
            parsed_html.lost,
        )
    if not blocks:
        raise InputError("has a headline but no article text")
    characters = len(headline) + sum(len(block.text) for block in blocks)
    if characters > MAX_ARTICLE_CHARACTERS:
        raise InputError(
            f"has {characters:,} characters of text, more than the {MAX_ARTICLE_CHARACTERS:,} "
            "an article may have"
        )
    source = Source(
        outlet=entry.outlet or front.get("outlet") or path.stem,
        url=entry.url or front.get("url"),
        byline=entry.byline or front.get("byline"),
        published=entry.published or front.get("published"),
    )
    article = RawArticle(path.name, source, headline, blocks, dropped)
    # Parts of the file the reader could not turn into text: the rest is read, and this is said.
    notes.extend(Problem(path.name, reason) for reason in lost)
    return article, tuple(notes)


def article_id(file_name: str) -> str:
    """The id (and page address) of an article file: its slugged stem."""
    return slug(file_name.rsplit(".", 1)[0])


def _characters(article: RawArticle) -> int:
    return len(article.headline) + sum(len(block.text) for block in article.blocks)


def _sentences(article: RawArticle) -> int:
    """How many sentences the article's body splits into, as segmentation will split it."""
    # Imported here: segmentation numbers sentences with this module's slug.
    from digest.segment import split_sentences

    return sum(len(split_sentences(block.text)) for block in article.blocks if block.kind != "heading")


def _body_key(article: RawArticle) -> str:
    """The article's text with typography and spacing folded, to recognise the same text twice."""
    return "\n".join(fold_key(block.text) for block in article.blocks)


def _unusable(state: EntryState, name: str) -> str | None:
    """Why a folder entry is not an article file at all, or None when it may be one."""
    if state.kind == "folder":
        return None
    if Path(name).suffix.lower() not in ARTICLE_SUFFIXES:
        return "is not an article (.txt, .md or .html)"
    return state.reason


def read_story(folder: Path) -> StoryInput:
    """Read every article of a story folder; never raises for a bad article file."""
    folder = Path(folder)
    problems: list[Problem] = []
    state = inspect_entry(folder.parent, folder.name)
    if state.kind != "folder":
        # A story folder that links elsewhere would publish whatever text files are there.
        reason = (state.reason or "is not a folder").replace(
            "a file outside the story folder", "a folder outside the seeds folder"
        )
        problems.append(Problem(folder.name, reason))
        problems.append(Problem(folder.name, "has no readable articles"))
        return StoryInput(StoryMeta(story_id(folder.name), folder.name, None), (), tuple(problems))
    try:
        names = sorted(p.name for p in folder.iterdir())
    except OSError as error:
        names = []
        problems.append(Problem(folder.name, f"cannot be listed ({error.strerror or error})"))
    story_data, entries = _read_story_file(folder, names, problems)
    articles: list[RawArticle] = []
    ids: dict[str, str] = {}
    bodies: dict[str, str] = {}
    story_characters = 0
    story_sentences = 0
    for name in names:
        path = folder / name
        if name == STORY_FILE or _IGNORED_NAMES.match(name):
            continue
        state = inspect_entry(folder, name)
        refusal = _unusable(state, name)
        if refusal:
            problems.append(Problem(name, refusal))
            continue
        if state.kind == "folder":
            problems.append(Problem(name, "is a folder; stories do not nest", "note"))
            continue
        identifier = article_id(name)
        if identifier in ids:
            problems.append(
                Problem(
                    name,
                    f"would get the same page address ('{identifier}') as {ids[identifier]}; "
                    "rename one of the two files",
                )
            )
            continue
        try:
            article, notes = read_article(path, entries.get(name))
        except InputError as error:
            problems.append(Problem(name, str(error)))
            continue
        except OSError as error:
            problems.append(Problem(name, f"cannot be read ({error.strerror or error})"))
            continue
        if len(articles) >= MAX_STORY_ARTICLES:
            problems.append(
                Problem(name, f"left out: a story may have at most {MAX_STORY_ARTICLES} articles")
            )
            continue
        characters = _characters(article)
        if story_characters + characters > MAX_STORY_CHARACTERS:
            problems.append(
                Problem(
                    name,
                    f"left out: its {characters:,} characters would take the story past the "
                    f"{MAX_STORY_CHARACTERS:,} characters of text a story may have",
                )
            )
            continue
        sentences = _sentences(article)
        if story_sentences + sentences > MAX_STORY_SENTENCES:
            problems.append(
                Problem(
                    name,
                    f"left out: its {sentences:,} sentences would take the story past the "
                    f"{MAX_STORY_SENTENCES:,} sentences a story may have",
                )
            )
            continue
        key = _body_key(article)
        if key in bodies:
            problems.append(
                Problem(
                    name,
                    f"has the same text as {bodies[key]}; left out, since one text counted twice "
                    "would look like two outlets confirming each other",
                )
            )
            continue
        if entries and name not in entries:
            named_by = "its front matter" if article.source.outlet != path.stem else "its file name"
            problems.append(
                Problem(name, f"is not listed in {STORY_FILE}; outlet name taken from {named_by}", "note")
            )
        ids[identifier] = name
        bodies[key] = name
        story_characters += characters
        story_sentences += sentences
        problems.extend(notes)
        articles.append(article)
    if not articles:
        problems.append(Problem(folder.name, "has no readable articles"))
    elif len(articles) == 1:
        problems.append(
            Problem(
                folder.name,
                "has a single readable article, so there is nothing to compare it with",
                "note",
            )
        )
    meta = _story_meta(folder, story_data, articles, problems)
    return StoryInput(meta, tuple(articles), tuple(problems))


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?")


def _story_meta(
    folder: Path, data: dict[str, Any], articles: list[RawArticle], problems: list[Problem]
) -> StoryMeta:
    fields: dict[str, str | None] = {}
    for name in ("title", "date"):
        try:
            fields[name] = _text_field(data.get(name))
        except InputError as error:
            problems.append(Problem(STORY_FILE, f"'{name}' {error}; left out"))
            fields[name] = None
    title, date = fields["title"], fields["date"]
    if date and not _ISO_DATE.match(date):
        problems.append(
            Problem(
                STORY_FILE,
                f"'date' {printable(date)[:40]!r} is not written YYYY-MM-DD; stories are listed by their "
                "dates as written, so this one may stand out of order",
                "note",
            )
        )
    if not title:
        title = articles[0].headline if articles else folder.name
    return StoryMeta(id=story_id(folder.name), title=title, date=date)
