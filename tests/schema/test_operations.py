import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from schema.document import Document, with_new_ids
from schema.document_listeners import DocumentListener
from schema.model import Period, PlanContent, PlanDocument, Revision
from schema.operations import (
    Insert,
    InsertRevision,
    Move,
    OperationError,
    Remove,
    RemoveRevision,
    SetField,
    SetRevisionLabel,
    from_json,
    to_json,
)
from schema.revisions import create_operations
from schema.tree import KINDS, children, title_of, walk
from tests.schema.plans import plan_contents, small_content


def dump(doc: Document) -> dict:
    return doc.content.model_dump()


def test_insert_returns_its_inverse_and_indexes_the_new_subtree():
    doc = Document(small_content())
    before = dump(doc)
    inverse = doc.apply(Insert("fa2", 1, {"kind": "strategy", "id": "s9", "title": "新策略", "actions": [{"kind": "action", "id": "a9", "text": "作法"}]}))
    assert inverse == Remove("fa2", 1)
    assert doc.node("a9").text == "作法" and doc.parent(doc.node("a9")).id == "s9"
    assert [s.title for s in doc.node("fa2").strategies] == ["建置青年創業資源網", "新策略"]
    doc.apply(inverse)
    assert dump(doc) == before and "s9" not in doc and "a9" not in doc


def test_remove_returns_the_whole_subtree():
    doc = Document(small_content())
    inverse = doc.apply(Remove("fa1", 0))
    assert isinstance(inverse, Insert) and inverse.node["title"] == "推動橋頭科學園區"
    assert [a["id"] for a in inverse.node["actions"]] == ["a1", "a2"]
    assert "a1x" not in doc
    doc.apply(inverse)
    assert doc.node("a1x").text == "細項。"


def test_move_counts_the_destination_after_removal():
    doc = Document(small_content())
    doc.apply(Insert("fa1", 2, {"kind": "strategy", "id": "s4", "title": "第三"}))
    inverse = doc.apply(Move("s1", "fa1", 2))  # first to last
    assert [s.id for s in doc.node("fa1").strategies] == ["s2", "s4", "s1"]
    assert inverse == Move("s1", "fa1", 0)
    doc.apply(inverse)
    assert [s.id for s in doc.node("fa1").strategies] == ["s1", "s2", "s4"]


def test_set_field_validates_and_inverts():
    doc = Document(small_content())
    inverse = doc.apply(SetField("s1", "title", "推動橋頭科學園區計畫"))
    assert doc.node("s1").title == "推動橋頭科學園區計畫" and inverse == SetField("s1", "title", "推動橋頭科學園區")
    doc.apply(SetField("s1", "budget", {"108": 1500.0, "109": 2000}))
    assert doc.node("s1").budget == {108: 1500.0, 109: 2000.0}
    doc.apply(SetField("s1", "kpis", [{"name": "進駐廠商", "unit": "家", "targets": {"108": "5"}}]))
    assert doc.node("s1").kpis[0].targets == {108: "5"}


@pytest.mark.parametrize(
    "op, message",
    [
        (Move("a1", "fs", 0), "施政重點與發展策略之下不能放具體作法"),
        (Move("s1", "s2", 0), "推動策略之下不能放推動策略"),
        (Move("a1", "a2", 0), "具體作法最多兩層"),
        (Move("fa1", "fa1", 0), "不能移到自己的下層"),
        (Move("fs", "fs", 0), "固定的章節，不能移動"),
        (Insert("fa1", 0, {"kind": "goal", "title": "x"}), "施政重點之下不能放施政目標"),
        (Insert("fa1", 0, {"kind": "strategy", "id": "s2"}), "the id 's2' is already in this plan"),
        (Insert("fa1", 7, {"kind": "strategy"}), "position 7 is outside 0…2"),
        (Insert("p1", 0, {"kind": "paragraph"}), "不能有下層項目"),
        (Insert("fa1", 0, {"kind": "focus_section"}), "cannot insert an item of kind 'focus_section'"),
        (Remove("fa1", 2), "position 2 is outside 0…1"),
        (SetField("s1", "actions", []), "has no editable field 'actions'"),
        (SetField("s1", "id", "x"), "has no editable field 'id'"),
        (SetField("s1", "budget", {"x": 1}), "invalid value for budget"),
        (SetField("nope", "title", "x"), "no item with id 'nope'"),
    ],
)
def test_invalid_operations_are_refused_and_change_nothing(op, message):
    doc = Document(small_content())
    before = dump(doc)
    with pytest.raises(OperationError, match=message):
        doc.apply(op)
    assert dump(doc) == before


