"""Line breaking of the chart's labels at punctuation and word boundaries, balanced.

Chinese has no spaces, so a label breaks where a reader would: after punctuation (，、；…) first,
then between words, never inside one — a box grows a line rather than split 「窗口」 into
「窗｜口」. Words come from ICU's dictionary-based word break iterator (PyICU; without it, the fallback
of ``word_breaks``, which cuts the samples' texts alike): judged on every
label of both samples against jieba and rjieba, it was the only one that segments Traditional
Chinese (jieba's and rjieba's dictionaries are Simplified: without their HMM they cut 「產業」,
「計畫」 and 「服務」 into single characters, and with it jieba cuts 「捷運」 as 「興建捷｜運輕軌」),
and it starts in about 2 ms where jieba loads its dictionary for over a second. A short list of
plan terms that ICU's dictionary does not know (_PLAN_TERMS) is joined back after it.

Widths come from the caller's ``advance`` function (a font's horizontalAdvance): each distinct
piece is measured once and lines are summed from those, so wrapping is linear in the text's
length; balancing (the fewest lines, made as even as possible, breaking at punctuation when that
costs little) is a small dynamic programme over the pieces, used up to _BALANCE_LIMIT pieces,
beyond which (a pathological megabyte label) the first-fit lines are kept.
"""
from __future__ import annotations

from collections.abc import Callable

from editor.export.word_breaks import word_ends

# Characters that must not start a line (Chinese line-breaking rules, 避頭點) and must not end one.
NO_LINE_START = frozenset("，。、；：！？）」』》〉】〕…,.;:!?)]}%")
NO_LINE_END = frozenset("（「『《〈【〔([{")
# After these a break costs nothing: the writer's own pause.
_PAUSES = frozenset("，。、；：！？,;:!?")
# Words of plan writing that ICU's dictionary splits (「輕｜軌」, 「警｜民」); joined back whole.
_PLAN_TERMS = frozenset(
    "輕軌 警民 警消 路網 文創 新創 青農 教保 空污 共融 偏鄉 雙語 雙機 資源網 技職 農漁 造街 親水 日照 長照 "
    "韌性 防災 減災 智慧 創生 低碳 綠能 港灣 園區 高階 市民 原民 客家 新住民 身障 托育 幼兒園".split()
)
_TERM_PREFIXES = frozenset(term[:i] for term in _PLAN_TERMS for i in range(1, len(term)))
_BALANCE_LIMIT = 400  # pieces; the programme is quadratic in them

Advance = Callable[[str], float]


def words(text: str) -> list[str]:
    """``text`` cut into words, punctuation and spaces (word_breaks: ICU, or its fallback without PyICU),
    with the plan's own terms kept whole."""
    pieces, start = [], 0
    for end in word_ends(text):
        pieces.append(text[start:end])
        start = end
    return _join_terms(pieces)


