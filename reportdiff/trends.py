"""Quantities across years: series linking, tidy and wide tables, targets vs outcomes.

The only module that imports pandas at module level; ``import reportdiff``
does not import it.

>>> from reportdiff._indicators import extract
>>> qs = extract("城镇新增就业1310万人。", year=2014) + extract("城镇新增就业1322万人。", year=2015)
>>> sorted(set(link_series(qs).values()))
['城镇新增就业']
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterable, Sequence

import attrs
import pandas as pd
from rapidfuzz import fuzz

from reportdiff._indicators import normalise_label
from reportdiff.model import Bound, Kind, Quantity

__all__ = [
    "churn",
    "label_similarity",
    "link_series",
    "target_outcomes",
    "tidy_frame",
    "wide_table",
]

Scorer = Callable[[str, str], float]


def _bigrams(s: str) -> set[str]:
    return {s[i : i + 2] for i in range(len(s) - 1)} if len(s) > 1 else {s}


def label_similarity(a: str, b: str) -> float:
    """Similarity in [0, 1] of two labels after :func:`normalise_label`.

    The best of: bigram Jaccard, the indel ratio, containment of the shorter
    label (``城镇调查失业率`` in ``全国城镇调查失业率``), and a shared head
    (Chinese labels end in what they measure: 财政收入 / 一般公共预算收入).

    Args:
        a: a label.
        b: another label.

    Returns:
        The similarity.

    >>> label_similarity("财政收入", "公共财政收入") > 0.6
    True
    >>> label_similarity("城镇新增就业", "粮食产量")
    0.0
    """
    x, y = normalise_label(a), normalise_label(b)
    if not x or not y:
        return 0.0
    if x == y:
        return 1.0
    ba, bb = _bigrams(x), _bigrams(y)
    jac = len(ba & bb) / len(ba | bb)
    ratio = fuzz.ratio(x, y) / 100.0
    short, long_ = sorted((x, y), key=len)
    contain = 0.9 if len(short) >= 3 and short in long_ else 0.0
    k = 0
    while k < min(len(x), len(y)) and x[-1 - k] == y[-1 - k]:
        k += 1
    suffix = 0.75 * k / len(short) if k >= 2 else 0.0
    score = max(jac, ratio, contain, suffix)
    return 0.0 if score < 0.2 else round(score, 6)


@attrs.frozen
class _Obs:
    key: tuple[int, int]  # (year, start of the number) — a range's two bounds share it
    members: tuple[Quantity, ...]

    @property
    def lead(self) -> Quantity:
        return self.members[0]


def _observations(quantities: Iterable[Quantity]) -> list[_Obs]:
    groups: dict[tuple[int, int], list[Quantity]] = {}
    for q in quantities:
        start = q.quote_span.start if q.bound != Bound.NONE else q.span.start
        groups.setdefault((q.year, start), []).append(q)
    return [_Obs(k, tuple(sorted(v, key=lambda q: q.bound != Bound.LOW))) for k, v in sorted(groups.items())]


# base units of one dimension that a series may switch between (亿吨 one year, 万亿斤 the next),
# with their factor to the first unit of the group
_UNIT_GROUPS: dict[str, tuple[str, float]] = {
    "千克": ("mass", 1.0), "公斤": ("mass", 1.0), "kg": ("mass", 1.0), "克": ("mass", 0.001),
    "g": ("mass", 0.001), "斤": ("mass", 0.5), "市斤": ("mass", 0.5), "吨": ("mass", 1000.0),
    "公吨": ("mass", 1000.0), "t": ("mass", 1000.0), "tonnes": ("mass", 1000.0), "tons": ("mass", 1000.0),
}


def _family(q: Quantity) -> str:
    """The unit family, with units of one dimension (吨, 斤) taken together."""
    group = _UNIT_GROUPS.get(q.base_unit)
    return group[0] if group else q.unit_family


def _magnitude(q: Quantity) -> float:
    group = _UNIT_GROUPS.get(q.base_unit)
    return float(q.base_value) * (group[1] if group else 1.0)


def _distance(a: Quantity, b: Quantity) -> float:
    """How far apart two values of one family are (|log ratio|; 0 for equal values)."""
    x, y = abs(_magnitude(a)), abs(_magnitude(b))
    if x == y:
        return 0.0
    if not x or not y or math.isnan(x) or math.isnan(y):
        return math.inf
    return abs(math.log(x / y))


def _linkable(q: Quantity) -> bool:
    return len(normalise_label(q.label)) >= 2 and not q.label.endswith(("（期初）", "（上年）", "（去年）"))


def link_series(
    quantities: Iterable[Quantity],
    *,
    scorer: Scorer = label_similarity,
    threshold: float = 0.6,
    max_gap: int = 2,
) -> dict[Quantity, str]:
    """Link the same indicator across years into series.

    Quantities link when their labels are similar (``scorer`` at least
    ``threshold``), they have the same kind and unit family (units of one
    dimension, 吨 and 斤, count as one), and their years differ by at most
    ``max_gap``; each series takes at most one observation per year (the best
    scoring, then the first in the text; among mentions of a label that recurs
    in the year, the one whose value is nearest the series' last).  Start
    values (``（期初）``, ``（上年）``, ``（去年）``) are not linked; series seen in
    one year only are left unlinked.

    Args:
        quantities: quantities of several years.
        scorer: label similarity in [0, 1].
        threshold: the least similarity that links.
        max_gap: the most years a series may skip.

    Returns:
        Series id of each linked quantity (the two ends of a range share one).

    >>> from reportdiff._indicators import extract
    >>> qs = extract("财政收入6.85万亿元。", year=2010) + extract("公共财政收入10.37万亿元。", year=2012)
    >>> sorted(set(link_series(qs).values()))
    ['财政收入']
    """
    obs = [o for o in _observations(quantities) if _linkable(o.lead)]
    years = sorted({o.key[0] for o in obs})
    series: list[list[_Obs]] = []
    for year in years:
        todo = [o for o in obs if o.key[0] == year]
        first: dict[str, int] = {}
        for o in todo:
            first.setdefault(normalise_label(o.lead.label), o.key[1])
        cands: list[tuple[float, int, float, int, int, int]] = []
        for oi, o in enumerate(todo):
            for si, members in enumerate(series):
                last = members[-1]
                if not 0 < year - last.key[0] <= max_gap:
                    continue
                if last.lead.kind != o.lead.kind or _family(last.lead) != _family(o.lead):
                    continue
                score = max(scorer(m.lead.label, o.lead.label) for m in members[-3:])
                if score >= threshold:
                    # text order, but among the mentions of a label that recurs in
                    # the year, the one whose value is nearest the series' last one
                    # (a five-year total is not the annual figure)
                    group = first[normalise_label(o.lead.label)]
                    cands.append((-score, group, _distance(last.lead, o.lead), o.key[1], si, oi))
        cands.sort()
        used_o: set[int] = set()
        used_s: set[int] = set()
        for _neg, _group, _dist, _pos, si, oi in cands:
            if si in used_s or oi in used_o:
                continue
            series[si].append(todo[oi])
            used_s.add(si)
            used_o.add(oi)
        for oi, o in enumerate(todo):
            if oi not in used_o:
                series.append([o])
    out: dict[Quantity, str] = {}
    taken: dict[str, int] = {}
    for members in series:
        if len(members) < 2:
            continue
        base = normalise_label(members[0].lead.label)
        if members[0].lead.kind == Kind.TARGET:
            base += "·目标"
        n = taken.get(base, 0) + 1
        taken[base] = n
        sid = base if n == 1 else f"{base}#{n}"
        for o in members:
            for q in o.members:
                out[q] = sid
    return out


_COLUMNS = [
    "series", "year", "label", "value", "unit", "base_value", "base_unit", "qualifier", "bound",
    "direction", "base", "kind", "section", "quote",
]


def tidy_frame(quantities: Iterable[Quantity], series: dict[Quantity, str] | None = None) -> pd.DataFrame:
    """One row per quantity, in year and text order.

    Args:
        quantities: the quantities.
        series: series ids from :func:`link_series` (computed when None).

    Returns:
        A DataFrame with columns series, year, label, value, unit, base_value,
        base_unit, qualifier, bound, direction, base, kind, section, quote.

    >>> from reportdiff._indicators import extract
    >>> tidy_frame(extract("城镇新增就业1244万人。", year=2019))[["label", "base_value"]].values.tolist()
    [['城镇新增就业', 12440000.0]]
    """
    qs = sorted(quantities, key=lambda q: (q.year, q.span.start, q.bound != Bound.LOW))
    ids = link_series(qs) if series is None else series
    rows = [
        [ids.get(q, ""), q.year, q.label, q.value, q.unit, q.base_value, q.base_unit, q.qualifier,
         q.bound.value, q.direction.value, q.base, q.kind.value, q.section, q.quote]
        for q in qs
    ]
    return pd.DataFrame(rows, columns=_COLUMNS)


def _rate(base_unit: str) -> bool:
    return base_unit in ("%", "‰")


def wide_table(frame: pd.DataFrame) -> pd.DataFrame:
    """Series × year of normalised values, with the change over the last two years.

    A range is shown by its midpoint.  ``change`` is the absolute change,
    ``pct_change`` the percent change (for amounts and counts) and
    ``pp_change`` the percentage-point change (for rates), each between the
    last two years the series has.

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
    linked = frame[frame["series"] != ""]
    years = sorted({int(y) for y in linked["year"]})
    records = []
    for sid, grp in sorted(linked.groupby("series"), key=lambda kv: str(kv[0])):
        row: dict[str, object] = {"series": sid}
        for y in years:
            vals = grp[grp["year"] == y]["base_value"]
            row[str(y)] = float(vals.mean()) if len(vals) else math.nan
        unit = str(grp["base_unit"].iloc[0])
        row["unit"] = unit
        have = [float(row[str(y)]) for y in years if not math.isnan(float(str(row[str(y)])))]  # type: ignore[arg-type]
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
    linked = frame[frame["series"] != ""]
    present = {y: set(linked[linked["year"] == y]["series"]) for y in all_years}
    rows = []
    for prev, year in itertools.pairwise(all_years):
        rows += [[year, s, "new"] for s in sorted(present[year] - present[prev])]
        rows += [[year, s, "dropped"] for s in sorted(present[prev] - present[year])]
    return pd.DataFrame(rows, columns=["year", "series", "status"])


def _met(target: Sequence[Quantity], outcome: Quantity) -> bool | None:
    t = target[0]
    a = outcome.base_value
    if len(target) == 2:
        return target[0].base_value <= a <= target[1].base_value
    v = t.base_value
    q = t.qualifier
    if q in ("以上", "超过", "不低于", "不少于", "多", "余", "突破"):
        return a >= v
    if q in ("以内", "以下", "内", "低于", "不超过", "之内"):
        return a <= v
    if q in ("左右", "约", "上下", "近", "about", "around", "approximately"):
        tol = 0.5 if t.unit_family == "rate" else 0.05 * abs(v)
        return abs(a - v) <= tol
    return a >= v  # a bare target (7.5%) is a floor


def target_outcomes(
    quantities: Iterable[Quantity],
    *,
    scorer: Scorer = label_similarity,
    threshold: float = 0.6,
) -> pd.DataFrame:
    """Targets set in year N's report linked to the results reported in year N+1's.

    A target links to the actual quantity of the next year with the most
    similar label and the same unit family.  ``met`` compares by the target's
    qualifier: 以上/超过 (at least), 以内/以下/低于 (at most), 左右/约 (within
    0.5 points for rates, 5 % otherwise), a range (inside it), none (at least).

    Args:
        quantities: quantities of several years.
        scorer: label similarity in [0, 1].
        threshold: the least similarity that links.

    Returns:
        Rows of target_year, target_label, target_value, target_unit,
        qualifier, outcome_year, outcome_label, outcome_value, outcome_unit, met.

    >>> from reportdiff._indicators import extract
    >>> qs = (extract("今年主要预期目标是：城镇新增就业1000万人以上。", year=2014)
    ...       + extract("城镇新增就业1322万人。", year=2015))
    >>> target_outcomes(qs)[["target_value", "outcome_value", "met"]].values.tolist()
    [['1000', '1322', True]]
    """
    obs = _observations(quantities)
    targets = [o for o in obs if o.lead.kind == Kind.TARGET and _linkable(o.lead)]
    actual = [o for o in obs if o.lead.kind == Kind.ACTUAL and _linkable(o.lead)]
    rows = []
    used: set[tuple[int, int]] = set()
    for t in targets:
        year = t.key[0]
        best: tuple[float, int, _Obs] | None = None
        for a in actual:
            if a.key[0] != year + 1 or a.key in used or a.lead.unit_family != t.lead.unit_family:
                continue
            score = scorer(t.lead.label, a.lead.label)
            if score >= threshold and (best is None or (score, -a.key[1]) > (best[0], -best[1])):
                best = (score, a.key[1], a)
        if best is None:
            continue
        a = best[2]
        used.add(a.key)
        value = "-".join(m.value for m in t.members)
        rows.append([year, t.lead.label, value, t.lead.unit, t.lead.qualifier, a.key[0], a.lead.label,
                     a.lead.value, a.lead.unit, _met(t.members, a.lead)])
    cols = ["target_year", "target_label", "target_value", "target_unit", "qualifier", "outcome_year",
            "outcome_label", "outcome_value", "outcome_unit", "met"]
    return pd.DataFrame(rows, columns=cols)
