"""Structural editing in the tree, outliner style: add, delete, move, indent, outdent, copy, cut, paste.

Each action becomes document operations run as one undo step (``editor.ui.session.undo_commands``). Where
the hierarchy does not allow an action, nothing changes and ``status_message`` says why.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from editor.ui.i18n import fill, kind_name, node_kind_name, translate
from editor.ui.session import undo_commands
from editor.ui.session.operation_errors import operation_error_text
from editor.ui.text import removed_note
from editor.ui.tree import clipboard
from schema.model import AnyNode
from schema.operations import Insert, Move, Operation, Remove
from schema.tree import KINDS, SECTION_KINDS, action_depth, children, subtree_size, title_of

if TYPE_CHECKING:
    from editor.ui.session.session import EditSession
    from editor.ui.tree.view import PlanTreeView
    from schema.document import Document


def _short(node: AnyNode, limit: int = 16) -> str:
    text = (title_of(node) or "").split("\n", 1)[0]
    return text if len(text) <= limit else text[:limit] + "…"


class TreeEditor(QObject):
    """Tree actions on the current plan; ``confirm(title, text) -> bool`` asks before big deletions."""

    status_message = Signal(str)

    def __init__(self, view: PlanTreeView, confirm: Callable[[str, str], bool], parent: QObject | None = None):
        super().__init__(parent)
        self._view = view
        self._confirm = confirm
        self._edited: EditSession | None = None

    def set_session(self, session: EditSession) -> None:
        self._edited = session

    @property
    def _session(self) -> EditSession:
        assert self._edited is not None, "the window sets the session before any action can run"
        return self._edited

    @property
    def _doc(self) -> Document:
        return self._session.document

    def _parent(self, node: AnyNode) -> AnyNode:
        """The parent of an item that is not one of the four sections (every such item has one)."""
        parent = self._doc.parent(node)
        assert parent is not None, "only the sections have no parent, and they are never edited here"
        return parent

    def _current(self) -> AnyNode | None:
        node_id = self._view.current_node_id()
        return self._doc.node(node_id) if node_id and node_id in self._doc else None

    def _run(self, ops: Sequence[Operation], text: str, focus_id: str | None, *, edit: bool = False, undo_focus_id: str | None = None) -> bool:
        """Run ``ops`` as one undo step and select ``focus_id``; its undo selects ``undo_focus_id`` (by default
        ``focus_id`` again), what the user had in hand before the step."""
        error = undo_commands.execute(self._session, ops, text, focus_id=focus_id, undo_focus_id=undo_focus_id)
        if error:
            self.status_message.emit(error)
            return False
        if focus_id and focus_id in self._doc:
            self._view.select_node(focus_id, edit=edit)
        return True

    def _say(self, text: str) -> bool:
        self.status_message.emit(text)
        return False

    # --- adding ------------------------------------------------------------------------------
    def _new_node(self, kind: str) -> dict:
        return KINDS[kind].cls().model_dump(mode="json")

    def add_sibling(self) -> bool:
        """Enter: a new item of the same kind right after the current one, ready to be named."""
        node = self._current()
        if node is None:
            return self._say(translate("tree", "請先選擇一個項目"))
        if node.kind in SECTION_KINDS:
            return self._say(translate("tree", "固定的章節不能新增同層項目；請用 Ctrl+Enter 新增下層項目"))
        parent = self._parent(node)
        data = self._new_node(node.kind)
        return self._run(
            [Insert(parent.id, self._doc.index_of(node) + 1, data)],
            undo_commands.add_text(node_kind_name(self._doc, node)), data["id"], edit=True, undo_focus_id=node.id,
        )

    def add_child(self) -> bool:
        """Ctrl+Enter / Insert: a new last child of the current item, ready to be named."""
        node = self._current()
        if node is None:
            return self._say(translate("tree", "請先選擇一個項目"))
        spec = KINDS[node.kind]
        if spec.child_kind is None:
            return self._say(fill(translate("tree", "%1之下不能有下層項目"), node_kind_name(self._doc, node)))
        refusal = self._doc.hold_refusal(node, spec.child_kind)
        if refusal is not None:
            return self._say(operation_error_text(refusal))
        data = self._new_node(spec.child_kind)
        name = kind_name(spec.child_kind, sub_action=node.kind == "action")
        self._view.expand_node(node.id)
        return self._run([Insert(node.id, len(children(node)), data)], undo_commands.add_text(name), data["id"], edit=True,
                         undo_focus_id=node.id)

    # --- deleting ------------------------------------------------------------------------------
    def delete_question(self, ids: list[str]) -> str | None:
        """The confirmation text when the deletion takes more than the selected items, else None."""
        nodes = [self._doc.node(i) for i in ids]
        total = sum(subtree_size(n) for n in nodes)
        if total == len(nodes):
            return None
        if len(nodes) == 1:
            node = nodes[0]
            return fill(translate("tree", "刪除%1「%2」會一併刪除其下 %3 個項目，共 %4 個項目。確定要刪除嗎？"),
                        node_kind_name(self._doc, node), _short(node), total - 1, total)
        return fill(translate("tree", "刪除選取的 %1 個項目會連同其下層一起刪除，共 %2 個項目。確定要刪除嗎？"),
                    len(nodes), total)

    def delete(self) -> bool:
        """Delete: remove the selected items (and their subtrees), asking first when more goes than is selected."""
        ids = [i for i in self._view.selected_node_ids() if self._doc.node(i).kind not in SECTION_KINDS]
        if not ids:
            return self._say(translate("tree", "固定的章節不能刪除") if self._view.selected_node_ids() else translate("tree", "請先選擇一個項目"))
        question = self.delete_question(ids)
        if question and not self._confirm(translate("tree", "刪除項目"), question):
            return False
        first = self._doc.node(ids[0])
        text = undo_commands.delete_text(node_kind_name(self._doc, first)) if len(ids) == 1 else undo_commands.delete_many_text(len(ids))
        # Undo selects the first item it restores; the delete and its redo what takes its place.
        return self._run(self._remove_ops(ids), text, self._follower(ids).id, undo_focus_id=first.id)

    def _follower(self, ids: list[str]) -> AnyNode:
        """What is selected once ``ids`` are deleted: the sibling that comes into the first one's place, else
        the one before it, else their parent."""
        first = self._doc.node(ids[0])
        parent = self._parent(first)
        index = self._doc.index_of(first)
        going = set(ids)
        kids = [kid for kid in children(parent) if kid.id not in going]  # ids[0] comes first: none before index go
        return kids[min(index, len(kids) - 1)] if kids else parent

    def _remove_ops(self, ids: list[str]) -> list[Remove]:
        """Removes in reverse document order, so each index is still right when its turn comes."""
        ops = []
        for node_id in reversed(ids):
            node = self._doc.node(node_id)
            ops.append(Remove(self._parent(node).id, self._doc.index_of(node)))
        return ops

    # --- moving --------------------------------------------------------------------------------
    def _movable(self) -> AnyNode | None:
        node = self._current()
        if node is None:
            self._say(translate("tree", "請先選擇一個項目"))
            return None
        if node.kind in SECTION_KINDS:
            self._say(translate("tree", "固定的章節不能移動"))
            return None
        return node

    def move_up(self) -> bool:
        node = self._movable()
        if node is None:
            return False
        index = self._doc.index_of(node)
        if index == 0:
            return self._say(fill(translate("tree", "「%1」已經是第一個"), _short(node)))
        parent = self._parent(node)
        return self._run([Move(node.id, parent.id, index - 1)], undo_commands.move_up_text(node_kind_name(self._doc, node)), node.id)

    def move_down(self) -> bool:
        node = self._movable()
        if node is None:
            return False
        parent = self._parent(node)
        index = self._doc.index_of(node)
        if index == len(children(parent)) - 1:
            return self._say(fill(translate("tree", "「%1」已經是最後一個"), _short(node)))
        return self._run([Move(node.id, parent.id, index + 1)], undo_commands.move_down_text(node_kind_name(self._doc, node)), node.id)

    def indent(self) -> bool:
        """Tab: become the last child of the previous sibling, where the hierarchy allows it."""
        node = self._movable()
        if node is None:
            return False
        index = self._doc.index_of(node)
        if index == 0:
            return self._say(fill(translate("tree", "「%1」前面沒有同層項目，無法降階"), _short(node)))
        previous = children(self._parent(node))[index - 1]
        refusal = self._doc.hold_refusal(previous, node.kind, action_depth(node) or 1)
        if refusal is not None:
            return self._say(fill(translate("tree", "無法降階：%1"), operation_error_text(refusal)))
        self._view.expand_node(previous.id)
        name = node_kind_name(self._doc, node)
        return self._run([Move(node.id, previous.id, len(children(previous)))], undo_commands.indent_text(name), node.id)

    def outdent(self) -> bool:
        """Shift+Tab: move right after the parent, one level up, where the hierarchy allows it."""
        node = self._movable()
        if node is None:
            return False
        parent = self._parent(node)
        grandparent = self._doc.parent(parent)  # None: parent is a section
        if grandparent is None:
            return self._say(fill(translate("tree", "「%1」已在最上層，無法升階"), _short(node)))
        refusal = self._doc.hold_refusal(grandparent, node.kind, action_depth(node) or 1)
        if refusal is not None:
            return self._say(fill(translate("tree", "無法升階：%1"), operation_error_text(refusal)))
        name = node_kind_name(self._doc, node)
        return self._run([Move(node.id, grandparent.id, self._doc.index_of(parent) + 1)], undo_commands.outdent_text(name), node.id)

    # --- clipboard -----------------------------------------------------------------------------
    def _copyable_ids(self) -> list[str]:
        return [i for i in self._view.selected_node_ids() if self._doc.node(i).kind not in SECTION_KINDS]

    def copy(self) -> bool:
        ids = self._copyable_ids()
        if not ids:
            return self._say(translate("tree", "請先選擇要複製的項目（固定的章節不能複製）"))
        QApplication.clipboard().setMimeData(clipboard.to_mime(self._doc, ids))
        if len(ids) == 1:
            self.status_message.emit(translate("tree", "已複製 1 個項目"))
        else:
            self.status_message.emit(fill(translate("tree", "已複製 %1 個項目"), len(ids)))
        return True

    def cut(self) -> bool:
        ids = self._copyable_ids()
        if not ids:
            return self._say(translate("tree", "請先選擇要剪下的項目（固定的章節不能剪下）"))
        QApplication.clipboard().setMimeData(clipboard.to_mime(self._doc, ids))
        parent = self._parent(self._doc.node(ids[0]))
        return self._run(self._remove_ops(ids), undo_commands.cut_text(len(ids)), parent.id, undo_focus_id=ids[0])

    def paste(self) -> bool:
        clip = clipboard.read_clip(QApplication.clipboard().mimeData())
        try:
            ops = clipboard.paste_ops(self._doc, self._view.current_node_id(), clip)
        except clipboard.PasteRefusedError as exc:
            return self._say(str(exc))
        # Undo selects where the paste went (the current item), redo the first pasted item again.
        ok = self._run(ops, undo_commands.paste_text(len(ops)), ops[0].node["id"], undo_focus_id=self._view.current_node_id())
        if ok and clip.removed_controls:
            self.status_message.emit(removed_note(clip.removed_controls))
        return ok
