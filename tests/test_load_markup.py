"""Markup is structure (reportdiff._load.html and the Markdown reader): headings marked by
the source become Document.markup_headings, spans valid in the cleaned text; cut-off
HTML loses the cut piece, never leaks it as report text."""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportdiff._load import load, load_text
from reportdiff.model import Format


def _headings(doc_text: str, doc: object) -> list[tuple[str, int]]:
    return [(h.span.of(doc_text), h.level) for h in doc.markup_headings]  # type: ignore[attr-defined]


def test_html_h1_to_h6_become_markup_headings() -> None:
    page = ("<html><body><nav>首页</nav><h1>2020年工作报告</h1><p>各位代表：</p>"
            "<h2>一、回顾</h2><p>正文。</p><h3 class='x'>（一）稳增长</h3><p>正文。</p>"
            "<div class='footer'><h2>网站地图</h2></div><h6>附注</h6></body></html>")
    doc = load_text(page, path="2020.html")
    assert Format.HTML == doc.fmt and "html" == doc.fmt
    assert [("2020年工作报告", 1), ("一、回顾", 2), ("（一）稳增长", 3), ("附注", 6)] == _headings(doc.text, doc)


def test_html_heading_spans_stay_valid_through_cleaning() -> None:
    page = ("<p>当前位置：首页 > 政务公开</p><h1>2020年报告</h1><p>第一段\n文字。</p>"
            "<h2>\u200b一、回顾\u200b</h2><p>正文\n\u200b\n继续。</p><h2>二、计划</h2><p>结束。</p>")
    doc = load_text(page, path="2020.html")
    assert [("2020年报告", 1), ("一、回顾", 2), ("二、计划", 2)] == _headings(doc.text, doc)
    for h in doc.markup_headings:
        raw = doc.offsets.span_to_raw(h.span).of(doc.raw_text)
        assert h.span.of(doc.text) == raw.replace("\u200b", "")


def test_markdown_headings_keep_their_markers_in_the_text_and_the_span(tmp_path: Path) -> None:
    f = tmp_path / "2020.md"
    f.write_text("# 2020年工作报告\n\n## 一、回顾\n正文第一句，\n继续。\n\n### （一）稳增长\n\n正文。\n\n```\n# 不是标题\n```\n",
                 encoding="utf-8")
    doc = load(f)
    assert Format.MARKDOWN == doc.fmt
    assert [("# 2020年工作报告", 1), ("## 一、回顾", 2), ("### （一）稳增长", 3)] == _headings(doc.text, doc)
    assert "## 一、回顾\n正文第一句，继续。" in doc.text  # the heading line is not glued to its paragraph


def test_a_text_file_with_markdown_headings_is_read_as_markdown() -> None:
    doc = load_text("## 一、回顾\n\n正文。\n\n## 二、计划\n\n正文。\n", path="2020.txt")
    assert Format.MARKDOWN == doc.fmt
    assert [("## 一、回顾", 2), ("## 二、计划", 2)] == _headings(doc.text, doc)


def test_underlined_headings_of_a_text_file_are_read_as_markdown_levels() -> None:
    text = ("Harbour Review 2031\n===================\n\nAn opening paragraph about the year.\n\n"
            "Ferries\n-------\n\nThree new boats entered service.\n\n"
            "Buses\n-----\n\nTwo routes closed in the spring.\n")
    doc = load_text(text, path="2031.txt")
    assert Format.MARKDOWN == doc.fmt
    assert [("Harbour Review 2031", 1), ("Ferries", 2), ("Buses", 2)] == _headings(doc.text, doc)
    from reportdiff._parse import parse

    r = parse(doc)
    assert "Harbour Review 2031" == r.title
    assert [(1, "Ferries"), (1, "Buses")] == [(s.level, s.heading) for s in r.sections() if s.heading]
    assert not any(s.body.lstrip().startswith("=") for s in r.sections())  # the title's underline is the title's


