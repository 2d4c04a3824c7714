"""Fuzzing the loader and parser: nothing escapes but ReportDiffError, memory stays proportional."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportdiff._compare import read_report
from reportdiff._load import load_text
from reportdiff.errors import ReportDiffError

_SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@_SETTINGS
@given(st.binary(max_size=2000))
def test_random_bytes_load_or_fail_with_report_diff_error(tmp_path: Path, data: bytes) -> None:
    f = tmp_path / "2019.txt"
    f.write_bytes(data)
    try:
        r = read_report(f)
    except ReportDiffError as e:
        assert "2019.txt" in str(e)
        assert "\n" not in str(e)
        return
    assert r.text == r.root.text()


_html_piece = st.sampled_from(
    ["<p>", "</p>", "<div class='nav'>", "</div>", "<script>", "</script>", "&amp;", "&#x4e00;", "&bogus;",
     "<br>", "<!--", "-->", "<", ">", "一、标题", "（一）小标题。正文。", "2019年报告", "\n", "<table><tr><td>", "'\""]
)


@_SETTINGS
@given(st.lists(_html_piece, max_size=40), st.integers(0, 400))
def test_truncated_and_malformed_html_never_escapes(pieces: list[str], cut: int) -> None:
    page = "<html><body><p>2019年报告</p>" + "".join(pieces)
    page = page[: max(20, len(page) - cut)]
    try:
        doc = load_text(page, path="x.html")
    except ReportDiffError:
        return
    from reportdiff._parse import parse

    r = parse(doc)
    assert r.text == r.root.text()
    for i in range(0, len(doc.text), 7):
        assert 0 <= doc.offsets.to_raw(i) <= len(page)


def test_a_very_long_line_parses() -> None:
    text = "2019年报告\n\n一、" + "很长的一行没有句号" * 200_000 + "\n"
    from reportdiff._parse import parse

    r = parse(load_text(text, path="x.txt"))
    assert r.text == r.root.text()
    assert 1 == len(r.root.children)


def test_a_huge_input_loads_with_memory_proportional_to_its_size(tmp_path: Path) -> None:
    """Two big files, one twice the other: each loads whole, and what loading adds to the process's
    peak memory is proportional to the file (under 20 bytes a byte), measured above the peak the
    interpreter had already reached with the package imported."""
    script = r"""
import resource, sys
from reportdiff._compare import read_report
base = open(sys.argv[1], encoding='utf-8').read()
def peak():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
before = peak()
for k, path in enumerate(sys.argv[2:], 1):
    n = k * 6_000_000 // len(base.encode()) + 1
    open(path, 'w', encoding='utf-8').write(base * n)
    r = read_report(path)
    assert r.text == r.root.text()
    print(len(r.text), peak() - before)
    del r
"""
    src = Path(__file__).resolve().parent.parent / "fixtures" / "gov-work-report" / "2019.txt"
    paths = [tmp_path / "big_2019.txt", tmp_path / "bigger_2019.txt"]
    out = subprocess.run(
        [sys.executable, "-c", script, str(src), *map(str, paths)],
        capture_output=True, text=True, check=True,
    ).stdout.split()
    for (chars, grown), path in zip(zip(out[::2], out[1::2], strict=True), paths, strict=True):
        size = path.stat().st_size
        assert int(chars) > size // 3  # nothing was cut (a character is at most 3 bytes here)
        assert int(grown) < 20 * size


@_SETTINGS
@given(st.binary(max_size=3000), st.sampled_from(["2019.docx", "2019.txt", "2019.html"]))
def test_random_bytes_after_a_zip_or_pdf_header_fail_only_with_report_diff_error(tmp_path: Path, data: bytes, name: str) -> None:
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", data)
    for blob in (buf.getvalue(), b"PK\x03\x04" + data, buf.getvalue()[: max(4, len(data) % 200)]):
        f = tmp_path / name
        f.write_bytes(blob)
        try:
            r = read_report(f)
        except ReportDiffError as e:
            assert name in str(e) and "\n" not in str(e)
            continue
        assert r.text == r.root.text()
