"""Character-level differences between two texts, readable for Chinese.

diff-match-patch finds the shortest edit script, which in Chinese (no spaces) scatters single
shared characters (的、市、區) through a rewritten phrase, and its semantic cleanup only knows
spaces and punctuation as word boundaries, so on a long sentence it can either leave that
noise or swallow the whole sentence. We therefore diff in two passes:

1. **Clauses** (子句): each text is cut after ，。；、：！？ and line ends; every clause becomes one
   token (diff-match-patch's lines-to-chars trick), so unchanged clauses are matched whole and a
   change can never leak across a clause that did not change.
2. **Characters**, only inside each run of changed clauses: each deleted clause is paired with
   the inserted clause it most resembles (in order), and only such pairs are diffed character by
   character; a clause with no counterpart is shown deleted or inserted whole. (When a run is
   diffed more simply as one text, e.g. an insertion that splits a clause, that diff is kept.)
   Semantic cleanup then merges the scattered single characters into phrases,
   and a last pass absorbs a lone shared character between two edits, so 構建 → 建構 reads as
   one replaced word rather than 「構」 deleted, 「建」 kept, 「構」 inserted.

The result is a diff-match-patch diff: a list of ``(op, text)`` with op -1 (deleted), 0 (kept)
or 1 (inserted); joining the 0/-1 parts gives the old text and the 0/1 parts the new one.
"""
from __future__ import annotations

import re
from collections import Counter

from diff_match_patch import diff_match_patch

from schema.sequences import longest_increasing

DELETE, EQUAL, INSERT = -1, 0, 1

# No timeout: plan fields are at most a few thousand characters, and the clause pass shrinks
# them further, so the exact diff costs well under a millisecond. A timeout would instead make
# the output depend on the machine's load (diff-match-patch silently returns a coarse diff when
# it runs out), and the 修正對照表 must show the same underlines on every computer.
DIFF_TIMEOUT = 0.0

_CLAUSE = re.compile(r"[^，。；、：！？,;:!?\n]*[，。；、：！？,;:!?\n]+|[^，。；、：！？,;:!?\n]+")

_SAME_CLAUSE = 0.25  # clauses sharing a quarter of their characters may be one clause edited
# Myers' algorithm costs about (len(a) + len(b)) × (edit size): a 2,000-character rewrite took
# 1.3 s and 20,000 characters 142 s. Beyond this many characters (both sides) a stretch is shown
# as replaced whole, minus its common start and end: deterministic, unlike a timeout, and never
# reached by real clauses, which are a few dozen characters long.
_MAX_CHAR_DIFF = 1000
_MAX_ALIGN = 2500  # clause pairs aligned one by one; beyond that the run is diffed as one text
# The clause pass is Myers' algorithm too, on clauses: a 10,000-character field of 500 clauses,
# all rewritten, took 1.2 s and 100,000 characters 55 s. Beyond this many clauses (both sides)
# the clauses are first anchored on the ones found once in each text (patience diff).
_MAX_CLAUSE_DIFF = 400

# What one text_diff may spend, whatever the texts' length (a 100,000-character field with
# thousands of changed clauses): characters (and clause tokens) given to Myers' algorithm, whose
# cost grows with their square, and clause pairs compared for alignment. Real fields spend a few
# hundred; past the budget, stretches are shown replaced whole (deterministic, never slow).
_MYERS_BUDGET = 6000
_ALIGN_BUDGET = 10_000


class _Work:
    def __init__(self) -> None:
        self.left = {"myers": _MYERS_BUDGET, "align": _ALIGN_BUDGET}

    def take(self, kind: str, amount: int) -> bool:
        if amount > self.left[kind]:
            return False
        self.left[kind] -= amount
        return True


_dmp = diff_match_patch()
_dmp.Diff_Timeout = DIFF_TIMEOUT

Diff = list[tuple[int, str]]