def test_a_rule_under_a_sentence_or_one_underlined_line_does_not_make_a_text_markdown() -> None:
    one = "2031年工作报告\n\n一、回顾\n\n正文。\n\n附件\n----\n\n二、计划\n\n正文。\n"
    assert Format.TEXT == load_text(one, path="2031.txt").fmt
    from reportdiff._parse import parse

    assert ["一、回顾", "二、计划"] == [s.heading for s in parse(load_text(one, path="2031.txt")).sections()
                                    if s.heading and s.level == 1]
    rules = "Opening words here.\n-----------------\n\nMore words follow here.\n------------------\n"
    assert Format.TEXT == load_text(rules, path="2031.txt").fmt


def test_plain_text_has_no_markup_headings() -> None:
    doc = load_text("2020年报告\n\n一、回顾\n\n正文。\n", path="2020.txt")
    assert Format.TEXT == doc.fmt and () == doc.markup_headings


@pytest.mark.parametrize("tail", ["<b cla", "<b class='x", "</di", "<!-- 注释里的草稿文字", "<!DOCTYPE"])
def test_html_cut_off_inside_a_tag_or_comment_drops_the_cut_piece(tail: str) -> None:
    doc = load_text(f"<html><body><p>2020年报告</p><p>正文。</p>{tail}", path="2020.html")
    assert "正文。" in doc.text
    assert tail.lstrip("<!/") not in doc.text and "cla" not in doc.text and "草稿" not in doc.text
    assert any("ends inside" in w for w in doc.warnings)


def test_an_unclosed_comment_hides_the_rest_of_the_page_as_a_browser_would() -> None:
    doc = load_text("<p>2020年报告</p><p>正文。</p><!-- 旧稿：<p>删掉的段落。</p>", path="2020.html")
    assert "删掉的段落" not in doc.text and "旧稿" not in doc.text
    assert any("ends inside a comment" in w for w in doc.warnings)


def test_a_closed_comment_and_a_less_than_sign_in_text_are_unaffected() -> None:
    doc = load_text("<p>2020年报告</p><!-- x --><p>增速 < 5% 与 a&lt;b 的比较。</p><p>结尾 <</p>", path="2020.html")
    assert "增速 < 5% 与 a<b 的比较。" in doc.text and "结尾 <" in doc.text
    assert not any("ends inside" in w for w in doc.warnings)


_WORD = st.text(alphabet="政府工作报告经济发展改革开放民生", min_size=2, max_size=8)
_NOISE = st.sampled_from(["", "\u200b", "\u00ad"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 6), _WORD, st.lists(_WORD, min_size=1, max_size=3), _NOISE), min_size=1, max_size=8),
       st.booleans())
def test_generated_markup_headings_are_found_with_spans_into_the_cleaned_text(
    blocks: list[tuple[int, str, list[str], str]], as_html: bool
) -> None:
    if as_html:
        body = "".join(f"<h{lv}>{z}{html.escape(h)}{z}</h{lv}>\n<p>{'，'.join(ps)}。</p>\n" for lv, h, ps, z in blocks)
        doc = load_text(f"<html><body>{body}</body></html>", path="2020.html")
        expected = [(h, lv) for lv, h, _, _ in blocks]
    else:
        body = "".join(f"{'#' * lv} {z}{h}{z}\r\n\r\n{'，'.join(ps)}。\n\n" for lv, h, ps, z in blocks)
        doc = load_text(body, path="2020.md")
        expected = [(f"{'#' * lv} {h}", lv) for lv, h, _, _ in blocks]
    assert expected == _headings(doc.text, doc)
    spans = [h.span for h in doc.markup_headings]
    assert spans == sorted(spans)
    for h in doc.markup_headings:
        assert 0 <= h.span.start < h.span.end <= len(doc.text)
        first = doc.offsets.to_raw(h.span.start)
        assert doc.text[h.span.start] == doc.raw_text[first]
