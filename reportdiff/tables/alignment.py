"""Year-over-year similarity of aligned sections as pandas tables (Lazy Prices:
Cohen, Malloy & Nguyen 2020): cosine, Jaccard, minimum-edit and simple similarity
from :func:`reportdiff.similarity.similarity`, characters for Chinese, words for
English.  pandas is imported inside the functions only."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from typing import TYPE_CHECKING

from reportdiff.model import Alignment, Report

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["document_similarity", "lineage_similarity", "pair_similarity"]

_MEASURES = ("cosine", "jaccard", "edit", "simple")


def _texts(reports: Iterable[Report]) -> dict[tuple[int, str], tuple[str, str]]:
    """(year, path) → (section text, language) for every section of every report."""
    out: dict[tuple[int, str], tuple[str, str]] = {}
    for r in reports:
        for s in r.sections():
            out[(r.year, s.path)] = (s.text(), r.document.language)
    return out


def _measures(a: str, b: str, language: str) -> dict[str, float]:
    from reportdiff.similarity import similarity

    sim = similarity(a, b, language=language if language in ("zh", "en") else None)
    return {m: float(getattr(sim, m)) for m in _MEASURES}


def pair_similarity(alignment: Alignment, reports: Iterable[Report]) -> pd.DataFrame:
    """The four Lazy Prices measures (cosine, Jaccard, minimum-edit, simple) of
    every pair that has both sides: one row per pair.

    Args:
        alignment: what :func:`align` returned for ``reports``.
        reports: the reports that were aligned.

    Returns:
        A DataFrame with the columns ``year_a, path_a, heading_a, level_a,
        year_b, path_b, heading_b, level_b, relation, score, cosine, jaccard,
        edit, simple``.

    >>> from reportdiff import align, read_reports
    >>> rs = read_reports(["fixtures/gov-work-report/2018.txt", "fixtures/gov-work-report/2019.txt"])
    >>> df = pair_similarity(align(rs), rs)
    >>> row = df[df.path_a == "二"].iloc[0]
    >>> row.path_b, bool(0.0 < row.cosine <= 1.0)
    ('二', True)
    """
    import pandas as pd

    texts = _texts(reports)
    rows = []
    for p in alignment.pairs:
        if p.a is None or p.b is None:
            continue
        (ta, lang), (tb, _) = texts[(p.a.year, p.a.path)], texts[(p.b.year, p.b.path)]
        rows.append({"year_a": p.a.year, "path_a": p.a.path, "heading_a": p.a.heading, "level_a": p.a.level,
                     "year_b": p.b.year, "path_b": p.b.path, "heading_b": p.b.heading, "level_b": p.b.level,
                     "relation": p.relation.value, "score": p.score, **_measures(ta, tb, lang)})
    columns = ["year_a", "path_a", "heading_a", "level_a", "year_b", "path_b", "heading_b", "level_b",
               "relation", "score", *_MEASURES]
    return pd.DataFrame(rows, columns=columns)


def lineage_similarity(
    alignment: Alignment, reports: Iterable[Report], *, measure: str | None = None
) -> pd.DataFrame:
    """The Lazy Prices measures of each lineage, year over year: each member
    compared with the member of the year before.

    Args:
        alignment: what :func:`align` returned for ``reports``.
        reports: the reports that were aligned.
        measure: ``cosine``, ``jaccard``, ``edit`` or ``simple`` for a wide table
            (one row per lineage, one column per year: a heatmap's input), or
            None for the long table with every measure.

    Returns:
        Long: one row per lineage × year (from its second year on) with the
        columns ``lineage, year, path, heading, level, cosine, jaccard, edit,
        simple``.  Wide: lineage ids as the index, years as the columns, NaN
        where a lineage has no member (or no previous member).

    Raises:
        ValueError: ``measure`` is not one of the four.

    >>> from reportdiff import align, read_reports
    >>> rs = read_reports(["fixtures/gov-work-report/2018.txt", "fixtures/gov-work-report/2019.txt"])
    >>> wide = lineage_similarity(align(rs), rs, measure="cosine")
    >>> list(wide.columns), bool(wide.loc["2018:二", 2019] > 0.5)
    ([2019], True)
    """
    import pandas as pd

    if measure is not None and measure not in _MEASURES:
        raise ValueError(f"measure {measure!r}: expected one of {', '.join(_MEASURES)}")
    texts = _texts(reports)
    rows = []
    for lin in alignment.lineages:
        for prev, cur in zip(lin.members, lin.members[1:], strict=False):
            (ta, lang), (tb, _) = texts[(prev.year, prev.path)], texts[(cur.year, cur.path)]
            rows.append({"lineage": lin.id, "year": cur.year, "path": cur.path, "heading": cur.heading,
                         "level": cur.level, **_measures(ta, tb, lang)})
    long = pd.DataFrame(rows, columns=["lineage", "year", "path", "heading", "level", *_MEASURES])
    if measure is None:
        return long
    wide = long.pivot(index="lineage", columns="year", values=measure)
    order = [lin.id for lin in alignment.lineages if lin.id in wide.index]
    wide = wide.reindex(index=order, columns=list(alignment.years[1:]))
    wide.columns.name = "year"
    return wide


def document_similarity(reports: Iterable[Report]) -> pd.DataFrame:
    """The Lazy Prices measures of each whole report against the year before.

    Args:
        reports: the reports of one series, in any order.

    Returns:
        One row per pair of consecutive years: ``year_a, year_b, cosine,
        jaccard, edit, simple``.

    >>> from reportdiff import align, read_reports
    >>> rs = read_reports(["fixtures/gov-work-report/2018.txt", "fixtures/gov-work-report/2019.txt"])
    >>> df = document_similarity(rs)
    >>> list(df.year_a), bool(df.cosine.iloc[0] > df.jaccard.iloc[0])
    ([2018], True)
    """
    import pandas as pd

    ordered = sorted(reports, key=lambda r: r.year)
    rows = [{"year_a": a.year, "year_b": b.year, **_measures(a.text, b.text, a.document.language)}
            for a, b in itertools.pairwise(ordered)]
    return pd.DataFrame(rows, columns=["year_a", "year_b", *_MEASURES])
