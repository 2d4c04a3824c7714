"""The command line: the sections contract, errors as one line and exit status 2."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import GOV, XISHAN, fixture_report

from reportdiff.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_sections_csv_has_the_contract_columns(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "sections", str(XISHAN), "--format", "csv")
    assert 0 == code
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {"year", "level", "path", "heading", "start", "end"} <= set(rows[0])
    assert ("2022", "0") == (rows[0]["year"], rows[0]["level"])
    assert any(r["heading"] == "(一)深入学习宣传贯彻习近平法治思想。" and r["level"] == "2" for r in rows)


def test_sections_csv_offsets_index_the_cleaned_text(capsys: pytest.CaptureFixture[str]) -> None:
    text = fixture_report(XISHAN).text
    _, out, _ = run(capsys, "sections", str(XISHAN), "--format", "csv")
    for r in csv.DictReader(io.StringIO(out)):
        if r["heading"]:
            assert text[int(r["start"]) :].startswith(r["heading"])


def test_sections_text_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "sections", str(GOV / "2019.txt"))
    assert 0 == code and "三/（一）" in out
    code, out, _ = run(capsys, "sections", str(GOV / "2019.txt"), "--format", "json")
    data = json.loads(out)
    assert 2019 == data[0]["year"]


def test_sections_writes_to_a_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out_file = tmp_path / "s.csv"
    code, out, _ = run(capsys, "sections", str(XISHAN), "--format", "csv", "-o", str(out_file))
    assert 0 == code and "" == out
    assert out_file.read_text(encoding="utf-8").startswith("year,level,path,heading")


@pytest.mark.parametrize(
    ("setup", "needle"),
    [
        (lambda d: d / "missing_2019.txt", "no such file"),
        (lambda d: ((d / "2019.txt").write_bytes(b"") and d / "2019.txt") or d / "2019.txt", "empty"),
        (lambda d: (d / "2019.txt").write_bytes(b"\x00\x01\x02" * 100) and d / "2019.txt", "binary"),
        (lambda d: (d / "notes.txt").write_text("一份报告\n\n正文。", encoding="utf-8") and d / "notes.txt", "--year"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path, setup, needle: str) -> None:  # type: ignore[no-untyped-def]
    path = setup(tmp_path)
    code, out, err = run(capsys, "sections", str(path))
    assert 2 == code
    assert "" == out
    lines = err.strip().splitlines()
    assert 1 == len(lines)
    assert needle in lines[0] and str(path) in lines[0]


def test_year_option_names_the_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    f = tmp_path / "notes.txt"
    f.write_text("一份报告\n\n一、回顾\n\n正文。", encoding="utf-8")
    code, out, _ = run(capsys, "sections", str(f), "--year", f"{f}=2021", "--format", "csv")
    assert 0 == code and "\n2021,1," in out
    code, out, _ = run(capsys, "sections", str(f), "--year", "2020", "--format", "csv")
    assert 0 == code and "\n2020,1," in out


def test_python_dash_m_runs_without_traceback_on_error(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "reportdiff", "sections", str(tmp_path / "nope_2019.txt")],
        capture_output=True, text=True, encoding="utf-8", check=False,
    )
    assert 2 == proc.returncode
    assert "Traceback" not in proc.stderr
    assert "nope_2019.txt: no such file" in proc.stderr


def test_a_command_runs_with_batched_garbage_collection_and_restores_the_threshold(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    """While a command runs the collector's young threshold is GC_BATCH; after it (also after
    an error) the caller's thresholds are back."""
    import gc

    from reportdiff import cli
    from reportdiff._cli import sections

    seen: list[tuple[int, int, int]] = []
    real = sections.run

    def spy(args: object) -> int:
        seen.append(gc.get_threshold())
        return real(args)  # type: ignore[arg-type]

    monkeypatch.setattr(sections, "run", spy)
    before = gc.get_threshold()
    gc.set_threshold(123, *before[1:])
    try:
        assert 0 == run(capsys, "sections", str(XISHAN))[0]
        assert (123, *before[1:]) == gc.get_threshold()
        assert 2 == run(capsys, "sections", str(tmp_path / "missing_2019.txt"))[0]
        assert (123, *before[1:]) == gc.get_threshold()
    finally:
        gc.set_threshold(*before)
    assert [(cli.GC_BATCH, *before[1:])] * 2 == seen


