"""The command line's output channels: status on stderr, progress only on a terminal, safe failures."""

from __future__ import annotations

import io
import subprocess
import sys

from conftest import GOV

from reportdiff._cli.progress import StatusLine

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
    files = [str(GOV / f"{y}.txt") for y in range(2015, 2020)]
    p = subprocess.Popen([*CMD, "indicators", *files, "--format", "json"], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
    assert p.stdout is not None and p.stderr is not None
    p.stdout.read(10)
    p.stdout.close()
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
