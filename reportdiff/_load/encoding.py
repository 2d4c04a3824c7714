"""Decoding a report's bytes by evidence, never by the order encodings are tried.

GB18030 decodes almost any byte string, and Big5, Shift-JIS, EUC-JP, EUC-KR
and Windows-1252 decode most, so "the first encoding that does not fail" reads
a Big5 report as GB18030 mojibake.  Instead every encoding that decodes the
bytes strictly is scored on what it gives:

- the share of its non-ASCII characters that no report holds: anything
  outside the blocks of :data:`PLAUSIBLE_BLOCKS` (private-use, control, Yi,
  half-width katakana…), and rare ideographs and syllables (outside GB2312,
  Big5 level 1, JIS level 1 and KS X 1001, where the wrong decoding of
  another CJK encoding mostly lands);
- charset-normalizer's mess ratio (symbol soup, letters of mixed scripts).

The decoding with the lowest score wins, when it is plausible at all
(``max_implausible``, ``max_mess``).  UTF-8 that decodes strictly to a
plausible text wins at once (its byte patterns are too regular to pass by
chance), and a byte-order mark is believed.  Japanese and Korean texts decode correctly but are refused
(:func:`check_script`): the library reads Chinese and English reports.
"""

from __future__ import annotations

import bisect
import codecs
import collections
import functools
import re

from reportdiff._text import CJK
from reportdiff.errors import DecodeError, InputError

__all__ = ["CANDIDATES", "check_script", "decode"]

#: Encodings tried on bytes that are not UTF-8, scored by what they give;
#: on equal scores the earlier one is taken.
CANDIDATES: tuple[str, ...] = (
    "gb18030", "big5", "cp950", "big5hkscs", "shift_jis", "cp932", "euc_jp", "euc_kr", "cp949",
    "utf-16-le", "utf-16-be", "cp1252",
)
#: How many bytes of the file are scored (the winner then decodes the whole file).
SAMPLE_BYTES = 256 * 1024
#: The largest share of implausible characters among the visible ones a decoding may give.
MAX_IMPLAUSIBLE = 0.05
#: The largest charset-normalizer mess ratio a decoding may give (its own default).
MAX_MESS = 0.2
#: The mess ratio is believed only on samples of at least this many characters
#: (on a short text a run of punctuation is enough to raise it); a shorter
#: text is judged by its implausible characters alone, equal scores going to
#: the earlier of :data:`CANDIDATES`.
MIN_MESS_SAMPLE = 200
#: How many characters of a sample the mess ratio reads.
MESS_SAMPLE = 32_768

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_KANA = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9d]")
_HANGUL = re.compile(r"[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]")


@functools.cache
def _letter_re() -> re.Pattern[str]:
    """A Latin letter or an ideograph: compiled on first use, as only a text with kana or hangul
    needs its letters counted (:func:`check_script`)."""
    return re.compile(rf"[A-Za-z{CJK}]")


#: The everyday ideographs and syllables of the CJK national standards, as (codec, lead-byte
#: range): GB2312 hanzi (simplified), Big5 level 1 (traditional), JIS X 0208 level 1 kanji and
#: the KS X 1001 hangul syllables.
_COMMON_BLOCKS: tuple[tuple[str, range], ...] = (
    ("gb2312", range(0xB0, 0xF8)),
    ("big5", range(0xA4, 0xC7)),
    ("euc_jp", range(0xB0, 0xD0)),
    ("euc_kr", range(0xB0, 0xC9)),
)


@functools.lru_cache(maxsize=65536)
def _common(ch: str) -> bool:
    """Whether an ideograph or hangul syllable is in a common block of :data:`_COMMON_BLOCKS`
    (judged by encoding it: a few microseconds per distinct character)."""
    for enc, leads in _COMMON_BLOCKS:
        try:
            b = ch.encode(enc)
        except UnicodeEncodeError:
            continue
        if len(b) == 2 and b[0] in leads and (enc != "big5" or b[1] in _BIG5_TRAILS):
            return True
    return False


_BIG5_TRAILS = frozenset([*range(0x40, 0x7F), *range(0xA1, 0xFF)])


#: Blocks whose characters reports hold (beyond ASCII), as code point ranges:
#: Latin letters, punctuation and symbols, CJK punctuation, kana, bopomofo,
#: enclosed and full-width forms.  Greek and Cyrillic are left out: in a
#: Chinese or English report they are a few symbols (α, Ω), while a wrong
#: decoding gives runs of them (GB18030 bytes read as UTF-8 give Cyrillic).  Ideographs and hangul
#: syllables count only when common (:func:`_common`).
PLAUSIBLE_BLOCKS: tuple[tuple[int, int], ...] = (
    (0x00A0, 0x024F), (0x02B0, 0x02FF), (0x2000, 0x206F), (0x20A0, 0x20CF),
    (0x2100, 0x23FF), (0x2460, 0x27BF), (0x3000, 0x30FF), (0x3100, 0x312F), (0x3200, 0x33FF),
    (0xFE30, 0xFE4F), (0xFF01, 0xFF60), (0xFFE0, 0xFFEF),
)
_PLAUSIBLE_STARTS = tuple(a for a, _ in PLAUSIBLE_BLOCKS)


def _implausible(ch: str) -> bool:
    o = ord(ch)
    if 0x4E00 <= o <= 0x9FFF or 0xAC00 <= o <= 0xD7A3:
        return not _common(ch)
    k = bisect.bisect_right(_PLAUSIBLE_STARTS, o) - 1
    return not (k >= 0 and o <= PLAUSIBLE_BLOCKS[k][1])


