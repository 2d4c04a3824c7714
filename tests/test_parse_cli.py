"""``reportdiff sections``: the inferred heading scheme with --warnings, and
terminal text that report text cannot drive (control characters escaped)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportdiff._cli.sections import safe
from reportdiff.cli import main


def test_sections_warnings_report_the_inferred_scheme(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "2020.txt"
    f.write_text("2020年报告\n\n一、回顾\n\n正文。\n\n二、任务\n\n（一）稳增长。正文。\n", encoding="utf-8")
    assert 0 == main(["sections", "--warnings", str(f)])
    out = capsys.readouterr().out
    assert "~ inferred heading scheme: L1 cn-dun ×2; L2 cn-paren ×1" in out


def test_sections_text_escapes_control_characters(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "2020.txt"
    f.write_text("2020年报告\n\n一、回\x1b[31m顾\n\n正文。\n", encoding="utf-8")
    assert 0 == main(["sections", str(f)])
    out = capsys.readouterr().out
    assert "\x1b" not in out
    assert "一、回\\x1b[31m顾" in out


def test_safe_keeps_text_and_escapes_controls() -> None:
    assert "甲、 引言 \\x07" == safe("甲、\t引言\n\x07")
