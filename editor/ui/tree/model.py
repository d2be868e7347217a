"""The plan tree as a Qt item model, without a copy of the plan (docs/architecture.md, "The one edit path").

:class:`PlanTreeModel` is a :class:`schema.document_listeners.DocumentListener`: the document tells it
before and after every insert, remove, move and field change, and it translates those calls
into Qt's begin/end signals and ``dataChanged`` (the structural ones in
``editor.ui.tree.document_signals``, which also keeps the numbers shown true). Indexes carry a small integer (``internalId``)
that maps to a node id; every question (rows, parent, text) is answered from the schema nodes.
Edits made through the model (rename in place, drag and drop: ``editor.ui.tree.drag_drop``) become
undo undo_commands.

Views call index(), parent(), flags() and hasChildren() through Qt for every row they lay out,
and a structural edit lays out every open row again: those answers are dictionary lookups
returning QModelIndex objects made once (a createIndex per call would double their cost), and
one ``multiData`` call answers all the roles a delegate asks for a painted row, from what that
row showed last (remembered per node until its number, title or mark changes: a structural edit
repaints every visible row). Findings of the checks (``editor.ui.checks.marks``) are drawn as the
decoration of their rows.

Numbers come from position (``schema.numbering``). The model remembers each number it has shown
and, after every insert, remove or move, forgets and re-announces (``dataChanged``) the numbers
of the rows that follow: so a neighbour's text changes only with a signal that says so, as Qt's
model contract (and the model tester) expects, and never silently inside a row change.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from editor.ui.i18n import fill, node_kind_label, node_kind_name, translate
from editor.ui.session import undo_commands
from editor.ui.text import first_line, removed_note, strip_controls
from editor.ui.tree.document_signals import DocumentSignals
from editor.ui.tree.drag_drop import TreeDragAndDrop
from schema.model import AnyNode
from schema.numbering import number_at
from schema.tree import KINDS, SECTION_KINDS, children, title_of

if TYPE_CHECKING:
    from editor.ui.session.session import EditSession

NODE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 3  # every text a user may look for (find bar)
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
_STYLE: dict[str, object] = {}


def _bold_font() -> QFont:
    font = _STYLE.get("bold")
    if font is None:  # made once, after the application exists
        font = _STYLE["bold"] = QFont()
        font.setBold(True)
    return font


def _gray_brush() -> QBrush:
    brush = _STYLE.get("gray")
    if brush is None:
        brush = _STYLE["gray"] = QBrush(QColor("gray"))
    return brush


def title_field(node: AnyNode) -> str:
    """The field that names a node in the tree: ``title``, or ``text`` for paragraphs and actions."""
    return KINDS[node.kind].title_field


_NO_KIDS: tuple = ()
_INVALID = QModelIndex()
# Roles as plain ints: data() runs for every painted row and role, and comparing with the enum
# members costs an enum lookup each time.
_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_DECORATION = Qt.ItemDataRole.DecorationRole.value
_EDIT = Qt.ItemDataRole.EditRole.value
_TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
_FONT = Qt.ItemDataRole.FontRole.value
_FOREGROUND = Qt.ItemDataRole.ForegroundRole.value
_NODE_ID = NODE_ID_ROLE.value if hasattr(NODE_ID_ROLE, "value") else int(NODE_ID_ROLE)
_KIND = KIND_ROLE.value if hasattr(KIND_ROLE, "value") else int(KIND_ROLE)
_SEARCH = SEARCH_ROLE.value if hasattr(SEARCH_ROLE, "value") else int(SEARCH_ROLE)
_OTHER_ROLES = frozenset((_EDIT, _NODE_ID, _KIND, _SEARCH, _TOOLTIP))  # asked of a painted row only by others than the delegate
_ASK = object()  # a role the painted values do not hold: asked of data(), or nothing


class PlanTreeModel(TreeDragAndDrop, QAbstractItemModel, DocumentSignals):
    status_message = Signal(str)

    def __init__(self, session: EditSession, parent: QObject | None = None):
        QAbstractItemModel.__init__(self, parent)
        self._session = session
        self._doc = session.document
        self._by_id = self._doc.nodes_by_id
        self._parent_of = self._doc.parents_by_id
        self._check_marks = None  # an editor.ui.checks.marks.CheckMarks: findings drawn on their rows
        self._serials: dict[str, int] = {}
        self._ids: list[str | None] = [None]  # serial → node id; 0 is the root (invalid index)
        self._flags: list = [Qt.ItemFlag.NoItemFlags]  # serial → flags (a node's kind never changes)
        self._numbers: dict[str, str] = {}  # node id → number last shown (see the module docstring)
        # node id → what a painted row shows (text, font, colour, mark), by role; forgotten with its number,
        # its title or its mark, so that painting a row is a lookup (see multiData).
        self._painted: dict[str, dict[int, object]] = {}
        self._moving_with_reset = False
        self._sections = self._doc.sections()  # the four fixed section objects never change
        # Views ask index(), rowCount(), hasChildren(), flags() and parent() for every row they lay
        # out, and Qt asks parent() for every persistent index (open rows, selection) on every
        # insert or remove: each answer must be a dictionary lookup, never a scan.
        # serial → the live children list of that node (mutated in place by the document; a
        # node that comes back by undo is a new object, so its subtree is forgotten on insert).
        self._lists: dict[int, list] = {0: self._sections}
        # node id → its row among its siblings, kept right by the insert/remove/move callbacks.
        self._rows: dict[str, int] = {section.id: row for row, section in enumerate(self._sections)}
        # parent serial → the indexes of its children, row by row (forgotten when they change).
        self._child_indexes: dict[int, list[QModelIndex]] = {}
        # serial → the index of its parent; forgotten when that parent's row changes (see _renumber).
        self._parent_indexes: dict[int, QModelIndex] = {}
        self._doc.listeners.append(self)

    @property
    def check_marks(self):
        return self._check_marks

    @check_marks.setter
    def check_marks(self, marks) -> None:
        self._check_marks = marks
        self._painted.clear()

    def detach(self) -> None:
        """Stop listening (the window is switching to another plan)."""
        if self in self._doc.listeners:
            self._doc.listeners.remove(self)

    # --- ids ↔ indexes ---------------------------------------------------------------------
    def _serial(self, node: AnyNode) -> int:
        serial = self._serials.get(node.id)
        if serial is None:
            serial = len(self._ids)
            self._serials[node.id] = serial
            self._ids.append(node.id)
            self._flags.append(_FLAGS[node.kind])
        return serial

    def _row(self, node: AnyNode) -> int:
        row = self._rows.get(node.id)
        if row is None:  # first question about this sibling list: number all of it at once
            parent = self._parent_of.get(node.id)
            for i, sibling in enumerate(children(parent) if parent is not None else self._sections):
                self._rows[sibling.id] = i
            row = self._rows[node.id]
        return row

    def _kids_of(self, serial: int):
        kids = self._lists.get(serial)
        if kids is None:
            node = self._by_id.get(self._ids[serial])
            if node is None:  # a stale index: its node was removed
                return _NO_KIDS
            kids = self._lists[serial] = children(node)
        return kids

    def node(self, index: QModelIndex) -> AnyNode | None:
        if not index.isValid():
            return None
        return self._by_id.get(self._ids[index.internalId()])  # None for a stale index (node removed)

    def index_of_node(self, node: AnyNode | None) -> QModelIndex:
        if node is None:
            return QModelIndex()
        return self.createIndex(self._row(node), 0, self._serial(node))

    def index_for_id(self, node_id: str) -> QModelIndex:
        return self.index_of_node(self._by_id.get(node_id))

    # --- QAbstractItemModel --------------------------------------------------------------------
    def index(self, row: int, column: int = 0, parent: QModelIndex = _INVALID) -> QModelIndex:
        # The hottest call (once per laid-out row). An invalid parent's internalId() is 0, the
        # root's serial; a parent of column > 0 does not exist in this one-column model.
        key = parent.internalId()
        indexes = self._child_indexes.get(key)
        if indexes is None:
            indexes = self._fill_child_indexes(key)
        if column or row < 0 or row >= len(indexes):
            return QModelIndex()
        return indexes[row]

    def _fill_child_indexes(self, key: int) -> list[QModelIndex]:
        create, serial = self.createIndex, self._serial
        indexes = [create(row, 0, serial(kid)) for row, kid in enumerate(self._kids_of(key))]
        if key == 0 or self._by_id.get(self._ids[key]) is not None:  # never remember a stale parent's
            self._child_indexes[key] = indexes
        return indexes

    def parent(self, index: QModelIndex = None):  # noqa: D401 - also QObject.parent()
        if index is None:
            return QObject.parent(self)
        # Asked several times for every painted row (branches, selection) and for every
        # persistent index on each insert or remove.
        found = self._parent_indexes.get(index.internalId())
        return found if found is not None else self._find_parent(index.internalId())

    def _find_parent(self, serial: int) -> QModelIndex:
        node_id = self._ids[serial]
        parent = self._parent_of.get(node_id)
        if parent is None:  # a section, the root, or a stale index
            if serial and node_id in self._by_id:  # a section (not stale): every painted row asks for it
                self._parent_indexes[serial] = _INVALID
            return QModelIndex()
        found = self._parent_indexes[serial] = self.createIndex(self._row(parent), 0, self._serial(parent))
        return found

    def rowCount(self, parent: QModelIndex = _INVALID) -> int:  # noqa: N802
        # No index of a column > 0 exists (index() never makes one), so the parent's column is not asked.
        return len(self._kids_of(parent.internalId()))

    def columnCount(self, parent: QModelIndex = _INVALID) -> int:  # noqa: N802
        return 1

    def hasChildren(self, parent: QModelIndex = _INVALID) -> bool:  # noqa: N802
        key = parent.internalId()
        kids = self._lists.get(key)
        return bool(kids if kids is not None else self._kids_of(key))

    def data(self, index: QModelIndex, role: int = _DISPLAY):
        node = self._by_id.get(self._ids[index.internalId()])  # the root's serial 0 maps to no node
        if node is None:
            return None
        if role == _DISPLAY:
            return self.display_text(node)
        if role == _EDIT:
            return title_of(node) or ""
        if role == _NODE_ID:
            return node.id
        if role == _KIND:
            return node.kind
        if role == _SEARCH:
            return "\n".join(str(getattr(node, f)) for f in _SEARCH_FIELDS[node.kind] if getattr(node, f))
        if role == _TOOLTIP:
            return self.tooltip(node)
        if role == _FONT and node.kind in SECTION_KINDS:
            return _bold_font()
        if role == _FOREGROUND and not (title_of(node) or "").strip():
            return _gray_brush()
        if role == _DECORATION and self._check_marks is not None:
            return self._check_marks.icon_of(node.id)
        return None

    def multiData(self, index: QModelIndex, span) -> None:  # noqa: N802 - Qt name
        """All the roles a delegate asks for one painted row, in one call (Qt would call data() for each)."""
        # The span is the delegate's own, reused for every row: each role must be set or cleared.
        node_id = self._ids[index.internalId()]
        painted = self._painted.get(node_id)  # type: ignore[arg-type]
        if painted is None:
            painted = self._paint_values(node_id)
        for role_data in span:
            role = role_data.role()
            value = painted.get(role, _ASK)
            if value is _ASK:
                value = self.data(index, role) if role in _OTHER_ROLES and painted else None
            if value is None:
                role_data.clearData()
            else:
                role_data.setData(value)

    def _paint_values(self, node_id: str | None) -> dict[int, object]:
        node = self._by_id.get(node_id)  # type: ignore[arg-type]
        if node is None:  # the root or a stale index: nothing, and not remembered
            return {}
        painted: dict[int, object] = {_DISPLAY: self.display_text(node)}
        if node.kind in SECTION_KINDS:
            painted[_FONT] = _bold_font()
        if not (title_of(node) or "").strip():
            painted[_FOREGROUND] = _gray_brush()
        icon = self._check_marks.icon_of(node.id) if self._check_marks is not None else None
        if icon is not None:
            painted[_DECORATION] = icon
        self._painted[node.id] = painted
        return painted

    def tooltip(self, node: AnyNode) -> str:
        """「推動策略：推動橋頭科學園區」; a row with findings of the checks lists them instead."""
        messages = self._check_marks.messages_of(node.id) if self._check_marks is not None else None
        if messages:
            return "\n".join([self.display_text(node), *("• " + m for m in messages)])
        return fill(translate("tree", "%1：%2"), node_kind_label(self._doc, node), title_of(node) or "")

    def marks_changed(self, node_ids) -> None:
        """The findings of these nodes changed: their rows are drawn again."""
        for node_id in node_ids:
            self._painted.pop(node_id, None)
            index = self.index_for_id(node_id)
            if index.isValid():
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ToolTipRole])

    def display_text(self, node: AnyNode) -> str:
        """「（一）推動橋頭科學園區」: the official number and the first line of the title."""
        title = first_line(title_of(node) or "").strip() or translate("tree", "（未命名）")
        number = self._numbers.get(node.id)
        if number is None:
            parent = self._parent_of.get(node.id)
            number = self._numbers[node.id] = number_at(node.kind, self._row(node), parent.kind if parent is not None else "",
                                                        self._session.plan.numbering_style)
        # Full-width numbers (一、 （一） （1）) join the title directly; 1. takes a space, as printed.
        return f"{number} {title}" if number.endswith(".") else f"{number}{title}"

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        # Views ask twice per laid-out row; the root (serial 0) has no flags. A stale index keeps
        # the flags of its kind, which is harmless: Qt never acts on stale indexes.
        return self._flags[index.internalId()]

    def setData(self, index: QModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
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

    # --- DocumentListener: see DocumentSignals for the structural changes -----------------------
    def field_changed(self, node: AnyNode, field: str) -> None:
        if field in _SEARCH_FIELDS[node.kind]:
            self._painted.pop(node.id, None)
            index = self.index_of_node(node)
            self.dataChanged.emit(index, index)
