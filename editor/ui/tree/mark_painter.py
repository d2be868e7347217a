"""The marks of the checks (``editor.ui.checks.marks``) painted at the right end of their rows.

Qt places an item's decoration at its left unless the view's ``initViewItemOption`` says otherwise,
and an override of that is a Python call for every painted row (35 after each structural edit with
every strategy open: about a sixth of the edit's time, tests/bench/floors.md). So the items hold no
decoration: the view paints its rows in C++, then this mixin paints the few marks over the rows in
sight, each on its row's own background so that a long title ends under it rather than through it.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPoint, QRect
from PySide6.QtGui import QIcon, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QStyle, QTreeView

from editor.ui.tree.model import NODE_ID_ROLE

if TYPE_CHECKING:
    from editor.ui.tree.model import PlanTreeModel

_MARGIN = 3  # what Qt's item views leave between a decoration and the row's edge


class MarkPainter(QTreeView):
    """Mixin for the plan tree: paints the marks of its PlanTreeModel (``mark_icons``) after the rows."""

    if TYPE_CHECKING:  # what PlanTreeView provides
        def plan_model(self) -> PlanTreeModel | None: ...

    def mark_size(self) -> int:
        size = self.iconSize()
        return size.width() if size.isValid() else self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize, None, self)

    def mark_rect(self, index: QModelIndex) -> QRect:
        """Where the mark of the row at ``index`` (of the view's model) is painted, in the viewport."""
        return self._mark_square(self.visualRect(index))

    def _mark_square(self, row: QRect) -> QRect:
        size = min(self.mark_size(), row.height())  # never over the next row
        return QRect(row.right() - _MARGIN - size + 1, row.top() + (row.height() - size) // 2, size, size)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt name
        super().paintEvent(event)
        model = self.plan_model()
        icons = model.mark_icons if model is not None else None
        if not icons:
            return
        area = event.rect()
        index = self.indexAt(QPoint(area.left(), area.top()))
        painter: QPainter | None = None
        while index.isValid():
            row = self.visualRect(index)
            if row.top() > area.bottom():
                break
            icon = icons.get(index.data(NODE_ID_ROLE))
            if icon is not None:
                if painter is None:
                    painter = QPainter(self.viewport())
                self._paint_mark(painter, index, row, icon)
            index = self.indexBelow(index)
        if painter is not None:
            painter.end()

    def _paint_mark(self, painter: QPainter, index: QModelIndex, row: QRect, icon: QIcon) -> None:
        rect = self._mark_square(row)
        selected = self.selectionModel() is not None and self.selectionModel().isSelected(index)
        group = QPalette.ColorGroup.Active if self.hasFocus() else QPalette.ColorGroup.Inactive
        role = QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.Base
        painter.fillRect(QRect(rect.left() - _MARGIN, row.top(), row.right() - rect.left() + _MARGIN + 1, row.height()),
                         self.palette().brush(group, role))
        icon.paint(painter, rect)
