"""Where the words of a text end, for breaking the chart's labels between words (line_breaking).

The preferred source is ICU's dictionary-based word break iterator (PyICU, the ``icu`` extra): it
knows the words of Traditional Chinese. PyICU builds from source against the system's ICU (libicu-dev;
there is no wheel for Windows), so the program also works without it, with a fallback that gives the
same breaks for the plan's texts:

- runs of Han characters are cut by dictionary matching against ``words_zh_tw.txt``: the words that
  ICU finds in every text of both samples (``scripts/make_word_list.py`` writes it, with PyICU). A run
  is cut into the fewest pieces that are listed words or single characters; between cuts of as many
  pieces, the longer word first (「另一｜個」 rather than 「另｜一個」);
- letters and digits run together as one word (「smart」, 「5G」, 「2.5」, 「don't」), like Unicode's word
  boundaries (UAX #29) that ICU follows outside dictionaries; a run of spaces is one piece; every other
  character (punctuation, symbols, emoji) is a piece of its own.

On the samples' texts the two agree everywhere but in two places of the preface and the closing,
where ICU's word frequencies choose another cut of the same length: 「高雄｜市民」 (fallback 「高雄市｜民」)
and 「都｜能夠」 (fallback 「都能｜夠」); neither is in the chart, whose layout is the same either way
(tests/editor/test_word_breaks.py proves both). A plan with words that neither sample has gets them
cut into characters by the fallback, where ICU may know them; line_breaking's plan terms are joined
back after either.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

WORD_LIST = Path(__file__).with_name("words_zh_tw.txt")
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff"
_HAN_RUN = re.compile(rf"[{_HAN}]+")
_ALNUM = rf"[^\W_{_HAN}\u3000-\u303f]"  # letters and digits other than Han (full-width ones too)
# Inside a word (UAX #29): an apostrophe or a point anywhere, a comma or a semicolon between digits
# (「don't」, 「2.5」, 「1,000」; 「a,b」 and 「a:b」 are three pieces).
_JOINER = r"(?:['’.．＇]|(?<=\d)[,;，；](?=\d))"
_PIECE = re.compile(
    rf"(?P<han>[{_HAN}]+)"  # cut by the word list
    rf"|{_ALNUM}+(?:{_JOINER}{_ALNUM}+)*"  # a word or a number
    r"|[ \u1680\u2000-\u2006\u2008-\u200a\u205f\u3000]+"  # a run of spaces (not tabs, not no-break spaces)
    r"|\r\n|.",  # anything else: one character (a line break \r\n is one)
    re.S,
)


@lru_cache(maxsize=1)
def _icu_iterator():
    """ICU's word break iterator, made on first use (~2 ms), or None where PyICU is not installed."""
    try:
        import icu
    except ImportError:
        return None
    return icu.BreakIterator.createWordInstance(icu.Locale("zh_TW"))


def han_runs(text: str) -> list[str]:
    """The runs of Han characters in ``text`` (what the word list cuts)."""
    return _HAN_RUN.findall(text)


def uses_icu() -> bool:
    """Whether words come from ICU (PyICU installed) rather than the fallback."""
    return _icu_iterator() is not None


def word_ends(text: str) -> list[int]:
    """The offsets (str indexes) where each word, space or punctuation piece of ``text`` ends."""
    if not text:
        return []
    iterator = _icu_iterator()
    return icu_word_ends(text, iterator) if iterator is not None else fallback_word_ends(text)


def icu_word_ends(text: str, iterator=None) -> list[int]:
    """ICU's word ends (PyICU must be installed)."""
    iterator = iterator or _icu_iterator()
    if iterator is None:
        raise RuntimeError("PyICU is not installed")
    iterator.setText(text)
    ends = list(iterator)  # UTF-16 offsets, the same as str indexes only without astral characters
    return _python_offsets(text, ends) if text and max(text) > "\uffff" else ends


def _python_offsets(text: str, utf16_ends: list[int]) -> list[int]:
    out, units, wanted = [], 0, iter(utf16_ends)
    target = next(wanted, None)
    for index, ch in enumerate(text, 1):
        units += 2 if ord(ch) > 0xFFFF else 1
        while target is not None and target <= units:
            out.append(index)
            target = next(wanted, None)
    return out


def fallback_word_ends(text: str) -> list[int]:
    """The word ends without ICU: the sample's word list for Han runs, Unicode-like rules elsewhere."""
    ends: list[int] = []
    for match in _PIECE.finditer(text):
        if match.lastgroup == "han":
            start = match.start()
            ends.extend(start + end for end in _han_ends(match.group()))
        else:
            ends.append(match.end())
    return ends


@lru_cache(maxsize=1)
def _word_list() -> tuple[frozenset[str], int]:
    words = frozenset(
        line.strip() for line in WORD_LIST.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")
    )
    return words, max(map(len, words), default=1)


def _han_ends(run: str) -> list[int]:
    """Ends of the fewest pieces (listed words or single characters) that make ``run``; ties: longer first."""
    words, longest = _word_list()
    n = len(run)
    pieces = [0] * (n + 1)  # pieces[i]: the fewest pieces that make run[i:]
    step = [1] * (n + 1)
    for i in range(n - 1, -1, -1):
        best = pieces[i + 1] + 1
        for j in range(min(n, i + longest), i + 1, -1):  # the longest word first: a tie keeps it
            if pieces[j] + 1 < best and run[i:j] in words:
                best, step[i] = pieces[j] + 1, j - i
            elif pieces[j] + 1 == best and step[i] < j - i and run[i:j] in words:
                step[i] = j - i
        pieces[i] = best
    ends, i = [], 0
    while i < n:
        i += step[i]
        ends.append(i)
    return ends
