"""The ``digest`` command: add, export, evaluate, check and render stories without MkDocs.

Every mistake a user can make on the command line ends in one line that names
what was wrong and a non-zero exit status, never in a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

import yaml

from digest.add import Added, AddError, Refused, add
from digest.evaluate import GoldError, Score, format_report, format_table, load_gold, score
from digest.export import to_data, to_json
from digest.fetch import DEFAULT_TIMEOUT
from digest.ingest import (
    ARTICLE_SUFFIXES,
    STORY_FILE,
    address_clashes,
    printable,
    problem_place,
    read_story,
    story_id,
)
from digest.pipeline import analyze
from digest.render.engine import WRITTEN_BY_RENDER, mkdocs_yml
from digest.render.markup import plural
from digest.render.site import build
from digest.stories import analyze_all, default_workers, story_folders

DESCRIPTION = "Add, export, evaluate, check and render news stories without building the site."


def _fail(command: str, message: str) -> int:
    """A usage mistake: one line on stderr and exit status 2."""
    print(printable(f"digest {command}: {message}"), file=sys.stderr)
    return 2


def _has_articles(folder: Path) -> bool:
    return (folder / STORY_FILE).is_file() or any(
        p.suffix.lower() in ARTICLE_SUFFIXES for p in folder.iterdir() if not p.is_dir()
    )


SEEDS_HELP = "folder of story folders (default: the seeds_dir of ./mkdocs.yml, else seeds)"


class _Lenient(yaml.SafeLoader):
    """Reads a site's mkdocs.yml for one setting: tags only MkDocs knows (!ENV, !!python/name)
    are read as nothing rather than refused."""


_Lenient.add_multi_constructor("", lambda loader, suffix, node: None)


def default_seeds() -> Path:
    """The folder of stories: the digest plugin's ``seeds_dir`` in ./mkdocs.yml when it names one,
    else ``seeds``, so the commands look where the site build looks."""
    try:
        with open("mkdocs.yml", encoding="utf-8") as handle:
            config = yaml.load(handle, Loader=_Lenient)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return Path("seeds")
    plugins = config.get("plugins") if isinstance(config, dict) else None
    for entry in plugins if isinstance(plugins, list) else []:
        options = entry.get("digest") if isinstance(entry, dict) else None
        if isinstance(options, dict) and isinstance(options.get("seeds_dir"), str):
            return Path(options["seeds_dir"])
    return Path("seeds")


def _missing_seeds(command: str, seeds: Path, other: str) -> int:
    """Why there is nothing to work on, saying where we looked, so a run in the wrong folder is
    obvious; ``other`` says how to name the stories instead."""
    here = Path.cwd()
    where = seeds if seeds.is_absolute() else here / seeds
    if (here / "mkdocs.yml").is_file() or seeds != Path("seeds"):
        if seeds == default_seeds() and seeds != Path("seeds"):
            other = f"change seeds_dir in mkdocs.yml, or {other}"
        return _fail(command, f"no folder of stories at {where}; create it, or {other}")
    return _fail(
        command,
        f"found no mkdocs.yml and no seeds folder in {here}: run this in the project folder "
        f"(where mkdocs.yml is), or {other}",
    )


def _export(args: argparse.Namespace) -> int:
    folder = Path(args.story_dir)
    if not folder.is_dir():
        return _fail("export", f"{folder} is not a folder")
    if not _has_articles(folder) and story_folders(folder):
        example = story_folders(folder)[0]
        return _fail("export", f"{folder} is a folder of stories; give one story folder, such as {example}")
    story = analyze(folder)
    for problem in story.problems:
        where = folder if problem.file == folder.name else folder / problem.file
        print(printable(f"digest export: {where}: {problem.reason}"), file=sys.stderr)
    if not story.articles:
        return 1
    sys.stdout.write(to_json(story))
    return 0


def _add(args: argparse.Namespace) -> int:
    seeds = Path(args.seeds) if args.seeds else default_seeds()
    if not seeds.is_dir():
        return _missing_seeds("add", seeds, "name the folder of stories with --seeds")
    if not args.timeout > 0:
        return _fail("add", "--timeout must be more than 0 seconds")

    def report(result: Added | Refused) -> None:
        if isinstance(result, Added):
            print(printable(f"added {seeds / args.story / result.file}: {result.outlet}: {result.headline}"))
            for note in result.notes:
                print(
                    printable(f"digest add: {result.source}: {note}; check the text written"), file=sys.stderr
                )
        else:
            print(printable(f"digest add: {result.source}: {result.reason}"), file=sys.stderr)

    try:
        results = add(seeds, args.story, args.sources, timeout=args.timeout, report=report)
    except AddError as error:
        return _fail("add", str(error))
    added = sum(isinstance(result, Added) for result in results)
    refused = len(results) - added
    print(
        f"digest add: {plural(added, 'article')} added to {seeds / args.story}"
        + (f", {plural(refused, 'source')} refused" if refused else "")
    )
    return 1 if refused else 0


def _eval_one(gold_path: Path, folder: Path) -> tuple[Score, dict[str, str]]:
    """Score one story folder; raises GoldError or OSError for an unusable reference."""
    gold = load_gold(gold_path)
    data = to_data(analyze(folder))
    texts = {s["id"]: s["text"] for a in data["articles"] for s in a["sentences"]}
    return score(data, gold), texts


def _eval(args: argparse.Namespace) -> int:
    if args.all:
        return _eval_all(args)
    folder = Path(args.story_dir)
    if not folder.is_dir():
        return _fail("eval", f"{folder} is not a folder")
    if Path(args.gold).is_dir():
        return _fail("eval", f"{args.gold} is a folder; give one reference file, or use --all")
    try:
        result, texts = _eval_one(Path(args.gold), folder)
    except (OSError, GoldError) as error:
        print(f"digest eval: cannot read reference {args.gold}: {error}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(result.as_dict(), indent=1, sort_keys=True))
    else:
        print(_lines(format_report(result, texts if args.verbose else None)))
    return 0


def _lines(report: str) -> str:
    """A report quoting input text, each line safe to print (`printable`)."""
    return "\n".join(printable(line) for line in report.splitlines())


def _eval_all(args: argparse.Namespace) -> int:
    """Every ``<story>.yml`` of a folder of references against ``STORIES/<story>/``."""
    golds, stories = Path(args.gold), Path(args.story_dir)
    if not golds.is_dir() or not stories.is_dir():
        print("digest eval --all: give a folder of references and a folder of story folders", file=sys.stderr)
        return 2
    paths = sorted(golds.glob("*.yml")) + sorted(golds.glob("*.yaml"))
    if not paths:
        print(f"digest eval --all: no .yml references in {golds}", file=sys.stderr)
        return 2
    results: list[Score] = []
    failed = False
    for path in paths:
        folder = stories / path.stem
        if not folder.is_dir():
            print(f"digest eval: {path.name}: no story folder {folder}", file=sys.stderr)
            failed = True
            continue
        try:
            result, texts = _eval_one(path, folder)
        except (OSError, GoldError) as error:
            print(f"digest eval: cannot read reference {path}: {error}", file=sys.stderr)
            failed = True
            continue
        results.append(result)
        if args.verbose and not args.json:
            print(_lines(format_report(result, texts)) + "\n")
    if args.json:
        print(json.dumps([r.as_dict() for r in results], indent=1, sort_keys=True))
    else:
        print(_lines(format_table(results)))
    return 2 if failed else 0


def _render(args: argparse.Namespace) -> int:
    seeds = Path(args.seeds) if args.seeds else default_seeds()
    out = Path(args.out)
    if not seeds.is_dir():
        if seeds.exists():
            return _fail("render", f"{seeds} is not a folder")
        return _missing_seeds("render", seeds, "name the folder of stories with --seeds")
    if out.exists() and not out.is_dir():
        return _fail("render", f"--out {out} is a file; give a folder to write mkdocs.yml and docs/ into")
    blocked = next((parent for parent in out.parents if parent.exists() and not parent.is_dir()), None)
    if blocked is not None:
        return _fail("render", f"--out {out} cannot be made: {blocked} is a file")
    if args.workers is not None and args.workers < 1:
        return _fail("render", "--workers must be 1 or more")
    foreign = _not_rendered_here(out)
    if foreign:
        return _fail("render", f"--out {out} {foreign}; give an empty folder, or one an earlier render wrote")
    stories = analyze_all(seeds, workers=args.workers or default_workers())
    for story in stories:
        # What the pages list as skipped or left out is said here too, as `mkdocs build` says it.
        for problem in story.problems:
            print(
                printable(f"digest render: {problem_place(story.meta.id, problem.file)}: {problem.reason}"),
                file=sys.stderr,
            )
    site = build(stories, args.site_name)
    docs = out / "docs"
    try:
        for path, text in {**site.pages, **site.assets}.items():
            target = docs / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        (out / "mkdocs.yml").write_text(mkdocs_yml(args.site_name, "docs"), encoding="utf-8")
    except OSError as error:
        return _fail("render", f"cannot write into {out}: {error.strerror or error} ({error.filename})")
    print(
        f"digest render: {len(site.pages)} pages and {len(site.assets)} files written to {docs}, "
        f"with {out / 'mkdocs.yml'} to build them"
    )
    return 0


def _not_rendered_here(out: Path) -> str | None:
    """Why ``digest render`` must not write into ``out``, if it must not: it replaces mkdocs.yml
    and what it generates under docs/, so a project's own configuration or pages would be lost."""
    if not out.is_dir():
        return None
    config = out / "mkdocs.yml"
    if config.is_file():
        try:
            with config.open(encoding="utf-8", errors="replace") as handle:
                first = handle.readline()
        except OSError as error:
            return f"holds a mkdocs.yml that cannot be read ({error.strerror or error})"
        return None if first == WRITTEN_BY_RENDER else "holds a mkdocs.yml that digest render did not write"
    if any(out.iterdir()):
        return "is not empty and holds no mkdocs.yml of an earlier render"
    return None


