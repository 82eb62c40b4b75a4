"""Hostile text in every input field, built by a real ``mkdocs build`` with risky extensions on.

Each payload of ``tests/data/payloads.yml`` (plus a 10,000-character word) gets a
story of its own in which it fills every field a maintainer or a web page
controls: story title and date, each article's outlet, url, byline and published
date (in story.yml and in Markdown front matter), headlines, body sentences, a
section head and a file name. A second site, identical except that every payload
is a harmless phrase, is the baseline: the hostile site may contain no tag and no
attribute that the baseline does not have.
"""

from __future__ import annotations

import gzip
import html
import json
import re
import shutil
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import DATA, ROOT, build_site, make_project

from digest.ingest import slug

PAYLOADS: list[str] = [
    *yaml.safe_load((DATA / "payloads.yml").read_text(encoding="utf-8")),
    "W" + "x" * 9_999,
]
BENIGN = "quiet harbour lights"
README_CANARY = "readme-canary-c41f2e"
REPO_FILE_CANARY = "repo-file-canary-9b0d77"
RISKY_EXTENSIONS = ("attr_list", "pymdownx.critic", "pymdownx.magiclink", "md_in_html")
BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href", "srcset", "poster"})


@dataclass
class Parsed:
    """What html.parser found in one document."""

    tags: set[str] = field(default_factory=set)
    attributes: set[str] = field(default_factory=set)
    pairs: list[tuple[str, str, str]] = field(default_factory=list)
    scripts: list[tuple[str | None, str]] = field(default_factory=list)
    text: list[str] = field(default_factory=list)


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found = Parsed()
        self._script: str | None = None
        self._script_body: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.tags.add(tag)
        for name, value in attrs:
            self.found.attributes.add(name)
            self.found.pairs.append((tag, name, value or ""))
        if tag == "script":
            self._script = dict(attrs).get("src") or None
            self._script_body = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script_body is not None:
            self.found.scripts.append((self._script, "".join(self._script_body)))
            self._script_body = None

    def handle_data(self, data: str) -> None:
        if self._script_body is not None:
            self._script_body.append(data)
        else:
            self.found.text.append(data)


def parse(markup: str) -> Parsed:
    collector = _Collector()
    collector.feed(markup)
    collector.close()
    return collector.found


def spaced(text: str) -> str:
    return " ".join(text.split())


def shown(payload: str) -> str:
    """How a payload reads on a page: bidi controls as labels, other controls replaced."""
    out = []
    for ch in payload:
        if ch in BIDI:
            out.append(f"[U+{ord(ch):04X}]")
        elif ch.isspace():
            out.append(" ")
        elif unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn"):
            out.append("\ufffd")
        else:
            out.append(ch)
    return spaced("".join(out))


def file_stem(payload: str) -> str:
    """The payload as a file name: no path separators or control characters, not too long."""
    cleaned = "".join("_" if ch == "/" or unicodedata.category(ch) == "Cc" else ch for ch in payload)
    return cleaned.strip().lstrip(".~")[:120] or "empty"


def _story(folder: Path, payload: str) -> None:
    folder.mkdir(parents=True)
    story = {
        "title": payload,
        "date": payload,
        "articles": [
            {"file": "a.txt", "outlet": payload, "url": payload, "byline": payload, "published": payload}
        ],
    }
    (folder / "story.yml").write_text(yaml.safe_dump(story, allow_unicode=True), encoding="utf-8")
    (folder / "a.txt").write_text(
        f"{payload} as the headline of the council budget\n\n"
        f"The city council approved the new transport budget on Tuesday after a long debate about "
        f"{payload}.\n\n"
        f"{payload}\n\n"
        f"Officials said the plan would fund {payload} across the northern region next year.\n\n"
        "The mayor, Elena Marsh, called the vote a turning point for the city.\n\n"
        f"The money will reportedly go to {payload} first.\n\n"
        "Snow closed the mountain pass above the harbour for three hours.\n\n"
        f"{payload} was written on the banner that protesters carried outside the council hall.\n",
        encoding="utf-8",
    )
    front = {key: payload for key in ("title", "outlet", "url", "byline", "published")}
    (folder / "b.md").write_text(
        "---\n"
        + yaml.safe_dump(front, allow_unicode=True)
        + "---\n\n"
        + f"The city council approved the new transport budget on Tuesday after a heated debate about "
        f"{payload}.\n\n"
        f"## {payload}\n\n"
        f"Officials said the plan would pay for {payload} across the northern region next year.\n\n"
        "Mayor Elena Marsh called the vote a turning point for the whole city.\n\n"
        f"The money will reportedly go to {payload} first of all.\n",
        encoding="utf-8",
    )
    (folder / f"{file_stem(payload)}.txt").write_text(
        f"Council passes budget with {payload}\n\n"
        f"The city council approved the new transport budget on Tuesday after a debate about {payload}.\n\n"
        f"Officials said the plan would fund {payload} across the northern region from next year.\n\n"
        f"{payload} was written on the banner that protesters carried outside the council hall.\n",
        encoding="utf-8",
    )


