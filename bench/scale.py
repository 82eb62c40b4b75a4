"""How the digest scales: analysis time, build time against a bare build, site and page sizes.

``python bench/scale.py --stories 200 [--json]`` writes a synthetic corpus
(`bench/corpus.py`) into a temporary folder and measures, each in its own
process so the figures include nothing of this script:

- ``analysis_s``: ingest to JSON export of every story, on all cores, no cache;
- ``build_s``: ``mkdocs build`` with the digest plugin and an empty cache;
- ``bare_build_s``: ``mkdocs build`` of the same pages written by
  ``digest render --out`` and its generated ``mkdocs.yml`` (no plugin), the floor;
- ``warm_build_s`` / ``edit_build_s``: the plugin build again with a full cache,
  then after one article of one story changed (``edit_analysed`` stories analysed);
- ``pages``, ``site_bytes``, ``max_page_bytes``: HTML pages of the plugin build,
  the bytes of the whole site folder and of its largest page;
- ``peak_rss_mb``: the peak resident memory (``ru_maxrss`` from ``os.wait4``) of
  the cold plugin build's own process, the one that holds every page; each
  analysis worker process is smaller and counted separately
  (``worker_peak_rss_mb``);
- ``*_cpu_s``: CPU seconds (user + system) of a step and every process it
  started, analysis workers included. On a shared machine wall times vary
  with other load; CPU seconds much less so.

On Linux this script makes itself a child subreaper, so that processes orphaned
by a step (the analysis pool's fork server) are reaped here and their usage counted.
"""

from __future__ import annotations

import argparse
import ctypes
import functools
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.corpus import write_corpus  # noqa: E402

_ANALYSED = re.compile(r"digest: (\d+) stories: (\d+) analysed, (\d+) from the cache")


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env["NO_MKDOCS_2_WARNING"] = "1"
    return env


PR_SET_CHILD_SUBREAPER = 36


def become_subreaper() -> bool:
    """Adopt orphaned descendants (Linux only), so their CPU time can be counted."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return bool(libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0)
    except (OSError, AttributeError):
        return False


@dataclass
class Run:
    seconds: float
    cpu_seconds: float
    rss_mb: float
    """Peak RSS of the command's own process."""
    other_rss_mb: float
    """Largest peak RSS among adopted descendants (0 when there were none)."""
    log: str


