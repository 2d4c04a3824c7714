"""English heading detection: Markdown ``#`` headings, numbered headings
(``1.``, ``1.1``, ``I.``, ``A.``, ``Item 1A.``), and short standalone lines in
Title Case or ALL CAPS."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reportdiff.parse import Candidate

_MD = re.compile(r"(#{1,6})[ \t]+(\S.*?)[ \t#]*$")
_NUMBERED = re.compile(r"(Item\s+\d+[A-Z]?\.|\d+(?:\.\d+)+\.?|\d{1,2}\.|[IVX]{1,5}\.|[A-H]\.)[ \t]+(?=[A-Z])")
_SMALL = {"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to", "vs", "vs.", "with", "–", "-", "—", "&"}


def _is_title_line(s: str) -> bool:
    if not s or len(s) > 70 or not re.search(r"[A-Za-z]{2}", s):
        return False
    if s[-1] in ".,;:" or re.search(r"\S {3,}\S", s) or re.search(r"\.{4,}", s):
        return False
    words = re.findall(r"[A-Za-z’'&.-]+|\d+", s)
    if not words or len(words) > 12:
        return False
    if s.isupper():
        return True
    caps = [w for w in words if w.lower() not in _SMALL]
    return bool(caps) and all(w[0].isupper() or w[0].isdigit() for w in caps) and words[0][0].isupper()


def english_candidates(text: str, *, start: int = 0) -> list[Candidate]:
    """Heading candidates of an English text from offset ``start``."""
    from reportdiff.parse import Candidate

    out: list[Candidate] = []
    lines = []
    pos = start
    while pos <= len(text):
        e = text.find("\n", pos)
        if e < 0:
            e = len(text)
        lines.append((pos, e))
        if e == len(text):
            break
        pos = e + 1
    for k, (ls, le) in enumerate(lines):
        raw = text[ls:le]
        s = raw.strip()
        if not s:
            continue
        lead = len(raw) - len(raw.lstrip())
        hs = ls + lead
        he = hs + len(s)
        m = _MD.match(s)
        if m:
            out.append(Candidate(hs, he, le, m.group(1), f"md{len(m.group(1))}", None, m.group(2).strip(), rank=len(m.group(1))))
            continue
        blank_before = k == 0 or not text[lines[k - 1][0] : lines[k - 1][1]].strip()
        blank_after = k + 1 >= len(lines) or not text[lines[k + 1][0] : lines[k + 1][1]].strip()
        if not (blank_before and blank_after):
            continue
        m = _NUMBERED.match(s)
        if m and len(s) <= 90 and s[-1] not in ".,;":
            tok = m.group(1)
            scheme = "item" if tok.startswith("Item") else "decimal" if re.match(r"\d+\.\d", tok) else "arabic-dot" if tok[0].isdigit() else "roman" if re.fullmatch(r"[IVX]+\.", tok) else "letter"
            ordinal = int(re.sub(r"\D.*", "", tok)) if tok[0].isdigit() else None
            out.append(Candidate(hs, he, le, tok, scheme, ordinal, s[len(tok):].strip()))
            continue
        if _is_title_line(s):
            scheme = "en-centered" if lead >= 8 else "en-standalone"
            out.append(Candidate(hs, he, le, "", scheme, None, s))
    return out
