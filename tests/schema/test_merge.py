"""The three-way merge, case by case: what merges cleanly, and each kind of conflict.

Every conflict keeps both sides: ours applied in the merged plan, theirs (or a removal that lost
to an edit) as a pending proposal whose operation, applied, gives the other side's version.
"""
from __future__ import annotations

from schema.document import Document, with_new_ids
from schema.merge import merge_plans
from schema.model import Paragraph, Period, PlanContent, PlanDocument, Revision
from schema.operations import Insert, Move, Operation, Remove, SetField, from_json
from schema.tree import walk
from tests.schema.plans import small_content


def plan(content: PlanContent | None = None) -> PlanDocument:
    return PlanDocument(title="高雄市政府中程施政計畫", period={"start": 108, "end": 111},
                        draft=Revision(author="研考會", content=content or small_content()))


def edited(base: PlanDocument, *ops: Operation, author: str = "") -> PlanDocument:
    result = base.model_copy(deep=True)
    Document(result.draft.content).apply_all(ops)
    if author:
        result.draft.author = author
    return result


def accept(result, proposal) -> PlanContent:
    """The merged content with one proposal's operation applied."""
    content = result.plan.draft.content.model_copy(deep=True)
    Document(content).apply(from_json(proposal.operation))
    return content


def strategies(content: PlanContent) -> list[tuple[str, list[str]]]:
    return [(fa.id, [s.id for s in fa.strategies]) for fa in content.focus.focus_areas]


def test_edits_in_different_places_of_one_text_are_both_kept():
    base = plan()
    Document(base.draft.content).apply(SetField("s2", "body", "引進民間資源，活化港區土地，帶動產業發展。"))
    ours = edited(base, SetField("s2", "body", "引進國際資源，活化港區土地，帶動產業發展。"))
    theirs = edited(base, SetField("s2", "body", "引進民間資源，活化港區土地，帶動觀光產業發展。"))
    result = merge_plans(base, ours, theirs)
    assert result.conflicts == []
    assert result.plan.draft.content.focus.focus_areas[0].strategies[1].body == "引進國際資源，活化港區土地，帶動觀光產業發展。"


def test_the_same_words_changed_on_both_sides_keep_ours_and_propose_theirs():
    base = plan()
    ours = edited(base, SetField("s1", "title", "推動橋頭科學園區開發"), author="王小明")
    theirs = edited(base, SetField("s1", "title", "推動橋頭科學園區建設"), author="李小華")
    result = merge_plans(base, ours, theirs, date="2020-06-30T10:00:00Z")
    [conflict] = result.conflicts
    assert (conflict.number, conflict.kind, conflict.node_id, conflict.field) == (1, "text", "s1", "title")
    assert conflict.place == "一、拚經濟 （一）推動橋頭科學園區開發"
    assert conflict.description == "both sides changed the title of 推動策略 一、拚經濟 （一）推動橋頭科學園區開發; ours is kept, theirs is pending"
    assert result.plan.draft.content.focus.focus_areas[0].strategies[0].title == "推動橋頭科學園區開發"
    [proposal] = result.plan.proposals
    assert (proposal.source, proposal.kind, proposal.status, proposal.node_id, proposal.field) == ("merge", "replace", "pending", "s1", "title")
    assert (proposal.old, proposal.new, proposal.author, proposal.date) == ("推動橋頭科學園區開發", "推動橋頭科學園區建設", "李小華", "2020-06-30T10:00:00Z")
    assert proposal.id == conflict.proposal_id and proposal.reason == "merge conflict 1: " + conflict.description
    assert accept(result, proposal).focus.focus_areas[0].strategies[0].title == "推動橋頭科學園區建設"


