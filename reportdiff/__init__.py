"""reportdiff: compare the same report across years.

Load and parse reports into section trees, align sections across years, diff
their text, and extract indicators into trend tables.

>>> import reportdiff
>>> report = reportdiff.read_report("fixtures/xishan-rule-of-law/2022.txt")
>>> report.year
2022
"""

from reportdiff.align import align
from reportdiff.compare import Comparison, compare, read_report, read_reports
from reportdiff.diff import diff_reports, diff_texts
from reportdiff.errors import (
    DecodeError,
    EmptyInputError,
    InputError,
    ParseError,
    ReportDiffError,
    YearError,
)
from reportdiff.indicators import extract, extract_report
from reportdiff.load import load, load_text
from reportdiff.model import (
    Document,
    OffsetMap,
    Report,
    Section,
    SectionKind,
    Span,
)
from reportdiff.parse import parse

__all__ = [
    "Comparison",
    "DecodeError",
    "Document",
    "EmptyInputError",
    "InputError",
    "OffsetMap",
    "ParseError",
    "Report",
    "ReportDiffError",
    "Section",
    "SectionKind",
    "Span",
    "YearError",
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
