"""The domain records of reportdiff: frozen attrs classes and enums.

Every record is immutable and compares by value; change one with
``attrs.evolve``.  The records import nothing of the package but the shared
facts (:mod:`reportdiff._text`, :mod:`reportdiff._vocab`) and each other:

- :mod:`~reportdiff.model.document`: spans, offset maps, documents, reports, sections;
- :mod:`~reportdiff.model.alignment`: section pairs, relations, evidence, lineages;
- :mod:`~reportdiff.model.diff`: edits, moves, number changes, diff statistics;
- :mod:`~reportdiff.model.quantity`: quantities with units, qualifiers and kinds.
"""

from typing import TYPE_CHECKING

from reportdiff._lazy import lazy_exports
from reportdiff._text import Language
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

if TYPE_CHECKING:
    from reportdiff.model.alignment import (
        Alignment,
        Evidence,
        Lineage,
        Relation,
        SectionPair,
        SectionRef,
    )
    from reportdiff.model.quantity import Bound, Direction, Kind, Quantity

#: The records of the alignment and indicator stages, imported on first use (PEP 562):
#: a text diff needs neither, and each attrs class costs its creation at import.
_LAZY = {
    **dict.fromkeys(("Alignment", "Evidence", "Lineage", "Relation", "SectionPair", "SectionRef"),
                    "reportdiff.model.alignment"),
    **dict.fromkeys(("Bound", "Direction", "Kind", "Quantity"), "reportdiff.model.quantity"),
}


__getattr__, __dir__ = lazy_exports("reportdiff.model", _LAZY, globals())


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
