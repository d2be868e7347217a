"""The tree's inline editor (F2, Enter, Ctrl+Enter): what the user types in it is never overwritten.

Qt's item views call ``setEditorData`` on the open editor for *every* ``dataChanged`` of its row,
whatever the roles: a check mark arriving 400 ms after an edit (a decoration and a tooltip), a
renumbering, a chart or comparison refresh — each would put the model's old title back into the
field while the user types, and the typed text was lost. The delegate fills the editor when it
opens, and afterwards only while the user has not typed anything in it.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLineEdit, QStyledItemDelegate, QToolTip

if TYPE_CHECKING:
    from editor.ui.tree.view import PlanTreeView


class InlineEditDelegate(QStyledItemDelegate):
    """The tree's delegate. Qt paints the rows in C++ from the items; Python runs only when an editor
    opens (the title without its number) and when a tooltip is asked (the kind and title, or the
    findings of the checks) — the model answers neither through data(), see ``editor.ui.tree.model``."""

    def __init__(self, view: PlanTreeView):
        super().__init__(view)
        self._view = view

    def setEditorData(self, editor, index) -> None:  # noqa: N802 - Qt name
        if isinstance(editor, QLineEdit) and editor.isModified():
            return  # the user's keystrokes win over any later change of the row
        plan = self._view.plan_model()
        if isinstance(editor, QLineEdit) and plan is not None:
            editor.setText(plan.edit_text(index))
            return
        super().setEditorData(editor, index)

    def helpEvent(self, event, view, option, index) -> bool:  # noqa: N802 - Qt name
        plan = self._view.plan_model()
        if event is None or event.type() != QEvent.Type.ToolTip or plan is None or not index.isValid():
            return super().helpEvent(event, view, option, index)
        text = plan.tooltip_at(index)
        if text:
            QToolTip.showText(event.globalPos(), text, view)
        else:
            QToolTip.hideText()
        return True
