"""Ten years of indicators: linked series, the year table, and charts of trends and changes.

Run from the project root:  python3 examples/ten_year_trends.py [OUT_DIR]
Writes OUT_DIR/trends.csv and two PNG charts (default out/examples/).
"""

from __future__ import annotations

import sys
from pathlib import Path

import reportdiff
from reportdiff.plot import delta_bars, png, small_multiples
from reportdiff.tables.trends import tidy_frame, wide_table

ROOT = Path(__file__).resolve().parent.parent


def main(out: Path) -> None:
    reports = reportdiff.read_reports(sorted((ROOT / "fixtures/gov-work-report").glob("*.txt")))
    quantities = [q for r in reports for q in reportdiff.extract_report(r)]
    frame = tidy_frame(quantities)
    wide = wide_table(frame)
    years = [str(r.year) for r in reports]
    long_lived = wide[wide[years].notna().sum(axis=1) >= 6]
    print(f"{len(quantities)} quantities, {len(wide)} series, {len(long_lived)} seen in six years or more")
    out.mkdir(parents=True, exist_ok=True)
    wide.to_csv(out / "trends.csv")

    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(10, 6), layout="constrained")
    FigureCanvasAgg(fig)
    small_multiples(frame, list(long_lived.index[:6]), ncols=3, fig=fig)
    fig.savefig(out / "trends.png", dpi=90)
    changed = long_lived[long_lived["pct_change"].notna()]
    (out / "changes.png").write_bytes(png(lambda ax: delta_bars(changed, column="pct_change", ax=ax), size=(7, 4)))
    print("wrote", out / "trends.csv", out / "trends.png", out / "changes.png")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "out" / "examples")
