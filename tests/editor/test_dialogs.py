"""The file dialogs around the window: save before closing, open errors, the lock, changes on disk,
and the recovery offer after an editor was killed."""
from __future__ import annotations

import getpass
import json
import os
import signal
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from editor.ui.session.session import EditSession
from schema.fileio import load_plan
from schema.operations import SetField
from tests.editor.ui_support import DialogAnswerer, discard_on_close, make_window, write_plan
from tests.paths import ROOT


def rename(window, node_id="s1", title="推動橋頭科學園區二期"):
    window.model.setData(window.model.index_for_id(node_id), title)


@pytest.fixture
def plan_path(tmp_path) -> Path:
    return write_plan(tmp_path / "plans" / "small.plan.json")


# --- Save / Discard / Cancel ----------------------------------------------------------------------
def test_closing_with_changes_asks_and_cancel_keeps_the_window(qtbot, tmp_path, plan_path):
    window = make_window(qtbot, tmp_path, path=plan_path)
    rename(window)
    with DialogAnswerer("取消") as answers:
        assert window.close() is False
    assert answers.texts == ["「small.plan.json」有尚未儲存的變更。要先儲存嗎？"]
    assert [b for b in answers.titles] == ["尚未儲存"]
    assert window.isVisible() and window.session.document.node("s1").title == "推動橋頭科學園區二期"
    discard_on_close(window)


def test_closing_and_saving_writes_the_file(qtbot, tmp_path, plan_path):
    window = make_window(qtbot, tmp_path, path=plan_path)
    rename(window)
    with DialogAnswerer("儲存"):
        assert window.close() is True
    assert load_plan(plan_path).draft.content.focus.focus_areas[0].strategies[0].title == "推動橋頭科學園區二期"
    assert list((tmp_path / "recovery").glob("*.journal")) == []  # a clean close leaves no journal


def test_closing_and_discarding_leaves_the_file_and_no_journal(qtbot, tmp_path, plan_path):
    before = plan_path.read_bytes()
    window = make_window(qtbot, tmp_path, path=plan_path)
    rename(window)
    with DialogAnswerer("不儲存"):
        assert window.close() is True
    assert plan_path.read_bytes() == before
    assert list((tmp_path / "recovery").glob("*.journal")) == []


def test_new_plan_asks_first_and_save_as_names_the_file(qtbot, tmp_path, monkeypatch):
    window = make_window(qtbot, tmp_path)
    rename(window)
    target = tmp_path / "out" / "新計畫"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    with DialogAnswerer("儲存") as answers:
        window.window_actions.new.trigger()
    assert answers.texts == ["「未命名」有尚未儲存的變更。要先儲存嗎？"]
    saved = target.with_name("新計畫.plan.json")
    assert load_plan(saved).draft.content.focus.focus_areas[0].strategies[0].title == "推動橋頭科學園區二期"
    assert window.session.plan.title == "未命名計畫" and window.session.path is None
    assert window.recent_files() == [str(saved)]
    assert window.windowHandle().title() == "未命名 — 未命名計畫 — 中程施政計畫編輯器"


# --- opening -------------------------------------------------------------------------------------
def test_a_broken_file_shows_the_error_and_keeps_the_current_plan(qtbot, tmp_path, plan_path):
    window = make_window(qtbot, tmp_path, path=plan_path)
    rename(window)
    broken = tmp_path / "broken.plan.json"
    broken.write_text('{"format_version": 1, "title": ', encoding="utf-8")
    with DialogAnswerer("確定") as answers:
        assert window.open_file(str(broken)) is False
    assert answers.titles == ["無法開啟檔案"]
    # a Chinese headline says what failed; the loader's one sentence (English) says why, below it
    assert answers.texts == ["無法開啟計畫檔"]
    assert answers.details == ["「broken.plan.json」的內容不完整（檔案被截斷）。"]  # the CLI's English: tests/schema
    assert window.session.path == plan_path and window.session.document.node("s1").title == "推動橋頭科學園區二期"
    assert broken.read_text(encoding="utf-8") == '{"format_version": 1, "title": '
    foreign = tmp_path / "foreign.json"
    foreign.write_text('{"hello": 1}', encoding="utf-8")
    with DialogAnswerer("確定") as answers:
        window.open_file(str(foreign))
    assert answers.texts == ["無法開啟計畫檔"]
    assert answers.details == [f"「{foreign.name}」不是計畫檔（缺少格式版本）。"]
    discard_on_close(window)


def test_opening_a_plan_open_in_another_editor_warns(qtbot, tmp_path, plan_path):
    other = EditSession.open(plan_path, journal_dir=tmp_path / "other-recovery")
    assert other.acquire_lock() is None
    window = make_window(qtbot, tmp_path)
    with DialogAnswerer("不開啟") as answers:
        assert window.open_file(str(plan_path)) is False
    assert answers.titles == ["計畫已在別處開啟"]
    assert answers.texts[0].startswith("「small.plan.json」已經由 ")
    # the person and the machine, not the program and its process id
    assert f"電腦 {socket.gethostname()} 上的使用者 {getpass.getuser()}" in answers.texts[0]
    assert str(os.getpid()) not in answers.texts[0]
    assert answers.texts[0].endswith("開啟。兩邊同時編輯時，後儲存的會覆蓋先儲存的。")
    assert window.session.path is None
    with DialogAnswerer("仍要開啟"):
        assert window.open_file(str(plan_path)) is True
    assert window.session.path == plan_path
    other.close()


