"""Revisions in the real main window: the comparison dock (follows the tree and leads it, notes undoable
from the Edit menu), the revisions dialog from the Revisions menu (create, then undo), a past
revision read-only, every dock re-targeted when another plan is opened, and the recovery fix."""
from __future__ import annotations

import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog

from editor.export.chart_layout import chart_data
from editor.ui.revisions.dialog import RevisionForm, RevisionsDialog
from editor.ui.session.recovery import find_recoverable
from editor.ui.session.session import EditSession
from schema.fileio import load_plan
from schema.operations import SetField
from tests.editor.ui_support import DialogAnswerer, ModalPoller, discard_on_close, ime_commit, make_window, write_plan
from tests.paths import DEMO, ROOT

KAOHSIUNG = ROOT / "samples" / "kaohsiung-108-111.plan.json"
MOVED = "fd43e8674685"  # （四）支持青農在地深耕, moved to 拚經濟 in the demo draft
RENAMED = "82e2ccce2507"  # 加速興建捷運輕軌 → 加速興建捷運及輕軌路網
MODIFIED = "581624526771"  # 轉型高階製造中心, body edited, with a note


def copy_sample(tmp_path: Path, sample: Path) -> Path:
    target = tmp_path / "plans" / sample.name
    target.parent.mkdir(exist_ok=True)
    shutil.copy(sample, target)
    return target


@pytest.fixture
def demo_window(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path, path=copy_sample(tmp_path, DEMO))
    yield window
    discard_on_close(window)


def show_comparison(qtbot, window):
    window.revisions.compare_action.trigger()
    view = window.revisions.comparison
    qtbot.waitUntil(lambda: not view.is_stale() and view.comparison is not None)
    return view


class ModalDriver(ModalPoller):
    """Runs ``steps[i](dialog)`` on the i-th modal dialog of the expected class, in order, from the event loop."""

    def __init__(self, *steps: tuple[type, Callable]):
        self.steps = list(steps)
        self.done = 0
        super().__init__()

    def _poll(self) -> None:
        dialog = QApplication.activeModalWidget()
        if self.done >= len(self.steps) or dialog is None or not dialog.isVisible():
            return
        kind, action = self.steps[self.done]
        if type(dialog) is kind:
            self.done += 1
            # Later, from the event loop: a click that opens a nested dialog must not block this poll.
            QTimer.singleShot(0, lambda: action(dialog))


