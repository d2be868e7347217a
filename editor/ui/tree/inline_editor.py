"""The tree's inline editor (F2, Enter, Ctrl+Enter): what the user types in it is never overwritten.

Qt's item views call ``setEditorData`` on the open editor for *every* ``dataChanged`` of its row,
whatever the roles: a check mark arriving 400 ms after an edit (a decoration and a tooltip), a
renumbering, a chart or comparison refresh — each would put the model's old title back into the
field while the user types, and the typed text was lost. The delegate fills the editor when it
opens, and afterwards only while the user has not typed anything in it.
"""
from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QStyledItemDelegate


class InlineEditDelegate(QStyledItemDelegate):
    def setEditorData(self, editor, index) -> None:  # noqa: N802 - Qt name
        if isinstance(editor, QLineEdit) and editor.isModified():
            return  # the user's keystrokes win over any later change of the row
        super().setEditorData(editor, index)