def _project(root: Path, payloads: list[str]) -> Path:
    project = make_project(root)
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["markdown_extensions"] = [
        *config["markdown_extensions"],
        *RISKY_EXTENSIONS,
        {"pymdownx.snippets": {"base_path": [str(project)], "check_paths": False}},
    ]
    (project / "mkdocs.yml").write_text(
        f"# {REPO_FILE_CANARY}\n" + yaml.safe_dump(config, sort_keys=False), encoding="utf-8"
    )
    (project / "README.md").write_text(f"# {README_CANARY}\n", encoding="utf-8")
    shutil.copy(ROOT / "pyproject.toml", project / "pyproject.toml")
    with (project / "pyproject.toml").open("a", encoding="utf-8") as handle:
        handle.write(f"# {REPO_FILE_CANARY}\n")
    for number, payload in enumerate(payloads):
        _story(project / "seeds" / f"story-{number:02d}", payload)
    return project


@dataclass
class Builds:
    hostile: Path
    benign: Path


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> Builds:
    root = tmp_path_factory.mktemp("hostile")
    hostile = build_site(_project(root / "hostile", PAYLOADS), root / "hostile-site")
    benign = build_site(_project(root / "benign", [BENIGN] * len(PAYLOADS)), root / "benign-site")
    return Builds(hostile, benign)


def _pages(site: Path) -> Iterator[tuple[Path, str]]:
    for page in sorted(site.rglob("*.html")):
        yield page, page.read_text(encoding="utf-8")


def _union(site: Path) -> Parsed:
    total = Parsed()
    for _, markup in _pages(site):
        found = parse(markup)
        total.tags |= found.tags
        total.attributes |= found.attributes
    return total


def test_the_risky_extensions_are_really_active(builds: Builds) -> None:
    """Guard against a test that passes because the extensions never ran: a hand-written page
    using each extension must show its effect in the same build."""
    project = builds.hostile.parent / "probe"
    _project(project, [])
    (project / "docs" / "probe.md").write_text(
        'Before\n\n--8<-- "README.md"\n\nAfter {++ added ++} and a link www.example.org\n\n'
        "Styled paragraph\n{: .probe-class }\n",
        encoding="utf-8",
    )
    site = build_site(project, builds.hostile.parent / "probe-site")
    page = (site / "probe" / "index.html").read_text(encoding="utf-8")
    assert README_CANARY in page
    assert '<ins class="critic">' in page
    assert 'href="http://www.example.org"' in page
    assert 'class="probe-class"' in page


def test_no_tag_or_attribute_comes_from_a_payload(builds: Builds) -> None:
    baseline = _union(builds.benign)
    hostile = _union(builds.hostile)
    assert hostile.tags <= baseline.tags, hostile.tags - baseline.tags
    assert hostile.attributes <= baseline.attributes, hostile.attributes - baseline.attributes


def _titles(site: Path) -> set[str]:
    return {value for _, markup in _pages(site) for _, name, value in parse(markup).pairs if name == "title"}


def test_no_title_attribute_carries_input_text(builds: Builds) -> None:
    """Theme scripts read ``title`` attributes back and may insert them as HTML (tooltips), so
    every title in the hostile site must be one the harmless site has too: fixed words only."""
    hostile = _titles(builds.hostile)
    assert hostile, "no title attribute at all: the check would pass for the wrong reason"
    assert hostile <= _titles(builds.benign), sorted(hostile - _titles(builds.benign))[:10]


def test_no_event_handler_script_or_dangerous_address(builds: Builds) -> None:
    pages = 0
    for page, markup in _pages(builds.hostile):
        pages += 1
        found = parse(markup)
        for tag, name, value in found.pairs:
            assert not name.startswith("on"), (page, tag, name)
            if name in URL_ATTRIBUTES:
                squeezed = re.sub(r"[\s\x00-\x1f]+", "", value).lower()
                assert not squeezed.startswith(("javascript:", "data:", "vbscript:")), (page, value)
                assert "evil.example" not in squeezed, (page, value)
            if name == "class":
                assert "critic" not in value, (page, value)
            if name == "id":
                assert re.fullmatch(r"[^\s\"'<>&]+", value), (page, value)
        for source, body in found.scripts:
            if source is not None:
                # The theme's scripts (its palette script shared by the generated pages from one
                # file), and Pagefind's interface on the search page.
                interface = re.fullmatch(r"\.\./pagefind/\d+/pagefind-ui\.js", source)
                palette = re.fullmatch(r"(\.\./)*assets/digest/palette-[0-9a-f]{12}\.js", source)
                theirs = "assets/javascripts/" in source or interface is not None or palette is not None
                assert theirs, (page, source)
                if palette is not None:
                    shared = (page.parent / source).read_text(encoding="utf-8")
                    assert shared.startswith('var palette=__md_get("__palette");'), (page, source)
                    assert "alert" not in shared
            assert "alert" not in body, (page, body[:200])
    assert pages > 4 * len(PAYLOADS)


