"""plan-editor review PLAN REVIEWED.docx [--json] [-o OUT.plan.json]: a reviewer's document as proposals.

Reads the tracked changes and comments of a document exported from PLAN and edited by a
reviewer (``editor.review``). Without ``--json``: one line per proposal (kind, item, field,
author, what changes), then the ones that could not be placed with the reason, then a summary.
With ``--json``: ``{"proposals": [{"id", "node_id", "field", "kind", "author", "date", "old",
"new", "comment", "anchor"}], "unplaced": [{... the same, "reason"}]}`` and nothing else on stdout.
``-o`` writes the plan with the proposals added as pending review items (unplaced ones too, with
their reason, for a person to read), so the editor's Review mode opens them. PLAN itself is only
read. A file that cannot be read is one line on stderr and exit status 2.
"""
from __future__ import annotations

import json

from editor.commands import UsageError
from editor.commands.outputs import check_output
from editor.review import ReviewError, read_review
from schema.fileio import load_plan, save_plan
from schema.tree import title_of

JSON_KEYS = ("id", "node_id", "field", "kind", "author", "date", "old", "new", "comment", "anchor")


def run(args) -> int:
    plan = load_plan(args.plan)
    if args.output:
        check_output("review", args.output, suffix=".plan.json", what="the output plan", inputs=[args.reviewed])
    try:
        result = read_review(plan, args.reviewed)
    except ReviewError as exc:
        raise UsageError(str(exc)) from None  # a file's problem: the file first, as PlanFileError's
    if args.json:
        print(json.dumps({
            "proposals": [{k: getattr(p, k) for k in JSON_KEYS} for p in result.proposals],
            "unplaced": [{**{k: getattr(p, k) for k in JSON_KEYS if k not in ("id", "node_id", "field")}, "reason": p.reason}
                         for p in result.unplaced],
        }, ensure_ascii=False, indent=2))
    else:
        nodes = {node.id: node for node in _nodes(plan)}
        for p in result.proposals:
            node = nodes.get(p.node_id)
            print("\t".join((p.kind, title_of(node) if node is not None else p.node_id, p.field, p.author, _what(p))))
        for p in result.unplaced:
            print("\t".join(("unplaced", p.kind, p.author, p.reason, _what(p))))
        print(f"{len(result.proposals)} proposals, {len(result.unplaced)} not placed on an item")
    if args.output:
        plan.proposals.extend(result.proposals + result.unplaced)
        save_plan(plan, args.output)
    return 0


def _nodes(plan):
    from schema.tree import walk

    return [node for node, _parent in walk(plan.draft.content)]


def _what(p) -> str:
    if p.kind == "comment":
        return f"「{p.anchor}」: {p.comment}"
    if p.kind in ("insert_node", "remove_node"):
        return p.new or p.old
    start = 0  # show the stretch that changes, not the whole field
    while start < min(len(p.old), len(p.new)) and p.old[start] == p.new[start]:
        start += 1
    end = 0
    while end < min(len(p.old), len(p.new)) - start and p.old[-1 - end] == p.new[-1 - end]:
        end += 1
    old, new = p.old[start:len(p.old) - end], p.new[start:len(p.new) - end]
    return f"「{_short(old)}」 → 「{_short(new)}」"


def _short(text: str, limit: int = 40) -> str:
    text = text.replace("\n", " / ")
    return text if len(text) <= limit else text[:limit] + "…"
