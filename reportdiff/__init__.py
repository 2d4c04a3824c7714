"""reportdiff: compare the same report across years.

Load and parse reports into section trees, align sections across years, diff
their text, and extract indicators into trend tables.

>>> import reportdiff
>>> report = reportdiff.read_report("fixtures/xishan-rule-of-law/2022.txt")
>>> report.year
2022
"""

from typing import TYPE_CHECKING

from reportdiff import render as _render  # registers the notebook view of TextDiff
from reportdiff._lazy import lazy_exports
from reportdiff.errors import (
    DecodeError,
    EmptyInputError,
    InputError,
    ParseError,
    ReportDiffError,
    YearError,
)
from reportdiff.model import (
    Document,
    Language,
    OffsetMap,
    Report,
    Section,
    SectionKind,
    Span,
)

if TYPE_CHECKING:
    from reportdiff._align import align
    from reportdiff._compare import Comparison, compare, read_report, read_reports
    from reportdiff._diff import diff_reports, diff_texts
    from reportdiff._indicators import extract, extract_report
    from reportdiff._load import load, load_text
    from reportdiff._parse import parse
    from reportdiff._version import __version__

del _render

#: The stage functions, imported on first use so that ``reportdiff diff`` does not pay
#: for alignment, indicators or pandas (PEP 562); the version too (importlib.metadata is
#: slow to import).
_LAZY = {
    "__version__": "reportdiff._version",
    "align": "reportdiff._align",
    "Comparison": "reportdiff._compare",
    "compare": "reportdiff._compare",
    "read_report": "reportdiff._compare",
    "read_reports": "reportdiff._compare",
    "diff_reports": "reportdiff._diff",
    "diff_texts": "reportdiff._diff",
    "extract": "reportdiff._indicators",
    "extract_report": "reportdiff._indicators",
    "load": "reportdiff._load",
    "load_text": "reportdiff._load",
    "parse": "reportdiff._parse",
}


__getattr__, __dir__ = lazy_exports("reportdiff", _LAZY, globals())


__all__ = [
    "Comparison",
    "DecodeError",
    "Document",
    "EmptyInputError",
    "InputError",
    "Language",
    "OffsetMap",
    "ParseError",
    "Report",
    "ReportDiffError",
    "Section",
    "SectionKind",
    "Span",
    "YearError",
    "__version__",
    "align",
    "compare",
    "diff_reports",
    "diff_texts",
    "extract",
    "extract_report",
    "load",
    "load_text",
    "parse",
    "read_report",
    "read_reports",
]
