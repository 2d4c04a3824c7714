"""Records of indicators: a quantity with its unit, qualifier, kind and provenance."""

from __future__ import annotations

import enum

import attrs

from reportdiff._vocab import UnitFamily, is_approximate, unit_of
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
    """Which end of a range this is, if any (the range is the bound, never a qualifier word)."""
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
    magnitude: str = ""
    """The magnitude word as printed (``亿`` in ``8500亿元``, ``million``), kept for display."""
    start_value: bool = False
    """The start of a printed change (``从26.6万亿元增加到51.9万亿元``: 26.6), never linked into a series."""

    @property
    def display(self) -> str:
        """The value as the report printed it, magnitude and unit included (``8500亿元``).

        >>> Quantity("财政赤字", "8500", "亿元", 8.5e11, "元").display
        '8500亿元'
        >>> Quantity("earnings", "2.5", "$ billion", 2.5e9, "$").display
        '$2.5 billion'
        """
        if self.unit.endswith("分之"):
            return f"{self.unit}{self.value}"  # 百分之十二点一 → 百分之12.1
        head, _, rest = self.unit.partition(" ")
        if head and not head[-1].isalnum() and head[-1] not in "%‰":
            return f"{head}{self.value}" + (f" {rest}" if rest else "")  # $2.5 billion
        gap = " " if self.unit[:1].isascii() and self.unit[:1].isalpha() else ""
        return f"{self.value}{gap}{self.unit}"

    @property
    def approximate(self) -> bool:
        """Whether the printed value is a bound or an estimate (a qualifier such as 多, 几, 左右, or a range end).

        >>> Quantity("", "10", "万人", 1e5, "人", qualifier="几").approximate
        True
        """
        return self.bound is not Bound.NONE or is_approximate(self.qualifier)

    @property
    def range_label(self) -> str:
        """The qualifier as the CSV contract writes it: the printed word, else 区间下限 / 区间上限 for a range end.

        >>> Quantity("", "7", "%", 7.0, "%", bound=Bound.HIGH).range_label
        '区间上限'
        """
        if self.qualifier or self.bound is Bound.NONE:
            return self.qualifier
        return "区间下限" if self.bound is Bound.LOW else "区间上限"

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
