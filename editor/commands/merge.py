"""plan-editor merge BASE OURS THEIRS -o OUT.plan.json [--json]: a three-way merge of plan files.

    plan-editor merge OURS PART -o OUT.plan.json    a part handed out (plan-editor part) brought back;
                                                    it remembers its own base

Exit status 0 when the two sides merged cleanly, 1 when there were conflicts (OUT keeps ours
and records theirs as pending proposals, to resolve in the editor's review mode), 2 for bad
input. ``-o`` may name OURS, as git's merge driver needs (``-o %A``); any other output must be a
new ``.plan.json`` that is none of the inputs. Nothing is written unless all three files load.

The summary names each side's changes since the base and each conflict, by number and title;
``--json`` prints the same as one JSON document and nothing else. A part's edits outside what was
handed out are listed and not merged; they, too, make the exit status 1.
"""
from __future__ import annotations

import json
from pathlib import Path

from editor.commands import UsageError
from editor.commands.diff import summary_lines
from editor.commands.outputs import check_output, same_file
from schema.compare import to_json
from schema.fileio import load_plan, save_plan
from schema.merge import MergeResult, merge_plans
from schema.part import PartError, describe_part, merge_part


def run(args) -> int:
    if len(args.files) not in (2, 3):
        raise UsageError(f"plan-editor merge: give BASE OURS THEIRS, or OURS PART, not {len(args.files)} files")
    inputs = list(args.files)
    args.base, args.ours, args.theirs = ([None] if len(inputs) == 2 else []) + inputs
    output = Path(args.output)
    if not same_file(output, Path(args.ours)):
        check_output("merge", output, suffix=".plan.json", what="the merged plan", inputs=inputs)
    ours, theirs = load_plan(args.ours), load_plan(args.theirs)
    if theirs.handed_out is not None:
        if args.base is not None:
            load_plan(args.base)  # still checked: bad input is refused before anything is written
        return _merge_part(ours, theirs, output, args)
    if args.base is None:
        raise UsageError(f"plan-editor merge: {args.theirs} is not a part handed out from a plan; give the base too: BASE OURS THEIRS")
    result = merge_plans(load_plan(args.base), ours, theirs)
    _save(result.plan, output)
    if args.json:
        print(json.dumps(merge_json(result, args), ensure_ascii=False, indent=2))
    else:
        print("\n".join(merge_summary(result, args)))
    return 1 if result.conflicts else 0


def _merge_part(ours, part, output: Path, args) -> int:
    try:
        result = merge_part(ours, part, part_name=str(args.theirs))
    except PartError as exc:
        raise UsageError(f"plan-editor merge: {exc}") from None
    _save(result.plan, output)
    if args.json:
        print(json.dumps({
            "ours": str(args.ours), "part": str(args.theirs), "holds": describe_part(part), "output": str(output),
            "clean": not result.conflicts and not result.outside,
            "changes": to_json(result.changes, str(args.ours), "merged")["changes"],
            "outside": result.outside,
            "conflicts": [_conflict_json(c) for c in result.conflicts],
        }, ensure_ascii=False, indent=2))
    else:
        problems = len(result.conflicts) + len(result.outside)
        lines = [f"merged the part {args.theirs} ({describe_part(part)}) into {args.ours} → {output}: "
                 + (f"{problems} thing{'s' if problems != 1 else ''} to look at" if problems else "no conflicts")]
        changes = summary_lines(result.changes, str(args.ours), "merged")
        lines.append(changes[0])
        lines.extend("  " + line for line in changes[1:] if not line.startswith("    "))
        if result.outside:
            lines.append("edits outside the part (reported, not merged):")
            lines.extend(f"  - {line}" for line in result.outside)
        lines.extend(_conflict_lines(result.conflicts))
        print("\n".join(lines))
    return 1 if result.conflicts or result.outside else 0


def _save(plan, output: Path) -> None:
    try:
        save_plan(plan, output)
    except OSError as exc:
        raise UsageError(f"{output} was not written: {exc.strerror or exc}.") from None


def _conflict_lines(conflicts) -> list[str]:
    if not conflicts:
        return []
    lines = ["conflicts (ours is kept; theirs is a pending proposal, shown in the editor's review mode):"]
    lines.extend(f"  {c.number}. {c.place or c.field}: {c.description}" for c in conflicts)
    return lines


def _conflict_json(c) -> dict:
    return {
        "number": c.number, "kind": c.kind, "node_id": c.node_id, "field": c.field,
        "place": c.place, "description": c.description, "proposal_id": c.proposal_id,
    }


def merge_summary(result: MergeResult, args) -> list[str]:
    conflicts = result.conflicts
    lines = [
        f"merged {args.theirs} into {args.ours} (base {args.base}) → {args.output}: "
        + (f"{len(conflicts)} conflict{'s' if len(conflicts) != 1 else ''} to resolve" if conflicts else "no conflicts")
    ]
    for side, comparison in (("ours", result.ours), ("theirs", result.theirs)):
        changes = summary_lines(comparison, "base", side)
        lines.append(changes[0])
        lines.extend("  " + line for line in changes[1:] if not line.startswith("    "))
    lines.extend(_conflict_lines(conflicts))
    return lines


def merge_json(result: MergeResult, args) -> dict:
    return {
        "base": str(args.base),
        "ours": str(args.ours),
        "theirs": str(args.theirs),
        "output": str(args.output),
        "clean": result.clean,
        "ours_changes": to_json(result.ours, "base", "ours")["changes"],
        "theirs_changes": to_json(result.theirs, "base", "theirs")["changes"],
        "conflicts": [_conflict_json(c) for c in result.conflicts],
    }
