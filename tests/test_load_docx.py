"""Word documents (reportdiff._load.docx): bounded reading (zip bombs, corrupt streams,
unsupported methods, encryption) and heading styles as markup headings."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from reportdiff._load import load
from reportdiff.errors import InputError

_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _para(text: str, style: str = "", outline: int | None = None) -> str:
    ppr = ""
    if style or outline is not None:
        ppr = "<w:pPr>" + (f'<w:pStyle w:val="{style}"/>' if style else "") + (
            f'<w:outlineLvl w:val="{outline}"/>' if outline is not None else "") + "</w:pPr>"
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def _docx(path: Path, body: str, styles: str | None = None, *, method: int = zipfile.ZIP_DEFLATED) -> None:
    doc = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {_NS}><w:body>{body}</w:body></w:document>'
    with zipfile.ZipFile(path, "w", compression=method) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", doc)
        if styles is not None:
            z.writestr("word/styles.xml", f'<?xml version="1.0"?><w:styles {_NS}>{styles}</w:styles>')


def _patch_headers(path: Path, member: str, *, method: int | None = None, flag: int | None = None,
                   size: int | None = None) -> None:
    """Rewrite ``member``'s compression method, flag bits or declared size in both zip headers."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as z:
        info = z.getinfo(member)
    local = info.header_offset
    central = -1
    pos = 0
    name = member.encode()
    while (pos := data.find(b"PK\x01\x02", pos)) >= 0:
        n = struct.unpack_from("<H", data, pos + 28)[0]
        if data[pos + 46 : pos + 46 + n] == name:
            central = pos
            break
        pos += 4
    assert central >= 0
    for base, flag_at, method_at, size_at in ((local, 6, 8, 22), (central, 8, 10, 24)):
        if flag is not None:
            struct.pack_into("<H", data, base + flag_at, struct.unpack_from("<H", data, base + flag_at)[0] | flag)
        if method is not None:
            struct.pack_into("<H", data, base + method_at, method)
        if size is not None:
            struct.pack_into("<I", data, base + size_at, size)
    path.write_bytes(bytes(data))


def _report(path: Path) -> None:
    _docx(path, _para("2022年工作报告") + _para("一、总体") + _para("正文。" * 50))


def test_well_formed_docx_loads(tmp_path: Path) -> None:
    f = tmp_path / "2022.docx"
    _report(f)
    doc = load(f)
    assert "docx" == doc.fmt and 2022 == doc.year and "一、总体" in doc.text


def test_corrupt_deflate_stream_is_a_clear_error(tmp_path: Path) -> None:
    f = tmp_path / "2022.docx"
    _report(f)
    with zipfile.ZipFile(f) as z:
        info = z.getinfo("word/document.xml")
    data = bytearray(f.read_bytes())
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for i in range(start + 2, start + info.compress_size - 2):
        data[i] ^= 0x5A
    f.write_bytes(bytes(data))
    with pytest.raises(InputError, match=r"2022\.docx: not a readable \.docx file .*; save it again from Word") as e:
        load(f)
    assert "\n" not in str(e.value)


@pytest.mark.parametrize(
    ("patch", "message"),
    [
        ({"method": 9}, r"compressed with method 9, not deflate; save it again from Word"),
        ({"flag": 0x1}, r"2022\.docx: the document is encrypted; remove its password"),
    ],
    ids=["deflate64-names-the-method", "encrypted-names-the-fix"],
)
def test_a_zip_entry_it_cannot_read_is_refused_saying_why(tmp_path: Path, patch: dict[str, int], message: str) -> None:
    f = tmp_path / "2022.docx"
    _report(f)
    _patch_headers(f, "word/document.xml", **patch)
    with pytest.raises(InputError, match=message):
        load(f)


def test_zip_bomb_is_refused_by_its_compression_ratio_before_expanding(tmp_path: Path) -> None:
    f = tmp_path / "2022.docx"
    _docx(f, _para("2022年工作报告") + "<w:p>" + " " * 30_000_000 + "</w:p>")
    with pytest.raises(InputError, match=r"word/document\.xml expands to 30,000,\d+ bytes, more than the [\d,]+-byte limit"):
        load(f)


def test_zip_bomb_that_lies_about_its_size_is_read_no_further_than_it_declares(tmp_path: Path) -> None:
    f = tmp_path / "2022.docx"
    _docx(f, _para("2022年工作报告") + "<w:p>" + " " * 30_000_000 + "</w:p>")
    _patch_headers(f, "word/document.xml", size=1000)
    with pytest.raises(InputError, match=r"2022\.docx: not a readable \.docx file \(Bad CRC-32"):
        load(f)



def test_the_budget_bounds_a_docx_that_compresses_normally(tmp_path: Path) -> None:
    f = tmp_path / "2022.docx"
    _report(f)
    with pytest.raises(InputError, match="limit"):
        load(f, max_bytes=len(f.read_bytes()), max_ratio=1)


def test_xml_entity_declarations_are_refused(tmp_path: Path) -> None:
    f = tmp_path / "2022.docx"
    body = '<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa">]>'
    with zipfile.ZipFile(f, "w") as z:
        z.writestr("word/document.xml", f'<?xml version="1.0"?>{body}<w:document {_NS}><w:body>&a;</w:body></w:document>')
    with pytest.raises(InputError, match="declares XML entities"):
        load(f)


_STYLES = (
    '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="a3"><w:name w:val="标题 2"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Mine"><w:name w:val="My chapter"/><w:basedOn w:val="1"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Outline3"><w:name w:val="Custom"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Body"><w:name w:val="Body Text"/></w:style>'
)


def test_heading_styles_become_markup_headings_with_their_levels(tmp_path: Path) -> None:
    f = tmp_path / "2022.docx"
    body = (
        _para("2022年工作报告", "Title")
        + _para("一、总体情况", "1") + _para("正文一。" * 10, "Body")
        + _para("（一）稳增长", "a3") + _para("正文二。" * 10)
        + _para("第二部分", "Mine") + _para("小节", "Outline3")
        + _para("英文样式", "Heading4") + _para("大纲五级", outline=4) + _para("正文不是标题", "Body", outline=9)
    )
    _docx(f, body, _STYLES)
    doc = load(f)
    got = [(h.span.of(doc.text), h.level) for h in doc.markup_headings]
    assert [("一、总体情况", 1), ("（一）稳增长", 2), ("第二部分", 1), ("小节", 3), ("英文样式", 4), ("大纲五级", 5)] == got


def test_docx_heading_spans_map_back_to_the_extracted_raw_text(tmp_path: Path) -> None:
    f = tmp_path / "2022.docx"
    _docx(f, _para("2022年工作报告") + _para("\u200b一、总体\u200b", "1") + _para("正文。"), _STYLES)
    doc = load(f)
    (h,) = doc.markup_headings
    assert "一、总体" == h.span.of(doc.text)
    assert "一、总体" == doc.offsets.span_to_raw(h.span).of(doc.raw_text)
