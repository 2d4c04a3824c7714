"""The domain records of reportdiff: frozen attrs classes and enums.

Every record is immutable and compares by value; change one with
``attrs.evolve``.  The records import nothing of the package but the shared
facts (:mod:`reportdiff._text`, :mod:`reportdiff._vocab`) and each other:

- :mod:`~reportdiff.model.document`: spans, offset maps, documents, reports, sections;
- :mod:`~reportdiff.model.alignment`: section pairs, relations, evidence, lineages;
- :mod:`~reportdiff.model.diff`: edits, moves, number changes, diff statistics;
- :mod:`~reportdiff.model.quantity`: quantities with units, qualifiers and kinds.
"""

from reportdiff._text import Language
from reportdiff.model.alignment import (
    Alignment,
    Evidence,
    Lineage,
    Relation,
    SectionPair,
    SectionRef,
)
from reportdiff.model.diff import (
    DiffSide,
    DiffStats,
    Edit,
    Granularity,
    Move,
    NumberChange,
    Op,
    SectionMove,
    SectionsDiff,
    Similarity,
    TextDiff,
)
from reportdiff.model.document import (
    Document,
    Format,
    MarkupHeading,
    OffsetMap,
    Report,
    Section,
    SectionKind,
    Span,
)
from reportdiff.model.quantity import Bound, Direction, Kind, Quantity

__all__ = [
    "Alignment",
    "Bound",
    "DiffSide",
    "DiffStats",
    "Direction",
    "Document",
    "Edit",
    "Evidence",
    "Format",
    "Granularity",
    "Kind",
    "Language",
    "Lineage",
    "MarkupHeading",
    "Move",
    "NumberChange",
    "OffsetMap",
    "Op",
    "Quantity",
    "Relation",
    "Report",
    "Section",
    "SectionKind",
    "SectionMove",
    "SectionPair",
    "SectionRef",
    "SectionsDiff",
    "Similarity",
    "Span",
    "TextDiff",
]