def test_a_removal_of_what_the_other_side_edited_keeps_the_edit_and_proposes_the_removal():
    base = plan()
    for ours_ops, theirs_ops, remover in (
        ([Remove("fa1", 1)], [SetField("s2", "body", "引進民間資源與國際資金。")], "ours"),
        ([SetField("s2", "body", "引進民間資源與國際資金。")], [Remove("fa1", 1)], "theirs"),
    ):
        result = merge_plans(base, edited(base, *ours_ops, author="甲"), edited(base, *theirs_ops, author="乙"))
        [conflict] = result.conflicts
        assert (conflict.kind, conflict.node_id) == ("delete_edit", "s2")
        editor = "theirs" if remover == "ours" else "ours"
        assert conflict.description == (
            f"{remover} removed 推動策略 一、拚經濟 （二）亞洲新灣區再啟航, which {editor} edited; it is kept with the edits, its removal is pending"
        )
        merged = result.plan.draft.content
        assert merged.focus.focus_areas[0].strategies[1].body == "引進民間資源與國際資金。"
        [proposal] = result.plan.proposals
        assert (proposal.kind, proposal.node_id, proposal.author) == ("remove_node", "s2", "甲" if remover == "ours" else "乙")
        assert from_json(proposal.operation) == Remove("fa1", 1)
        assert strategies(accept(result, proposal)) == [("fa1", ["s1"]), ("fa2", ["s3"])]


def test_a_removal_of_a_strategy_whose_action_the_other_side_edited_keeps_the_whole_strategy():
    base = plan()
    result = merge_plans(base, edited(base, Remove("fa1", 0)), edited(base, SetField("a1x", "text", "細項，修正。")))
    [conflict] = result.conflicts
    assert (conflict.kind, conflict.node_id) == ("delete_edit", "s1")
    s1 = result.plan.draft.content.focus.focus_areas[0].strategies[0]
    assert [(a.id, [x.text for x in a.actions]) for a in s1.actions] == [("a1", ["細項，修正。"]), ("a2", [])]


def test_a_removal_nobody_else_touched_is_just_applied():
    base = plan()
    result = merge_plans(base, edited(base, Remove("fa1", 0)), edited(base, SetField("s3", "title", "青年創業")))
    assert result.conflicts == [] and strategies(result.plan.draft.content) == [("fa1", ["s2"]), ("fa2", ["s3"])]


def test_one_node_moved_to_two_places_keeps_ours_and_proposes_theirs():
    base = plan()
    ours = edited(base, Move("s3", "fa1", 0))
    theirs = edited(base, Move("s3", "fa1", 2))
    result = merge_plans(base, ours, theirs)
    assert strategies(result.plan.draft.content) == [("fa1", ["s3", "s1", "s2"]), ("fa2", [])]
    [conflict] = result.conflicts
    assert (conflict.kind, conflict.node_id) == ("move", "s3")
    assert conflict.description == "both sides moved 推動策略 一、拚經濟 （一）建置青年創業資源網; ours' place is kept, theirs' place (under 一、拚經濟) is pending"
    [proposal] = result.plan.proposals
    assert proposal.kind == "move_node" and from_json(proposal.operation) == Move("s3", "fa1", 2)
    assert strategies(accept(result, proposal)) == strategies(theirs.draft.content)


def test_moves_that_would_make_a_cycle_or_a_third_level_keep_ours():
    base = edited(plan(), Insert("s3", 0, {"kind": "action", "id": "x", "text": "甲"}), Insert("s3", 1, {"kind": "action", "id": "y", "text": "乙"}))
    result = merge_plans(base, edited(base, Move("y", "x", 0)), edited(base, Move("x", "y", 0)))
    s3 = result.plan.draft.content.focus.focus_areas[1].strategies[0]
    assert [(a.id, [c.id for c in a.actions]) for a in s3.actions] == [("x", ["y"])]
    [conflict] = result.conflicts
    assert (conflict.kind, conflict.node_id) == ("move", "x")
    assert conflict.description == (
        "the two sides' moves would put 具體作法 二、衝就業 （一）建置青年創業資源網 1.甲 inside itself; "
        "ours' place is kept, theirs' place (under 二、衝就業 （一）建置青年創業資源網 1.甲 （1）乙) is pending"
    )
    # ours puts y under x; theirs adds a sub-action under y: three levels, so ours' move waits
    result = merge_plans(base, edited(base, Move("y", "x", 0)), edited(base, Insert("y", 0, {"kind": "action", "id": "z", "text": "丙"})))
    s3 = result.plan.draft.content.focus.focus_areas[1].strategies[0]
    assert [(a.id, [c.id for c in a.actions]) for a in s3.actions] == [("x", []), ("y", ["z"])]
    [conflict] = result.conflicts
    assert (conflict.kind, conflict.node_id) == ("move", "y")
    assert conflict.description == (
        "with the other side's edits, ours' move of 具體作法 二、衝就業 （一）建置青年創業資源網 2.乙 would nest actions three levels deep; "
        "theirs' place is kept, ours' place (under 二、衝就業 （一）建置青年創業資源網 1.甲) is pending"
    )
    assert result.plan.proposals[0].author == "研考會" and from_json(result.plan.proposals[0].operation) == Move("y", "x", 0)


