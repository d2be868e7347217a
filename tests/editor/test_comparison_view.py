"""The comparison view on the Kaohsiung sample amended through document operations."""
from __future__ import annotations

import html

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent, QTextCursor
from PySide6.QtWidgets import QApplication

from editor.ui.comparison.change_render import escape, marked_segments, render_new, render_old
from editor.ui.comparison.view import DEBOUNCE_MS, ComparisonView
from schema.document import Document
from schema.fileio import load_plan
from schema.model import Strategy
from schema.operations import Insert, Move, Remove, SetField
from schema.revisions import create_operations
from schema.textdiff import text_diff
from tests.paths import SAMPLE

BODY = "藉由「產業智慧化、數位轉型、創新應用」三大具體行動，並採「盤點需求、建立示範、成果擴散」模式，凝聚產業共識，形成數位轉型目標與需求，實現產業鏈智慧化步驟，進而轉型為亞洲高階製造中心。"
NEW_BODY = BODY.replace("凝聚產業共識", "凝聚產官學共識")


def type_text(widget, text: str) -> None:
    """Commit text as an input method does (qtbot.keyClicks cannot type Chinese)."""
    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def by_title(content, title):
    for fa in content.focus.focus_areas:
        if fa.title == title:
            return fa
        for s in fa.strategies:
            if s.title == title:
                return s
    raise KeyError(title)


@pytest.fixture
def amended():
    """The sample (revision 109年修正版 + draft) with five amendments made in the draft."""
    plan = load_plan(SAMPLE)
    content = plan.draft.content
    document = Document.of_plan(plan)
    ids = {t: by_title(content, t).id for t in ("建構農漁高雄隊", "轉型高階製造中心", "推動橋頭科學園區", "支持青農在地深耕", "拚經濟", "真安心")}
    assert by_title(content, "轉型高階製造中心").body == BODY
    new = Strategy(id="new-strategy", title="推動智慧防災韌性城市", body="整合防災資訊。", note="新增策略")
    document.apply_all([
        SetField(ids["建構農漁高雄隊"], "title", "構築農漁高雄隊"),
        SetField(ids["轉型高階製造中心"], "body", NEW_BODY),
        Remove(ids["推動橋頭科學園區"], 0),
        Move(ids["支持青農在地深耕"], ids["拚經濟"], 6),
        Insert(ids["真安心"], 4, new.model_dump(mode="json")),
    ])
    return plan, document, ids


@pytest.fixture
def view(qtbot, amended):
    plan, document, _ids = amended
    notes = []
    widget = ComparisonView(set_note=lambda node_id, text: notes.append((node_id, text)))
    widget.notes = notes
    qtbot.addWidget(widget)
    widget.set_plan(plan, document)
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: not widget.is_stale())
    return widget


def rows(view):
    model = view.model
    return [tuple(model.index(r, c).data() for c in range(model.columnCount())) for r in range(model.rowCount())]


def select_row_by_click(qtbot, view, row):
    index = view.model.index(row, 3)
    view.list.scrollTo(index)
    qtbot.mouseClick(view.list.viewport(), Qt.MouseButton.LeftButton, pos=view.list.visualRect(index).center())


def row_of(view, kind, words):
    return next(r for r, values in enumerate(rows(view)) if values[0].endswith(kind) and values[3].startswith(words))


def formatted_segments(browser, check) -> list[str]:
    """The runs of text in a QTextBrowser whose character format passes ``check`` (what the reader sees marked)."""
    doc = browser.document()
    found, block = [], doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if check(fragment.charFormat()):
                found.append(fragment.text())
            it += 1
        block = block.next()
    return found


def test_defaults_compare_the_latest_revision_with_the_working_draft(view):
    assert view.old_combo.currentText() == "109年修正版"
    assert view.new_combo.currentText() == "工作草稿"
    assert [view.old_combo.itemText(i) for i in range(view.old_combo.count())] == ["109年修正版", "工作草稿"]
    assert view.old_caption.text() == "現行：109年修正版"
    assert view.new_caption.text() == "修正：工作草稿"


