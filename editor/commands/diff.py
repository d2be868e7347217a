"""plan-editor diff: what changed between two revisions, or between two plan files.

    plan-editor diff FILE [--from LABEL] [--to LABEL]      two revisions of one file
    plan-editor diff OLD_FILE NEW_FILE [--from L] [--to L] the two files' current texts

One file: ``--from`` defaults to the latest revision and ``--to`` to the working draft. The
draft answers to its own label and to ``draft`` / ``working draft``.

Two files: ``--from`` picks in OLD_FILE and ``--to`` in NEW_FILE. By default each file gives
its current text: the working draft when it differs from the file's latest revision (or the
file has no revision), otherwise that latest revision (same text, and its label reads better).
So two imported texts compare as their published revisions, and a file with unpublished edits
shows them.

Output: a readable summary (one header line per change: added, removed, modified or moved, the item's
kind and place; then its text differences marked [-deleted-]{+inserted+} and its 修正說明), in English
with the plan's own words (kinds of items, field names) in Chinese, or with ``--json`` one JSON
document and nothing else.
``--table`` / ``--tracked`` hand the same comparison to ``editor.export.amendments``:
``write_amendment_table(comparison, old_plan, old_revision, new_plan, new_revision, path)`` and
``write_tracked_document(comparison, old_plan, old_revision, new_plan, new_revision, path)``.
``--authors`` (with ``--table``) adds a 修改者 line under each 說明, naming who made the change.
"""
from __future__ import annotations

import importlib
import json
from pathlib import Path

from editor.commands import UsageError
from editor.commands.outputs import check_output, same_file
from schema.compare import Change, Comparison, compare, to_json
from schema.fileio import load_plan
from schema.model import PlanDocument, Revision
from schema.revisions import RevisionError, find_revision, latest_revision
from schema.textdiff import render_marked
from schema.tree import KINDS

FIELD_NAMES = {
    "title": "標題", "chart_label": "架構圖標籤", "body": "內文", "text": "內文", "lead_agencies": "主辦機關",
    "supporting_agencies": "協辦機關", "goal_ids": "對應施政目標", "kpis": "關鍵績效指標", "budget": "預算（千元）",
}
_WRITERS_MISSING = "plan-editor diff: --table/--tracked need the amendment writers (editor/export/amendments.py), not built yet"


def run(args) -> int:
    for option, path in (("--table", args.table), ("--tracked", args.tracked)):
        if path:
            check_output("diff", path, suffix=".docx", what=f"the {option} document", inputs=args.files)
    if args.table and args.tracked and same_file(Path(args.table), Path(args.tracked)):
        raise UsageError("plan-editor diff: --table and --tracked name the same file; give each its own")
    if args.authors and not args.table:
        raise UsageError("plan-editor diff: --authors names the authors in the 修正對照表: give --table OUT.docx too")
    writers = _writers(args) if (args.table or args.tracked) else None
    if len(args.files) == 1:
        old_plan = new_plan = load_plan(args.files[0])
        old_rev = _pick(old_plan, args.files[0], args.from_label, _latest_or_refuse)
        new_rev = _pick(new_plan, args.files[0], args.to_label, lambda plan, name: plan.draft)
    elif len(args.files) == 2:
        old_plan, new_plan = load_plan(args.files[0]), load_plan(args.files[1])
        old_rev = _pick(old_plan, args.files[0], args.from_label, _current)
        new_rev = _pick(new_plan, args.files[1], args.to_label, _current)
    else:
        raise UsageError(f"plan-editor diff: give one plan file or two, not {len(args.files)}")
    comparison = compare(old_rev.content, new_rev.content, new_rev.authors)
    from_label, to_label = _name(old_plan, old_rev), _name(new_plan, new_rev)
    if writers is not None:
        for path, writer, options in ((args.table, "write_amendment_table", {"authors": True} if args.authors else {}),
                                      (args.tracked, "write_tracked_document", {})):
            if path:
                try:
                    getattr(writers, writer)(comparison, old_plan, old_rev, new_plan, new_rev, path, **options)
                except OSError as exc:
                    raise UsageError(f"{path} was not written: {exc.strerror or exc}.") from None
    if args.json:
        print(json.dumps(to_json(comparison, from_label, to_label), ensure_ascii=False, indent=2))
    else:
        print("\n".join(summary_lines(comparison, from_label, to_label)))
        for path in (args.table, args.tracked):
            if path:
                print(f"wrote {path}")
    return 0


