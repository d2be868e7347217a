"""plan-editor revisions FILE: list the revisions of a plan file."""
from __future__ import annotations

from editor.terminal import one_line
from schema.fileio import load_plan
from schema.tree import item_count


def run(args) -> int:
    plan = load_plan(args.file)
    print(f"{one_line(plan.full_title())}\t{one_line(plan.organisation) or '-'}\tROC {plan.period.start}–{plan.period.end}")
    for rev in plan.revisions:
        print(_line(rev, "revision"))
    print(_line(plan.draft, "working draft"))
    return 0


def _line(rev, role: str) -> str:
    count = item_count(rev.content)  # as the revisions dialog counts: the four sections are not items
    parts = [rev.label or "(unlabelled)", role]
    if rev.date:
        parts.append(rev.date)
    if rev.author:
        parts.append(rev.author)
    parts.append(f"{count} items")
    line = "\t".join(one_line(part) for part in parts)  # one revision, one line, whatever its texts hold
    return f"{line}\t{one_line(rev.note)}" if rev.note else line
