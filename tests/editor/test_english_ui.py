"""The English interface is complete: after English is chosen in the preferences and the editor starts
again, no menu, action, dock, button or label of the window shows Chinese, except the plan's own
content (titles, texts, numbers, version labels), which stays as it was written. The Chinese default
shows the same places in Chinese.

The check works on what a person sees: every text of the chrome, with the plan's content cut out,
must hold no CJK character (Han, CJK or full-width punctuation such as （）「」：).
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDockWidget,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTableWidget,
)

from editor.ui import i18n
from editor.ui.app import create_application
from editor.ui.main_window import MainWindow
from editor.ui.preferences import PreferencesDialog
from editor.ui.revisions.dialog import RevisionForm, RevisionsDialog
from editor.ui.session.session import EditSession
from schema.checks import run_checks
from schema.numbering import all_numbers
from schema.tree import walk
from tests.editor.ui_support import discard_on_close, tooltip_shown
from tests.paths import DEMO

CJK = re.compile("[\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
                 "\ufe30-\ufe4f\uff00-\uffef]")
TEXT_FIELDS = ("title", "text", "chart_label", "body", "note")
# A revision's label is written in Chinese whatever the interface (it prints on the Chinese documents),
# so the form's example of one is a label too.
EXAMPLE_LABELS = ("110年修正版",)


def content_strings(plan) -> list[str]:
    """Everything in the plan that people wrote (or the numbering derives), longest first."""
    found = {plan.title, plan.organisation, plan.full_title(plan.draft), *EXAMPLE_LABELS}
    for revision in [*plan.revisions, plan.draft]:
        found |= {revision.label, revision.date, revision.author, revision.note, plan.full_title(revision)}
        found |= set(all_numbers(revision.content).values())
        for node, _parent in walk(revision.content):
            for field in TEXT_FIELDS:
                value = getattr(node, field, "") or ""
                found.add(value)
                found |= set(value.split("\n"))
            found |= set(getattr(node, "lead_agencies", []) or []) | set(getattr(node, "supporting_agencies", []) or [])
            for kpi in getattr(node, "kpis", []) or []:
                found |= {kpi.name, kpi.measurement, kpi.unit}
    return sorted((s for s in found if s), key=len, reverse=True)


def chrome_of(text: str, content: list[str]) -> str:
    """``text`` with the plan's content cut out (shortened content ends in …, as lists show it)."""
    for piece in content:
        if piece in text:
            text = text.replace(piece, "")
    # a shortened title: its first 40 or 60 characters and an ellipsis
    for piece in content:
        for limit in (60, 40, 12):
            if len(piece) > limit and piece[:limit] in text:
                text = text.replace(piece[:limit], "")
    return text


def chinese_in(texts: dict[str, str], content: list[str]) -> dict[str, str]:
    """The texts (by where they are) whose chrome still shows CJK characters."""
    return {where: text for where, text in texts.items() if CJK.search(chrome_of(text, content))}


def menu_texts(menu: QMenu, path: str, out: dict[str, str]) -> None:
    menu.aboutToShow.emit()  # the dynamic menus (recent files, versions) fill themselves here
    out[path] = menu.title()
    for action in menu.actions():
        if action.isSeparator():
            continue
        where = f"{path} ▸ {action.text()}"
        out[where] = action.text()
        out[where + " (tip)"] = action.toolTip()
        out[where + " (status)"] = action.statusTip()
        if action.menu() is not None:
            menu_texts(action.menu(), where, out)


def widget_texts(root, name: str) -> dict[str, str]:
    """Every label, button, placeholder, tooltip, combo item and table header inside ``root``."""
    out: dict[str, str] = {}
    widgets = [root, *root.findChildren(QLabel), *root.findChildren(QAbstractButton), *root.findChildren(QLineEdit),
               *root.findChildren(QPlainTextEdit), *root.findChildren(QComboBox), *root.findChildren(QTableWidget)]
    for i, widget in enumerate(widgets):
        where = f"{name}/{type(widget).__name__}#{widget.objectName() or i}"
        out[where + " tip"] = widget.toolTip()
        if isinstance(widget, (QLabel, QAbstractButton)):
            out[where] = widget.text()
        if isinstance(widget, (QLineEdit, QPlainTextEdit)):
            out[where + " placeholder"] = widget.placeholderText()
        if isinstance(widget, QComboBox):
            for row in range(widget.count()):
                out[f"{where} item {row}"] = widget.itemText(row)
        if isinstance(widget, QTableWidget):
            for column in range(widget.columnCount()):
                item = widget.horizontalHeaderItem(column)
                out[f"{where} header {column}"] = item.text() if item else ""
    return out


