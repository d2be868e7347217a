"""The detail pane's heading (「推動策略　（二）亞洲新灣區再啟航」), laid out apart from the pane's form.

A word-wrapped QLabel asks its parent's layout to lay everything out again on every setText, and
the heading names the shown node's title, which changes on every rename and every undo of one: the
pane's whole form (ten fields, two tables) was laid out again for each. Here the label sits in a box
of its own without a layout, kept at the height the text needs; the form is laid out again only
when the title needs more lines than the box has. While one node is shown the box does not shrink
(typing that wraps and unwraps the title does not make the form jump); it fits the text again when
the pane shows another node, or its width changes.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class HeadingBox(QWidget):
    """Holds ``label`` at the box's width and the height its wrapped text needs."""

    def __init__(self, label: QLabel, parent: QWidget | None = None):
        super().__init__(parent)
        self.label = label
        label.setParent(self)
        label.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._fit()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:  # the label's text (or font) changed
            self._fit()
            return True
        return super().event(event)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt name
        super().resizeEvent(event)
        self._fit(shrink=event.size().width() != event.oldSize().width())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt name
        """The label's own wish (a box without a layout has none): the window's splitter gives the
        pane its first width from the pane's size hint, which the heading's width is part of."""
        hint = self.label.sizeHint()
        return QSize(hint.width(), max(self.height(), hint.height()))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt name
        return self.label.minimumSizeHint()

    def refit(self) -> None:
        """Fit the text exactly, shrinking if it needs fewer lines (another node is shown)."""
        self._fit(shrink=True)

    def _fit(self, shrink: bool = False) -> None:
        width = self.width()
        height = self.label.heightForWidth(width)
        if height < 0:
            height = self.label.sizeHint().height()
        if not shrink:
            height = max(height, self.minimumHeight())
        if height != self.maximumHeight() or height != self.minimumHeight():
            self.setFixedHeight(height)  # a new number of lines: the pane's layout places the form again
        if self.label.size().width() != width or self.label.height() != height:
            self.label.setGeometry(0, 0, width, height)
