"""Decoding by evidence (reportdiff._load.encoding): Big5 and UTF-16 without BOM read
right, GB18030 still read right, Japanese and Korean refused, never mojibake."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, GOV, XISHAN
from hypothesis import given, settings
from hypothesis import strategies as st

from reportdiff._load import decode, load
from reportdiff._load.encoding import check_script
from reportdiff.errors import DecodeError, InputError, ReportDiffError

HK = FIXTURES / "load" / "hk-policy-address-1998-opening.txt"


def _traditional() -> str:
    return HK.read_bytes().decode("utf-8")


def _encodable(text: str, enc: str) -> str:
    """``text`` without the characters ``enc`` cannot encode (Big5 lacks a few HKSCS ones)."""
    return "".join(ch for ch in text if ch.encode(enc, "ignore") or not ch.strip())


@pytest.mark.parametrize("enc", ["big5", "cp950", "big5hkscs"])
def test_traditional_chinese_big5_file_loads_to_the_same_text_as_its_utf8_copy(tmp_path: Path, enc: str) -> None:
    text = _encodable(_traditional(), enc)
    a = tmp_path / "1998.txt"
    b = tmp_path / "utf8" / "1998.txt"
    b.parent.mkdir()
    a.write_bytes(text.encode(enc))
    b.write_bytes(text.encode("utf-8"))
    big5, utf8 = load(a), load(b)
    assert text == big5.raw_text
    assert utf8.text == big5.text
    assert big5.encoding in ("big5", "cp950", "big5hkscs")
    assert not any("\ue000" <= ch <= "\uf8ff" for ch in big5.text)


def test_every_traditional_paragraph_alone_decodes_from_big5_to_itself() -> None:
    paras = [p.strip() for p in _encodable(_traditional(), "big5").split("\r\n") if len(p.strip()) >= 12]
    assert len(paras) > 10
    wrong = [p[:20] for p in paras if decode(p.encode("big5"))[0] != p]
    assert [] == wrong


@pytest.mark.parametrize("path", [*sorted(GOV.glob("*.txt"))[:4], XISHAN], ids=lambda p: p.name)
def test_simplified_chinese_gb18030_still_reads_as_gb18030(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert (text, "gb18030") == decode(text.encode("gb18030"))


@pytest.mark.parametrize("enc", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("newlines", [True, False])
def test_utf16_without_bom_holding_only_cjk_is_decoded(enc: str, newlines: bool) -> None:
    text = _encodable(_traditional(), "big5")
    cjk = "".join(ch for ch in text if ord(ch) > 0x2000)[:800]
    if newlines:
        cjk = "\n".join(cjk[i : i + 40] for i in range(0, len(cjk), 40))
    assert (cjk, enc) == decode(cjk.encode(enc))


_GB_HANZI = st.sampled_from(sorted({bytes((a, b)).decode("gb2312") for a in range(0xB0, 0xD8) for b in range(0xA1, 0xFF)
                                    if (a, b) != (0xD7, 0xFA) and a * 256 + b < 0xD7FA}))
_PUNCT = st.sampled_from(list("，。、；：“”（）《》"))


@settings(max_examples=80, deadline=None)
@given(st.lists(st.one_of(_GB_HANZI, _GB_HANZI, _GB_HANZI, _PUNCT), min_size=12, max_size=200))
def test_common_simplified_text_round_trips_through_gb18030(chars: list[str]) -> None:
    text = "".join(chars)
    assert text == decode(text.encode("gb18030"))[0]


_JA = "日本の経済は緩やかに回復している。政府は今年度の予算を発表した。\n" * 20
_KO = "한국 경제는 완만하게 회복되고 있다. 정부는 올해 예산을 발표했다.\n" * 20


@pytest.mark.parametrize(
    ("text", "enc", "language"),
    [(_JA, "shift_jis", "Japanese"), (_JA, "euc_jp", "Japanese"), (_JA, "utf-8", "Japanese"),
     (_KO, "euc_kr", "Korean"), (_KO, "utf-8", "Korean")],
)
def test_japanese_and_korean_are_refused_naming_the_language_not_read_as_mojibake(
    tmp_path: Path, text: str, enc: str, language: str
) -> None:
    f = tmp_path / "2019.txt"
    f.write_bytes(text.encode(enc))
    with pytest.raises(InputError) as e:
        load(f)
    msg = str(e.value)
    assert str(f) in msg and language in msg and "Chinese and English" in msg and "\n" not in msg


def test_a_few_kana_in_a_chinese_report_are_read() -> None:
    check_script("政府工作报告" * 50 + "（カナ）", "a.txt", "utf-8")


def test_big5_file_through_the_command_line_prints_its_traditional_title(tmp_path: Path) -> None:
    f = tmp_path / "1998.txt"
    f.write_bytes(_encodable(_traditional(), "big5").encode("big5"))
    out = subprocess.run([sys.executable, "-m", "reportdiff", "sections", str(f)], capture_output=True,
                         text=True, encoding="utf-8", cwd=Path(__file__).resolve().parent.parent)
    assert 0 == out.returncode, out.stderr
    assert "(big5," in out.stdout


def test_bytes_no_encoding_reads_plausibly_are_a_decode_error_naming_the_file() -> None:
    data = bytes(range(0x80, 0x100)) * 40
    with pytest.raises(ReportDiffError, match=r"x\.txt") as e:
        decode(data, "x.txt")
    assert isinstance(e.value, (DecodeError, InputError))


def test_every_cleaned_character_of_a_big5_report_maps_back_to_its_raw_character(tmp_path: Path) -> None:
    from test_load import _substitution_ok

    f = tmp_path / "1998.txt"
    f.write_bytes(_encodable(_traditional(), "big5").encode("big5"))
    doc = load(f)
    bad = [i for i, ch in enumerate(doc.text) if not _substitution_ok(ch, doc.raw_text[doc.offsets.to_raw(i)])]
    assert [] == bad[:5]
    assert "甲 引言" in doc.text


def test_korean_file_on_the_command_line_is_exit_2_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from reportdiff.cli import main

    f = tmp_path / "2019.txt"
    f.write_bytes(_KO.encode("euc_kr"))
    assert 2 == main(["sections", str(f)])
    err = capsys.readouterr().err.strip()
    assert 1 == len(err.splitlines()) and "Korean" in err and str(f) in err
