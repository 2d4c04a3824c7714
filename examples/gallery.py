"""Draw every chart kind of the report from the bundled reports into one folder: the chart gallery.

Run from the project root:

    python3 examples/gallery.py                 # into out/gallery/
    python3 examples/gallery.py docs/gallery --replace-tracked   # refresh docs/gallery.md

It never writes over a file git tracks unless told to with ``--replace-tracked``.
Charts draw Chinese with the bundled Noto Sans SC font: no system font is needed.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import reportdiff
from reportdiff.tables.report import build

ROOT = Path(__file__).resolve().parent.parent
KINDS = ("trends", "deltas", "targets", "similarity", "volume")


def _tracked(paths: list[Path]) -> list[Path]:
    """Those of ``paths`` (existing files of one folder) that git tracks in whatever repository holds them."""
    if not paths:
        return []
    folder = paths[0].parent
    try:
        listed = subprocess.run(["git", "-C", str(folder), "ls-files", "--", *(p.name for p in paths)],
                                capture_output=True, text=True, check=True).stdout.split()
    except (OSError, subprocess.CalledProcessError):
        return []  # not inside a git checkout: nothing is tracked
    return [folder / p for p in listed]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(ROOT / "out" / "gallery"))
    parser.add_argument("--replace-tracked", action="store_true", help="allow replacing files git tracks")
    parser.add_argument("--series", default="gov-work-report", help="a fixtures/ folder (default: gov-work-report)")
    parser.add_argument("--last", type=int, default=0, metavar="N", help="only the last N years (default: all)")
    args = parser.parse_args(argv)
    folder = Path(args.folder).resolve()
    # charts this script writes are named KIND-N.png: refuse before any work if git tracks one there
    ours = sorted(p for p in folder.glob("*-*.png") if p.stem.rsplit("-", 1)[0] in KINDS) if folder.is_dir() else []
    clash = _tracked(ours)
    if clash and not args.replace_tracked:
        print(f"gallery: {len(clash)} file(s) in {folder} are tracked by git (e.g. {clash[0].name}); "
              "pass --replace-tracked to replace them", file=sys.stderr)
        return 2
    files = sorted((ROOT / "fixtures" / args.series).glob("*.txt"))
    reports = reportdiff.read_reports(files[-args.last:] if args.last else files)
    charts = build(reportdiff.compare(reports)).charts
    counts: dict[str, int] = {}
    targets = []
    for chart in charts:
        counts[chart.kind] = counts.get(chart.kind, 0) + 1
        targets.append((folder / f"{chart.kind}-{counts[chart.kind]}.png", chart))
    folder.mkdir(parents=True, exist_ok=True)
    for path, chart in targets:
        path.write_bytes(chart.png)
    kinds = ", ".join(f"{n} {k}" for k, n in counts.items())
    print(f"wrote {len(targets)} charts to {folder}: {kinds}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
