"""Reading a recovery journal back and replaying its edits (its format: ``editor.ui.session.journal_format``).

Why replay reproduces exactly the applied edits: a line is written before its operation is
applied, and removed again (the file truncated to its previous length) when the document
rejects the operation. A kill between the write and the truncation leaves a rejected line
behind; the document rejects it again on replay, because the state is the same, and replay
skips it. A kill in the middle of a write leaves a last line without its newline: that
operation was never applied, and it is ignored.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from editor.ui.session.journal_format import (
    FORMAT,
    READABLE_VERSIONS,
    VERSION,
    Entry,
    Group,
    JournalError,
    PlanChange,
    SaveMarker,
    attribution_from_json,
    authors_from_json,
    entry_from_json,
)
from editor.ui.session.plan_file_state import Fingerprint, sha256
from schema.document import Document
from schema.fileio import PlanFileError, describe_validation_error, parse_plan
from schema.model import PlanDocument
from schema.operations import Operation, OperationError

Changed = tuple[dict[str, str | None], dict[str, str | None]]  # the authors an edit found and left (attribution.py)
Applied = tuple[list[Operation], list[Operation], tuple[str, ...], Changed]


@dataclass
class JournalContents:
    header: dict
    ops: list[Entry]  # operations and plan changes, in journal order
    authors: list[tuple[str, ...]]  # for each entry, who made each of its operations; () when not said (version 1)
    attributions: list[dict[str, str | None] | None]  # for each entry, the authors an undo or redo leaves (version 3)
    valid_length: int  # bytes up to the end of the last complete line
    torn: bool  # a half-written last line was ignored


def read_journal(path: Path) -> JournalContents:
    """Parse a journal; raise JournalError with one sentence when it is not usable."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise JournalError(f"{path} cannot be read: {exc.strerror or exc}.", "cannot_read", path=path, errno=exc.errno) from None
    lines = data.split(b"\n")
    tail = lines.pop()  # after the last newline: empty, or a torn line
    if not lines:
        raise JournalError(f"{path} is not a recovery journal: it has no complete first line.", "not_a_journal", path=path)
    try:
        header = json.loads(lines[0])
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise JournalError(f"{path} is not a recovery journal: its first line is not JSON.", "not_a_journal", path=path) from None
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise JournalError(f"{path} is not a recovery journal of this editor (unknown format).", "not_a_journal", path=path)
    if header.get("version") not in READABLE_VERSIONS:
        raise JournalError(
            f"{path} is a recovery journal of version {header.get('version')!r}, which this editor (version {VERSION}) cannot replay.",
            "newer_journal", path=path, version=header.get("version"))
    ops: list[Entry] = []
    authors: list[tuple[str, ...]] = []
    attributions: list[dict[str, str | None] | None] = []
    valid_length = len(lines[0]) + 1
    torn = bool(tail)
    for number, raw in enumerate(lines[1:], start=2):
        try:
            data = json.loads(raw)
            op = entry_from_json(data)
            by = authors_from_json(data, op)
            attribution = attribution_from_json(data)
        except (UnicodeDecodeError, json.JSONDecodeError, OperationError, TypeError):
            if number == len(lines):
                # A damaged last line (e.g. zeros after a power cut): like a torn one, never confirmed.
                torn = True
                break
            raise JournalError(f"{path} is damaged at line {number}, so its edits cannot be replayed safely.", "damaged",
                               path=path, line=number) from None
        ops.append(op)
        authors.append(by)
        attributions.append(attribution)
        valid_length += len(raw) + 1
    return JournalContents(header, ops, authors, attributions, valid_length, torn)


