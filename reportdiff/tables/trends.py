"""pandas tables of quantities across years: tidy rows, the series × year table, churn, targets.

Built in one pass from the records :mod:`reportdiff.trends` computes; the only pandas
importer for indicators (``import reportdiff`` does not load pandas).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable

import pandas as pd

from reportdiff.model import Bound, Quantity
from reportdiff.trends import Scorer, label_similarity, link_series, target_outcome_pairs

__all__ = ["churn", "target_outcomes", "tidy_frame", "wide_table"]

_COLUMNS = [
    "series", "year", "label", "value", "unit", "base_value", "base_unit", "qualifier", "bound",
    "direction", "base", "kind", "section", "quote", "display",
]


def tidy_frame(quantities: Iterable[Quantity], series: dict[Quantity, str] | None = None) -> pd.DataFrame:
    """One row per quantity, in year and text order.

    Args:
        quantities: the quantities.
        series: series ids from :func:`reportdiff.trends.link_series` (computed when None).

    Returns:
        A DataFrame with columns series, year, label, value, unit, base_value,
        base_unit, qualifier, bound, direction, base, kind, section, quote, display
        (the value as printed, ``8500亿元``, beside ``base_value`` for computing).

    >>> from reportdiff._indicators import extract
    >>> tidy_frame(extract("城镇新增就业1244万人。", year=2019))[["label", "display", "base_value"]].values.tolist()
    [['城镇新增就业', '1244万人', 12440000.0]]
    """
    qs = sorted(quantities, key=lambda q: (q.year, q.span.start, q.bound != Bound.LOW))
    ids = link_series(qs) if series is None else series
    rows = [
        [ids.get(q, ""), q.year, q.label, q.value, q.unit, q.base_value, q.base_unit, q.qualifier,
         q.bound.value, q.direction.value, q.base, q.kind.value, q.section, q.quote, q.display]
        for q in qs
    ]
    return pd.DataFrame(rows, columns=_COLUMNS)


def _rate(base_unit: str) -> bool:
    return base_unit in ("%", "‰")


def wide_table(frame: pd.DataFrame) -> pd.DataFrame:
    """Series × year of normalised values, with the change over the last two years.

    A range is shown by its midpoint; a series whose unit changes (吨, then 斤) is
    shown in its first unit.  ``change`` is the absolute change,
    ``pct_change`` the percent change (for amounts and counts) and
    ``pp_change`` the percentage-point change (for rates), each between the
    last two years the series has.  Built in one pass over the rows.

    Args:
        frame: a :func:`tidy_frame`.

    Returns:
        One row per linked series (index ``series``), a column per year, then
        ``unit``, ``change``, ``pct_change``, ``pp_change``.

    >>> from reportdiff._indicators import extract
    >>> qs = extract("城镇新增就业1310万人。", year=2014) + extract("城镇新增就业1322万人。", year=2015)
    >>> wide_table(tidy_frame(qs)).loc["城镇新增就业", "change"]
    np.float64(120000.0)
    """
    from reportdiff._vocab import convert

    linked = frame[frame["series"] != ""]
    sums: dict[str, dict[int, list[float]]] = {}
    units: dict[str, str] = {}
    for sid, year, value, unit in zip(linked["series"], linked["year"], linked["base_value"],
                                      linked["base_unit"], strict=True):
        # a series is shown in the unit it first has (a series linked across 亿吨 and
        # 万亿斤 shows both years in tonnes)
        shown = units.setdefault(str(sid), str(unit))
        v = convert(float(value), str(unit), shown)
        sums.setdefault(str(sid), {}).setdefault(int(year), []).append(float(value) if v is None else v)
    years = sorted({y for per in sums.values() for y in per})
    records = []
    for sid in sorted(sums):
        per = sums[sid]
        row: dict[str, object] = {"series": sid}
        have = []
        for y in years:
            vals = per.get(y)
            v = sum(vals) / len(vals) if vals else math.nan
            row[str(y)] = v
            if vals:
                have.append(v)
        unit = units[sid]
        row["unit"] = unit
        change = pct = pp = math.nan
        if len(have) >= 2:
            a, b = have[-2], have[-1]
            change = b - a
            if _rate(unit):
                pp = change
            elif a:
                pct = 100.0 * change / a
        row["change"], row["pct_change"], row["pp_change"] = change, pct, pp
        records.append(row)
    cols = ["series", *[str(y) for y in years], "unit", "change", "pct_change", "pp_change"]
    return pd.DataFrame(records, columns=cols).set_index("series")


def churn(frame: pd.DataFrame) -> pd.DataFrame:
    """Series that are new in a year, or dropped (present the year before, absent now).

    Args:
        frame: a :func:`tidy_frame`.

    Returns:
        Rows of ``year, series, status`` with status ``new`` or ``dropped``.

    >>> from reportdiff._indicators import extract
    >>> qs = (extract("城镇新增就业1310万人。", year=2014) + extract("城镇新增就业1322万人。", year=2015)
    ...       + extract("粮食产量6.07亿吨。", year=2015) + extract("粮食产量6.2亿吨。", year=2016))
    >>> churn(tidy_frame(qs)).values.tolist()
    [[2015, '粮食产量', 'new'], [2016, '城镇新增就业', 'dropped']]
    """
    all_years = sorted({int(y) for y in frame["year"]})
    present: dict[int, set[str]] = {y: set() for y in all_years}
    for sid, year in zip(frame["series"], frame["year"], strict=True):
        if sid:
            present[int(year)].add(str(sid))
    rows = []
    for prev, year in itertools.pairwise(all_years):
        rows += [[year, s, "new"] for s in sorted(present[year] - present[prev])]
        rows += [[year, s, "dropped"] for s in sorted(present[prev] - present[year])]
    return pd.DataFrame(rows, columns=["year", "series", "status"])


def target_outcomes(
    quantities: Iterable[Quantity],
    *,
    scorer: Scorer = label_similarity,
    threshold: float = 0.6,
) -> pd.DataFrame:
    """Targets set in one report with the results the next report gives, as a table.

    Args:
        quantities: quantities of several reports.
        scorer: label similarity in [0, 1].
        threshold: the least similarity that links.

    Returns:
        Rows of target_year, target_label, target_value, target_unit,
        qualifier, outcome_year, outcome_label, outcome_value, outcome_unit, met
        (see :func:`reportdiff.trends.target_outcome_pairs`).

    >>> from reportdiff._indicators import extract
    >>> qs = (extract("今年主要预期目标是：城镇新增就业1000万人以上。", year=2014)
    ...       + extract("城镇新增就业1322万人。", year=2015))
    >>> target_outcomes(qs)[["target_value", "outcome_value", "met"]].values.tolist()
    [['1000', '1322', True]]
    """
    rows = []
    for p in target_outcome_pairs(quantities, scorer=scorer, threshold=threshold):
        t, a = p.target[0], p.outcome
        rows.append([t.year, t.label, "-".join(m.value for m in p.target), t.unit, t.qualifier, a.year,
                     a.label, a.value, a.unit, p.met])
    cols = ["target_year", "target_label", "target_value", "target_unit", "qualifier", "outcome_year",
            "outcome_label", "outcome_value", "outcome_unit", "met"]
    return pd.DataFrame(rows, columns=cols)
