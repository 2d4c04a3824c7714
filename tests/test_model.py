"""Records print as a line or a small table: ``repr`` and notebook ``_repr_html_``."""

from __future__ import annotations

import attrs

import reportdiff
from reportdiff.model import Language


def test_report_section_and_document_reprs_are_one_short_line(gov_reports) -> None:  # type: ignore[no-untyped-def]
    report = gov_reports[-1]
    for obj in (report, report.document, report.root, next(report.sections())):
        text = repr(obj)
        assert "\n" not in text
        assert len(text) < 200
    assert repr(report).startswith("Report(2019, ")
    assert f"{sum(1 for _ in report.sections())} sections" in repr(report)


def test_comparison_repr_stays_short_and_counts_what_it_holds(gov_comparison) -> None:  # type: ignore[no-untyped-def]
    c = gov_comparison
    text = repr(c)
    assert len(text) < 2000
    assert text.startswith("Comparison(3 reports 2017–2019, 2 document diffs, ")
    assert f"{len(c.quantities)} quantities" in text
    assert f"{len(c.alignment.pairs)} pairs" in repr(c.alignment)
    assert sum(c.alignment.counts().values()) == len(c.alignment.pairs)


def test_notebook_tables_escape_report_text(gov_reports, gov_comparison) -> None:  # type: ignore[no-untyped-def]
    report = gov_reports[0]
    hostile = attrs.evolve(report.document, title="<script>alert(1)</script>")
    page = attrs.evolve(report, document=hostile)._repr_html_()
    assert "<script>" not in page
    assert "&lt;script&gt;" in page
    assert page.count("<tr>") == 1 + sum(1 for _ in report.sections())
    c = gov_comparison
    assert c._repr_html_().count("<tr>") == 1 + len(c.documents)
    assert c.alignment._repr_html_().count("<tr>") == 1 + len(c.alignment.pairs)


def test_text_diff_repr_names_the_years_and_counts() -> None:
    d = reportdiff.diff_texts("今年增长6%。", "今年增长7%。")
    assert "\n" not in repr(d)
    assert "changes" in repr(d)
    assert "<" in d._repr_html_()  # drawn by reportdiff.render, registered on import


def test_language_is_an_enum_that_reads_as_its_code(gov_reports) -> None:  # type: ignore[no-untyped-def]
    doc = gov_reports[0].document
    assert Language.ZH is doc.language
    assert "zh" == doc.language
    assert "zh" == f"{doc.language}"
    assert Language.EN is attrs.evolve(doc, language="en").language


def test_version_is_the_installed_metadata() -> None:
    from importlib.metadata import version

    assert version("reportdiff") == reportdiff.__version__