def test_the_list_shows_exactly_the_amendments_with_counts_per_kind(view):
    assert rows(view) == [
        # 編號 from the focus area down (every focus area has its （五）); 所屬 the focus area for every kind
        ("− 刪除", "具體作法", "一、（一）1.", "成立「橋頭科學園區專案推動小組」，掌握各項工作期程及研商推動方案，同時促請行政院指派政務委員召開跨部會會議，透過中央與地…", "一、拚經濟"),
        ("✎ 修改", "推動策略", "一、（四）", "轉型高階製造中心", "一、拚經濟"),
        ("✎ 修改", "推動策略", "一、（五）", "構築農漁高雄隊", "一、拚經濟"),
        ("⇅ 移動", "推動策略", "二、（六）→一、（七）", "支持青農在地深耕", "二、衝就業→一、拚經濟"),
        ("+ 新增", "推動策略", "五、（五）", "推動智慧防災韌性城市", "五、真安心"),
    ]
    assert {k: b.text() for k, b in view.filter_buttons.items()} == {
        "all": "全部（5）", "added": "+ 新增（1）", "removed": "− 刪除（1）", "modified": "✎ 修改（2）", "moved": "⇅ 移動（1）",
    }


def test_the_filter_shows_one_kind_and_all_again(qtbot, view):
    qtbot.mouseClick(view.filter_buttons["modified"], Qt.MouseButton.LeftButton)
    assert [r[3] for r in rows(view)] == ["轉型高階製造中心", "構築農漁高雄隊"]
    qtbot.mouseClick(view.filter_buttons["moved"], Qt.MouseButton.LeftButton)
    assert [r[3] for r in rows(view)] == ["支持青農在地深耕"]
    assert view.current_change().kind == "moved"  # the detail follows the filtered list
    qtbot.mouseClick(view.filter_buttons["all"], Qt.MouseButton.LeftButton)
    assert len(rows(view)) == 5
    assert view.filter_buttons["all"].isChecked()


def test_a_modified_body_marks_exactly_the_changed_characters(qtbot, view):
    select_row_by_click(qtbot, view, row_of(view, "修改", "轉型高階製造中心"))
    change = view.current_change()
    assert list(change.fields) == ["body"]
    from editor.ui.comparison.change_render import render_change
    from editor.ui.i18n import field_name
    texts = {"absent_old": "", "absent_new": "", "position": "位置", "children": "所含項目"}
    old_html = render_change(change, "old", field_name, texts)
    new_html = render_change(change, "new", field_name, texts)
    assert marked_segments(old_html, "s") == ["業"]
    assert marked_segments(new_html, "u") == ["官學"]
    assert marked_segments(old_html, "u") == [] and marked_segments(new_html, "s") == []
    # What the reader sees in the panes: underlined (and green) only 官學, struck (and red) only 業.
    assert formatted_segments(view.new_text, lambda f: f.fontUnderline()) == ["官學"]
    assert formatted_segments(view.old_text, lambda f: f.fontStrikeOut()) == ["業"]
    assert formatted_segments(view.new_text, lambda f: f.foreground().color().name() == "#00703c") == ["官學"]
    assert formatted_segments(view.old_text, lambda f: f.foreground().color().name() == "#b00020") == ["業"]
    assert formatted_segments(view.new_text, lambda f: f.fontStrikeOut()) == []
    assert NEW_BODY in view.new_text.toPlainText() and BODY in view.old_text.toPlainText()
    assert view.heading.text().endswith("推動策略　一、（四）　轉型高階製造中心")


