"""A field's text in a reviewed document, read from its pieces: with all, none or some of its tracked
changes taken (``render``), in the form the export writes the field (``normalise``), the groups of
changes Word's Review pane shows as one, and — for a text saved without tracking — each stretch
where it differs from the plan's (``hunks``).
"""
from __future__ import annotations

from diff_match_patch import diff_match_patch

from editor.review.wordml import Change, Piece


def render(kind: str, field: str, pieces: list[Piece], accept) -> str:
    """The field's text with the changes in ``accept`` (ids of pieces; None: all) taken and the others not: an
    insertion taken and a deletion not taken show, text inserted and deleted again ("gone") never does."""
    texts = []
    for piece in pieces:
        change = piece.change
        if change is None:
            texts.append(piece.text)
        elif change.kind != "gone" and (accept is None or id(piece) in accept) == (change.kind == "ins"):
            texts.append(piece.text)
    return normalise(kind, field, "".join(texts))


def normalise(kind: str, field: str, text: str) -> str:
    if kind == "paragraph" or field == "body":
        return "\n".join(line.strip() for line in text.split("\n") if line.strip())
    return text.rstrip("\n")


def change_groups(pieces: list[Piece]) -> list[list[Piece]]:
    """Adjacent changed pieces by one author: what Word's Review pane shows as one change (a move's halves joined)."""
    groups: list[list[Piece]] = []
    current: list[Piece] = []
    author = None
    for piece in pieces:
        change: Change | None = piece.change
        if change is None or change.kind == "gone":
            if piece.text.strip() or piece.is_mark:
                if current:
                    groups.append(current)
                current = []
            continue
        if current and change.author != author:
            groups.append(current)
            current = []
        current.append(piece)
        author = change.author
    if current:
        groups.append(current)
    # every piece of a group has a change (the loop above groups only those): the checks tell mypy so
    moved_from = [g for g in groups if any(p.change is not None and p.change.move == "moveFrom" for p in g)]
    for group in [g for g in groups if any(p.change is not None and p.change.move == "moveTo" for p in g)]:
        text = "".join(p.text for p in group)
        partner = next((g for g in moved_from if "".join(p.text for p in g) == text), None)
        if partner is not None and partner in groups:
            partner.extend(group)
            groups.remove(group)
    return [g for g in groups if any(not p.is_mark or (p.change is not None and p.change.kind in ("ins", "del")) for p in g)]


def kind_of(group: list[Piece]) -> str:
    kinds = {p.change.kind for p in group if p.change is not None}
    texts = {p.change.kind for p in group if p.change is not None and not p.is_mark and p.text}
    kinds = texts or kinds
    return "replace" if kinds >= {"ins", "del"} else "insert" if "ins" in kinds else "delete"


def hunks(old: str, new: str) -> list[tuple[str, str]]:
    """Each stretch where ``new`` differs from ``old``: (old with only that stretch changed, kind)."""
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 2.0
    diffs = dmp.diff_main(old, new)
    dmp.diff_cleanupSemantic(diffs)
    hunks: list[list[int]] = []
    for index, (op, _text) in enumerate(diffs):
        if op == 0:
            continue
        if hunks and hunks[-1][-1] == index - 1:
            hunks[-1].append(index)
        else:
            hunks.append([index])
    result = []
    for hunk in hunks:
        members = set(hunk)
        text = "".join(t for i, (op, t) in enumerate(diffs) if op == 0 or (op == 1) == (i in members))
        ops = {diffs[i][0] for i in hunk}
        result.append((text, "replace" if ops == {1, -1} else "insert" if 1 in ops else "delete"))
    return result
