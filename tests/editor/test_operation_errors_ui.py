"""A refused edit, a refused paste, a file the system will not write and a chart that cannot be drawn
are each one sentence in the interface's language — never the exception's English text (which stays
the command line's). A scan of the sources keeps it so: every OperationError raised has a code with a
phrase, and no exception's text reaches a message box, the status bar or a label."""
from __future__ import annotations

import ast
import errno
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import QApplication

from editor.export.fonts import NoChineseFontError
from editor.ui import chart_preview
from editor.ui.files.file_errors import file_error_text, write_error_text
from editor.ui.session.operation_errors import CODES, operation_error_text
from schema.document import Document
from schema.fileio import PlanFileError
from schema.operations import Move, OperationError, SetRevisionLabel
from tests.editor.test_chinese_messages import assert_chinese
from tests.editor.test_english_ui import english, open_demo, strategy_id  # noqa: F401 - english is a fixture
from tests.editor.ui_support import discard_on_close, make_window, small_plan
from tests.paths import ROOT


def _raised_codes(path: Path) -> list[tuple[str, int, str | None]]:
    """(file, line, code) of every OperationError(...) built in a file; code None when it has none."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "OperationError":
            code = node.args[1] if len(node.args) > 1 else next((k.value for k in node.keywords if k.arg == "code"), None)
            found.append((path.name, node.lineno, code.value if isinstance(code, ast.Constant) else None))
    return found


def test_every_operation_error_raised_has_a_code_with_a_phrase():
    raised = [hit for folder in ("schema", "editor") for path in sorted((ROOT / folder).rglob("*.py"))
              for hit in _raised_codes(path)]
    assert len(raised) >= 45
    assert [hit for hit in raised if hit[2] not in CODES] == []
    assert {code for _f, _l, code in raised} == set(CODES)  # and no phrase is left without its error


# An exception's own text put where people read it: str(exc), f"{exc}", exc.args[0], exc.strerror.
_EXCEPTION_TEXT = re.compile(r"str\((exc|error|err|e)\)|\{(exc|error|err|e)\}|\b(exc|error|err)\.args\[0\]|\.strerror\b")
# Where it is still written, and why it never reaches the window as it is.
_ALLOWED = {
    "session/journal_keeping.py",  # the journal's English sentences (the CLI's); the window says journal_error_text
    "session/journal_writer.py",
    "session/journal_scan.py",
    "session/journal_replay.py",
    "session/journal_format.py",
    "session/recovery.py",
    "tree/editing.py",  # PasteRefusedError: its text is already a translated sentence (clipboard.py)
    "files/merge_copy.py",  # MergeRefusedError: likewise (merge_copy.prepare)
}


def test_no_exception_text_reaches_the_window():
    ui = ROOT / "editor" / "ui"
    offenders = [f"{path.relative_to(ui)}:{number}: {line.strip()}"
                 for path in sorted(ui.rglob("*.py")) if str(path.relative_to(ui)) not in _ALLOWED
                 for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                 if _EXCEPTION_TEXT.search(line.split("#")[0]) and "last resort" not in line]
    assert offenders == []


def test_each_refusal_of_the_document_has_its_chinese_sentence():
    document = Document.of_plan(small_plan())
    cases = [
        (Move("s2", "s1", 0), "推動策略之下不能放推動策略"),
        (Move("fs", "s1", 0), "「施政重點與發展策略」是固定的章節，不能移動"),
        (Move("fa1", "s1", 0), "「拚經濟」不能移到自己的下層"),
        (Move("zz", "s1", 0), "這個項目已經不在計畫中，所以沒有修改"),
        (Move("s2", "fa1", 9), "項目要放的位置已經不存在，所以沒有修改"),
        (SetRevisionLabel("nope", "x"), "這個修正版已經不在計畫中"),
    ]
    said = []
    for op, _text in cases:
        with pytest.raises(OperationError) as caught:
            document.apply(op)
        said.append(operation_error_text(caught.value))
    assert said == [text for _op, text in cases]
    for text in said:
        assert_chinese(text)
    assert operation_error_text(OperationError("x", "invalid_value", kind="strategy", field="title",
                                               problem="string_too_long")) == "推動策略的標題太長，計畫檔存不下，所以沒有修改"
    assert operation_error_text(OperationError("something odd")) == "這項修改不符合計畫的規則，所以沒有套用"


def test_a_paste_of_a_line_too_long_is_one_sentence_not_a_traceback(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    mime = QMimeData()
    mime.setText("長" * 100_001)
    QApplication.clipboard().setMimeData(mime)
    window.tree.select_node("s1")
    window.activateWindow()
    window.tree.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.tree)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(20)
    assert window.statusBar().currentMessage() == "剪貼簿中有一行文字太長（一段最多 100000 字），所以沒有貼上"
    assert window.session.undo_stack.count() == 0
    discard_on_close(window)


def test_the_english_window_says_a_refused_indent_and_drop_in_english(qtbot, tmp_path, english):  # noqa: F811
    window = open_demo(qtbot, tmp_path)
    said = []
    window.statusBar().messageChanged.connect(lambda text: said.append(text) if text else None)
    second = strategy_id(window, "亞洲新灣區再啟航")
    window.tree.select_node(second)
    window.activateWindow()
    window.tree.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.tree)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.wait(20)
    assert said == ["Cannot indent: a strategy cannot go under a strategy"]
    assert operation_error_text(OperationError("x", "label_twice", label="修正一")) == \
        'The label "修正一" is used twice: each revision needs its own label'
    discard_on_close(window)


def _os_error(number: int, winerror: int | None = None) -> OSError:
    error = OSError(number, "English reason from the system")
    if winerror is not None:
        error.winerror = winerror  # type: ignore[attr-defined]  # only Windows sets it
    return error


def test_a_file_the_system_will_not_write_says_why_in_chinese():
    path = Path("/somewhere/修正對照表.docx")
    cases = [
        (errno.EACCES, None, "「修正對照表.docx」無法寫入：沒有寫入的權限。"),
        (errno.EACCES, 32, "「修正對照表.docx」無法寫入：檔案正由其他程式使用（例如在 Word 中開著），請先關閉它。"),
        (errno.ENOSPC, None, "「修正對照表.docx」無法寫入：磁碟已滿。"),
        (errno.EROFS, None, "「修正對照表.docx」無法寫入：磁碟是唯讀的。"),
        (errno.ENAMETOOLONG, None, "「修正對照表.docx」無法寫入：檔名或路徑太長。"),
        (errno.ENOENT, None, "「修正對照表.docx」無法寫入：要存放它的資料夾不存在。"),
        (errno.EISDIR, None, "「修正對照表.docx」無法寫入：這個名稱是資料夾。"),
        (errno.EBUSY, None, "「修正對照表.docx」無法寫入：檔案正由其他程式使用（例如在 Word 中開著），請先關閉它。"),
    ]
    assert [write_error_text(path, _os_error(n, w)) for n, w, _text in cases] == [text for _n, _w, text in cases]
    # only an errno not named falls back to the system's words
    assert write_error_text(path, _os_error(errno.EXDEV)) == "「修正對照表.docx」無法寫入：English reason from the system。"
    saved = PlanFileError("x", "not_saved", name="/p/計畫.plan.json", errno=errno.EROFS)
    assert file_error_text(saved) == "「計畫.plan.json」沒有儲存：磁碟是唯讀的。"
    in_word = PlanFileError("x", "not_saved", name="/p/計畫.plan.json", errno=errno.EACCES, winerror=32)
    assert file_error_text(in_word) == "「計畫.plan.json」沒有儲存：檔案正由其他程式使用（例如在 Word 中開著），請先關閉它。"


@given(number=st.sampled_from(sorted(errno.errorcode)), name=st.text(st.characters(blacklist_categories=("Cs",),
                                                                                blacklist_characters="/\x00"), min_size=1).filter(lambda n: n != "."))
def test_any_errno_is_one_sentence_naming_the_file(number, name):
    text = write_error_text(Path("/d") / name, _os_error(number))
    assert text.startswith(f"「{name}」無法寫入：") and text.endswith("。") and "\n" not in text.replace(name, "")
    reason = text[len(f"「{name}」無法寫入："):-1]
    assert reason == "English reason from the system" or not re.search(r"[A-Za-z]{2,}", reason.replace("Word", ""))


def test_a_file_the_system_will_not_write_in_english(english):  # noqa: F811
    error = _os_error(errno.ENOSPC)
    assert write_error_text(Path("/x/report.docx"), error) == '"report.docx" cannot be written: the disk is full.'


def test_the_chart_preview_says_a_missing_font_in_chinese(qtbot, tmp_path, monkeypatch):
    def no_font(*_args, **_kwargs):
        raise NoChineseFontError("no font that can show Traditional Chinese is installed")

    monkeypatch.setattr(chart_preview, "layout_chart", no_font)
    window = make_window(qtbot, tmp_path)
    window.chart_dock.show()
    preview = window.chart_preview
    qtbot.waitUntil(lambda: preview.layouts_made > 0)
    assert preview.chart_layout() is None
    assert preview.problem == ("沒有安裝可顯示繁體中文的字型，所以無法畫出架構圖：請安裝標楷體（DFKai-SB）、"
                               "AR PL UKai TW（Debian：fonts-arphic-ukai）或 Noto CJK TC（fonts-noto-cjk）。")
    discard_on_close(window)


def test_a_paste_into_a_field_that_makes_it_too_long_is_refused_in_chinese(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    window.tree.select_node("s2")
    body = window.detail.fields["body"]
    mime = QMimeData()
    mime.setText("長" * 100_001)
    QApplication.clipboard().setMimeData(mime)
    window.activateWindow()
    body.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is body)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(20)
    assert window.statusBar().currentMessage() == "推動策略的內容太長，計畫檔存不下，所以沒有修改"
    assert window.session.document.node("s2").body == "引進民間資源。"
    assert body.toPlainText() == "引進民間資源。"  # the field shows the text the plan kept
    assert window.session.undo_stack.count() == 0
    discard_on_close(window)