def _writers(args):
    try:
        return importlib.import_module("editor.export.amendments")
    except ModuleNotFoundError as exc:
        if exc.name in ("editor.export.amendments",):
            raise UsageError(_WRITERS_MISSING) from None
        raise


def _pick(plan: PlanDocument, path: str, label: str | None, default) -> Revision:
    if label is None:
        return default(plan, path)
    try:
        return find_revision(plan, label)
    except RevisionError as exc:
        raise UsageError(f"plan-editor diff: {path}: {exc}") from None


def _latest_or_refuse(plan: PlanDocument, path: str) -> Revision:
    latest = latest_revision(plan)
    if latest is None:
        raise UsageError(f"plan-editor diff: {path} has no revision yet to compare the working draft with (use --from)")
    return latest


def _current(plan: PlanDocument, path: str) -> Revision:
    latest = latest_revision(plan)
    if latest is None or latest.content != plan.draft.content:
        return plan.draft
    return latest


def _name(plan: PlanDocument, rev: Revision) -> str:
    return rev.label or ("working draft" if rev is plan.draft else "(unlabelled)")


# --- the readable summary ---------------------------------------------------------------------
def summary_lines(comparison: Comparison, from_label: str, to_label: str) -> list[str]:
    counts = comparison.counts
    total = sum(counts.values())
    if not total:
        return [f"{from_label} → {to_label}: no changes"]
    tally = ", ".join(f"{kind} {counts[kind]}" for kind in ("modified", "added", "removed", "moved") if counts[kind])
    lines = [f"{from_label} → {to_label}: {total} change{'s' if total != 1 else ''} ({tally})"]
    for change in comparison.changes:
        lines.append(_header(change))
        for name, diffs in change.fields.items():
            if change.kind in ("added", "removed") and name == "title":
                continue  # already in the header
            lines.append(f"    {FIELD_NAMES.get(name, name)}: {_one_line(render_marked(_elide(diffs)))}")
        side = change.new or change.old
        assert side is not None  # a change has a newer side, or is a removal with only its older one
        mark = "{+" if change.kind == "added" else "[-"
        close = "+}" if change.kind == "added" else "-]"
        for line in _subtree_lines(side.children, 1):
            lines.append(f"    {mark}{line}{close}")
        if change.note:
            lines.append(f"    修正說明: {_one_line(change.note)}")
    return lines


def _elide(diffs, context: int = 20):
    """Long unchanged stretches shortened to ``context`` characters next to each edit, as …."""
    out = []
    for i, (op, text) in enumerate(diffs):
        if op == 0 and len(text) > 2 * context + 1:
            first, last = i == 0, i == len(diffs) - 1
            if first and not last:
                text = "…" + text[-context:]
            elif last and not first:
                text = text[:context] + "…"
            elif not first and not last:
                text = text[:context] + "…" + text[-context:]
        out.append((op, text))
    return out


def _header(change: Change) -> str:
    kind = change.kind
    what = KINDS[change.node_kind].label
    if change.kind == "moved":
        where = f"{_place(change.old)} → {_place(change.new, with_title=False)}"
    else:
        where = _place(change.new or change.old)
    who = f"	修改者 {change.author}" if change.author else ""
    return f"{kind}	{what}	{_one_line(where)}{who}"


def _place(side, with_title: bool = True) -> str:
    """Where a node is: the numbers from its focus area down (四、（三）3.), then its title or text.

    Every focus area has its （五）, so a strategy or an action is named by the whole path, as
    the plan's text names a place (the checks name it the same way)."""
    name = side.title or _short(side.text)
    return f"{side.location}{name}" if with_title else side.location or name


def _subtree_lines(sides, depth: int) -> list[str]:
    lines = []
    for side in sides:
        lines.append(f"{'  ' * (depth - 1)}{side.number} {_one_line(side.title or side.text)}")
        lines.extend(_subtree_lines(side.children, depth + 1))
    return lines


def _short(text: str, limit: int = 24) -> str:
    text = _one_line(text)
    return text if len(text) <= limit else text[:limit] + "…"


def _one_line(text: str) -> str:
    return text.replace("\n", " ⏎ ")
