"""A past revision, shown read-only (唯讀): its numbered outline and the selected item's texts.

Revisions are snapshots: they are compared and exported, never edited. So this viewer has no
editor at all (a tree whose items cannot be edited and a text browser), and a banner says
plainly that it is read-only and where changes are made instead (the working draft).
"""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QLabel, QSplitter, QTextBrowser, QTreeView, QVBoxLayout, QWidget

from editor.ui.change_render import FIELD_ORDER, escape
from editor.ui.i18n import field_name, kind_name, translate
from schema.compare import node_values
from schema.model import AnyNode, PlanDocument
from schema.numbers import all_numbers
from schema.revisions import find_revision
from schema.tree import children, sections

NODE_ID_ROLE = Qt.ItemDataRole.UserRole
SHORT = 40  # characters of a paragraph or action shown in the outline


def tr(text: str) -> str:
    return translate("readonly", text)


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
        self.numbers = all_numbers(self.revision.content)
        self.goal_titles = {g.id: g.title for g in self.revision.content.goals.goals}
        self._nodes: dict[str, AnyNode] = {}
        self._kinds: dict[str, str] = {}
        self.setWindowTitle(tr("%1（唯讀）").replace("%1", label))

        when = "，".join(x for x in (self.revision.date, self.revision.author) if x)
        self.banner = QLabel(objectName="readOnlyBanner", wordWrap=True)
        self.banner.setText(
            tr("唯讀　%1%2：過去的修正版不能修改，修改請在工作草稿中進行。")
            .replace("%1", label).replace("%2", f"（{when}）" if when else "")
        )
        self.banner.setStyleSheet(
            "QLabel { background: #fff4ce; border: 1px solid #c8a600; padding: 6px; font-weight: bold; }"
        )
        self.model = QStandardItemModel(self)
        self.tree = QTreeView(objectName="revisionTree")
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.NoDragDrop)
        self.text = ReadOnlyBrowser(objectName="revisionText")
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

    # --- the outline ------------------------------------------------------------------------
    def label_of(self, node: AnyNode) -> str:
        """What the outline shows: the official number and the title (or the start of the text)."""
        words = getattr(node, "title", None)
        if node.kind in ("paragraph", "action") or words is None:
            words = node.text.split("\n", 1)[0]
            words = words if len(words) <= SHORT else words[:SHORT] + "…"
        return self.numbers.get(node.id, "") + words

    def _item(self, node: AnyNode, parent: AnyNode | None = None) -> QStandardItem:
        item = QStandardItem(self.label_of(node))
        item.setEditable(False)
        item.setDragEnabled(False)
        item.setDropEnabled(False)
        item.setData(node.id, NODE_ID_ROLE)
        item.setToolTip(self.label_of(node))
        self._nodes[node.id] = node
        self._kinds[node.id] = kind_name(node.kind, sub_action=parent is not None and parent.kind == "action")
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
                parts.append(f'<p style="margin-bottom:0px; color:#555555;"><b>{escape(field_name(name))}</b></p>'
                             f'<p style="margin-top:2px; white-space:pre-wrap;">{escape(value)}</p>')
        kids = children(node)
        if kids and node.kind in ("strategy", "action"):
            rows = "<br/>".join(escape(self.numbers.get(c.id, "") + c.text) for c in kids)
            parts.append(f'<p style="margin-bottom:0px; color:#555555;"><b>{escape(tr("具體作法"))}</b></p><p>{rows}</p>')
        if node.note:
            parts.append(f'<p style="margin-bottom:0px; color:#555555;"><b>{escape(field_name("note"))}</b></p>'
                         f'<p style="margin-top:2px; white-space:pre-wrap;">{escape(node.note)}</p>')
        return "<html><body>" + "".join(parts) + "</body></html>"
