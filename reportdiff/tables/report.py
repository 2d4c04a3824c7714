"""Everything the HTML report shows, computed once: tables, links and charts.

:func:`build` turns a :class:`~reportdiff._compare.Comparison` into a
:class:`ReportData`; :func:`reportdiff.report_html.to_html` only lays it out.
"""

from __future__ import annotations

import collections
import functools
import itertools
import math
import re
from collections.abc import Callable, Sequence
from typing import Any

import attrs
import pandas as pd

from reportdiff._compare import Comparison
from reportdiff._numerals import PRINTED_YEAR
from reportdiff._text import cjk_count
from reportdiff.model import Kind, Quantity, Relation, Section, SectionPair, TextDiff

__all__ = ["Chart", "IndicatorRow", "ReportData", "TargetRow", "YearPair", "build", "change_volume_table", "series_title", "similarity_matrix"]


@attrs.frozen
class Chart:
    """One chart of the page: a PNG and what it shows."""

    kind: str
    """``trends``, ``deltas``, ``targets``, ``similarity`` or ``volume``."""
    title: str
    png: bytes


@attrs.frozen
class YearPair:
    """The section pairs between two consecutive years, with each pair's diff."""

    year_a: int
    year_b: int
    pairs: tuple[tuple[int, SectionPair, TextDiff | None], ...]
    """(index in the alignment, pair, diff when both sides exist): a leaf section's whole
    text, a parent's own heading and body (its children have their own pairs)."""
    document: TextDiff | None
    """The whole-document diff of the two years."""


@attrs.frozen
class Cell:
    """One value of the indicator table, as printed, with the quantity it came from."""

    text: str
    """The value with its unit as printed (``8500亿元``; a range as ``6–7%``)."""
    quantity: int
    """Index of the quantity in :attr:`ReportData.quantities` (its quote and section)."""


@attrs.frozen
class IndicatorRow:
    """One linked series: its printed values by year and its last change."""

    series: str
    kind: str
    cells: tuple[Cell | None, ...]
    """One per year of :attr:`ReportData.years`; None where the series is absent."""
    change: str
    """The change over its last two years in the printed magnitude (``+0.6万亿元``, ``−0.5 pp``)."""


@attrs.frozen
class TargetRow:
    """A target set in one year's report beside the outcome the next year's reports."""

    target_year: int
    target_label: str
    target: str
    """Qualifier, value and unit as printed (``6.5%左右`` is ``左右6.5%``)."""
    outcome_year: int
    outcome_label: str
    outcome: str
    met: bool | None


_YEAR_WORDS = re.compile(rf"{PRINTED_YEAR}\s*年度?|\b(?:19|20)\d{{2}}\b")


def series_title(titles: list[str]) -> str:
    """What the titles of a series' reports share, their years left out: the longest stretch common
    to every title (``二零零零年施政報告以民為本`` and ``二零零一年施政報告鞏固實力`` → ``施政報告``), else
    the first title.  Reports without a title are not asked.

    >>> series_title(["一九九九年施政報告培育優秀人才", "二零零零年施政報告以民為本", ""])
    '施政報告'
    >>> series_title(["政府工作报告", "政府工作报告"])
    '政府工作报告'
    >>> series_title(["Annual Letter 2013", "Chairman's Letter 2014"])
    'Letter'
    >>> series_title(["Budget", "Policy Address"])
    'Budget'
    """
    named = [" ".join(_YEAR_WORDS.sub(" ", t).split()) for t in titles if t.strip()]
    if not named:
        return ""
    first = next(t.strip() for t in titles if t.strip())
    shortest = min(named, key=len)
    for size in range(len(shortest), 1, -1):
        found = sorted({shortest[i:i + size] for i in range(len(shortest) - size + 1)
                        if all(shortest[i:i + size] in t for t in named)})
        found = [f.strip(" ,.:;-–—·、，：") for f in found]
        found = [f for f in found if len(f) >= 2 and (len(f) >= 4 or cjk_count(f))]
        if found:
            return max(found, key=len)
    return first


@attrs.frozen
class ReportData:
    """The computed content of the HTML report."""

    comparison: Comparison
    years: tuple[int, ...]
    year_pairs: tuple[YearPair, ...]
    quantities: tuple[Quantity, ...]
    indicators: tuple[IndicatorRow, ...]
    new_series: tuple[tuple[int, str], ...]
    """(year, series) first seen in that year (after the first year)."""
    dropped_series: tuple[tuple[int, str], ...]
    """(year, series) present the year before and absent in that year."""
    targets: tuple[TargetRow, ...]
    """Targets of year N beside the outcomes of year N+1 (see :func:`reportdiff.tables.trends.target_outcomes`)."""
    charts: tuple[Chart, ...]
    title: str = ""
    """The series' title: what the years' titles share (:func:`series_title`)."""


