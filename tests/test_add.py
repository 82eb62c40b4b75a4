"""``digest add`` against a real HTTP server on 127.0.0.1 serving the fixture pages of tests/data/add/."""

from __future__ import annotations

import shutil
import stat
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import DATA, SEED_STORY, build_site, make_project

from digest.add import Added, AddError, Refused, add
from digest.cli import main
from digest.ingest import read_story

ADD = DATA / "add"
FILES = ADD / "files"
ROUTES: dict[str, dict[str, Any]] = yaml.safe_load((ADD / "routes.yml").read_text(encoding="utf-8"))


class _FixtureHandler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        route = ROUTES.get(self.path.split("?", 1)[0])
        if route is None:
            self.send_error(404)
            return
        time.sleep(route.get("delay", 0))
        status = route.get("status", 200)
        if status != 200:
            self.send_response(status)
            if "location" in route:
                self.send_header("Location", route["location"])
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = (ADD / "pages" / route["file"]).read_bytes() if "file" in route else b"a" * route["repeat"]
        self.send_response(200)
        self.send_header("Content-Type", route.get("type", "text/html; charset=utf-8"))
        if route.get("length", True):
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            for start in range(0, len(body), 65_536):
                self.wfile.write(body[start : start + 65_536])
        except (BrokenPipeError, ConnectionResetError):
            pass  # The client stopped reading, as it should past its size limit.
        self.close_connection = True

    def log_message(self, format: str, *args: Any) -> None:
        """Keep the test output free of one line per request."""


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _FixtureHandler)
    httpd.daemon_threads = True
    httpd.block_on_close = False
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=10)


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    return folder


def _added(results: list[Added | Refused]) -> list[Added]:
    assert all(isinstance(r, Added) for r in results), results
    return [r for r in results if isinstance(r, Added)]


def _front(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    front: dict[str, Any] = yaml.safe_load(text.split("---\n", 2)[1])
    return front


def test_links_and_files_make_a_story_that_reads_back_unchanged(server: str, seeds: Path) -> None:
    sources = [
        f"{server}/harbour-daily",
        f"{server}/coast-courier",
        str(FILES / "port-gazette.html"),
        str(FILES / "river-news.txt"),
        str(FILES / "bay-weekly.md"),
    ]
    added = _added(add(seeds, "harbour-bridge", sources))
    folder = seeds / "harbour-bridge"
    assert [a.file for a in added] == [
        "harbour-daily.md",
        "127-0-0-1.md",
        "port-gazette.md",
        "river-news.md",
        "bay-weekly.md",
    ]
    harbour = _front(folder / "harbour-daily.md")
    assert harbour == {
        "title": "Cargo ship strikes Harbour Bridge pier",
        "outlet": "Harbour Daily",
        "url": f"{server}/harbour-daily",
        "byline": "Ana Ruiz",
        "published": "2025-03-14",
    }
    # No og:site_name: the outlet is the site's host.
    assert _front(folder / "127-0-0-1.md")["outlet"] == "127.0.0.1"
    assert _front(folder / "port-gazette.md")["outlet"] == "Port Gazette"
    assert _front(folder / "bay-weekly.md")["byline"] == "Rui Costa"

    story = yaml.safe_load((folder / "story.yml").read_text(encoding="utf-8"))
    assert story["title"] == "Cargo ship strikes Harbour Bridge pier"
    assert story["date"] == "2025-03-14"
    assert [entry["file"] for entry in story["articles"]] == [a.file for a in added]

    read = read_story(folder)
    assert read.problems == ()
    texts = {article.file: [block.text for block in article.blocks] for article in read.articles}
    # Markdown syntax in the article text stays text: no list, emphasis, heading or HTML.
    assert (
        "1. The mayor's office listed the ferry road as the detour, and *not* the coastal highway, "
        "which floods at high tide." in texts["harbour-daily.md"]
    )
    assert (
        "Commuters posted pictures of the queue with the tag #BridgeClosed & complaints about "
        "<b>missing</b> signs." in texts["harbour-daily.md"]
    )
    # The declared Windows-1252 page keeps its dash and apostrophe.
    assert any("commute \u2013 longer" in text for text in texts["127-0-0-1.md"])
    assert "The ship\u2019s owner said it would pay for repairs to the pier." in texts["127-0-0-1.md"]


def test_the_added_story_builds_strictly(server: str, seeds: Path, tmp_path: Path) -> None:
    sources = [f"{server}/harbour-daily", f"{server}/coast-courier", str(FILES / "river-news.txt")]
    _added(add(seeds, "harbour-bridge", sources))
    project = make_project(tmp_path / "project", seeds)
    site = build_site(project, tmp_path / "site", strict=True)
    page = (site / "stories" / "harbour-bridge" / "index.html").read_text(encoding="utf-8")
    assert "Cargo ship strikes Harbour Bridge pier" in page
    assert "Harbour Daily" in page
    assert "Input problems" not in page
    assert list((site / "stories" / "harbour-bridge" / "claims").iterdir())


def test_a_redirect_is_followed_and_the_final_address_recorded(server: str, seeds: Path) -> None:
    (added,) = _added(add(seeds, "bridge", [f"{server}/moved"]))
    assert _front(seeds / "bridge" / added.file)["url"] == f"{server}/harbour-daily"


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/gone", "not found (HTTP 404 Not Found)"),
        ("/broken", "server error (HTTP 503 Service Unavailable)"),
        ("/forbidden", "refused (HTTP 403 Forbidden)"),
        ("/loop-a", "redirect loop ({server}/loop-a -> {server}/loop-b -> {server}/loop-a)"),
        ("/to-ftp", "redirects to ftp://127.0.0.1/article.html, which is not an http(s) address"),
        ("/to-file", "redirects to file:///etc/passwd, which is not an http(s) address; not followed"),
        ("/report.pdf", "is not an HTML page (Content-Type: application/pdf)"),
        ("/huge", "is too large (2,500,000 bytes, more than the 2,000,000 allowed)"),
        ("/huge-streamed", "is too large (more than the 2,000,000 bytes allowed)"),
        ("/slow", "(timeout)"),
        ("/empty", "the file is empty"),
    ],
)
def test_a_source_that_cannot_be_used_is_refused_with_its_reason(
    server: str, seeds: Path, path: str, reason: str
) -> None:
    started = time.monotonic()
    (result,) = add(seeds, "bridge", [server + path], timeout=1)
    assert isinstance(result, Refused)
    assert result.source == server + path
    assert reason.format(server=server) in result.reason
    assert time.monotonic() - started < 2.5
    assert not (seeds / "bridge").exists() or not any((seeds / "bridge").glob("*.md"))


