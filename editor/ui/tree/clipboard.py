"""Copy, cut and paste of subtrees as JSON; plain text pastes as one new item per line.

The clipboard carries the copied nodes as JSON (with a plain-text version, the titles one per
line, for other programs). Pasted nodes get fresh ids (``schema.document.with_new_ids``), so a
paste never collides with what is already there, and lose any control character on the way in.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from pydantic import ValidationError
from PySide6.QtCore import QByteArray, QMimeData

from editor.ui.i18n import fill, kind_name, node_kind_name, translate
from schema.document import Document, with_new_ids
from schema.file_limits import MAX_TEXT_CHARS
from schema.model import AnyNode
from schema.operations import Insert
from schema.tree import KINDS, SECTION_KINDS, action_depth, children, title_of

MIME_NODES = "application/x-plan-editor-nodes+json"
_FORMAT = "plan-editor-nodes"


class PasteRefusedError(Exception):
    """Nothing can be pasted here; ``str()`` is one sentence for the status bar."""


@dataclass
class Clip:
    """What the clipboard holds, cleaned: copied nodes, or lines of plain text."""

    nodes: list[dict] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    removed_controls: int = 0


def to_mime(document: Document, ids: list[str]) -> QMimeData:
    nodes = [document.node(i).model_dump(mode="json") for i in ids]
    mime = QMimeData()
    payload = json.dumps({"format": _FORMAT, "version": 1, "nodes": nodes}, ensure_ascii=False)
    mime.setData(MIME_NODES, QByteArray(payload.encode("utf-8")))
    mime.setText("\n".join(title_of(document.node(i)) or "" for i in ids))
    return mime


def read_clip(mime: QMimeData | None) -> Clip:
    """The clipboard's content with control characters removed (and counted)."""
    from editor.ui.text import strip_controls, strip_controls_deep

    if mime is None:
        return Clip()
    if mime.hasFormat(MIME_NODES):
        try:
            data = json.loads(bytes(mime.data(MIME_NODES).data()).decode("utf-8"))
            nodes = data["nodes"] if data.get("format") == _FORMAT else None
        except (ValueError, UnicodeDecodeError, AttributeError, KeyError, TypeError):
            nodes = None
        if isinstance(nodes, list) and nodes and all(isinstance(n, dict) and n.get("kind") in KINDS for n in nodes):
            cleaned, removed = strip_controls_deep(nodes)
            return Clip(nodes=cleaned, removed_controls=removed)
    if mime.hasText():
        text, removed = strip_controls(mime.text())
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        return Clip(lines=lines, removed_controls=removed)
    return Clip()


def _place(document: Document, target: AnyNode, kind: str, depth: int) -> tuple[AnyNode, int]:
    """Where nodes of ``kind`` go when pasted at ``target``: after it, inside it, or after an ancestor of that kind."""
    parent = document.parent(target)
    if target.kind == kind and parent is not None and document.can_hold(parent, kind, depth) is None:
        return parent, document.index_of(target) + 1
    if document.can_hold(target, kind, depth) is None:
        return target, len(children(target))
    for ancestor in document.ancestors(target):
        up = document.parent(ancestor)
        if ancestor.kind == kind and up is not None and document.can_hold(up, kind, depth) is None:
            return up, document.index_of(ancestor) + 1
    raise PasteRefusedError(
        fill(translate("clipboard", "不能把%1貼在%2「%3」的位置"), kind_name(kind), node_kind_name(document, target),
             (title_of(target) or "")[:12])
    )


def paste_ops(document: Document, target_id: str | None, clip: Clip) -> list[Insert]:
    """The inserts that paste ``clip`` at the node ``target_id``; PasteRefusedError when it cannot go there."""
    if target_id is None or target_id not in document:
        raise PasteRefusedError(translate("clipboard", "請先在樹狀圖中選擇要貼上的位置"))
    target = document.node(target_id)
    if clip.nodes:
        kinds = {n["kind"] for n in clip.nodes}
        if len(kinds) > 1:
            raise PasteRefusedError(translate("clipboard", "剪貼簿中的項目種類不同，請分開貼上"))
        kind = kinds.pop()
        if kind in SECTION_KINDS:
            raise PasteRefusedError(translate("clipboard", "固定的章節不能貼上"))
        nodes = [with_new_ids(n) for n in clip.nodes]
    elif clip.lines:
        if target.kind in SECTION_KINDS:
            kind = KINDS[target.kind].child_kind
        else:
            kind = target.kind
        field_name = KINDS[kind].title_field
        try:
            nodes = [KINDS[kind].cls.model_validate({field_name: line}).model_dump(mode="json") for line in clip.lines]
        except ValidationError:  # a line longer than any text of a plan file (schema.file_limits)
            raise PasteRefusedError(fill(translate("clipboard", "剪貼簿中有一行文字太長（一段最多 %1 字），所以沒有貼上"),
                                         MAX_TEXT_CHARS)) from None
    else:
        raise PasteRefusedError(translate("clipboard", "剪貼簿是空的"))
    try:
        depth = max((action_depth(KINDS[kind].cls.model_validate(n)) for n in nodes), default=1) or 1
    except ValidationError:  # copied by another program, or by a version with other rules
        raise PasteRefusedError(translate("clipboard", "剪貼簿中的項目不符合計畫檔的規則（例如有一段文字太長），所以沒有貼上")) from None
    parent, index = _place(document, target, kind, depth)
    return [Insert(parent.id, index + i, node) for i, node in enumerate(nodes)]
