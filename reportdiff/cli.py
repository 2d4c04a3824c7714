"""The ``reportdiff`` command: a thin shell over the library.

Each subcommand lives in :mod:`reportdiff._cli`.  Errors the library raises on
purpose (:class:`~reportdiff.errors.ReportDiffError`) become one line on
standard error and exit status 2.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import gc
import importlib
import os
import sys
from collections.abc import Iterator, Sequence
from typing import Any

from reportdiff.errors import ReportDiffError

#: Subcommand modules under ``reportdiff._cli``, in the order ``--help`` lists them.
COMMAND_MODULES = ("sections", "align", "diff", "indicators", "report", "corpus")

#: The module under ``reportdiff._cli`` that registers each subcommand.
COMMANDS = {
    "sections": "sections",
    "align": "align",
    "lineage": "align",
    "diff": "diff",
    "indicators": "indicators",
    "trends": "indicators",
    "report": "report",
    "corpus": "corpus",
}


class _VersionAction(argparse._VersionAction):
    """``--version``, reading the package metadata only when asked (importlib.metadata is slow to import)."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: str | Sequence[Any] | None, option_string: str | None = None) -> None:
        from reportdiff._version import __version__

        self.version = f"reportdiff {__version__}"
        super().__call__(parser, namespace, values, option_string)


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The argument parser with every subcommand, or with ``command`` alone.

    Args:
        command: a subcommand name (a key of :data:`COMMANDS`): register only the
            module that defines it, so ``reportdiff diff`` does not import the
            others.  None (default): all of them, as ``--help`` lists them.
    """
    parser = argparse.ArgumentParser(
        prog="reportdiff",
        description="Compare the same report across years: sections, alignment, text diffs, indicators.",
    )
    parser.add_argument("--version", action=_VersionAction)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    modules = COMMAND_MODULES if command not in COMMANDS else (COMMANDS[command],)
    for name in modules:
        importlib.import_module(f"reportdiff._cli.{name}").register(sub)
    return parser


#: Container objects allocated (net) between two young-generation garbage collections
#: while a command runs (Python's default is 700).
GC_BATCH = 50_000


@contextlib.contextmanager
def _collect_in_batches(threshold: int = GC_BATCH) -> Iterator[None]:
    """Run the cyclic garbage collector less often while a command runs; restored after.

    A command builds a few million small records that live until it ends (tokens, edits,
    spans, quantities) and frees little of it on the way.  At Python's default threshold the
    collector runs ~900 times over a ten-year ``report`` and rescans the growing heap each time
    it reaches the oldest generation: ~0.45 s of CPU that finds almost nothing.  With a larger
    batch it runs ~30 times (~0.12 s); the peak memory is the same within 1%.  Only the timing
    of collections changes, never what a command computes.
    """
    old = gc.get_threshold()
    gc.set_threshold(threshold, *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)


def _one_blas_thread() -> None:
    """Let numpy's and scipy's BLAS (OpenBLAS) start with one thread, unless the user set a number.

    No command multiplies dense matrices of any size (the alignment's products are sparse),
    yet each of the two OpenBLAS libraries starts a thread per core when it is loaded, and
    the threads spin waiting for work: ~0.1 s of CPU on two cores before anything is
    computed.  Takes effect only before numpy is first imported, as in a command's own
    process; worker processes a command starts inherit the setting.  No output depends on it.
    """
    if "numpy" not in sys.modules:
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def _write_error(message: str) -> None:
    stream = sys.stderr
    if stream is not None:
        try:
            print(f"reportdiff: error: {message}", file=stream)
            stream.flush()
        except OSError:
            pass


def _output_error(e: OSError) -> str:
    if isinstance(e, BrokenPipeError) or e.errno == errno.EPIPE:
        return "the output was closed before everything was written (a pipe into head?); the rest was not written"
    if e.errno == errno.ENOSPC:
        return "cannot write the output: no space left on the device; free some space or write elsewhere with -o"
    return f"cannot write the output ({e.strerror or e}); check where standard output goes, or use -o FILE"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status.

    Errors the library raises on purpose, a closed or full output and a broken
    pipe each give one line on standard error and exit status 2.

    Args:
        argv: the arguments; None (as the ``reportdiff`` program calls it) reads
            ``sys.argv`` and means the process ends when this returns: after a command
            has run, every object left is frozen out of the garbage collector
            (``gc.freeze``), so the interpreter's shutdown does not scan the whole heap
            for cycles again (~0.2 s of CPU after a ten-year ``report``).
    """
    if sys.stdout is None:  # started with standard output closed (``>&-``)
        _write_error("standard output is closed; redirect it to a file or use -o FILE")
        return 2
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8")
    _one_blas_thread()
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(args_list[0] if args_list else None)
    args = parser.parse_args(args_list)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        with _collect_in_batches():
            code: int = args.func(args)
        sys.stdout.flush()
    except ReportDiffError as e:
        _write_error(str(e))
        return 2
    except OSError as e:
        if isinstance(e, BrokenPipeError) or e.errno in (errno.EPIPE, errno.ENOSPC, errno.EBADF, errno.EIO):
            _quiet_stdout()
            _write_error(_output_error(e))
            return 2
        raise
    except KeyboardInterrupt:
        return 130
    if argv is None:
        gc.freeze()
    return code


def _quiet_stdout() -> None:
    """Point standard output at /dev/null so the interpreter's final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
