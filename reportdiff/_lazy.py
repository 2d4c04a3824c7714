"""Names a package exports but imports on first use (PEP 562 ``__getattr__``)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["lazy_exports"]


def lazy_exports(package: str, names: Mapping[str, str], namespace: dict[str, Any]
                 ) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The ``__getattr__`` and ``__dir__`` of ``package``: ``names`` maps an exported
    name to the module that defines it; a name is imported once, then kept in
    ``namespace`` (the package's globals).

    >>> ns: dict[str, Any] = {}
    >>> get, names = lazy_exports("pkg", {"sqrt": "math"}, ns)
    >>> get("sqrt")(4.0), "sqrt" in ns, names()
    (2.0, True, ['sqrt'])
    """

    def __getattr__(name: str) -> Any:
        module = names.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        import importlib

        value = getattr(importlib.import_module(module), name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted(set(namespace) | set(names))

    return __getattr__, __dir__
