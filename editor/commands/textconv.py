"""plan-editor textconv FILE: the plan as readable lines, for ``git diff`` (a textconv driver).

git compares the two renderings line by line, so each item is one line with its official
number and title, indented by level, and each of its fields (body lines, agencies, KPIs, budget,
修正說明) one line below it: a diff then reads as "this strategy's body changed", never as JSON
braces. Numbers come from position, as everywhere. The header lines are English with the domain
term in parentheses ("working draft (工作草稿): …"); an item's fields are labelled by their names in the
official document (主辦機關, 修正說明 …), as ``plan-editor diff`` labels them. A file that is not a readable plan is shown
as its raw text after one line saying why, so ``git diff`` still works on it.
"""
from __future__ import annotations

import sys
from pathlib import Path

from schema.compare import node_values
from schema.fileio import PlanFileError, load_plan, read_plan_bytes
from schema.model import AnyNode, PlanDocument, Revision
from schema.numbering import all_numbers
from schema.tree import children, sections, title_of

_LABELS = {  # field → the label of its line
    "chart_label": "架構圖", "lead_agencies": "主辦機關", "supporting_agencies": "協辦機關",
    "goal_ids": "對應施政目標", "kpis": "關鍵績效指標", "budget": "預算",
}


def run(args) -> int:
    try:
        plan = load_plan(args.file)
    except PlanFileError as exc:
        sys.stdout.write(f"(not a readable plan: {exc})\n")
        try:  # the raw text, read as a plan is (never a device or FIFO, never past the size limit)
            raw, _stat = read_plan_bytes(Path(args.file))
        except PlanFileError:
            return 0
        sys.stdout.write(raw.decode("utf-8", errors="replace"))
        return 0
    sys.stdout.write("\n".join(render(plan)) + "\n")
    return 0


def render(plan: PlanDocument) -> list[str]:
    lines = [plan.full_title(), f"organisation (機關): {plan.organisation}, period (期程): ROC {plan.period.start}–{plan.period.end}"]
    for rev in plan.revisions:
        lines.append(f"revision (修正版): {rev.label} {rev.date} {rev.author}".rstrip())
    draft = f"working draft (工作草稿): {plan.draft.label}" if plan.draft.label else "working draft (工作草稿), without a label:"
    lines.append(f"{draft} {plan.draft.author}".rstrip())
    lines.extend(render_revision(plan.draft))
    pending = [p for p in plan.proposals if p.status == "pending"]
    if plan.proposals:
        lines.append(f"proposals (修正建議): {len(pending)} pending of {len(plan.proposals)}")
    for p in pending:
        lines.append(f"  [{p.source} {p.kind}] {p.node_id} {p.field}: {_one_line(p.new or p.comment or p.reason)}")
    return lines


def render_revision(revision: Revision) -> list[str]:
    content = revision.content
    numbers = all_numbers(content)
    goal_titles = {g.id: g.title for g in content.goals.goals}
    lines: list[str] = []

    def visit(node: AnyNode, depth: int) -> None:
        indent = "  " * depth
        values = node_values(node, goal_titles)
        head = values.pop("title", None)
        if head is None:
            head = values.pop("text", "")
        first, *rest = (head or "").split("\n")
        lines.append(f"{indent}{numbers.get(node.id, '')}{first}")
        lines.extend(f"{indent}  {line}" for line in rest)
        for name, value in values.items():
            if not value or (name == "chart_label" and value == (title_of(node) or "").translate(_QUOTES)):
                continue
            label = _LABELS.get(name)
            for line in value.split("\n"):
                lines.append(f"{indent}  {label}: {line}" if label else f"{indent}  {line}")
        if node.note:
            lines.append(f"{indent}  修正說明: {_one_line(node.note)}")
        for child in children(node):
            visit(child, depth + 1)

    for section in sections(content):
        visit(section, 0)
    return lines


_QUOTES = str.maketrans("", "", "「」『』")


def _one_line(text: str) -> str:
    return text.replace("\n", " ⏎ ")