def test_a_rename_marks_the_replaced_word_and_nothing_else(qtbot, view):
    select_row_by_click(qtbot, view, row_of(view, "修改", "構築農漁高雄隊"))
    assert formatted_segments(view.old_text, lambda f: f.fontStrikeOut()) == ["建構"]
    assert formatted_segments(view.new_text, lambda f: f.fontUnderline()) == ["構築"]


def test_a_move_names_where_it_came_from(qtbot, view):
    select_row_by_click(qtbot, view, row_of(view, "移動", "支持青農在地深耕"))
    assert view.place.isVisibleTo(view)
    assert view.place.text() == "原位置：二、衝就業　（六）　→　新位置：一、拚經濟　（七）"
    assert formatted_segments(view.old_text, lambda f: f.fontStrikeOut()) == ["二、衝就業　（六）"]
    assert formatted_segments(view.new_text, lambda f: f.fontUnderline()) == ["一、拚經濟　（七）"]


def test_an_added_strategy_is_all_inserted_and_absent_from_the_old_side(qtbot, view):
    select_row_by_click(qtbot, view, row_of(view, "新增", "推動智慧防災韌性城市"))
    assert formatted_segments(view.new_text, lambda f: f.fontUnderline()) == ["推動智慧防災韌性城市", "整合防災資訊。"]
    assert view.old_text.toPlainText() == "（現行版本沒有此項目：本項為新增）"
    assert view.note_edit.toPlainText() == "新增策略"


def test_selecting_a_change_emits_the_node_id_and_a_removal_its_parent(qtbot, view, amended):
    _plan, _document, ids = amended
    with qtbot.waitSignal(view.node_selected) as blocker:
        select_row_by_click(qtbot, view, row_of(view, "修改", "構築農漁高雄隊"))
    assert blocker.args == [ids["建構農漁高雄隊"]]
    with qtbot.waitSignal(view.node_selected) as blocker:
        select_row_by_click(qtbot, view, row_of(view, "刪除", "成立"))
    assert blocker.args == [ids["推動橋頭科學園區"]]
    assert view.note_label.text() == "修正說明（刪除的理由寫在上層項目「一、（一）推動橋頭科學園區」）"


def test_following_the_tree_selects_the_change_without_a_signal(qtbot, view, amended):
    _plan, _document, ids = amended
    with qtbot.assertNotEmitted(view.node_selected):
        assert view.select_node(ids["支持青農在地深耕"])
    assert view.current_change().kind == "moved"
    assert not view.select_node(ids["拚經濟"])  # an unchanged node has no change to show


def test_writing_the_note_calls_back_and_a_refresh_keeps_what_was_typed(qtbot, view, amended):
    plan, document, ids = amended
    view.set_note = lambda node_id, text: (view.notes.append((node_id, text)), document.apply(SetField(node_id, "note", text)))
    select_row_by_click(qtbot, view, row_of(view, "修改", "轉型高階製造中心"))
    assert not view.note_edit.isReadOnly()
    type_text(view.note_edit, "增列產官學合作")
    assert view.notes == [(ids["轉型高階製造中心"], "增列產官學合作")]
    view.note_edit.moveCursor(QTextCursor.MoveOperation.End)
    type_text(view.note_edit, "。")
    assert view.notes[-1] == (ids["轉型高階製造中心"], "增列產官學合作。")
    qtbot.wait(DEBOUNCE_MS + 100)  # the document's edits refreshed the comparison
    assert not view.is_stale()
    assert view.current_change().note == "增列產官學合作。"
    assert view.note_edit.toPlainText() == "增列產官學合作。"
    assert view.note_edit.textCursor().position() == len("增列產官學合作。")


