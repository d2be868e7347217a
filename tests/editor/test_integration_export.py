"""File ▸ Export in the real main window: the Word document and the framework chart, written where
the user chose, with a default file name, a progress dialog only for a slow export, one-sentence
errors, and the offer to open the file or show its folder."""
from __future__ import annotations

import re
import shutil
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QFileDialog, QProgressDialog

from editor.export import official_docx
from editor.export.chart_layout import chart_data
from editor.ui import i18n
from editor.ui.files import export_menu
from editor.ui.files.export_menu import chart_path
from schema.fileio import load_plan
from tests.editor.ui_support import DialogAnswerer, discard_on_close, make_window
from tests.paths import SAMPLE

PUBLISHED_TITLE = "高雄市政府108至111年度中程施政計畫理念（109年修正版）"


@pytest.fixture
def window(qtbot, tmp_path):
    plan = tmp_path / "plans" / SAMPLE.name
    plan.parent.mkdir()
    shutil.copy(SAMPLE, plan)
    win = make_window(qtbot, tmp_path, path=plan)
    yield win
    discard_on_close(win)


class SaveDialog:
    """Stands in for QFileDialog.getSaveFileName: records what was suggested, answers with a path."""

    def __init__(self, answer: Path | None, chosen_filter: str = ""):
        self.answer, self.chosen_filter = answer, chosen_filter
        self.calls: list[tuple] = []

    def __call__(self, parent, caption, directory, filters, selected="", *args):
        self.calls.append((caption, directory, filters, selected))
        return (str(self.answer), self.chosen_filter or selected) if self.answer else ("", "")


@pytest.fixture
def opened(monkeypatch):
    urls: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url) or True)
    return urls


def styled(document, style: str) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == style]


def test_the_file_menu_has_export_with_word_and_chart(window):
    texts = [a.text() for a in window.menu("file").actions()]
    assert texts[texts.index("列印(&L)…") + 1] == "匯出(&E)"
    assert window.menu("export") is window.export_menu.menu
    assert [a.text() for a in window.menu("export").actions() if a.text()] == [
        "Word 文件(&W)…", "PDF 文件(&P)…", "架構圖(&C)…", "績效指標總表(&K)…", "經費需求表(&M)…", "Word 與 PDF 文件含目錄(&T)",
        "Word 與 PDF 文件附錄績效指標與經費總表(&A)", "匯出的版本(&V)"]


def test_word_export_writes_the_official_document_and_opens_it(window, tmp_path, monkeypatch, opened):
    out = tmp_path / "out" / "計畫.docx"
    out.parent.mkdir()
    save = SaveDialog(out)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    with DialogAnswerer("開啟檔案") as answers:
        window.export_menu.word_action.trigger()
    caption, suggested, filters, _selected = save.calls[0]
    assert caption == "匯出 Word 文件" and filters == "Word 文件 (*.docx)"
    assert Path(suggested) == tmp_path / "plans" / f"{PUBLISHED_TITLE}.docx"  # beside the plan, named by its title
    assert answers.texts == ["已匯出「計畫.docx」。"]
    assert opened == [QUrl.fromLocalFile(str(out))]
    document = docx.Document(str(out))
    assert styled(document, "Title") == [PUBLISHED_TITLE.replace("（", "\n（")]  # the label on its own cover line
    plan = load_plan(SAMPLE)
    strategies = [s.title for a in plan.draft.content.focus.focus_areas for s in a.strategies]
    headings = [re.sub(r"^（[一二三四五六七八九十]+）", "", t) for t in styled(document, "Heading 3")]
    assert headings == strategies and len(strategies) == 28
    assert window.statusBar().currentMessage() == f"已匯出 {out}"

    # The next export starts in the folder of this one.
    save.answer = None
    window.export_menu.export_word()
    assert Path(save.calls[1][1]).parent == out.parent


def test_chart_export_takes_the_chosen_filter_and_shows_the_folder(window, tmp_path, monkeypatch, opened):
    save = SaveDialog(tmp_path / "圖", "SVG 向量圖 (*.svg)")  # typed without a suffix
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    with DialogAnswerer("顯示所在資料夾"):
        window.export_menu.chart_action.trigger()
    caption, suggested, filters, selected = save.calls[0]
    assert caption == "匯出架構圖"
    assert filters == "SVG 向量圖 (*.svg);;PNG 圖片 (*.png);;PDF 文件 (*.pdf)" and selected == "SVG 向量圖 (*.svg)"
    assert Path(suggested).name == "高雄市政府108至111年度中程施政計畫理念架構圖（109年修正版）.svg"
    svg = tmp_path / "圖.svg"
    root = ET.parse(svg).getroot()
    text = re.sub(r"\s", "", "".join(el.text or "" for el in root.iter() if el.tag.endswith("text")))
    for label in chart_data(load_plan(SAMPLE)).labels():
        assert label in text, label
    assert "推動橋頭科學園區" in text
    assert opened == [QUrl.fromLocalFile(str(tmp_path))]

    # PNG chosen: the file is a PNG image, and the next export suggests PNG.
    save.answer, save.chosen_filter = tmp_path / "圖3", "PNG 圖片 (*.png)"
    with DialogAnswerer("關閉"):
        assert window.export_menu.export_chart() == tmp_path / "圖3.png"
    assert (tmp_path / "圖3.png").read_bytes().startswith(b"\x89PNG")
    save.answer = None
    window.export_menu.export_chart()
    assert Path(save.calls[2][1]).suffix == ".png" and save.calls[2][3] == "PNG 圖片 (*.png)"


