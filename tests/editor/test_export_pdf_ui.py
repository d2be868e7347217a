"""File ▸ 匯出 ▸ PDF 文件…: the official document through LibreOffice, chosen by keys in the menu, with
the 含目錄/附錄 options; one Chinese sentence and nothing written when LibreOffice is missing or fails."""
from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QProgressDialog

from editor.ui.session.session import EditSession
from tests.editor.test_export_summary_ui import TITLE, key, open_export_menu
from tests.editor.test_integration_export import SaveDialog
from tests.editor.ui_support import DialogAnswerer, discard_on_close, make_window
from tests.summary_plan import plan_with_figures

NO_LIBREOFFICE = "找不到 LibreOffice，而 PDF 文件要由它轉成；請先安裝 LibreOffice，或改匯出 Word 文件。"


@pytest.fixture
def window(qtbot, tmp_path):
    win = make_window(qtbot, tmp_path, session=EditSession(plan_with_figures(), None, journal_dir=tmp_path / "recovery"))
    yield win
    discard_on_close(win)


def pdf_text(path) -> str:
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"\s", "", text)


class ProgressSeen:
    """Records whether the export's progress dialog was ever shown (it appears after half a second)."""

    def __init__(self):
        self.seen = False
        self._timer = QTimer()
        self._timer.setInterval(20)
        self._timer.timeout.connect(self._poll)
        self._timer.start()

    def _poll(self) -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QProgressDialog) and dialog.objectName() == "exportProgress" and dialog.isVisible():
            self.seen = True


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed")  # CI installs it
def test_the_pdf_is_chosen_by_keys_and_has_the_title_the_strategies_and_the_appendix(qtbot, window, tmp_path, monkeypatch):
    open_export_menu(qtbot, window)
    key(qtbot, Qt.Key.Key_A)  # Word 與 PDF 文件附錄績效指標與經費總表: the PDF follows the same options as the Word document
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    out = tmp_path / "out" / "計畫"  # typed without a suffix
    out.parent.mkdir()
    save = SaveDialog(out)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    progress = ProgressSeen()
    with DialogAnswerer("關閉") as answers:
        open_export_menu(qtbot, window)
        key(qtbot, Qt.Key.Key_P)
        qtbot.waitUntil(lambda: answers.texts != [], timeout=300_000)
    caption, suggested, filters, _selected = save.calls[0]
    assert (caption, filters) == ("匯出 PDF 文件", "PDF 文件 (*.pdf)")
    assert suggested.endswith(f"{TITLE}.pdf")
    assert answers.texts == ["已匯出「計畫.pdf」。"]
    assert [p.name for p in out.parent.iterdir()] == ["計畫.pdf"]
    assert progress.seen  # LibreOffice takes seconds: the progress dialog showed
    text = pdf_text(out.parent / "計畫.pdf")
    assert TITLE in text
    assert "推動橋頭科學園區" in text  # a strategy (策略)
    assert "附錄二" in text and "經費需求表" in text and "154,500.876" in text  # the appendix that was checked
    assert window.statusBar().currentMessage() == f"已匯出 {out.parent / '計畫.pdf'}"


def test_without_libreoffice_one_chinese_sentence_and_no_dialog_nor_file(qtbot, window, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    save = SaveDialog(tmp_path / "plan.pdf")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    before = sorted(p.name for p in tmp_path.iterdir())
    with DialogAnswerer("確定") as answers:
        open_export_menu(qtbot, window)
        key(qtbot, Qt.Key.Key_P)
        qtbot.waitUntil(lambda: answers.texts != [])
    assert (answers.titles, answers.texts, answers.details) == (["匯出 PDF 文件"], [NO_LIBREOFFICE], [""])
    assert save.calls == []  # not asked where to save what cannot be made
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_a_failed_conversion_is_libreoffices_reason_and_leaves_nothing(qtbot, window, tmp_path, monkeypatch):
    programs = tmp_path / "bin"
    programs.mkdir()
    soffice = programs / "soffice"
    soffice.write_text("#!/bin/sh\necho 'Error: source file could not be loaded' >&2; exit 1\n", encoding="utf-8")
    soffice.chmod(0o755)
    monkeypatch.setenv("PATH", str(programs))
    out = tmp_path / "out" / "plan.pdf"
    out.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", SaveDialog(out))
    with DialogAnswerer("確定") as answers:
        open_export_menu(qtbot, window)
        key(qtbot, Qt.Key.Key_P)
        qtbot.waitUntil(lambda: answers.texts != [], timeout=60_000)
    assert answers.texts == ["無法匯出「plan.pdf」"]
    assert answers.details == ["「plan.pdf」沒有寫入：LibreOffice 無法轉換這份文件（Error: source file could not be loaded）。"]
    assert list(out.parent.iterdir()) == []
