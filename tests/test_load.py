"""Loading: decoding, cleaning with provenance, chrome and footers, years, errors."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import BERKSHIRE, GOV, GOV_YEARS, XISHAN, fixture_report

from reportdiff._compare import read_report, read_reports
from reportdiff._load import clean_text, decode, detect_year, load, load_text
from reportdiff.errors import (
    DecodeError,
    EmptyInputError,
    InputError,
    ReportDiffError,
    YearError,
)

ALL_FIXTURES = [*sorted(GOV.glob("*.txt")), XISHAN, *sorted(BERKSHIRE.glob("*.txt"))]


def _substitution_ok(clean_ch: str, raw_ch: str) -> bool:
    # Cleaning only deletes characters, except line joins in English (newline → space)
    # and line-end normalisation.
    return clean_ch == raw_ch or (clean_ch == " " and raw_ch == "\n") or (clean_ch == "\n" and raw_ch == "\r")


@pytest.mark.parametrize("path", ALL_FIXTURES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_cleaned_character_maps_back_to_its_raw_character(path: Path) -> None:
    doc = load(path)
    bad = [i for i, ch in enumerate(doc.text) if not _substitution_ok(ch, doc.raw_text[doc.offsets.to_raw(i)])]
    assert [] == bad[:5]
    # offsets are monotonic
    raws = [doc.offsets.to_raw(i) for i in range(0, len(doc.text), 97)]
    assert raws == sorted(raws)


def test_2017_numbers_split_from_units_by_zero_width_lines_are_rejoined() -> None:
    text = load(GOV / "2017.txt").text
    assert "国内生产总值达到74.4万亿元" in text
    assert "光缆线路550多万公里" in text
    assert "\u200b" not in text
    assert "“十三五”实现了良好开局" in text  # link line breaks joined


def test_subscripts_split_across_lines_are_rejoined() -> None:
    for year in (2014, 2015, 2017, 2019):
        text = load(GOV / f"{year}.txt").text
        assert "PM\n2.5" not in text
    assert "PM2.5" in load(GOV / "2014.txt").text


def test_raw_span_of_a_rejoined_quantity_covers_the_original_break() -> None:
    doc = load(GOV / "2017.txt")
    i = doc.text.index("74.4万亿元")
    from reportdiff.model import Span

    raw = doc.offsets.span_to_raw(Span(i, i + len("74.4万亿元")))
    assert "74.4\n\u200b\n万亿元" == raw.of(doc.raw_text)


@pytest.mark.parametrize("year", GOV_YEARS)
def test_wikisource_licence_footer_is_removed(year: int) -> None:
    doc = load(GOV / f"{year}.txt")
    assert "本作品是中华人民共和国的" not in doc.text
    assert "Public domain" not in doc.text
    assert any("footer" in w for w in doc.warnings)


def test_footer_words_early_in_a_long_text_are_not_cut() -> None:
    body = "正文。" * 3000
    doc = load_text(f"2020年报告\n\n本作品是中华人民共和国的法规。\n\n{body}\n", path="x.txt")
    assert body in doc.text


def test_district_report_web_chrome_is_removed_and_kept_as_metadata() -> None:
    doc = load(XISHAN)
    for chrome in ("当前位置", "浏览次数", "字号", "网站地图", "版权所有", "ICP", "公安备案", "网站标识码"):
        assert chrome not in doc.text, chrome
    assert "无锡市锡山区人民政府2022年法治政府建设工作报告" == doc.title
    assert "2023-02-08" == doc.meta["publish_date"]
    assert 2022 == doc.year


def test_a_menu_line_and_bracketed_print_links_are_chrome_but_a_table_row_is_not() -> None:
    body = "一、总体情况\n\n全年地区生产总值增长3.5%，城镇新增就业5万人。"
    raw = f"首页 | 政务公开 | 政务服务 | 互动交流\n\n{body}\n\n项目 | 2020 | 2021\n\n【打印本页】【关闭窗口】\n"
    doc = load_text(raw, path="2021.txt")
    assert "首页" not in doc.text and "打印本页" not in doc.text
    assert body in doc.text and "项目 | 2020 | 2021" in doc.text  # figures between bars: a table row


def test_english_page_revision_dates_and_copyright_lines_are_chrome() -> None:
    body = "Economic Situation\n\nThe economy grew by 3 per cent, and unemployment fell to 4 per cent."
    raw = f"Last revision date: 24 February 2021\n\n{body}\n\n2021 © | Important notices | Privacy policy\n"
    doc = load_text(raw, path="2021.txt")
    assert "revision" not in doc.text and "©" not in doc.text and body in doc.text


def test_title_date_and_speaker_block_becomes_metadata() -> None:
    doc = load(GOV / "2017.txt")
    assert "政府工作报告" == doc.title
    assert "2017-03-05" == doc.meta["date"]
    assert "李克强" in doc.meta["speaker"]
    assert doc.text.index("各位代表") >= int(doc.meta["body_start"])


def test_gb18030_copy_loads_to_the_same_tree_as_utf8(tmp_path: Path) -> None:
    src = load(XISHAN)
    copy = tmp_path / "2022.txt"
    copy.write_bytes(XISHAN.read_text(encoding="utf-8").encode("gb18030"))
    gb = read_report(copy)
    utf = fixture_report(XISHAN)
    assert "gb18030" == gb.document.encoding
    assert src.text == gb.text
    assert [(s.level, s.path, s.heading) for s in utf.sections()] == [(s.level, s.path, s.heading) for s in gb.sections()]


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("\ufeff2019年报告\n一、总体\n".encode(), "utf-8-sig"),
        ("2019年报告\n一、总体\n".encode("utf-16"), "utf-16"),
        ("2019年报告\n一、总体\n".encode("utf-16-le"), "utf-16-le"),
        ("2019年报告\n一、总体\n".encode("gbk"), "gb18030"),
        (b"2019 annual letter\n", "utf-8"),
    ],
)
def test_encodings_are_detected_and_recorded(data: bytes, encoding: str) -> None:
    text, enc = decode(data)
    assert encoding == enc
    assert "2019" in text


@pytest.mark.parametrize("eol", ["\r\n", "\r"])
def test_crlf_and_cr_line_ends_give_the_same_text_as_lf(eol: str) -> None:
    raw = "2020年报告\n\n一、回顾\n\n（一）稳增长。正文。\n"
    a = load_text(raw, path="a.txt").text
    b = load_text(raw.replace("\n", eol), path="b.txt").text
    assert a == b


def test_html_page_gives_the_same_sections_as_its_text(tmp_path: Path) -> None:
    text = load(XISHAN).text
    paras = [p for p in text.split("\n") if p.strip()]
    body = "\n".join(f"<p>{p.strip().replace('&', '&amp;')}</p>" for p in paras)
    page = f"""<!DOCTYPE html><html><head><title>t</title><script>var x = "一、假标题";</script>