def test_chart_file_suffix_rules():
    assert chart_path("/x/a", "PDF 文件 (*.pdf)").name == "a.pdf"
    assert chart_path("/x/a.PNG", "SVG 向量圖 (*.svg)").name == "a.PNG"  # a typed suffix is kept
    assert chart_path("/x/a.b", "PNG 圖片 (*.png)").name == "a.b.png"


def test_a_past_revision_can_be_exported(window, tmp_path, monkeypatch, opened):
    plan = window.session.plan
    window.model.setData(window.model.index_for_id(plan.draft.content.focus.focus_areas[0].strategies[0].id), "草稿改過的策略")
    menu = window.export_menu
    menu.version_menu.aboutToShow.emit()
    choices = menu.version_menu.actions()
    assert [a.text() for a in choices] == ["工作草稿", "109年修正版"] and choices[0].isChecked()
    choices[1].trigger()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", SaveDialog(tmp_path / "rev.docx"))
    with DialogAnswerer("關閉"):
        menu.export_word()
    headings = styled(docx.Document(str(tmp_path / "rev.docx")), "Heading 3")
    assert headings[0] == "（一）推動橋頭科學園區" and "（一）草稿改過的策略" not in headings


def test_a_slow_export_shows_progress_and_a_quick_one_does_not(window, tmp_path, monkeypatch, opened):
    seen: list[tuple[int, bool, str]] = []

    def visible_progress() -> QProgressDialog | None:
        return next((w for w in QApplication.topLevelWidgets()
                     if isinstance(w, QProgressDialog) and w.objectName() == "exportProgress" and w.isVisible()), None)

    def slow_writer(plan, revision, path, *, progress=None, options=None):
        for step in range(1, 9):
            time.sleep(0.09)
            progress(step, 8)
            dialog = visible_progress()
            seen.append((step, dialog is not None, dialog.labelText() if dialog else ""))
        Path(path).write_bytes(b"fake")
        return Path(path)

    monkeypatch.setattr(official_docx, "write_official_docx", slow_writer)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", SaveDialog(tmp_path / "slow.docx"))
    started = time.monotonic()
    with DialogAnswerer("關閉"):
        window.export_menu.export_word()
    assert time.monotonic() - started < 2.0
    # Qt shows it once half a second has passed, or earlier when the progress so far predicts more
    assert all(visible for step, visible, _label in seen if step * 0.09 > 0.5)
    assert seen[-1][2] == "正在匯出「slow.docx」…"
    assert visible_progress() is None  # closed afterwards

    seen.clear()

    def quick_writer(plan, revision, path, *, progress=None, options=None):
        for step in range(1, 9):
            progress(step, 8)
            seen.append((step, visible_progress() is not None, ""))
        Path(path).write_bytes(b"fake")

    monkeypatch.setattr(official_docx, "write_official_docx", quick_writer)
    with DialogAnswerer("關閉"):
        window.export_menu.export_word()
    assert [visible for _s, visible, _l in seen] == [False] * 8


def test_a_failed_export_says_why_in_one_sentence_and_writes_nothing(window, tmp_path, monkeypatch, opened):
    target = tmp_path / "missing-folder" / "out.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", SaveDialog(target))
    with DialogAnswerer("確定") as answers:
        assert window.export_menu.export_word() is None
    assert answers.titles == ["匯出 Word 文件"]
    assert answers.texts == ["無法匯出「out.docx」"]  # the headline, in the interface's language
    (message,) = answers.details  # the writer's one sentence below it, in the interface's language too
    assert message == "「out.docx」沒有儲存：要存放它的資料夾不存在。"
    assert not target.exists() and opened == []


def test_the_english_interface_names_the_new_menus_in_english(qtbot, tmp_path):
    app = QApplication.instance()
    assert i18n.install_translator(app, "en")
    try:
        window = make_window(qtbot, tmp_path)
        assert [a.text() for a in window.menuBar().actions()] == ["&File", "&Edit", "&View", "&Revisions", "Revie&w", "&Help"]
        assert window.menu("export").title() == "&Export"
        assert [a.text() for a in window.menu("export").actions() if a.text()] == [
            "&Word document…", "&PDF document…", "Framework &chart…", "&KPI summary table…", "Budget require&ments table…",
            "Word and PDF with a &table of contents", "Word and PDF with the summary tables &appended", "Export &version"]
        assert window.summary_exports.toc_action.statusTip() == "Put a table of contents after the title of the Word and PDF documents"
        assert window.summary_exports.appendix_action.statusTip() == \
            "Append the KPI summary and budget requirements tables to the Word and PDF documents"
        assert [a.text() for a in window.menu("revisions").actions()] == ["&Manage revisions…", "&Compare…", "&View a past revision"]
        assert window.chart_dock.windowTitle() == "Framework chart preview"
        assert window.revisions.comparison_dock.windowTitle() == "Comparison"
        # strings of the comparison view, filed by lupdate under the empty context, are found too
        assert window.revisions.comparison.export_table_button.text() == "Export comparison table…"
        assert window.revisions.comparison.filter_buttons["all"].text() == "All (0)"
        assert export_menu.chart_filters()[1] == "PNG image (*.png)"
        discard_on_close(window)
    finally:
        i18n.install_translator(app, "zh_TW")
    assert QApplication.translate("export", "匯出(&E)") == "匯出(&E)"