def test_the_note_is_read_only_unless_the_newer_version_is_the_draft(qtbot, view, amended):
    plan, _document, _ids = amended
    view.set_versions(plan.draft.id, plan.revisions[0].id)
    qtbot.waitUntil(lambda: not view.is_stale())
    assert view.note_edit.isReadOnly()
    assert view.note_edit.placeholderText() == "修正說明只能寫在工作草稿上：請把「修正」選為工作草稿。"
    type_text(view.note_edit, "不應寫入")
    assert view.notes == []
    # reversed: the removed action is added back, the added strategy is removed
    assert view.comparison.counts == {"added": 1, "removed": 1, "modified": 2, "moved": 1}
    assert [(r[0], r[3][:8]) for r in rows(view)] == [
        ("+ 新增", "成立「橋頭科學園"), ("✎ 修改", "轉型高階製造中心"), ("✎ 修改", "建構農漁高雄隊"),
        ("⇅ 移動", "支持青農在地深耕"), ("− 刪除", "推動智慧防災韌性"),
    ]


def test_two_identical_versions_show_a_clear_empty_state(qtbot, view, amended):
    plan, _document, _ids = amended
    view.set_versions(plan.draft.id, plan.draft.id)
    qtbot.waitUntil(lambda: not view.is_stale())
    assert view.stack.currentWidget() is view.empty_label
    assert view.empty_label.text() == "兩個版本沒有差異"
    assert view.filter_buttons["all"].text() == "全部（0）"


def test_an_unedited_draft_has_no_differences(qtbot):
    plan = load_plan(SAMPLE)
    widget = ComparisonView()
    qtbot.addWidget(widget)
    widget.set_plan(plan)
    widget.show()
    qtbot.waitUntil(lambda: not widget.is_stale())
    assert widget.empty_label.text() == "兩個版本沒有差異" and widget.stack.currentWidget() is widget.empty_label


def test_comparing_is_lazy_and_debounced(qtbot, amended):
    plan, document, ids = amended
    widget = ComparisonView()
    qtbot.addWidget(widget)
    widget.set_plan(plan, document)
    assert widget.is_stale() and widget.comparison is None  # hidden: nothing computed
    document.apply(SetField(ids["真安心"], "title", "真安心！"))
    qtbot.wait(DEBOUNCE_MS + 100)
    assert widget.comparison is None
    widget.show()
    qtbot.waitUntil(lambda: not widget.is_stale())
    assert widget.comparison.counts["modified"] == 3
    document.apply(SetField(ids["拚經濟"], "title", "拚經濟！"))  # visible: compared after the pause, not at once
    assert widget.is_stale() and widget.comparison.counts["modified"] == 3
    qtbot.waitUntil(lambda: not widget.is_stale(), timeout=DEBOUNCE_MS + 1000)
    assert widget.comparison.counts["modified"] == 4


def test_a_new_revision_appears_in_the_version_pickers(qtbot, view, amended):
    plan, document, _ids = amended
    undo = document.apply_all(create_operations(plan, "110年修正版", date="2021-06-30"))  # the view listens to the document
    assert [view.old_combo.itemText(i) for i in range(view.old_combo.count())] == ["109年修正版", "110年修正版（民國110年6月30日）", "工作草稿"]
    assert view.old_combo.currentText() == "109年修正版"  # the choice stays
    document.apply_all(undo)
    assert [view.new_combo.itemText(i) for i in range(view.new_combo.count())] == ["109年修正版", "工作草稿"]


