"""The comparison view's export helpers: file dialog with a default name, the written file, the
offer to open it, a failure in one sentence, the progress dialog of a slow export."""
from __future__ import annotations

import zipfile

import docx
import pytest
from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QProgressDialog, QWidget

from editor.ui.files import export_menu
from editor.ui.files.amendment_export import default_file_name, export_amendment_table, export_tracked_document
from schema.compare import compare
from schema.fileio import load_plan
from tests.paths import DEMO


class Answers:
    """Click the named button of each message box that opens, in order; record the boxes' texts.
    Also note whether a progress dialog was ever visible."""

    def __init__(self, *labels: str):
        self.labels = list(labels)
        self.texts: list[str] = []
        self.details: list[str] = []
        self.progress_seen = False
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self.poll)

    def __enter__(self):
        self.timer.start()
        return self

    def __exit__(self, *exc):
        self.timer.stop()

    def poll(self):
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QProgressDialog) and widget.isVisible():
                self.progress_seen = True
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or not box.isVisible() or box.property("answered"):
            return
        box.setProperty("answered", True)
        self.texts.append(box.text())
        self.details.append(box.informativeText())
        label = self.labels.pop(0) if self.labels else None
        for button in box.buttons():
            if button.text() == label:
                button.click()
                return
        box.reject()


@pytest.fixture
def demo():
    plan = load_plan(DEMO)
    old, new = plan.revisions[-1], plan.draft
    return plan, old, new, compare(old.content, new.content)


@pytest.fixture
def chooser(monkeypatch):
    """The save dialog answers with ``chooser.answer``; what it was asked is recorded."""
    class Chooser:
        answer = ""
        asked: list = []

    def get_save_file_name(parent, caption, start, filters):
        Chooser.asked.append((caption, start, filters))
        return Chooser.answer, filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(get_save_file_name))
    return Chooser


@pytest.fixture
def opened(monkeypatch):
    urls: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: urls.append(url) or True))
    return urls


def test_default_names_carry_the_plan_and_the_labels(demo):
    plan, old, new, _ = demo
    assert default_file_name(plan, old, new, "table") == "高雄市政府108至111年度中程施政計畫理念修正對照表（109年修正版→110年修正草案（示範））.docx"
    assert default_file_name(plan, old, new, "tracked") == "高雄市政府108至111年度中程施政計畫理念（110年修正草案（示範））修訂追蹤.docx"
    odd = plan.model_copy(update={"title": 'A/B:C?"計畫"'})
    assert default_file_name(odd, old, new, "tracked") == "A_B_C__計畫_（110年修正草案（示範））修訂追蹤.docx"


def test_table_is_written_and_opened_on_request(qtbot, tmp_path, demo, chooser, opened):
    parent = QWidget()
    qtbot.addWidget(parent)
    chooser.answer = str(tmp_path / "對照表")  # no suffix typed: .docx is added
    with Answers("開啟") as answers:
        path = export_amendment_table(parent, *demo, directory=tmp_path)
    assert path == tmp_path / "對照表.docx"
    caption, start, filters = chooser.asked[-1]
    assert caption == "匯出修正對照表" and filters == "Word 文件 (*.docx)"
    assert start == str(tmp_path / default_file_name(demo[0], demo[1], demo[2], "table"))
    assert len(docx.Document(str(path)).tables[0].rows) == 10
    assert answers.texts == ["已儲存「對照表.docx」。"]
    assert opened == [QUrl.fromLocalFile(str(path))]


def test_tracked_document_written_and_not_opened_when_closed(qtbot, tmp_path, demo, chooser, opened):
    chooser.answer = str(tmp_path / "tracked.docx")
    with Answers("關閉") as answers:
        path = export_tracked_document(None, *demo, directory=tmp_path)
    assert path == tmp_path / "tracked.docx"
    assert b"w:ins " in zipfile.ZipFile(path).read("word/document.xml")
    assert answers.texts == ["已儲存「tracked.docx」。"] and opened == []


def test_cancelling_the_file_dialog_writes_nothing(qtbot, tmp_path, demo, chooser, opened):
    chooser.answer = ""
    with Answers() as answers:
        assert export_amendment_table(None, *demo, directory=tmp_path) is None
    assert list(tmp_path.iterdir()) == [] and answers.texts == [] and opened == []


def test_a_failure_is_one_sentence_and_leaves_nothing(qtbot, tmp_path, demo, chooser, opened):
    target = tmp_path / "missing" / "table.docx"
    chooser.answer = str(target)
    with Answers("確定") as answers:
        assert export_amendment_table(None, *demo) is None
    # a headline and the writer's one sentence, both in the interface's language
    assert answers.texts == ["無法匯出「table.docx」"]
    assert answers.details == ["「table.docx」沒有儲存：要存放它的資料夾不存在。"]
    assert list(tmp_path.iterdir()) == [] and opened == []


def test_a_slow_export_shows_its_progress(qtbot, tmp_path, demo, chooser, opened, monkeypatch):
    monkeypatch.setattr(export_menu, "PROGRESS_DELAY_MS", 0)  # as if the export took longer than half a second (the one runner)
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    chooser.answer = str(tmp_path / "tracked.docx")
    with Answers("關閉") as answers:
        assert export_tracked_document(parent, *demo) == tmp_path / "tracked.docx"
    assert answers.progress_seen
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()]
