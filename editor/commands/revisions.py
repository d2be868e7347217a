"""plan-editor revisions FILE: list the revisions of a plan file.

It reads the file as plain data (schema.plain_read: validated by the same rules as when the editor
opens it, without building the models), so that it answers in about the time of reading the JSON.
"""
from __future__ import annotations

from editor.terminal import one_line
from schema.plain_read import read_plan_data
from schema.rules import draft_label, full_title, item_count


def run(args) -> int:
    plan = read_plan_data(args.file)
    revisions, draft, period = plan["revisions"], plan["draft"], plan["period"]
    latest = revisions[-1] if revisions else None
    label = draft["label"] or (draft_label(latest["label"], draft["content"] != latest["content"]) if latest else "")
    title = full_title(plan["title"], label)
    print(f"{one_line(title)}\t{one_line(plan['organisation']) or '-'}\tROC {period['start']}–{period['end']}")
    for rev in revisions:
        print(_line(rev, "revision"))
    print(_line(draft, "working draft"))
    return 0


def _line(rev: dict, role: str) -> str:
    count = item_count(rev["content"])  # as the revisions dialog counts: the four sections are not items
    parts = [rev["label"] or "(unlabelled)", role]
    if rev["date"]:
        parts.append(rev["date"])
    if rev["author"]:
        parts.append(rev["author"])
    parts.append(f"{count} items")
    line = "\t".join(one_line(part) for part in parts)  # one revision, one line, whatever its texts hold
    return f"{line}\t{one_line(rev['note'])}" if rev["note"] else line
