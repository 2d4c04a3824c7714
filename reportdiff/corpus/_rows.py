"""Row builders for the corpus tables, from the public records only.

Each builder turns one computed record into plain tuples (no pandas), so a
worker's result stays small and pickles cheaply.  The columns follow the
single-series command line's tables (``reportdiff sections``, ``align``,
``indicators``, ``trends``) and :mod:`reportdiff.corpus._tables` puts the
``series`` column in front.  The indicators' link id, called ``series`` on
the command line, is called ``indicator`` here.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from reportdiff._compare import Comparison
from reportdiff.model import Quantity, Report, SectionRef, TextDiff

__all__ = [
    "ALIGNMENT_COLUMNS",
    "DOCUMENT_COLUMNS",
    "INDICATOR_COLUMNS",
    "NULLABLE_INT",
    "SECTION_COLUMNS",
    "SECTION_DIFF_COLUMNS",
    "TREND_COLUMNS",
    "Row",
    "alignment_rows",
    "document_row",
    "indicator_rows",
    "section_diff_rows",
    "section_rows",
    "trend_rows",
]

Row = tuple[object, ...]

SECTION_COLUMNS = ("year", "level", "path", "heading", "title", "kind", "start", "end", "raw_start",
                   "raw_end", "chars", "warnings")
ALIGNMENT_COLUMNS = ("year_a", "heading_a", "level_a", "year_b", "heading_b", "level_b", "status", "score",
                     "path_a", "path_b", "heading_similarity", "body_similarity", "position_similarity")
#: Integer columns that are None on one side of an added or removed section pair.
NULLABLE_INT = frozenset({"level_a", "level_b"})
_LAZY_PRICES = ("cosine", "jaccard", "edit", "simple")
_STATS = ("chars_equal", "chars_deleted", "chars_inserted", "sentences_old", "sentences_new",
          "sentences_unchanged", "unchanged_share", "changed_numbers")
DOCUMENT_COLUMNS = ("year_a", "year_b", *_LAZY_PRICES, *_STATS)
SECTION_DIFF_COLUMNS = ("year_a", "path_a", "heading_a", "year_b", "path_b", "heading_b", "status", "score",
                        *_LAZY_PRICES, *_STATS)
INDICATOR_COLUMNS = ("year", "section", "label", "value", "unit", "qualifier", "kind", "quote", "indicator",
                     "base_value", "base_unit", "direction", "base", "bound", "start", "end", "raw_start",
                     "raw_end")
#: Long form of the trend table; :func:`reportdiff.corpus._tables.trends_table` widens it.
TREND_COLUMNS = ("indicator", "unit", "year", "value", "change", "pct_change", "pp_change")

def section_rows(report: Report) -> list[Row]:
    """One row per section of ``report`` (the root included), in document order."""
    out: list[Row] = []
    for s in report.root.walk():
        heading = s.heading if s.kind.value != "block" else ""
        out.append((report.year, s.level, s.path, heading, s.title, s.kind.value, s.span.start, s.span.end,
                    s.raw_span.start, s.raw_span.end, len(s.span), " | ".join(s.warnings)))
    return out


def _side(ref: SectionRef | None) -> tuple[object, object, object, object]:
    return (None, "", None, "") if ref is None else (ref.year, ref.heading, ref.level, ref.path)


def alignment_rows(comparison: Comparison) -> list[Row]:
    """One row per section pair of a two-year comparison, in the alignment's order.

    An added section's ``year_a`` (a removed one's ``year_b``) is the other year of the pair;
    its missing heading and path are empty and its missing level is None.
    """
    years = sorted(r.year for r in comparison.reports)
    out: list[Row] = []
    for p in comparison.alignment.pairs:
        ya, ha, la, pa = _side(p.a)
        yb, hb, lb, pb = _side(p.b)
        if p.a is None:
            ya = years[0]
        if p.b is None:
            yb = years[-1]
        ev = p.evidence
        out.append((ya, ha, la, yb, hb, lb, p.relation.value, p.score, pa, pb, ev.heading, ev.body, ev.position))
    return out


def _stats(d: TextDiff) -> tuple[object, ...]:
    s, sim = d.stats, d.stats.similarity
    return (sim.cosine, sim.jaccard, sim.edit, sim.simple, s.chars_equal, s.chars_deleted, s.chars_inserted,
            s.sentences_old, s.sentences_new, s.sentences_unchanged, s.unchanged_share, len(s.changed_numbers))


def document_row(comparison: Comparison) -> list[Row]:
    """The Lazy Prices measures and change counts of each whole-document diff."""
    return [(d.old.year, d.new.year, *_stats(d)) for d in comparison.documents]


def section_diff_rows(comparison: Comparison) -> list[Row]:
    """The Lazy Prices measures of each aligned section pair with text on both sides."""
    out: list[Row] = []
    for pair, d in comparison.sections:
        a, b = pair.a, pair.b
        if a is None or b is None:
            continue
        out.append((a.year, a.path, a.heading, b.year, b.path, b.heading, pair.relation.value, pair.score,
                    *_stats(d)))
    return out


def indicator_rows(quantities: Iterable[Quantity], ids: Mapping[Quantity, str]) -> list[Row]:
    """One row per quantity with its linked indicator id (empty when unlinked)."""
    return [(q.year, q.section, q.label, q.value, q.unit, q.qualifier, q.kind.value, q.quote, ids.get(q, ""),
             q.base_value, q.base_unit, q.direction.value, q.base, q.bound.value, q.span.start, q.span.end,
             q.raw_span.start, q.raw_span.end) for q in quantities]


def _rate(unit: str) -> bool:
    return unit in ("%", "‰")


def trend_rows(quantities: Sequence[Quantity], ids: Mapping[Quantity, str]) -> list[Row]:
    """Linked indicators × year in long form: the mean base value per year (a
    range counts by its midpoint), the unit, and the change over the last two
    years the indicator has (``pct_change`` for amounts and counts,
    ``pp_change`` for rates), repeated on each of its rows.
    """
    groups: dict[str, dict[int, list[float]]] = defaultdict(lambda: defaultdict(list))
    units: dict[str, str] = {}
    for q in quantities:
        sid = ids.get(q, "")
        if not sid:
            continue
        groups[sid][q.year].append(q.base_value)
        units.setdefault(sid, q.base_unit)
    out: list[Row] = []
    for sid in sorted(groups):
        by_year = {y: math.fsum(v) / len(v) for y, v in sorted(groups[sid].items())}
        values = list(by_year.values())
        change = pct = pp = math.nan
        if len(values) >= 2:
            a, b = values[-2], values[-1]
            change = b - a
            if _rate(units[sid]):
                pp = change
            elif a:
                pct = 100.0 * change / a
        out.extend((sid, units[sid], y, v, change, pct, pp) for y, v in by_year.items())
    return out
