"""Reading a report's bytes: any kind of file, never more than a byte budget.

A regular file's size is checked first, but the budget is what bounds the
read, so a device (``/dev/zero``), a pipe or a file that grows while it is
read stops at the budget too.  A FIFO is opened without blocking and waited
on with a timeout, so a pipe nobody writes to gives an error instead of a
hang.  File names may be bytes that are not UTF-8 (as unzipped from Windows):
messages show such bytes as ``\\xNN`` escapes.
"""

from __future__ import annotations

import errno
import os
import re
import select
import stat

from reportdiff.errors import InputError

__all__ = ["MAX_BYTES", "MAX_RATIO", "PIPE_WAIT_SECONDS", "display_name", "read_bytes"]

#: Files larger than this are refused (pass ``max_bytes`` to raise it).
MAX_BYTES = 200 * 1024 * 1024
#: Refuse a .docx member that expands to more than this many times its compressed size
#: (here, not in :mod:`.docx`, so a text file's load does not import zipfile and ElementTree).
MAX_RATIO = 200
#: How long a read from a pipe waits for its writer's next bytes.
PIPE_WAIT_SECONDS = 10.0

_CHUNK = 1 << 20
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")

PathArg = str | bytes | os.PathLike[str] | os.PathLike[bytes]


def display_name(path: PathArg) -> str:
    """A printable one-line name for ``path``: bytes that are not UTF-8 and control
    characters (a line break in a name) shown as ``\\xNN``.

    >>> display_name(b"caf\\xe9_2019.txt"), display_name("a\\nb.txt")
    ('caf\\\\xe9_2019.txt', 'a\\\\x0ab.txt')
    """
    name = os.fsencode(path).decode("utf-8", "backslashreplace")
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", name)


def _open_error(name: str, e: OSError) -> InputError:
    code = e.errno
    if code == errno.ENOENT:
        msg = "no such file; check the path"
    elif code == errno.ENAMETOOLONG:
        msg = "the file name is longer than the system allows; rename the file or its folders to shorter names"
    elif code in (errno.EACCES, errno.EPERM):
        msg = "permission denied; make the file readable"
    elif code == errno.EISDIR:
        msg = "is a folder, not a report file; name the files inside it"
    elif code == errno.ENOTDIR:
        msg = "a part of the path is not a folder; check the path"
    elif code == errno.ELOOP:
        msg = "too many symbolic links; check the path"
    elif code == errno.ENXIO:
        msg = "is a socket or device that cannot be read; give a report file"
    else:
        msg = f"cannot read ({e.strerror or e}); check the file"
    return InputError(f"{name}: {msg}")


def _too_large(name: str, max_bytes: int, size: int | None = None) -> InputError:
    what = f"{size / 1e6:.1f} MB is" if size is not None else "it is"
    return InputError(
        f"{name}: {what} larger than the {max_bytes / 1e6:.1f} MB limit; "
        "split the file or pass a larger max_bytes"
    )


def read_bytes(
    path: PathArg,
    *,
    max_bytes: int = MAX_BYTES,
    pipe_wait: float = PIPE_WAIT_SECONDS,
) -> bytes:
    """The bytes of the file at ``path``, reading no more than ``max_bytes``.

    Args:
        path: a file name (``str``, ``bytes`` or path-like); any file type.
        max_bytes: refuse files (or streams) longer than this.
        pipe_wait: seconds to wait for a pipe's writer before giving up.

    Returns:
        The file's bytes.

    Raises:
        InputError: missing, a folder, unreadable, too large, or a pipe with no writer;
            the message names the file and the fix.

    >>> read_bytes("fixtures/xishan-rule-of-law/2022.txt")[:3] == b"\\xe5\\xbd\\x93"
    True
    """
    name = display_name(path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as e:
        raise _open_error(name, e) from e
    except ValueError as e:  # a NUL character in the name
        raise InputError(f"{name}: the file name holds a NUL character; check the path") from e
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise InputError(f"{name}: is a folder, not a report file; name the files inside it")
        if stat.S_ISREG(st.st_mode) and st.st_size > max_bytes:
            raise _too_large(name, max_bytes, st.st_size)
        if stat.S_ISFIFO(st.st_mode) or stat.S_ISSOCK(st.st_mode):
            return _read_stream(fd, name, max_bytes, pipe_wait)
        os.set_blocking(fd, True)
        return _read_file(fd, name, max_bytes)
    except OSError as e:
        if isinstance(e, InputError):
            raise
        raise _open_error(name, e) from e
    finally:
        os.close(fd)


def _read_file(fd: int, name: str, max_bytes: int) -> bytes:
    buf = bytearray()
    while True:
        chunk = os.read(fd, min(_CHUNK, max_bytes + 1 - len(buf)))
        if not chunk:
            return bytes(buf)
        buf += chunk
        if len(buf) > max_bytes:
            raise _too_large(name, max_bytes)


def _read_stream(fd: int, name: str, max_bytes: int, wait: float) -> bytes:
    """Read a pipe until its writers close it, waiting at most ``wait`` s for each chunk.

    On Linux a FIFO opened without blocking reports no event until a writer
    has connected, so the first wait also covers a pipe with no writer yet.
    """
    buf = bytearray()
    poller = select.poll()
    poller.register(fd, select.POLLIN | select.POLLHUP | select.POLLERR)
    while True:
        if not poller.poll(int(wait * 1000)):
            raise InputError(
                f"{name}: a pipe that sent nothing for {wait:g} s; start its writer first, "
                "or save the report to a file"
            )
        try:
            chunk = os.read(fd, min(_CHUNK, max_bytes + 1 - len(buf)))
        except BlockingIOError:
            continue
        if not chunk:
            return bytes(buf)
        buf += chunk
        if len(buf) > max_bytes:
            raise _too_large(name, max_bytes)
