"""The detail pane: every field of the selected node, each edit one undoable SetField.

Typing pushes one command per change, and consecutive changes of one field merge into a single
undo step until the user pauses (``editor.ui.session.undo_commands``). The pane listens to the document, so
undo, redo and edits made elsewhere (a rename in the tree) show up here at once. Control
characters are removed as they arrive, with a note in the status bar.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from editor.ui.detail.heading import HeadingBox
from editor.ui.detail.kpi_table import BudgetTable, KpiTable, kpi_columns_used, kpi_columns_with
from editor.ui.i18n import capitalised, field_name, fill, node_kind_label, node_kind_name, translate
from editor.ui.session import undo_commands
from editor.ui.text import removed_note, strip_controls
from schema.document_listeners import DocumentListener
from schema.numbering import number_of
from schema.tree import KINDS, SECTION_KINDS, title_of

if TYPE_CHECKING:
    from editor.ui.session.session import EditSession

# The fields shown for each kind, in order: schema.tree.KINDS (sections show their fixed title read-only).
FIELDS_BY_KIND = {kind: spec.fields for kind, spec in KINDS.items()}
_LINE_FIELDS = ("title", "chart_label")
_LIST_FIELDS = ("lead_agencies", "supporting_agencies")  # one agency per line
_TEXT_FIELDS = ("text", "body", "note") + _LIST_FIELDS


class _GlobalUndoKeys(QObject):
    """Let Ctrl+Z / Ctrl+Y reach the window's undo stack instead of a field's own little history."""

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ShortcutOverride and (
            event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo)
        ):
            event.ignore()
            return True
        return False


class _PaneListener(DocumentListener):
    def __init__(self, pane: DetailPane):
        self._pane = pane

    def field_changed(self, node, field) -> None:
        if field == "kpis":
            self._pane._kpi_columns = None
        elif field in ("title", "text"):
            self._pane._heading_stale = True
        self._pane._field_changed(node, field)

    # The heading (kind, number, title) changes only with a title, the tree or the numbering style.
    def after_insert(self, parent, index) -> None:
        if self._pane._kpi_columns is not None:  # the new subtree's strategies may fill an optional column
            node = getattr(parent, KINDS[parent.kind].children)[index]
            self._pane._kpi_columns = kpi_columns_with(self._pane._kpi_columns, node)
        self._pane._heading_stale = True

    def after_remove(self, parent, index) -> None:
        if self._pane._kpi_columns:  # a column in use may have gone with the subtree; none stays none
            self._pane._kpi_columns = None
        self._pane._heading_stale = True

    def after_move(self, node, old_parent, old_index, new_parent, new_index) -> None:
        self._pane._heading_stale = True

    def plan_changed(self) -> None:
        self._pane._heading_stale = True

    def changed(self) -> None:
        self._pane._document_changed()


class DetailPane(QScrollArea):
    status_message = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("detailPane")
        self.setWidgetResizable(True)
        self._session = None
        self._listener = _PaneListener(self)
        self._node_id: str | None = None
        self._loading = False
        self._goal_signature: tuple = ()
        self._heading_stale = True  # an edit since the heading was written may have changed it
        # The optional KPI columns the plan uses, kept between strategies: looked up plan-wide again only after a
        # KPI list changed or a delete took a subtree while a column was in use (an insert adds its own; _PaneListener).
        self._kpi_columns: tuple[str, ...] | None = None
        self._undo_keys = _GlobalUndoKeys(self)

        body = QWidget()
        outer = QVBoxLayout(body)
        self.heading = QLabel()
        self.heading.setObjectName("detailHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        self._heading_box = HeadingBox(self.heading, body)
        outer.addWidget(self._heading_box)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        outer.addLayout(self.form)
        outer.addStretch(1)
        self.setWidget(body)

        self.fields: dict[str, QWidget] = {}
        for field in ("title", "chart_label", "text", "body", "lead_agencies", "supporting_agencies"):
            self._add_text_field(field)
        self.goals_box = QWidget(body)
        self.goals_box.setObjectName("goalLinks")
        QVBoxLayout(self.goals_box).setContentsMargins(0, 0, 0, 0)
        self.goal_boxes: dict[str, QCheckBox] = {}
        self.form.addRow(_label("goal_ids"), self.goals_box)
        self.fields["goal_ids"] = self.goals_box
        self.kpi_table = KpiTable(body)
        self.kpi_table.edited.connect(lambda value: self._push("kpis", value))
        self.kpi_table.status_message.connect(self.status_message)
        self.form.addRow(_label("kpis"), self.kpi_table)
        self.fields["kpis"] = self.kpi_table
        self.budget_table = BudgetTable(body)
        self.budget_table.edited.connect(lambda value: self._push("budget", value))
        self.budget_table.status_message.connect(self.status_message)
        self.form.addRow(self.tr("預算（千元）"), self.budget_table)
        self.fields["budget"] = self.budget_table
        self._add_text_field("note")
        self.fields["chart_label"].setPlaceholderText(self.tr("空白時使用標題"))
        self.fields["lead_agencies"].setPlaceholderText(self.tr("每行一個機關"))
        self.fields["supporting_agencies"].setPlaceholderText(self.tr("每行一個機關"))
        self.fields["note"].setPlaceholderText(self.tr("本次修正的理由"))
        self._chain_tab_order()
        self.show_node(None)

    def _add_text_field(self, field: str) -> None:
        if field in _LINE_FIELDS:
            widget = QLineEdit()
            widget.textChanged.connect(lambda _text, f=field: self._text_edited(f))
        else:
            widget = QPlainTextEdit()
            widget.setUndoRedoEnabled(False)  # the window's undo stack is the only history
            widget.setTabChangesFocus(True)
            widget.setFixedHeight(widget.fontMetrics().lineSpacing() * (3 if field in _LIST_FIELDS else 5) + 12)
            widget.textChanged.connect(lambda f=field: self._text_edited(f))
        widget.setObjectName(f"field_{field}")
        widget.installEventFilter(self._undo_keys)
        self.fields[field] = widget
        self.form.addRow(_label(field), widget)

    # --- binding to a plan ---------------------------------------------------------------------
    def set_session(self, session: EditSession) -> None:
        if self._session is not None and self._listener in self._session.document.listeners:
            self._session.document.listeners.remove(self._listener)
        self._session = session
        self._kpi_columns = None
        if session is not None:
            session.document.listeners.append(self._listener)
        self.show_node(None)

    @property
    def node_id(self) -> str | None:
        return self._node_id

    def _node(self):
        doc = self._session.document if self._session else None
        return doc.node(self._node_id) if doc is not None and self._node_id in doc else None

    def show_node(self, node_id: str | None) -> None:
        another = (node_id or None) != self._node_id
        if another:
            self.verticalScrollBar().setValue(0)  # another item: its title is in view, not the last one's scroll place
        self._node_id = node_id or None
        node = self._node()
        shown = FIELDS_BY_KIND[node.kind] if node is not None else ()
        for field, widget in self.fields.items():
            self.form.setRowVisible(widget, field in shown)
        if node is None:
            self.heading.setText(self.tr("請在左側選擇一個項目"))
            self._heading_box.refit()
            return
        self._loading = True
        try:
            for field in shown:
                self._load(node, field)
        finally:
            self._loading = False
        self.fields["title"].setReadOnly(node.kind in SECTION_KINDS)
        self._update_heading(node)
        if another:
            self._heading_box.refit()  # the last node's longer title leaves no empty line

    def _update_heading(self, node) -> None:
        self._heading_stale = False
        number = number_of(self._session.document, node, self._session.plan.numbering_style)
        title = (title_of(node) or "").split("\n", 1)[0]
        kind = node_kind_label(self._session.document, node)
        self.heading.setText(fill(self.tr("%1　%2%3"), kind, number, title))  # 「推動策略　（二）亞洲新灣區再啟航」

    def _value(self, node, field: str):
        return node.model_dump(mode="json", include={field})[field]

    def _load(self, node, field: str) -> None:
        """Show the document's value of ``field`` (keeping the cursor where it was)."""
        loading, self._loading = self._loading, True
        try:
            self._load_value(node, field, self._value(node, field))
        finally:
            self._loading = loading

    def _load_value(self, node, field: str, value) -> None:
        if field == "goal_ids":
            self._rebuild_goals(value)
        elif field == "kpis":
            if self._kpi_columns is None:
                self._kpi_columns = kpi_columns_used(self._session.document.content)
            self.kpi_table.set_data(value, self._session.plan.period.years, self._kpi_columns)
        elif field == "budget":
            self.budget_table.set_data(value, self._session.plan.period.years)
        else:
            widget = self.fields[field]
            text = "\n".join(value) if field in _LIST_FIELDS else value
            if self._read(field) == (value if field not in _LIST_FIELDS else _lines(text)):
                return
            _set_text(widget, text)

    def _read(self, field: str):
        widget = self.fields[field]
        text = widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()
        return _lines(text) if field in _LIST_FIELDS else text

    # --- goal links ----------------------------------------------------------------------------
    def _goals(self) -> list:
        return list(self._session.document.content.goals.goals)

    def _rebuild_goals(self, linked: list[str]) -> None:
        """Checkboxes of the plan's goals; rebuilt only when the goals themselves changed."""
        goals = self._goals()
        if tuple((g.id, g.title) for g in goals) == self._goal_signature and goals:
            for goal_id, box in self.goal_boxes.items():
                box.setChecked(goal_id in linked)  # the pane is loading: no command comes of this
            return
        layout = self.goals_box.layout()
        self._goal_signature = tuple((g.id, g.title) for g in goals)
        for box in self.goal_boxes.values():
            layout.removeWidget(box)
            box.deleteLater()
        self.goal_boxes = {}
        for goal in goals:
            box = QCheckBox(goal.title or translate("tree", "（未命名）"), self.goals_box)
            box.setChecked(goal.id in linked)
            box.toggled.connect(self._goals_toggled)
            layout.addWidget(box)
            box.show()
            self.goal_boxes[goal.id] = box
        if not goals:
            box = QCheckBox(self.tr("（計畫還沒有施政目標）"), self.goals_box)
            box.setEnabled(False)
            layout.addWidget(box)
            box.show()
            self.goal_boxes[""] = box
        self._chain_tab_order()

    def select_match(self, node_id: str, query: str) -> None:
        """Show where the found text is: selected in its field (F3 of the find bar)."""
        from schema.find_replace import first_match

        if node_id != self._node_id or self._node() is None:
            self.show_node(node_id)
        found = first_match(self._node(), query)
        if found is None or found[0] not in self.fields:
            return
        field, start, end = found
        widget = self.fields[field]
        if isinstance(widget, QLineEdit):
            widget.setSelection(start, end - start)
        else:
            cursor = widget.textCursor()
            cursor.setPosition(start)
            cursor.setPosition(end, cursor.MoveMode.KeepAnchor)
            widget.setTextCursor(cursor)
        self.ensureWidgetVisible(widget)

    def focus_order(self) -> list[QWidget]:
        """The pane's widgets in the order Tab visits them, top to bottom (hidden rows are skipped by Qt)."""
        order: list[QWidget] = []
        for field, widget in self.fields.items():
            if field == "goal_ids":
                order.extend(box for box in self.goal_boxes.values())
            elif field == "kpis":
                order.extend([self.kpi_table.table, self.kpi_table.add_button, self.kpi_table.remove_button])
            else:
                order.append(widget)
        return order

    def first_field(self) -> QWidget | None:
        """Where F6 puts the cursor in the pane: its first shown field."""
        for widget in self.focus_order():
            if widget.isVisibleTo(self) and widget.isEnabled():
                return widget
        return None

    def _chain_tab_order(self) -> None:
        """Checkboxes made later join the focus chain at its end; put every widget back in form order."""
        order = self.focus_order()
        for before, after in zip(order, order[1:]):
            QWidget.setTabOrder(before, after)

    def _goals_toggled(self) -> None:
        if self._loading:
            return
        node = self._node()
        known = [g.id for g in self._goals()]
        checked = [gid for gid in known if self.goal_boxes.get(gid) and self.goal_boxes[gid].isChecked()]
        kept = [gid for gid in node.goal_ids if gid not in known]  # links to goals not in this plan stay
        self._push("goal_ids", checked + kept, typing=False)

    # --- edits → commands ----------------------------------------------------------------------
    def _text_edited(self, field: str) -> None:
        if self._loading or self._node() is None:
            return
        widget = self.fields[field]
        raw = widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()
        cleaned, removed = strip_controls(raw)
        if removed:
            self._loading = True
            try:
                _set_text(widget, cleaned)
            finally:
                self._loading = False
            self.status_message.emit(removed_note(removed))
        self._push(field, _lines(cleaned) if field in _LIST_FIELDS else cleaned, typing=True)

    def _push(self, field: str, value, *, typing: bool = False) -> None:
        node = self._node()
        if node is None or self._value(node, field) == value:
            return
        name = undo_commands.field_text(node_kind_name(self._session.document, node), field)
        error = undo_commands.execute_field(self._session, node.id, field, value, name, typing=typing)
        if error:
            self.status_message.emit(error)
            self._load(node, field)

    # --- document → widgets ----------------------------------------------------------------------
    def _field_changed(self, node, field: str) -> None:
        if node.id != self._node_id or field not in FIELDS_BY_KIND[node.kind]:
            return
        self._loading = True
        try:
            self._load(node, field)
        finally:
            self._loading = False

    def _document_changed(self) -> None:
        node = self._node()
        if node is None:
            if self._node_id is not None:
                self.show_node(None)
            return
        if self._heading_stale:
            self._update_heading(node)
        if node.kind == "strategy":
            self._refresh_kpi_columns(node)
        if node.kind == "strategy" and tuple((g.id, g.title) for g in self._goals()) != self._goal_signature:
            self._loading = True
            try:
                self._rebuild_goals(node.goal_ids)
            finally:
                self._loading = False

    def _refresh_kpi_columns(self, node) -> None:
        """The strategy shown keeps its KPI table unless the optional columns the plan uses changed under it:
        another strategy's KPIs edited, a subtree deleted or inserted. (A delete in the tree shows the next
        strategy before the deleted one is gone, so that table was drawn with the columns of before.)"""
        if self._kpi_columns is None:  # only after such a change: no plan-wide look after every edit
            self._kpi_columns = kpi_columns_used(self._session.document.content)
        if not self.kpi_table.shows_columns(self._kpi_columns):
            self._load(node, "kpis")


def _label(field: str) -> str:
    return capitalised(field_name(field))  # lower case in English, for command names; a label starts upper case


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _set_text(widget, text: str) -> None:
    """Replace a field's text, keeping the cursor at the same place as far as it goes."""
    if isinstance(widget, QLineEdit):
        position = widget.cursorPosition()
        widget.setText(text)
        widget.setCursorPosition(min(position, len(text)))
        return
    position = widget.textCursor().position()
    widget.setPlainText(text)
    cursor = widget.textCursor()
    cursor.setPosition(min(position, len(widget.toPlainText())))
    widget.setTextCursor(cursor)