@pytest.fixture
def english(qtbot, isolated_settings):
    """The editor as it starts after English was chosen in the preferences: create_application reads
    the stored choice (in a temporary QSettings) and installs the translator."""
    app = QApplication.instance()
    names = (QCoreApplication.organizationName(), QCoreApplication.applicationName(), app.applicationDisplayName())
    create_application()  # the first start, in Chinese
    dialog = PreferencesDialog(QSettings())
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.accept()
    create_application()  # the restart
    assert i18n.active_language() == "en"
    families = app.font().families()  # the platform's face first, the CJK one for the plan's Chinese
    assert families[0] != "Noto Sans CJK TC" and families[-1] == "Noto Sans CJK TC"
    yield app
    i18n.install_translator(app, "zh_TW")
    QCoreApplication.setOrganizationName(names[0])
    QCoreApplication.setApplicationName(names[1])
    app.setApplicationDisplayName(names[2])


def open_demo(qtbot, tmp_path) -> MainWindow:
    path = tmp_path / "plans" / DEMO.name
    path.parent.mkdir()
    shutil.copy(DEMO, path)
    session = EditSession.open(path, journal_dir=tmp_path / "recovery")
    session.acquire_lock()
    window = MainWindow(session, settings=QSettings(), journal_dir=tmp_path / "recovery")
    qtbot.addWidget(window, before_close_func=lambda w: setattr(w, "maybe_save", lambda: True))
    window.resize(1600, 1000)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(window.docks_built)  # right after the first paint
    return window


def strategy_id(window, title: str) -> str:
    return next(n.id for n, _p in walk(window.session.document.content) if getattr(n, "title", None) == title)


