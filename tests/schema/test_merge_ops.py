"""operations_between: the operations that apply a merge's result to the open draft, as ordinary edits."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from schema.document import Document
from schema.merge import merge_plans
from schema.merge_ops import operations_between, plan_operations, touched_nodes
from schema.model import PlanDocument, Revision
from schema.operations import Insert, Move, Remove, SetField, SetPlanProperties, SetProposal
from schema.proposals import Proposal
from tests.schema.plans import plan_documents, small_content
from tests.schema.test_merge_properties import _edited, edits


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.data())
def test_the_operations_turn_the_old_content_into_the_new_one(data):
    base = data.draw(plan_documents())
    content = base.draft.content
    roots = [content.preface.id, content.focus.id, content.closing.id]
    new = _edited(base, data.draw(edits(base, roots, "n"))).draft.content
    ops = operations_between(content, new)
    copy = content.model_copy(deep=True)
    Document(copy).apply_all(ops)
    assert copy == new


def test_small_edits_become_the_same_small_operations():
    base = PlanDocument(title="計畫", period={"start": 108, "end": 111}, draft=Revision(content=small_content()))
    new = _edited(base, [SetField("s2", "body", "新的內文。"), Move("s3", "fa1", 0), Remove("s1", 1),
                         Insert("fa2", 0, {"kind": "strategy", "id": "s9", "title": "新策略",
                                           "actions": [{"kind": "action", "id": "a9", "text": "作法"}]})]).draft.content
    assert operations_between(base.draft.content, new) == [
        Remove("s1", 1),
        SetField("s2", "body", "新的內文。"),
        Move("s3", "fa1", 0),
        Insert("fa2", 0, {**new.focus.focus_areas[1].strategies[0].model_dump(mode="json"), "actions": []}),
        Insert("s9", 0, new.focus.focus_areas[1].strategies[0].actions[0].model_dump(mode="json")),
    ]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.data())
def test_the_plan_operations_give_the_open_plan_the_whole_merge_result_conflicts_included(data):
    """What File ▸ 合併同仁版本 applies: both sides edit overlapping parts (so conflicts occur), and the
    operations turn ours into the merge's plan: content, properties, revisions, pending proposals."""
    base = data.draw(plan_documents())
    content = base.draft.content
    roots = [content.preface.id, content.focus.id, content.closing.id]
    ours = _edited(base, data.draw(edits(base, roots, "o")))
    theirs = _edited(base, data.draw(edits(base, roots, "t")))
    if data.draw(st.booleans()):
        theirs.title = "對方改的計畫名稱"
    merged = merge_plans(base, ours, theirs).plan
    ops = plan_operations(ours, merged)
    copy = ours.model_copy(deep=True)
    Document.of_plan(copy).apply_all(ops)
    keep = {"title", "organisation", "period", "numbering_style", "revisions", "proposals"}
    assert copy.model_dump(include=keep) == merged.model_dump(include=keep)
    assert copy.draft.content == merged.draft.content and copy.draft.label == merged.draft.label
    ids = touched_nodes(ours.draft.content, ops)
    assert len(ids) == len(ops)
    assert all(i == "" for i, op in zip(ids, ops) if isinstance(op, SetProposal | SetPlanProperties))


def test_each_operation_names_the_node_it_changes():
    base = PlanDocument(title="計畫", period={"start": 108, "end": 111}, draft=Revision(content=small_content()))
    new = _edited(base, [Remove("s1", 1), SetField("s2", "body", "新"), Move("s3", "fa1", 0),
                         Insert("fa2", 0, {"kind": "strategy", "id": "s9", "title": "新策略"})])
    removed = base.draft.content.focus.focus_areas[0].strategies[0].actions[1].id
    new.proposals = [Proposal(node_id="s2", field="body", old="新", new="更新", author="乙")]
    ops = plan_operations(base, new)
    assert touched_nodes(base.draft.content, ops) == [removed, "s2", "s3", "s9", ""]