def test_listeners_hear_before_and_after_in_order():
    doc = Document(small_content())
    heard = []

    class Recorder(DocumentListener):
        def before_move(self, node, old_parent, old_index, new_parent, new_index):
            heard.append(("before_move", node.id, old_parent.id, old_index, new_parent.id, new_index))

        def after_move(self, node, old_parent, old_index, new_parent, new_index):
            heard.append(("after_move", node.id))

        def before_remove(self, parent, index):
            heard.append(("before_remove", parent.id, index, len(children(parent))))

        def after_remove(self, parent, index):
            heard.append(("after_remove", parent.id, index, len(children(parent))))

        def field_changed(self, node, field):
            heard.append(("field", node.id, field))

        def changed(self):
            heard.append("changed")

    doc.listeners.append(Recorder())
    doc.apply(Move("s3", "fa1", 1))
    doc.apply(Remove("fa1", 0))
    doc.apply(SetField("g1", "title", "產業升級優先"))
    assert heard == [
        ("before_move", "s3", "fa2", 0, "fa1", 1),
        ("after_move", "s3"),
        "changed",
        ("before_remove", "fa1", 0, 3),
        ("after_remove", "fa1", 0, 2),
        "changed",
        ("field", "g1", "title"),
        "changed",
    ]


def test_operations_survive_json():
    for op in [Insert("fa1", 0, {"kind": "strategy", "title": "新"}), Remove("fa1", 1), Move("s1", "fa2", 0), SetField("s1", "goal_ids", ["g1"])]:
        assert from_json(to_json(op)) == op
    with pytest.raises(OperationError, match="unknown operation"):
        from_json({"op": "Explode"})


def test_with_new_ids_renews_every_id_of_a_subtree():
    doc = Document(small_content())
    data = doc.node("s1").model_dump(mode="json")
    copy = with_new_ids(data)
    old_ids = {n.id for n, _ in walk(doc.content)}
    new_ids = {copy["id"], *(a["id"] for a in copy["actions"]), copy["actions"][0]["actions"][0]["id"]}
    assert len(new_ids) == 4 and not new_ids & old_ids
    doc.apply(Insert("fa2", 0, copy))
    assert title_of(doc.node(copy["id"])) == "推動橋頭科學園區"


# --- property: any sequence of valid operations, undone by its inverses, gives back the plan ------------------


@st.composite
def operation_for(draw, doc: Document):
    nodes = [n for n, _ in walk(doc.content)]
    containers = [n for n in nodes if KINDS[n.kind].children]
    choice = draw(st.sampled_from(["insert", "remove", "move", "set"]))
    if choice == "insert":
        parent = draw(st.sampled_from(containers))
        kind = KINDS[parent.kind].child_kind
        field = "text" if kind in ("paragraph", "action") else "title"
        return Insert(parent.id, draw(st.integers(0, len(children(parent)))), {"kind": kind, field: draw(st.text(max_size=8))})
    if choice == "remove":
        parent = draw(st.sampled_from(containers))
        return Remove(parent.id, draw(st.integers(0, max(0, len(children(parent)) - 1))))
    node = draw(st.sampled_from(nodes))
    if choice == "move":
        parent = draw(st.sampled_from(containers))
        return Move(node.id, parent.id, draw(st.integers(0, len(children(parent)))))
    field = KINDS[node.kind].fields[0]  # the title or the text
    return SetField(node.id, field, draw(st.text(max_size=8)))


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(plan_contents(), st.data())
def test_any_operations_then_their_inverses_give_back_the_plan(content: PlanContent, data):
    doc = Document(content)
    original = dump(doc)
    inverses = []
    for _ in range(data.draw(st.integers(1, 25))):
        op = data.draw(operation_for(doc))
        try:
            inverses.append(doc.apply(op))
        except OperationError:
            continue  # refused operations change nothing (checked by the parametrised test above)
    PlanContent.model_validate(doc.content.model_dump())  # still a valid plan with unique ids
    for inverse in reversed(inverses):
        doc.apply(inverse)
    assert dump(doc) == original
    assert len(doc) == sum(1 for _ in walk(doc.content))


