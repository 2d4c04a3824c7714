"""The self-contained HTML report of a :class:`~reportdiff._compare.Comparison`.

One page, no external resources: an overview of the years, year-over-year
similarity, the section alignment of each pair of years with the redline of
every changed section, and the indicator trends with charts embedded as PNG
data URIs.  All report text is escaped.
"""

from __future__ import annotations

import base64
import html
import itertools
import math
from collections.abc import Iterable
from typing import Any

from reportdiff._compare import Comparison
from reportdiff.model import Relation, SectionPair, TextDiff

__all__ = ["to_html"]

_CSS = """
body{font-family:system-ui,-apple-system,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2em auto;max-width:72em;line-height:1.55;color:#222}
h1{font-size:1.6em}h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:2em}
table{border-collapse:collapse;margin:.6em 0;font-size:.92em}
th,td{border:1px solid #ddd;padding:.25em .5em;vertical-align:top;text-align:left}
th{background:#f4f4f4}td.num{text-align:right;font-variant-numeric:tabular-nums}
.rel-matched{color:#555}.rel-renamed{color:#8a5a00}.rel-moved{color:#0a5ea8}
.rel-split,.rel-merged{color:#6a3ea1}.rel-added{color:#0a7d32}.rel-removed{color:#b3261e}
details{margin:.3em 0;border:1px solid #eee;border-radius:4px;padding:.2em .6em}
summary{cursor:pointer}.muted{color:#777}.warn{color:#b3261e}
img.chart{max-width:100%;border:1px solid #eee;margin:.4em 0}
"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _fmt(x: object) -> str:
    if isinstance(x, float):
        if math.isnan(x):
            return ""
        if abs(x) >= 1e4:
            return f"{x:,.0f}"
        return f"{x:,.4g}"
    return str(x)


def _table(header: Iterable[str], rows: Iterable[Iterable[object]], *, num_from: int = 99) -> str:
    out = ["<table><tr>", *(f"<th>{_e(h)}</th>" for h in header), "</tr>"]
    for row in rows:
        out.append("<tr>")
        for k, v in enumerate(row):
            cls = ' class="num"' if k >= num_from else ""
            out.append(f"<td{cls}>{_e(_fmt(v))}</td>")
        out.append("</tr>")
    out.append("</table>")
    return "".join(out)


def _data_uri(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def _overview(c: Comparison) -> str:
    rows = []
    for r in c.reports:
        secs = list(r.sections())
        rows.append((r.year, r.title or "", r.path, r.document.encoding, len(r.text), len(secs), len(r.warnings)))
    return "<h2>Reports</h2>" + _table(
        ("year", "title", "file", "encoding", "characters", "sections", "warnings"), rows, num_from=4
    )


def _similarity(c: Comparison) -> str:
    rows = []
    for d in c.documents:
        s = d.stats
        rows.append((f"{d.old.year}→{d.new.year}", s.similarity.cosine, s.similarity.jaccard, s.similarity.edit,
                     s.similarity.simple, s.unchanged_share, s.chars_deleted, s.chars_inserted,
                     "approximate" if d.approximate else "exact"))
    return (
        "<h2>Year over year</h2><p class='muted'>Similarity measures of Cohen, Malloy &amp; Nguyen, "
        "“Lazy Prices” (2020); <em>unchanged share</em> is the share of sentences carried over verbatim.</p>"
        + _table(("years", "cosine", "Jaccard", "min-edit", "simple", "unchanged share", "chars deleted",
                  "chars inserted", "diff"), rows, num_from=1)
    )


def _label(ref: object) -> str:
    return "" if ref is None else str(getattr(ref, "heading", ""))


def _pairs(c: Comparison) -> str:
    diffs: dict[int, TextDiff] = {id(p): d for p, d in c.sections}
    out = ["<h2>Sections, year by year</h2>"]
    years = [r.year for r in c.reports]
    for ya, yb in itertools.pairwise(years):
        pairs = [p for p in c.alignment.pairs if (p.a and p.a.year == ya) or (p.b and p.b.year == yb)]
        pairs = [p for p in pairs if (p.a is None or p.a.year == ya) and (p.b is None or p.b.year == yb)]
        counts: dict[str, int] = {}
        for p in pairs:
            counts[p.relation.value] = counts.get(p.relation.value, 0) + 1
        summary = ", ".join(f"{n} {k}" for k, n in sorted(counts.items()))
        out.append(f"<h3>{ya} → {yb}</h3><p class='muted'>{_e(summary)}</p>")
        out.append("<table><tr><th>relation</th><th>score</th><th>" + _e(ya) + "</th><th>" + _e(yb) + "</th><th>change</th></tr>")
        for p in pairs:
            d = diffs.get(id(p))
            change = ""
            if d is not None:
                change = "identical" if d.identical else f"−{d.stats.chars_deleted} +{d.stats.chars_inserted}"
            out.append(
                f"<tr class='rel-{_e(p.relation.value)}'><td>{_e(p.relation.value)}</td><td class='num'>{p.score:.2f}</td>"
                f"<td>{_e(_label(p.a))}</td><td>{_e(_label(p.b))}</td><td>{_e(change)}</td></tr>"
            )
        out.append("</table>")
        out.extend(_redlines([(p, diffs[id(p)]) for p in pairs if id(p) in diffs]))
    return "".join(out)


def _redlines(items: list[tuple[SectionPair, TextDiff]]) -> Iterable[str]:
    from reportdiff.render import to_html as diff_html

    for p, d in items:
        if d.identical or p.relation in (Relation.ADDED, Relation.REMOVED):
            continue
        head = f"{_label(p.a)} → {_label(p.b)}"
        yield f"<details><summary>{_e(head)} <span class='muted'>({_e(p.relation.value)})</span></summary>"
        yield diff_html(d, page=False)
        yield "</details>"


def _indicators(c: Comparison, charts: bool, max_charts: int) -> str:
    if not c.quantities:
        return "<h2>Indicators</h2><p class='muted'>No quantities found.</p>"
    from reportdiff.tables.trends import tidy_frame, wide_table

    frame = tidy_frame(c.quantities)
    wide = wide_table(frame)
    years = [str(r.year) for r in c.reports]
    cols = [y for y in years if y in wide.columns]
    spread = wide[cols].notna().sum(axis=1) if cols else None
    out = [f"<h2>Indicators</h2><p class='muted'>{len(c.quantities)} quantities, {len(wide)} linked series.</p>"]
    if spread is not None and len(wide):
        order = sorted(wide.index, key=lambda s: (-int(spread[s]), str(s)))
        wide = wide.loc[order]
        rows = [(s, *(wide.loc[s, y] for y in cols), wide.loc[s, "unit"], wide.loc[s, "change"],
                 wide.loc[s, "pct_change"], wide.loc[s, "pp_change"]) for s in wide.index]
        if charts:
            out.extend(_charts(frame, wide, order[:max_charts]))
        out.append(_table(("series", *cols, "unit", "change", "% change", "pp change"), rows, num_from=1))
    return "".join(out)


def _charts(frame: Any, wide: Any, series: list[str]) -> list[str]:
    from reportdiff.plot import delta_bars, png, trend_line

    out = []
    for sid in series:

        def draw(ax: Any, sid: str = sid) -> Any:
            return trend_line(frame, sid, ax=ax)

        uri = _data_uri(png(draw))
        out.append(f"<img class='chart' alt='{_e(sid)}' src='{uri}'>")
    changed = wide[wide["change"].notna()].head(25)
    if len(changed):
        column = "pct_change" if changed["pct_change"].notna().any() else "change"
        uri = _data_uri(png(lambda ax: delta_bars(changed, column=column, ax=ax), size=(7, max(2.5, 0.3 * len(changed)))))
        out.append(f"<img class='chart' alt='changes' src='{uri}'>")
    return out


def to_html(c: Comparison, *, charts: bool = True, max_charts: int = 6) -> str:
    """The whole comparison as one self-contained HTML page.

    Args:
        c: a comparison from :func:`reportdiff._compare.compare`.
        charts: embed trend and change charts (PNG data URIs; needs matplotlib).
        max_charts: how many series get a trend chart (those seen in most years).

    Returns:
        The page; every piece of report text in it is escaped.
    """
    years = [r.year for r in c.reports]
    title = next((r.title for r in c.reports if r.title), "") or "reports"
    head = f"reportdiff: {title} {years[0]}–{years[-1]}"
    body = [
        f"<h1>{_e(head)}</h1>",
        _overview(c),
        _similarity(c),
        _pairs(c),
        _indicators(c, charts, max_charts),
    ]
    return (
        "<!DOCTYPE html><html lang='zh'><head><meta charset='utf-8'>"
        f"<title>{_e(head)}</title><style>{_CSS}</style></head><body>" + "".join(body) + "</body></html>\n"
    )
