"""What changed between two years of the Government Work Report: sections, redline, numbers.

Run from the project root:  python3 examples/two_year_diff.py [OUT_DIR]
Writes OUT_DIR/diff-2018-2019.html (default out/examples/) and prints a summary.
"""

from __future__ import annotations

import sys
from pathlib import Path

import reportdiff
from reportdiff.render import to_html

ROOT = Path(__file__).resolve().parent.parent


def main(out: Path) -> None:
    old, new = reportdiff.read_reports([ROOT / "fixtures/gov-work-report/2018.txt",
                                         ROOT / "fixtures/gov-work-report/2019.txt"])
    alignment = reportdiff.align([old, new])
    print(alignment)
    for pair in alignment.pairs:
        if pair.relation.value in ("added", "removed", "renamed"):
            print(f"  {pair.relation.value:8} {pair.a.heading if pair.a else '—'} → {pair.b.heading if pair.b else '—'}")
    diff = reportdiff.diff_reports(old, new)
    print(diff)
    for change in diff.stats.changed_numbers[:10]:
        print("  number:", change)
    out.mkdir(parents=True, exist_ok=True)
    (out / "diff-2018-2019.html").write_text(to_html(diff), encoding="utf-8")
    print("wrote", out / "diff-2018-2019.html")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "out" / "examples")
