"""Help ▸ 關於 (version, licence, where the settings and the recovery files are) and Help ▸ 快速鍵 (every
command that has keys, with the keys named as the keyboard of this system names them)."""
from __future__ import annotations

from importlib import metadata
from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from editor.ui.i18n import fill, translate

if TYPE_CHECKING:
    from editor.ui.main_window import MainWindow

LICENCE = "MIT"


def version() -> str:
    try:
        return metadata.version("plan-editor")
    except metadata.PackageNotFoundError:  # run from a source tree that was never installed
        return "0"


def about_text(settings_path: str, recovery_path: str) -> str:
    return "\n".join([
        fill(translate("help", "中程施政計畫編輯器 %1"), version()),
        fill(translate("help", "授權：%1"), LICENCE),
        fill(translate("help", "設定檔：%1"), settings_path),
        fill(translate("help", "還原紀錄資料夾：%1"), recovery_path),
    ])


def show_about(window: MainWindow) -> QDialog:
    """The About box (not modal for the window's keys: the test and the user close it with Esc)."""
    from editor.ui.session.session import default_journal_dir

    recovery = window.journal_dir if window.journal_dir is not None else default_journal_dir()
    dialog, layout = _dialog(window, translate("help", "關於中程施政計畫編輯器"), "aboutDialog")
    label = QLabel(about_text(window.settings.fileName(), str(recovery)), dialog)
    label.setObjectName("aboutText")
    label.setTextInteractionFlags(label.textInteractionFlags() | label.textInteractionFlags().TextSelectableByMouse)
    layout.insertWidget(0, label)
    dialog.open()
    return dialog


def shortcut_rows(actions) -> list[tuple[str, str]]:
    """(command, keys) of every action with keys, in menu order, the keys as this system names them."""
    rows = []
    for action in actions:
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
        if keys:
            rows.append((action.text().replace("&", "").rstrip("…"), translate("help", "、").join(keys)))
    return rows


def show_shortcuts(window: MainWindow) -> QDialog:
    dialog, layout = _dialog(window, translate("help", "快速鍵"), "shortcutsDialog")
    rows = shortcut_rows(window.window_actions.all_actions())
    table = QTableWidget(len(rows), 2, dialog)
    table.setObjectName("shortcutsTable")
    table.setHorizontalHeaderLabels([translate("help", "指令"), translate("help", "按鍵")])
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    for row, (command, keys) in enumerate(rows):
        table.setItem(row, 0, QTableWidgetItem(command))
        table.setItem(row, 1, QTableWidgetItem(keys))
    table.resizeColumnsToContents()
    table.horizontalHeader().setStretchLastSection(True)
    layout.insertWidget(0, table)
    dialog.resize(520, 560)
    dialog.open()
    return dialog


def _dialog(window: QWidget, title: str, name: str) -> tuple[QDialog, QVBoxLayout]:
    """A dialog with its 關閉 button; the caller puts its content above the button in the layout."""
    dialog = QDialog(window)
    dialog.setObjectName(name)
    dialog.setWindowTitle(title)
    layout = QVBoxLayout(dialog)
    buttons = QDialogButtonBox(dialog)
    buttons.addButton(translate("help", "關閉"), QDialogButtonBox.ButtonRole.RejectRole)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    dialog.finished.connect(dialog.deleteLater)
    return dialog, layout
