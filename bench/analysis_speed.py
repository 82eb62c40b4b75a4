"""CPU and wall time of the analysis alone, story by story in one process, for two versions of the code.

    python bench/corpus.py --stories 200 --out /tmp/corpus
    git worktree add /tmp/before <commit>
    python bench/analysis_speed.py /tmp/corpus --repo /tmp/before --repo .

Each ``--repo`` is timed in its own process, one after the other, so the two
figures come from one run on the same machine; their ratio is what to compare
(CPU time is steadier than wall time on a shared machine).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

_TIMER = """
import sys, time
sys.path.insert(0, sys.argv[1])
from pathlib import Path
import digest
from digest.pipeline import analyze
assert Path(digest.__file__).resolve().is_relative_to(Path(sys.argv[1]).resolve()), digest.__file__
folders = sorted(p for p in Path(sys.argv[2]).iterdir() if p.is_dir())
cpu, wall = time.process_time(), time.perf_counter()
for folder in folders:
    analyze(folder)
print(f"{len(folders)} {time.process_time() - cpu:.1f} {time.perf_counter() - wall:.1f}")
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stories", type=Path, help="a folder of story folders")
    parser.add_argument("--repo", type=Path, action="append", required=True, help="a checkout to time")
    args = parser.parse_args()
    first = None
    for repo in args.repo:
        done = subprocess.run(
            [sys.executable, "-c", _TIMER, str(repo.resolve()), str(args.stories)],
            capture_output=True,
            text=True,
            check=True,
        )
        count, cpu, wall = done.stdout.split()
        first = first or float(cpu)
        print(f"{repo}: {count} stories, {cpu} s CPU, {wall} s wall, {float(cpu) / first:.2f}x the first")


if __name__ == "__main__":
    main()
