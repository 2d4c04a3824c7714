"""Charts of trends, deltas, targets, similarity and change volume; the only importer of matplotlib.

Every chart function takes ``ax=None`` (a new figure is made then), draws,
and returns the Axes; none calls ``plt.show()``.  They take computed tables
(pandas frames from :mod:`reportdiff.tables` and :mod:`reportdiff.trends`)
and compute nothing about reports themselves.

Chinese text renders with real glyphs on any machine: the first chart drawn
registers the CJK font that reportdiff depends on (Noto Sans SC, from the
``pylopdf-fonts-zh-cn`` package, SIL OFL) with matplotlib directly from its
file, so neither a system font nor matplotlib's font cache is needed, and
Latin text keeps the user's font (matplotlib falls back per glyph).
Report text drawn into a chart is escaped for mathtext (``$`` prints as ``$``).
Amounts are plotted in the magnitude the report printed (``万亿元``,
``$ billion``), never in base units such as ``1e13 元``.
"""

from __future__ import annotations

import io
import math
import threading
import unicodedata
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from reportdiff._numerals import fold_numerals
from reportdiff._text import to_simplified
from reportdiff._vocab import MAGNITUDES

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "CJK_FONTS",
    "change_volume",
    "delta_bars",
    "display_scale",
    "ensure_fonts",
    "escape_mathtext",
    "png",
    "similarity_heatmap",
    "small_multiples",
    "target_outcome",
    "trend_line",
]

#: Installed fonts also accepted for Chinese text, after the bundled one.
CJK_FONTS = (
    "Noto Sans SC", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei",
    "SimHei", "Microsoft YaHei", "PingFang SC", "Heiti SC",
)

_UP, _DOWN, _NEUTRAL, _MUTED = "#2e7d32", "#c62828", "#1f5aa6", "#9e9e9e"
_state: dict[str, str] = {}


def ensure_fonts() -> str:
    """Register the bundled CJK font with matplotlib and make it the fallback of sans-serif text.

    Called by every chart function; safe to call again.  The font is added from
    its file (``font_manager.addfont``), so a stale font cache cannot hide it.

    Returns:
        The family name Chinese text is drawn in (``Noto Sans SC``), or ``""``
        when neither the bundled font nor an installed CJK font is available.

    >>> ensure_fonts()
    'Noto Sans SC'
    """
    if "family" in _state:
        return _state["family"]
    import matplotlib
    from matplotlib import font_manager

    family = ""
    try:
        import pylopdf_fonts_zh_cn

        path = str(pylopdf_fonts_zh_cn.sans_path())
        font_manager.fontManager.addfont(path)
        family = font_manager.FontProperties(fname=path).get_name()
    except (ImportError, OSError, RuntimeError):  # pragma: no cover - the font is a dependency
        names = {f.name for f in font_manager.fontManager.ttflist}
        family = next((n for n in CJK_FONTS if n in names), "")
    if family:
        # matplotlib falls back glyph by glyph along font.family: the user's families keep
        # Latin text, the CJK font takes every glyph they lack
        families = [f for f in matplotlib.rcParams["font.family"] if f != family]
        matplotlib.rcParams["font.family"] = [*families, family]
    matplotlib.rcParams["axes.unicode_minus"] = False
    _state["family"] = family
    return family


def escape_mathtext(text: str) -> str:
    """``text`` safe to draw on one line: a ``$`` would start mathtext (and can crash on report
    text), and tabs, line breaks and other control characters (a heading's ``1.\\t``) have no glyph:
    each run of whitespace is one space.

    >>> escape_mathtext("$1.2 billion to $3 billion")
    '\\\\$1.2 billion to \\\\$3 billion'
    >>> escape_mathtext("1.\\t现在\\n我宣读")
    '1. 现在 我宣读'
    """
    one_line = " ".join("".join(ch if ch.isprintable() else " " for ch in str(text)).split())
    return one_line.replace("$", r"\$")


