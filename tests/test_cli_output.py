"""The command line's output channels: status on stderr, progress only on a terminal, safe failures."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest
from conftest import GOV, write_years

from reportdiff._cli.progress import StatusLine
from reportdiff.cli import main

CMD = [sys.executable, "-m", "reportdiff"]


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_status_line_shows_on_a_terminal_only_and_never_when_quiet() -> None:
    tty, pipe, quiet = _Tty(), io.StringIO(), _Tty()
    for stream, q in ((tty, False), (pipe, False), (quiet, True)):
        s = StatusLine(stream=stream, quiet=q, interval=0)
        s("diff sections", 3, 10)
        s.close()
    assert "diff sections 3/10" in tty.getvalue()
    assert "" == pipe.getvalue()
    assert "" == quiet.getvalue()


def test_full_disk_gives_one_line_and_exit_2() -> None:
    with open("/dev/full", "w") as full:
        run = subprocess.run([*CMD, "sections", str(GOV / "2019.txt")], stdout=full, stderr=subprocess.PIPE,
                             text=True, timeout=120)
    assert 2 == run.returncode
    assert 1 == len(run.stderr.strip().splitlines())
    assert "no space left" in run.stderr


def test_broken_pipe_gives_one_line_and_exit_2() -> None:
    """The reader of the output pipe is gone (``| head`` that has exited)."""
    import os

    read_end, write_end = os.pipe()
    os.close(read_end)  # nobody will ever read: every write fails with EPIPE
    p = subprocess.Popen([*CMD, "sections", str(GOV / "2019.txt")], stdout=write_end, stderr=subprocess.PIPE,
                         text=True)
    os.close(write_end)
    assert p.stderr is not None
    err = p.stderr.read()
    assert 2 == p.wait(timeout=120)
    assert 1 == len(err.strip().splitlines())
    assert "closed" in err


def test_closed_stdout_gives_one_line_and_exit_2() -> None:
    run = subprocess.run([*CMD, "sections", str(GOV / "2019.txt")], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                         text=True, timeout=120, close_fds=True,
                         preexec_fn=lambda: __import__("os").close(1))
    assert 2 == run.returncode
    assert "standard output is closed" in run.stderr


def _hostile_series(tmp_path):  # type: ignore[no-untyped-def]
    texts = {year: f"{year}年工作报告\n\n一、=1+1总体情况\n\n<svg onload=alert(1)>城镇新增就业{n}万人。\n"
             for year, n in ((2020, 1100), (2021, 1200))}
    return [str(p) for p in write_years(tmp_path, texts)]


def _stdout(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    """What ``reportdiff ARGS`` prints on standard output (in this process; it must exit 0)."""
    assert 0 == main(list(args))
    return capsys.readouterr().out


def test_csv_cells_that_would_run_as_formulas_are_guarded_unless_raw(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    import csv

    files = _hostile_series(tmp_path)
    guarded = _stdout(capsys, "sections", files[0], "--format", "csv")
    titles = [row["title"] for row in csv.DictReader(io.StringIO(guarded))]
    assert "'=1+1总体情况" in titles
    raw = _stdout(capsys, "sections", files[0], "--format", "csv", "--csv-raw")
    assert "=1+1总体情况" in [row["title"] for row in csv.DictReader(io.StringIO(raw))]


def test_trends_markdown_escapes_labels(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = _stdout(capsys, "trends", *_hostile_series(tmp_path), "--format", "md")
    assert "<svg" not in out
    assert "&lt;svg" in out