# --- the revisions around the draft (修正版) -------------------------------------------------------
def _plan_with_revision() -> PlanDocument:
    content = small_content()
    content.focus.focus_areas[0].strategies[0].note = "新增"
    content.preface.paragraphs[0].note = "文字修正"
    return PlanDocument(
        title="小計畫", period=Period(start=108, end=111),
        revisions=[Revision(id="r109", label="109年修正版", date="2020-06-30", content=content.model_copy(deep=True))],
        draft=Revision(id="draft", label="110年草案", content=content),
    )


def test_revision_operations_invert_and_survive_json():
    plan = _plan_with_revision()
    doc = Document.of_plan(plan)
    heard = []

    class Listener(DocumentListener):
        def revisions_changed(self):
            heard.append("revisions")

        def changed(self):
            heard.append("changed")

    doc.listeners.append(Listener())
    before = plan.model_dump(mode="json")
    ops = create_operations(plan, "110年修正版", date="2021-06-30", author="研考會")
    assert [type(op).__name__ for op in ops] == ["InsertRevision", "SetRevisionLabel", "SetField", "SetField"]
    inverses = []
    for op in ops + [SetRevisionLabel("r109", "109年核定版"), RemoveRevision("r109")]:
        assert from_json(json.loads(json.dumps(to_json(op), ensure_ascii=False))) == op
        inverses.append(doc.apply(op))
    assert [(r.label, r.date, r.author) for r in plan.revisions] == [("110年修正版", "2021-06-30", "研考會")]
    assert plan.draft.label == "" and plan.revisions[0].content.focus.focus_areas[0].strategies[0].note == "新增"
    assert heard.count("revisions") == 4 and heard.count("changed") == 6
    assert inverses[-1] == InsertRevision(0, before["revisions"][0] | {"label": "109年核定版"})
    for inverse in reversed(inverses):
        doc.apply(inverse)
    assert plan.model_dump(mode="json") == before


@pytest.mark.parametrize(("op", "message"), [
    (RemoveRevision("draft"), "the working draft cannot be removed like a revision"),
    (RemoveRevision("r1"), "no revision with id 'r1' in this plan"),
    (SetRevisionLabel("r1", "x"), "no revision with id 'r1' in this plan"),
    (SetRevisionLabel("draft", 7), "a revision label is a text, not 7"),
    (InsertRevision(2, {"label": "111年修正版"}), "position 2 is outside 0…1"),
    (InsertRevision(1, {"label": "109年修正版"}), "the revision label '109年修正版' is used twice"),
    (InsertRevision(1, {"id": "draft", "label": "111年修正版"}), "the revision id 'draft' is already in this plan"),
    (InsertRevision(1, {"label": "111年修正版", "date": 5}), "invalid revision: Input should be a valid string"),
])
def test_invalid_revision_operations_are_refused_and_change_nothing(op, message):
    plan = _plan_with_revision()
    before = plan.model_dump(mode="json")
    with pytest.raises(OperationError) as refused:
        Document.of_plan(plan).apply(op)
    assert str(refused.value) == message
    assert plan.model_dump(mode="json") == before


def test_a_document_of_a_content_alone_refuses_revision_operations():
    with pytest.raises(OperationError, match="^this document edits a plan's text without its revisions$"):
        Document(small_content()).apply(RemoveRevision("r109"))
