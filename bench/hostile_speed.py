"""Time and memory of the analysis on input shaped to make costly work grow faster than the input.

``python bench/hostile_speed.py [--only NAME] [--scale 1] [--timeout 120] [--json] [--build]``
writes each shape as a story folder into a temporary directory and runs ``digest export`` on it
(with ``--build``, a whole ``mkdocs build`` of a site holding only that story) in its own
process, printing per shape the wall seconds, the peak resident memory
(``ru_maxrss`` from ``os.wait4``), the exit status and how many problems the
analysis reported. A shape passes when it ends within 30 s and 1 GB with either
an analysis or a refusal that names the file and the reason. The shapes:

- ``quoted_paragraph``: one paragraph of 28,000 short quoted sentences;
- ``quotes_at_limit``: just under the story's sentence limit, every sentence a
  quotation that nearly matches every other (one giant group of versions);
- ``distinct_quotes``: as many quotations of eight words drawn from forty, few of them alike;
- ``one_vocabulary``: six articles of 700 sentences written from a few dozen words, so every
  sentence resembles every other;
- ``long_articles``: two articles of 7,800 sentences each;
- ``sentences_at_limit``: the same, 2,495 sentences each;
- ``names``: 17,000 distinct capitalised names;
- ``one_frame_names``: 10,000 spellings of one consonant frame ("Baakeedoom");
- ``long_word``: a word of 195,000 characters;
- ``one_liners``: 60 one-line articles;
- ``article_limit``: 1,000 one-line articles, past the story's article limit.

Shapes generate their text from fixed seeds, so two runs see the same input.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SECONDS = 30.0
MEGABYTES = 1024.0

_SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]


def name(rng: random.Random, syllables: int = 3) -> str:
    """A made-up capitalised word, so no real name or outlet is named."""
    return "".join(rng.choice(_SYLLABLES) for _ in range(syllables)).capitalize()


def _write(folder: Path, files: dict[str, str]) -> None:
    folder.mkdir(parents=True)
    for file_name, text in files.items():
        (folder / file_name).write_text(text, encoding="utf-8")


def quoted_paragraph(folder: Path, scale: float = 1.0) -> None:
    body = " ".join('"Go."' for _ in range(round(28_000 * scale)))
    other = "Officials met on Monday. They spoke for an hour.\n"
    _write(folder, {"alpha.txt": f"Headline\n\n{body}\n", "beta.txt": f"Other headline\n\n{other}"})


def quotes_at_limit(folder: Path, scale: float = 1.0) -> None:
    rng = random.Random(1)
    files = {}
    for article in range(10):
        lines = [
            f"\u201cThe council will meet again on day {rng.randrange(1000)} to vote,\u201d {name(rng)} said."
            for _ in range(round(490 * scale))
        ]
        files[f"outlet-{article}.txt"] = "Council vote\n\n" + "\n\n".join(lines) + "\n"
    _write(folder, files)


def distinct_quotes(folder: Path, scale: float = 1.0) -> None:
    rng = random.Random(6)
    vocabulary = [name(rng, 2).lower() for _ in range(40)]
    files = {}
    for article in range(10):
        quoted = [" ".join(rng.choice(vocabulary) for _ in range(8)) for _ in range(round(490 * scale))]
        lines = [f"\u201c{words.capitalize()},\u201d {name(rng)} said." for words in quoted]
        files[f"outlet-{article}.txt"] = "Council vote\n\n" + "\n\n".join(lines) + "\n"
    _write(folder, files)


def one_vocabulary(folder: Path, scale: float = 1.0) -> None:
    """Articles written from a few dozen words, so every sentence resembles every other: claims
    grow large and nearly every pair of them is a candidate merge."""
    rng = random.Random(7)
    bodies = [name(rng, 2).lower() for _ in range(10)]
    deeds = ["closed", "reopened", "reviewed", "approved", "inspected", "funded", "delayed", "praised"]
    people = [f"{name(rng, 2)} {name(rng, 3)}" for _ in range(5)]
    days = ["Monday", "Tuesday", "Friday"]
    files = {}
    for article in range(6):
        sentences = [
            f"The {rng.choice(bodies)} board {rng.choice(deeds)} the {rng.choice(bodies)} plan after "
            f"{rng.choice([14, 300, 1200, 85, 20])} residents complained on {rng.choice(days)}, "
            f"{rng.choice(people)} said."
            for _ in range(round(700 * scale))
        ]
        paragraphs = [" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)]
        files[f"outlet-{article}.txt"] = "Board decisions\n\n" + "\n\n".join(paragraphs) + "\n"
    _write(folder, files)


def long_articles(folder: Path, scale: float = 1.0) -> None:
    rng = random.Random(2)
    files = {}
    for article in ("alpha", "beta"):
        sentences = [f"{name(rng, 2)} ran {rng.randrange(99)} laps." for _ in range(round(7_800 * scale))]
        files[f"{article}.txt"] = "Headline\n\n" + " ".join(sentences) + "\n"
    _write(folder, files)


def sentences_at_limit(folder: Path, scale: float = 1.0) -> None:
    long_articles(folder, scale * 2_495 / 7_800)


def _name_lists(folder: Path, ordered: list[str]) -> None:
    """Two articles of bare name lists, ten names a sentence, so each stays within its sentence limit."""
    lists = [", ".join(ordered[i : i + 9]) + f" and {ordered[i + 9]}" for i in range(0, len(ordered) - 9, 10)]
    half = len(lists) // 2
    first = " ".join(f"{names} came." for names in lists[:half])
    second = " ".join(f"{names} left." for names in lists[half:])
    _write(folder, {"alpha.txt": f"Names\n\n{first}\n", "beta.txt": f"More names\n\n{second}\n"})


def names(folder: Path, scale: float = 1.0) -> None:
    rng = random.Random(3)
    seen: set[str] = set()
    while len(seen) < round(17_000 * scale):
        seen.add(name(rng, 6))
    _name_lists(folder, sorted(seen))


def one_frame_names(folder: Path, scale: float = 1.0) -> None:
    rng = random.Random(5)
    seen: set[str] = set()
    while len(seen) < round(10_000 * scale):
        runs = [rng.choice("aeiou") * rng.randrange(1, 9) for _ in range(4)]
        seen.add(f"B{runs[0]}k{runs[1]}d{runs[2]}m{runs[3]}")
    _name_lists(folder, sorted(seen))


def long_word(folder: Path, scale: float = 1.0) -> None:
    word = "W" + "x" * (round(195_000 * scale) - 1)
    text = f"Headline\n\nThe word is {word} and nothing more.\n"
    _write(folder, {"alpha.txt": text, "beta.txt": "Other headline\n\nA short sentence is here.\n"})


def _one_liners(folder: Path, count: int) -> None:
    rng = random.Random(4)
    _write(
        folder,
        {
            f"outlet-{i:04d}.txt": f"Report {i}\n\n{name(rng)} said the {name(rng)} bridge reopened.\n"
            for i in range(count)
        },
    )


def one_liners(folder: Path, scale: float = 1.0) -> None:
    _one_liners(folder, 60)  # the limit itself, whatever the scale


def article_limit(folder: Path, scale: float = 1.0) -> None:
    _one_liners(folder, max(61, round(1_000 * scale)))


SHAPES: dict[str, Callable[[Path, float], None]] = {
    "quoted_paragraph": quoted_paragraph,
    "quotes_at_limit": quotes_at_limit,
    "distinct_quotes": distinct_quotes,
    "one_vocabulary": one_vocabulary,
    "long_articles": long_articles,
    "sentences_at_limit": sentences_at_limit,
    "names": names,
    "one_frame_names": one_frame_names,
    "long_word": long_word,
    "one_liners": one_liners,
    "article_limit": article_limit,
}


def project(folder: Path) -> Path:
    """A site project beside the shape, with the repository's configuration and only that story."""
    root = folder.parent / f"{folder.name}-site"
    (root / "seeds").mkdir(parents=True)
    folder.rename(root / "seeds" / folder.name)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", root / "docs")
    shutil.copytree(ROOT / "overrides", root / "overrides")
    return root


