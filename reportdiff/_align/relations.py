"""From pairs of units to :class:`~reportdiff.model.SectionPair` records with
relations that mean what they say."""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from reportdiff._align.units import Unit, Year
from reportdiff.model.alignment import Evidence, Relation, SectionPair, SectionRef, Side

__all__ = ["doc_order", "pair_order", "relations", "with_stand_ins"]


def _same_place(a: Unit, b: Unit) -> bool:
    """Same level and the same rank among siblings (part k ↔ part k, (k) ↔ (k))."""
    return a.level == b.level and a.order == b.order


def relations(ya: Year, yb: Year, best: Mapping[tuple[SectionRef, SectionRef], tuple[float, Evidence]]) -> list[SectionPair]:
    """The relation of every pair, then an ``added``/``removed`` row for each
    section in no pair; sorted in a stable order.

    - several partners at the same level difference: ``split`` (``merged`` on
      the receiving side);
    - otherwise the same heading without numbering: ``matched`` in the same
      place, ``moved`` elsewhere;
    - another heading: ``renamed`` at the same level, ``moved`` across levels.
    """
    # a same-level pair is one-to-one unless a side has another same-level partner; a
    # cross-level pair is always an extra partner once either side has any other pair
    # (a part that continues as a part and also absorbs a sub-section is not "merged"
    # with its own continuation)
    deg: dict[tuple[Side, SectionRef, bool], int] = {}
    total: dict[tuple[Side, SectionRef], int] = {}
    for a, b in best:
        cross = a.level != b.level
        for key in ((Side.A, a), (Side.B, b)):
            deg[(*key, cross)] = deg.get((*key, cross), 0) + 1
            total[key] = total.get(key, 0) + 1
    units = {(side, u.ref): u for side, y in ((Side.A, ya), (Side.B, yb))
             for u in [*y.parts, *y.leaves] if not u.intro}
    out: list[SectionPair] = []
    for (a, b), (s, ev) in sorted(best.items()):
        cross = a.level != b.level
        if cross:
            da, db = total[(Side.A, a)], total[(Side.B, b)]
        else:
            da, db = deg[(Side.A, a, False)], deg[(Side.B, b, False)]
        ua, ub = units[(Side.A, a)], units[(Side.B, b)]
        if da > 1 or db > 1:
            rel = Relation.SPLIT if da >= db else Relation.MERGED
        elif ua.title == ub.title:
            rel = Relation.MATCHED if _same_place(ua, ub) else Relation.MOVED
        else:
            rel = Relation.RENAMED if a.level == b.level else Relation.MOVED
        out.append(SectionPair(a, b, rel, round(s, 4), ev))
    none = Evidence(0.0, 0.0, 0.0)
    for year, side in ((ya, Side.A), (yb, Side.B)):
        seen = {ref for (sd, ref) in total if sd is side}
        for u in [*year.parts, *year.leaves]:
            if u.intro or u.ref in seen:
                continue
            seen.add(u.ref)
            if side is Side.A:
                out.append(SectionPair(u.ref, None, Relation.REMOVED, 0.0, none))
            else:
                out.append(SectionPair(None, u.ref, Relation.ADDED, 0.0, none))
    return sorted(out, key=pair_order)


def with_stand_ins(ya: Year, yb: Year, pairs: list[SectionPair]) -> list[SectionPair]:
    """The pairs, plus a copy of each pair of a section for every heading-only
    section that stands in for it (a grouping heading continues as the item that
    follows it, ``added``/``removed`` included).  The partner then has two
    sections on the stand-in's side: a one-to-one pair and its copies become
    ``merged`` (stand-ins of year A) or ``split`` (of year B).

    >>> from reportdiff._compare import read_reports
    >>> from reportdiff._align.vectors import tokenize
    >>> from reportdiff._align.units import year_units
    >>> y = year_units(read_reports(["fixtures/gov-work-report/2019.txt"])[0], tokenize)
    >>> with_stand_ins(y, y, []) == [] and y.stand_ins == []
    True
    """
    out = list(pairs)
    for side, year in ((Side.A, ya), (Side.B, yb)):
        by_target: dict[SectionRef, list[Unit]] = {}
        for unit, target in year.stand_ins:
            by_target.setdefault(target, []).append(unit)
        many = Relation.MERGED if side is Side.A else Relation.SPLIT
        result: list[SectionPair] = []
        titles = {u.ref: u.title for u in [*year.parts, *year.leaves]}
        for p in out:
            ref = p.a if side is Side.A else p.b
            units = by_target.get(ref, []) if ref is not None else []
            if not units:
                result.append(p)
                continue
            # a heading line printed twice (the stand-in has its section's title) is one
            # section, not two: its copies keep the pair's relation
            repeated = ref is not None and all(u.title == titles.get(ref) for u in units)
            rel = p.relation if repeated or p.relation in (Relation.ADDED, Relation.REMOVED, Relation.SPLIT,
                                                           Relation.MERGED) else many
            result.append(attrs.evolve(p, relation=rel))
            for u in units:
                a, b = (u.ref, p.b) if side is Side.A else (p.a, u.ref)
                result.append(attrs.evolve(p, a=a, b=b, relation=rel))
        out = result
    return sorted(out, key=pair_order)


def pair_order(p: SectionPair) -> tuple[object, ...]:
    """Year, then pairs before added rows, then document order of both sides."""
    a = p.a or p.b
    b = p.b or p.a
    assert a is not None and b is not None
    return (a.year, p.a is None, doc_order(a), doc_order(b), p.relation.value)


def doc_order(ref: SectionRef) -> tuple[int, str]:
    return (ref.level, ref.path)
