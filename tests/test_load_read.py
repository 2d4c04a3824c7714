"""Reading bytes (reportdiff._load.read) and refusing what is not a report text:
a byte budget for any file type, pipes that never hang, odd file names, PDF and archives."""

from __future__ import annotations

import errno
import os
import threading
from pathlib import Path

import pytest
from conftest import XISHAN

from reportdiff._load import load
from reportdiff._load.read import display_name, read_bytes
from reportdiff.cli import main
from reportdiff.errors import EmptyInputError, InputError

REPORT = "2019年工作报告\n\n一、回顾\n\n正文。\n".encode()


def test_fifo_with_a_writer_thread_is_read_to_its_end(tmp_path: Path) -> None:
    fifo = tmp_path / "2019.txt"
    os.mkfifo(fifo)

    def write() -> None:
        with open(fifo, "wb") as fh:
            fh.write(REPORT)

    t = threading.Thread(target=write)
    t.start()
    try:
        doc = load(fifo, pipe_wait=30)
    finally:
        t.join(timeout=30)
    assert REPORT.decode() == doc.raw_text
    assert 2019 == doc.year


def test_fifo_with_no_writer_is_an_error_not_a_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "2019.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match=r"2019\.txt: a pipe that sent nothing for 0\.2 s") as e:
        load(fifo, pipe_wait=0.2)
    assert "\n" not in str(e.value)


def test_fifo_longer_than_the_budget_stops_at_the_budget(tmp_path: Path) -> None:
    fifo = tmp_path / "2019.txt"
    os.mkfifo(fifo)
    stop = threading.Event()

    def write() -> None:
        try:
            with open(fifo, "wb") as fh:
                while not stop.is_set():
                    fh.write(b"x" * 65536)
        except BrokenPipeError:
            pass

    t = threading.Thread(target=write)
    t.start()
    try:
        with pytest.raises(InputError, match=r"larger than the 0\.1 MB limit"):
            read_bytes(fifo, max_bytes=100_000, pipe_wait=30)
    finally:
        stop.set()
        t.join(timeout=30)


def test_dev_zero_stops_at_the_byte_budget_with_a_clear_error() -> None:
    with pytest.raises(InputError, match=r"/dev/zero: it is larger than the 1\.0 MB limit; split the file or pass a larger max_bytes"):
        load("/dev/zero", max_bytes=1_000_000)


def test_regular_file_larger_than_the_budget_is_refused_before_reading(tmp_path: Path) -> None:
    f = tmp_path / "2019.txt"
    f.write_bytes(REPORT * 100)
    with pytest.raises(InputError, match=r"0\.0 MB is larger than"):
        read_bytes(f, max_bytes=100)


def test_file_name_bytes_that_are_not_utf8_load_and_show_as_escapes(tmp_path: Path) -> None:
    raw_name = os.fsencode(tmp_path) + b"/\xb1\xa8\xb8\xe6_2019.txt"  # 报告 in GBK, as unzipped from Windows
    with open(raw_name, "wb") as fh:
        fh.write(REPORT)
    doc = load(raw_name)
    assert 2019 == doc.year
    assert doc.path.endswith("\\xb1\\xa8\\xb8\\xe6_2019.txt")
    doc.path.encode("utf-8")  # printable: no lone surrogates
    # the command line gets the same name as a str with surrogate escapes
    assert doc.path == display_name(os.fsdecode(raw_name))
    assert REPORT.decode() == load(os.fsdecode(raw_name)).raw_text


def test_non_utf8_file_name_on_the_command_line_prints_and_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    raw_name = os.fsencode(tmp_path) + b"/\xb1\xa8_2019.txt"
    with open(raw_name, "wb") as fh:
        fh.write(REPORT)
    assert 0 == main(["sections", os.fsdecode(raw_name)])
    assert "\\xb1\\xa8_2019.txt" in capsys.readouterr().out


def test_file_name_longer_than_the_system_allows_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    long = tmp_path / ("报告" * 50 + "_2019.txt")  # 309 bytes in UTF-8
    with pytest.raises(InputError, match="file name is longer than the system allows; rename"):
        load(long)
    assert 2 == main(["sections", str(long)])
    err = capsys.readouterr().err
    assert 1 == len(err.strip().splitlines())


@pytest.mark.parametrize(
    ("data", "match"),
    [
        (b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\nBT (2019 Annual Report) Tj ET\n%%EOF\n", "PDF file; extract its text first .*pdftotext"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, r"old Office file \(\.doc"),
        (b"{\\rtf1\\ansi 2019 Annual Report}", "RTF file"),
        (b"\x1f\x8b\x08\x00" + b"\x00" * 40, "gzip archive"),
    ],
)
def test_files_in_other_formats_are_refused_with_the_fix(tmp_path: Path, data: bytes, match: str) -> None:
    f = tmp_path / "2019.txt"
    f.write_bytes(data)
    with pytest.raises(InputError, match=match):
        load(f)


def test_a_zip_archive_that_is_not_a_word_file_is_refused(tmp_path: Path) -> None:
    import zipfile

    f = tmp_path / "2019.txt"
    with zipfile.ZipFile(f, "w") as z:
        z.writestr("2019.txt", "2019年报告")
    with pytest.raises(InputError, match="a zip archive; unzip it"):
        load(f)


def test_a_word_file_named_txt_is_read_as_a_word_file(tmp_path: Path) -> None:
    from test_load import _write_docx

    f = tmp_path / "2022.txt"
    _write_docx(f, [p for p in XISHAN.read_text(encoding="utf-8").splitlines() if p.strip()])
    doc = load(f)
    assert "docx" == doc.fmt
    assert "一、坚持强化组织领导" in doc.text


@pytest.mark.parametrize("kind", ["missing", "folder", "not a folder"])
def test_path_errors_name_the_file_and_the_fix(tmp_path: Path, kind: str) -> None:
    (tmp_path / "plain").write_text("x")
    path = {"missing": tmp_path / "nope_2019.txt", "folder": tmp_path, "not a folder": tmp_path / "plain" / "2019.txt"}[kind]
    with pytest.raises(InputError, match={"missing": "no such file", "folder": "is a folder", "not a folder": "not a folder"}[kind]) as e:
        load(path)
    assert str(path) in str(e.value)


@pytest.mark.parametrize(
    ("code", "fix"),
    [(errno.EACCES, "permission denied; make the file readable"), (errno.ENXIO, "is a socket or device that cannot be read; give a report file"),
     (errno.EIO, "cannot read (Input/output error); check the file")],
)
def test_open_errors_become_one_line_with_the_fix(code: int, fix: str) -> None:
    from reportdiff._load.read import _open_error

    assert f"a.txt: {fix}" == str(_open_error("a.txt", OSError(code, os.strerror(code))))


def test_empty_fifo_is_an_empty_file_error(tmp_path: Path) -> None:
    fifo = tmp_path / "2019.txt"
    os.mkfifo(fifo)
    t = threading.Thread(target=lambda: open(fifo, "wb").close())
    t.start()
    try:
        with pytest.raises(EmptyInputError):
            load(fifo, pipe_wait=30)
    finally:
        t.join(timeout=30)


def test_a_nul_character_in_the_file_name_is_a_clear_error() -> None:
    with pytest.raises(InputError, match="holds a NUL character"):
        load("a\x00_2019.txt")


def test_a_line_break_in_a_missing_file_name_keeps_the_message_on_one_line(tmp_path: Path) -> None:
    with pytest.raises(InputError) as e:
        load(tmp_path / "a\nb_2019.txt")
    assert "a\\x0ab_2019.txt: no such file" in str(e.value) and "\n" not in str(e.value)
