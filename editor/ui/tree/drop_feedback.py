"""What a drag over the plan tree shows: the drop indicator only where the drop would go, and why not elsewhere.

Qt computes the indicator's place only when the model accepts the drop there
(``QAbstractItemView::dragMoveEvent``); over a place the model refuses (a strategy over 施政目標) the
indicator of the last accepted place stayed on screen, on another row, and the drop then did
nothing without a word. This mixin of :class:`editor.ui.tree.view.PlanTreeView` hides the indicator
wherever the drop is refused and says why in the status bar (the model's ``drop_refusal``, in the
interface's language), once per place.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractProxyModel, QModelIndex
from PySide6.QtGui import QDragLeaveEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QTreeView

from schema.tree import SECTION_KINDS

if TYPE_CHECKING:
    from editor.ui.tree.model import PlanTreeModel


class DropFeedback(QTreeView):
    """Mixin for a QTreeView whose model (or its source model) is a PlanTreeModel."""

    _last_refusal: str | None = None

    if TYPE_CHECKING:  # what PlanTreeView provides
        def plan_model(self) -> PlanTreeModel | None: ...

    def _say(self, text: str) -> None:
        model = self.plan_model()
        if model is not None:
            model.status_message.emit(text)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 - Qt name
        self.setDropIndicatorShown(True)  # Qt places the indicator only when it may show it
        super().dragMoveEvent(event)
        if event.isAccepted():
            if self._last_refusal is not None:  # the refusal said over the last place no longer holds
                self._last_refusal = None
                self._say("")
            return
        self.setDropIndicatorShown(False)  # not the last accepted place's indicator, on another row
        self.viewport().update()
        why = self._refusal_at(event)
        if why and why != self._last_refusal:
            self._last_refusal = why
            self._say(why)

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:  # noqa: N802
        self._last_refusal = None
        super().dragLeaveEvent(event)
        self.setDropIndicatorShown(True)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        self._last_refusal = None
        super().dropEvent(event)
        self.setDropIndicatorShown(True)

    def _refusal_at(self, event: QDragMoveEvent) -> str | None:
        """Why the dragged items may not go where the pointer is: into the row under it (when it holds
        children) or beside it (into its parent)."""
        model = self.plan_model()
        if model is None:
            return None
        index = self.indexAt(event.position().toPoint())
        source = self._source_index(index)
        data = event.mimeData()
        if not source.isValid():
            return model.drop_refusal(data, QModelIndex())
        into = model.drop_refusal(data, source)
        beside = model.drop_refusal(data, source.parent())
        if into is None or beside is None:
            return None  # a place nearby takes them: Qt's own position decides
        node = model.node(source)
        return into if model.hasChildren(source) or node is None or node.kind in SECTION_KINDS else beside

    def _source_index(self, index: QModelIndex) -> QModelIndex:
        model = self.model()
        return model.mapToSource(index) if isinstance(model, QAbstractProxyModel) and index.isValid() else index