def _section_similarity(c: Comparison, measure: str) -> dict[SectionPair, float]:
    """Each pair's ``measure`` over its whole texts, as :attr:`Comparison.sections` gives it.

    A leaf's own diff is its whole diff (unless it shows a part of a merged or split
    section); otherwise the measure is computed from the two whole texts, without diffing
    them: cosine and Jaccard from their term counts alone (no LCS), which are a section's
    own text's counts plus its children's (:func:`_term_counts`), so each text is read once.
    """
    from reportdiff import similarity as sim

    by_year = {r.year: r for r in c.reports}
    out: dict[SectionPair, float] = {}
    # a section is in a pair with the year before and one with the year after: its counts are
    # made once and kept while its year is at hand (keeping all years' raised the 26-year peak by 26 MB)
    counts: dict[tuple[int, str], collections.Counter[str]] = {}
    for p, d in c.own:
        assert p.a is not None and p.b is not None
        for key in [k for k in counts if k[0] < p.a.year]:  # the pairs come year pair by year pair
            del counts[key]
        sa = by_year[p.a.year].root.find(p.a.path)
        sb = by_year[p.b.year].root.find(p.b.path)
        if sa is None or sb is None or (d.old.text, d.new.text) == (sa.text(), sb.text()):
            # a leaf's own diff (not the part of a merged or split section) is its whole diff
            out[p] = float(getattr(d.stats.similarity, measure))
        elif measure in ("cosine", "jaccard"):
            ca, cb = _term_counts(p.a.year, sa, counts), _term_counts(p.b.year, sb, counts)
            of_counts = sim.cosine_of_counts if measure == "cosine" else sim.jaccard_of_counts
            out[p] = round(of_counts(ca, cb), 6)
        else:
            out[p] = float(getattr(sim.similarity(sa.text(), sb.text()), measure))
    return out


def _term_counts(
    year: int, s: Section, known: dict[tuple[int, str], collections.Counter[str]]
) -> collections.Counter[str]:
    """The similarity terms of ``s.text()`` counted, kept in ``known`` by (year, path).

    A section's text is its own text followed by its children's, and a text cut after a
    line break has the terms of its two pieces (no term holds a line break), so the counts
    are its own text's plus its children's; where a piece does not end in a line break the
    whole text is read instead.
    """
    from reportdiff import similarity as sim

    key = (year, s.path)
    if key not in known:
        own = s.heading + s.body
        pieces = [own, *(child.text() for child in s.children[:-1])]
        if s.children and not all(piece.endswith("\n") or not piece for piece in pieces):
            known[key] = collections.Counter(sim.tokens(s.text()))
        else:
            total = collections.Counter(sim.tokens(own))
            for child in s.children:
                total.update(_term_counts(year, child, known))
            known[key] = total
    return known[key]


def _year_pairs(c: Comparison, diffs: dict[SectionPair, TextDiff]) -> tuple[YearPair, ...]:
    docs = {(d.old.year, d.new.year): d for d in c.documents}
    years = [r.year for r in c.reports]
    out = []
    for ya, yb in itertools.pairwise(years):
        rows = []
        for i, p in enumerate(c.alignment.pairs):
            side_a = p.a.year if p.a else None
            side_b = p.b.year if p.b else None
            if (side_a in (ya, None)) and (side_b in (yb, None)) and (side_a == ya or side_b == yb):
                rows.append((i, p, diffs.get(p)))
        out.append(YearPair(ya, yb, tuple(rows), docs.get((ya, yb))))
    return tuple(out)


def _display(q: Quantity) -> str:
    return f"{q.qualifier if q.qualifier and not q.qualifier.isascii() else ''}{q.value}{q.unit}"


