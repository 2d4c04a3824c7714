"""Behaviour of reportdiff.plot: the data drawn, with the Agg backend."""

from __future__ import annotations

from types import ModuleType

import pytest

from reportdiff._indicators import extract
from reportdiff.plot import delta_bars, trend_line
from reportdiff.tables.trends import tidy_frame, wide_table


@pytest.fixture(autouse=True)
def plt() -> ModuleType:
    """pyplot on the Agg backend, imported when a test here runs (collecting this module in a
    process that runs none of its tests imports no matplotlib)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot

    return matplotlib.pyplot


def frame():  # type: ignore[no-untyped-def]
    return tidy_frame(
        extract("城镇新增就业1310万人，城镇登记失业率4.1%。", year=2014)
        + extract("城镇新增就业1322万人，城镇登记失业率4.05%。", year=2015)
    )


def test_trend_line_draws_years_and_normalised_values_on_the_given_axes(plt: ModuleType) -> None:
    fig, ax = plt.subplots()
    out = trend_line(frame(), "城镇新增就业", ax=ax)
    line = out.lines[0]
    assert out is ax
    # in the magnitude the report printed (万人), never in base units
    assert ([2014, 2015], [1310.0, 1322.0]) == (list(line.get_xdata()), list(line.get_ydata()))
    assert "万人" == out.get_ylabel()
    assert ["+12"] == [t.get_text() for t in out.texts]
    plt.close(fig)


def test_delta_bars_heights_and_tick_labels_are_the_changes_by_series(plt: ModuleType) -> None:
    ax = delta_bars(wide_table(frame()))
    heights = [round(p.get_width(), 6) for p in ax.patches]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert ([120000.0, -0.05], ["城镇新增就业", "城镇登记失业率"]) == (heights, labels)
    plt.close(ax.figure)


GLYPH_SCRIPT = r"""
import warnings, matplotlib
matplotlib.use("Agg")
warnings.simplefilter("error")  # a "Glyph ... missing" warning fails the run
import pandas as pd
from matplotlib import font_manager
# as on a machine with no CJK font: forget every installed font that has CJK glyphs
font_manager.fontManager.ttflist = [
    f for f in font_manager.fontManager.ttflist
    if not any(k in f.name for k in ("CJK", "SC", "TC", "Hei", "Han", "Ming", "Song", "Kai", "Gothic", "Mincho"))]
from reportdiff.plot import png, trend_line, delta_bars, ensure_fonts
f = pd.DataFrame({"series": ["國內生產總值·萬億"] * 2, "year": [2018, 2019], "unit": ["万亿元"] * 2,
                  "base_value": [9.0e13, 9.9e13], "base_unit": ["元"] * 2})
t = pd.DataFrame({"change": [2.0, -1.0]}, index=pd.Index(["城镇新增就业", "施政報告 $5 billion"], name="series"))
assert png(lambda ax: trend_line(f, "國內生產總值·萬億", ax=ax))[1:4] == b"PNG"
assert png(lambda ax: delta_bars(t, ax=ax))[1:4] == b"PNG"
import matplotlib.pyplot as plt
fig, ax = plt.subplots()
trend_line(f, "國內生產總值·萬億", ax=ax)  # a notebook chart, drawn outside png()
fig.canvas.draw()
used = font_manager.findfont(font_manager.FontProperties(family=ensure_fonts()))
print(used)
"""


def test_charts_draw_chinese_glyphs_without_a_system_font_or_cache(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A fresh MPLCONFIGDIR (no font cache) and no system CJK font: no glyph goes missing."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "MPLCONFIGDIR": str(tmp_path), "PYTHONWARNINGS": "error::UserWarning"}
    run = subprocess.run([sys.executable, "-c", GLYPH_SCRIPT], env=env, capture_output=True, text=True, timeout=300)
    assert 0 == run.returncode, run.stderr[-2000:]
    assert run.stdout.strip().endswith((".otf", ".ttf", ".ttc"))
    assert "DejaVu" not in run.stdout


def test_mathtext_in_report_text_is_drawn_literally() -> None:
    import pandas as pd

    from reportdiff.plot import escape_mathtext, png

    t = pd.DataFrame({"change": [1.0]}, index=pd.Index(["$5 billion to $7 billion $\\frac{"], name="series"))
    assert png(lambda ax: delta_bars(t, ax=ax))[1:4] == b"PNG"  # unescaped, mathtext would raise
    assert "a \\$ b" == escape_mathtext("a $ b")


def test_png_is_the_figure_size_at_its_dpi_with_a_palette_and_leaves_the_callers_settings() -> None:
    """The chart lays itself out inside its size (no cropping to a tight box), and the
    unhinted text it draws with does not leak into the caller's matplotlib settings."""
    import io

    import matplotlib
    from PIL import Image

    from reportdiff.plot import png

    before = matplotlib.rcParams["text.hinting"]
    data = png(lambda ax: delta_bars(wide_table(frame()), ax=ax), size=(4, 2), dpi=50)
    with Image.open(io.BytesIO(data)) as im:
        assert ((200, 100), "P") == (im.size, im.mode)
    assert before == matplotlib.rcParams["text.hinting"]


