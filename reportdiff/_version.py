"""The installed version of reportdiff, from the package metadata."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("reportdiff")
except PackageNotFoundError:  # pragma: no cover - a source tree that was never installed
    __version__ = "0+unknown"
