"""Charts of indicator trends; the only importer of matplotlib, and only when called.

Every function takes ``ax=None`` (a new figure is made then), draws, and
returns the Axes; none calls ``plt.show()``.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["CJK_FONTS", "delta_bars", "png", "trend_line"]

#: Fonts tried, in order, so that Chinese labels render (the first installed wins).
CJK_FONTS = (
    "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei",
    "SimHei", "Microsoft YaHei", "PingFang SC", "Heiti SC",
)


def _font_family() -> list[str]:
    from matplotlib import font_manager

    names = {f.name for f in font_manager.fontManager.ttflist}
    return [n for n in CJK_FONTS if n in names] + ["DejaVu Sans"]


def png(draw: Callable[[Any], Any], *, size: tuple[float, float] = (5, 2.6), dpi: int = 90) -> bytes:
    """Draw on a fresh Agg figure (no pyplot state) and return it as PNG bytes.

    A CJK font from :data:`CJK_FONTS` is used when one is installed; without
    one, Chinese labels show as boxes (and matplotlib's glyph warnings are
    silenced).

    Args:
        draw: called with the new Axes, e.g. ``lambda ax: trend_line(frame, sid, ax=ax)``.
        size: figure size in inches.
        dpi: resolution.

    >>> png(lambda ax: ax.plot([1, 2], [3, 4]))[1:4]
    b'PNG'
    """
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    rc: dict[Any, Any] = {"font.family": "sans-serif", "font.sans-serif": _font_family(), "axes.unicode_minus": False,
          "svg.hashsalt": "reportdiff"}
    with matplotlib.rc_context(rc):
        fig = Figure(figsize=size)
        FigureCanvasAgg(fig)
        draw(fig.add_subplot())
        buf = io.BytesIO()
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="Glyph .* missing")
            fig.savefig(buf, format="png", dpi=dpi, bbox_inches="tight", metadata={"Software": None})
    return buf.getvalue()


def _axes(ax: Any) -> Any:
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _fig, new = plt.subplots()
    return new


def trend_line(frame: pd.DataFrame, series: str, *, ax: Any = None) -> Any:
    """A line of one series' normalised values by year.

    Args:
        frame: a :func:`reportdiff.tables.trends.tidy_frame`.
        series: the series id to draw.
        ax: the Axes to draw on (a new figure when None).

    Returns:
        The Axes; its one line has the years as x-data and the values as y-data
        (a range is drawn at its midpoint).

    >>> import matplotlib; matplotlib.use("Agg")
    >>> from reportdiff._indicators import extract
    >>> from reportdiff.tables.trends import tidy_frame
    >>> qs = extract("城镇新增就业1310万人。", year=2014) + extract("城镇新增就业1322万人。", year=2015)
    >>> [float(y) for y in trend_line(tidy_frame(qs), "城镇新增就业").lines[0].get_ydata()]
    [13100000.0, 13220000.0]
    """
    ax = _axes(ax)
    rows = frame[frame["series"] == series]
    by_year = rows.groupby("year")["base_value"].mean().sort_index()
    ax.plot([int(y) for y in by_year.index], [float(v) for v in by_year.values], marker="o", label=series)
    unit = str(rows["base_unit"].iloc[0]) if len(rows) else ""
    ax.set_title(series)
    ax.set_xlabel("year")
    ax.set_ylabel(unit)
    ax.set_xticks([int(y) for y in by_year.index])
    return ax


def delta_bars(table: pd.DataFrame, *, column: str = "change", ax: Any = None) -> Any:
    """Bars of each series' change over its last two years.

    Args:
        table: a :func:`reportdiff.tables.trends.wide_table`.
        column: ``change``, ``pct_change`` or ``pp_change``; series without a
            value in it are left out.
        ax: the Axes to draw on (a new figure when None).

    Returns:
        The Axes; one bar per series, its height the change, its tick label the series id.

    >>> import matplotlib; matplotlib.use("Agg")
    >>> import pandas as pd
    >>> t = pd.DataFrame({"change": [2.0, -1.0]}, index=pd.Index(["a", "b"], name="series"))
    >>> [float(p.get_height()) for p in delta_bars(t).patches]
    [2.0, -1.0]
    """
    ax = _axes(ax)
    col = table[column].dropna()
    labels = [str(s) for s in col.index]
    ax.bar(range(len(col)), [float(v) for v in col.values])
    ax.set_xticks(range(len(col)))
    ax.set_xticklabels(labels, rotation=90)
    ax.axhline(0, linewidth=0.8)
    ax.set_ylabel(column)
    return ax
