"""Stage 1: read a story folder into raw articles, reporting every file it cannot use.

A story folder is edited by hand and filled from the web, so every failure here
becomes a `Problem` naming the file and the reason; one bad file never stops the
others from being read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from digest import read_html, read_markdown, reflow
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
_IGNORED_NAMES = re.compile(r"^(\..*|README(\.\w+)?|~.*|.*~)$", re.IGNORECASE)


def printable(text: str) -> str:
    """Text safe to print in a terminal or a CI log: control, bidi and other invisible
    characters (which could move the cursor, recolour or reorder the line) as escapes."""
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in text)


def slug(text: str) -> str:
    """A lowercase ASCII identifier made of letters, digits and single dashes."""
    cleaned = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return cleaned or "x"


def address_clashes(folders: list[Path]) -> dict[Path, Problem]:
    """Story folders whose page address is already taken by an earlier folder, each with the
    problem to report on that earlier story (the later folder is left out, never merged)."""
    taken: dict[str, str] = {}
    clashes: dict[Path, Problem] = {}
    for folder in folders:
        identifier = slug(folder.name)
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
        raise InputError("looks like a binary file (it contains NUL bytes), not text")
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
    if value is None:
        return None
    if isinstance(value, (str, int, float)) or hasattr(value, "isoformat"):
        text = value.isoformat() if hasattr(value, "isoformat") else str(value)
        return text.strip() or None
    raise InputError(f"expected a single value, got {type(value).__name__}")


def _read_story_file(
    folder: Path, names: list[str], problems: list[Problem]
) -> tuple[dict[str, Any], dict[str, _Entry]]:
    path = folder / STORY_FILE
    if not path.is_file():
        return {}, {}
    refused = _outside(folder, STORY_FILE)
    if refused or path.stat().st_size > MAX_ARTICLE_BYTES:
        reason = refused or f"is larger than {MAX_ARTICLE_BYTES:,} bytes"
        problems.append(Problem(STORY_FILE, f"{reason}; title, date and outlet names fall back to defaults"))
        return {}, {}
    try:
        loaded = yaml.safe_load(decode(path.read_bytes()).text)
    except (yaml.YAMLError, InputError) as error:
        problems.append(
            Problem(
                STORY_FILE,
                f"cannot be read as YAML ({_yaml_reason(error)}); "
                "title, date and outlet names fall back to defaults",
            )
        )
        return {}, {}
    if loaded is None:
        return {}, {}
    if not isinstance(loaded, dict):
        problems.append(Problem(STORY_FILE, "must be a mapping with title, date and articles"))
        return {}, {}
    entries: dict[str, _Entry] = {}
    articles = loaded.get("articles") or []
    if not isinstance(articles, list):
        problems.append(Problem(STORY_FILE, "'articles' must be a list of {file, outlet, ...}"))
        articles = []
    for position, item in enumerate(articles, 1):
        if not isinstance(item, dict) or not isinstance(item.get("file"), str):
            problems.append(Problem(STORY_FILE, f"articles entry {position} has no 'file' name"))
            continue
        if item["file"] in entries:
            problems.append(
                Problem(STORY_FILE, f"lists '{item['file']}' twice; entry {position} is ignored", "note")
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


def _yaml_reason(error: Exception) -> str:
    """The YAML parser's complaint with its line number, which is what a maintainer needs."""
    mark = getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None)
    if mark is not None and problem:
        return f"line {mark.line + 1}: {problem}"
    return _first_line(error)


def _first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__


def read_article(path: Path, entry: _Entry | None = None) -> tuple[RawArticle, tuple[Problem, ...]]:
    """Read one article file; raises `InputError` when it cannot be used at all."""
    entry = entry or _Entry()
    size = path.stat().st_size
    if size > MAX_ARTICLE_BYTES:
        raise InputError(f"is {size:,} bytes, more than the {MAX_ARTICLE_BYTES:,} an article may have")
    decoded = decode(path.read_bytes())
    notes = [Problem(path.name, decoded.note, "note")] if decoded.note else []
    text = _line_ends(decoded.text)
    if not text.strip():
        raise InputError("the file is empty")
    suffix = path.suffix.lower()
    front: dict[str, str | None] = {}
    dropped: tuple[Removal, ...] = ()
    if suffix == ".txt":
        headline, blocks = _read_text(text)
    elif suffix == ".md":
        parsed = read_markdown.parse(text)
        front, headline, blocks, dropped = (
            parsed.front,
            parsed.headline,
            parsed.blocks,
            parsed.dropped,
        )
    else:
        parsed_html = read_html.parse(text)
        front, headline, blocks = parsed_html.front, parsed_html.headline, parsed_html.blocks
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
    return article, tuple(notes)


def article_id(file_name: str) -> str:
    """The id (and page address) of an article file: its slugged stem."""
    return slug(file_name.rsplit(".", 1)[0])


def _body_key(article: RawArticle) -> str:
    """The article's text with typography and spacing folded, to recognise the same text twice."""
    return "\n".join(fold_key(block.text) for block in article.blocks)


def _outside(folder: Path, name: str) -> str | None:
    """Why ``folder/name`` must not be read: a link that leads out of the folder."""
    path = folder / name
    if path.is_symlink() and not path.resolve().is_relative_to(folder.resolve()):
        return "is a link to a file outside the story folder; such links are not followed"
    return None


def _unusable(folder: Path, name: str) -> str | None:
    """Why a folder entry is not an article file at all, or None when it may be one."""
    path = folder / name
    refused = _outside(folder, name)
    if refused:
        return refused
    if path.is_dir():
        return None
    if path.suffix.lower() not in ARTICLE_SUFFIXES:
        return "is not an article (.txt, .md or .html)"
    if not path.is_file():
        return "is not a regular file"
    return None


def read_story(folder: Path) -> StoryInput:
    """Read every article of a story folder; never raises for a bad article file."""
    folder = Path(folder)
    problems: list[Problem] = []
    if _outside(folder.parent, folder.name):
        # A story folder that links elsewhere would publish whatever text files are there.
        problems.append(Problem(folder.name, "is a link to a folder outside the seeds folder; not read"))
        problems.append(Problem(folder.name, "has no readable articles"))
        return StoryInput(StoryMeta(slug(folder.name), folder.name, None), (), tuple(problems))
    names = sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []
    story_data, entries = _read_story_file(folder, names, problems)
    articles: list[RawArticle] = []
    ids: dict[str, str] = {}
    bodies: dict[str, str] = {}
    for name in names:
        path = folder / name
        if name == STORY_FILE or _IGNORED_NAMES.match(name):
            continue
        reason = _unusable(folder, name)
        if reason:
            problems.append(Problem(name, reason))
            continue
        if path.is_dir():
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


def _story_meta(
    folder: Path, data: dict[str, Any], articles: list[RawArticle], problems: list[Problem]
) -> StoryMeta:
    try:
        title = _text_field(data.get("title"))
        date = _text_field(data.get("date"))
    except InputError as error:
        problems.append(Problem(STORY_FILE, f"title/date: {error}", "note"))
        title = date = None
    if not title:
        title = articles[0].headline if articles else folder.name
    return StoryMeta(id=slug(folder.name), title=title, date=date)
