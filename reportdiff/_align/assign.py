"""Assignment: one-to-one pairs above a calibrated threshold, and the extra
(split, merge, cross-level) pairs where both sides hold a real share."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from reportdiff._align.evidence import PairEvidence
from reportdiff._align.options import Thresholds
from reportdiff.model.alignment import Stage

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Matrix = npt.NDArray[np.float64]

__all__ = ["Found", "extras", "one_to_one", "orphans"]

_loaded: list[Callable[..., tuple[Matrix, Matrix]]] = []  # the solver, once found


@dataclass
class Found:
    """Pairs found between the units of two years: (i, j) → (score, stage, chance, evidence)."""

    pairs: dict[tuple[int, int], tuple[float, Stage, float, PairEvidence]] = field(default_factory=dict)

    def add(self, i: int, j: int, score: float, stage: Stage, chance: float, ev: PairEvidence) -> None:
        if (i, j) not in self.pairs:
            self.pairs[(i, j)] = (score, stage, chance, ev)

    def rows(self) -> set[int]:
        return {i for i, _ in self.pairs}

    def cols(self) -> set[int]:
        return {j for _, j in self.pairs}


def one_to_one(score: Matrix, ok: Matrix, chance: float | Matrix) -> list[tuple[int, int]]:
    """The one-to-one assignment that maximises the total margin above ``chance``
    among the pairs where ``ok``; pairs at or below chance are never made.

    >>> import numpy as np
    >>> one_to_one(np.array([[0.9, 0.5], [0.6, 0.2]]), np.ones((2, 2)), 0.3)
    [(0, 0)]
    >>> one_to_one(np.array([[0.9, 0.8], [0.8, 0.2]]), np.ones((2, 2)), 0.3)
    [(0, 1), (1, 0)]
    """
    import numpy as np

    margin = np.where((ok > 0) & (score > chance), score - chance, 0.0)
    if not margin.size or not margin.any():
        return []
    rows_used = np.flatnonzero(margin.any(axis=1))
    cols_used = np.flatnonzero(margin.any(axis=0))
    sub = margin[np.ix_(rows_used, cols_used)]
    r, c = _solver()(sub, maximize=True)
    return sorted((int(rows_used[i]), int(cols_used[j])) for i, j in zip(r, c, strict=True) if sub[i, j] > 0)


def _solver() -> Callable[..., tuple[Matrix, Matrix]]:
    """scipy's ``linear_sum_assignment``, without importing the rest of ``scipy.optimize``.

    The solver is one compiled module (``scipy/optimize/_lsap``) that needs only numpy;
    ``import scipy.optimize`` loads the whole package with it (its minimisers, linprog,
    scipy.linalg, scipy.fft: ~0.18 s of a cold ``reportdiff report``).  The module is loaded
    from its file under its own name, so a later ``import scipy.optimize`` finds it loaded;
    where there is no such file (another scipy layout), the package is imported.
    """
    if not _loaded:
        import sys

        module = sys.modules.get("scipy.optimize._lsap") or _load_lsap()
        _loaded.append(module.linear_sum_assignment)
    return _loaded[0]


def _load_lsap() -> Any:
    import importlib.machinery
    import importlib.util
    import sys
    from pathlib import Path

    import scipy

    name, folder = "scipy.optimize._lsap", Path(scipy.__file__).parent / "optimize"
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        spec = importlib.util.spec_from_file_location(name, folder / f"_lsap{suffix}")
        if spec is not None and spec.loader is not None and (folder / f"_lsap{suffix}").is_file():
            module = importlib.util.module_from_spec(spec)
            sys.modules[name] = module
            spec.loader.exec_module(module)
            return module
    import scipy.optimize  # pragma: no cover - another scipy layout

    return scipy.optimize  # pragma: no cover


def extras(ev: PairEvidence, score: Matrix, ok: Matrix, chance: float | Matrix, thresholds: Thresholds,
           found: Found, stage: Stage) -> None:
    """Add the extra pairs: a pair not yet made where one side sends at least
    ``share`` of its text to the other and the other at least ``minor`` back (by paragraph
    flows, or by sentences carried over),
    above chance and with agreeing roles; one of its sections must already be paired."""
    import numpy as np

    # both sides hold a real share: by the paragraphs that flow, or by the sentences carried over
    # verbatim (a paragraph split between two sections flows whole to one of them; its sentences
    # are carried into each)
    shared = np.zeros(score.shape, dtype=bool)
    for x, y in ((ev.flow_a, ev.flow_b), (ev.carried_a, ev.carried_b)):
        shared |= (np.maximum(x, y) >= thresholds.share) & (np.minimum(x, y) >= thresholds.minor)
    cand = ((ok > 0) & shared & (score > chance)
            & (ev.cos >= thresholds.min_cosine) & (ev.role >= thresholds.min_role))
    rows, cols = found.rows(), found.cols()
    level = np.broadcast_to(np.asarray(chance, dtype=float), score.shape)
    for i, j in zip(*np.nonzero(cand), strict=True):
        i, j = int(i), int(j)
        if (i, j) not in found.pairs and (i in rows or j in cols):
            found.add(i, j, float(score[i, j]), stage, float(level[i, j]), ev)


def orphans(ev: PairEvidence, score: Matrix, ok: Matrix, chance: float | Matrix, thresholds: Thresholds,
            free_a: Sequence[bool], free_b: Sequence[bool], found: Found, stage: Stage) -> None:
    """Pair each section that is in no pair with the section of the other year its
    text mainly continues in: where at least ``orphan`` of its text flows, above
    chance and with agreeing roles, even when that section has a partner already
    (a block that became part of a larger section).  The partner need not send
    anything back: the orphan is a small share of it."""
    import numpy as np

    least = thresholds.orphan
    if least is None:
        return
    level = np.broadcast_to(np.asarray(chance, dtype=float), score.shape)
    cand = (ok > 0) & (score > level) & (ev.role >= thresholds.min_role)
    for flows, free, rows in ((ev.flow_a, free_a, True), (ev.flow_b.T, free_b, False)):
        c = cand if rows else cand.T
        for i in np.flatnonzero(np.asarray(free, dtype=bool)):
            f = np.where(c[i], flows[i], -1.0)
            j = int(f.argmax()) if f.size else -1
            if j < 0 or f[j] < least:
                continue
            a, b = (int(i), j) if rows else (j, int(i))
            found.add(a, b, float(score[a, b]), stage, float(level[a, b]), ev)