def _indicator_rows(
    quantities: Sequence[Quantity], ids: dict[Quantity, str], years: Sequence[int]
) -> list[IndicatorRow]:
    from reportdiff.plot import display_scale

    index = {q: i for i, q in enumerate(quantities)}
    by_series: dict[str, dict[int, list[Quantity]]] = {}
    for q in quantities:
        sid = ids.get(q, "")
        if sid:
            by_series.setdefault(sid, {}).setdefault(q.year, []).append(q)
    rows = []
    for sid in sorted(by_series, key=lambda s: (-len(by_series[s]), s)):
        per_year = by_series[sid]
        cells: list[Cell | None] = []
        for y in years:
            qs = per_year.get(y)
            if not qs:
                cells.append(None)
                continue
            text = _display(qs[0]) if len(qs) == 1 else f"{qs[0].value}–{_display(qs[-1])}"
            cells.append(Cell(text, index[qs[0]]))
        present = [y for y in years if y in per_year]
        change = ""
        if len(present) >= 2:
            lead = per_year[present[-1]][0]
            a = [_in_unit(q, lead.base_unit) for q in per_year[present[-2]]]
            b = [_in_unit(q, lead.base_unit) for q in per_year[present[-1]]]
            delta = sum(b) / len(b) - sum(a) / len(a)
            divisor, label = display_scale([q.unit for y in present for q in per_year[y]], lead.base_unit)
            if lead.unit_family in ("rate",):
                change = f"{delta:+.2f}".rstrip("0").rstrip(".") + " pp"
            else:
                value = delta / divisor
                change = f"{value:+,.2f}".rstrip("0").rstrip(".") + label
                if sum(a):
                    change += f" ({100 * delta / (sum(a) / len(a)):+.1f}%)"
        kind = per_year[present[-1]][0].kind.value if present else Kind.ACTUAL.value
        rows.append(IndicatorRow(sid, kind, tuple(cells), change))
    return rows


def _in_unit(q: Quantity, unit: str) -> float:
    """The quantity's base value in ``unit`` (another unit of mass is converted)."""
    from reportdiff._vocab import convert

    v = convert(float(q.base_value), q.base_unit, unit)
    return float(q.base_value) if v is None else v


def _churn(ids: dict[Quantity, str], years: Sequence[int]) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    present: dict[int, set[str]] = {y: set() for y in years}
    for q, sid in ids.items():
        if sid and q.year in present:
            present[q.year].add(sid)
    new, dropped = [], []
    for a, b in itertools.pairwise(years):
        new += [(b, s) for s in sorted(present[b] - present[a])]
        dropped += [(b, s) for s in sorted(present[a] - present[b])]
    return new, dropped


def similarity_matrix(c: Comparison, *, measure: str = "cosine") -> pd.DataFrame:
    """Lineage × year: the similarity of each section to its predecessor (the Lazy Prices measure).

    Args:
        c: a comparison.
        measure: ``cosine``, ``jaccard``, ``edit`` or ``simple``.

    Returns:
        Rows labelled by the lineage's latest heading, a column per year after the first.
    """
    by_b: dict[tuple[int, str], float] = {}
    if measure not in ("cosine", "jaccard", "edit", "simple"):
        raise ValueError(f"measure {measure!r}: choose cosine, jaccard, edit or simple")
    for p, value in _section_similarity(c, measure).items():
        if p.b is not None:
            by_b[(p.b.year, p.b.path)] = value
    years = [r.year for r in c.reports][1:]
    rows, labels = [], []
    for lin in c.alignment.lineages:
        cells = {m.year: by_b.get((m.year, m.path), math.nan) for m in lin.members}
        values = [cells.get(y, math.nan) for y in years]
        if sum(1 for v in values if not math.isnan(v)) < 1:
            continue
        rows.append(values)
        labels.append(lin.members[-1].heading.strip()[:24])
    return pd.DataFrame(rows, index=labels, columns=years)


def change_volume_table(pair: YearPair) -> pd.DataFrame:
    """Per section pair of two years: characters unchanged, deleted and inserted."""
    rows, labels = [], []
    for _i, p, d in pair.pairs:
        if d is None or p.relation in (Relation.ADDED, Relation.REMOVED):
            continue
        s = d.stats
        rows.append((s.chars_equal, s.chars_deleted, s.chars_inserted))
        labels.append(((p.b or p.a).heading if (p.b or p.a) else "").strip()[:24])  # type: ignore[union-attr]
    return pd.DataFrame(rows, index=labels, columns=["unchanged", "deleted", "inserted"])


