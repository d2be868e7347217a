"""A past revision, shown read-only (唯讀): its numbered outline and the selected item's texts.

Revisions are snapshots: they are compared and exported, never edited. So this viewer has no
editor at all (a tree whose items cannot be edited and a text browser), and a banner says
plainly that it is read-only and where changes are made instead (the working draft).
"""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QLabel, QSplitter, QTextBrowser, QTreeView, QVBoxLayout, QWidget

from editor.ui.comparison.change_render import FIELD_ORDER, escape
from editor.ui.i18n import capitalised, field_name, fill, kind_label, roc_date_text, translate
from editor.ui.widgets import named
from schema.compare import node_values
from schema.model import TEXT_NODES, Action, AnyNode, PlanDocument, Strategy
from schema.numbering import all_numbers
from schema.revisions import find_revision
from schema.tree import children, sections

NODE_ID_ROLE = Qt.ItemDataRole.UserRole
SHORT = 40  # characters of a paragraph or action shown in the outline


class ReadOnlyBrowser(QTextBrowser):
    """A text browser that also refuses input-method text: Qt lets a committed string into a
    read-only QTextEdit whose text is selectable, so an IME could otherwise type into it."""

    def inputMethodEvent(self, event) -> None:  # noqa: N802 - Qt name
        event.ignore()


class RevisionViewer(QWidget):
    """``RevisionViewer(plan, label)``: raises ``schema.revisions.RevisionError`` for an unknown label."""

    def __init__(self, plan: PlanDocument, label: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("revisionViewer")
        self.plan = plan
        self.revision = find_revision(plan, label)
        self.numbers = all_numbers(self.revision.content, plan.numbering_style)
        self.goal_titles = {g.id: g.title for g in self.revision.content.goals.goals}
        self._nodes: dict[str, AnyNode] = {}
        self._kinds: dict[str, str] = {}
        self.setWindowTitle(fill(translate("readonly", "%1（唯讀）"), label))
        self.banner = named(QLabel(wordWrap=True), "readOnlyBanner")
        self.banner.setText(self.banner_text(label))
        self.banner.setStyleSheet(
            "QLabel { background: #fff4ce; border: 1px solid #c8a600; padding: 6px; font-weight: bold; }"
        )
        self.model = QStandardItemModel(self)
        self.tree = named(QTreeView(), "revisionTree")
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.NoDragDrop)
        self.text = named(ReadOnlyBrowser(), "revisionText")
        self.text.setOpenLinks(False)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.tree)
        splitter.addWidget(self.text)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)

        root = self.model.invisibleRootItem()
        for section in sections(self.revision.content):
            root.appendRow(self._item(section))
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.tree.expandToDepth(0)
        first = self.revision.content.focus
        self.select_node(first.id)

    def banner_text(self, label: str) -> str:
        """「唯讀　109年修正版（民國109年6月30日，研考會）：過去的修正版不能修改，…」"""
        date, author = roc_date_text(self.revision.date) if self.revision.date else "", self.revision.author
        if date and author:
            when = fill(translate("readonly", "%1，%2"), date, author)
        else:
            when = date or author
        if when:
            return fill(translate("readonly", "唯讀　%1（%2）：過去的修正版不能修改，修改請在工作草稿中進行。"), label, when)
        return fill(translate("readonly", "唯讀　%1：過去的修正版不能修改，修改請在工作草稿中進行。"), label)

    # --- the outline ------------------------------------------------------------------------
    def label_of(self, node: AnyNode) -> str:
        """What the outline shows: the official number and the title (or the start of the text)."""
        if isinstance(node, TEXT_NODES):  # paragraphs and actions have no title
            words = node.text.split("\n", 1)[0]
            words = words if len(words) <= SHORT else words[:SHORT] + "…"
        else:
            words = node.title
        return self.numbers.get(node.id, "") + words

    def _item(self, node: AnyNode, parent: AnyNode | None = None) -> QStandardItem:
        item = QStandardItem(self.label_of(node))
        item.setEditable(False)
        item.setDragEnabled(False)
        item.setDropEnabled(False)
        item.setData(node.id, NODE_ID_ROLE)
        item.setToolTip(self.label_of(node))
        self._nodes[node.id] = node
        self._kinds[node.id] = kind_label(node.kind, sub_action=parent is not None and parent.kind == "action")
        for child in children(node):
            item.appendRow(self._item(child, node))
        return item

    def outline(self) -> list[str]:
        """Every row of the outline in document order (what a reader sees, expanded)."""
        rows: list[str] = []

        def visit(parent: QModelIndex) -> None:
            for row in range(self.model.rowCount(parent)):
                index = self.model.index(row, 0, parent)
                rows.append(index.data())
                visit(index)

        visit(QModelIndex())
        return rows

    def select_node(self, node_id: str) -> bool:
        matches = self.model.match(self.model.index(0, 0), NODE_ID_ROLE, node_id, 1,
                                   Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)
        if not matches:
            return False
        self.tree.setCurrentIndex(matches[0])
        self.tree.scrollTo(matches[0])
        return True

    # --- the selected item's texts ------------------------------------------------------------
    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        node_id = current.data(NODE_ID_ROLE)
        self.text.setHtml(self.node_html(node_id) if node_id else "")

    def node_html(self, node_id: str) -> str:
        node = self._nodes[node_id]
        parts = [f"<h3>{escape(self.numbers.get(node_id, ''))}{escape(getattr(node, 'title', '') or '')}</h3>",
                 f'<p style="color:#555555;">{escape(self._kinds[node_id])}</p>']
        if node.kind in ("paragraph", "action", "goal", "focus_area", "strategy"):
            values = node_values(node, self.goal_titles)
            for name in FIELD_ORDER:
                value = values.get(name, "")
                if not value or (name == "chart_label" and not getattr(node, "chart_label", "")):
                    continue
                parts.append(_field_html(field_name(name), value))
        kids = node.actions if isinstance(node, (Strategy, Action)) else []
        if kids:
            rows = "<br/>".join(escape(self.numbers.get(c.id, "") + c.text) for c in kids)
            heading = translate("readonly", "具體作法") if node.kind == "strategy" else translate("readonly", "子項作法")
            parts.append(f'<p style="margin-bottom:0px; color:#555555;"><b>{escape(heading)}</b></p><p>{rows}</p>')
        if node.note:
            parts.append(_field_html(field_name("note"), node.note))
        return "<html><body>" + "".join(parts) + "</body></html>"


def _field_html(name: str, value: str) -> str:
    return (f'<p style="margin-bottom:0px; color:#555555;"><b>{escape(capitalised(name))}</b></p>'
            f'<p style="margin-top:2px; white-space:pre-wrap;">{escape(value)}</p>')
