"""plan-editor revisions FILE: list the revisions of a plan file."""
from __future__ import annotations

from schema.fileio import load_plan
from schema.tree import item_count


def run(args) -> int:
    plan = load_plan(args.file)
    print(f"{plan.full_title()}\t{plan.organisation or '-'}\tROC {plan.period.start}–{plan.period.end}")
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
    line = "\t".join(parts)
    return f"{line}\t{rev.note}" if rev.note else line
