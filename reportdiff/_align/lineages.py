"""Lineages: each section's best partner in the next year, kept when the choice
is mutual, chained over all years."""

from __future__ import annotations

from collections.abc import Sequence

from reportdiff._align.relations import doc_order
from reportdiff._align.units import Year
from reportdiff.model.alignment import Lineage, SectionPair, SectionRef

__all__ = ["lineages"]


def _neg(ref: SectionRef) -> tuple[int, ...]:
    return tuple(-ord(c) for c in f"{ref.level}{ref.path}")


def lineages(years: Sequence[Year], pairs: Sequence[SectionPair]) -> tuple[Lineage, ...]:
    """Chains of mutual best partners across years; a lineage's id is
    ``YEAR:PATH`` of its first member, so it does not change when later years are added."""
    best_next: dict[SectionRef, tuple[float, SectionRef]] = {}
    best_prev: dict[SectionRef, tuple[float, SectionRef]] = {}
    for p in pairs:
        if p.a is None or p.b is None:
            continue
        if p.a not in best_next or (p.score, _neg(p.b)) > (best_next[p.a][0], _neg(best_next[p.a][1])):
            best_next[p.a] = (p.score, p.b)
        if p.b not in best_prev or (p.score, _neg(p.a)) > (best_prev[p.b][0], _neg(best_prev[p.b][1])):
            best_prev[p.b] = (p.score, p.a)
    out: list[Lineage] = []
    seen: set[SectionRef] = set()
    for y in years:
        for u in [*y.parts, *y.leaves]:
            if u.intro or u.ref in seen:
                continue
            seen.add(u.ref)
            prev = best_prev.get(u.ref)
            if prev is not None and best_next.get(prev[1], (0.0, None))[1] == u.ref:
                continue  # continues a lineage that started earlier
            members = [u.ref]
            cur = u.ref
            while cur in best_next:
                nxt = best_next[cur][1]
                if best_prev.get(nxt, (0.0, None))[1] != cur:
                    break
                members.append(nxt)
                cur = nxt
            out.append(Lineage(f"{u.ref.year}:{u.ref.path}", tuple(members)))
    return tuple(sorted(out, key=lambda lin: (lin.members[0].year, doc_order(lin.members[0]))))
