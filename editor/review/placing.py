"""Where a paragraph a reviewer added goes in the plan: the kind of item its style makes it, its place
in the tree (parent and index) after the item the paragraph follows, and the new item's data.

The official export writes each kind of item in a paragraph style of its own, so a paragraph typed
in Word in the style of an action is a new action, and one in a body style a new line of the body
above it (or a new paragraph of the preface or the closing).
"""
from __future__ import annotations

import re

from schema.document import Document
from schema.model import AnyNode, new_id

# TYPED_NUMBER: the number a reviewer typed before a new item's text (the export numbers items itself)
TYPED_NUMBER = re.compile(r"^\s*(?:[（(][0-9０-９一二三四五六七八九十百]+[)）]|[0-9０-９]+[.．、]|[一二三四五六七八九十百]+、|[壹貳參肆伍陸柒捌玖拾]+、)\s*")
# by style name; Word's built-in headings are named in lower case in styles.xml ("heading 3"), shown capitalised
NEW_NODE_STYLES = {"Plan Action": "action", "Plan Sub-action": "sub_action", "Heading 3": "strategy", "heading 3": "strategy", "Plan Goal": "goal"}
BODY_STYLES = ("Strategy Body", "Plan Body")


def place(document: Document, kind: str, previous: str | None, last: tuple[str, int, dict] | None) -> tuple[str, int, str] | None:
    """(parent id, index, kind) of a new item of ``kind`` (a node kind, or a body style for a body line)
    after the plan's item ``previous``, or after ``last`` (parent id, index, data), the new item before it; or None."""
    if last is not None and last[2]["kind"] == ("action" if kind in ("action", "sub_action") else kind):
        return last[0], last[1] + 1, kind
    node = document.get(previous) if previous else None
    if node is None:
        return None
    doc = document
    if kind in BODY_STYLES:
        if node.kind in ("strategy", "goal", "focus_area"):
            return node.id, 0, "body_line"
        if node.kind == "paragraph":
            return _parent(doc, node).id, doc.index_of(node) + 1, "paragraph"
        if node.kind == "closing":
            return node.id, 0, "paragraph"
        return None
    if kind == "action":
        if node.kind == "strategy":
            return node.id, 0, "action"
        if node.kind == "action":
            parent = _parent(doc, node)
            top = node if parent.kind == "strategy" else parent
            return _parent(doc, top).id, doc.index_of(top) + 1, "action"
    if kind == "sub_action" and node.kind == "action":
        if _parent(doc, node).kind == "strategy":
            return node.id, 0, "sub_action"
        return _parent(doc, node).id, doc.index_of(node) + 1, "sub_action"
    if kind == "strategy":
        strategy = next((n for n in [node, *doc.ancestors(node)] if n.kind == "strategy"), None)
        if strategy is not None:
            return _parent(doc, strategy).id, doc.index_of(strategy) + 1, "strategy"
        if node.kind == "focus_area":
            return node.id, 0, "strategy"
    if kind == "goal":
        if node.kind == "goal":
            return _parent(doc, node).id, doc.index_of(node) + 1, "goal"
        if node.kind == "goals_section":
            return node.id, 0, "goal"
    return None


def _parent(doc: Document, node: AnyNode) -> AnyNode:
    """The item holding ``node``: every item but a section has one, and place() asks it of no section."""
    parent = doc.parent(node)
    assert parent is not None
    return parent


def new_node(kind: str, text: str) -> dict:
    """A new item's data (as ``schema.operations.Insert`` takes it) of ``kind`` holding ``text``, with a fresh id."""
    node_id = new_id()
    if kind in ("action", "sub_action"):
        return {"id": node_id, "kind": "action", "text": text, "actions": []}
    if kind == "strategy":
        return {"id": node_id, "kind": "strategy", "title": text, "body": "", "actions": []}
    if kind == "goal":
        return {"id": node_id, "kind": "goal", "title": text, "body": ""}
    return {"id": node_id, "kind": "paragraph", "text": text}