def clauses(text: str) -> list[str]:
    """The text cut after each clause mark (，。；、：！？ and their ASCII forms, line ends); joins back to the text."""
    return _CLAUSE.findall(text)


def text_diff(old: str, new: str) -> Diff:
    """The readable character-level difference between two texts (see the module docstring)."""
    if old == new:
        return [(EQUAL, old)] if old else []
    if not old:
        return [(INSERT, new)]
    if not new:
        return [(DELETE, old)]
    work = _Work()
    old_clauses, new_clauses = clauses(old), clauses(new)
    head = _common_head(old_clauses, new_clauses)
    tail = _common_head(old_clauses[head:][::-1], new_clauses[head:][::-1])
    if len(old_clauses) - head - tail == 1 == len(new_clauses) - head - tail:
        # The usual edit: one clause changed, the others kept. The clause pass finds just that
        # (the kept start and end, the one clause deleted and inserted), then diffs its characters.
        return _merge([
            (EQUAL, "".join(old_clauses[:head])),
            *_char_diff(old_clauses[head], new_clauses[head], work),
            (EQUAL, "".join(old_clauses[head + 1 :])),
        ])
    return _merge(_clause_passes(old, new, work))


def _common_head(a: list[str], b: list[str]) -> int:
    """How many items the two lists share at their start."""
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def _clause_passes(old: str, new: str, work: _Work) -> Diff:
    """Clauses diffed as tokens, then characters within each run of changed clauses (not yet merged)."""
    result: Diff = []
    pending_old: list[str] = []
    pending_new: list[str] = []
    for op, parts in _clause_diff(old, new, work):
        if op == EQUAL:
            result.extend(_changed_run(pending_old, pending_new, work))
            pending_old, pending_new = [], []
            result.append((EQUAL, "".join(parts)))
        elif op == DELETE:
            pending_old.extend(parts)
        else:
            pending_new.extend(parts)
    result.extend(_changed_run(pending_old, pending_new, work))
    return result


def old_text(diffs: Diff) -> str:
    return "".join(text for op, text in diffs if op != INSERT)


def new_text(diffs: Diff) -> str:
    return "".join(text for op, text in diffs if op != DELETE)


def render_marked(diffs: Diff) -> str:
    """One line of text with deletions as [-…-] and insertions as {+…+} (as ``git diff --word-diff`` does)."""
    out = []
    for op, text in diffs:
        if op == DELETE:
            out.append(f"[-{text}-]")
        elif op == INSERT:
            out.append(f"{{+{text}+}}")
        else:
            out.append(text)
    return "".join(out)


def _clause_diff(old: str, new: str, work: _Work) -> list[tuple[int, list[str]]]:
    """Diff of the two clause sequences, each clause encoded as one character."""
    table: dict[str, str] = {}
    tokens: list[str] = []

    def encode(text: str) -> str:
        chars = []
        for clause in clauses(text):
            code = table.get(clause)
            if code is None:
                code = chr(len(tokens) + 0x100)  # past ASCII/Latin-1, like diff_linesToChars
                table[clause] = code
                tokens.append(clause)
            chars.append(code)
        return "".join(chars)

    a, b = encode(old), encode(new)
    if len(a) + len(b) <= _MAX_CLAUSE_DIFF:
        diffs = _dmp.diff_main(a, b, False)
    else:
        diffs = _anchored_diff(a, b, work)
    return [(op, [tokens[ord(c) - 0x100] for c in chars]) for op, chars in diffs]