def test_the_english_window_shows_no_chinese_outside_the_plan(qtbot, tmp_path, english):
    window = open_demo(qtbot, tmp_path)
    plan = window.session.plan
    content = content_strings(plan)
    texts: dict[str, str] = {"window title": window.windowTitle()}
    for action in window.menuBar().actions():
        menu_texts(action.menu(), action.text(), texts)
    for action in window.toolbar.actions():
        texts[f"toolbar {action.text()} (tip)"] = action.toolTip()
    texts["toolbar"] = window.toolbar.windowTitle()
    for dock in window.findChildren(QDockWidget):
        texts[f"dock {dock.objectName()}"] = dock.windowTitle()
    texts["undo history empty"] = window.undo_view.emptyLabel()
    texts.update(widget_texts(window.find_bar, "find"))

    # the detail pane on a strategy (every field shows), and on each kind of node
    window.tree.select_node(strategy_id(window, "轉型高階製造中心"))
    texts.update(widget_texts(window.detail, "detail"))
    assert window.detail.heading.text() == "Strategy: （四）轉型高階製造中心"
    headings = {}
    for node, _parent in walk(window.session.document.content):
        window.tree.select_node(node.id)
        headings.setdefault(node.kind, window.detail.heading.text())
    texts.update({f"heading of a {kind}": text for kind, text in headings.items()})
    assert headings["preface"] == "Preface: 理念"
    assert headings["goal"] == "Goal: 產業轉型優先"
    assert headings["focus_area"] == "Focus area: 一、拚經濟"

    # the comparison dock: its list, each change's two texts, the filters
    window.revisions.compare()
    view = window.revisions.comparison
    qtbot.waitUntil(lambda: not view.is_stale() and view.model.rowCount() == 9)
    texts.update(widget_texts(view, "comparison"))
    model = view.model
    for column in range(model.columnCount()):
        texts[f"comparison column {column}"] = model.headerData(column, Qt.Orientation.Horizontal)
    for row in range(model.rowCount()):
        view.list.setCurrentIndex(model.index(row, 0))
        for column in (0, 1):
            texts[f"comparison row {row} column {column}"] = model.index(row, column).data()
        texts[f"change {row} heading"] = view.heading.text()
        texts[f"change {row} place"] = view.place.text()
        texts[f"change {row} old"] = view.old_text.toPlainText()
        texts[f"change {row} new"] = view.new_text.toPlainText()
        texts[f"change {row} note label"] = view.note_label.text()
    assert {kind: button.text() for kind, button in view.filter_buttons.items()} == {
        "all": "All (9)", "added": "+ Added (1)", "removed": "\u2212 Removed (1)", "modified": "✎ Modified (5)",
        "moved": "⇅ Moved (2)",
    }
    kinds = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert set(kinds) == {"+ Added", "⇅ Moved", "✎ Modified", "\u2212 Removed"}
    assert {model.index(row, 1).data() for row in range(model.rowCount())} == {"Strategy", "Action"}
    moved = next(row for row in range(model.rowCount()) if model.index(row, 3).data() == "支持青農在地深耕")
    view.list.setCurrentIndex(model.index(moved, 0))
    assert view.heading.text().endswith("⇅ Moved</b> · Strategy · 二、（六）→一、（六） 支持青農在地深耕")  # from where to where
    assert view.place.text() == "From: 二、衝就業 （六）  →  To: 一、拚經濟 （六）"
    assert view.old_text.toPlainText().startswith("Position\n二、衝就業 （六）\nTitle\n支持青農在地深耕\nBody\n")
    assert view.old_caption.text() == "Current: 109年修正版"
    assert view.new_caption.text() == "Amended: Working draft: 110年修正草案（示範）"

    # the read-only viewer of the past revision
    viewer = window.revisions.view_revision("109年修正版")
    texts.update(widget_texts(viewer, "viewer"))
    viewer.select_node(strategy_id(window, "建構農漁高雄隊"))
    texts["viewer text"] = viewer.text.toPlainText()
    assert viewer.windowTitle() == "109年修正版 (read-only)"
    assert viewer.banner.text() == "Read-only: 109年修正版. A past revision cannot be changed; make changes in the working draft."
    assert "\nStrategy\n" in viewer.text.toPlainText() and "\nActions\n1." in viewer.text.toPlainText()

    # the revisions dialog and its two forms
    session = window.session
    dialog = RevisionsDialog(session, parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    texts.update(widget_texts(dialog, "revisions"))
    for row in range(dialog.table.rowCount()):
        texts[f"revisions row {row}"] = dialog.table.item(row, 0).text()
    assert dialog.windowTitle() == "Revisions"
    assert [dialog.table.horizontalHeaderItem(c).text() for c in range(5)] == ["Version", "Date", "Author", "Note", "Items"]
    assert dialog.labels() == ["109年修正版", "Working draft: 110年修正草案（示範）"]
    for form in (RevisionForm(plan, window), RevisionForm(plan, window, rename="109年修正版")):
        qtbot.addWidget(form)
        texts.update(widget_texts(form, f"form {form.windowTitle()}"))
    form = RevisionForm(plan, window)
    qtbot.addWidget(form)
    form.label_edit.setText("109年修正版")
    assert form.problem.text() == 'A version named "109年修正版" already exists; choose another name.'

    # the checks dock: its groups in English, the findings from run_checks(lang="en")
    qtbot.waitUntil(lambda: len(window.checks.findings()) == 2)
    expected = [f.message for f in run_checks(session.document.content, plan.period, lang="en")]
    assert [f.message for f in window.checks.findings()] == expected
    assert expected[0].startswith("The chart label ")
    pane = window.checks
    texts["checks group"] = pane.model.index(0, 0).data()
    texts["checks headers"] = " ".join(pane.model.headerData(c, Qt.Orientation.Horizontal) for c in (0, 1))
    assert pane.model.index(0, 0).data() == "Info (2)"

    assert chinese_in(texts, content) == {}
    assert [a.text() for a in window.menuBar().actions()] == ["&File", "&Edit", "&View", "&Revisions", "Revie&w", "&Help"]
    assert window.menu("export").title() == "&Export"
    assert [a.text() for a in window.menu("revisions").actions()] == ["&Manage revisions…", "&Compare…", "&View a past revision"]
    assert [d.windowTitle() for d in (window.undo_dock, window.chart_dock, window.checks_dock, window.revisions.comparison_dock)] \
        == ["Undo history", "Framework chart preview", "Checks", "Comparison"]
    assert window.windowTitle() == "[*]kaohsiung-108-111-demo.plan.json — 高雄市政府108至111年度中程施政計畫理念 — Mid-term Plan Editor"
    discard_on_close(window)


def test_english_undo_names_the_kind_of_item(qtbot, tmp_path, english):
    window = open_demo(qtbot, tmp_path)
    assert window.window_actions.undo.text() == "Undo"
    sid = strategy_id(window, "轉型高階製造中心")
    window.model.setData(window.model.index_for_id(sid), "轉型智慧製造中心")
    assert window.window_actions.undo.text() == "Undo Rename strategy"
    window.tree.select_node(sid)
    window.detail.fields["note"].setPlainText("說明")
    assert window.window_actions.undo.text() == "Undo Edit strategy revision note"
    window.window_actions.undo.trigger()
    assert window.window_actions.redo.text() == "Redo Edit strategy revision note"
    discard_on_close(window)


def test_english_status_counts_copied_items_and_the_tooltip_punctuation(qtbot, tmp_path, english):
    window = open_demo(qtbot, tmp_path)
    first, second = strategy_id(window, "轉型高階製造中心"), strategy_id(window, "推動橋頭科學園區")
    window.tree.select_node(first)
    window.tree_editor.copy()
    assert window.statusBar().currentMessage() == "1 item copied"
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    window.tree.selectionModel().select(window.tree.index_for_id(second), flags)
    window.tree_editor.copy()
    assert window.statusBar().currentMessage() == "2 items copied"
    tooltip = tooltip_shown(window.tree, first)
    assert tooltip == "Strategy: 轉型高階製造中心"  # a colon and a space, not the full-width ：
    discard_on_close(window)


def test_the_chinese_default_shows_the_same_places_in_chinese(qtbot, tmp_path, isolated_settings):
    assert i18n.active_language() == "zh_TW"
    window = open_demo(qtbot, tmp_path)
    assert [a.text() for a in window.menuBar().actions()] == ["檔案(&F)", "編輯(&E)", "檢視(&V)", "修正版(&R)", "審閱(&W)", "說明(&H)"]
    assert window.menu("export").title() == "匯出(&E)"
    assert [a.text() for a in window.menu("revisions").actions()] == ["管理修正版(&M)…", "比較版本(&C)…", "檢視過去的修正版(&V)"]
    assert window.checks_dock.windowTitle() == "檢核結果"
    window.tree.select_node(strategy_id(window, "轉型高階製造中心"))
    assert window.detail.heading.text() == "推動策略　（四）轉型高階製造中心"
    window.revisions.compare()
    view = window.revisions.comparison
    qtbot.waitUntil(lambda: not view.is_stale() and view.model.rowCount() == 9)
    assert view.filter_buttons["all"].text() == "全部（9）"
    assert view.new_caption.text() == "修正：工作草稿：110年修正草案（示範）"
    assert {view.model.index(row, 1).data() for row in range(9)} == {"推動策略", "具體作法"}
    qtbot.waitUntil(lambda: len(window.checks.findings()) == 2)
    assert window.checks.model.index(0, 0).data() == "提示（2）"
    assert window.checks.findings()[0].message.startswith("架構圖標籤")
    discard_on_close(window)


def test_fill_puts_each_value_in_its_place_once():
    assert i18n.fill("將「%1」改名為「%2」", "%2", "新") == "將「%2」改名為「新」"
    assert i18n.fill("%1 (%2)", "All", 9) == "All (9)"
    assert i18n.fill("%1%3", "a") == "a%3"


# Chinese literals in editor/ui that are not interface strings, each with its reason.
NOT_INTERFACE = {
    ("files/amendment_export", "未命名版本"), ("files/amendment_export", "修正對照表（"), ("files/amendment_export", "）"),
    ("files/amendment_export", "（"), ("files/amendment_export", "）修訂追蹤"),  # file names of Chinese documents
    ("comparison/change_list", "（"),  # recognises the sub-action numbering （1）
    ("comparison/change_render", "%1\u3000%2"),  # the default join; the view passes its translated one
    ("checks/pane", "錯誤"), ("checks/pane", "警告"), ("checks/pane", "提示"), ("checks/pane", "{name}（{count}）"),
    ("checks/pane", "沒有發現問題"), ("checks/pane", "（無標題）"),  # its Chinese table, chosen with lang=
    ("fonts", "微軟正黑體"), ("fonts", "思源黑體"),  # font family names
    ("i18n", "繁體中文"),  # each language is offered in its own name
    ("session/session", "未命名計畫"),  # the title a new plan starts with: content, saved in the file
}


def test_every_chinese_literal_of_the_interface_is_in_the_translations():
    """No f-string, concatenation or helper hides an interface string from lupdate."""
    import ast
    import xml.etree.ElementTree as ET

    root = ET.parse(Path(i18n.__file__).with_name("translations") / "plan_editor_en.ts").getroot()
    known = {m.findtext("source") for m in root.iter("message")}
    assert all(c.findtext("name") for c in root.iter("context"))  # every string has its own context
    hidden = set()
    for path in sorted(Path(i18n.__file__).parent.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                      if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef)) and node.body
                      and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
        for node in ast.walk(tree):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
                    and CJK.search(node.value) and node.value not in known):
                hidden.add((path.relative_to(Path(i18n.__file__).parent).with_suffix("").as_posix(), node.value))
    assert hidden - NOT_INTERFACE == set()


def test_english_uses_straight_quotes_that_the_chinese_ui_font_draws_narrow():
    """The interface font is a CJK face, which draws “ ” ’ full width ("draft’ s"): English uses " and '."""
    import xml.etree.ElementTree as ET

    root = ET.parse(Path(i18n.__file__).with_name("translations") / "plan_editor_en.ts").getroot()
    curly = [m.findtext("translation") for m in root.iter("message") if re.search("[“”‘’]", m.findtext("translation"))]
    assert curly == []
