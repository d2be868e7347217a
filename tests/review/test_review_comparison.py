"""The comparison dock leads to Review mode: its change list's context menu (go to, accept, reject,
審閱檢視, exports) driven by keys, its 審閱檢視 button, and the two amendment exports from Review mode,
which start in (and remember) the last export folder."""
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QMessageBox

from editor.ui.files.export_menu import FOLDER_KEY
from schema.fileio import load_plan, save_plan
from tests.editor.ui_support import make_window
from tests.paths import DEMO

METRO = "82e2ccce2507"  # 加速興建捷運及輕軌路網: its title changed in the 110 draft
CHANGED_BODY = "581624526771"


def key(qtbot, k, modifier=Qt.KeyboardModifier.NoModifier):
    QTest.keyClick(QApplication.focusWidget(), k, modifier)
    qtbot.wait(20)


def open_demo(qtbot, tmp_path):
    path = tmp_path / "demo.plan.json"
    save_plan(load_plan(DEMO), path)
    return make_window(qtbot, tmp_path, path=path)


def comparison_at(qtbot, window, node_id):
    window.tree.select_node(node_id)
    window.revisions.compare()
    view = window.revisions.comparison
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.list)
    assert view.current_change().node_id == node_id
    return view


def menu_key(qtbot, view, access_key):
    """Open the change list's context menu with Shift+F10 and press ``access_key`` in it (the Menu key is the
    window system's way, tested under X11 in test_review_x11.py: QTest's key events do not make context-menu events)."""
    seen = []

    def answer(tries=100):
        menu = QApplication.activePopupWidget()
        if isinstance(menu, QMenu):
            seen.append([a.text() for a in menu.actions() if not a.isSeparator()])
            QTest.keyClick(menu, access_key)
        elif tries:
            QTimer.singleShot(20, lambda: answer(tries - 1))

    QTimer.singleShot(50, answer)
    key(qtbot, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: view.context_menu is None and bool(seen))
    return seen[0]


def test_reject_from_the_change_list_puts_the_revision_back_and_undo_brings_the_draft_back(qtbot, tmp_path):
    window = open_demo(qtbot, tmp_path)
    draft_title = window.session.document.node(METRO).title
    base_title = next(s for a in window.session.plan.revisions[-1].content.focus.focus_areas for s in a.strategies if s.id == METRO).title
    view = comparison_at(qtbot, window, METRO)
    texts = menu_key(qtbot, view, Qt.Key.Key_R)
    assert texts == ["到此項目(&G)", "接受：保留此修正(&A)", "拒絕：還原為舊版(&R)", "在審閱檢視中查看(&V)", "匯出修正對照表(&T)…", "匯出追蹤修訂文件(&K)…"]
    assert window.session.document.node(METRO).title == base_title
    assert window.session.undo_stack.undoText() == "拒絕修正"
    window.session.undo_stack.undo()
    assert window.session.document.node(METRO).title == draft_title


def test_accept_from_the_change_list_keeps_the_draft_and_takes_the_change_off_the_list(qtbot, tmp_path):
    window = open_demo(qtbot, tmp_path)
    body = window.session.document.node(CHANGED_BODY).body
    view = comparison_at(qtbot, window, CHANGED_BODY)
    rows = view.model.rowCount()
    menu_key(qtbot, view, Qt.Key.Key_A)
    assert view.model.rowCount() == rows - 1
    assert CHANGED_BODY not in [c.node_id for c in view.model.visible]
    assert window.session.document.node(CHANGED_BODY).body == body and not window.isWindowModified()
    assert view.filter_buttons["all"].text().endswith(str(rows - 1)) or str(rows - 1) in view.filter_buttons["all"].text()


def test_the_review_markup_from_the_change_list_and_from_its_button(qtbot, tmp_path):
    window = open_demo(qtbot, tmp_path)
    view = comparison_at(qtbot, window, METRO)
    menu_key(qtbot, view, Qt.Key.Key_V)
    review = window.review.view
    qtbot.waitUntil(lambda: window.review.dock.isVisible())
    assert review.source.currentData() == window.session.plan.revisions[-1].id
    assert review.current_item().node_id == METRO
    assert review.position.text().startswith("第 ") and window.session.document.node(METRO).title in review.position.text()
    assert view.review_button.isEnabled()
    view.set_versions(window.session.plan.draft.id, window.session.plan.revisions[-1].id)  # draft → revision: nothing to decide
    view.update_now()
    assert not view.review_button.isEnabled()


def test_review_mode_exports_both_documents_in_the_last_export_folder_and_remembers_the_one_chosen(qtbot, tmp_path, monkeypatch):
    window = open_demo(qtbot, tmp_path)
    first = tmp_path / "exports"
    first.mkdir()
    window.settings.setValue(FOLDER_KEY, str(first))
    suggested = []
    other = tmp_path / "elsewhere"
    other.mkdir()

    def save(_parent, _title, path, _filter):
        suggested.append(Path(path))
        return str(other / Path(path).name), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)

    def close_box(tries=500):
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            QTest.keyClick(box, Qt.Key.Key_Escape)
        elif tries:
            QTimer.singleShot(20, lambda: close_box(tries - 1))

    window.review.show_draft()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.review.view.text)
    for access_key in (Qt.Key.Key_T, Qt.Key.Key_K):  # 審閱(&W) ▸ 匯出修正對照表(&T)… / 匯出追蹤修訂文件(&K)…
        QTimer.singleShot(100, close_box)
        window.activateWindow()  # back from the message box, in the marked-up text
        window.review.view.text.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is window.review.view.text)
        key(qtbot, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
        before = len(suggested)
        QTest.keyClick(QApplication.activePopupWidget(), access_key)  # the save question is answered inside
        qtbot.waitUntil(lambda n=before: len(suggested) > n and QApplication.activeModalWidget() is None, timeout=20000)
    label = window.session.plan.revisions[-1].label
    assert [p.parent for p in suggested] == [first, other]  # the second starts where the first was saved
    assert suggested[0].name == f"{window.session.plan.title}修正對照表（{label}→{window.session.plan.draft.label}）.docx"
    assert sorted(p.name for p in other.iterdir()) == sorted(p.name for p in suggested)
    assert window.settings.value(FOLDER_KEY) == str(other)
