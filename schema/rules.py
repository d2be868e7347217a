"""The rules of a plan file that are code, not types: written once, without pydantic.

The models (``schema.model``) run these functions as their validators, and so does the validated
read path of the command line (``schema.plain_read``), which validates the same file into plain
dictionaries with pydantic-core alone (its schema, ``schema.plain_schema``, is generated from the
models). So each function takes either a model or the plain dictionary of one, and the same
ValueError (one sentence) reaches the user whichever path found the problem.
"""
from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from operator import attrgetter, getitem, itemgetter
from typing import Any, TypeVar

FORMAT_VERSION = 2  # 2: numbering_style and proposals

# The list field holding each kind's children (schema.tree.KINDS reads it from the models, which take it from here).
CHILDREN_FIELD: dict[str, str | None] = {
    "paragraph": None, "goal": None, "action": "actions", "strategy": "actions", "focus_area": "strategies",
    "preface": "paragraphs", "goals_section": "goals", "focus_section": "focus_areas", "closing": "paragraphs",
}
SECTIONS = ("preface", "goals", "focus", "closing")  # the four fields of a version's content, in document order
NUMBER_PLACEHOLDERS = ("{壹}", "{一}", "{1}")

Value = TypeVar("Value")


def new_id() -> str:
    """A fresh node id: 12 hex digits, random, so that ids never collide across revisions."""
    return uuid.uuid4().hex[:12]


def _get(value: object) -> Callable[[Any, str], Any]:
    """How to read a field of ``value``: a key of a plain dictionary, an attribute of a model."""
    return getitem if type(value) is dict else getattr


def current_format(value: int) -> int:
    if value != FORMAT_VERSION:
        raise ValueError(f"format_version must be {FORMAT_VERSION} once migrated, not {value}")
    return value


def one_placeholder(value: str) -> str:
    """A numbering template (編號格式) holds exactly one number placeholder and is short."""
    count = sum(value.count(p) for p in NUMBER_PLACEHOLDERS)
    if count != 1 or len(value) > 12:
        raise ValueError(f"a numbering template holds exactly one of {{壹}}, {{一}} or {{1}} and is short, not {value!r}")
    return value


def period_ordered(period: Value) -> Value:
    get = _get(period)
    start, end = get(period, "start"), get(period, "end")
    if end < start:
        raise ValueError(f"the period ends ({end}) before it starts ({start})")
    return period


def actions_nest_two_levels(strategy: Value) -> Value:
    """A strategy's actions (1.) hold sub-actions (（1）), which hold nothing."""
    get = _get(strategy)
    for action in get(strategy, "actions"):
        for sub_action in get(action, "actions"):
            if get(sub_action, "actions"):
                raise ValueError("actions nest at most two levels (1. and （1）), but a sub-action holds more")
    return strategy


def repeated_label(labels: list[str]) -> str | None:
    """The first label used twice among a plan's revisions, or None (the file's rule: labels name revisions)."""
    counts = Counter(labels)
    return next((label for label in labels if counts[label] > 1), None)


def labels_are_unique(plan: Value) -> Value:
    get = _get(plan)
    repeated = repeated_label([get(revision, "label") for revision in get(plan, "revisions")])
    if repeated is not None:
        raise ValueError(f"the revision label {repeated!r} is used twice")
    return plan


def levels(content: object) -> Iterator[list[Any]]:
    """The nodes of a version's content level by level: the four sections, their children, and so on."""
    get = _get(content)
    level = [get(content, section) for section in SECTIONS]
    while level:
        yield level
        if get is getitem:
            fields = [CHILDREN_FIELD[kind] for kind in map(_kind_of, level)]
        else:  # a model's class holds its entry of CHILDREN_FIELD: no lookup by kind
            fields = list(map(_children_field_of, level))
        below: list[Any] = []
        for node, field in zip(level, fields, strict=True):
            if field:
                below += get(node, field)
        level = below


_kind_of = itemgetter("kind")
_children_field_of = attrgetter("children_field")


def ids_are_unique(content: Value) -> Value:
    # Level by level in list comprehensions (a big plan is validated on every open); the
    # document-order walk only runs to name the first duplicate.
    get = _get(content)
    id_of = itemgetter("id") if get is getitem else attrgetter("id")
    ids: list[str] = []
    for level in levels(content):
        ids += map(id_of, level)
    if len(set(ids)) == len(ids):
        return content
    seen: set[str] = set()
    for node in _document_order([get(content, section) for section in SECTIONS], get):
        node_id = get(node, "id")
        if node_id in seen:
            raise ValueError(f"the id {node_id!r} is used by more than one item")
        seen.add(node_id)
    return content  # not reached: a repeated id is found in the walk


def _document_order(nodes: list[Any], get: Callable[[Any, str], Any]) -> Iterator[Any]:
    """The nodes and everything below them, pre-order (schema.tree.walk, without the parents)."""
    for node in nodes:
        yield node
        field = CHILDREN_FIELD[get(node, "kind")]
        if field:
            yield from _document_order(get(node, field), get)


def item_count(content: object) -> int:
    """How many items (paragraphs, goals, focus areas, strategies, actions) a version holds; the four sections are not items."""
    return sum(len(level) for level in levels(content)) - len(SECTIONS)


DRAFT_OF_AMENDMENT = "修正草案"  # what an unlabelled working draft that differs from the latest revision is called


def draft_label(latest_label: str, changed: bool) -> str:
    """The label documents give an unlabelled working draft: the latest revision's while the draft
    holds that revision's text, 修正草案 once it differs (``changed``), since a document made from an
    edited draft must not claim to be the published revision; "" for a first draft."""
    return DRAFT_OF_AMENDMENT if changed and latest_label else latest_label


def full_title(title: str, label: str) -> str:
    """The cover title, e.g. 高雄市政府108至111年度中程施政計畫理念（109年修正版）."""
    return f"{title}（{label}）" if label else title