<style>p {{ color: red }}</style></head><body>
<div class="nav"><a href="/">首页</a> | <a>专题专栏</a></div>
<div class="breadcrumb">当前位置：首页/专题专栏</div>
<div class="share">分享到：微信 微博</div>
<div id="content">{body}</div>
<div class="footer">网站地图|联系我们<br>无锡市司法局版权所有</div>
</body></html>"""
    f = tmp_path / "2022.html"
    f.write_text(page, encoding="utf-8")
    html_report = read_report(f)
    text_report = fixture_report(XISHAN)
    assert "html" == html_report.document.fmt
    for chrome in ("首页", "分享到", "网站地图", "假标题", "color"):
        assert chrome not in html_report.text
    assert [(s.level, s.heading) for s in text_report.sections()] == [(s.level, s.heading) for s in html_report.sections()]


def test_html_offsets_point_at_the_raw_page() -> None:
    raw = "<html><body><p>2020年报告</p><p>国内生产总值增长6.1%。</p></body></html>"
    doc = load_text(raw, path="x.html")
    i = doc.text.index("6.1%")
    assert "6.1%" == doc.raw_text[doc.offsets.to_raw(i) : doc.offsets.to_raw(i) + 4]


def test_malformed_html_still_gives_its_text() -> None:
    doc = load_text("<html><body><div><p>2021年报告<p>一、回顾</div></span><p>正文。", path="x.html")
    assert "一、回顾" in doc.text and "正文。" in doc.text


@pytest.mark.parametrize(
    ("path", "title", "year"),
    [("2019.txt", "", 2019), ("reports/report_2019.html", "", 2019), ("a.txt", "2022年法治政府建设工作报告", 2022)],
)
def test_year_comes_from_file_name_or_title(path: str, title: str, year: int) -> None:
    assert year == detect_year(path, title)


def test_explicit_year_wins() -> None:
    assert 2001 == load(GOV / "2010.txt", year=2001).year


def test_no_year_is_a_clear_error_naming_the_file_and_the_fix() -> None:
    with pytest.raises(YearError) as e:
        load_text("一份报告\n\n正文。", path="notes.txt")
    msg = str(e.value)
    assert "notes.txt" in msg and "--year" in msg and "\n" not in msg


def test_two_files_with_the_same_year_are_an_error(tmp_path: Path) -> None:
    a = tmp_path / "a_2019.txt"
    b = tmp_path / "b_2019.txt"
    a.write_text("2019年报告\n\n正文。", encoding="utf-8")
    b.write_text("2019年报告\n\n正文。", encoding="utf-8")
    with pytest.raises(YearError, match="both give the year 2019"):
        read_reports([a, b])


def test_reports_are_sorted_by_year() -> None:
    reports = read_reports([GOV / "2012.txt", GOV / "2010.txt", GOV / "2011.txt"])
    assert [2010, 2011, 2012] == [r.year for r in reports]


def test_missing_file_error() -> None:
    with pytest.raises(InputError, match=r"nope_2019\.txt: no such file"):
        load("nope_2019.txt")


def test_empty_file_error(tmp_path: Path) -> None:
    f = tmp_path / "2019.txt"
    f.write_bytes(b"")
    with pytest.raises(EmptyInputError, match=r"2019\.txt: the file is empty"):
        load(f)
    f.write_text("  \n\u3000\n", encoding="utf-8")
    with pytest.raises(EmptyInputError):
        load(f)


def test_binary_file_error(tmp_path: Path) -> None:
    f = tmp_path / "2019.txt"
    f.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    with pytest.raises(InputError, match="binary"):
        load(f)


def test_undecodable_bytes_are_an_error_naming_the_file(tmp_path: Path) -> None:
    f = tmp_path / "2019.txt"
    f.write_bytes(bytes([0xFF, 0xFE, 0xFD]) * 50 + b"\x81")
    with pytest.raises(ReportDiffError, match=r"2019\.txt"):
        load(f)


def test_decode_error_is_a_unicode_error() -> None:
    assert issubclass(DecodeError, UnicodeError)


def test_too_large_file_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "2019.txt"
    f.write_text("正文。" * 1000, encoding="utf-8")
    with pytest.raises(InputError, match="larger than"):
        load(f, max_bytes=100)


def test_folder_is_refused() -> None:
    with pytest.raises(InputError, match="folder"):
        load(GOV)


def test_clean_text_offsets_for_deleted_zero_width_characters() -> None:
    text, offsets, _, _ = clean_text("甲\u200b乙\n\u200b\n丙。")
    assert "甲乙丙。" == text
    assert [0, 2, 6, 7] == [offsets.to_raw(i) for i in range(4)]


def test_english_hard_wraps_are_joined_and_hyphenation_undone() -> None:
    raw = (
        "2012 annual letter\n\n"
        "     Our insurance operations had an excellent year, and the float that they gener-\n"
        "ated rose again to a record level of about seventy billion dollars in total.\n"
    )
    text = load_text(raw, path="x.txt").text
    assert "float that they generated rose again" in text


def test_english_table_rows_stay_on_their_own_lines() -> None:
    doc = load(BERKSHIRE / "2014.txt")
    assert re.search(r"\n1965 +23\.8 +49\.5 +10\.0\n", doc.text)


def _write_docx(path: Path, paragraphs: list[str]) -> None:
    import zipfile
    from xml.sax.saxutils import escape

    body = "".join(f'<w:p><w:r><w:t xml:space="preserve">{escape(p)}</w:t></w:r></w:p>' for p in paragraphs)
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           f"<w:body>{body}</w:body></w:document>")
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", doc)


def test_docx_report_gives_the_same_sections_as_its_text(tmp_path: Path) -> None:
    text_report = fixture_report(XISHAN)
    paras = [p.strip() for p in text_report.text.split("\n") if p.strip()]
    f = tmp_path / "2022.docx"
    _write_docx(f, paras)
    docx_report = read_report(f)
    assert [(s.level, s.heading) for s in text_report.sections()] == [(s.level, s.heading) for s in docx_report.sections()]


def test_broken_docx_is_a_clear_error(tmp_path: Path) -> None:
    f = tmp_path / "2022.docx"
    f.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(InputError, match=r"2022\.docx: not a readable \.docx"):
        load(f)