def _join_terms(pieces: list[str]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(pieces):
        if pieces[i] not in _TERM_PREFIXES:  # most pieces start no plan term
            out.append(pieces[i])
            i += 1
            continue
        for span in (3, 2):
            joined = "".join(pieces[i:i + span])
            if i + span <= len(pieces) and len(joined) <= 4 and joined in _PLAN_TERMS:
                out.append(joined)
                i += span
                break
        else:
            out.append(pieces[i])
            i += 1
    return out


def _atoms(text: str, units: list[str] | None, advance: Advance, width: float):
    """The pieces a line may break between, what ending a line after each costs, and their widths.

    Pieces are words with their closing punctuation and trailing spaces, opening brackets with the
    word after them, a unit (a goal) whole when it fits; a piece wider than the line is cut into
    characters, the only case where a word breaks. Costs are in the balance's units (width²).
    Returns (atoms, costs, full widths, widths without trailing spaces); one pass, each distinct
    piece measured once (``advance`` remembers).
    """
    pieces: list[str] = []
    for unit in units if units is not None else [text]:
        if not unit:
            continue
        if units is not None and advance(unit) <= width:
            pieces.append(unit)
        else:
            pieces.extend(words(unit))
    glued: list[str] = []
    glue_next = False
    no_start, no_end = NO_LINE_START, NO_LINE_END
    for piece in pieces:
        if glued and (glue_next or piece[0] in no_start or piece.isspace()):
            glued[-1] += piece
        else:
            glued.append(piece)
        glue_next = piece[-1] in no_end
    word_break, char_break = (0.3 * width) ** 2, (0.6 * width) ** 2
    atoms: list[str] = []
    costs: list[float] = []
    full: list[float] = []
    tight: list[float] = []
    pauses = _PAUSES
    for atom in glued:
        last = atom[-1]
        spaced = last.isspace()
        w = advance(atom)
        t = advance(atom.rstrip()) if spaced else w
        if t > width and len(atom) > 1:
            chars = _split_wide(atom)
            atoms.extend(chars)
            costs.extend([char_break] * (len(chars) - 1))
            for ch in chars:
                cw = advance(ch)
                full.append(cw)
                tight.append(advance(ch.rstrip()) if ch[-1].isspace() else cw)
        else:
            atoms.append(atom)
            full.append(w)
            tight.append(t)
        costs.append(0.0 if last in pauses or spaced else word_break)
    return atoms, costs, full, tight


def _split_wide(atom: str) -> list[str]:
    chars: list[str] = []
    for ch in atom:  # closing punctuation and spaces stay with the character before them
        if chars and (ch.isspace() or ch in NO_LINE_START or chars[-1][-1] in NO_LINE_END):
            chars[-1] += ch
        else:
            chars.append(ch)
    return chars


def break_lines(text: str, advance: Advance, width: float, *, units: list[str] | None = None, balance: bool = True) -> list[str]:
    """``text`` as lines no wider than ``width`` (except a single character that is wider).

    The fewest lines that break only at punctuation or between words; with ``balance``, those
    lines as even as possible, preferring a break after punctuation. ``units`` (e.g. the goals,
    each with its 、) are kept whole when they fit on a line.
    """
    measured: dict[str, float] = {}

    def measure(piece: str) -> float:
        value = measured.get(piece)
        if value is None:
            value = measured[piece] = advance(piece)
        return value

    atoms, costs, full, tight = _atoms(text, units, measure, width)
    if not atoms:
        return [""]
    ends = _first_fit(full, tight, width)
    if balance and 1 < len(ends) and len(atoms) <= _BALANCE_LIMIT:
        ends = _balanced(costs, full, tight, width, len(ends)) or ends
    lines, start = [], 0
    for end in ends:
        line = "".join(atoms[start:end]).strip()
        if line:
            lines.append(line)
        start = end
    return lines or [""]


def _first_fit(full: list[float], tight: list[float], width: float) -> list[int]:
    """Line ends (atom indexes) of first-fit filling: the fewest lines, in one pass."""
    ends: list[int] = []
    line, start = 0.0, 0
    for i, (w, t) in enumerate(zip(full, tight)):
        if i > start and line + t > width:
            ends.append(i)
            line, start = 0.0, i
        line += w
    ends.append(len(full))
    return ends


def _balanced(cost_after: list[float], full: list[float], tight: list[float], width: float, count: int) -> list[int] | None:
    """Ends of ``count`` lines minimising the squared slack of every line plus the break costs."""
    n = len(full)
    prefix = [0.0]
    for w in full:
        prefix.append(prefix[-1] + w)
    inf = float("inf")
    # best[k][j]: the cheapest k lines holding atoms[:j]; back[k][j]: where the last of them starts.
    best = [[inf] * (n + 1) for _ in range(count + 1)]
    back = [[0] * (n + 1) for _ in range(count + 1)]
    best[0][0] = 0.0
    for k in range(1, count + 1):
        for j in range(k, n + 1):
            for i in range(j - 1, k - 2, -1):  # later starts first: ties keep the fuller first lines
                line = prefix[j - 1] - prefix[i] + tight[j - 1]
                if line > width and j - i > 1:
                    break
                if best[k - 1][i] == inf:
                    continue
                cost = best[k - 1][i] + (width - line) ** 2 + (cost_after[j - 1] if j < n else 0.0)
                if cost < best[k][j]:
                    best[k][j], back[k][j] = cost, i
    if best[count][n] == inf:
        return None
    ends, j = [], n
    for k in range(count, 0, -1):
        ends.append(j)
        j = back[k][j]
    return ends[::-1]