def test_png_layout_keeps_every_label_inside_the_figure() -> None:
    """The margins png sets (measured from the strings before drawing) hold the long
    Chinese tick labels, the rotated year labels, the axis labels, the title and a
    colour bar's ticks and label: what the figure draws lies inside it, and reaches
    close to its edges."""
    import pandas as pd
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from reportdiff.plot import _fit, ensure_fonts, similarity_heatmap

    ensure_fonts()
    labels = ["（一）加强和改善宏观调控，遏制物价过快上涨", "二、短", "三、Economic and social development"]
    matrix = pd.DataFrame([[0.9, 0.5, 0.7], [0.2, 0.4, 0.6], [1.0, 0.1, 0.3]], index=labels,
                          columns=[2017, 2018, 2019])
    cases = [
        (lambda ax: trend_line(frame(), "城镇新增就业", ax=ax), (3.6, 2.4)),
        (lambda ax: delta_bars(wide_table(frame()), ax=ax), (4, 2)),
        (lambda ax: similarity_heatmap(matrix, ax=ax), (6, 3)),
    ]
    for draw, size in cases:
        fig = Figure(figsize=size, dpi=90)
        canvas = FigureCanvasAgg(fig)
        ax = fig.add_subplot()
        draw(ax)
        _fit(fig, canvas.get_renderer())
        canvas.draw()
        drawn = fig.get_tightbbox(canvas.get_renderer())  # inches
        slack = 1.5 / 90  # a pixel and a half: antialiasing and rounding
        assert (drawn.x0 >= -slack, drawn.y0 >= -slack) == (True, True)
        assert (drawn.x1 <= size[0] + slack, drawn.y1 <= size[1] + slack) == (True, True)
        # and no margin is wasted: the drawing reaches within a few points of each edge (but the
        # right one of a colour bar, which keeps its aspect and so may end short of the figure)
        right = size[0] - drawn.x1 if len(fig.axes) == 1 else 0.0
        assert max(drawn.x0, drawn.y0, right, size[1] - drawn.y1) < 0.2


def test_tabs_and_line_breaks_in_report_text_draw_as_spaces() -> None:
    """A heading holding a tab (``1.\\t现在``) or a line break draws without a missing-glyph warning."""
    import warnings

    import pandas as pd

    from reportdiff.plot import png

    t = pd.DataFrame({"change": [1.0, -2.0]}, index=pd.Index(["1.\t现在", "甲、引言\r\n乙"], name="series"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert png(lambda ax: delta_bars(t, ax=ax))[1:4] == b"PNG"


def test_png_bytes_do_not_depend_on_the_charts_drawn_before_it() -> None:
    """A chart drawn after others of the same size (which reuse one renderer and its
    measured text) or of another size is byte for byte the chart drawn first in a fresh
    thread (whose renderer is new)."""
    import threading

    import pandas as pd

    from reportdiff.plot import png

    def draw_a(ax):  # type: ignore[no-untyped-def]
        return trend_line(frame(), "城镇新增就业", ax=ax)

    def draw_b(ax):  # type: ignore[no-untyped-def]
        t = pd.DataFrame({"change": [2.0, -1.0, 0.5]}, index=pd.Index(["甲乙", "2014", "GDP"], name="series"))
        return delta_bars(t, ax=ax)

    fresh: list[bytes] = []
    worker = threading.Thread(target=lambda: fresh.append(png(draw_a, size=(3.6, 2.4))))
    worker.start()
    worker.join()
    drawn = [png(d, size=s) for d, s in
             [(draw_a, (3.6, 2.4)), (draw_b, (3.6, 2.4)), (draw_a, (3.6, 2.4)), (draw_b, (5, 3)), (draw_a, (3.6, 2.4))]]
    assert [fresh[0]] * 3 == [drawn[0], drawn[2], drawn[4]]
    assert drawn[1] != drawn[0]
