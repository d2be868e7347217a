"""The detail pane: every field of the selected node, each edit one undoable SetField.

Typing pushes one command per change, and consecutive changes of one field merge into a single
undo step until the user pauses (``editor.ui.session.undo_commands``). The pane listens to the document, so
undo, redo and edits made elsewhere (a rename in the tree) show up here at once. Control
characters are removed as they arrive, with a note in the status bar.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from editor.ui.detail.goal_links import GoalLinks
from editor.ui.detail.heading import HeadingBox
from editor.ui.detail.kpi_table import BudgetTable, KpiTable, kpi_columns_used, kpi_columns_with
from editor.ui.detail.text_fields import (
    LIST_FIELDS,
    GlobalUndoKeys,
    TextField,
    lines,
    make_text_field,
    select_span,
    set_text,
    text_of,
)
from editor.ui.i18n import capitalised, field_name, fill, node_kind_label, node_kind_name
from editor.ui.session import undo_commands
from editor.ui.text import removed_note, strip_controls
from schema.document_listeners import DocumentListener
from schema.model import AnyNode, Strategy
from schema.numbering import number_of
from schema.tree import KINDS, SECTION_KINDS, children, title_of

if TYPE_CHECKING:
    from editor.ui.session.session import EditSession

# The fields shown for each kind, in order: schema.tree.KINDS (sections show their fixed title read-only).
FIELDS_BY_KIND = {kind: spec.fields for kind, spec in KINDS.items()}


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
            node = children(parent)[index]
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
        self._session: EditSession | None = None
        self._listener = _PaneListener(self)
        self._node_id: str | None = None
        self._loading = False
        self._heading_stale = True  # an edit since the heading was written may have changed it
        # The optional KPI columns the plan uses, kept between strategies: looked up plan-wide again only after a
        # KPI list changed or a delete took a subtree while a column was in use (an insert adds its own; _PaneListener).
        self._kpi_columns: tuple[str, ...] | None = None
        self._undo_keys = GlobalUndoKeys(self)

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

        self.fields: dict[str, QWidget] = {}  # every field's row: a text field, the goal links, the tables
        self.text_fields: dict[str, TextField] = {}
        for field in ("title", "chart_label", "text", "body", "lead_agencies", "supporting_agencies"):
            self._add_text_field(field)
        self.goal_links = GoalLinks(body)
        self.goal_links.links_toggled.connect(self._goals_toggled)
        self.form.addRow(_label("goal_ids"), self.goal_links)
        self.fields["goal_ids"] = self.goal_links
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
        self.text_fields["chart_label"].setPlaceholderText(self.tr("空白時使用標題"))
        self.text_fields["lead_agencies"].setPlaceholderText(self.tr("每行一個機關"))
        self.text_fields["supporting_agencies"].setPlaceholderText(self.tr("每行一個機關"))
        self.text_fields["note"].setPlaceholderText(self.tr("本次修正的理由"))
        self._chain_tab_order()
        self.show_node(None)

    def _add_text_field(self, field: str) -> None:
        widget = make_text_field(field, self._text_edited, self._undo_keys)
        self.text_fields[field] = widget
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

    def _shown_session(self) -> EditSession:
        """The session of the node shown: the pane shows and edits a node only while it has one."""
        assert self._session is not None, "no node is shown without a session"
        return self._session

    def _node(self) -> AnyNode | None:
        if self._session is None or self._node_id is None:
            return None
        return self._session.document.get(self._node_id)

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
        self.text_fields["title"].setReadOnly(node.kind in SECTION_KINDS)
        self._update_heading(node)
        if another:
            self._heading_box.refit()  # the last node's longer title leaves no empty line

    def _update_heading(self, node) -> None:
        self._heading_stale = False
        number = number_of(self._shown_session().document, node, self._shown_session().plan.numbering_style)
        title = (title_of(node) or "").split("\n", 1)[0]
        kind = node_kind_label(self._shown_session().document, node)
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
                self._kpi_columns = kpi_columns_used(self._shown_session().document.content)
            self.kpi_table.set_data(value, self._shown_session().plan.period.years, self._kpi_columns)
        elif field == "budget":
            self.budget_table.set_data(value, self._shown_session().plan.period.years)
        else:
            text = "\n".join(value) if field in LIST_FIELDS else value
            if self._read(field) == (value if field not in LIST_FIELDS else lines(text)):
                return
            set_text(self.text_fields[field], text)

    def _read(self, field: str):
        text = text_of(self.text_fields[field])
        return lines(text) if field in LIST_FIELDS else text

    # --- goal links ----------------------------------------------------------------------------
    def _goals(self) -> list:
        return list(self._shown_session().document.content.goals.goals)

    @property
    def goal_boxes(self) -> dict[str, QCheckBox]:
        """The goal links' checkboxes, by goal id."""
        return self.goal_links.boxes

    def _rebuild_goals(self, linked: list[str]) -> None:
        """Check the linked goals' boxes (made anew only when the goals themselves changed)."""
        if self.goal_links.show_links(self._goals(), linked):
            self._chain_tab_order()

    def select_match(self, node_id: str, query: str) -> None:
        """Show where the found text is: selected in its field (F3 of the find bar)."""
        from schema.find_replace import first_match

        if node_id != self._node_id or self._node() is None:
            self.show_node(node_id)
        node = self._node()
        found = first_match(node, query) if node is not None else None
        if found is None or found[0] not in self.text_fields:
            return
        field, start, end = found
        widget = self.text_fields[field]
        select_span(widget, start, end)
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
        if not isinstance(node, Strategy):  # only a strategy shows the goal links
            return
        known = [g.id for g in self._goals()]
        checked = self.goal_links.checked(known)
        kept = [gid for gid in node.goal_ids if gid not in known]  # links to goals not in this plan stay
        self._push("goal_ids", checked + kept, typing=False)

    # --- edits → commands ----------------------------------------------------------------------
    def _text_edited(self, field: str) -> None:
        if self._loading or self._node() is None:
            return
        widget = self.text_fields[field]
        cleaned, removed = strip_controls(text_of(widget))
        if removed:
            self._loading = True
            try:
                set_text(widget, cleaned)
            finally:
                self._loading = False
            self.status_message.emit(removed_note(removed))
        self._push(field, lines(cleaned) if field in LIST_FIELDS else cleaned, typing=True)

    def _push(self, field: str, value, *, typing: bool = False) -> None:
        node = self._node()
        if node is None or self._value(node, field) == value:
            return
        name = undo_commands.field_text(node_kind_name(self._shown_session().document, node), field)
        error = undo_commands.execute_field(self._shown_session(), node.id, field, value, name, typing=typing)
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
        if node.kind == "strategy" and not self.goal_links.shows(self._goals()):
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
            self._kpi_columns = kpi_columns_used(self._shown_session().document.content)
        if not self.kpi_table.shows_columns(self._kpi_columns):
            self._load(node, "kpis")


def _label(field: str) -> str:
    return capitalised(field_name(field))  # lower case in English, for command names; a label starts upper case
