"""The ``digest`` command: export, evaluate, check and render stories without MkDocs."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from digest.evaluate import GoldError, format_report, load_gold, score
from digest.export import to_data, to_json
from digest.pipeline import analyze
from digest.render.engine import mkdocs_yml
from digest.render.site import build
from digest.stories import analyze_all, default_workers


def _export(args: argparse.Namespace) -> int:
    folder = Path(args.story_dir)
    if not folder.is_dir():
        print(f"digest export: {folder} is not a folder", file=sys.stderr)
        return 2
    story = analyze(folder)
    for problem in story.problems:
        print(f"digest: {folder.name}/{problem.file}: {problem.reason}", file=sys.stderr)
    sys.stdout.write(to_json(story))
    return 0


def _eval(args: argparse.Namespace) -> int:
    folder = Path(args.story_dir)
    if not folder.is_dir():
        print(f"digest eval: {folder} is not a folder", file=sys.stderr)
        return 2
    try:
        gold = load_gold(Path(args.gold))
    except (OSError, GoldError) as error:
        print(f"digest eval: cannot read reference {args.gold}: {error}", file=sys.stderr)
        return 2
    data = to_data(analyze(folder))
    result = score(data, gold)
    if args.json:
        print(json.dumps(result.as_dict(), indent=1, sort_keys=True))
    else:
        texts = {s["id"]: s["text"] for a in data["articles"] for s in a["sentences"]}
        print(format_report(result, texts if args.verbose else None))
    return 0


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
    site = build(stories)
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


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="digest", description=__doc__)
    commands = main.add_subparsers(dest="command", required=True)

    export = commands.add_parser("export", help="print a story folder's analysis as JSON")
    export.add_argument("story_dir")
    export.set_defaults(run=_export)

    evaluate = commands.add_parser("eval", help="score a story against a hand-made reference")
    evaluate.add_argument("gold", help="reference file (YAML)")
    evaluate.add_argument("story_dir")
    evaluate.add_argument("--json", action="store_true", help="print the scores as JSON")
    evaluate.add_argument("-v", "--verbose", action="store_true", help="quote wrong and missed links")
    evaluate.set_defaults(run=_eval)

    render = commands.add_parser("render", help="write the site's Markdown and data to a folder")
    render.add_argument("--seeds", default="seeds", help="folder of story folders (default: seeds)")
    render.add_argument("--out", required=True, help="folder to write mkdocs.yml and docs/ into")
    render.add_argument("--site-name", default="Parallax digest", help="site name in mkdocs.yml")
    render.add_argument("--workers", type=int, help="processes analysing stories (default: one per CPU)")
    render.set_defaults(run=_render)
    return main


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    code: int = args.run(args)
    return code


if __name__ == "__main__":
    raise SystemExit(main())
