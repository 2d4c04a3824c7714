"""A district's rule-of-law report: its section tree and its figures, with the sentence of each.

Run from the project root:  python3 examples/district_report.py
"""

from __future__ import annotations

from pathlib import Path

import reportdiff

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    report = reportdiff.read_report(ROOT / "fixtures/xishan-rule-of-law/2022.txt")
    print(report)
    for section in report.sections():
        print("  " * section.level + section.label[:40])
    for q in reportdiff.extract_report(report)[:15]:
        print(f"{q.label:>16} {q.value}{q.unit}  ({q.kind.value}, § {q.section})  {q.quote[:40]}")


if __name__ == "__main__":
    main()