def _check_targets(arguments: Sequence[str]) -> list[Path] | str:
    """Story folders to check: the ones named, or every story of a seeds folder that is named;
    a message instead when a name is not a folder."""
    folders: list[Path] = []
    for argument in arguments:
        folder = Path(argument)
        if not folder.is_dir():
            return f"{folder} is not a folder"
        has_story = _has_articles(folder)
        folders.extend([folder] if has_story or not story_folders(folder) else story_folders(folder))
    return folders


def _check(args: argparse.Namespace) -> int:
    seeds = default_seeds()
    if not args.story_dirs and not seeds.is_dir():
        return _missing_seeds("check", seeds, "name the folders to check: digest check PATH...")
    targets = _check_targets(args.story_dirs or [str(seeds)])
    if isinstance(targets, str):
        return _fail("check", targets)
    skipped = notes = 0
    clashes = address_clashes(targets)
    for folder in targets:
        if folder in clashes:
            continue  # Reported under the folder that has the address, as a build does.
        found = read_story(folder)
        print(printable(f"{folder}: {plural(len(found.articles), 'article')} read"))
        same_address = [p for other, p in clashes.items() if story_id(other.name) == found.meta.id]
        for problem in (*found.problems, *same_address):
            print(printable(f"  {problem.severity:<8} {problem.file}: {problem.reason}"))
            skipped += problem.severity == "skipped"
            notes += problem.severity == "note"
    print(
        f"digest check: {plural(len(targets) - len(clashes), 'story', 'stories')}, "
        f"{plural(skipped, 'problem')} that {'leaves' if skipped == 1 else 'leave'} input out, "
        f"{plural(notes, 'note')}"
    )
    return 1 if skipped else 0


