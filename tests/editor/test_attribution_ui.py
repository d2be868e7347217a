"""Each edit made in the window carries its author: the name in the preferences (the system's user
name until one is set), written against the node in the draft's Revision.authors and saved."""
from __future__ import annotations

import getpass

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from editor.ui.session.attribution import AUTHOR_KEY, current_author
from tests.editor.test_main_window import press, rename_in_tree
from tests.editor.ui_support import discard_on_close, ime_commit, make_window


def test_an_edit_in_the_tree_is_attributed_to_the_author_in_the_preferences(qtbot, tmp_path):
    QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat).setValue(AUTHOR_KEY, "王小明")
    window = make_window(qtbot, tmp_path)
    rename_in_tree(qtbot, window, "s2", "亞洲新灣區2.0")
    assert window.session.plan.draft.authors == {"s2": "王小明"}
    window.tree.select_node("a2")
    press(qtbot, window, Qt.Key.Key_Delete)
    assert window.session.plan.draft.authors == {"s2": "王小明", "a2": "王小明"}
    discard_on_close(window)


def test_without_a_preference_the_author_is_the_system_user(qtbot, tmp_path):
    settings = QSettings(str(tmp_path / "other.ini"), QSettings.Format.IniFormat)
    assert current_author(settings) == getpass.getuser()


def test_the_preferences_dialog_sets_the_author(qtbot, tmp_path):
    from editor.ui.preferences import PreferencesDialog

    settings = QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat)
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.author.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.author)
    dialog.author.selectAll()
    ime_commit(dialog.author, "李小華")
    qtbot.keyClick(dialog.author, Qt.Key.Key_Return)
    assert current_author(settings) == "李小華"