def test_export_buttons_emit_their_requests(qtbot, view):
    with qtbot.waitSignal(view.export_table_requested):
        qtbot.mouseClick(view.export_table_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(view.export_tracked_requested):
        qtbot.mouseClick(view.export_tracked_button, Qt.MouseButton.LeftButton)
    assert view.export_table_button.text() == "匯出修正對照表…"
    assert view.export_tracked_button.text() == "匯出追蹤修訂文件…"


def test_markup_in_plan_text_is_escaped(qtbot, view, amended):
    plan, document, ids = amended
    document.apply(SetField(ids["轉型高階製造中心"], "body", NEW_BODY + "<b>A & B</b>"))
    view.update_now()
    view.select_node(ids["轉型高階製造中心"])
    assert formatted_segments(view.new_text, lambda f: f.fontUnderline()) == ["官學", "<b>A & B</b>"]
    assert escape("<b>A & B</b>") == "&lt;b&gt;A &amp; B&lt;/b&gt;"


# --- the renderer alone, on any text --------------------------------------------------------------
plan_text = st.text(alphabet=st.sampled_from(list("高雄市產業共識，。<>&\"'\n ab")), max_size=40)


@settings(max_examples=150, deadline=None)
@given(plan_text, plan_text)
def test_rendered_sides_read_back_as_the_two_texts_and_mark_only_the_edits(old, new):
    diffs = text_diff(old, new)
    old_html, new_html = render_old(diffs), render_new(diffs)

    def plain(fragment: str) -> str:
        import re
        return html.unescape(re.sub(r"<[^>]+>", "", fragment.replace("<br/>", "\n"))).replace("¶\n", "\n")

    assert plain(old_html) == old
    assert plain(new_html) == new
    assert [s.replace("¶\n", "\n") for s in marked_segments(old_html, "s")] == [t for op, t in diffs if op == -1]
    assert [s.replace("¶\n", "\n") for s in marked_segments(new_html, "u")] == [t for op, t in diffs if op == 1]


def test_programmatic_selection_never_emits_even_when_the_note_text_changes(qtbot):
    """On the demo sample every change has a note: showing one must not pass for a user's click."""
    plan = load_plan(SAMPLE.with_name("kaohsiung-108-111-demo.plan.json"))
    widget = ComparisonView(set_note=lambda node_id, text: pytest.fail("no note was typed"))
    qtbot.addWidget(widget)
    widget.set_plan(plan, Document(plan.draft.content))
    widget.show()
    with qtbot.assertNotEmitted(widget.node_selected):
        qtbot.waitUntil(lambda: not widget.is_stale())
        assert widget.note_edit.toPlainText() == "文化科技相關作法已併入「營造優良文創環境」推動，刪除原第3項作法。"
        assert widget.select_node("fd43e8674685")
        assert widget.note_edit.toPlainText() == "青農培育與農漁產業發展相輔相成，移列「拚經濟」並置於「建構農漁高雄隊」之後。"
        widget.set_kind_filter("modified")
        assert widget.note_edit.toPlainText() == "增列研發功能，以呼應產業升級方向。"
    assert widget.comparison.counts == {"added": 1, "removed": 1, "modified": 5, "moved": 2}


def test_set_orientation_puts_the_list_beside_or_above_the_texts(qtbot, view):
    assert view.orientation() == Qt.Orientation.Vertical  # a view of its own: the list above the texts
    view.set_orientation(Qt.Orientation.Horizontal)
    assert view.splitter.orientation() == Qt.Orientation.Horizontal
    qtbot.waitUntil(lambda: sum(view.splitter.sizes()) > 0)
    list_width, texts_width = view.splitter.sizes()
    assert abs(list_width / (list_width + texts_width) - 0.4) < 0.05  # two fifths for the list's five columns
    view.set_orientation(Qt.Orientation.Vertical)
    assert view.orientation() == Qt.Orientation.Vertical
    assert view.list.isVisible() and view.detail.isVisible()


def test_the_window_lays_the_docked_comparison_out_by_its_dock(qtbot, tmp_path):
    from tests.editor.ui_support import discard_on_close, make_window

    window = make_window(qtbot, tmp_path)
    window.revisions.compare()
    view, dock = window.revisions.comparison, window.revisions.comparison_dock
    assert window.dockWidgetArea(dock) == Qt.DockWidgetArea.BottomDockWidgetArea
    assert view.orientation() == Qt.Orientation.Horizontal  # wide and low: side by side
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    assert view.orientation() == Qt.Orientation.Vertical  # tall: stacked
    dock.setFloating(True)
    assert view.orientation() == Qt.Orientation.Vertical
    discard_on_close(window)