def _anchored_diff(a: str, b: str, work: _Work, depth: int = 0) -> list[tuple[int, str]]:
    """A diff of two long token strings in about n log n time (patience diff): the common start
    and end kept; tokens that occur once in each text, in the longest order both agree on, kept
    as anchors; the stretches between anchors diffed the same way (Myers once they are short,
    replaced whole past a few levels). Not always as short as Myers' diff, but deterministic and
    never quadratic in a field's length."""
    start = _dmp.diff_commonPrefix(a, b)
    end = _dmp.diff_commonSuffix(a[start:], b[start:])
    head, tail = a[:start], a[len(a) - end :]
    a, b = a[start : len(a) - end], b[start : len(b) - end]
    body: list[tuple[int, str]]
    if not a or not b:
        body = [(DELETE, a), (INSERT, b)]
    elif len(a) + len(b) <= _MAX_CLAUSE_DIFF and work.take("myers", len(a) + len(b)):
        body = _dmp.diff_main(a, b, False)
    else:
        anchors = _unique_common_in_order(a, b) if depth < 8 else []
        if not anchors:
            body = [(DELETE, a), (INSERT, b)]
        else:
            body = []
            i = j = 0
            for ai, bj in anchors:
                body += _anchored_diff(a[i:ai], b[j:bj], work, depth + 1)
                body.append((EQUAL, a[ai]))
                i, j = ai + 1, bj + 1
            body += _anchored_diff(a[i:], b[j:], work, depth + 1)
    return [part for part in [(EQUAL, head), *body, (EQUAL, tail)] if part[1]]


def _unique_common_in_order(a: str, b: str) -> list[tuple[int, int]]:
    """Positions (i, j) of the tokens found exactly once in ``a`` and once in ``b``, the longest
    chain increasing in both (longest increasing subsequence, patience sorting)."""
    count_a, count_b = Counter(a), Counter(b)
    where_b = {token: j for j, token in enumerate(b) if count_b[token] == 1}
    pairs = [(i, where_b[token]) for i, token in enumerate(a) if count_a[token] == 1 and token in where_b]
    return longest_increasing(pairs, key=lambda pair: pair[1])


def _changed_run(deleted: list[str], inserted: list[str], work: _Work) -> Diff:
    if not deleted and not inserted:
        return []
    if not deleted:
        return [(INSERT, "".join(inserted))]
    if not inserted:
        return [(DELETE, "".join(deleted))]
    joined = _char_diff("".join(deleted), "".join(inserted), work)
    pairs = len(deleted) * len(inserted)
    if len(deleted) == len(inserted) == 1 or pairs > _MAX_ALIGN or not work.take("align", pairs):
        return joined
    aligned: Diff = []
    for a, b in _align(deleted, inserted):
        if a and b:
            aligned.extend(_char_diff(a, b, work))
        elif a:
            aligned.append((DELETE, a))
        else:
            aligned.append((INSERT, b))
    aligned = _merge(aligned)
    # An insertion that splits a clause (or a merge of two) is clearer diffed as one text.
    return joined if _edited(joined) < _edited(aligned) else aligned


def _edited(diffs: Diff) -> int:
    return sum(len(text) for op, text in diffs if op != EQUAL)


def _align(deleted: list[str], inserted: list[str]) -> list[tuple[str, str]]:
    """Pair each edited clause with the clause it became, in order; the rest were deleted or inserted whole.

    A small dynamic programme maximising the summed likeness of the pairs (clauses alike enough,
    by shared characters, to be the same clause edited).
    """
    n, m = len(deleted), len(inserted)
    likeness = [[_likeness(a, b) for b in inserted] for a in deleted]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            paired = likeness[i][j] + best[i + 1][j + 1] if likeness[i][j] >= _SAME_CLAUSE else -1.0
            best[i][j] = max(paired, best[i + 1][j], best[i][j + 1])
    pairs: list[tuple[str, str]] = []
    i = j = 0
    while i < n or j < m:
        if i < n and j < m and likeness[i][j] >= _SAME_CLAUSE and best[i][j] == likeness[i][j] + best[i + 1][j + 1]:
            pairs.append((deleted[i], inserted[j]))
            i, j = i + 1, j + 1
        elif i < n and (j == m or best[i][j] == best[i + 1][j]):
            pairs.append((deleted[i], ""))
            i += 1
        else:
            pairs.append(("", inserted[j]))
            j += 1
    return pairs


