"""pandas tables of a corpus run, from the workers' rows."""

from __future__ import annotations

import math
from collections.abc import Sequence

import pandas as pd

from reportdiff.corpus import _rows
from reportdiff.corpus._work import SeriesResult

__all__ = ["TABLES", "long_table", "trends_table"]

#: Table name → its columns after ``series`` (``trends`` is widened by :func:`trends_table`).
TABLES: dict[str, tuple[str, ...]] = {
    "sections": _rows.SECTION_COLUMNS,
    "alignment": _rows.ALIGNMENT_COLUMNS,
    "documents": _rows.DOCUMENT_COLUMNS,
    "section_diffs": _rows.SECTION_DIFF_COLUMNS,
    "indicators": _rows.INDICATOR_COLUMNS,
    "trends": _rows.TREND_COLUMNS,
}


def long_table(name: str, results: Sequence[SeriesResult]) -> pd.DataFrame:
    """Table ``name`` of every series: the rows of each series in its own order,
    the series in name order, with ``series`` as the first column."""
    rows = [(r.name, *row) for r in sorted(results, key=lambda r: r.name) for row in r.tables.get(name, ())]
    frame = pd.DataFrame(rows, columns=["series", *TABLES[name]])
    for col in _rows.NULLABLE_INT.intersection(frame.columns):
        frame[col] = frame[col].astype("Int64")  # the level missing on one side of an added or removed pair
    return frame


def trends_table(results: Sequence[SeriesResult]) -> pd.DataFrame:
    """Series × indicator rows, a column per year of the corpus, then the unit and
    the change over the last two years each indicator has.

    Returns:
        Columns ``series``, ``indicator``, one per year (as text), ``unit``,
        ``change``, ``pct_change``, ``pp_change``; empty years are NaN.
    """
    rows = [(r.name, *row) for r in sorted(results, key=lambda r: r.name) for row in r.tables.get("trends", ())]
    years = sorted({int(str(row[3])) for row in rows})
    records: dict[tuple[str, str], dict[str, object]] = {}
    for series, indicator, unit, year, value, change, pct, pp in rows:
        k = (str(series), str(indicator))
        rec = records.setdefault(k, {"series": k[0], "indicator": k[1], **{str(y): math.nan for y in years},
                                     "unit": unit, "change": change, "pct_change": pct, "pp_change": pp})
        rec[str(year)] = value
    cols = ["series", "indicator", *[str(y) for y in years], "unit", "change", "pct_change", "pp_change"]
    return pd.DataFrame([records[k] for k in sorted(records)], columns=cols)
