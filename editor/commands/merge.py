"""plan-editor merge BASE OURS THEIRS -o OUT.plan.json [--json]: a three-way merge of plan files.

Exit status 0 when the two sides merged cleanly, 1 when there were conflicts (OUT keeps ours
and records theirs as pending proposals, to resolve in the editor's review mode), 2 for bad
input. ``-o`` may name OURS, as git's merge driver needs (``-o %A``); any other output must be a
new ``.plan.json`` that is none of the inputs. Nothing is written unless all three files load.

The summary names each side's changes since the base and each conflict, by number and title;
``--json`` prints the same as one JSON document and nothing else.
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


def run(args) -> int:
    inputs = [args.base, args.ours, args.theirs]
    output = Path(args.output)
    if not same_file(output, Path(args.ours)):
        check_output("merge", output, suffix=".plan.json", what="the merged plan", inputs=inputs)
    base, ours, theirs = (load_plan(path) for path in inputs)
    result = merge_plans(base, ours, theirs)
    try:
        save_plan(result.plan, output)
    except OSError as exc:
        raise UsageError(f"plan-editor merge: {output} was not written: {exc.strerror or exc}") from None
    if args.json:
        print(json.dumps(merge_json(result, args), ensure_ascii=False, indent=2))
    else:
        print("\n".join(merge_summary(result, args)))
    return 1 if result.conflicts else 0


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
    if conflicts:
        lines.append("conflicts (ours is kept; theirs is a pending proposal, shown in the editor's review mode):")
        for c in conflicts:
            lines.append(f"  {c.number}. {c.place or c.field}: {c.description}")
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
        "conflicts": [
            {
                "number": c.number, "kind": c.kind, "node_id": c.node_id, "field": c.field,
                "place": c.place, "description": c.description, "proposal_id": c.proposal_id,
            }
            for c in result.conflicts
        ],
    }