def _likeness(a: str, b: str) -> float:
    """Dice coefficient of the two clauses' characters (counted with repetition)."""
    common = sum((Counter(a) & Counter(b)).values())
    return 2 * common / (len(a) + len(b))


def _char_diff(a: str, b: str, work: _Work) -> Diff:
    if len(a) + len(b) > _MAX_CHAR_DIFF or not work.take("myers", len(a) + len(b)):
        return _replaced_whole(a, b)
    start = _dmp.diff_commonPrefix(a, b)
    end = _dmp.diff_commonSuffix(a[start:], b[start:])
    old_middle, new_middle = a[start : len(a) - end], b[start : len(b) - end]
    if old_middle and new_middle and set(old_middle).isdisjoint(new_middle):
        # The usual edit, a word replaced by another with no character in common: what the
        # general path below returns too (Myers finds no shared character, and no cleanup
        # moves a replacement standing between two kept parts), without its Python steps.
        return _merge([(EQUAL, a[:start]), (DELETE, old_middle), (INSERT, new_middle), (EQUAL, a[len(a) - end :])])
    return _myers_char_diff(a, b)


def _myers_char_diff(a: str, b: str) -> Diff:
    """Myers' character diff, its semantic cleanup, lone kept characters absorbed."""
    diffs = _dmp.diff_main(a, b, False)
    _dmp.diff_cleanupSemantic(diffs)
    return _absorb_lone_characters(diffs)


def _replaced_whole(a: str, b: str) -> Diff:
    """The common start and end kept, everything between deleted and inserted whole."""
    start = _dmp.diff_commonPrefix(a, b)
    end = _dmp.diff_commonSuffix(a[start:], b[start:])
    return _merge([
        (EQUAL, a[:start]),
        (DELETE, a[start : len(a) - end]),
        (INSERT, b[start : len(b) - end]),
        (EQUAL, a[len(a) - end :]),
    ])


def _absorb_lone_characters(diffs: Diff) -> Diff:
    """Fold a single kept character standing between two edits into them (構建 → 建構 is one word replaced)."""
    i = 1
    while i < len(diffs) - 1:
        op, text = diffs[i]
        if op == EQUAL and len(text) == 1 and diffs[i - 1][0] != EQUAL and diffs[i + 1][0] != EQUAL:
            start = i - 1
            while start > 0 and diffs[start - 1][0] != EQUAL:
                start -= 1
            end = i + 2
            while end < len(diffs) and diffs[end][0] != EQUAL:
                end += 1
            around = diffs[start:i] + [(DELETE, text), (INSERT, text)] + diffs[i + 1 : end]
            merged = [(DELETE, _join(around, DELETE)), (INSERT, _join(around, INSERT))]
            diffs = diffs[:start] + merged + diffs[end:]
            i = start + 1
        else:
            i += 1
    return _merge(diffs)


def _join(diffs: Diff, op: int) -> str:
    return "".join(text for o, text in diffs if o == op)


def _merge(diffs: Diff) -> Diff:
    """Adjacent parts of the same kind joined, empty parts dropped, each run as deletion then insertion."""
    out: Diff = []
    deleted: list[str] = []
    inserted: list[str] = []

    def flush() -> None:
        if deleted:
            out.append((DELETE, "".join(deleted)))
            deleted.clear()
        if inserted:
            out.append((INSERT, "".join(inserted)))
            inserted.clear()

    for op, text in diffs:
        if not text:
            continue
        if op == DELETE:
            deleted.append(text)
        elif op == INSERT:
            inserted.append(text)
        else:
            flush()
            if out and out[-1][0] == EQUAL:
                out[-1] = (EQUAL, out[-1][1] + text)
            else:
                out.append((EQUAL, text))
    flush()
    return out