def test_budgets_merge_year_by_year_and_the_same_year_is_a_field_conflict():
    base = edited(plan(), SetField("s1", "budget", {108: 1000.0, 109: 2000.0}))
    ours = edited(base, SetField("s1", "budget", {108: 1500.0, 109: 2000.0}))
    theirs = edited(base, SetField("s1", "budget", {108: 1000.0, 109: 2500.0, 110: 3000.0}))
    result = merge_plans(base, ours, theirs)
    assert result.conflicts == []
    assert result.plan.draft.content.focus.focus_areas[0].strategies[0].budget == {108: 1500.0, 109: 2500.0, 110: 3000.0}
    theirs = edited(base, SetField("s1", "budget", {108: 1200.0, 109: 2000.0}))
    result = merge_plans(base, ours, theirs)
    [conflict] = result.conflicts
    assert (conflict.kind, conflict.field) == ("field", "budget")
    assert result.plan.draft.content.focus.focus_areas[0].strategies[0].budget == {108: 1500.0, 109: 2000.0}
    [proposal] = result.plan.proposals
    assert from_json(proposal.operation) == SetField("s1", "budget", {"108": 1200.0, "109": 2000.0})
    assert accept(result, proposal).focus.focus_areas[0].strategies[0].budget == {108: 1200.0, 109: 2000.0}


def test_kpis_added_on_one_side_and_edited_on_the_other_are_both_kept():
    kpi = {"id": "k1", "name": "進駐廠商家數", "unit": "家", "targets": {108: "10"}}
    base = edited(plan(), SetField("s1", "kpis", [kpi]))
    ours = edited(base, SetField("s1", "kpis", [{**kpi, "targets": {108: "12"}}]))
    theirs = edited(base, SetField("s1", "kpis", [kpi, {"id": "k2", "name": "就業人數", "unit": "人"}]))
    result = merge_plans(base, ours, theirs)
    assert result.conflicts == []
    kpis = result.plan.draft.content.focus.focus_areas[0].strategies[0].kpis
    assert [(k.id, k.name, k.targets) for k in kpis] == [("k1", "進駐廠商家數", {108: "12"}), ("k2", "就業人數", {})]


def test_agencies_merge_item_by_item():
    base = edited(plan(), SetField("s1", "lead_agencies", ["經發局"]))
    ours = edited(base, SetField("s1", "lead_agencies", ["經發局", "工務局"]))
    theirs = edited(base, SetField("s1", "lead_agencies", ["經濟發展局"]))
    result = merge_plans(base, ours, theirs)
    assert result.conflicts == []
    assert result.plan.draft.content.focus.focus_areas[0].strategies[0].lead_agencies == ["工務局", "經濟發展局"]


def test_inserts_on_both_sides_of_one_parent_keep_each_sides_order():
    base = plan()
    ours = edited(base, Insert("fa1", 1, {"kind": "strategy", "id": "o1", "title": "甲"}), Insert("fa1", 2, {"kind": "strategy", "id": "o2", "title": "乙"}))
    theirs = edited(base, Insert("fa1", 2, {"kind": "strategy", "id": "t1", "title": "丙"}))
    result = merge_plans(base, ours, theirs)
    assert result.conflicts == []
    assert strategies(result.plan.draft.content)[0] == ("fa1", ["s1", "o1", "o2", "s2", "t1"])


def test_revisions_made_on_either_side_are_kept_and_a_repeated_label_is_renamed():
    base = plan()
    ours, theirs = base.model_copy(deep=True), base.model_copy(deep=True)
    ours.revisions = [Revision(id="r1", label="109年修正版", content=small_content())]
    theirs.revisions = [Revision(id="r2", label="110年修正版", content=small_content())]
    result = merge_plans(base, ours, theirs)
    assert [r.label for r in result.plan.revisions] == ["109年修正版", "110年修正版"] and result.conflicts == []
    theirs.revisions = [Revision(id="r2", label="109年修正版", content=small_content())]
    result = merge_plans(base, ours, theirs)
    assert [(r.id, r.label) for r in result.plan.revisions] == [("r1", "109年修正版"), ("r2", "109年修正版（2）")]
    [conflict] = result.conflicts
    assert conflict.kind == "revision" and conflict.description == "both sides made a revision labelled 109年修正版; theirs is renamed 109年修正版（2）"