# --- changed on disk ---------------------------------------------------------------------------------
def test_saving_over_a_file_changed_on_disk_asks(qtbot, tmp_path, plan_path):
    window = make_window(qtbot, tmp_path, path=plan_path)
    rename(window)
    outside = load_plan(plan_path)
    outside.title = "別人改過的計畫"
    plan_path.write_text(plan_path.read_text("utf-8").replace("測試計畫", "別人改過的計畫"), encoding="utf-8")
    with DialogAnswerer("取消") as answers:
        assert window.save() is False
    assert answers.titles == ["檔案已在磁碟上變更"]
    assert answers.texts == ["「small.plan.json」在開啟後已被其他程式修改。儲存會覆蓋那些修改。"]
    assert load_plan(plan_path).title == "別人改過的計畫"
    with DialogAnswerer("仍要覆蓋"):
        assert window.save() is True
    assert load_plan(plan_path).title == "測試計畫"
    assert window.windowHandle().title().startswith("small.plan.json — ")


def test_changed_on_disk_then_save_as(qtbot, tmp_path, plan_path, monkeypatch):
    window = make_window(qtbot, tmp_path, path=plan_path)
    rename(window)
    plan_path.write_text(plan_path.read_text("utf-8").replace("測試計畫", "別人改的"), encoding="utf-8")
    other = tmp_path / "plans" / "mine.plan.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(other), ""))
    with DialogAnswerer("另存新檔…"):
        assert window.save() is True
    assert load_plan(plan_path).title == "別人改的" and load_plan(other).title == "測試計畫"
    assert window.session.path == other


# --- recovery ------------------------------------------------------------------------------------------
CHILD = textwrap.dedent("""
    import json, sys, time
    from pathlib import Path
    from PySide6.QtCore import QSettings
    from editor.ui.app import create_application
    app = create_application()
    from editor.ui.main_window import MainWindow
    plan, journal, settings, count = sys.argv[1], Path(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    window = MainWindow(settings=QSettings(settings, QSettings.Format.IniFormat), journal_dir=journal)
    window.show()
    window.open_file(plan)
    for i in range(count):  # real edits through the window: renames, adds, moves
        if i % 3 == 0:
            window.model.setData(window.model.index_for_id("s1"), f"推動橋頭科學園區第{i}版")
        elif i % 3 == 1:
            window.tree.select_node("s2")
            window.tree_editor.add_sibling()
            window.tree.closePersistentEditor(window.tree.currentIndex())
        else:
            window.tree.select_node("s2")
            window.tree_editor.move_up()
    content = window.session.document.content.model_dump(mode="json")
    print(json.dumps({"content": content, "edits": window.session.undo_stack.count()}, ensure_ascii=False), flush=True)
    time.sleep(600)
""")


def test_after_the_editor_is_killed_all_edits_come_back(qtbot, tmp_path, plan_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(plan_path), str(tmp_path / "recovery"), str(tmp_path / "child.ini"), "7"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, cwd=str(ROOT), text=True,
    )
    try:
        line = child.stdout.readline()
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(30)
    reported = json.loads(line)
    expected, edits = reported["content"], reported["edits"]
    assert edits == 6  # 7 tries, one refused (s2 was already first): nothing happened, nothing journalled
    window = make_window(qtbot, tmp_path)
    with DialogAnswerer("還原") as answers:
        assert window.offer_recovery() is True
    assert answers.texts[0].startswith("上次編輯「small.plan.json」時程式沒有正常結束，有 6 項編輯尚未儲存（最後一次在 ")
    assert window.session.document.content.model_dump(mode="json") == expected
    assert window.session.path == plan_path and window.session.is_dirty()
    assert window.windowHandle().title().startswith("*small.plan.json — ")
    assert window.tree.index_for_id("s1").data() == "（三）推動橋頭科學園區第6版"  # s2 and a new one above it
    with DialogAnswerer("儲存"):
        window.close()
    assert load_plan(plan_path).draft.content.model_dump(mode="json") == expected
    assert list((tmp_path / "recovery").glob("*.journal")) == []


def test_recovery_can_be_discarded_or_left_for_later(qtbot, tmp_path, plan_path):
    crashed = EditSession.open(plan_path, journal_dir=tmp_path / "recovery")
    crashed.apply(SetField("s1", "title", "甲"))
    crashed._journal.close(delete=False)  # as a killed editor leaves it
    crashed._journal = None
    window = make_window(qtbot, tmp_path)
    with DialogAnswerer("稍後再說"):
        assert window.offer_recovery() is False
    assert len(list((tmp_path / "recovery").glob("*.journal"))) == 1
    with DialogAnswerer("捨棄這些編輯"):
        assert window.offer_recovery() is False
    assert list((tmp_path / "recovery").glob("*.journal")) == []
    assert window.session.path is None
