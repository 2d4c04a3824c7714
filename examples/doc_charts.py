"""Regenerate the charts shown in docs/ from the bundled government work reports.

Run from the project root:  python3 examples/doc_charts.py
(Chinese labels need a CJK font such as Debian's fonts-wqy-microhei.)
"""

from __future__ import annotations

from pathlib import Path

from reportdiff import extract_report, read_reports
from reportdiff.plot import delta_bars, png, trend_line
from reportdiff.tables.trends import tidy_frame, wide_table

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    reports = read_reports(sorted((ROOT / "fixtures" / "gov-work-report").glob("*.txt")))
    frame = tidy_frame(q for r in reports for q in extract_report(r))
    wide = wide_table(frame)
    out = ROOT / "docs" / "img"
    out.mkdir(parents=True, exist_ok=True)
    for name, series in (("trend-urban-jobs.png", "城镇新增就业"), ("trend-gdp-growth-target.png", "国内生产总值增长·目标")):
        if series in wide.index:
            (out / name).write_bytes(png(lambda ax, s=series: trend_line(frame, s, ax=ax)))
            print("wrote", out / name)
    years = [str(r.year) for r in reports]
    full = wide[wide[years].notna().sum(axis=1) >= 8]
    changed = full[full["pct_change"].notna()].head(15)
    (out / "changes-2018-2019.png").write_bytes(
        png(lambda ax: delta_bars(changed, column="pct_change", ax=ax), size=(7, 4))
    )
    print("wrote", out / "changes-2018-2019.png")


if __name__ == "__main__":
    main()
