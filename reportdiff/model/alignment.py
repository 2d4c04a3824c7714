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


class Side(enum.Enum):
    """The two years of a pair: A is the earlier, B the later."""

    A = "a"
    B = "b"


@attrs.frozen(order=True)
class SectionRef:
    """Names one section of one year."""

    year: int
    path: str
    heading: str
    level: int


class Stage(enum.Enum):
    """Which step of the aligner made a pair."""

    NONE = "none"
    """No pair (an ``added`` or ``removed`` row)."""
    PARTS = "parts"
    """The one-to-one assignment of level-1 parts."""
    PART_EXTRA = "part-extra"
    """An extra split/merge pair of parts (both sides hold a real share)."""
    NESTED = "nested"
    """The one-to-one assignment of sub-sections under a one-to-one pair of parts."""
    LEFTOVER = "leftover"
    """A section left alone by the nested stage, paired anywhere on strong evidence."""
    EXTRA = "extra"
    """An extra split/merge/cross-level pair of sub-sections (both sides hold a real share)."""
    ORPHAN = "orphan"
    """A section in no other pair, paired with the section its text mainly continues in."""


@attrs.frozen
class Evidence:
    """Why two sections were paired: each score in [0, 1].

    The first three fields are the historical summary; the others (all with
    defaults, so ``Evidence(heading, body, position)`` still works) break
    ``body`` down and report the calibration the decision was taken against.
    """

    heading: float
    """RapidFuzz ratio of the titles without numbering."""
    body: float
    """``0.5·cosine + 0.25·flow_a + 0.25·flow_b``."""
    position: float
    """``1 - |Δ|`` of the sections' centres as shares of their reports."""
    cosine: float = 0.0
    """TF-IDF cosine of the two sections' texts."""
    flow_a: float = 0.0
    """Share of A's text whose paragraphs are closest to B."""
    flow_b: float = 0.0
    """Share of B's text whose paragraphs are closest to A."""
    carried_a: float = 0.0
    """Share of A's text in sentences carried (verbatim or nearly) into B."""
    carried_b: float = 0.0
    """Share of B's text in sentences carried over from A."""
    role: float = 1.0
    """Agreement of the two sections' roles (review vs plan: tense, aspect, year references)."""
    chance: float = 0.0
    """The calibrated threshold: the score that pairs which cannot be the same reach by chance."""
    stage: Stage = Stage.NONE
    """The aligner step that made the pair."""


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
    calibration: tuple[Calibration, ...] = ()
    """The thresholds derived for each pair of years and level (see :class:`Calibration`)."""

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


@attrs.frozen
class Calibration:
    """The match threshold of one pair of years and one level, derived from the
    scores of pairs that cannot be the same section."""

    year_a: int
    year_b: int
    level: int
    """1 for the parts, 2 for the sub-sections (and part intros)."""
    threshold: float
    """The least score of a pair: the ``quantile`` of the null scores, never below the floor."""
    null_size: int
    """How many pairs the null distribution held."""
    null_median: float
    """Their median score."""
