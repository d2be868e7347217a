"""Language and fonts: Chinese by default, English through the preferences (after a restart),
a Traditional Chinese UI font chosen from what the system has, and the checks dock."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QTreeView

from editor.ui import fonts, i18n
from editor.ui.preferences import PreferencesDialog
from tests.editor.ui_support import discard_on_close, make_window

TRANSLATIONS = Path(i18n.__file__).with_name("translations")
UI_SOURCES = [Path(i18n.__file__).parent / f"{name}.py" for name in i18n.TRANSLATED_MODULES]


def menu_titles(window) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


def test_the_interface_is_chinese_by_default(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    assert menu_titles(window) == ["檔案(&F)", "編輯(&E)", "檢視(&V)", "修正版(&R)", "審閱(&W)", "說明(&H)"]
    assert [a.text() for a in window.menus["edit"].actions() if a.text()][:4] == ["復原", "取消復原", "剪下(&T)", "複製(&C)"]


def test_preferences_store_english_and_english_shows_after_restart(qtbot, tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    assert dialog.note.text() == "介面語言會在重新啟動編輯器後生效。"
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.accept()
    assert QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat).value("ui/language") == "en"
    app = QApplication.instance()
    assert i18n.install_translator(app, "en")
    try:
        window = make_window(qtbot, tmp_path)  # "after the restart": a window built with the translator
        assert menu_titles(window) == ["&File", "&Edit", "&View", "&Revisions", "Revie&w", "&Help"]
        window.model.setData(window.model.index_for_id("s1"), "Science park")
        assert window.window_actions.undo.text() == "Undo Rename strategy"
        window.tree.select_node("a1x")
        assert window.detail.heading.text() == "Sub-action: （1）細項。"
        discard_on_close(window)
    finally:
        i18n.install_translator(app, "zh_TW")
    assert QApplication.translate("actions", "檔案(&F)") == "檔案(&F)"


def test_every_ui_string_has_an_english_translation_and_the_qm_is_current(tmp_path):
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    fresh = tmp_path / "fresh.ts"
    subprocess.run([str(lupdate), *map(str, UI_SOURCES), "-source-language", "zh_TW", "-target-language", "en",
                    "-no-obsolete", "-locations", "none", "-ts", str(fresh)], check=True, capture_output=True)
    import xml.etree.ElementTree as ET

    def messages(path):
        root = ET.parse(path).getroot()
        return {(c.findtext("name"), m.findtext("source")): m.find("translation")
                for c in root.iter("context") for m in c.iter("message")}

    committed = messages(TRANSLATIONS / "plan_editor_en.ts")
    assert set(messages(fresh)) == set(committed)  # no string in the code is missing from the .ts
    unfinished = [k for k, t in committed.items() if t.get("type") == "unfinished" or not (t.text or "").strip()]
    assert unfinished == []
    qm = TRANSLATIONS / "plan_editor_en.qm"
    assert qm.stat().st_mtime >= (TRANSLATIONS / "plan_editor_en.ts").stat().st_mtime - 1


def test_the_ui_font_is_a_traditional_chinese_face_from_the_system():
    assert fonts.choose_family(["DejaVu Sans", "Noto Sans CJK SC", "Noto Sans CJK TC", "AR PL UKai TW"]) == "Noto Sans CJK TC"
    assert fonts.choose_family(["Arial", "微軟正黑體", "Noto Sans CJK TC"]) == "微軟正黑體"
    assert fonts.choose_family(["Microsoft JhengHei UI", "Microsoft JhengHei"]) == "Microsoft JhengHei UI"
    assert fonts.choose_family(["DejaVu Sans"]) is None
    assert fonts.choose_family() == "Noto Sans CJK TC"  # what this machine has (fonts-noto-cjk)
    base = QApplication.font()
    assert fonts.ui_font(base).families()[0] == "Noto Sans CJK TC"
    assert fonts.ui_font(base).pointSizeF() == base.pointSizeF()


def test_the_english_interface_puts_the_platform_family_first_and_the_cjk_face_behind_it():
    """A CJK face draws quotes and apostrophes full width: English text takes the platform's font."""
    base = QFont()
    base.setFamilies(["Segoe UI"])
    base.setPointSizeF(9)
    available = ["Segoe UI", "Microsoft JhengHei UI", "Noto Sans CJK TC"]
    assert fonts.ui_font(base, available).families() == ["Microsoft JhengHei UI", "Segoe UI"]
    english = fonts.ui_font(base, available, latin_first=True)
    assert english.families() == ["Segoe UI", "Microsoft JhengHei UI"] and english.pointSizeF() == 9
    # Applied again (a language switched in the same process), the order follows the language.
    assert fonts.ui_font(english, available).families() == ["Microsoft JhengHei UI", "Segoe UI"]
    assert fonts.ui_font(english, available, latin_first=True).families() == ["Segoe UI", "Microsoft JhengHei UI"]


def test_create_application_uses_the_stored_language_and_font(isolated_settings):
    from editor.ui.app import create_application

    QSettings().setValue("ui/language", "zh_TW")
    app = create_application()
    assert app.font().families()[0] == "Noto Sans CJK TC"
    assert QApplication.translate("actions", "檔案(&F)") == "檔案(&F)"


def test_the_checks_dock_lists_findings_and_selects_their_node(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    qtbot.waitUntil(lambda: len(window.checks.findings()) == 1)
    assert window.checks.findings()[0].message == "推動策略既沒有說明文字，也沒有具體作法。"
    window.checks.node_activated.emit("s3")
    assert window.tree.current_node_id() == "s3"
    window.detail.fields["body"].setPlainText("輔導青年創業。")
    qtbot.waitUntil(lambda: window.checks.findings() == [])
    discard_on_close(window)


def test_the_open_dialog_speaks_chinese_even_where_qts_own_translation_stops(qtbot, tmp_path):
    # Qt 6 renamed the file dialog's labels ("&Look in:") and file types; qtbase_zh_TW.qm has only the old strings.
    (tmp_path / "folder").mkdir()
    assert i18n.install_translator(QApplication.instance(), "zh_TW")  # as the editor's start does
    window = make_window(qtbot, tmp_path)
    window.activateWindow()
    window.tree.setFocus()
    seen: dict[str, object] = {}

    def look_and_close() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(50, look_and_close)
            return
        dialog.setDirectory(str(tmp_path))
        seen["labels"] = sorted(label.text() for label in dialog.findChildren(QLabel) if label.text())
        listing = dialog.findChild(QTreeView, "treeView")
        qtbot.waitUntil(lambda: listing.model().rowCount(listing.rootIndex()) > 0)
        folder = listing.model().index(0, 2, listing.rootIndex())
        seen["type"] = folder.data()
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)

    QTimer.singleShot(50, look_and_close)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "type" in seen)
    assert seen["labels"] == ["尋找於(&L)：", "檔名(&N)：", "檔案型態(&T)："]
    assert seen["type"] == "資料夾"
    discard_on_close(window)
