"""The role of a section in its report, read from its grammar, not its topic.

A report reviews what was done and plans what will be done.  A section's role
is a number in [-1, 1]: -1 for pure review, +1 for pure plan, computed from

- aspect and tense cues: perfective and past markers (``已``, ``了``, ``过去``,
  "was", "did", verbs in ``-ed``) against prospective ones (``要``, ``将``,
  ``拟``, "will", "plan to");
- year references relative to the report's year: an earlier year is review,
  the report's year or a later one is plan (for a report that is dated by the
  year it reviews, the tense cues dominate).

The cue lists are grammatical (aspect, modality), they name no topic.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from reportdiff._align.units import Unit, Year
from reportdiff._text import Language, nfkc

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Matrix = npt.NDArray[np.float64]

__all__ = ["role_agreement", "roles"]

#: Perfective aspect and past-time markers (Simplified and Traditional forms).
_PAST_ZH = re.compile(r"已经|已|了|过去|過去|取得|完成|实现|實現|曾")
#: Prospective and modal markers.
_FUTURE_ZH = re.compile(r"要|将|將|拟|擬|力争|力爭|计划|計劃|争取|爭取|未来|未來")
_PAST_EN = re.compile(r"\b(?:was|were|had|did|been|last year|past)\b|\B(?<=\w\w)ed\b", re.IGNORECASE)
_FUTURE_EN = re.compile(r"\b(?:will|shall|'ll|plan(?:s|ned)? to|intend|propose|going to|next year|future|expect)\b",
                        re.IGNORECASE)
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


def role(text: str, language: Language, report_year: int) -> float:
    """The role of a text: -1 review … +1 plan; 0 when no cue is found.

    >>> role("过去一年，经济运行已经企稳，完成了全年目标。", Language.ZH, 2020)
    -1.0
    >>> role("今年要坚持稳中求进，将推进改革，拟安排赤字。", Language.ZH, 2020)
    1.0
    """
    text = nfkc(text)
    if language == Language.ZH:
        past, future = len(_PAST_ZH.findall(text)), len(_FUTURE_ZH.findall(text))
    else:
        past, future = len(_PAST_EN.findall(text)), len(_FUTURE_EN.findall(text))
    for y in _YEAR.findall(text):
        if int(y) < report_year:
            past += 1
        else:
            future += 1
    if past + future == 0:
        return 0.0
    return round((future - past) / (future + past), 6)


def roles(year: Year, units: Sequence[Unit]) -> list[float]:
    """The role of each unit; a leaf's role leans on its part's (the part says where it stands).

    Roles are centred on the report's own mean, so a report that is mostly plan
    (or mostly review) still tells its review parts from its plan parts.
    """
    lang, y = year.language, year.report.year

    def text_of(u: Unit) -> str:
        return "\n".join(year.chunks[c] for c in u.chunks)

    part_role = [role(text_of(p), lang, y) for p in year.parts]
    mean = sum(part_role) / len(part_role) if part_role else 0.0
    out = []
    for u in units:
        own = part_role[u.part] if u.level == 1 and not u.intro else role(text_of(u), lang, y)
        r = own if u.level == 1 and not u.intro else 0.5 * own + 0.5 * part_role[u.part]
        out.append(max(-1.0, min(1.0, r - mean)))
    return out


def role_agreement(ra: Sequence[float], rb: Sequence[float]) -> Matrix:
    """``1 - |ra - rb| / 2`` for every pair: 1 for the same role, 0 for opposite roles."""
    import numpy as np

    a = np.array(ra, dtype=float)[:, None]
    b = np.array(rb, dtype=float)[None, :]
    out: Matrix = np.clip(1.0 - np.abs(a - b) / 2.0, 0.0, 1.0).reshape(len(ra), len(rb))
    return out
