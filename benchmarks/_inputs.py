"""Generated inputs for benchmarks/run.py, built deterministically from fixtures/.

Every builder writes into a directory it is given (a temporary directory of the run), never
into tracked files, and returns the paths it wrote.  Same fixtures in, same bytes out: the
perturbations are drawn from ``random.Random(seed)`` with fixed seeds.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOV = ROOT / "fixtures" / "gov-work-report"

_SENTENCE = re.compile(r"[^。！？!?\n]*[。！？!?]")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_DIGITS = "零一二三四五六七八九"


def fixture_files() -> list[Path]:
    """The ten government work reports, sorted by file name (year)."""
    return sorted(GOV.glob("*.txt"))


def fixture_texts() -> list[str]:
    """The texts of :func:`fixture_files`, in year order."""
    return [p.read_text(encoding="utf-8") for p in fixture_files()]


def chinese_numeral(n: int) -> str:
    """``n`` (1–999) in Chinese numerals as headings number them: 十一, 一百零五, 八百."""
    if not 0 < n < 1000:
        raise ValueError(f"chinese_numeral covers 1–999, got {n}")
    hundreds, tens, units = n // 100, n // 10 % 10, n % 10
    out = _DIGITS[hundreds] + "百" if hundreds else ""
    if tens:
        out += ("" if tens == 1 and not hundreds else _DIGITS[tens]) + "十"
    elif hundreds and units:
        out += "零"
    return out + (_DIGITS[units] if units else "")


def change_number(text: str, rng: random.Random) -> str:
    """``text`` with the last digit of one of its numbers (drawn with ``rng``) raised by one."""
    numbers = list(_NUMBER.finditer(text))
    if not numbers:
        return text
    m = rng.choice(numbers)
    return text[: m.end() - 1] + str((int(m.group()[-1]) + 1) % 10) + text[m.end() :]


def perturb(text: str, seed: int) -> str:
    """``text`` lightly changed: one sentence dropped and one number changed.

    The sentence is taken from a paragraph of two or more sentences (so no heading or
    paragraph disappears); the number is one in a paragraph (a line over 40 characters).
    """
    rng = random.Random(seed)
    lines = text.split("\n")
    multi = [i for i, line in enumerate(lines) if len(_SENTENCE.findall(line)) >= 2]
    if multi:
        i = rng.choice(multi)
        gone = rng.choice(list(_SENTENCE.finditer(lines[i])))
        lines[i] = lines[i][: gone.start()] + lines[i][gone.end() :]
    numbered = [i for i, line in enumerate(lines) if len(line) > 40 and _NUMBER.search(line)]
    if numbered:
        i = rng.choice(numbered)
        lines[i] = change_number(lines[i], rng)
    return "\n".join(lines)


def zigzag(count: int, length: int) -> list[int]:
    """Indices 0, 1, …, length-1, length-2, …, 0, 1, … (``count`` of them).

    Consecutive indices are always neighbours, so cycling the fixture years this way keeps
    every generated pair a pair of consecutive real years.
    """
    period = max(2 * (length - 1), 1)
    out = []
    for k in range(count):
        r = k % period
        out.append(r if r < length else period - r)
    return out


def write_years(out: Path, count: int, *, first_year: int = 2000) -> list[Path]:
    """``count`` yearly reports made from the ten fixture years.

    Year ``first_year + k`` is fixture ``zigzag(count)[k]``, perturbed with seed ``k``
    (:func:`perturb`), with the fixture's own year relabelled in its first lines (the
    title, where it names one) and in the file name.
    """
    out.mkdir(parents=True, exist_ok=True)
    files, texts = fixture_files(), fixture_texts()
    paths = []
    for k, i in enumerate(zigzag(count, len(files))):
        year = first_year + k
        text = perturb(texts[i], seed=k)
        head, sep, rest = text.partition("\n\n")
        text = head.replace(files[i].stem, str(year)) + sep + rest
        path = out / f"{year}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def cut(text: str, size: int) -> str:
    """``text`` cut at the last line break at or before ``size`` characters."""
    if len(text) <= size:
        return text
    end = text.rfind("\n", 0, size + 1)
    return text[: end if end > 0 else size]


def write_long_pair(out: Path, size: int) -> tuple[Path, Path]:
    """An old/new pair of about ``size`` characters each, made by concatenating fixture years.

    Block ``j`` of the old text is fixture year ``j mod 9``, block ``j`` of the new text the
    year after it, so the pair differs as consecutive years do, at any length.
    """
    texts = fixture_texts()
    old: list[str] = []
    new: list[str] = []
    j = 0
    while min(sum(map(len, old)), sum(map(len, new))) < size:
        old.append(texts[j % (len(texts) - 1)])
        new.append(texts[j % (len(texts) - 1) + 1])
        j += 1
    out.mkdir(parents=True, exist_ok=True)
    a, b = out / "2018.txt", out / "2019.txt"
    a.write_text(cut("\n\n".join(old), size), encoding="utf-8")
    b.write_text(cut("\n\n".join(new), size), encoding="utf-8")
    return a, b


def write_long_line(out: Path, repeats: int, unit: str = "增长6.6%") -> Path:
    """One line of ``unit`` repeated ``repeats`` times, no sentence stop anywhere."""
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"line-{repeats}.txt"
    path.write_text(unit * repeats + "\n", encoding="utf-8")
    return path


def _sentences() -> list[str]:
    """Every distinct sentence of the fixtures of 8–120 characters, in reading order."""
    seen: dict[str, None] = {}
    for text in fixture_texts():
        for m in _SENTENCE.finditer(text):
            s = m.group().strip()
            if 8 <= len(s) <= 120:
                seen.setdefault(s)
    return list(seen)


def _heading(sentence: str) -> str:
    """A heading made from the start of a sentence: its first clause, at most 14 characters."""
    clause = re.split(r"[，。；：、！？,;:]", sentence, maxsplit=1)[0]
    return clause[:14] or sentence[:14]


def write_parts(out: Path, parts: int, *, per_part: int = 3, seed: int = 0) -> tuple[Path, Path]:
    """Two years of one report with ``parts`` numbered top-level sections (一、 … 八百、).

    Part ``i`` has a heading made from a fixture sentence and ``per_part`` further sentences
    as its body.  The later year keeps the parts in order but, drawn with ``seed``: drops a
    sentence from about a seventh of them, changes a number in about a fifth, renames about a
    tenth (a heading taken from another sentence), and swaps about a twentieth with their
    neighbour.
    """
    pool = _sentences()
    need = parts * (per_part + 1)
    pool = (pool * (need // len(pool) + 1))[:need]
    rng = random.Random(seed)
    old_parts: list[tuple[str, list[str]]] = []
    for i in range(parts):
        chunk = pool[i * (per_part + 1) : (i + 1) * (per_part + 1)]
        old_parts.append((_heading(chunk[0]), chunk[1:]))
    new_parts = []
    for head, body in old_parts:
        body = list(body)
        if rng.random() < 1 / 7 and len(body) > 1:
            del body[rng.randrange(len(body))]
        if rng.random() < 1 / 5:
            k = rng.randrange(len(body))
            body[k] = change_number(body[k], rng)
        if rng.random() < 1 / 10:
            head = _heading(rng.choice(pool))
        new_parts.append((head, body))
    for i in range(len(new_parts) - 1):
        if rng.random() < 1 / 20:
            new_parts[i], new_parts[i + 1] = new_parts[i + 1], new_parts[i]
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for year, doc in ((2018, old_parts), (2019, new_parts)):
        lines = [f"{year}年工作报告", ""]
        for n, (head, body) in enumerate(doc, start=1):
            lines += [f"{chinese_numeral(n)}、{head}", "", "".join(body), ""]
        path = out / f"{year}.txt"
        path.write_text("\n".join(lines), encoding="utf-8")
        paths.append(path)
    return paths[0], paths[1]


def sizes(first: int, steps: int) -> Sequence[int]:
    """``first``, doubled ``steps - 1`` times: 22000, 44000, 88000, …"""
    return [first * 2**k for k in range(steps)]
