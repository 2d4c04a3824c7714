"""Records of indicators: a quantity with its unit, qualifier, kind and provenance."""

from __future__ import annotations

import enum

import attrs

from reportdiff._vocab import UnitFamily, unit_of
from reportdiff.model.document import Span

NO_SPAN = Span(0, 0)
"""The empty span at offset 0: the default provenance of a quantity made by hand."""


class Kind(enum.Enum):
    """Whether a quantity reports a result or sets a goal."""

    ACTUAL = "actual"
    TARGET = "target"


class Direction(enum.Enum):
    """The sign a direction word gives a change."""

    UP = "up"
    DOWN = "down"
    NONE = ""


class Bound(enum.Enum):
    """Which end of a printed range (``6.5%－7%``) a quantity is."""

    NONE = ""
    """Not part of a range."""
    LOW = "low"
    """The lower end."""
    HIGH = "high"
    """The upper end."""


@attrs.frozen
class Quantity:
    """One number mention with its unit, label and provenance.

    ``value`` and ``unit`` are as printed (``1244``, ``万人``); ``base_value``
    and ``base_unit`` are the same quantity in base units (``12440000``, ``人``).
    """

    label: str
    """The phrase the number measures (``城镇新增就业``, ``受理行政复议申请``)."""
    value: str
    """The number as printed, as a plain decimal (``15468.7``; Chinese numerals converted)."""
    unit: str
    """The unit as printed, magnitude word included (``万元``, ``%``, ``个百分点``)."""
    base_value: float
    """The value in base units (``15468.7万元`` → 154687000.0)."""
    base_unit: str
    """The unit without magnitude (``元``, ``人``, ``%``, ``个百分点``)."""
    qualifier: str = ""
    """The approximation or bound word printed with the number (左右, 以上, 多, about…)."""
    bound: Bound = Bound.NONE
    """Which end of a range this is, if any."""
    direction: Direction = Direction.NONE
    """The sign a direction word (增长, 下降, rose…) gives the number."""
    base: str = ""
    """The comparison base as printed (``比上年``, ``同比``), if any."""
    kind: Kind = Kind.ACTUAL
    """A reported result or a goal."""
    year: int = 0
    """The report's year."""
    section: str = ""
    """The path of the section holding the number."""
    quote: str = ""
    """Verbatim cleaned text holding the number, its unit and qualifier."""
    span: Span = NO_SPAN
    """The number and unit in the cleaned text."""
    quote_span: Span = NO_SPAN
    """The quote in the cleaned text."""
    raw_span: Span = NO_SPAN
    """The number and unit in the raw file."""

    @property
    def number(self) -> float:
        """:attr:`value` as a float."""
        return float(self.value)

    @property
    def unit_family(self) -> str:
        """What the quantity compares with: ``rate`` (%, ‰), ``points`` (个百分点) or its base unit.

        Rates and points come from :mod:`reportdiff._vocab`, the one table of units.
        """
        unit = unit_of(self.base_unit)
        if unit is not None and unit.family in (UnitFamily.RATE, UnitFamily.POINTS):
            return str(unit.family)
        return self.base_unit