def test_addresses_that_are_not_web_pages_are_never_requested(seeds: Path) -> None:
    results = add(seeds, "bridge", ["file:///etc/passwd", "ftp://127.0.0.1/x.html", "javascript:alert(1)"])
    reasons = [r.reason for r in results if isinstance(r, Refused)]
    assert len(reasons) == 3
    assert all("not an http:// or https:// address" in r or "neither a file" in r for r in reasons)


def test_malformed_addresses_are_refused(seeds: Path) -> None:
    results = add(seeds, "bridge", ["http://127.0.0.1:99999/", "http://[::1", "https:///no-host"])
    reasons = [r.reason for r in results if isinstance(r, Refused)]
    assert reasons[0].startswith("is not a valid address (Port out of range")
    assert reasons[1] == "is not a valid address (Invalid IPv6 URL)"
    assert reasons[2] == "is not an http:// or https:// address (https:///no-host)"


def test_a_legacy_encoded_story_yml_is_extended_readably(seeds: Path) -> None:
    folder = seeds / "bridge"
    folder.mkdir()
    (folder / "story.yml").write_bytes("# Caf\u00e9 owners\ntitle: Bridge \u2013 closed\n".encode("cp1252"))
    _added(add(seeds, "bridge", [str(FILES / "river-news.txt")]))
    text = (folder / "story.yml").read_text(encoding="utf-8")
    assert text.startswith("# Caf\u00e9 owners\ntitle: Bridge \u2013 closed\n")
    assert yaml.safe_load(text)["articles"] == [{"file": "river-news.md", "outlet": "river-news"}]


def test_story_yml_keeps_its_permissions(seeds: Path) -> None:
    folder = seeds / "bridge"
    _added(add(seeds, "bridge", [str(FILES / "river-news.txt")]))
    story = folder / "story.yml"
    probe = folder / "probe"
    probe.write_text("")
    # A new story.yml is made like any new file; an existing one keeps what it had.
    assert stat.S_IMODE(story.stat().st_mode) == stat.S_IMODE(probe.stat().st_mode)
    story.chmod(0o640)
    _added(add(seeds, "bridge", [str(FILES / "port-gazette.html")]))
    assert stat.S_IMODE(story.stat().st_mode) == 0o640


def test_an_encoding_guess_is_reported_with_the_article(seeds: Path, tmp_path: Path) -> None:
    legacy = tmp_path / "quay-post.txt"
    text = "Quay caf\u00e9 closes\n\nThe caf\u00e9 on the quay \u2013 open since 1990 \u2013 shut.\n"
    legacy.write_bytes(text.encode("cp1252"))
    added = _added(add(seeds, "quay", [str(legacy)]))
    assert any("Windows-1252" in note for note in added[0].notes)
    assert not _added(add(seeds, "other", [str(FILES / "river-news.txt")]))[0].notes


def test_a_server_that_is_not_there_is_a_refusal(seeds: Path) -> None:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    (result,) = add(seeds, "bridge", [f"http://127.0.0.1:{port}/article"], timeout=2)
    assert isinstance(result, Refused)
    assert "cannot be reached" in result.reason