def load_base(path: Path, header: dict) -> tuple[PlanDocument, bytes | None, Fingerprint | None]:
    """The plan the journal's edits apply to, its file bytes and fingerprint (None for a never-saved plan)."""
    if header.get("base_plan") is not None or header.get("plan_path") is None:
        try:
            return PlanDocument.model_validate(header["base_plan"]), None, None
        except (KeyError, ValidationError) as exc:
            detail = describe_validation_error(exc) if isinstance(exc, ValidationError) else "it is missing"
            raise JournalError(f"{path} holds no usable copy of the plan its edits apply to ({detail}).", "no_base", path=path) from None
    try:
        base = Fingerprint(**header["base"])
    except (KeyError, TypeError):
        raise JournalError(f"{path} does not say which version of the plan its edits apply to.", "no_base", path=path) from None
    plan_path = Path(header["plan_path"])
    candidates = []
    if header.get("base_file"):
        candidates.append(path.parent / header["base_file"])
    candidates.append(plan_path)
    for candidate in candidates:
        try:
            payload = candidate.read_bytes()
        except OSError:
            continue
        if sha256(payload) == base.sha256:
            try:
                return parse_plan(payload, str(plan_path)), payload, base
            except PlanFileError as exc:
                raise JournalError(str(exc), "base_unreadable", path=path, plan_path=plan_path) from None
    raise JournalError(
        f"the version of {plan_path} that the edits in {path.name} apply to is gone (the file was changed and no copy was kept).",
        "base_gone", path=path, plan_path=plan_path)


def replay(document: Document, ops: list[Entry], set_author: Callable[[str], None] | None = None,
           authors: Sequence[tuple[str, ...]] = (), settle: Callable[[bool], Changed | None] | None = None,
           applied: list[Applied] | None = None, *,
           attributions: Sequence[dict[str, str | None] | None] = (),
           restore: Callable[[dict[str, str | None]], None] | None = None) -> int:
    """Apply the journalled operations (and an older journal's plan lines) in order; return how many
    operations were skipped as rejected (see module doc). Revisions need a document of a plan
    (``Document.of_plan``). ``set_author`` is told who made each operation before it is applied
    (``authors``: JournalContents.authors; "" when the journal does not say), so that the session
    attributes it as it was; ``settle`` is told after each edit whether it was applied (a refused one
    must name nobody, as in the session that refused it), and answers the authors the edit found and left;
    ``restore`` is given the authors an undo or redo left (``attributions``: JournalContents.attributions).
    ``applied`` receives (operations, their inverses, authors, the authors found and left) of each edit applied, in order, for the undo history; an older journal's plan line, which
    has no inverse, empties it (what came before it cannot be undone)."""
    skipped = 0
    for number, op in enumerate(ops):
        who = authors[number] if number < len(authors) and authors[number] else ("",) * (len(op.ops) if isinstance(op, Group) else 1)
        if isinstance(op, SaveMarker):
            continue
        if isinstance(op, PlanChange):
            if document.plan is None:
                raise JournalError("the journal changes the plan's revisions, but no plan was given to replay them on.", "no_base")
            op.apply_to(document.plan)
            if applied is not None:
                applied.clear()
            continue
        group = list(op.ops) if isinstance(op, Group) else [op]
        try:
            inverses = apply_group(document, group, who, set_author)
            attribution = attributions[number] if number < len(attributions) else None
            if restore is not None and attribution is not None:
                restore(attribution)
        except OperationError:
            skipped += 1
            if settle is not None:
                settle(False)
            continue
        change = settle(True) if settle is not None else None
        if applied is not None:
            applied.append((group, inverses, who, change if change is not None else ({}, {})))
    return skipped


def apply_group(document: Document, ops, authors: Sequence[str] = (),
                set_author: Callable[[str], None] | None = None) -> list[Operation]:
    """Apply all of ``ops`` or none: on a refusal the applied ones are undone and the refusal
    (OperationError) raised. Returns the inverses in the order that undoes. ``set_author`` is
    told ``authors[i]`` before the i-th operation (when both are given)."""
    inverses: list[Operation] = []
    try:
        for index, op in enumerate(ops):
            if set_author is not None and authors:
                set_author(authors[index])
            inverses.append(document.apply(op))
    except OperationError:
        for inverse in reversed(inverses):
            document.apply(inverse)
        raise
    inverses.reverse()
    return inverses
