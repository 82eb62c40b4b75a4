"""The ``digest`` command: export, evaluate, check and render stories without MkDocs."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from digest.evaluate import GoldError, Score, format_report, format_table, load_gold, score
from digest.export import to_data, to_json
from digest.ingest import ARTICLE_SUFFIXES, STORY_FILE, address_clashes, printable, read_story, story_id
from digest.pipeline import analyze
from digest.render.engine import mkdocs_yml
from digest.render.markup import plural
from digest.render.site import build
from digest.stories import analyze_all, default_workers, story_folders


def _export(args: argparse.Namespace) -> int:
    folder = Path(args.story_dir)
    if not folder.is_dir():
        print(f"digest export: {folder} is not a folder", file=sys.stderr)
        return 2
    story = analyze(folder)
    for problem in story.problems:
        print(printable(f"digest: {folder.name}/{problem.file}: {problem.reason}"), file=sys.stderr)
    sys.stdout.write(to_json(story))
    return 0


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
        print(f"digest eval: {folder} is not a folder", file=sys.stderr)
        return 2
    try:
        result, texts = _eval_one(Path(args.gold), folder)
    except (OSError, GoldError) as error:
        print(f"digest eval: cannot read reference {args.gold}: {error}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(result.as_dict(), indent=1, sort_keys=True))
    else:
        print(format_report(result, texts if args.verbose else None))
    return 0


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
            print(format_report(result, texts) + "\n")
    if args.json:
        print(json.dumps([r.as_dict() for r in results], indent=1, sort_keys=True))
    else:
        print(format_table(results))
    return 2 if failed else 0


def _render(args: argparse.Namespace) -> int:
    seeds = Path(args.seeds)
    out = Path(args.out)
    if not seeds.is_dir():
        print(f"digest render: {seeds} is not a folder", file=sys.stderr)
        return 2
    if args.workers is not None and args.workers < 1:
        print("digest render: --workers must be 1 or more", file=sys.stderr)
        return 2
    stories = analyze_all(seeds, workers=args.workers or default_workers())
    site = build(stories, args.site_name)
    docs = out / "docs"
    for path, text in {**site.pages, **site.assets}.items():
        target = docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    (out / "mkdocs.yml").write_text(mkdocs_yml(args.site_name, "docs"), encoding="utf-8")
    print(
        f"digest render: {len(site.pages)} pages and {len(site.assets)} files written to {docs}, "
        f"with {out / 'mkdocs.yml'} to build them"
    )
    return 0


def _check_targets(arguments: Sequence[str]) -> list[Path] | str:
    """Story folders to check: the ones named, or every story of a seeds folder that is named
    (or of ``seeds`` when nothing is); a message instead when a name is not a folder."""
    folders: list[Path] = []
    for argument in arguments or ["seeds"]:
        folder = Path(argument)
        if not folder.is_dir():
            return f"{folder} is not a folder"
        has_story = (folder / STORY_FILE).is_file() or any(
            p.suffix.lower() in ARTICLE_SUFFIXES for p in folder.iterdir() if not p.is_dir()
        )
        folders.extend([folder] if has_story or not story_folders(folder) else story_folders(folder))
    return folders


def _check(args: argparse.Namespace) -> int:
    targets = _check_targets(args.story_dirs)
    if isinstance(targets, str):
        print(f"digest check: {targets}", file=sys.stderr)
        return 2
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
        f"{plural(skipped, 'problem')} that leave input out, {plural(notes, 'note')}"
    )
    return 1 if skipped else 0


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="digest", description=__doc__)
    commands = main.add_subparsers(dest="command", required=True)

    export = commands.add_parser("export", help="print a story folder's analysis as JSON")
    export.add_argument("story_dir")
    export.set_defaults(run=_export)

    evaluate = commands.add_parser("eval", help="score a story against a hand-made reference")
    evaluate.add_argument("gold", help="reference file (YAML); with --all, a folder of them")
    evaluate.add_argument("story_dir", help="story folder; with --all, the folder holding story folders")
    evaluate.add_argument(
        "--all", action="store_true", help="score every <story>.yml in GOLD against STORY_DIR/<story>/"
    )
    evaluate.add_argument("--json", action="store_true", help="print the scores as JSON")
    evaluate.add_argument("-v", "--verbose", action="store_true", help="quote wrong and missed links")
    evaluate.set_defaults(run=_eval)

    render = commands.add_parser("render", help="write the site's Markdown and data to a folder")
    render.add_argument("--seeds", default="seeds", help="folder of story folders (default: seeds)")
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
    args = parser().parse_args(argv)
    try:
        code: int = args.run(args)
    except BrokenPipeError:
        # The reader of our output (``| head``) went away: not an error of ours.
        sys.stderr.close()
        return 0
    return code


if __name__ == "__main__":
    raise SystemExit(main())