def run(command: list[str]) -> Run:
    """Time a command and every process it leaves behind; fails loudly if the command fails."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors, env=_env())
        _, status, usage = os.wait4(process.pid, 0)
        cpu = usage.ru_utime + usage.ru_stime
        other = 0.0
        while True:  # orphans adopted as subreaper; none left raises ChildProcessError
            try:
                _, _, adopted = os.wait4(-1, 0)
            except ChildProcessError:
                break
            cpu += adopted.ru_utime + adopted.ru_stime
            other = max(other, adopted.ru_maxrss / 1024)
        seconds = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        text = errors.read().decode("utf-8", "replace")
    if code:
        raise SystemExit(f"{' '.join(command)} failed ({code}):\n{text}")
    return Run(seconds, cpu, usage.ru_maxrss / 1024, other, text)


def time_analysis(seeds: Path, report: Path) -> None:
    """Child mode: analyse and export every story without cache, write the seconds as JSON."""
    from digest.export import to_json
    from digest.stories import analyze_all, default_workers

    start = time.perf_counter()
    stories = analyze_all(seeds, workers=default_workers())
    exported = sum(len(to_json(story)) for story in stories)
    seconds = time.perf_counter() - start
    result = {"seconds": seconds, "stories": len(stories), "json_bytes": exported}
    report.write_text(json.dumps(result), encoding="utf-8")


def plugin_config(folder: Path, seeds: Path) -> Path:
    """The digest plugin alone (search is Pagefind's, which the plugin runs after the build),
    with the repository's theme settings, so the pages weigh what the project's site weighs."""
    (folder / "docs").mkdir(parents=True)
    theme = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["theme"]
    theme["custom_dir"] = str(ROOT / theme["custom_dir"]) if "custom_dir" in theme else None
    config = {
        "site_name": "Parallax scale test",
        "docs_dir": "docs",
        "theme": {key: value for key, value in theme.items() if value is not None},
        "plugins": [{"digest": {"seeds_dir": os.path.relpath(seeds, folder)}}],
    }
    path = folder / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def floor_project(folder: Path, pages: int) -> Path:
    """A bare MkDocs + Material site (default plugins, so its own search) of ``pages`` trivial pages
    out of the navigation: the least any site engine of this kind spends on that many pages."""
    docs = folder / "docs"
    (docs / "p").mkdir(parents=True)
    (docs / "index.md").write_text("# Home\n\nThe floor.\n", encoding="utf-8")
    for number in range(pages - 1):
        (docs / "p" / f"{number}.md").write_text(
            f"# Page {number}\n\nOne short paragraph of page {number}, about as long as a sentence.\n",
            encoding="utf-8",
        )
    config = {
        "site_name": "Floor",
        "docs_dir": "docs",
        "theme": {"name": "material"},
        "nav": [{"Home": "index.md"}],
    }
    path = folder / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False) + "not_in_nav: |\n  /p/\n", encoding="utf-8")
    return path


def page_kind(path: str) -> str:
    """Which generator wrote a page, from its place in the site."""
    parts = path.split("/")
    if parts[0] == "stories":
        return {3: "story", 5: "claim" if parts[2] == "claims" else "article"}.get(len(parts), "other")
    if parts[0] == "page" or path == "index.html":
        return "story list"
    return "other"


def site_sizes(site: Path) -> dict[str, Any]:
    pages = {p.relative_to(site).as_posix(): p.stat().st_size for p in site.rglob("*.html")}
    pages.pop("404.html", None)
    largest = max(pages, key=lambda path: pages[path])
    by_kind: dict[str, int] = {}
    for path, size in pages.items():
        kind = page_kind(path)
        by_kind[kind] = max(by_kind.get(kind, 0), size)
    files = [p for p in site.rglob("*") if p.is_file()]
    return {
        "pages": len(pages),
        "site_bytes": sum(p.stat().st_size for p in files),
        "max_page_bytes": pages[largest],
        "max_page": largest,
        "max_page_bytes_by_kind": dict(sorted(by_kind.items())),
        "search_bytes": sum(p.stat().st_size for p in files if p.relative_to(site).parts[0] == "pagefind"),
        "data_bytes": sum(p.stat().st_size for p in files if p.relative_to(site).parts[0] == "data"),
    }


def tree(site: Path) -> dict[str, bytes]:
    """Every file of a site but the sitemap (its dates are the build's)."""
    return {
        p.relative_to(site).as_posix(): p.read_bytes()
        for p in sorted(site.rglob("*"))
        if p.is_file() and not p.name.startswith("sitemap.xml")
    }


def analysed(log: str) -> int:
    match = _ANALYSED.search(log)
    if not match:
        raise SystemExit(f"the build did not report its cache use:\n{log}")
    return int(match.group(2))


EDIT_LINE = "The report was updated with correction Qx{n}vz."


def edit_one_article(seeds: Path, number: int) -> tuple[str, str]:
    """Append a sentence to one article, as a maintainer fixing a report would; (story id, sentence)."""
    folders = sorted(p for p in seeds.iterdir() if p.is_dir())
    story = folders[(len(folders) // 2 + number) % len(folders)]
    article = sorted(p for p in story.iterdir() if p.suffix in (".txt", ".md"))[0]
    sentence = EDIT_LINE.format(n=number)
    text = article.read_text(encoding="utf-8")
    article.write_text(text.rstrip("\n") + f"\n\n{sentence}\n", encoding="utf-8")
    return story.name, sentence


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8", "replace"))
    except (OSError, ValueError):
        return None


def serve_edit(config: Path, seeds: Path, timeout: float = 1800) -> float:
    """Seconds from saving an edit to ``mkdocs serve --dirty`` serving the changed story page."""
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "serve",
        "--dirty",
        "-f",
        str(config),
        "-a",
        f"127.0.0.1:{port}",
    ]
    with tempfile.TemporaryFile() as log:
        server = subprocess.Popen(command, stdout=log, stderr=log, env=_env())
        try:
            base = f"http://127.0.0.1:{port}/"
            deadline = time.monotonic() + timeout
            while fetch(base) is None:
                if server.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    raise SystemExit("mkdocs serve did not start:\n" + log.read().decode("utf-8", "replace"))
                time.sleep(1)
            time.sleep(3)  # let the watcher settle after the first build
            story, sentence = edit_one_article(seeds, 2)
            start = time.perf_counter()
            # The edit shows on the edited article's page.
            while True:
                page = fetch(f"{base}stories/{story}/") or ""
                articles = re.findall(r'href="(articles/[^"]+/)"', page)
                token = sentence.split()[-1].rstrip(".")
                if any(token in (fetch(f"{base}stories/{story}/{link}") or "") for link in set(articles)):
                    return time.perf_counter() - start
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("mkdocs serve never showed the edit")
                time.sleep(0.25)
        finally:
            server.send_signal(signal.SIGINT)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


def search_query_bytes(site: Path, word: str, every_part: bool = False) -> int:
    """Bytes under ``pagefind/`` that the search page downloads for its first query (Pagefind's
    interface, script, index chunks and result fragments, web worker fetches included), measured
    in Chromium against the built site served on localhost. The search page searches the newest
    index part; ``every_part`` chooses "all" stories first (0 when the site has one part)."""
    from playwright.sync_api import Response, sync_playwright

    handler = functools.partial(_Quiet, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    fetched: list[int] = []

    def count(response: Response) -> None:
        if "/pagefind/" in response.url and response.ok:
            fetched.append(len(response.body()))

    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", headless=True)
            page = browser.new_page()
            page.on("response", count)
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/search/")
            if every_part:
                if not page.locator("#px-search-part").count():
                    browser.close()
                    return 0
                page.select_option("#px-search-part", "all")
            search = page.locator("input.pagefind-ui__search-input")
            search.fill(word)
            page.locator("a.pagefind-ui__result-link").first.wait_for(timeout=60_000)
            page.wait_for_load_state("networkidle")
            browser.close()
            return sum(fetched)
    finally:
        server.shutdown()
        server.server_close()


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """No line per request."""


def measure(count: int, seed: int, cache_runs: bool, keep: Path | None, serve: bool) -> dict[str, Any]:
    work = Path(tempfile.mkdtemp(prefix="digest-scale-"))
    python = sys.executable
    extra: dict[str, Any] = {}
    try:
        seeds = work / "seeds"
        write_corpus(seeds, count, seed)
        analysis_run = run(
            [python, __file__, "--time-analysis", str(seeds), "--report", str(work / "a.json")]
        )
        analysis = json.loads((work / "a.json").read_text(encoding="utf-8"))

        project = work / "project"
        config = plugin_config(project, seeds)
        site = project / "site"
        build = [python, "-m", "mkdocs", "build", "-f", str(config), "-d", str(site)]
        cold = run(build)
        sizes = site_sizes(site)
        extra["cold_analysed"] = analysed(cold.log)
        floor_config = floor_project(work / "floor", sizes["pages"])
        floor = run(
            [python, "-m", "mkdocs", "build", "-f", str(floor_config), "-d", str(work / "floor" / "site")]
        )
        extra["search_query_bytes"] = search_query_bytes(site, "the report")
        extra["search_query_bytes_all_parts"] = search_query_bytes(site, "the report", every_part=True)
        extra["search_parts"] = len(list((site / "pagefind").glob("*/pagefind-entry.json")))
        if cache_runs:
            cold_tree = tree(site)
            warm = run(build)
            extra["warm_identical_to_cold"] = tree(site) == cold_tree
            del cold_tree
            story, sentence = edit_one_article(seeds, 1)
            edited = run([*build, "--dirty"])
            article_pages = (site / "stories" / story / "articles").glob("*/index.html")
            shown = any(
                sentence.split()[-1].rstrip(".") in p.read_text(encoding="utf-8") for p in article_pages
            )
            extra.update(
                warm_build_s=round(warm.seconds, 2),
                warm_analysed=analysed(warm.log),
                edit_build_s=round(edited.seconds, 2),
                edit_build_cpu_s=round(edited.cpu_seconds, 2),
                edit_analysed=analysed(edited.log),
                edit_shown=shown,
                edit_command="mkdocs build --dirty",
            )
        if serve:
            extra["serve_edit_s"] = round(serve_edit(config, seeds), 2)
        if keep:
            shutil.copytree(work, keep, dirs_exist_ok=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    result = {
        "stories": count,
        "pages": sizes["pages"],
        "analysis_s": round(analysis["seconds"], 2),
        "build_s": round(cold.seconds, 2),
        "floor_build_s": round(floor.seconds, 2),
        "build_to_floor": round(cold.seconds / floor.seconds, 2),
        "site_bytes": sizes["site_bytes"],
        "site_bytes_per_story": round(sizes["site_bytes"] / max(count, 1)),
        "max_page_bytes": sizes["max_page_bytes"],
        "peak_rss_mb": round(cold.rss_mb, 1),
        "peak_rss_of": "ru_maxrss of the cold plugin build's own process (os.wait4)",
        "analysis_cpu_s": round(analysis_run.cpu_seconds, 2),
        "build_cpu_s": round(cold.cpu_seconds, 2),
        "floor_build_cpu_s": round(floor.cpu_seconds, 2),
        "worker_peak_rss_mb": round(max(analysis_run.other_rss_mb, cold.other_rss_mb), 1),
        "max_page": sizes["max_page"],
        "max_page_bytes_by_kind": sizes["max_page_bytes_by_kind"],
        "search_index_bytes": sizes["search_bytes"],
        "data_bytes": sizes["data_bytes"],
        **extra,
        "cpus": os.cpu_count(),
        "seed": seed,
    }
    if "edit_build_s" in result:
        result["edit_to_build"] = round(result["edit_build_s"] / result["build_s"], 3)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--keep", type=Path, help="copy the corpus and both sites here")
    parser.add_argument(
        "--no-cache-runs", action="store_true", help="skip the warm and one-edit builds (saves two builds)"
    )
    parser.add_argument("--no-serve", action="store_true", help="skip timing an edit under mkdocs serve")
    parser.add_argument("--time-analysis", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--report", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.time_analysis:
        time_analysis(args.time_analysis, args.report)
        return
    become_subreaper()
    result = measure(args.stories, args.seed, not args.no_cache_runs, args.keep, not args.no_serve)
    if args.json:
        print(json.dumps(result))
        return
    for key, value in result.items():
        print(f"{key:>18}: {value}")


if __name__ == "__main__":
    main()
