"""The plan tree as a Qt item model that Qt answers in C++ (docs/architecture.md, "The one edit path").

:class:`PlanTreeModel` is a QStandardItemModel holding one item per node — its shown text (number and
first line of the title), its node id, and its font and colour (the checks' marks are painted by the
view, ``editor.ui.tree.mark_painter``) — and a
:class:`schema.document_listeners.DocumentListener`: the document tells it before and after every
insert, remove, move and field change, and it translates those calls into item changes (the
structural ones in ``editor.ui.tree.document_signals``, which also keeps the numbers shown true). It
holds no copy of the plan's content: every other question (the node behind a row, its title to edit,
its tooltip, what Find looks in) is answered from the schema nodes, by plain methods that the inline
editor's delegate, the tooltip and the find bar call (``edit_text``, ``tooltip_at``, ``search_text``).
Edits made through the model (rename in place, drag and drop: ``editor.ui.tree.drag_drop``) become undo
commands.

Why C++ items: after a row change QTreeView lays out every open row again and repaints the viewport,
asking the model several questions per row; a Python model answered each in Python (about 4 calls
per laid-out row, 1,000 rows with every strategy open) and cost 3–4× Qt's own model per structural
edit (tests/bench/floors.md). Nor does the model override ``data()``: QStandardItemModel's multiData
calls data() once per role, so an override made every painted row (about 35 after each edit) a Python
call or more; without one, painting a row is C++ from the item to the pixels (measured: 1–1.4 ms less
per structural edit with every strategy open).

Numbers come from position (``schema.numbering``): each item's text is rewritten when its place changes.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractProxyModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QStandardItem, QStandardItemModel

from editor.ui.i18n import fill, node_kind_label, node_kind_name, translate
from editor.ui.session import undo_commands
from editor.ui.text import first_line, removed_note, strip_controls
from editor.ui.tree.document_signals import DocumentSignals
from editor.ui.tree.drag_drop import TreeDragAndDrop
from editor.ui.widgets import ModelIndex
from schema.model import AnyNode
from schema.numbering import all_numbers, number_at
from schema.tree import KINDS, SECTION_KINDS, children, title_of

if TYPE_CHECKING:
    from editor.ui.session.session import EditSession

NODE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 3  # named in dataChanged when what Find looks in changed
_SEARCH_FIELDS = {kind: spec.string_fields for kind, spec in KINDS.items()}  # what Find looks in, per kind


def _flags_of(kind: str) -> Qt.ItemFlag:
    flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
    if kind not in SECTION_KINDS:
        flags |= Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsDragEnabled
    if KINDS[kind].children:
        flags |= Qt.ItemFlag.ItemIsDropEnabled
    else:
        flags |= Qt.ItemFlag.ItemNeverHasChildren  # the view need not ask paragraphs and goals for children
    return flags


_FLAGS = {kind: _flags_of(kind) for kind in KINDS}
# A new QStandardItem's flags; only the kinds that differ (sections, leaves) are set item by item.
_ITEM_DEFAULT = (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable
                 | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled)
_OWN_FLAGS = {kind: flags for kind, flags in _FLAGS.items() if flags != _ITEM_DEFAULT}
_STYLE: dict[str, object] = {}


def _bold_font() -> QFont:
    font = _STYLE.get("bold")
    if font is None:  # made once, after the application exists
        font = _STYLE["bold"] = QFont()
        font.setBold(True)
    return font  # type: ignore[return-value]


def _gray_brush() -> QBrush:
    brush = _STYLE.get("gray")
    if brush is None:
        brush = _STYLE["gray"] = QBrush(QColor("gray"))
    return brush  # type: ignore[return-value]


def title_field(node: AnyNode) -> str:
    """The field that names a node in the tree: ``title``, or ``text`` for paragraphs and actions."""
    return KINDS[node.kind].title_field


_INVALID = QModelIndex()
_DECORATION = Qt.ItemDataRole.DecorationRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_NODE_ID = NODE_ID_ROLE.value if hasattr(NODE_ID_ROLE, "value") else int(NODE_ID_ROLE)


class PlanTreeModel(TreeDragAndDrop, QStandardItemModel, DocumentSignals):
    status_message = Signal(str)
    # QStandardItemModel has no row moves: a move takes the row out and puts it back, which closes its
    # branches and drops the selection in it. The view keeps them across these two signals.
    row_moving = Signal(str)  # the node id whose row is about to be taken out and put back
    row_moved = Signal(str)

    def __init__(self, session: EditSession, parent: QObject | None = None):
        QStandardItemModel.__init__(self, parent)
        self._session = session
        self._doc = session.document
        self._by_id = self._doc.nodes_by_id
        self._parent_of = self._doc.parents_by_id
        self._check_marks = None  # an editor.ui.checks.marks.CheckMarks: findings drawn on their rows
        self.mark_icons: dict[str, QIcon] = {}  # node id → the icon of its worst finding, for the view to paint
        self._items: dict[str, QStandardItem] = {}
        self._sections = self._doc.sections()  # the four fixed section objects never change
        numbers = all_numbers(self._doc.content, self._session.plan.numbering_style)
        self.invisibleRootItem().appendRows([self._item(section, numbers) for section in self._sections])
        self._doc.listeners.append(self)

    def detach(self) -> None:
        """Stop listening (the window is switching to another plan)."""
        if self in self._doc.listeners:
            self._doc.listeners.remove(self)

    # --- items ---------------------------------------------------------------------------------
    def _item(self, node: AnyNode, numbers: dict[str, str]) -> QStandardItem:
        """The item of ``node`` and of its subtree (``numbers``: node id → number, from all_numbers)."""
        items = self._items
        item = QStandardItem(self._label(node, numbers.get(node.id, "")))
        item.setData(node.id, NODE_ID_ROLE)
        self._style(item, node)
        items[node.id] = item
        kids = children(node)
        if kids:
            item.appendRows([self._item(kid, numbers) for kid in kids])
        return item

    def _style(self, item: QStandardItem, node: AnyNode) -> None:
        flags = _OWN_FLAGS.get(node.kind)
        if flags is not None:
            item.setFlags(flags)
        if node.kind in SECTION_KINDS:
            item.setFont(_bold_font())
        if not (title_of(node) or "").strip():
            item.setForeground(_gray_brush())

    @staticmethod
    def _label(node: AnyNode, number: str) -> str:
        title = first_line(title_of(node) or "").strip() or translate("tree", "（未命名）")
        # Full-width numbers (一、 （一） （1）) join the title directly; 1. takes a space, as printed.
        return f"{number} {title}" if number.endswith(".") else f"{number}{title}"

    def _number(self, node: AnyNode, row: int) -> str:
        parent = self._parent_of.get(node.id)
        return number_at(node.kind, row, parent.kind if parent is not None else "", self._session.plan.numbering_style)

    def display_text(self, node: AnyNode) -> str:
        """「（一）推動橋頭科學園區」: the official number and the first line of the title."""
        return self._label(node, self._number(node, self._doc.index_of(node)))

    # --- ids ↔ indexes ---------------------------------------------------------------------
    def node(self, index: ModelIndex) -> AnyNode | None:
        if not index.isValid() or index.model() is not self:
            return None
        return self._by_id.get(QStandardItemModel.data(self, index, _NODE_ID))  # None for a removed node

    def index_of_node(self, node: AnyNode | None) -> QModelIndex:
        item = self._items.get(node.id) if node is not None else None
        return item.index() if item is not None else QModelIndex()

    def index_for_id(self, node_id: str) -> QModelIndex:
        item = self._items.get(node_id)
        return item.index() if item is not None else QModelIndex()

    def focus_hint(self) -> str | None:
        """The node an undo or redo being applied will select (``EditSession.focus_hint``), if it stays."""
        hint = self._session.focus_hint
        return hint if hint is not None and hint in self._items and hint in self._by_id else None

    # --- what the delegate, the tooltip and the find bar ask, from the node --------------------
    def node_at(self, index: QModelIndex) -> AnyNode | None:
        """The node of a row of this model or of a proxy over it (the find bar's filter)."""
        model = index.model()
        while isinstance(model, QAbstractProxyModel):
            index = model.mapToSource(index)
            model = model.sourceModel()
        return self.node(index) if model is self else None

    def edit_text(self, index: QModelIndex) -> str:
        """The title the inline editor (F2) starts from: the whole title, without the number."""
        node = self.node_at(index)
        return (title_of(node) or "") if node is not None else ""

    def tooltip_at(self, index: QModelIndex) -> str:
        node = self.node_at(index)
        return self.tooltip(node) if node is not None else ""

    def search_text(self, index: QModelIndex) -> str:
        """Every text of the row's node a user may look for (the find bar), one per line."""
        node = self.node_at(index)
        if node is None:
            return ""
        return "\n".join(str(getattr(node, f)) for f in _SEARCH_FIELDS[node.kind] if getattr(node, f))

    def tooltip(self, node: AnyNode) -> str:
        """「推動策略：推動橋頭科學園區」; a row with findings of the checks lists them instead."""
        messages = self._check_marks.messages_of(node.id) if self._check_marks is not None else None
        if messages:
            return "\n".join([self.display_text(node), *("• " + m for m in messages)])
        return fill(translate("tree", "%1：%2"), node_kind_label(self._doc, node), title_of(node) or "")

    def setData(self, index: ModelIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        """A rename in place (F2): an undo command; the item's text follows from the document."""
        node = self.node(index)
        if node is None or role != Qt.ItemDataRole.EditRole or node.kind in SECTION_KINDS:
            return False
        text, removed = strip_controls(str(value))
        if removed:
            self.status_message.emit(removed_note(removed))
        field = title_field(node)
        if getattr(node, field) == text:
            return True
        error = undo_commands.execute_field(
            self._session, node.id, field, text, undo_commands.rename_text(node_kind_name(self._doc, node))
        )
        if error:
            self.status_message.emit(error)
        return error is None

    def removeRows(self, row: int, count: int, parent: ModelIndex = _INVALID) -> bool:  # noqa: N802
        """Never from outside: after a drag Qt would remove the dragged rows, which the drop has moved already
        (the document is changed by operations only, and the items follow it)."""
        return False

    # --- check marks -----------------------------------------------------------------------------
    @property
    def check_marks(self):
        return self._check_marks

    @check_marks.setter
    def check_marks(self, marks) -> None:
        self._check_marks = marks
        if marks is not None:
            self.marks_changed(list(marks.marks))

    def marks_changed(self, node_ids) -> None:
        """The findings of these nodes changed: their rows show the worst one's icon (or none), painted by the
        view (``editor.ui.tree.mark_painter``: an item's own decoration would be drawn at its left)."""
        for node_id in node_ids:
            icon = self._check_marks.icon_of(node_id) if self._check_marks is not None else None
            if icon is None:
                self.mark_icons.pop(node_id, None)
            else:
                self.mark_icons[node_id] = icon
            item = self._items.get(node_id)
            if item is not None:  # the row is painted again, with its mark
                self.dataChanged.emit(item.index(), item.index(), [_DECORATION])

    # --- DocumentListener: see DocumentSignals for the structural changes -----------------------
    def field_changed(self, node: AnyNode, field: str) -> None:
        item = self._items.get(node.id)
        if item is None or field not in _SEARCH_FIELDS[node.kind]:
            return
        if field == title_field(node):
            item.setText(self.display_text(node))
            gray = not (title_of(node) or "").strip()
            if gray != (item.data(_FOREGROUND) is not None):  # a row without a title is gray
                item.setData(_gray_brush() if gray else None, _FOREGROUND)
        else:  # not shown, but Find looks in it: the filter must see the row again
            index = item.index()
            self.dataChanged.emit(index, index, [SEARCH_ROLE])
