"""How ``parse`` time grows with the number of headings (issue 9: linear, not quadratic).

Run:  python3 benchmarks/parse_scaling.py [max_headings]

Builds Chinese and English documents of n, 2n, 4n … headings (each with a
paragraph), times load + parse of each in the same run, and prints the time per
1,000 headings: flat figures mean linear growth.  No timing is asserted.
"""

from __future__ import annotations

import sys
import time

from reportdiff._load import load_text
from reportdiff._numerals import int_to_chinese
from reportdiff._parse import parse


def _chinese(n: int) -> str:
    """Chapters 一、… (restarting after 九百九十九、) of ten （一）… sub-sections each."""
    parts = ["2020年报告"]
    for k in range(n // 10):
        parts.append(f"{int_to_chinese(k % 999 + 1)}、第{k}部分标题")
        for j in range(1, 10):
            parts.append(f"（{int_to_chinese(j)}）推进第{k}项第{j}条任务。我们推进改革发展，取得了新的成绩。")
    return "\n\n".join(parts) + "\n"


def _markdown(n: int) -> str:
    parts = ["# Report 2020"]
    for k in range(1, n):
        parts.append(("## " if k % 10 == 1 else "### ") + f"Part {k}")
        parts.append("Our float grew during the year.")
    return "\n\n".join(parts) + "\n"


def _english(n: int) -> str:
    parts = ["Annual Letter 2020"]
    for k in range(1, n + 1):
        parts.append(f"Insurance Operations Part {k}")
        parts.append("    Our float grew during the year, and we expect it to grow again next year.")
    return "\n\n".join(parts) + "\n"


def main() -> None:
    top = int(sys.argv[1]) if len(sys.argv) > 1 else 64_000
    n = 4_000
    while n <= top:
        for name, make in (("zh", _chinese), ("en", _english), ("md", _markdown)):
            text = make(n)
            t0 = time.perf_counter()
            doc = load_text(text, path="2020.txt")
            t1 = time.perf_counter()
            r = parse(doc)
            t2 = time.perf_counter()
            count = sum(1 for _ in r.sections())
            print(f"{name} {count:>8} sections  load {t1 - t0:7.2f} s  parse {t2 - t1:7.2f} s"
                  f"  parse per 1k sections {1000 * (t2 - t1) / max(count, 1):6.3f} s")
        n *= 2


if __name__ == "__main__":
    main()