def test_no_syntax_survives_in_the_built_pages(builds: Builds) -> None:
    for page, markup in _pages(builds.hostile):
        # Material's inline stylesheet has CSS custom properties ("{--md-..."); no input reaches it.
        markup = re.sub(r"<style>.*?</style>", "", markup, flags=re.DOTALL)
        for marker in ("{{", "{%", "{++", "{--", "{~~", "--8<--", "{:", "<img", "<!-- hidden"):
            assert marker not in markup, (page, marker)
        text = html.unescape(markup)
        assert README_CANARY not in text, page
        assert REPO_FILE_CANARY not in text, page
        assert "build-backend" not in text, page


def _story_text(site: Path, number: int) -> tuple[str, str]:
    """Visible text of one story's pages, and of its article page made from ``a.txt``."""
    folder = site / "stories" / f"story-{number:02d}"
    everything = " ".join(" ".join(parse(p.read_text(encoding="utf-8")).text) for p in folder.rglob("*.html"))
    article = " ".join(parse((folder / "articles" / "a" / "index.html").read_text(encoding="utf-8")).text)
    return spaced(everything), spaced(article)


@pytest.mark.parametrize("number", range(len(PAYLOADS)))
def test_each_payload_reads_as_plain_text(builds: Builds, number: int) -> None:
    payload = PAYLOADS[number]
    everything, article = _story_text(builds.hostile, number)
    expected = shown(payload)
    # Headline, outlet, byline, published date, address and sentences of a.txt.
    assert article.count(expected) >= 6, (expected[:80], article[:400])
    # Story title and date, Markdown front matter, the file named after the payload.
    assert everything.count(expected) >= 20
    title = parse(
        (builds.hostile / "stories" / f"story-{number:02d}" / "index.html").read_text(encoding="utf-8")
    )
    assert expected in spaced(" ".join(title.text))


def _search_docs(site: Path) -> list[dict[str, Any]]:
    """Pagefind's stored results (one gzipped JSON fragment per page, after a fixed signature),
    as its interface shows them: the page text with < and > escaped by pagefind.js before it
    becomes an excerpt, and the title inserted as text."""
    scripts = sorted((site / "pagefind").glob("*/pagefind.js"))
    assert scripts
    for script in scripts:
        assert '.replace(/</g,"&lt;").replace(/>/g,"&gt;")' in script.read_text(encoding="utf-8")
    docs = []
    for fragment in sorted((site / "pagefind").glob("*/fragment/*.pf_fragment")):
        data = gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd")
        found = json.loads(data)
        shown_text = found["content"].replace("<", "&lt;").replace(">", "&gt;")
        docs.append(
            {
                "location": found["url"].lstrip("/"),
                "title": html.escape(found["meta"]["title"]),
                "text": shown_text,
            }
        )
    assert docs
    return docs


def test_search_index_holds_payloads_as_escaped_text(builds: Builds) -> None:
    baseline = Parsed()
    for doc in _search_docs(builds.benign):
        for key in ("title", "text"):
            baseline.tags |= parse(doc[key]).tags
    docs = _search_docs(builds.hostile)
    for doc in docs:
        for key in ("title", "text"):
            found = parse(doc[key])
            assert found.tags <= baseline.tags, (doc["location"], found.tags)
            assert not any(name.startswith("on") for name in found.attributes)
    for number, payload in enumerate(PAYLOADS):
        where = f"stories/story-{number:02d}/"
        text = spaced(
            " ".join(
                html.unescape(d["title"] + " " + d["text"]) for d in docs if d["location"].startswith(where)
            )
        )
        assert shown(payload) in text, payload[:80]


def test_published_json_carries_payloads_as_data(builds: Builds) -> None:
    for number, payload in enumerate(PAYLOADS):
        raw = (builds.hostile / "data" / f"story-{number:02d}.json").read_text(encoding="utf-8")
        for character in "<>&":
            assert character not in raw, (payload[:80], character)
        data = json.loads(raw)
        # Every file was read: the payload was published, not dodged by skipping the file.
        assert len(data["articles"]) == 3, data["problems"]
        assert not [p for p in data["problems"] if p["severity"] == "skipped"], data["problems"]
        # YAML itself reads some line breaks (NEL) as spaces; compare modulo whitespace.
        assert spaced(data["story"]["title"]) == spaced(payload)
        assert spaced(data["story"]["date"]) == spaced(payload)
        by_file = {a["file"]: a for a in data["articles"]}
        for key in ("outlet", "url", "byline", "published"):
            assert spaced(by_file["a.txt"][key]) == spaced(payload)
            assert spaced(by_file["b.md"][key]) == spaced(payload)
        assert by_file[f"{file_stem(payload)}.txt"]["outlet"] == file_stem(payload)
        assert any(spaced(payload) in spaced(s["text"]) for s in by_file["a.txt"]["sentences"])


def test_file_names_become_plain_addresses(builds: Builds) -> None:
    for number, payload in enumerate(PAYLOADS):
        articles = builds.hostile / "stories" / f"story-{number:02d}" / "articles"
        names = {p.name for p in articles.iterdir()}
        assert slug(file_stem(payload)) in names
        assert all(re.fullmatch(r"[a-z0-9-]+", name) for name in names), names