def png(draw: Callable[[Any], Any], *, size: tuple[float, float] = (5, 2.6), dpi: int = 90) -> bytes:
    """Draw on a fresh Agg figure (no pyplot state) and return it as PNG bytes.

    The figure is laid out once before it is drawn (:func:`_fit`: margins that
    hold the tick labels, axis labels and title, measured from their strings) and
    rendered once, its text unhinted; its pixels go straight from the canvas to a
    palette PNG.  (Matplotlib's constrained layout measured every text's box twice
    before the drawing measured it again: a third of a chart's time.)

    Args:
        draw: called with the new Axes, e.g. ``lambda ax: trend_line(frame, sid, ax=ax)``.
        size: figure size in inches (the image is ``size × dpi`` pixels).
        dpi: resolution.

    >>> png(lambda ax: ax.plot([1, 2], [3, 4]))[1:4]
    b'PNG'
    """
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    ensure_fonts()
    fig = Figure(figsize=size, dpi=dpi)
    canvas = _canvas(FigureCanvasAgg)(fig)
    try:
        draw(fig.add_subplot())
        # glyphs unhinted: loading a hinted glyph of the CJK (CFF) font costs ~30% more, and
        # text is half of a chart's drawing; set for this drawing only, not for the caller's charts
        with matplotlib.rc_context({"text.hinting": "no_hinting"}):
            _fit(fig, canvas.get_renderer())
            canvas.draw()
        return _palette(canvas.buffer_rgba(), canvas.get_width_height())
    finally:
        # the pixel buffer is the thread's renderer's, kept for the next chart (see _canvas); the
        # figure's artists go at the next garbage collection (clearing them here rebuilt each
        # Axes, ~4 ms a chart, to save ~6 MB of a report's peak)
        vars(canvas).pop("renderer", None)


_drawing = threading.local()  # this thread's canvas class and the last renderer it used


def _canvas(agg: Any) -> Any:
    """Agg's canvas, reusing the renderer of this thread's last chart when the size is the same.

    Matplotlib caches a text's measured extent per renderer, and a new canvas makes a new
    renderer: the nine trend charts of a report each measured the same year labels and
    tick labels again.  The renderer is cleared before each drawing, so the pixels are
    those of a fresh one; one renderer per thread, so charts drawn at once never share one.
    """
    if not hasattr(_drawing, "canvas"):
        from matplotlib.backends.backend_agg import RendererAgg

        class Canvas(agg):  # type: ignore[misc]
            def get_renderer(self) -> Any:
                w, h = self.get_width_height(physical=True)
                key = (w, h, self.figure.dpi)
                if getattr(_drawing, "key", None) != key:
                    _drawing.key, _drawing.renderer = key, RendererAgg(w, h, self.figure.dpi)  # type: ignore[no-untyped-call]
                self.renderer = _drawing.renderer
                return self.renderer

        _drawing.canvas = Canvas
    return _drawing.canvas


def _fit(fig: Any, renderer: Any, pad: float = 3.0) -> None:
    """Set the subplot margins of ``fig`` so that what sticks out of its Axes fits.

    What sticks out of each Axes is measured from the strings it will draw: tick
    labels (rotated as they will be drawn), axis labels and the title, each with
    its tick length and pads; the margin on each side is the largest over the
    figure's Axes (the one Axes of a chart and its colour bar) plus ``pad``
    points.  Tick positions depend on the Axes' size, so the margins are measured
    again once after the first fit and the larger kept.
    """
    width, height = fig.get_size_inches() * fig.dpi
    points = fig.dpi / 72.0
    size = _Sizes(renderer)
    margins = [0.0, 0.0, 0.0, 0.0]  # left, bottom, right, top in pixels
    for _round in range(2):
        for ax in fig.axes:
            for k, m in enumerate(_overhang(ax, size, points)):
                margins[k] = max(margins[k], m)
        left, bottom, right, top = (m + pad * points for m in margins)
        # never squeeze the Axes below a fifth of the figure (labels too long are cut instead)
        scale_x = min(1.0, 0.8 * width / (left + right))
        scale_y = min(1.0, 0.8 * height / (bottom + top))
        fig.subplots_adjust(left=left * scale_x / width, right=1 - right * scale_x / width,
                            bottom=bottom * scale_y / height, top=1 - top * scale_y / height)


