"""The plan tree model: numbers and titles from the schema, Qt signals for every document change,
the model tester during edits, drag and drop as one undo step."""
from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from editor.ui.session import undo_commands
from editor.ui.session.session import EditSession
from editor.ui.tree.drag_drop import MIME_TYPE
from editor.ui.tree.model import NODE_ID_ROLE, PlanTreeModel
from schema.model import Period, PlanDocument, Revision
from schema.numbering import all_numbers
from schema.operations import Insert, Move, Remove, SetField
from schema.tree import KINDS, action_depth, children, sections, title_of
from tests.editor.ui_support import small_plan
from tests.synthetic import generate_content

SMALL_TREE = [
    "理念",
    "  前言第一段。",
    "施政目標",
    "  產業轉型優先",
    "  增加就業優先",
    "壹、施政重點與發展策略",
    "  一、拚經濟",
    "    （一）推動橋頭科學園區",
    "      1. 成立專案推動小組。",
    "        （1）細項。",
    "      2. 籌設聯外道路。",
    "    （二）亞洲新灣區再啟航",
    "  二、衝就業",
    "    （一）建置青年創業資源網",
    "貳、未來施政藍圖與結語",
    "  結語。",
]


@pytest.fixture
def session(tmp_path):
    s = EditSession(small_plan(), None, journal_dir=tmp_path / "recovery")
    yield s
    s.close()


@pytest.fixture
def model(session):
    m = PlanTreeModel(session)
    yield m
    m.detach()


def model_rows(model, parent=QModelIndex(), depth=0) -> list[str]:
    rows = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        rows.append("  " * depth + index.data())
        rows.extend(model_rows(model, index, depth + 1))
    return rows


def drawn_rows(model, delegate, parent=QModelIndex(), depth=0) -> list[str]:
    """The rows as one delegate draws them (its multiData span is reused from row to row), with
    each index's parent and row checked against the way it was reached."""
    rows = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        assert index.row() == row and model.parent(index) == parent
        option = QStyleOptionViewItem()
        delegate.initStyleOption(option, index)
        bold = option.font.bold()
        assert bold == (depth == 0)  # the four sections, in bold
        rows.append("  " * depth + option.text)
        rows.extend(drawn_rows(model, delegate, index, depth + 1))
    return rows


def expected_rows(content) -> list[str]:
    """What the tree must show, computed from the schema alone (numbers from schema.numbering)."""
    numbers = all_numbers(content)

    def text(node) -> str:
        title = (title_of(node) or "").split("\n")[0].strip() or "（未命名）"
        number = numbers.get(node.id, "")
        return f"{number} {title}" if number.endswith(".") else f"{number}{title}"

    rows = []

    def visit(node, depth):
        rows.append("  " * depth + text(node))
        for child in children(node):
            visit(child, depth + 1)

    for section in sections(content):
        visit(section, 0)
    return rows


def test_the_tree_shows_official_numbers_and_titles(model):
    assert model_rows(model) == SMALL_TREE


def test_model_tester_passes_on_small_and_generated_plans(qtmodeltester, model, tmp_path):
    qtmodeltester.check(model, force_py=True)
    plan = PlanDocument(title="大", period=Period(start=108, end=111), draft=Revision(content=generate_content(3, 4, 2)))
    big = EditSession(plan, None, journal_dir=tmp_path / "r2")
    big_model = PlanTreeModel(big)
    qtmodeltester.check(big_model, force_py=True)
    assert big_model.rowCount(big_model.index(2, 0)) == 3
    big_model.detach()
    big.close()


def test_items_know_their_ids_kinds_and_edit_text(model):
    strategy = model.index_for_id("s1")
    assert strategy.data(NODE_ID_ROLE) == "s1"
    assert strategy.data() == "（一）推動橋頭科學園區"
    assert model.edit_text(strategy) == "推動橋頭科學園區"  # what F2 starts from: no number
    assert model.tooltip_at(strategy) == "推動策略：推動橋頭科學園區"
    assert model.tooltip_at(model.index_for_id("a1x")) == "子項作法：細項。"
    assert "細項。" in model.search_text(model.index_for_id("a1x"))
    assert model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable == Qt.ItemFlag.NoItemFlags  # fixed section
    assert model.flags(strategy) & Qt.ItemFlag.ItemIsEditable
    assert model.flags(model.index_for_id("g1")) & Qt.ItemFlag.ItemIsDropEnabled == Qt.ItemFlag.NoItemFlags