@pytest.mark.parametrize(("preset", "numpy_first", "expected"),
                         [(None, False, "1"), ("3", False, "3"), (None, True, "None")])
def test_a_command_starts_blas_with_one_thread_unless_told_otherwise(
    preset: str | None, numpy_first: bool, expected: str,
) -> None:
    """OPENBLAS_NUM_THREADS is 1 for a command's process, unless the user set it or numpy
    was already loaded (then it could not take effect)."""
    import os

    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    if preset is not None:
        env["OPENBLAS_NUM_THREADS"] = preset
    code = (("import numpy\n" if numpy_first else "")
            + "import os\nfrom reportdiff.cli import main\n"
            + f"main(['sections', {str(XISHAN)!r}, '--format', 'csv', '-o', os.devnull])\n"
            + "print(os.environ.get('OPENBLAS_NUM_THREADS'))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    assert expected == out.stdout.strip()


def test_the_program_freezes_the_heap_before_exiting_an_in_process_call_does_not(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """main() as the program (argv from sys.argv) leaves the heap frozen for the shutdown;
    main(argv) called in a process that goes on freezes nothing."""
    import gc

    before = gc.get_freeze_count()
    assert 0 == run(capsys, "sections", str(XISHAN), "--format", "csv")[0]
    assert before == gc.get_freeze_count()
    code = ("import gc, os, sys\nfrom reportdiff.cli import main\n"
            f"sys.argv = ['reportdiff', 'sections', {str(XISHAN)!r}, '-o', os.devnull]\n"
            "n = gc.get_freeze_count()\nstatus = main()\n"
            "print(status, n == 0, gc.get_freeze_count() > 0)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "0 True True" == out.stdout.strip()


def test_no_command_prints_help_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys)
    assert 2 == code and "sections" in out


def test_command_table_names_the_module_that_registers_each_command() -> None:
    """``cli.COMMANDS`` (used to register only the command given) matches what the modules register."""
    from reportdiff.cli import COMMANDS, build_parser

    def commands(parser: object) -> set[str]:
        sub = next(a for a in parser._actions if a.dest == "command")  # type: ignore[attr-defined]
        return set(sub.choices)

    assert commands(build_parser()) == set(COMMANDS)
    for name, module in COMMANDS.items():
        assert name in commands(build_parser(name)), (name, module)
        assert commands(build_parser(name)) == {c for c, m in COMMANDS.items() if m == module}


def test_version_prints_the_package_version(capsys: pytest.CaptureFixture[str]) -> None:
    from importlib.metadata import version

    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert 0 == exc.value.code
    assert f"reportdiff {version('reportdiff')}\n" == capsys.readouterr().out


def test_whole_text_diff_matches_the_diff_of_the_parsed_reports(capsys: pytest.CaptureFixture[str]) -> None:
    """``diff`` without --section loads the files without parsing them; the result is the same."""
    from reportdiff import render
    from reportdiff._compare import read_report
    from reportdiff._diff import diff_reports

    a, b = GOV / "2018.txt", GOV / "2019.txt"
    code, out, _ = run(capsys, "diff", str(a), str(b), "--format", "json")
    assert 1 == code
    assert render.to_json(diff_reports(read_report(a), read_report(b))) == out


def test_diff_command_does_not_import_the_parser_or_other_commands() -> None:
    """A whole-text ``reportdiff diff`` imports neither the section parser nor the other subcommands."""
    code = (
        "import sys, io, contextlib\n"
        "from reportdiff.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['diff', {str(GOV / '2018.txt')!r}, {str(GOV / '2019.txt')!r}, '--format', 'json'])\n"
        "print(sorted(m for m in sys.modules if m.startswith(('reportdiff._parse', 'reportdiff._cli.',"
        " 'reportdiff._compare', 'importlib.metadata'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120).stdout
    assert "['reportdiff._cli.common', 'reportdiff._cli.diff']\n" == out
