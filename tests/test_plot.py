"""Behaviour of reportdiff.plot: the data drawn, with the Agg backend."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt

from reportdiff._indicators import extract
from reportdiff.plot import delta_bars, trend_line
from reportdiff.tables.trends import tidy_frame, wide_table


def frame():  # type: ignore[no-untyped-def]
    return tidy_frame(
        extract("城镇新增就业1310万人，城镇登记失业率4.1%。", year=2014)
        + extract("城镇新增就业1322万人，城镇登记失业率4.05%。", year=2015)
    )


def test_trend_line_draws_years_and_normalised_values_on_the_given_axes() -> None:
    fig, ax = plt.subplots()
    out = trend_line(frame(), "城镇新增就业", ax=ax)
    line = out.lines[0]
    assert out is ax
    assert ([2014, 2015], [13100000.0, 13220000.0]) == (list(line.get_xdata()), list(line.get_ydata()))
    plt.close(fig)


def test_delta_bars_heights_and_tick_labels_are_the_changes_by_series() -> None:
    ax = delta_bars(wide_table(frame()))
    heights = [round(p.get_height(), 6) for p in ax.patches]
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert ([120000.0, -0.05], ["城镇新增就业", "城镇登记失业率"]) == (heights, labels)
    plt.close(ax.figure)