def _charts(
    c: Comparison, quantities: Sequence[Quantity], ids: dict[Quantity, str], rows: Sequence[IndicatorRow],
    targets: pd.DataFrame, pairs: Sequence[YearPair], max_series: int,
) -> list[Chart]:
    from reportdiff import plot
    from reportdiff.tables.trends import tidy_frame, wide_table

    out: list[Chart] = []

    def chart(kind: str, title: str, draw: Callable[[Any], Any], size: tuple[float, float]) -> None:
        out.append(Chart(kind, title, plot.png(draw, size=size)))

    frame = tidy_frame(quantities, ids)
    series = [r.series for r in rows if sum(1 for x in r.cells if x) >= 2][:max_series]
    for sid in series:
        chart("trends", sid, functools.partial(_draw_trend, frame, sid), (3.6, 2.4))
    wide = wide_table(frame)
    for column, title in (("pct_change", "change over the last two years (%)"),
                          ("pp_change", "change of rates over the last two years (percentage points)")):
        picked = wide[wide[column].notna()]
        if len(picked):
            picked = picked.reindex(picked[column].abs().sort_values(ascending=False).index).head(20)
            chart("deltas", title, functools.partial(_draw_deltas, picked, column),
                  (6.5, max(2.2, 0.28 * len(picked) + 0.8)))
    rates = _numeric_targets(targets)
    if len(rates):
        chart("targets", "targets and outcomes (%)", lambda ax: plot.target_outcome(rates, ax=ax),
              (6.5, max(2.2, 0.3 * len(rates) + 0.8)))
    matrix = similarity_matrix(c)
    if len(matrix):
        matrix = matrix.head(40)
        chart("similarity", "section similarity to the year before (cosine)",
              lambda ax: plot.similarity_heatmap(matrix, ax=ax), (7, max(2.5, 0.22 * len(matrix) + 1)))
    if pairs:
        volume = change_volume_table(pairs[-1])
        if len(volume):
            title = f"change volume per section, {pairs[-1].year_a}→{pairs[-1].year_b}"
            chart("volume", title, lambda ax: plot.change_volume(volume, ax=ax),
                  (6.5, max(2.2, 0.26 * len(volume) + 0.9)))
    return out


def _draw_trend(frame: pd.DataFrame, series: str, ax: Any) -> Any:
    from reportdiff.plot import trend_line

    return trend_line(frame, series, ax=ax)


def _draw_deltas(table: pd.DataFrame, column: str, ax: Any) -> Any:
    from reportdiff.plot import delta_bars

    return delta_bars(table, column=column, ax=ax)


def _numeric_targets(targets: pd.DataFrame) -> pd.DataFrame:
    if not len(targets):
        return targets
    rows = targets[(targets["target_unit"] == "%") & (targets["outcome_unit"] == "%")].copy()

    def mid(v: object) -> float:
        parts = [float(x) for x in str(v).split("-") if x.strip()]
        return sum(parts) / len(parts) if parts else math.nan

    rows["target_value"] = [mid(v) for v in rows["target_value"]]
    rows["outcome_value"] = [mid(v) for v in rows["outcome_value"]]
    return rows.head(30)


def build(c: Comparison, *, charts: bool = True, max_series: int = 9) -> ReportData:
    """Compute every table, link and chart of the HTML report.

    Args:
        c: a comparison from :func:`reportdiff.compare`.
        charts: draw the charts (PNG, needs matplotlib).
        max_series: how many series get a trend chart (those seen in most years).

    Returns:
        The report's content, for :func:`reportdiff.report_html.to_html`.
    """
    from reportdiff.tables.trends import target_outcomes
    from reportdiff.trends import link_series

    years = tuple(r.year for r in c.reports)
    quantities = tuple(c.quantities)
    ids = link_series(quantities)
    rows = _indicator_rows(quantities, ids, years)
    new, dropped = _churn(ids, years)
    targets = target_outcomes(quantities)
    # each pair shows its own text (heading and body): a parent's children have pairs of their own,
    # so showing its whole text would repeat every change (and multiply the page's size)
    pairs = _year_pairs(c, dict(c.own))
    drawn = _charts(c, quantities, ids, rows, targets, pairs, max_series) if charts else []
    target_rows = tuple(
        TargetRow(int(r["target_year"]), str(r["target_label"]), f"{r['qualifier']}{r['target_value']}{r['target_unit']}",
                  int(r["outcome_year"]), str(r["outcome_label"]), f"{r['outcome_value']}{r['outcome_unit']}",
                  None if r["met"] is None else bool(r["met"]))
        for r in targets.to_dict("records")
    )
    return ReportData(c, years, pairs, quantities, tuple(rows), tuple(new), tuple(dropped), target_rows,
                      tuple(drawn), series_title([r.title for r in c.reports]))
