"""The detail pane's text fields: a one-line field (QLineEdit) or a box of lines (QPlainTextEdit) per field,
read and written alike, with the window's undo keys (the fields keep no history of their own)."""
from __future__ import annotations

from collections.abc import Callable
from typing import TypeAlias

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

TextField: TypeAlias = QLineEdit | QPlainTextEdit
LINE_FIELDS = ("title", "chart_label")
LIST_FIELDS = ("lead_agencies", "supporting_agencies")  # one agency per line
TEXT_FIELDS = ("text", "body", "note") + LIST_FIELDS


class GlobalUndoKeys(QObject):
    """Let Ctrl+Z / Ctrl+Y reach the window's undo stack instead of a field's own little history."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) and (
            event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo)
        ):
            event.ignore()
            return True
        return False


def make_text_field(field: str, edited: Callable[[str], None], undo_keys: GlobalUndoKeys) -> TextField:
    """The editor of ``field`` (object name ``field_<field>``), calling ``edited(field)`` on every change."""
    widget: TextField
    if field in LINE_FIELDS:
        widget = QLineEdit()
        widget.textChanged.connect(lambda _text: edited(field))
    else:
        widget = QPlainTextEdit()
        widget.setUndoRedoEnabled(False)  # the window's undo stack is the only history
        widget.setTabChangesFocus(True)
        widget.setFixedHeight(widget.fontMetrics().lineSpacing() * (3 if field in LIST_FIELDS else 5) + 12)
        widget.textChanged.connect(lambda: edited(field))
    widget.setObjectName(f"field_{field}")
    widget.installEventFilter(undo_keys)
    return widget


def text_of(widget: TextField) -> str:
    return widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()


def lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def set_text(widget: TextField, text: str) -> None:
    """Replace a field's text, keeping the cursor at the same place as far as it goes."""
    if isinstance(widget, QLineEdit):
        position = widget.cursorPosition()
        widget.setText(text)
        widget.setCursorPosition(min(position, len(text)))
        return
    position = widget.textCursor().position()
    widget.setPlainText(text)
    cursor = widget.textCursor()
    cursor.setPosition(min(position, len(widget.toPlainText())))
    widget.setTextCursor(cursor)


def select_span(widget: TextField, start: int, end: int) -> None:
    """Select the text from ``start`` to ``end`` (a match of Find)."""
    if isinstance(widget, QLineEdit):
        widget.setSelection(start, end - start)
        return
    cursor = widget.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, cursor.MoveMode.KeepAnchor)
    widget.setTextCursor(cursor)
