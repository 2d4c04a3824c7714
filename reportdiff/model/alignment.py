"""Records of section alignment: pairs, relations, evidence, lineages, similarity measures."""

from __future__ import annotations

import enum

import attrs


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


@attrs.frozen
class Alignment:
    """The result of aligning the reports of a series."""

    years: tuple[int, ...]
    pairs: tuple[SectionPair, ...]
    lineages: tuple[Lineage, ...]