def run(folder: Path, timeout: float, build: bool = False) -> dict[str, object]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env["NO_MKDOCS_2_WARNING"] = "1"
    program = "from digest.cli import main; raise SystemExit(main())"
    command = [sys.executable, "-c", program, "export", str(folder)]
    if build:
        root = project(folder)
        command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(root / "mkdocs.yml")]
    start = time.perf_counter()
    with open(os.devnull, "wb") as sink, tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(command, stdout=sink, stderr=errors, env=env)
        killed = False
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() - start > timeout:
                process.kill()
                killed = True
            time.sleep(0.05)
        process.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - start
        errors.seek(0)
        messages = errors.read().decode("utf-8", "replace").splitlines()
    megabytes = usage.ru_maxrss / 1024
    return {
        "seconds": round(seconds, 2),
        "peak_rss_mb": round(megabytes, 1),
        "exit": "killed" if killed else process.returncode,
        "problems": len(messages),
        "first_problem": messages[0][:160] if messages else "",
        "ok": not killed and seconds < SECONDS and megabytes < MEGABYTES,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=sorted(SHAPES), action="append")
    parser.add_argument("--timeout", type=float, default=120.0, help="kill a shape after this many seconds")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--scale", type=float, default=1.0, help="size of every shape (1: the attack)")
    parser.add_argument(
        "--build",
        action="store_true",
        help="time a whole 'mkdocs build' of each shape, not only the analysis",
    )
    args = parser.parse_args()
    results: dict[str, dict[str, object]] = {}
    with tempfile.TemporaryDirectory() as scratch:
        for shape in args.only or list(SHAPES):
            folder = Path(scratch) / shape
            SHAPES[shape](folder, args.scale)
            results[shape] = run(folder, args.timeout, args.build)
            if not args.json:
                r = results[shape]
                print(
                    f"{shape:<17} {r['seconds']:>7} s {r['peak_rss_mb']:>8} MB  exit {r['exit']!s:<6} "
                    f"problems {r['problems']:<5} {'ok' if r['ok'] else 'FAIL'}  {r['first_problem']}",
                    flush=True,
                )
    if args.json:
        print(json.dumps(results, indent=2))
    return 0 if all(r["ok"] for r in results.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