def test_a_move_keeps_the_moved_row_open_current_and_selected_without_announcing_another_node(model, session, qtbot):
    """Qt's own item model has no row moves: the row is taken out and put back (no reset). The view gives
    back what it had in it — its open branches, the current row, the other selected rows — and tells
    nobody that another node was current meanwhile (the detail pane would be rebuilt twice)."""
    from PySide6.QtCore import QItemSelectionModel

    from editor.ui.tree.view import PlanTreeView

    view = PlanTreeView()
    qtbot.addWidget(view)
    view.setModel(model)
    resets, announced = [], []
    model.modelReset.connect(lambda: resets.append(1))
    view.expandAll()
    view.collapse(model.index_for_id("a2"))
    view.select_node("s1")
    view.selectionModel().select(model.index_for_id("s2"), QItemSelectionModel.SelectionFlag.Select
                                 | QItemSelectionModel.SelectionFlag.Rows)
    view.current_node_changed.connect(announced.append)
    assert undo_commands.execute(session, [Move("s1", "fa1", 1)], "move") is None
    assert model_rows(model)[7:12] == ["    （一）亞洲新灣區再啟航", "    （二）推動橋頭科學園區", "      1. 成立專案推動小組。",
                                       "        （1）細項。", "      2. 籌設聯外道路。"]
    assert view.current_node_id() == "s1" and sorted(view.selected_node_ids()) == ["s1", "s2"]
    assert [view.isExpanded(model.index_for_id(i)) for i in ("s1", "a1", "a2")] == [True, True, False]
    session.undo_stack.undo()
    assert model_rows(model) == SMALL_TREE and view.current_node_id() == "s1"
    assert view.isExpanded(model.index_for_id("a1")) and announced == [] and resets == []


def test_an_insert_renumbers_the_following_siblings(model, session):
    changed = []
    model.dataChanged.connect(lambda a, b, roles=None: changed.append((a.row(), b.row(), a.parent().data())))
    node = KINDS["strategy"].cls(title="新策略").model_dump(mode="json")
    undo_commands.execute(session, [Insert("fa1", 0, node)], "add")
    assert changed == [(1, 1, "一、拚經濟"), (2, 2, "一、拚經濟")]  # each renumbered row, as a plain item model
    assert model.index_for_id("s1").data() == "（二）推動橋頭科學園區"
    assert model.index_for_id("s2").data() == "（三）亞洲新灣區再啟航"


def test_a_field_change_updates_only_that_row(model, session):
    changed = []
    model.dataChanged.connect(lambda a, b, roles=None: changed.append((a.data(NODE_ID_ROLE), b.data(NODE_ID_ROLE))))
    undo_commands.execute_field(session, "s2", "title", "亞洲新灣區2.0", "rename")
    assert changed == [("s2", "s2")]
    assert model.index_for_id("s2").data() == "（二）亞洲新灣區2.0"


def test_rename_in_place_strips_control_characters_and_says_so(model, session):
    messages = []
    model.status_message.connect(messages.append)
    assert model.setData(model.index_for_id("s3"), "青年\x07創業\x1b網", Qt.ItemDataRole.EditRole)
    assert session.document.node("s3").title == "青年創業網"
    assert messages == ["已移除 2 個無法寫入 Word 文件的控制字元"]
    assert session.undo_stack.undoText() == "重新命名推動策略"


def _mime(model, ids):
    return model.mimeData([model.index_for_id(i) for i in ids])


def test_drag_payload_is_the_ids_in_document_order_without_nested_ones(model):
    mime = _mime(model, ["s2", "a1", "s1"])  # a1 is inside s1: dragging s1 takes it along
    assert json.loads(bytes(mime.data(MIME_TYPE)).decode()) == ["s1", "s2"]


def test_dropping_two_strategies_moves_both_in_one_undo_step(model, session, qtbot):
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    mime = _mime(model, ["s1", "s2"])
    target = model.index_for_id("fa2")
    assert model.canDropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, target)
    assert model.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, target) is False  # the view must not remove rows
    assert [s.id for s in session.document.node("fa2").strategies] == ["s1", "s2", "s3"]
    assert session.document.node("fa1").strategies == []
    assert session.undo_stack.count() == 1 and session.undo_stack.undoText() == "拖放移動 2 個項目"
    assert model.index_for_id("s3").data() == "（三）建置青年創業資源網"
    session.undo_stack.undo()
    assert model_rows(model) == SMALL_TREE
    session.undo_stack.redo()
    assert [s.id for s in session.document.node("fa2").strategies] == ["s1", "s2", "s3"]
    assert resets == []