class _Sizes:
    """Text boxes in pixels, each string measured once (the font's layout is the cost)."""

    def __init__(self, renderer: Any) -> None:
        self.renderer = renderer
        self.known: dict[tuple[str, Any], tuple[float, float]] = {}

    def __call__(self, text: str, prop: Any, rotation: float = 0.0) -> tuple[float, float]:
        """Width and height of the box of ``text`` drawn at ``rotation`` degrees."""
        w, h = self._flat(text.replace(r"\$", "$"), prop)
        h = max(h, self._flat("lp", prop)[1])  # a line is never lower than its font's line
        a = math.radians(rotation)
        return w * abs(math.cos(a)) + h * abs(math.sin(a)), w * abs(math.sin(a)) + h * abs(math.cos(a))

    def _flat(self, text: str, prop: Any) -> tuple[float, float]:
        key = (text, prop)
        if key not in self.known:
            w, h, _d = self.renderer.get_text_width_height_descent(text, prop, ismath=False)
            self.known[key] = (float(w), float(h))
        return self.known[key]

    def widest(self, texts: Sequence[str], prop: Any, rotation: float, *, vertical: bool) -> float:
        """The largest extent of ``texts`` across their axis (widths of a vertical axis'
        labels, heights of a horizontal one's), measuring only the few longest."""
        ranked = sorted(texts, key=_ems, reverse=True)[:3]
        return max((self(t, prop, rotation)[0 if vertical else 1] for t in ranked), default=0.0)


def _ems(text: str) -> float:
    """A string's width in ems, roughly: enough to pick the widest of a few labels."""
    return sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.6 for c in text)


def _overhang(ax: Any, size: _Sizes, points: float) -> tuple[float, float, float, float]:
    """How far (pixels) the tick labels, axis labels and title of ``ax`` reach past it,
    on the left, bottom, right and top."""
    from matplotlib import rcParams

    box = ax.get_position().transformed(ax.figure.transFigure)
    out = [0.0, 0.0, 0.0, 0.0]
    for axis, vertical in ((ax.xaxis, False), (ax.yaxis, True)):
        if not axis.get_visible():
            continue
        lo, hi = sorted(axis.get_view_interval())
        slack = 1e-9 * (hi - lo)
        locs = sorted(float(v) for v in axis.get_majorticklocs() if lo - slack <= v <= hi + slack)
        far = axis.get_ticks_position() in ("top", "right")
        reach = 0.0
        labels = [s for s in axis.get_major_formatter().format_ticks(locs) if s] if locs else []
        if labels:
            tick = axis.get_major_ticks(1)[0]
            label = tick.label2 if far else tick.label1
            prop, rotation = label.get_fontproperties(), label.get_rotation()
            reach = (tick.get_pad() + tick.get_tick_padding()) * points + size.widest(
                labels, prop, rotation, vertical=vertical)
            # the end labels, centred on their ticks, may reach past the Axes' ends
            span, length = (hi - lo) or 1.0, (box.height if vertical else box.width)
            ends = [size(t, prop, rotation)[1 if vertical else 0] / 2 for t in (labels[0], labels[-1])]
            k0, k1 = (1, 3) if vertical else (0, 2)
            out[k0] = max(out[k0], ends[0] - (locs[0] - lo) / span * length)
            out[k1] = max(out[k1], ends[1] - (hi - locs[-1]) / span * length)
        k = (2 if far else 0) if vertical else (3 if far else 1)
        out[k] = max(out[k], reach)
        text = axis.label.get_text()
        if text and axis.label.get_visible():
            w, h = size(text, axis.label.get_fontproperties(), axis.label.get_rotation())
            label_far = axis.get_label_position() in ("top", "right")
            k = (2 if label_far else 0) if vertical else (3 if label_far else 1)
            out[k] = max(out[k], (reach if label_far == far else 0.0) + axis.labelpad * points + (w if vertical else h))
    title = ax.title.get_text()
    if title and ax.title.get_visible():
        _w, h = size(title, ax.title.get_fontproperties())
        out[3] = max(out[3], h + float(rcParams["axes.titlepad"]) * points)
    return out[0], out[1], out[2], out[3]


