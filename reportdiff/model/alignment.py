"""Records of section alignment: pairs, relations, evidence, lineages, similarity measures."""

from __future__ import annotations

import enum

import attrs

from reportdiff.model._summary import html_table, year_range


class Relation(enum.Enum):
    """How a section of one year continues in the next."""

    MATCHED = "matched"
    RENAMED = "renamed"
    MOVED = "moved"
    SPLIT = "split"
    MERGED = "merged"
    ADDED = "added"
    REMOVED = "removed"


@attrs.frozen(order=True)
class SectionRef:
    """Names one section of one year."""

    year: int
    path: str
    heading: str
    level: int


@attrs.frozen
class Evidence:
    """Why two sections were paired: each score in [0, 1]."""

    heading: float
    body: float
    position: float


@attrs.frozen
class SectionPair:
    """One section of year A paired with one of year B (or with nothing)."""

    a: SectionRef | None
    b: SectionRef | None
    relation: Relation
    score: float
    evidence: Evidence


@attrs.frozen
class Lineage:
    """One topic followed across years: its sections, in year order."""

    id: str
    members: tuple[SectionRef, ...]


@attrs.frozen(repr=False)
class Alignment:
    """The result of aligning the reports of a series."""

    years: tuple[int, ...]
    pairs: tuple[SectionPair, ...]
    lineages: tuple[Lineage, ...]

    def counts(self) -> dict[str, int]:
        """How many pairs have each relation, in :class:`Relation` order (zeros left out)."""
        out = {r.value: 0 for r in Relation}
        for p in self.pairs:
            out[p.relation.value] += 1
        return {k: v for k, v in out.items() if v}

    def __repr__(self) -> str:
        counts = ", ".join(f"{v} {k}" for k, v in self.counts().items())
        return (
            f"Alignment({year_range(self.years)}, {len(self.pairs)} pairs: {counts or 'none'}; "
            f"{len(self.lineages)} lineages)"
        )

    def _repr_html_(self) -> str:
        rows = []
        for p in self.pairs:
            rows.append((
                p.a.year if p.a else p.b.year - 1 if p.b else "",
                p.a.heading if p.a else "",
                p.relation.value,
                p.b.heading if p.b else "",
                f"{p.score:.2f}",
            ))
        caption = f"Alignment {year_range(self.years)}: " + ", ".join(f"{v} {k}" for k, v in self.counts().items())
        return html_table(caption, ["year", "old section", "relation", "new section", "score"], rows)
