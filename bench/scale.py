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
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.corpus import write_corpus  # noqa: E402

_EXTENSIONS = ["tables", "md_in_html", {"toc": {"permalink": True}}]
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
    (folder / "docs").mkdir(parents=True)
    config = {
        "site_name": "Parallax scale test",
        "docs_dir": "docs",
        "theme": {"name": "material"},
        "plugins": ["search", {"digest": {"seeds_dir": os.path.relpath(seeds, folder)}}],
        "markdown_extensions": _EXTENSIONS,
    }
    path = folder / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
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
    return {
        "pages": len(pages),
        "site_bytes": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()),
        "max_page_bytes": pages[largest],
        "max_page": largest,
        "max_page_bytes_by_kind": dict(sorted(by_kind.items())),
        "search_index_bytes": (site / "search" / "search_index.json").stat().st_size,
    }


def analysed(log: str) -> int:
    match = _ANALYSED.search(log)
    if not match:
        raise SystemExit(f"the build did not report its cache use:\n{log}")
    return int(match.group(2))


def edit_one_article(seeds: Path) -> None:
    """Change one sentence of one article, as a maintainer fixing a typo would."""
    story = sorted(p for p in seeds.iterdir() if p.is_dir())[len(list(seeds.iterdir())) // 2]
    article = sorted(p for p in story.iterdir() if p.suffix in (".txt", ".md"))[0]
    text = article.read_text(encoding="utf-8")
    text = text.rstrip("\n") + "\n\nThe report was updated with a correction.\n"
    article.write_text(text, encoding="utf-8")


def measure(count: int, seed: int, cache_runs: bool, keep: Path | None) -> dict[str, Any]:
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
        bare = work / "bare"
        render = run([python, "-m", "digest.cli", "render", "--seeds", str(seeds), "--out", str(bare)])
        bare_build = run(
            [python, "-m", "mkdocs", "build", "-f", str(bare / "mkdocs.yml"), "-d", str(bare / "site")]
        )
        bare_sizes = site_sizes(bare / "site")
        if cache_runs:
            warm = run(build)
            edit_one_article(seeds)
            edited = run(build)
            extra.update(
                warm_build_s=round(warm.seconds, 2),
                warm_build_cpu_s=round(warm.cpu_seconds, 2),
                warm_analysed=analysed(warm.log),
                edit_build_s=round(edited.seconds, 2),
                edit_build_cpu_s=round(edited.cpu_seconds, 2),
                edit_analysed=analysed(edited.log),
            )

        if keep:
            shutil.copytree(work, keep, dirs_exist_ok=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return {
        "stories": count,
        "pages": sizes["pages"],
        "analysis_s": round(analysis["seconds"], 2),
        "build_s": round(cold.seconds, 2),
        "bare_build_s": round(bare_build.seconds, 2),
        "site_bytes": sizes["site_bytes"],
        "max_page_bytes": sizes["max_page_bytes"],
        "peak_rss_mb": round(cold.rss_mb, 1),
        "peak_rss_of": "ru_maxrss of the cold plugin build's own process (os.wait4)",
        "analysis_to_bare": round(analysis["seconds"] / bare_build.seconds, 3),
        "analysis_cpu_s": round(analysis_run.cpu_seconds, 2),
        "build_cpu_s": round(cold.cpu_seconds, 2),
        "bare_build_cpu_s": round(bare_build.cpu_seconds, 2),
        "analysis_to_bare_cpu": round(analysis_run.cpu_seconds / bare_build.cpu_seconds, 3),
        "worker_peak_rss_mb": round(max(analysis_run.other_rss_mb, cold.other_rss_mb), 1),
        "max_page": sizes["max_page"],
        "max_page_bytes_by_kind": sizes["max_page_bytes_by_kind"],
        "search_index_bytes": sizes["search_index_bytes"],
        **extra,
        "render_s": round(render.seconds, 2),
        "bare_pages": bare_sizes["pages"],
        "bare_peak_rss_mb": round(bare_build.rss_mb, 1),
        "cpus": os.cpu_count(),
        "seed": seed,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--keep", type=Path, help="copy the corpus and both sites here")
    parser.add_argument(
        "--no-cache-runs", action="store_true", help="skip the warm and one-edit builds (saves two builds)"
    )
    parser.add_argument("--time-analysis", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--report", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.time_analysis:
        time_analysis(args.time_analysis, args.report)
        return
    become_subreaper()
    result = measure(args.stories, args.seed, not args.no_cache_runs, args.keep)
    if args.json:
        print(json.dumps(result))
        return
    for key, value in result.items():
        print(f"{key:>18}: {value}")


if __name__ == "__main__":
    main()
