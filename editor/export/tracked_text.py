"""What a field's change looks like in the tracked-changes document: diffs of whole tokens for
numbers and titles, the cover title's diff, and texts cleaned as the official writer prints them.

A diff is a list of ``(op, text)`` (``schema.textdiff``: DELETE, EQUAL, INSERT). Body texts use the
comparison's own character diff (``schema.textdiff.text_diff``) so the document shows the marks
the comparison view shows; a number or a Latin word is replaced whole (109 → 110, never a digit).
``LINE_BREAK`` stands for a line break inside one paragraph while a text is being diffed.
"""
from __future__ import annotations

import difflib
import re

from editor.export.amendment_merge import body_lines
from editor.export.textclean import clean_text
from schema.textdiff import DELETE, EQUAL, INSERT, Diff, new_text, old_text, text_diff

LINE_BREAK = "\x0b"  # a line break inside one paragraph (w:br); clean_text never lets it through
_TOKEN = re.compile(r"\d+|[A-Za-z]+|\s+|.", re.S)  # numbers and Latin words are whole tokens


def token_diff(old: str, new: str) -> Diff:
    """A diff of whole tokens: a number (109 → 110) or a Latin word is replaced whole, never a digit of it."""
    if old == new:  # most numbers and titles: nothing to match
        return [(EQUAL, old)] if old else []
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    head = 0
    while head < min(len(a), len(b)) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    a_mid, b_mid = a[head:len(a) - tail], b[head:len(b) - tail]
    if len(set(a)) == len(a) and len(set(b)) == len(b) and not set(a_mid) & set(b_mid):
        # Numbers (（三） → （四）, 10. → 9.): no token repeats on either side and the middles share
        # none, so the only matches SequenceMatcher could find are the common ends; the diff it
        # would give, without running it.
        middle = _replaced(a_mid, b_mid)
    elif len(a) * len(b) <= _TOKEN_PAIRS:
        return _matched_tokens(a, b)
    # Long texts (a megabyte title): SequenceMatcher is quadratic in repeated tokens, so the common
    # ends are kept and what lies between is matched only when it is short, else replaced whole.
    elif len(a_mid) * len(b_mid) <= _TOKEN_PAIRS:
        middle = _matched_tokens(a_mid, b_mid)
    else:
        middle = _replaced(a_mid, b_mid)
    ends = [(EQUAL, "".join(a[:head]))], middle, [(EQUAL, "".join(a[len(a) - tail:]))]
    return [(op, text) for part in ends for op, text in part if text]


def _replaced(a: list[str], b: list[str]) -> Diff:
    return [(op, "".join(part)) for op, part in ((DELETE, a), (INSERT, b)) if part]


_TOKEN_PAIRS = 250_000  # tokens of one side × the other's: up to here SequenceMatcher takes a few ms


def _matched_tokens(a: list[str], b: list[str]) -> Diff:
    out: Diff = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append((EQUAL, "".join(a[i1:i2])))
            continue
        if i1 < i2:
            out.append((DELETE, "".join(a[i1:i2])))
        if j1 < j2:
            out.append((INSERT, "".join(b[j1:j2])))
    return out


def title_diff(old: str, new: str) -> Diff:
    """The cover title's diff: the plan's title by whole tokens; the revision line 「（label）」 with
    its label replaced whole (「（109年修正版）」 → 「（110年修正草案）」, not digit by digit)."""
    old_lines, new_lines = old.split("\n"), new.split("\n")
    diff = token_diff(old_lines[0], new_lines[0])
    old_label, new_label = "\n".join(old_lines[1:]), "\n".join(new_lines[1:])
    if old_label == new_label:
        return diff + ([(EQUAL, LINE_BREAK + one_paragraph(new_label))] if new_label else [])
    if old_label and new_label:
        diff.append((EQUAL, LINE_BREAK))
    elif old_label:
        diff.append((DELETE, LINE_BREAK))
    else:
        diff.append((INSERT, LINE_BREAK))
    brackets = old_label[:1] == new_label[:1] == "（" and old_label[-1:] == new_label[-1:] == "）"
    if brackets:
        old_label, new_label = old_label[1:-1], new_label[1:-1]
    replaced = [(op, one_paragraph(text)) for op, text in ((DELETE, old_label), (INSERT, new_label)) if text]
    return diff + ([(EQUAL, "（"), *replaced, (EQUAL, "）")] if brackets else replaced)


def one_paragraph(text: str) -> str:
    """Text as the official writer puts it in one paragraph: cleaned, line ends as line breaks."""
    return clean_text(text).replace("\n", LINE_BREAK)


def paragraphs_text(text: str) -> str:
    """A multi-line field as the official writer's paragraphs, joined with newlines."""
    return "\n".join(body_lines(clean_text(text)))


def pick_diff(old: str | None, new: str | None, preferred: Diff | None = None) -> Diff:
    """The diff of two texts; None on a side means the item is not there at all.

    ``preferred`` (the comparison's own diff of the field) is used when it describes exactly
    these two texts, so the document shows the same marks as the comparison view.
    """
    if old is None:
        return [(INSERT, new)] if new else []
    if new is None:
        return [(DELETE, old)] if old else []
    if preferred is not None and old_text(preferred) == old and new_text(preferred) == new:
        return preferred
    return text_diff(old, new)


def coalesce(diff: Diff) -> Diff:
    """Neighbouring parts of the same kind as one (a number and a title kept alike make one run)."""
    out: Diff = []
    for op, text in diff:
        if out and out[-1][0] == op:
            out[-1] = (op, out[-1][1] + text)
        elif text:
            out.append((op, text))
    return out