def test_saved_files_that_are_not_articles_are_refused(seeds: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    results = add(seeds, "bridge", [str(FILES / "notes.pdf"), str(tmp_path / "missing.html"), str(empty)])
    assert [r.reason for r in results if isinstance(r, Refused)] == [
        "is not a saved article (.html, .htm, .txt or .md)",
        "is neither a file nor an http(s) address",
        "the file is empty",
    ]


def test_duplicates_are_refused_by_address_and_by_text(server: str, seeds: Path) -> None:
    _added(add(seeds, "bridge", [f"{server}/harbour-daily"]))
    again, moved, reprint = add(
        seeds, "bridge", [f"{server}/harbour-daily", f"{server}/moved", f"{server}/reprint-weekly"]
    )
    assert isinstance(again, Refused) and "is already in the story as harbour-daily.md" in again.reason
    assert isinstance(moved, Refused) and "is already in the story as harbour-daily.md" in moved.reason
    assert isinstance(reprint, Refused)
    assert reprint.reason == "has the same text as harbour-daily.md, already in the story"
    # Within one run as well.
    first, second = add(seeds, "other", [str(FILES / "river-news.txt"), str(FILES / "river-news.txt")])
    assert isinstance(first, Added) and isinstance(second, Refused)
    assert sorted(p.name for p in (seeds / "bridge").iterdir()) == ["harbour-daily.md", "story.yml"]


def test_an_existing_file_is_never_overwritten(server: str, seeds: Path) -> None:
    folder = seeds / "bridge"
    folder.mkdir()
    mine = "Harbour Daily's story, as I typed it\n\nThe bridge is closed today, a spokesperson said.\n"
    (folder / "Harbour Daily.txt").write_text(mine, encoding="utf-8")
    (added,) = _added(add(seeds, "bridge", [f"{server}/harbour-daily"]))
    assert added.file == "harbour-daily-2.md"
    assert (folder / "Harbour Daily.txt").read_text(encoding="utf-8") == mine
    story = yaml.safe_load((folder / "story.yml").read_text(encoding="utf-8"))
    # The story had no story.yml: the file already there is listed too, so it gets no note.
    assert [entry["file"] for entry in story["articles"]] == ["Harbour Daily.txt", "harbour-daily-2.md"]
    assert [p.severity for p in read_story(folder).problems] == []


def test_story_yml_keeps_its_comments_and_entries(server: str, seeds: Path) -> None:
    shutil.copytree(SEED_STORY, seeds / "seed")
    before = (seeds / "seed" / "story.yml").read_text(encoding="utf-8")
    (added,) = _added(add(seeds, "seed", [f"{server}/harbour-daily"]))
    after = (seeds / "seed" / "story.yml").read_text(encoding="utf-8")
    assert after.startswith(before.rstrip("\n") + "\n")
    data = yaml.safe_load(after)
    assert data["articles"][-1] == {"file": added.file, "outlet": "Harbour Daily"}
    assert len(data["articles"]) == 4
    assert all("not listed" not in p.reason for p in read_story(seeds / "seed").problems)


def test_a_broken_story_yml_stops_before_anything_is_written(server: str, seeds: Path) -> None:
    folder = seeds / "bridge"
    folder.mkdir()
    (folder / "story.yml").write_text("title: [unclosed\n", encoding="utf-8")
    with pytest.raises(AddError, match=r"story\.yml cannot be read as YAML"):
        add(seeds, "bridge", [f"{server}/harbour-daily"])
    assert [p.name for p in folder.iterdir()] == ["story.yml"]


@pytest.mark.parametrize("name", ["", "..", "a/b", "."])
def test_a_story_name_must_be_one_folder_name(seeds: Path, name: str) -> None:
    with pytest.raises(AddError, match="is not a story name"):
        add(seeds, name, [str(FILES / "river-news.txt")])


def test_cli_add_reports_each_source_and_fails_when_one_is_refused(
    server: str, seeds: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sources = [f"{server}/harbour-daily", f"{server}/gone"]
    code = main(["add", "--seeds", str(seeds), "bridge", *sources, "--timeout", "5"])
    out, err = capsys.readouterr()
    assert code == 1
    assert f"added {seeds / 'bridge' / 'harbour-daily.md'}: Harbour Daily: Cargo ship" in out
    assert "digest add: 1 article added to" in out and "1 source refused" in out
    assert err == f"digest add: {server}/gone: not found (HTTP 404 Not Found)\n"
    assert main(["add", "--seeds", str(seeds), "bridge", str(FILES / "river-news.txt")]) == 0


def test_cli_add_without_a_seeds_folder_says_where_it_looked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["add", "bridge", str(FILES / "river-news.txt")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert f"no mkdocs.yml and no seeds folder in {tmp_path}" in err
    (tmp_path / "seeds").mkdir()
    assert main(["add", "bridge", str(FILES / "river-news.txt"), "--timeout", "0"]) == 2
    assert capsys.readouterr().err == "digest add: --timeout must be more than 0 seconds\n"
    assert main(["add", "bridge", str(FILES / "river-news.txt"), "--timeout", "soon"]) == 2
    assert "invalid float value: 'soon'" in capsys.readouterr().err
