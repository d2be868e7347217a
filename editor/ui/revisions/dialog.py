"""The revisions dialog (修正版): list the plan's revisions, make a new one from the working draft,
rename or delete one, and ask to view one read-only.

Every change goes through :mod:`editor.ui.revisions.commands`: document operations applied by
the session and one undo command on its stack, so Edit ▸ Undo restores a deleted or renamed
revision. The dialog redraws its list whenever that stack moves, whoever moved it.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.ui.i18n import QT_TRANSLATE_NOOP, draft_name, fill, roc_date_text, translate
from editor.ui.revisions import commands
from editor.ui.revisions.commands import date_problem, label_problem
from editor.ui.widgets import named
from schema.model import PlanDocument, Revision
from schema.tree import item_count

if TYPE_CHECKING:
    from editor.ui.session.session import EditSession

COLUMNS = (
    QT_TRANSLATE_NOOP("revisions", "版本"), QT_TRANSLATE_NOOP("revisions", "日期"), QT_TRANSLATE_NOOP("revisions", "作者"),
    QT_TRANSLATE_NOOP("revisions", "說明"), QT_TRANSLATE_NOOP("revisions", "項目數"),
)
LABEL_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class RevisionFields:
    """What the form holds when OK is pressed (the rename form uses only ``label``)."""

    label: str
    date: str
    author: str
    note: str
    clear_notes: bool


class RevisionForm(QDialog):
    """The small form of a new revision (label, date, author, note) or of a rename (label only).

    The problem with what is typed shows under the fields as one sentence, and OK stays disabled
    until there is none.
    """

    def __init__(self, plan: PlanDocument, parent: QWidget | None = None, *, rename: str | None = None, is_draft: bool = False):
        super().__init__(parent)
        self.plan = plan
        self.rename = rename
        self.is_draft = is_draft
        self.setWindowTitle(translate("revisions", "重新命名修正版") if rename is not None else translate("revisions", "由工作草稿建立修正版"))
        self.label_edit = named(QLineEdit(), "labelEdit")
        self.date_edit = named(QLineEdit(datetime.date.today().isoformat()), "dateEdit")
        self.date_edit.setPlaceholderText("YYYY-MM-DD")
        self.author_edit = named(QLineEdit(plan.draft.author), "authorEdit")
        self.note_edit = named(QPlainTextEdit(), "noteEdit")
        self.note_edit.setMaximumHeight(80)
        self.clear_notes = named(QCheckBox(translate("revisions", "清空工作草稿的修正說明（它們屬於這個修正版）")), "clearNotes")
        self.clear_notes.setChecked(True)
        self.problem = named(QLabel(wordWrap=True), "problem")
        self.problem.setStyleSheet("color: #b00020;")
        form = QFormLayout()
        form.addRow(translate("revisions", "版本名稱"), self.label_edit)
        if rename is None:
            self.label_edit.setText(plan.draft.label)
            self.label_edit.setPlaceholderText(translate("revisions", "例如 110年修正版"))
            form.addRow(translate("revisions", "日期"), self.date_edit)
            form.addRow(translate("revisions", "作者"), self.author_edit)
            form.addRow(translate("revisions", "說明"), self.note_edit)
            form.addRow("", self.clear_notes)
        else:
            self.label_edit.setText(rename)
            self.label_edit.selectAll()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        for edit in (self.label_edit, self.date_edit):
            edit.textChanged.connect(self._check)
        self._check()

    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def problem_text(self) -> str | None:
        label = self.label_edit.text()
        # A rename may keep the label it has; a new revision may take the draft's own label.
        keeping = self.rename if self.rename is not None and not self.is_draft else self.plan.draft.label
        found = label_problem(self.plan, label, keeping=keeping or None)
        if found is None and self.rename is None:
            found = date_problem(self.date_edit.text())
        return found

    def _check(self) -> None:
        problem = self.problem_text()
        self.problem.setText(problem or "")
        self.ok_button().setEnabled(problem is None)

    def accept(self) -> None:
        if self.problem_text() is None:
            super().accept()

    def values(self) -> RevisionFields:
        return RevisionFields(
            label=self.label_edit.text().strip(),
            date=self.date_edit.text().strip(),
            author=self.author_edit.text().strip(),
            note=self.note_edit.toPlainText().strip(),
            clear_notes=self.clear_notes.isChecked(),
        )


class RevisionsDialog(QDialog):
    """The list of revisions with its buttons; the working draft is the last row (it can only be renamed)."""

    view_requested = Signal(str)  # the label of a past revision to show read-only

    def __init__(self, session: EditSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("revisionsDialog")
        self.setWindowTitle(translate("revisions", "修正版"))
        self.session = session
        self.plan = session.plan
        undo_stack = self.undo_stack = session.undo_stack
        self.table = named(QTableWidget(0, len(COLUMNS)), "revisionTable")
        self.table.setHorizontalHeaderLabels([translate("revisions", c) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self.view_selected())
        self.new_button = named(QPushButton(translate("revisions", "由工作草稿建立修正版…")), "newRevision")
        self.rename_button = named(QPushButton(translate("revisions", "重新命名…")), "renameRevision")
        self.delete_button = named(QPushButton(translate("revisions", "刪除…")), "deleteRevision")
        self.view_button = named(QPushButton(translate("revisions", "檢視（唯讀）")), "viewRevision")
        close_button = QPushButton(translate("revisions", "關閉"))
        self.new_button.clicked.connect(self.new_revision)
        self.rename_button.clicked.connect(self.rename_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.view_button.clicked.connect(self.view_selected)
        close_button.clicked.connect(self.accept)
        self.message = named(QLabel(wordWrap=True), "message")
        self.message.setStyleSheet("color: #b00020;")
        buttons = QHBoxLayout()
        for button in (self.new_button, self.rename_button, self.delete_button, self.view_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        undo_stack.indexChanged.connect(self.refresh)
        self.resize(760, 360)
        self.refresh()

    # --- the list -------------------------------------------------------------------------------
    def refresh(self, *_args) -> None:
        """Redraw the list (after any command, undo or redo); keep the selected revision selected."""
        selected = self.selected_label()
        rows: list[tuple[Revision, bool]] = [(r, False) for r in self.plan.revisions] + [(self.plan.draft, True)]
        self.table.setRowCount(len(rows))
        italic = QFont()
        italic.setItalic(True)
        for row, (revision, is_draft) in enumerate(rows):
            label = revision.label
            shown = draft_name(label) if is_draft else label
            cells = (shown, roc_date_text(revision.date), revision.author, revision.note, str(item_count(revision.content)))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(LABEL_ROLE, None if is_draft else label)
                item.setToolTip(text)
                if is_draft:
                    item.setFont(italic)
                if column == 4:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        labels = [r.label for r in self.plan.revisions]
        self.table.selectRow(labels.index(selected) if selected in labels else max(len(rows) - 2, 0))
        self._update_buttons()

    def labels(self) -> list[str]:
        """The first column as shown, top to bottom."""
        cells = (self.table.item(row, 0) for row in range(self.table.rowCount()))
        return [cell.text() for cell in cells if cell is not None]  # refresh fills every cell

    def select_label(self, label: str) -> None:
        self.table.selectRow([r.label for r in self.plan.revisions].index(label))

    def selected_label(self) -> str | None:
        """The label of the selected past revision; None when the draft (or nothing) is selected."""
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        return item.data(LABEL_ROLE) if item is not None else None

    def _draft_selected(self) -> bool:
        rows = self.table.selectionModel().selectedRows()
        return bool(rows) and rows[0].row() == len(self.plan.revisions)

    def _update_buttons(self) -> None:
        past = self.selected_label() is not None
        self.rename_button.setEnabled(past or self._draft_selected())
        self.delete_button.setEnabled(past)
        self.view_button.setEnabled(past)

    # --- the operations -------------------------------------------------------------------------
    def new_revision(self) -> bool:
        """Ask for the new revision's label, date, author and note; True when it was made."""
        form = RevisionForm(self.plan, self)
        if form.exec() != QDialog.DialogCode.Accepted:
            return False
        values = form.values()
        commands.create_revision(self.session, values.label, date=values.date, author=values.author,
                                 note=values.note, clear_notes=values.clear_notes)
        self.message.setText("")
        self.select_label(values.label)
        return True

    def rename_selected(self) -> bool:
        draft = self._draft_selected()
        label = self.plan.draft.label if draft else self.selected_label()
        if label is None:
            return False
        form = RevisionForm(self.plan, self, rename=label, is_draft=draft)
        if form.exec() != QDialog.DialogCode.Accepted:
            return False
        new_label = form.values().label
        # The draft is named by "draft" when it has no label of its own yet.
        if not commands.rename_revision(self.session, label or "draft", new_label):
            return False
        if not draft:
            self.select_label(new_label)
        return True

    def delete_selected(self) -> bool:
        label = self.selected_label()
        if label is None:
            return False
        answer = QMessageBox.question(
            self, translate("revisions", "刪除修正版"),
            fill(translate("revisions", "要刪除修正版「%1」嗎？它的全文將從計畫檔中移除（可用「復原」取回）。"), label),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        commands.delete_revision(self.session, label)
        return True

    def view_selected(self) -> None:
        label = self.selected_label()
        if label is not None:
            self.view_requested.emit(label)