def _palette(rgba: Any, size: tuple[int, int], colors: int = 96) -> bytes:
    """RGBA pixels as a PNG with its colours cut to a palette: a chart's flat colours survive,
    the file shrinks ~3×.

    The palette is an octree's (``FASTOCTREE``): on the report's charts its files are
    ~10% smaller than median cut's and it takes a third of the time; zlib's default
    level without ``optimize`` (level 9) costs a fifth as much for ~10% more bytes."""
    from PIL import Image  # a dependency of matplotlib

    im = Image.frombuffer("RGBA", size, rgba, "raw", "RGBA", 0, 1)
    small = im.convert("RGB").quantize(colors=colors, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    out = io.BytesIO()
    small.save(out, format="png")
    return out.getvalue()


def _axes(ax: Any) -> Any:
    ensure_fonts()
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _fig, new = plt.subplots()
    return new


def display_scale(units: Sequence[str], base_unit: str) -> tuple[float, str]:
    """The divisor and axis label that show base values in the magnitude the report printed.

    The most common printed unit wins (ties: the larger magnitude).

    Args:
        units: the units as printed (``万亿元``, ``亿元``, ``billion``…).
        base_unit: the unit of the base values (``元``, ``$``).

    Returns:
        ``(divisor, label)``: plot ``base_value / divisor`` with axis label ``label``.

    >>> display_scale(["万亿元", "万亿元", "亿元"], "元")
    (1000000000000.0, '万亿元')
    >>> display_scale(["%"], "%")
    (1.0, '%')
    >>> display_scale(["billion"], "$")
    (1000000000.0, '$ billion')
    >>> display_scale(["億元", "萬元", "億元"], "元"), display_scale(["個"], "个")
    ((100000000.0, '億元'), (1.0, '個'))
    """
    counts: dict[tuple[int, str], int] = {}
    for u in units:
        word, scale = _magnitude_prefix(str(u))
        counts[(scale, word)] = counts.get((scale, word), 0) + 1
    if not counts:
        return 1.0, base_unit
    (scale, word), _n = max(counts.items(), key=lambda kv: (kv[1], kv[0][0]))
    base = _as_printed(units, base_unit)
    if scale == 1:
        return 1.0, base
    if word.isascii():
        return float(scale), f"{base} {word}".strip()
    return float(scale), f"{word}{base}"


def _magnitude_prefix(unit: str) -> tuple[str, int]:
    """The magnitude word a printed unit opens with, as printed (``億`` of ``億元``), and its scale."""
    u = unit.strip()
    folded = fold_numerals(u)  # 萬 / 億 read as 万 / 亿, one character for one
    for word in sorted(MAGNITUDES, key=len, reverse=True):
        if folded.startswith(word) or (u.lower().endswith(word) and word.isascii()):
            return (u[:len(word)] if not word.isascii() else word), MAGNITUDES[word]
    return "", 1


def _as_printed(units: Sequence[str], base_unit: str) -> str:
    """``base_unit`` in the script the report prints it in (個 where the base unit is 个)."""
    if not base_unit or base_unit.isascii():
        return base_unit
    for u in units:
        tail = str(u).strip()[-len(base_unit):] if base_unit else ""
        if tail != base_unit and to_simplified(tail) == base_unit:
            return tail
    return base_unit


def _series_values(frame: pd.DataFrame, series: str) -> tuple[list[int], list[float], str]:
    rows = frame[frame["series"] == series]
    by_year = rows.groupby("year")["base_value"].mean().sort_index()
    base_unit = str(rows["base_unit"].iloc[0]) if len(rows) else ""
    divisor, label = display_scale([str(u) for u in rows["unit"]], base_unit)
    return [int(y) for y in by_year.index], [float(v) / divisor for v in by_year.values], label


def _fmt(v: float) -> str:
    """A change for a label: whole numbers from 100 up, at most two decimals below."""
    if not math.isfinite(v):
        return f"{v:g}"
    if abs(v) >= 100:
        return f"{v:,.0f}"
    return f"{v:,.2f}".rstrip("0").rstrip(".")


def trend_line(frame: pd.DataFrame, series: str, *, ax: Any = None, annotate: bool = True) -> Any:
    """A line of one series' values by year, in the printed magnitude, each change annotated.

    Args:
        frame: a tidy frame of quantities (columns series, year, unit, base_value, base_unit).
        series: the series id to draw.
        ax: the Axes to draw on (a new figure when None).
        annotate: write the year-over-year change beside each point after the first.

    Returns:
        The Axes; its one line has the years as x-data and the values (in the printed
        magnitude) as y-data; a range is drawn at its midpoint.

    >>> import matplotlib; matplotlib.use("Agg")
    >>> import pandas as pd
    >>> f = pd.DataFrame({"series": ["jobs"] * 2, "year": [2014, 2015], "unit": ["万人"] * 2,
    ...                   "base_value": [13100000.0, 13220000.0], "base_unit": ["人"] * 2})
    >>> ax = trend_line(f, "jobs")
    >>> [float(y) for y in ax.lines[0].get_ydata()], ax.get_ylabel(), ax.texts[0].get_text()
    ([1310.0, 1322.0], '万人', '+12')
    """
    ax = _axes(ax)
    years, values, label = _series_values(frame, series)
    ax.plot(years, values, marker="o", color=_NEUTRAL, label=escape_mathtext(series))
    if annotate:
        rate = label in ("%", "‰")
        for (_y0, v0), (y1, v1) in zip(zip(years, values, strict=True), zip(years[1:], values[1:], strict=True),
                                       strict=False):
            d = v1 - v0
            text = f"{d:+.2g}pp" if rate else f"{'+' if d >= 0 else '−'}{_fmt(abs(d))}"
            ax.annotate(text, (y1, v1), textcoords="offset points", xytext=(0, 6), ha="center", fontsize=7,
                        color=_UP if d > 0 else _DOWN if d < 0 else _MUTED)
    ax.set_title(escape_mathtext(series), fontsize=9)
    ax.set_ylabel(escape_mathtext(label))
    ax.set_xticks(years)
    ax.tick_params(axis="x", labelrotation=45, labelsize=7)
    ax.margins(y=0.2)
    return ax


def small_multiples(frame: pd.DataFrame, series: Sequence[str], *, ncols: int = 3, fig: Any = None) -> list[Any]:
    """One small trend chart per series on a grid of one figure.

    Args:
        frame: as for :func:`trend_line`.
        series: the series ids, in reading order.
        ncols: charts per row.
        fig: the Figure to draw on (a new one when None).

    Returns:
        The Axes, one per series.

    >>> import matplotlib; matplotlib.use("Agg")
    >>> import pandas as pd
    >>> f = pd.DataFrame({"series": ["a", "a", "b", "b"], "year": [1, 2, 1, 2], "unit": ["%"] * 4,
    ...                   "base_value": [1.0, 2.0, 3.0, 2.0], "base_unit": ["%"] * 4})
    >>> [ax.get_title() for ax in small_multiples(f, ["a", "b"])]
    ['a', 'b']
    """
    ensure_fonts()
    if fig is None:
        from matplotlib.figure import Figure

        rows = max(1, math.ceil(len(series) / ncols))
        fig = Figure(figsize=(3.2 * min(ncols, max(1, len(series))), 2.4 * rows), layout="constrained")
    rows = max(1, math.ceil(len(series) / ncols))
    out = []
    for i, sid in enumerate(series):
        ax = fig.add_subplot(rows, min(ncols, max(1, len(series))), i + 1)
        out.append(trend_line(frame, sid, ax=ax))
    return out


def delta_bars(table: pd.DataFrame, *, column: str = "change", ax: Any = None) -> Any:
    """Diverging horizontal bars of each series' change over its last two years.

    Args:
        table: series × year table with a change column (index: series ids).
        column: ``change``, ``pct_change`` or ``pp_change``; series without a
            value in it are left out.
        ax: the Axes to draw on (a new figure when None).

    Returns:
        The Axes; one bar per series (rises green, falls red), its width the change,
        its tick label the series id.

    >>> import matplotlib; matplotlib.use("Agg")
    >>> import pandas as pd
    >>> t = pd.DataFrame({"change": [2.0, -1.0]}, index=pd.Index(["a", "b"], name="series"))
    >>> ax = delta_bars(t)
    >>> [float(p.get_width()) for p in ax.patches], [t.get_text() for t in ax.get_yticklabels()]
    ([2.0, -1.0], ['a', 'b'])
    """
    ax = _axes(ax)
    col = table[column].dropna()
    values = [float(v) for v in col.values]
    ax.barh(range(len(col)), values, color=[_UP if v > 0 else _DOWN if v < 0 else _MUTED for v in values])
    ax.set_yticks(range(len(col)))
    ax.set_yticklabels([escape_mathtext(str(s)) for s in col.index], fontsize=7)
    ax.invert_yaxis()
    ax.axvline(0, linewidth=0.8, color="#444")
    ax.set_xlabel({"change": "change", "pct_change": "% change", "pp_change": "percentage-point change"}.get(
        column, column))
    return ax


def target_outcome(table: pd.DataFrame, *, ax: Any = None) -> Any:
    """Each target beside the outcome reported a year later (dumbbells, met in green).

    Args:
        table: targets linked to outcomes, columns target_year, target_label, target_value,
            target_unit, outcome_value, met (values in one unit, e.g. the rows with ``%``).
        ax: the Axes to draw on (a new figure when None).

    Returns:
        The Axes; per row a hollow target marker and a filled outcome marker; tick labels
        ``label (year)``.

    >>> import matplotlib; matplotlib.use("Agg")
    >>> import pandas as pd
    >>> t = pd.DataFrame({"target_year": [2018], "target_label": ["GDP增长"], "target_value": [6.5],
    ...                   "target_unit": ["%"], "outcome_value": [6.6], "met": [True]})
    >>> ax = target_outcome(t)
    >>> [t.get_text() for t in ax.get_yticklabels()], [c.get_offsets()[0].tolist() for c in ax.collections]
    (['GDP增长 (2018)'], [[6.5, 0.0], [6.6, 0.0]])
    """
    ax = _axes(ax)
    labels = [f"{r.target_label} ({r.target_year})" for r in table.itertuples()]
    ys = list(range(len(table)))
    tv = [float(v) for v in table["target_value"]]
    ov = [float(v) for v in table["outcome_value"]]
    colors = [_UP if m is True else _DOWN if m is False else _MUTED for m in table["met"]]
    for y, a, b, c in zip(ys, tv, ov, colors, strict=True):
        ax.plot([a, b], [y, y], color=c, linewidth=1.2)
    ax.scatter(tv, ys, facecolors="white", edgecolors=colors, zorder=3, label="target")
    ax.scatter(ov, ys, color=colors, zorder=3, label="outcome")
    ax.set_yticks(ys)
    ax.set_yticklabels([escape_mathtext(s) for s in labels], fontsize=7)
    ax.invert_yaxis()
    unit = str(table["target_unit"].iloc[0]) if len(table) else ""
    ax.set_xlabel(escape_mathtext(f"target ○ and outcome ● ({unit})"))
    return ax


def similarity_heatmap(matrix: pd.DataFrame, *, ax: Any = None, measure: str = "cosine") -> Any:
    """Section × year similarity to the year before, as a heatmap (darker: more text kept).

    Args:
        matrix: rows are sections (lineages), columns years, cells a similarity in [0, 1]
            (missing where the section is absent).
        ax: the Axes to draw on (a new figure when None).
        measure: the measure's name, for the colour bar.

    Returns:
        The Axes; its image holds the matrix values.

    >>> import matplotlib; matplotlib.use("Agg")
    >>> import pandas as pd
    >>> m = pd.DataFrame([[0.9, 0.5]], index=["一、工作回顾"], columns=[2018, 2019])
    >>> ax = similarity_heatmap(m)
    >>> ax.images[0].get_array().tolist(), [t.get_text() for t in ax.get_yticklabels()]
    ([[0.9, 0.5]], ['一、工作回顾'])
    """
    import numpy as np

    ax = _axes(ax)
    data = np.ma.masked_invalid(matrix.to_numpy(dtype=float))
    image = ax.imshow(data, aspect="auto", cmap="Blues", vmin=0.0, vmax=1.0, interpolation="nearest")
    ax.set_xticks(range(len(matrix.columns)))
    ax.set_xticklabels([str(c) for c in matrix.columns], rotation=45, fontsize=7)
    ax.set_yticks(range(len(matrix.index)))
    ax.set_yticklabels([escape_mathtext(str(i)) for i in matrix.index], fontsize=7)
    ax.figure.colorbar(image, ax=ax, label=f"{measure} similarity to the year before", shrink=0.8)
    return ax


def change_volume(table: pd.DataFrame, *, ax: Any = None) -> Any:
    """Per section, the share of its text kept, deleted and inserted (stacked bars).

    Args:
        table: one row per section pair (index: a label), columns ``unchanged``,
            ``deleted``, ``inserted`` (characters).
        ax: the Axes to draw on (a new figure when None).

    Returns:
        The Axes; three bar containers (unchanged, deleted, inserted) of shares summing to 1.

    >>> import matplotlib; matplotlib.use("Agg")
    >>> import pandas as pd
    >>> t = pd.DataFrame({"unchanged": [50], "deleted": [25], "inserted": [25]}, index=["一"])
    >>> [round(float(p.get_width()), 2) for p in change_volume(t).patches]
    [0.5, 0.25, 0.25]
    """
    ax = _axes(ax)
    total = (table["unchanged"] + table["deleted"] + table["inserted"]).clip(lower=1)
    left = [0.0] * len(table)
    ys = list(range(len(table)))
    for column, color in (("unchanged", "#cfd8dc"), ("deleted", _DOWN), ("inserted", _UP)):
        share = [float(v) for v in (table[column] / total)]
        ax.barh(ys, share, left=left, color=color, label=column)
        left = [a + b for a, b in zip(left, share, strict=True)]
    ax.set_yticks(ys)
    ax.set_yticklabels([escape_mathtext(str(i)) for i in table.index], fontsize=7)
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel("share of the section's text")
    ax.legend(fontsize=7, loc="lower right", ncols=3)
    return ax