def _shares(text: str) -> tuple[float, float]:
    """A decoding's implausible characters: their share among the non-ASCII ones, among all visible ones."""
    counts = collections.Counter(text)  # each distinct character is judged once
    wide = bad = spaces = 0
    for ch, n in counts.items():
        if ch.isspace():
            spaces += n
        elif ord(ch) >= 128:
            wide += n
            if _implausible(ch):
                bad += n
    visible = len(text) - spaces
    return bad / max(1, wide), bad / max(1, visible)


def _sample(data: bytes, enc: str, size: int) -> str | None:
    """``data[:size]`` decoded strictly (a character cut at the end is left out), or None."""
    try:
        dec = codecs.getincrementaldecoder(enc)(errors="strict")
        return str(dec.decode(data[:size], final=len(data) <= size))
    except (UnicodeDecodeError, LookupError):
        return None


def _mess(text: str) -> float:
    """charset-normalizer's mess ratio of a decoding (imported on first use: a plausible UTF-8
    file never needs it, so a cold ``reportdiff diff`` does not pay for the import)."""
    from charset_normalizer.md import mess_ratio

    return float(mess_ratio(text, 1.0))


#: Control characters no report has (below U+0020 but tab, line feed, VT, FF, CR) and U+FFFD.
_BINARY_RE = re.compile("[\x00-\x08\x0e-\x1f\ufffd]")


def _is_binary(text: str) -> bool:
    """True when a decoded text holds control characters no report has."""
    sample = text[:65536]
    bad = len(_BINARY_RE.findall(sample))
    return bad > max(2, len(sample) // 200)


def decode(
    data: bytes,
    name: str = "<bytes>",
    *,
    candidates: tuple[str, ...] = CANDIDATES,
    max_implausible: float = MAX_IMPLAUSIBLE,
    max_mess: float = MAX_MESS,
    sample_bytes: int = SAMPLE_BYTES,
) -> tuple[str, str]:
    """Decode a report's bytes; return ``(text, encoding)``.

    Args:
        data: the file's bytes.
        name: the file, for messages.
        candidates: the encodings scored when the bytes are not UTF-8.
        max_implausible: refuse a decoding when more than this share of its
            visible characters are implausible.
        max_mess: refuse when the best decoding's mess ratio is above this.
        sample_bytes: how many bytes are scored.

    Returns:
        The text and the name of the encoding it was decoded with.

    Raises:
        InputError: the bytes are binary (NUL bytes, control characters).
        DecodeError: no encoding gives a plausible text.

    >>> decode("年报".encode("gb18030"))
    ('年报', 'gb18030')
    >>> decode("施政報告：香港經濟".encode("big5"))
    ('施政報告：香港經濟', 'big5')
    >>> decode("各位代表".encode("utf-16-le"))
    ('各位代表', 'utf-16-le')
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                break  # a BOM-like start that is not one: score the bytes
            return _checked(text, enc, name)
    scored: list[tuple[float, int, str]] = []
    for i, enc in enumerate(("utf-8", *candidates)):
        if enc.startswith("utf-16") and len(data) % 2:
            continue
        sample = _sample(data, enc, sample_bytes)
        if sample is None or _is_binary(sample):
            continue
        wide_share, share = _shares(sample)
        if share > max_implausible:
            continue
        if enc == "utf-8" and b"\x00" not in data:
            scored = [(0.0, i, enc)]  # strict UTF-8 with plausible text: its byte patterns do not pass by chance
            break
        # charset-normalizer's mess ratio, on a short text not evidence
        mess = _mess(sample[:MESS_SAMPLE]) if len(sample) >= MIN_MESS_SAMPLE else 0.0
        if mess > max_mess:
            continue
        scored.append((wide_share + mess, i, enc))
    for _, _, enc in sorted(scored):
        try:
            return _checked(data.decode(enc), enc, name)
        except UnicodeDecodeError:
            continue  # the sample decoded, a later part does not
    if b"\x00" in data[:65536]:
        raise InputError(f"{name}: binary file (NUL bytes); give a text, HTML or Markdown report")
    raise DecodeError(
        f"{name}: cannot decode the bytes as UTF-8, UTF-16, GB18030 or Big5 with plausible text; "
        "save the file as UTF-8"
    )


def _checked(text: str, enc: str, name: str) -> tuple[str, str]:
    if _is_binary(text):
        raise InputError(f"{name}: binary file (control characters); give a text, HTML or Markdown report")
    return text, enc


#: The largest share of kana and hangul among a text's letters for it to be read.
MAX_FOREIGN_SCRIPT = 0.1


def check_script(text: str, name: str, encoding: str, *, max_foreign: float = MAX_FOREIGN_SCRIPT) -> None:
    """Refuse a Japanese or Korean text: the heading and number rules are Chinese and English.

    Raises:
        InputError: kana or hangul are more than ``max_foreign`` of the letters.

    >>> check_script("政府工作报告", "a.txt", "utf-8")
    >>> check_script("한국 경제는 회복되고 있다", "a.txt", "euc_kr")
    Traceback (most recent call last):
    ...
    reportdiff.errors.InputError: a.txt: the text is Korean (read as euc_kr); reportdiff reads Chinese and English reports
    """
    sample = text[:200_000]
    kana = len(_KANA.findall(sample))
    hangul = len(_HANGUL.findall(sample))
    if not kana and not hangul and max_foreign >= 0:
        return  # nothing foreign (a Chinese or English report): no letter to count
    letters = kana + hangul + len(_letter_re().findall(sample))
    if letters and kana + hangul > max_foreign * letters:
        language = "Japanese" if kana >= hangul else "Korean"
        raise InputError(
            f"{name}: the text is {language} (read as {encoding}); reportdiff reads Chinese and English reports"
        )
