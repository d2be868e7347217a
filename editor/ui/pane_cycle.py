"""F6 / Shift+F6: the keyboard moves between the window's panes, as in Word and most editors.

The panes, in order: the plan tree, the detail pane, then each dock that is shown (checks,
comparison, chart preview, undo history) in the order the window built them. In the tree Tab
means indent (outliner keys), so F6 is the way out of it; inside the detail pane Tab walks the
fields top to bottom (``DetailPane.focus_order``).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QWidget

if TYPE_CHECKING:
    from editor.ui.main_window import MainWindow


def first_focusable(container: QWidget) -> QWidget | None:
    """The first widget inside ``container`` that Tab would stop at, in focus-chain order."""
    if container.focusPolicy() & Qt.FocusPolicy.TabFocus and container.isVisible() and container.isEnabled():
        return container
    widget = container.nextInFocusChain()
    while widget is not None and widget is not container:
        if container.isAncestorOf(widget) and widget.isVisible() and widget.isEnabled() \
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            return widget
        widget = widget.nextInFocusChain()
    return None


class PaneCycle:
    """Moves the focus to the next or previous pane of ``window`` (a MainWindow)."""

    def __init__(self, window: MainWindow):
        self._window = window

    def panes(self) -> list[QWidget]:
        window = self._window
        panes: list[QWidget] = [window.tree, window.detail]
        if window.docks_built():
            for dock in window.findChildren(QDockWidget):
                if dock.isVisible() and dock.widget() is not None:
                    panes.append(dock.widget())
        return panes

    def _entry(self, pane: QWidget) -> QWidget | None:
        window = self._window
        if pane is window.tree:
            return pane
        if pane is window.detail:
            return window.detail.first_field()
        return first_focusable(pane)

    def current_pane(self) -> int:
        focus = QApplication.focusWidget()
        for position, pane in enumerate(self.panes()):
            if focus is pane or (focus is not None and pane.isAncestorOf(focus)):
                return position
        return -1

    def step(self, forward: bool = True) -> QWidget | None:
        """F6 (forward) or Shift+F6: focus the next pane that has something to focus; that widget."""
        panes = self.panes()
        here = self.current_pane()
        for offset in range(1, len(panes) + 1):
            position = (here + (offset if forward else -offset)) % len(panes)
            target = self._entry(panes[position])
            if target is not None:
                target.setFocus(Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason)
                return target
        return None
