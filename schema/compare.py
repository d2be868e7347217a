"""Comparison of two versions of a plan: a list of changes, item by item (修正對照).

``compare(old, new)`` matches the nodes of the two contents, then reports each difference once:

- ``added`` / ``removed``: a node (with everything below it that went with it) only on one side.
  A whole new strategy with its actions is one change; its actions are in ``new.children``.
- ``modified``: a matched node whose own fields differ (title, chart label, body, text, agencies,
  linked goals, KPIs, budget). ``fields`` holds the character-level differences.
- ``moved``: a matched node under another parent, or out of order among its siblings (the fewest
  such nodes: the others form the longest run that kept its order). A moved node may also be
  modified; its ``fields`` then say how.

Numbers are derived from position, so a renumbering alone is never a change: deleting （二）
reports one removal, not （三）…（六） as modified.

Matching (``schema.compare_match``) is by id when the two plans share ids (revisions of one
file). When they share none (two imported texts), it is by content: the same words first, then
the most similar, under the same parent first, then anywhere on the same level through a
2-character shingle index, so a strategy that went to another focus area is found without
comparing every pair of nodes in the plan.

The 修正說明 (``note``) of a change is the note of the node in the newer version; for a removed
node, which has no newer version, it is the note of its parent in the newer version, where the
editor asks the reason for a removal.
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from schema.amounts import format_amount  # the unit (千元) is in every label of this field
from schema.compare_index import GETTERS, VersionIndex, disturbed, out_of_order, suspects
from schema.compare_match import match_by_content, match_by_id, own_text
from schema.file_reading import collector_paused
from schema.model import BODY_NODES, KPI, TEXT_NODES, AnyNode, PlanContent, Strategy
from schema.textdiff import Diff, text_diff
from schema.tree import KINDS, children

KINDS_OF_CHANGE = ("added", "removed", "modified", "moved")
_COMPARED = {kind: spec.compared for kind, spec in KINDS.items()}  # the fields that make a change, apart from goal links


@dataclass(frozen=True)
class NodeSide:
    """A node as it reads in one version.

    ``title`` is the title of titled kinds ("" for paragraphs and actions, whose words are in
    ``text``); ``text`` is the body (goal, focus area, strategy) or the text (paragraph, action).
    ``parent_id`` and ``index`` place it in its own version; ``values`` holds every compared
    field as text; ``children`` the nodes below an added or removed node that went with it.
    """

    number: str
    title: str
    text: str
    parent_id: str | None
    index: int
    node_id: str = ""
    parent: str = ""  # the parent's location and title, e.g. 二、衝就業, 一、（六）建構農漁高雄隊
    location: str = ""  # the numbers from the focus area down, e.g. 四、（三）3. (VersionIndex.location)
    area: str = ""  # the focus area it is in, e.g. 一、拚經濟 (a focus area's section) (VersionIndex.area)
    values: dict[str, str] = field(default_factory=dict)
    children: tuple[NodeSide, ...] = ()


@dataclass
class Change:
    kind: str  # added | removed | modified | moved
    node_kind: str
    node_id: str  # the id in the newer version (in the older one for a removal)
    old: NodeSide | None
    new: NodeSide | None
    fields: dict[str, Diff] = field(default_factory=dict)
    moved_from: str | None = None  # the old parent's location and title, for a move
    note: str = ""
    author: str = ""  # who made it (修改者), from the newer revision's authors; "" when unknown


@dataclass
class Comparison:
    changes: list[Change]
    counts: dict[str, int]
    matched_by: str  # "id" or "content"


# --- the public entry points ----------------------------------------------------------------
def compare(old: PlanContent, new: PlanContent, authors: Mapping[str, str] | None = None) -> Comparison:
    """``authors``: node id → who changed it (``Revision.authors`` of the newer version), named on each change."""
    with collector_paused():  # many short-lived objects, no cycles: nothing for the collector's passes to find
        a, b = VersionIndex(old), VersionIndex(new)
        if not a.nodes.keys().isdisjoint(b.nodes.keys()):
            matched, how = match_by_id(a, b), "id"
        else:
            matched, how = match_by_content(a, b), "content"
        changes = _changes(a, b, matched)
    if authors:
        for change in changes:
            change.author = authors.get(change.node_id, "")
    counts = {kind: 0 for kind in KINDS_OF_CHANGE}
    for change in changes:
        counts[change.kind] += 1
    return Comparison(changes, counts, how)


def to_json(comparison: Comparison, from_label: str, to_label: str) -> dict[str, Any]:
    """The document of ``plan-editor diff --json`` (docs/architecture.md, "The comparison pipeline"): plain lists and dicts."""
    return {
        "from": from_label,
        "to": to_label,
        "changes": [
            {
                "kind": c.kind,
                "node_kind": c.node_kind,
                "old": _side_json(c.old),
                "new": _side_json(c.new),
                "fields": {name: [[op, text] for op, text in diffs] for name, diffs in c.fields.items()},
                "note": c.note,
                **({"author": c.author} if c.author else {}),
            }
            for c in comparison.changes
        ],
        "counts": dict(comparison.counts),
    }


def _side_json(side: NodeSide | None) -> dict[str, Any] | None:
    if side is None:
        return None
    data: dict[str, Any] = {"number": side.number, "location": side.location, "title": side.title, "text": side.text,
                            "parent": side.parent}
    if side.children:
        data["children"] = [_side_json(child) for child in side.children]
    return data


# --- what is compared ---------------------------------------------------------------------------
def node_values(node: AnyNode, goal_titles: dict[str, str] | None = None) -> dict[str, str]:
    """Every compared field of a node, as text a person can read (lists joined with 、).

    ``goal_titles`` (goal id → title) names the linked goals; without it the ids are shown.
    """
    goal_titles = goal_titles or {}
    if isinstance(node, TEXT_NODES):
        return {"text": node.text}
    values = {"title": node.title}
    if isinstance(node, Strategy):
        values["chart_label"] = node.chart_text  # what the chart shows
    if isinstance(node, BODY_NODES):
        values["body"] = node.body
    if isinstance(node, Strategy):
        values["lead_agencies"] = "、".join(node.lead_agencies)
        values["supporting_agencies"] = "、".join(node.supporting_agencies)
        values["goal_ids"] = "、".join(goal_titles.get(g, g) for g in node.goal_ids)
        values["kpis"] = "\n".join(_kpi_line(k) for k in node.kpis)
        values["budget"] = "；".join(f"{year}年 {format_amount(amount)}" for year, amount in sorted(node.budget.items()))
    return values


def _kpi_line(kpi: KPI) -> str:
    targets = "；".join(f"{year}年 {value}" for year, value in sorted(kpi.targets.items()))
    # an empty measurement or unit is left out, not printed as 「單位：）」
    columns = (("策略績效目標", kpi.objective), ("評估體制", kpi.assessment), ("衡量標準", kpi.measurement), ("單位", kpi.unit))
    parts = [f"{label}：{value}" for label, value in columns if value.strip()]
    details = f"（{'；'.join(parts)}）" if parts else ""
    return f"{kpi.name}{details}{targets}"


def _side(tree: VersionIndex, node: AnyNode, with_children: set[str] | None = None) -> NodeSide:
    """The NodeSide of a node; ``with_children``: ids of the descendants to include."""
    title, text = own_text(node)
    parent = tree.parent(node.id)
    kids: tuple[NodeSide, ...] = ()
    if with_children is not None:
        kids = tuple(_side(tree, c, with_children) for c in children(node) if c.id in with_children)
    # Every field given, as NodeSide(...) would set them: one dict update instead of a frozen
    # dataclass's setattr per field (a comparison makes two sides per change).
    made = object.__new__(NodeSide)
    made.__dict__.update(
        number=tree.number(node),
        title=title,
        text=text,
        parent_id=parent.id if parent is not None else None,
        index=tree.index[node.id],
        node_id=node.id,
        parent=tree.label(parent),
        location=tree.location(node),
        area=tree.area(node),
        values=node_values(node, tree.goal_titles),
        children=kids,
    )
    return made


# --- the list of changes ------------------------------------------------------------------------
def _changes(a: VersionIndex, b: VersionIndex, matched: dict[str, str]) -> list[Change]:
    back = dict(zip(matched.values(), matched.keys()))
    goal_map = {g: matched.get(g, "") for g in a.goal_titles}
    keyed: list[tuple[tuple[tuple[int, ...], int, tuple[int, ...]], Change]] = []
    for nid in b.nodes.keys() - back.keys():
        node, parent = b.nodes[nid], b.parent(nid)
        if parent is not None and parent.id in back:  # the top of an added subtree
            inside = {n for n in _descendants(node) if n not in back}
            side = _side(b, node, inside)
            fields = {f: [(1, v)] for f, v in _own_values(node, side).items()}
            keyed.append(((b.position(nid), 0, ()), Change("added", node.kind, nid, None, side, fields, None, node.note)))
    if len(back) == len(matched):  # one to one, as every matcher makes it
        looked_at = suspects(a, b, matched, back)
        families = disturbed(a, b, matched, back, looked_at)
    else:  # look at every node and family
        families, looked_at = set(b.nodes), set(back)
    reordered = out_of_order(a, b, matched, back, families)
    for nid in (looked_at | reordered) & back.keys():
        node, parent, old_id = b.nodes[nid], b.parent(nid), back[nid]
        old_node = a.nodes[old_id]
        getter = GETTERS[node.kind]
        if getter(old_node) == getter(node) and not _linked(old_node, node):
            fields = {}
        else:
            fields = _field_diffs(old_node, node, a, b, goal_map)
        old_parent = a.parent(old_id)
        moved = parent is not None and (nid in reordered or old_parent is None or matched.get(old_parent.id) != parent.id)
        if moved or fields:
            change = Change(
                "moved" if moved else "modified", node.kind, nid, _side(a, old_node), _side(b, node), fields,
                a.label(old_parent) if moved else None, node.note,
            )
            keyed.append(((b.position(nid), 0, ()), change))
    for oid in a.nodes.keys() - matched.keys():
        node, parent = a.nodes[oid], a.parent(oid)
        if parent is None or parent.id not in matched:
            continue
        inside = {n for n in _descendants(node) if n not in matched}
        side = _side(a, node, inside)
        new_parent = b.nodes[matched[parent.id]]
        anchor = b.position(new_parent.id)
        for sibling in reversed(children(parent)[: a.index[oid]]):
            twin = matched.get(sibling.id)
            if twin is not None and b.parent_ids[twin] == new_parent.id:
                anchor = b.end(twin)
                break
        fields = {f: [(-1, v)] for f, v in _own_values(node, side).items()}
        change = Change("removed", node.kind, oid, side, None, fields, None, new_parent.note)
        keyed.append(((anchor, 1, a.position(oid)), change))
    # Document order of the newer version; a removal right after what preceded it there.
    keyed.sort(key=itemgetter(0))
    return [change for _key, change in keyed]


def _linked(x: AnyNode, y: AnyNode) -> bool:
    """Whether two matched strategies link goals (links compare through the goal matching)."""
    return isinstance(x, Strategy) and isinstance(y, Strategy) and bool(x.goal_ids or y.goal_ids)


def _own_values(node: AnyNode, side: NodeSide) -> dict[str, str]:
    """The non-empty fields of an added or removed node (a chart label only if it has its own)."""
    own_label = isinstance(node, Strategy) and bool(node.chart_label)
    return {f: v for f, v in side.values.items() if v and (f != "chart_label" or own_label)}


def _descendants(node: AnyNode) -> Iterator[str]:
    for child in children(node):
        yield child.id
        yield from _descendants(child)


def _field_diffs(x: AnyNode, y: AnyNode, a: VersionIndex, b: VersionIndex, goal_map: dict[str, str]) -> dict[str, Diff]:
    kind = x.kind
    if kind != y.kind:
        return {}
    getter = GETTERS[kind]
    changed: list[str]
    if getter(x) == getter(y):
        changed = []
    else:
        changed = [name for name in _COMPARED[kind] if getattr(x, name) != getattr(y, name)]
    if (isinstance(x, Strategy) and isinstance(y, Strategy) and (x.goal_ids or y.goal_ids)
            and [goal_map.get(g, g) for g in x.goal_ids] != list(y.goal_ids)):
        changed.append("goal_ids")
    if not changed:
        return {}
    if isinstance(x, TEXT_NODES) and isinstance(y, TEXT_NODES):
        return {"text": text_diff(x.text, y.text)}
    old_values, new_values = node_values(x, a.goal_titles), node_values(y, b.goal_titles)
    diffs = {name: text_diff(old_values[name], new_values[name]) for name in changed}
    # A field can differ in storage yet read the same (a chart label set to what the title
    # already showed): what a reader sees decides, so such a field is no change.
    return {name: diff for name, diff in diffs.items() if any(op != 0 for op, _text in diff)}