def test_dropping_down_within_the_same_parent(model, session):
    mime = _mime(model, ["s1"])
    parent = model.index_for_id("fa1")
    model.dropMimeData(mime, Qt.DropAction.MoveAction, 2, 0, parent)  # below the last row
    assert [s.id for s in session.document.node("fa1").strategies] == ["s2", "s1"]
    model.dropMimeData(_mime(model, ["a2"]), Qt.DropAction.MoveAction, -1, 0, model.index_for_id("a1"))  # onto a1
    assert [a.id for a in session.document.node("a1").actions] == ["a1x", "a2"]
    assert model.index_for_id("a2").data() == "（2）籌設聯外道路。"


def test_drops_that_break_the_hierarchy_are_refused(model, session):
    messages = []
    model.status_message.connect(messages.append)
    focus_section = model.index_for_id("fs")
    action = _mime(model, ["a2"])
    assert not model.canDropMimeData(action, Qt.DropAction.MoveAction, 0, 0, focus_section)
    assert model.dropMimeData(action, Qt.DropAction.MoveAction, 0, 0, focus_section) is False
    assert messages == ["施政重點與發展策略之下不能放具體作法"]
    assert not model.canDropMimeData(_mime(model, ["a1"]), Qt.DropAction.MoveAction, -1, 0, model.index_for_id("a2"))  # 3 levels
    assert not model.canDropMimeData(_mime(model, ["s1"]), Qt.DropAction.MoveAction, -1, 0, model.index_for_id("a1"))
    assert not model.canDropMimeData(_mime(model, ["fa1"]), Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert session.undo_stack.count() == 0
    assert model_rows(model) == SMALL_TREE


@st.composite
def edit_scripts(draw):
    return draw(st.lists(st.tuples(st.sampled_from(["insert", "remove", "move", "rename", "undo", "redo"]),
                                   st.integers(0, 10_000), st.integers(0, 10_000)), min_size=1, max_size=25))


def _pick_op(doc, kind: str, a: int, b: int):
    nodes = [n for n in doc._nodes.values()]
    nodes.sort(key=lambda n: n.id)
    node = nodes[a % len(nodes)]
    parent = doc.parent(node)
    if kind == "insert":
        spec = KINDS[node.kind]
        if spec.child_kind is None or doc.can_hold(node, spec.child_kind):
            return None
        data = KINDS[spec.child_kind].cls(**{"title" if spec.child_kind != "action" and spec.child_kind != "paragraph" else "text": f"新{b}"}).model_dump(mode="json")
        return Insert(node.id, b % (len(children(node)) + 1), data)
    if parent is None:
        return None
    if kind == "remove":
        return Remove(parent.id, doc.index_of(node))
    if kind == "move":
        targets = [t for t in nodes if doc.can_hold(t, node.kind, action_depth(node) or 1) is None
                   and t is not node and node not in doc.ancestors(t)]
        target = targets[b % len(targets)]
        limit = len(children(target)) - (1 if target is parent else 0)
        index = b % (limit + 1)
        if target is parent and index == doc.index_of(node):
            return None
        return Move(node.id, target.id, index)
    field = "title" if hasattr(node, "title") else "text"
    return SetField(node.id, field, f"改{b}")


_EXAMPLE_MODELS: list = []


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(script=edit_scripts())
def test_model_stays_consistent_through_any_edits_undo_and_redo(qtmodeltester, tmp_path, script):
    session = EditSession(small_plan(), None, journal_dir=tmp_path / "recovery")
    model = PlanTreeModel(session)
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    qtmodeltester.check(model, force_py=True)  # keeps checking on every signal from here on
    # Hypothesis reuses the one model tester, which stays connected to each example's model and checks their
    # signals against the last one's rows: an earlier model collected during this example must not speak.
    _EXAMPLE_MODELS.append(model)
    delegate = QStyledItemDelegate()
    try:
        for kind, a, b in script:
            if kind == "undo":
                session.undo_stack.undo()
            elif kind == "redo":
                session.undo_stack.redo()
            else:
                op = _pick_op(session.document, kind, a, b)
                if op is not None:
                    assert undo_commands.execute(session, [op], kind) is None
            assert model_rows(model) == expected_rows(session.document.content)
            assert drawn_rows(model, delegate) == model_rows(model)
        assert resets == []
    finally:
        model.detach()
        session.close()


def test_removing_the_current_row_makes_the_next_then_previous_then_parent_current(model, session, qtbot):
    from editor.ui.tree.view import PlanTreeView

    view = PlanTreeView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.expandAll()
    area = session.document.content.focus.focus_areas[0]
    first, second = area.strategies
    view.select_node(first.id)
    assert undo_commands.execute(session, [Remove(area.id, 0)], "delete") is None
    assert view.current_node_id() == second.id  # the next row
    session.undo_stack.undo()
    view.select_node(second.id)
    assert undo_commands.execute(session, [Remove(area.id, 1)], "delete") is None
    assert view.current_node_id() == first.id  # the last row went: the previous one
    assert undo_commands.execute(session, [Remove(area.id, 0)], "delete") is None
    assert view.current_node_id() == area.id  # no sibling left: the parent
    assert view.currentIndex().data() == "一、拚經濟"


def test_rows_and_numbers_follow_a_removal_undone_and_moves_across_parents(model, session):
    content = session.document.content
    strategy = content.focus.focus_areas[0].strategies[0]
    action = strategy.actions[0]
    # A removal undone brings back new objects with the old ids: rows and children still right.
    assert undo_commands.execute(session, [Remove(content.focus.focus_areas[0].id, 0)], "delete") is None
    session.undo_stack.undo()
    assert model_rows(model) == SMALL_TREE
    restored = model.index_for_id(strategy.id)
    assert model.rowCount(restored) == 2
    assert model.index(1, 0, restored).data() == "2. 籌設聯外道路。"
    assert model.parent(model.index_for_id(action.id)) == restored
    # Indent an action under its previous sibling: it becomes （2）, its old siblings renumber.
    second = strategy.actions[1]
    assert undo_commands.execute(session, [Move(second.id, action.id, 1)], "indent") is None
    assert model.index_for_id(second.id).data() == "（2）籌設聯外道路。"
    assert model.parent(model.index_for_id(second.id)) == model.index_for_id(action.id)
    assert model_rows(model) == expected_rows(content)


def test_a_painted_row_follows_its_title_and_its_check_mark(model, session, qtbot):
    """What a painted row shows is remembered between paints (a lookup per row), and forgotten when
    its title, its number or its mark changes: the same as data() gives, role by role."""
    from PySide6.QtWidgets import QTreeView

    from editor.ui.checks.marks import CheckMarks
    from schema.checks.core import Finding

    view = QTreeView()
    qtbot.addWidget(view)
    marks = CheckMarks(view)
    marks.attach(model)
    delegate = QStyledItemDelegate()

    def drawn(node_id: str) -> tuple[str, bool, bool]:
        """The row's text and colour as the delegate draws them, and whether the view has a mark to paint on it."""
        option = QStyleOptionViewItem()
        delegate.initStyleOption(option, model.index_for_id(node_id))
        gray = option.palette.text().color().name() == "#808080"
        assert option.icon.isNull()  # the item holds none: the view paints the mark at the row's right end
        return option.text, gray, node_id in model.mark_icons

    assert drawn("s2") == ("（二）亞洲新灣區再啟航", False, False)
    assert undo_commands.execute(session, [SetField("s2", "title", "")], "rename") is None
    assert drawn("s2") == ("（二）（未命名）", True, False)
    marks.set_findings([Finding(code="empty", severity="warning", node_id="s2", number="（二）", title="", message="標題是空的")])
    assert drawn("s2") == ("（二）（未命名）", True, True)
    assert model.tooltip_at(model.index_for_id("s2")) == "（二）（未命名）\n• 標題是空的"
    assert undo_commands.execute(session, [Move("s2", "fa1", 0)], "move") is None
    assert drawn("s2") == ("（一）（未命名）", True, True) and drawn("s1")[0] == "（二）推動橋頭科學園區"
    session.undo_stack.undo()
    session.undo_stack.undo()
    marks.set_findings([])
    assert drawn("s2") == ("（二）亞洲新灣區再啟航", False, False)


def test_opening_another_plan_frees_the_items_of_the_plan_shown_before(qtbot, tmp_path):
    """The tree's model holds an item per node: the one of the plan shown before goes when another is opened."""
    from tests.editor.ui_support import discard_on_close, make_window, write_plan

    window = make_window(qtbot, tmp_path)
    first = window.model
    destroyed = []
    first.destroyed.connect(lambda *_: destroyed.append(1))
    other = small_plan()
    other.draft.content.focus.focus_areas[0].title = "拚經濟二"
    assert window.open_file(str(write_plan(tmp_path / "other.plan.json", other)))
    qtbot.waitUntil(lambda: destroyed == [1])
    assert window.model is not first and window.tree.model() is window.model
    assert model_rows(window.model)[6] == "  一、拚經濟二"
    window.tree.select_node("s2")
    assert window.tree.current_node_id() == "s2" and window.detail.node_id == "s2"
    discard_on_close(window)
