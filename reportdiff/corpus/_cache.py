"""The corpus run's opt-in on-disk cache: content-addressed, verified, written atomically.

An entry is a pickle of ``{"key": key, "value": value}`` stored under its own
key's name.  A read whose stored key differs from the requested one (a
truncated, foreign or tampered file, or a hash prefix collision) is a miss,
never a hit.  Writes go to a temporary file in the same folder and are renamed
into place, so a reader never sees half an entry, and two workers writing the
same entry both leave a whole one.

The cache holds pickles: point it only at a folder you own.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import tempfile
from pathlib import Path

from reportdiff._version import __version__

__all__ = ["Cache", "content_key"]

#: Bumped when the layout of the cached values changes.
SCHEMA = "corpus-cache-1"


def content_key(*parts: str) -> str:
    """A hex SHA-256 of the library version, the cache schema and ``parts``.

    Args:
        parts: the strings the cached value depends on (content hashes, options).

    Returns:
        The key.

    >>> content_key("a", "b") == content_key("a", "b") != content_key("ab")
    True
    """
    h = hashlib.sha256()
    for part in (SCHEMA, __version__, *parts):
        data = part.encode("utf-8")
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


class Cache:
    """A folder of verified pickles, one per key, under ``kind/xx/key.pkl``."""

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = Path(root)

    def _path(self, kind: str, key: str) -> Path:
        return self.root / kind / key[:2] / f"{key}.pkl"

    def get(self, kind: str, key: str) -> object | None:
        """The value stored for ``key``, or None when absent or not verified.

        Args:
            kind: the entry family (``report`` or ``pair``).
            key: a :func:`content_key`.
        """
        path = self._path(kind, key)
        try:
            with path.open("rb") as f:
                entry = pickle.load(f)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, ValueError, TypeError):
            return None
        if not isinstance(entry, dict) or entry.get("key") != key:
            return None
        return entry.get("value")

    def put(self, kind: str, key: str, value: object) -> None:
        """Store ``value`` under ``key`` atomically (temporary file, then rename).

        Args:
            kind: the entry family.
            key: a :func:`content_key`.
            value: a picklable value.
        """
        path = self._path(kind, key)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".pkl", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump({"key": key, "value": value}, f, protocol=pickle.HIGHEST_PROTOCOL)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
