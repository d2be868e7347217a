"""Marks in the plan tree for nodes that have findings of the consistency checks (檢核結果).

The window hands :class:`CheckMarks` the findings after each check run; the tree model keeps the
worst severity's icon of each marked node (``PlanTreeModel.mark_icons``), the tree view paints it at
the row's right end, aligned like a gutter (``editor.ui.tree.mark_painter``), and the row's tooltip
lists the findings. Painting a row runs no Python of its own: the view paints the marks of the rows
in sight once its rows are painted.
"""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QStyle

_ICONS = {
    "error": QStyle.StandardPixmap.SP_MessageBoxCritical,
    "warning": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "info": QStyle.StandardPixmap.SP_MessageBoxInformation,
}
_RANK = {"error": 0, "warning": 1, "info": 2}  # schema.checks.SEVERITIES, worst first (not imported at start)


class CheckMarks(QObject):
    """The findings of each node, for the tree model (:meth:`attach`) to draw."""

    def __init__(self, view):
        super().__init__(view)
        self.marks: dict[str, str] = {}  # node id → worst severity
        self.messages: dict[str, list[str]] = {}
        self._icons = {severity: view.style().standardIcon(pixmap) for severity, pixmap in _ICONS.items()}
        self._model = None

    def attach(self, model) -> None:
        """Draw the marks in ``model`` (a PlanTreeModel; the window's model of the current plan)."""
        self._model = model
        model.check_marks = self

    def set_findings(self, findings: Sequence) -> None:
        marks: dict[str, str] = {}
        messages: dict[str, list[str]] = {}
        for finding in findings:
            if not finding.node_id:
                continue
            old = marks.get(finding.node_id)
            if old is None or _RANK.get(finding.severity, 99) < _RANK.get(old, 99):
                marks[finding.node_id] = finding.severity
            messages.setdefault(finding.node_id, []).append(finding.message)
        changed = {i for i in marks.keys() | self.marks.keys() if marks.get(i) != self.marks.get(i)}
        changed |= {i for i in messages.keys() | self.messages.keys() if messages.get(i) != self.messages.get(i)}
        self.marks, self.messages = marks, messages
        if changed and self._model is not None:
            self._model.marks_changed(sorted(changed))

    def mark_of(self, node_id: str) -> str | None:
        """The severity marked on that node's row, or None."""
        return self.marks.get(node_id)

    def icon_of(self, node_id: str) -> QIcon | None:
        severity = self.marks.get(node_id)
        return None if severity is None else self._icons.get(severity, self._icons["info"])

    def messages_of(self, node_id: str) -> list[str] | None:
        return self.messages.get(node_id)