class _Parser(argparse.ArgumentParser):
    """argparse, with a usage mistake reported on one line instead of the usage text plus the error."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, printable(f"{self.prog}: {message} (see {self.prog} --help)") + "\n")


def parser() -> argparse.ArgumentParser:
    main = _Parser(prog="digest", description=DESCRIPTION)
    commands = main.add_subparsers(dest="command", required=True, metavar="COMMAND")

    adding = commands.add_parser(
        "add",
        help="add articles to a story folder from web addresses and saved pages",
        description="Add articles to SEEDS/STORY (created when missing): one Markdown file per source, "
        "with its title, outlet, address, byline and date, and an entry in story.yml. "
        "A source already in the story (same address or same text) is refused; no file is overwritten.",
    )
    adding.add_argument("story", metavar="STORY", help="name of the story folder, such as harbour-bridge")
    adding.add_argument(
        "sources",
        nargs="+",
        metavar="SOURCE",
        help="an http(s) address, or a saved .html, .htm, .txt or .md file",
    )
    adding.add_argument(
        "--seeds", help="folder of story folders (default: seeds_dir of ./mkdocs.yml, else seeds)"
    )
    adding.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        help=f"seconds allowed for each download (default: {DEFAULT_TIMEOUT:g})",
    )
    adding.set_defaults(run=_add)

    export = commands.add_parser("export", help="print a story folder's analysis as JSON")
    export.add_argument("story_dir", metavar="STORY_DIR", help="one story folder, such as seeds/my-story")
    export.set_defaults(run=_export)

    evaluate = commands.add_parser("eval", help="score a story against a hand-made reference")
    evaluate.add_argument("gold", metavar="GOLD", help="reference file (YAML); with --all, a folder of them")
    evaluate.add_argument(
        "story_dir", metavar="STORY_DIR", help="story folder; with --all, the folder holding story folders"
    )
    evaluate.add_argument(
        "--all", action="store_true", help="score every <story>.yml in GOLD against STORY_DIR/<story>/"
    )
    evaluate.add_argument("--json", action="store_true", help="print the scores as JSON")
    evaluate.add_argument("-v", "--verbose", action="store_true", help="quote wrong and missed links")
    evaluate.set_defaults(run=_eval)

    render = commands.add_parser("render", help="write the site's Markdown and data to a folder")
    render.add_argument(
        "--seeds", help="folder of story folders (default: seeds_dir of ./mkdocs.yml, else seeds)"
    )
    render.add_argument("--out", required=True, help="folder to write mkdocs.yml and docs/ into")
    render.add_argument("--site-name", default="Parallax digest", help="site name in mkdocs.yml")
    render.add_argument("--workers", type=int, help="processes analysing stories (default: one per CPU)")
    render.set_defaults(run=_render)

    check = commands.add_parser(
        "check",
        help="report unreadable or left-out input without building; exit status 1 if any",
    )
    check.add_argument(
        "story_dirs",
        nargs="*",
        metavar="STORY_DIR",
        help="story folders, or a folder of them (default: every story under seeds)",
    )
    check.set_defaults(run=_check)
    return main


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = parser().parse_args(argv)
    except SystemExit as done:
        # --help, or a usage mistake already reported on one line: a status, not an exception.
        return done.code if isinstance(done.code, int) else 2
    try:
        code: int = args.run(args)
    except BrokenPipeError:
        # The reader of our output (``| head``) went away: not an error of ours.
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print(f"digest {args.command}: interrupted", file=sys.stderr)
        return 130
    except OSError as error:
        # A file that vanished or may not be read while the command ran.
        where = f" ({error.filename})" if error.filename else ""
        return _fail(args.command, f"{error.strerror or error}{where}")
    return code


if __name__ == "__main__":
    raise SystemExit(main())
