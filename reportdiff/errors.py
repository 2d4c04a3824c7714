"""The exception tree of reportdiff, rooted at :class:`ReportDiffError`.

Every error carries a one-line, actionable message: what was expected, what
was found, in which file, and how to fix it.  The CLI prints ``str(error)``
and exits with status 2.
"""

from __future__ import annotations

__all__ = [
    "DecodeError",
    "EmptyInputError",
    "InputError",
    "ParseError",
    "ReportDiffError",
    "YearError",
]


class ReportDiffError(Exception):
    """Base class of every error reportdiff raises on purpose."""


class InputError(ReportDiffError, OSError):
    """A file is missing, unreadable, binary, or too large."""


class EmptyInputError(InputError):
    """A file holds no text."""


class DecodeError(ReportDiffError, UnicodeError):
    """A file's bytes decode in none of the supported encodings."""


class YearError(ReportDiffError, ValueError):
    """A report's year cannot be decided, or two reports claim the same year."""


class ParseError(ReportDiffError, ValueError):
    """Text or arguments that cannot be interpreted."""
