"""Redrawing a view of the plan only while it is seen, once a burst of edits pauses.

The chart preview, the comparison view and the summary tables each show something computed from
the whole plan, which takes time on a big one. :class:`LazyRefresh` holds what they share: the
plan changed, so the view is *stale*; if the view is visible, its update runs after a pause
(restarting a single-shot timer is the debounce, so a typing burst is computed once); a hidden
view only remembers that it is stale and catches up as soon as it is shown.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class LazyRefresh(QObject):
    """Runs ``update`` ``delay_ms`` after the last :meth:`request` while ``widget`` is visible, or when it is shown.

    ``update`` is expected to call :meth:`done` (stop the timer) and to clear :attr:`stale` once it has
    brought the view up to date.
    """

    def __init__(self, widget: QWidget, update: Callable[[], object], delay_ms: int) -> None:
        super().__init__(widget)
        self.stale = True  # an edit has not been shown yet (the view is hidden or waiting for the pause)
        self._widget = widget
        self._delay_ms = delay_ms
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(update)
        widget.installEventFilter(self)  # its Show event: catch up with what changed while hidden

    def request(self) -> None:
        """The plan changed: update after the pause, if the view is visible."""
        self.stale = True
        if self._widget.isVisible():
            # Restarting the single-shot timer is the debounce. The delay is given every time: start(0)
            # (on show, on a deliberate choice) sets the timer's interval, which would end the pause.
            self._timer.start(self._delay_ms)

    def request_now(self) -> None:
        """A deliberate choice (not typing): update as soon as the event loop runs, if the view is visible."""
        self.stale = True
        if self._widget.isVisible():
            self._timer.start(0)

    def done(self) -> None:
        """The update runs now (called by it): no pending one is needed any more."""
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt name
        if watched is self._widget and event.type() == QEvent.Type.Show and self.stale:
            self._timer.start(0)
        return False
