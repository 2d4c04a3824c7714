"""The whole comparison: compare() and the self-contained HTML report."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import GOV, write_years

from reportdiff._compare import compare, read_reports
from reportdiff.cli import main
from reportdiff.errors import ParseError
from reportdiff.model import Relation
from reportdiff.report_html import to_html
from reportdiff.tables.report import build, similarity_matrix

EVIL = '<script>alert(1)</script>"><img src=x onerror=alert(2)>'


def _series(tmp_path: Path) -> list[Path]:
    return write_years(tmp_path, {
        2020: "2020年工作报告\n\n一、工作回顾\n\n（一）稳增长。国内生产总值增长6%。城镇新增就业1100万人。\n\n"
              f"（二）惠民生。{EVIL}居民收入增长5%。\n",
        2021: "2021年工作报告\n\n一、工作回顾\n\n（一）稳增长。国内生产总值增长8%。城镇新增就业1200万人。\n\n"
              f"（二）惠民生。{EVIL}居民收入增长7%。\n",
    })


def test_compare_aligns_diffs_and_extracts(tmp_path: Path) -> None:
    c = compare(read_reports(_series(tmp_path)))
    assert [2020, 2021] == [r.year for r in c.reports]
    assert 1 == len(c.documents)
    assert not c.documents[0].identical
    headings = {(p.a.heading, p.b.heading) for p in c.alignment.pairs if p.a and p.b}
    assert ("（一）稳增长。", "（一）稳增长。") in headings
    assert all(p.relation is not Relation.ADDED for p in c.alignment.pairs if p.b and p.b.heading == "（一）稳增长。")
    changed = {e.text for _, d in c.sections for e in d.edits if e.op.value == "insert"}
    assert "1200万人" in changed
    assert {2020, 2021} == {q.year for q in c.quantities}


def test_compare_needs_two_reports() -> None:
    with pytest.raises(ParseError, match="at least two years"):
        compare(read_reports([GOV / "2019.txt"]))


@pytest.mark.parametrize("charts", [False, True])
def test_html_report_escapes_report_text(tmp_path: Path, charts: bool) -> None:
    page = to_html(build(compare(read_reports(_series(tmp_path))), charts=charts))
    assert 1 == page.count("<script>")  # the page's own, at the end; none from report text
    assert page.index("<script>") > page.index("</main>")
    assert "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert page.startswith("<!DOCTYPE html>")
    assert not re.search(r"""(src|href)=['"]https?://""", page)  # self-contained
    if charts:
        assert "data:image/png;base64," in page


def test_report_command_writes_one_html_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "new-folder" / "r.html"
    code = main(["report", *map(str, _series(tmp_path)), "-o", str(out), "--no-charts"])
    assert 0 == code
    captured = capsys.readouterr()
    assert "" == captured.out  # status goes to standard error, never into piped output
    assert "wrote" in captured.err
    page = out.read_text(encoding="utf-8")
    assert "2020 → 2021" in page and "（一）稳增长。" in page


@pytest.mark.parametrize("measure", ["cosine", "jaccard", "edit", "simple"])
def test_similarity_matrix_is_that_of_the_whole_section_diffs(gov_comparison, measure: str) -> None:  # type: ignore[no-untyped-def]
    _check_similarity_matrix(gov_comparison, measure)


def test_similarity_matrix_refuses_an_unknown_measure(gov_comparison) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match="measure"):
        similarity_matrix(gov_comparison, measure="dice")


def _check_similarity_matrix(c, measure: str) -> None:  # type: ignore[no-untyped-def]
    import math

    matrix = similarity_matrix(c, measure=measure)
    by_b = {(p.b.year, p.b.path): getattr(d.stats.similarity, measure) for p, d in c.sections if p.b is not None}
    expected = []
    for lin in c.alignment.lineages:
        cells = [by_b.get((m.year, m.path), math.nan) for m in lin.members if m.year in matrix.columns]
        if any(not math.isnan(v) for v in cells):
            expected.append(sorted(v for v in cells if not math.isnan(v)))
    actual = [sorted(v for v in row if not math.isnan(v)) for row in matrix.to_numpy().tolist()]
    assert expected == actual


def test_the_change_of_a_series_that_switches_units_of_mass_is_in_one_unit() -> None:
    from reportdiff._load import load_text
    from reportdiff._parse import parse
    from reportdiff.tables.report import build

    rs = [parse(load_text(f"{y}年工作报告\n\n一、回顾\n\n过去一年，粮食产量{v}。其他工作取得新进展，经济社会发展稳中有进。\n",
                          path=f"{y}.txt")) for y, v in ((2011, "5.31亿吨"), (2012, "11400亿斤"))]
    # 5.31亿吨 is 10620亿斤: the change is +780亿斤, not 11400亿 minus 5.31亿
    assert [("粮食产量", "+780亿斤 (+7.3%)")] == [(r.series, r.change) for r in build(compare(rs)).indicators]
