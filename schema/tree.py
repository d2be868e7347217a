"""The shape of the plan tree: which kind of node holds which, and how to walk it.

One table (``KINDS``) says, for every node kind, the list field holding its children and the
kind those children must be. Document operations, the Qt model, numbering and the comparison
all read this table, so the hierarchy rules live in exactly one place.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import chain
from operator import attrgetter
from typing import NamedTuple

from schema import rules
from schema.model import (
    TEXT_NODES,
    Action,
    AnyNode,
    Closing,
    FocusArea,
    FocusSection,
    Goal,
    GoalsSection,
    Paragraph,
    PlanContent,
    Preface,
    SectionNode,
    Strategy,
)


@dataclass(frozen=True)
class KindSpec:
    """What the program knows of one kind of node, in one place (docs/architecture.md)."""

    cls: type[AnyNode]
    child_kind: str | None  # the kind its children must be, if it has any
    fields: tuple[str, ...]  # the fields a person edits, in the detail pane's order (the 修正說明 last)
    label: str  # the Chinese name shown to users
    # Derived from the model and ``fields`` (so each rule is written once):
    children: str | None = field(init=False)  # the list field holding the children: the model's own
    title_field: str = field(init=False)  # the field that names the node in the tree: "title", or "text"
    string_fields: tuple[str, ...] = field(init=False)  # the fields of one plain text: searched, checked, written to Word
    compared: tuple[str, ...] = field(init=False)  # the fields whose difference is a change (goal links are compared apart)

    def __post_init__(self) -> None:
        model_fields = self.cls.model_fields
        object.__setattr__(self, "children", self.cls.children_field)
        object.__setattr__(self, "title_field", "text" if "text" in model_fields else "title")
        object.__setattr__(self, "string_fields", tuple(f for f in self.fields if model_fields[f].annotation is str))
        object.__setattr__(self, "compared", tuple(f for f in self.fields if f not in ("note", "goal_ids")))


_STRATEGY_FIELDS = ("title", "chart_label", "body", "lead_agencies", "supporting_agencies", "goal_ids", "kpis", "budget", "note")

KINDS: dict[str, KindSpec] = {
    "preface": KindSpec(Preface, "paragraph", ("title", "note"), "理念"),
    "goals_section": KindSpec(GoalsSection, "goal", ("title", "note"), "施政目標"),
    "focus_section": KindSpec(FocusSection, "focus_area", ("title", "note"), "施政重點與發展策略"),
    "closing": KindSpec(Closing, "paragraph", ("title", "note"), "結語"),
    "paragraph": KindSpec(Paragraph, None, ("text", "note"), "段落"),
    "goal": KindSpec(Goal, None, ("title", "body", "note"), "施政目標"),
    "focus_area": KindSpec(FocusArea, "strategy", ("title", "body", "note"), "施政重點"),
    "strategy": KindSpec(Strategy, "action", _STRATEGY_FIELDS, "推動策略"),
    "action": KindSpec(Action, "action", ("text", "note"), "具體作法"),
}

SECTION_FIELDS = ("preface", "goals", "focus", "closing")
SECTION_KINDS = ("preface", "goals_section", "focus_section", "closing")
MAX_ACTION_DEPTH = 2  # actions (1.) may hold sub-actions (（1）), and no deeper


def children(node: AnyNode) -> list[AnyNode]:
    spec = KINDS[node.kind]
    if spec.children is None:
        return []
    kids: list[AnyNode] = getattr(node, spec.children)
    return kids


def sections(content: PlanContent) -> list[SectionNode]:
    """The four sections in document order (the fields of SECTION_FIELDS)."""
    return [content.preface, content.goals, content.focus, content.closing]


def walk(content: PlanContent) -> Iterator[tuple[AnyNode, AnyNode | None]]:
    """Every node with its parent, in document order (pre-order)."""
    stack: list[tuple[AnyNode, AnyNode | None]] = [(s, None) for s in reversed(sections(content))]
    while stack:
        node, parent = stack.pop()
        yield node, parent
        kids = children(node)
        for child in reversed(kids):
            stack.append((child, node))


class LevelGroup(NamedTuple):
    """The nodes of one kind on one level of the tree, with their children (see :func:`level_groups`)."""

    level: int
    kind: str
    nodes: list[AnyNode]
    child_lists: list[list[AnyNode]]  # each node's own children list; empty when the kind holds none
    children: list[AnyNode]  # those lists joined, in document order
    child_ids: list[str]
    sizes: list[int]  # the length of each child list


_ID = attrgetter("id")
_CHILD_LISTS = {kind: attrgetter(spec.children) for kind, spec in KINDS.items() if spec.children is not None}
_CHILD_KIND = {kind: spec.child_kind for kind, spec in KINDS.items() if spec.child_kind is not None}


def level_groups(content: PlanContent) -> Iterator[LevelGroup]:
    """The plan breadth first, each level kind by kind (sub-actions share the actions' group).

    Every group's children are read with a few C-level calls (``map``, ``chain``) rather than a
    Python step per node: the comparison and the checks index every node of a plan this way, and
    a 5k plan has only a dozen groups.
    """
    groups: list[tuple[str, list[AnyNode]]] = [(node.kind, [node]) for node in sections(content)]
    level = 0
    while groups:
        below: list[tuple[str, list[AnyNode]]] = []
        for kind, group in groups:
            getter = _CHILD_LISTS.get(kind)
            lists: list[list[AnyNode]] = list(map(getter, group)) if getter is not None else []
            kids: list[AnyNode] = list(chain.from_iterable(lists))
            yield LevelGroup(level, kind, group, lists, kids, list(map(_ID, kids)), list(map(len, lists)))
            if kids:
                below.append((_CHILD_KIND[kind], kids))
        groups = below
        level += 1


def title_of(node: AnyNode) -> str:
    """The text that names a node in the tree: its title, or the text of a paragraph or action."""
    return node.text if isinstance(node, TEXT_NODES) else node.title


def action_depth(node: AnyNode) -> int:
    """How many levels of actions a node holds below itself (0 for a leaf, 1 for an action without sub-actions)."""
    if node.kind != "action":
        return 0
    return 1 + max((action_depth(c) for c in node.actions), default=0)


def subtree(node: AnyNode) -> list[AnyNode]:
    """The node and everything below it, in document order."""
    result = [node]
    for child in children(node):
        result.extend(subtree(child))
    return result


def subtree_size(node: AnyNode) -> int:
    return 1 + sum(subtree_size(c) for c in children(node))


def item_count(content: PlanContent) -> int:
    """How many items (paragraphs, goals, focus areas, strategies, actions) a version holds; the four sections are not items."""
    return rules.item_count(content)