def test_comparison_dock_lists_the_demo_changes_and_follows_the_tree_both_ways(qtbot, demo_window):
    window = demo_window
    assert window.revisions.comparison_dock.isHidden()
    view = show_comparison(qtbot, window)
    assert window.revisions.comparison_dock.isVisible()
    assert view.model.rowCount() == 9
    assert [view.old_combo.currentText(), view.new_combo.currentText()] == ["109年修正版", "工作草稿：110年修正草案（示範）"]
    assert view.filter_buttons["all"].text() == "全部（9）"

    # A click on a change selects its node in the tree and shows it in the detail pane.
    row = next(r for r in range(9) if view.model.visible[r].node_id == MOVED)
    rect = view.list.visualRect(view.model.index(row, 3))
    qtbot.mouseClick(view.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.tree.current_node_id() == MOVED
    assert window.detail.fields["title"].text() == "支持青農在地深耕"
    assert view.current_change().kind == "moved"

    # The tree's selection selects that node's change.
    window.tree.select_node(RENAMED)
    assert view.current_change().node_id == RENAMED
    assert view.new_text.toPlainText().startswith("標題")  # the side-by-side text of that change
    window.tree.select_node("demo110s0001")  # the added strategy
    assert view.current_change().kind == "added"


def test_a_note_written_in_the_comparison_dock_is_undone_from_the_edit_menu(qtbot, demo_window):
    window = demo_window
    view = show_comparison(qtbot, window)
    node = window.session.document.node(MODIFIED)
    original = node.note
    window.tree.select_node(MODIFIED)
    assert view.note_edit.toPlainText() == original and not view.note_edit.isReadOnly()
    view.note_edit.setFocus()
    view.note_edit.moveCursor(view.note_edit.textCursor().MoveOperation.End)
    ime_commit(view.note_edit, "並配合產業園區開發。")
    assert node.note == original + "並配合產業園區開發。"
    assert window.windowHandle().title().startswith("*")
    assert window.window_actions.undo.text() == "復原 修改推動策略的修正說明"
    assert window.detail.fields["note"].toPlainText() == node.note  # the detail pane shows the same note

    window.window_actions.undo.trigger()  # Edit ▸ Undo
    assert node.note == original
    qtbot.waitUntil(lambda: view.note_edit.toPlainText() == original)
    assert not window.windowHandle().title().startswith("*")
    window.window_actions.redo.trigger()
    assert node.note == original + "並配合產業園區開發。"


def test_revisions_menu_creates_a_revision_through_the_dialog_and_undo_takes_it_back(qtbot, demo_window):
    window = demo_window
    plan = window.session.plan
    view = show_comparison(qtbot, window)
    notes_before = {MODIFIED: window.session.document.node(MODIFIED).note}
    seen: dict[str, object] = {}

    def new_revision(dialog):
        dialog.new_button.click()

    def fill_form(form: RevisionForm):
        form.label_edit.setText("110年修正版")
        form.date_edit.setText("2021-06-30")
        form.ok_button().click()

    def look_and_close(dialog: RevisionsDialog):
        seen["labels"] = dialog.labels()
        dialog.accept()

    with ModalDriver((RevisionsDialog, new_revision), (RevisionForm, fill_form), (RevisionsDialog, look_and_close)) as driver:
        window.revisions.manage_action.trigger()
    assert driver.done == 3
    assert seen["labels"] == ["109年修正版", "110年修正版", "工作草稿"]
    assert [r.label for r in plan.revisions] == ["109年修正版", "110年修正版"]
    assert window.session.document.node(MODIFIED).note == ""  # the notes went with the revision
    assert window.windowHandle().title().startswith("*")
    assert window.window_actions.undo.text() == "復原 建立修正版「110年修正版」"
    qtbot.waitUntil(lambda: [view.old_combo.itemText(i) for i in range(view.old_combo.count())]
                    == ["109年修正版", "110年修正版（民國110年6月30日）", "工作草稿"])

    window.window_actions.undo.trigger()
    assert [r.label for r in plan.revisions] == ["109年修正版"]
    assert plan.draft.label == "110年修正草案（示範）"
    assert window.session.document.node(MODIFIED).note == notes_before[MODIFIED]
    assert not window.windowHandle().title().startswith("*")
    qtbot.waitUntil(lambda: view.old_combo.count() == 2 and view.model.rowCount() == 9)


def test_a_past_revision_is_shown_read_only(qtbot, demo_window):
    window = demo_window
    window.tree.select_node(RENAMED)
    menu = window.revisions.view_menu
    menu.aboutToShow.emit()
    assert [a.text() for a in menu.actions()] == ["109年修正版"]
    menu.actions()[0].trigger()
    (viewer,) = window.revisions.viewers
    qtbot.waitExposed(viewer)
    assert viewer.isWindow() and viewer.windowTitle() == "109年修正版（唯讀）"
    assert viewer.banner.text() == "唯讀　109年修正版：過去的修正版不能修改，修改請在工作草稿中進行。"
    outline = viewer.outline()
    assert "（一）加速興建捷運輕軌" in outline and not any("加速興建捷運及輕軌路網" in row for row in outline)
    assert not any("推動智慧防災韌性城市" in row for row in outline)  # added only in the draft
    assert "加速興建捷運輕軌" in viewer.text.toPlainText()  # opened on the tree's current node, as it was
    assert viewer.text.isReadOnly() and viewer.tree.editTriggers() == viewer.tree.EditTrigger.NoEditTriggers
    before = load_plan(DEMO).revisions[0].content.model_dump()
    assert window.session.plan.revisions[0].content.model_dump() == before

    # Opening another plan closes the viewers of this one.
    with DialogAnswerer():
        assert window.open_file(str(copy_sample(window.journal_dir.parent, KAOHSIUNG)))
    assert window.revisions.viewers == []


def test_opening_another_plan_retargets_every_dock(qtbot, demo_window):
    window = demo_window
    view = show_comparison(qtbot, window)
    window.chart_dock.show()
    preview = window.chart_preview
    qtbot.waitUntil(lambda: preview.chart_layout() is not None and not preview.is_stale())
    old_document = window.session.document
    assert "推動智慧防災韌性城市" in preview.chart_layout().data.labels()

    assert window.open_file(str(copy_sample(window.journal_dir.parent, KAOHSIUNG)))
    plan = window.session.plan
    assert old_document.listeners == []  # nothing keeps watching the closed plan
    qtbot.waitUntil(lambda: not view.is_stale() and not preview.is_stale())
    assert [view.old_combo.itemText(i) for i in range(view.old_combo.count())] == ["109年修正版", "工作草稿"]
    assert view.model.rowCount() == 0 and view.empty_label.text() == "兩個版本沒有差異"
    assert preview.chart_layout().data.labels() == chart_data(plan).labels()
    qtbot.waitUntil(lambda: len(window.checks.findings()) == 5)
    assert window.check_marks.mark_of("822431d190e8") == "warning"
    assert window.export_menu.revision() is plan.draft


def test_declining_a_restored_plan_at_the_lock_warning_keeps_its_edits(qtbot, tmp_path):
    plan_path = write_plan(tmp_path / "plans" / "small.plan.json")
    crashed = EditSession.open(plan_path, journal_dir=tmp_path / "recovery")
    crashed.apply(SetField("s1", "title", "還原後的標題"))
    crashed._journal.close(delete=False)  # as a killed editor leaves it
    crashed._journal = None
    other = EditSession.open(plan_path, journal_dir=tmp_path / "other-recovery")
    assert other.acquire_lock() is None  # the plan is open in another editor
    window = make_window(qtbot, tmp_path)
    with DialogAnswerer("還原", "不開啟") as answers:
        assert window.offer_recovery() is False
    assert answers.titles == ["還原未儲存的編輯", "計畫已在別處開啟"]
    (left,) = find_recoverable(tmp_path / "recovery")  # the restored edit is still on disk
    assert left.edit_count == 1 and left.plan_path == plan_path
    assert window.session.path is None

    other.close()
    with DialogAnswerer("還原"):
        assert window.offer_recovery() is True
    assert window.session.document.node("s1").title == "還原後的標題"
    assert window.tree.index_for_id("s1").data() == "（一）還原後的標題"
    discard_on_close(window)


def test_the_comparison_dock_exports_the_amendment_table_and_tracked_document(qtbot, demo_window, tmp_path, monkeypatch):
    window = demo_window
    view = show_comparison(qtbot, window)
    targets = iter([tmp_path / "對照表.docx", tmp_path / "追蹤.docx"])
    captions: list[str] = []

    def save_dialog(parent, caption, directory, filters, *args):
        captions.append(caption)
        return str(next(targets)), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    with DialogAnswerer("關閉", "關閉") as answers:
        qtbot.mouseClick(view.export_table_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(view.export_tracked_button, Qt.MouseButton.LeftButton)
    assert captions == ["匯出修正對照表", "匯出修訂追蹤文件"]
    assert answers.texts == ["已儲存「對照表.docx」。", "已儲存「追蹤.docx」。"]
    assert len(docx.Document(str(tmp_path / "對照表.docx")).tables[0].rows) == 10  # the header and the 9 changes
    assert b"w:ins " in zipfile.ZipFile(tmp_path / "追蹤.docx").read("word/document.xml")
