"""File ▸ Export ▸ 績效指標總表 / 經費需求表 (Word, Excel or CSV) and the Word document's 含目錄 and 附錄
options: chosen by keys in the menu, remembered, and followed by the Word export."""
from __future__ import annotations

import csv
import io
import shutil

import docx
import openpyxl
import pytest
from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QFileDialog

from editor.ui.files.summary_menu import summary_path
from editor.ui.session.session import EditSession
from tests.editor.test_integration_export import SaveDialog
from tests.editor.ui_support import DialogAnswerer, discard_on_close, make_window
from tests.summary_plan import FIGURES_DRAFT_TITLE, plan_with_figures

TITLE = FIGURES_DRAFT_TITLE


def key(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(QApplication.activePopupWidget() or QApplication.focusWidget(), key, modifier)
    qtbot.wait(1)


@pytest.fixture
def opened(monkeypatch):
    """The files the export offered to open, instead of opening them."""
    urls: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url) or True)
    return urls


@pytest.fixture
def window(qtbot, tmp_path):
    win = make_window(qtbot, tmp_path, session=EditSession(plan_with_figures(), None, journal_dir=tmp_path / "recovery"))
    yield win
    discard_on_close(win)


def open_export_menu(qtbot, window):
    window.activateWindow()  # back from a message box
    window.tree.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.tree)
    key(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is window.menu("file"))
    key(qtbot, Qt.Key.Key_E)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is window.menu("export"))


def test_the_export_menu_offers_the_tables_and_the_word_options(window):
    assert [a.text() for a in window.menu("export").actions() if a.text()] == [
        "Word 文件(&W)…", "PDF 文件(&P)…", "架構圖(&C)…", "績效指標總表(&K)…", "經費需求表(&M)…",
        "Word 與 PDF 文件含目錄(&T)", "Word 與 PDF 文件附錄績效指標與經費總表(&A)", "匯出的版本(&V)"]
    options = window.summary_exports
    assert options.toc_action.statusTip() == "在 Word 與 PDF 文件的標題之後加上目錄"  # they shape both exports
    assert options.appendix_action.statusTip() == "在 Word 與 PDF 文件最後附上關鍵績效指標總表與經費需求表"
    assert options.toc_action.isCheckable() and not options.toc_action.isChecked()  # off, as published
    assert not options.appendix_action.isChecked()


def test_toc_and_appendix_chosen_by_keys_shape_the_word_export_and_are_remembered(qtbot, window, tmp_path, monkeypatch, opened):
    open_export_menu(qtbot, window)
    key(qtbot, Qt.Key.Key_T)  # Word 與 PDF 文件含目錄
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    open_export_menu(qtbot, window)
    key(qtbot, Qt.Key.Key_A)  # Word 與 PDF 文件附錄績效指標與經費總表
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    options = window.summary_exports
    assert options.toc_action.isChecked() and options.appendix_action.isChecked()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    assert settings.value("export/toc", type=bool) and settings.value("export/appendix", type=bool)

    out = tmp_path / "plan.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", SaveDialog(out))
    with DialogAnswerer("關閉"):
        open_export_menu(qtbot, window)
        key(qtbot, Qt.Key.Key_W)
        qtbot.waitUntil(out.exists)
    document = docx.Document(str(out))
    toc = [p.text for p in document.paragraphs if p.style.name == "TOC 1"]
    assert toc == ["壹、施政重點與發展策略", "貳、未來施政藍圖與結語", "架構圖", "附錄一　關鍵績效指標總表", "附錄二　經費需求表"]
    assert [row.cells[-1].text for row in document.tables[-1].rows][-1] == "154,500.876"

    second = make_window(qtbot, tmp_path / "again", session=EditSession(plan_with_figures(), None, journal_dir=tmp_path / "r2"))
    assert not second.summary_exports.toc_action.isChecked()  # its own settings file: nothing remembered there
    discard_on_close(second)


def test_the_budget_table_is_exported_in_the_chosen_format_and_the_format_is_remembered(qtbot, window, tmp_path, monkeypatch, opened):
    save = SaveDialog(tmp_path / "經費", "Excel 活頁簿 (*.xlsx)")  # typed without a suffix
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    with DialogAnswerer("關閉") as answers:
        open_export_menu(qtbot, window)
        key(qtbot, Qt.Key.Key_M)
        qtbot.waitUntil(lambda: (tmp_path / "經費.xlsx").exists())
    caption, suggested, filters, selected = save.calls[0]
    assert caption == "匯出經費需求表"
    assert filters == "Word 文件 (*.docx);;Excel 活頁簿 (*.xlsx);;CSV 逗號分隔檔 (*.csv)" and selected == "Word 文件 (*.docx)"
    assert suggested.endswith(f"{TITLE}經費需求表.docx")
    assert answers.texts == ["已匯出「經費.xlsx」。"]
    sheet = openpyxl.load_workbook(tmp_path / "經費.xlsx").active
    assert [c.value for c in sheet[sheet.max_row]] == ["總計", None, 16300, 33000.5, 49700.125, 55500.251, 154500.876]

    save.answer, save.chosen_filter = tmp_path / "指標.csv", ""
    with DialogAnswerer("關閉"):
        open_export_menu(qtbot, window)
        key(qtbot, Qt.Key.Key_K)
        qtbot.waitUntil(lambda: (tmp_path / "指標.csv").exists())
    assert save.calls[1][3] == "Excel 活頁簿 (*.xlsx)"  # the last format is offered first
    rows = list(csv.reader(io.StringIO((tmp_path / "指標.csv").read_bytes().decode("utf-8-sig"), newline="")))
    assert rows[1] == ["一、拚經濟", "（一）推動橋頭科學園區", "進駐廠商家數", "累計進駐廠商數", "家", "10", "25", "40", "60"]


def test_table_file_suffix_rules():
    assert summary_path("/x/a", "CSV 逗號分隔檔 (*.csv)").name == "a.csv"
    assert summary_path("/x/a.XLSX", "Word 文件 (*.docx)").name == "a.XLSX"  # a typed suffix is kept
    assert summary_path("/x/a.b", "Word 文件 (*.docx)").name == "a.b.docx"


def test_an_unwritable_folder_is_one_sentence(qtbot, window, tmp_path, monkeypatch):
    missing = tmp_path / "missing" / "t.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", SaveDialog(missing))
    with DialogAnswerer("確定") as answers:
        assert window.summary_exports.export_table("budget") is None
    assert answers.texts[0].startswith("無法匯出「t.xlsx」")
    assert not missing.parent.exists()
    shutil.rmtree(tmp_path / "missing", ignore_errors=True)
