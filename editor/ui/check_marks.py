"""Marks in the plan tree for nodes that have findings of the consistency checks (檢核結果).

A delegate, so the tree model stays a plain view of the document: the window hands it the
findings after each check run, and it draws the worst severity's icon at the right end of each
marked row (aligned, like a gutter) and lists the findings in the row's tooltip.
"""
from __future__ import annotations

from typing import Sequence

from PySide6.QtCore import QEvent, QModelIndex
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QToolTip

from editor.ui.tree_model import NODE_ID_ROLE
from schema.checks import SEVERITIES, Finding

_ICONS = {
    "error": QStyle.StandardPixmap.SP_MessageBoxCritical,
    "warning": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "info": QStyle.StandardPixmap.SP_MessageBoxInformation,
}


class CheckMarksDelegate(QStyledItemDelegate):
    """Paints a tree row as usual, plus the icon of its worst finding at the row's right end."""

    def __init__(self, view):
        super().__init__(view)
        self._view = view
        self.marks: dict[str, str] = {}  # node id → worst severity
        self.messages: dict[str, list[str]] = {}
        self._icons = {severity: view.style().standardIcon(pixmap) for severity, pixmap in _ICONS.items()}

    def set_findings(self, findings: Sequence[Finding]) -> None:
        rank = {severity: i for i, severity in enumerate(SEVERITIES)}  # errors first
        marks: dict[str, str] = {}
        messages: dict[str, list[str]] = {}
        for finding in findings:
            if not finding.node_id:
                continue
            old = marks.get(finding.node_id)
            if old is None or rank.get(finding.severity, 99) < rank.get(old, 99):
                marks[finding.node_id] = finding.severity
            messages.setdefault(finding.node_id, []).append(finding.message)
        if marks != self.marks or messages != self.messages:
            self.marks, self.messages = marks, messages
            self._view.viewport().update()

    def mark_of(self, node_id: str) -> str | None:
        """The severity marked on that node's row, or None."""
        return self.marks.get(node_id)

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:  # noqa: N802 - Qt name
        super().initStyleOption(option, index)
        severity = self.marks.get(index.data(NODE_ID_ROLE))
        if severity is not None:
            option.features |= QStyleOptionViewItem.ViewItemFeature.HasDecoration
            option.icon = self._icons.get(severity, self._icons["info"])
            option.decorationPosition = QStyleOptionViewItem.Position.Right

    def helpEvent(self, event, view, option, index) -> bool:  # noqa: N802 - Qt name
        found = self.messages.get(index.data(NODE_ID_ROLE)) if index.isValid() else None
        if event.type() == QEvent.Type.ToolTip and found:
            QToolTip.showText(event.globalPos(), "\n".join([str(index.data(0)), *("• " + m for m in found)]), view)
            return True
        return super().helpEvent(event, view, option, index)