def test_plan_properties_merge_and_a_clash_is_a_pending_proposal():
    base = plan()
    ours = base.model_copy(update={"organisation": "高雄市政府"}, deep=True)
    theirs = base.model_copy(update={"period": base.period.model_copy(update={"end": 112})}, deep=True)
    result = merge_plans(base, ours, theirs)
    assert (result.plan.organisation, result.plan.period.end, result.conflicts) == ("高雄市政府", 112, [])
    ours.title, theirs.title = "甲計畫", "乙計畫"
    result = merge_plans(base, ours, theirs)
    assert result.plan.title == "甲計畫"
    [conflict] = result.conflicts
    assert (conflict.kind, conflict.field, conflict.description) == ("property", "title", "both sides changed the plan's title; ours is kept, theirs is pending")
    [proposal] = result.plan.proposals
    assert (proposal.kind, proposal.node_id, proposal.field, proposal.old, proposal.new) == ("replace", "", "title", "甲計畫", "乙計畫")


def test_proposals_are_merged_by_id_with_each_sides_decisions():
    base = plan()
    base.proposals = [{"id": "p1", "node_id": "s1", "field": "title", "old": "推動", "new": "推展"}]
    ours = base.model_copy(deep=True)
    ours.proposals[0].status = "accepted"
    theirs = base.model_copy(deep=True)
    theirs.proposals = [*theirs.proposals, {"id": "p2", "source": "staff", "kind": "comment", "node_id": "s2", "comment": "請補充"}]
    result = merge_plans(base, ours, theirs)
    assert [(p.id, p.status) for p in result.plan.proposals] == [("p1", "accepted"), ("p2", "pending")]


def test_copies_without_shared_ids_are_matched_by_content():
    base = plan()
    data = base.draft.content.model_dump(mode="json")
    for name in ("preface", "goals", "focus", "closing"):
        data[name] = with_new_ids(data[name])
    imported = base.model_copy(deep=True)
    imported.draft.content = PlanContent.model_validate(data)
    Document(imported.draft.content).apply(SetField(imported.draft.content.focus.focus_areas[1].strategies[0].id, "title", "建置青年創業資源網站"))
    ours = edited(base, SetField("s1", "title", "推動橋頭科學園區開發"))
    result = merge_plans(base, ours, imported)
    assert result.conflicts == []
    merged = result.plan.draft.content
    assert {n.id for n, _p in walk(merged)} == {n.id for n, _p in walk(base.draft.content)}
    assert [s.title for fa in merged.focus.focus_areas for s in fa.strategies] == ["推動橋頭科學園區開發", "亞洲新灣區再啟航", "建置青年創業資源網站"]


def test_each_sides_changes_are_reported_against_the_base():
    base = plan()
    result = merge_plans(base, edited(base, SetField("s1", "title", "甲")), edited(base, Remove("fa2", 0), Remove("fa1", 1)))
    assert result.ours.counts == {"added": 0, "removed": 0, "modified": 1, "moved": 0}
    assert result.theirs.counts == {"added": 0, "removed": 2, "modified": 0, "moved": 0}


def test_a_copy_of_the_same_file_keeps_its_ids_even_when_it_replaced_every_item():
    # Found by Hypothesis: the copy's one paragraph removed and an equal one inserted shares no item id with the
    # base, which made the merge match it by content and give it the old id back. Copies of one file (the draft's
    # and the revisions' ids shared) are never matched by content: only copies made apart are (test above).
    base = PlanDocument(title="計畫", period=Period(start=108, end=111))
    preface = base.draft.content.preface
    preface.paragraphs = [Paragraph(id="p1", text="")]
    copy = base.model_copy(deep=True)
    Document(copy.draft.content).apply_all([Remove(parent_id=preface.id, index=0),
                                            Insert(parent_id=preface.id, index=0, node={"kind": "paragraph", "id": "x2", "text": ""})])
    for ours, theirs in ((copy, copy), (base, copy), (copy, base)):
        result = merge_plans(base, ours, theirs)
        assert (result.conflicts, [p.id for p in result.plan.draft.content.preface.paragraphs]) == ([], ["x2"])
