"""Handing out parts of a plan and merging them back: only the part changes; edits outside it are reported."""
from __future__ import annotations

import pytest

from schema.document import Document
from schema.model import PlanDocument
from schema.operations import Insert, Move, Remove, SetField
from schema.part import PartError, describe_part, hand_out, merge_part
from schema.tree import walk
from tests.schema.plans import agency_plan


@pytest.fixture
def plan() -> PlanDocument:
    return agency_plan()


def apply(plan: PlanDocument, *ops) -> PlanDocument:
    result = plan.model_copy(deep=True)
    Document(result.draft.content).apply_all(ops)
    return result


def nodes(plan: PlanDocument) -> dict:
    return {n.id: n.model_dump(exclude={"paragraphs", "goals", "focus_areas", "strategies", "actions"}) for n, _p in walk(plan.draft.content)}


def test_a_part_by_agency_holds_that_agencys_strategies_in_their_focus_areas(plan):
    part = hand_out(plan, agency="經濟發展局", date="2020-03-01T09:00:00Z")
    content = part.draft.content
    assert [(fa.title, [s.title for s in fa.strategies]) for fa in content.focus.focus_areas] == [
        ("拚經濟", ["推動橋頭科學園區", "設置科技新創園區"]), ("衝就業", [plan.draft.content.focus.focus_areas[1].strategies[1].title]),
    ]
    assert content.preface.paragraphs == [] and content.closing.paragraphs == []
    assert [g.title for g in content.goals.goals] == ["產業轉型優先", "增加就業優先", "交通建設優先", "改善空污優先"]
    assert part.handed_out.agency == "經濟發展局" and part.handed_out.base == content
    assert part.handed_out.plan_title == "高雄市政府108至111年度中程施政計畫理念（修正草案）"  # its draft differs from 109
    assert describe_part(part) == "經濟發展局: 3 strategies"


def test_a_part_by_focus_area_holds_whole_focus_areas(plan):
    part = hand_out(plan, focus=[2, 5])
    assert [fa.title for fa in part.draft.content.focus.focus_areas] == ["衝就業", "真安心"]
    assert describe_part(part) == "focus areas 衝就業、真安心"
    with pytest.raises(PartError, match=r"^the plan has focus areas 1 to 5, not 6$"):
        hand_out(plan, focus=[6])
    with pytest.raises(PartError, match=r"^no strategy has '工務局' as its lead agency \(lead agencies in the plan: 經濟發展局、青年局\)$"):
        hand_out(plan, agency="工務局")


def test_merging_a_part_back_changes_only_the_part_and_reports_edits_outside_it(plan):
    part = hand_out(plan, agency="經濟發展局")
    bridge, park = part.draft.content.focus.focus_areas[0].strategies
    economy = part.draft.content.focus.focus_areas[0]
    edited = apply(
        part,
        SetField(bridge.id, "title", "推動橋頭科學園區開發"),
        Insert(park.id, 0, {"kind": "action", "id": "new1", "text": "成立新創基金。"}),
        SetField(economy.id, "title", "拼經濟"),  # a holding focus area: outside the part
        Insert(part.draft.content.preface.id, 0, {"kind": "paragraph", "id": "p9", "text": "局處自行加的前言。"}),
    )
    result = merge_part(plan, edited, part_name="經發局.plan.json")
    assert result.conflicts == []
    assert result.outside == [
        "理念: edited in the part, but it is not part of what was handed out",
        "拚經濟: the focus area's title was edited, but only its strategies were handed out",
    ]
    before, after = nodes(plan), nodes(result.plan)
    changed = {nid for nid in before.keys() | after.keys() if before.get(nid) != after.get(nid)}
    assert changed == {bridge.id, "new1"}
    areas = result.plan.draft.content.focus.focus_areas
    assert areas[0].title == "拚經濟" and areas[0].strategies[0].title == "推動橋頭科學園區開發"
    assert [a.id for a in areas[0].strategies[2].actions][0] == "new1"
    assert len(areas[0].strategies) == 6 and len(result.plan.draft.content.preface.paragraphs) == len(plan.draft.content.preface.paragraphs)
    assert result.changes.counts == {"added": 1, "removed": 0, "modified": 1, "moved": 0}


def test_a_part_merged_back_meets_the_offices_own_edits_three_ways(plan):
    part = hand_out(plan, agency="經濟發展局")
    bridge, park = part.draft.content.focus.focus_areas[0].strategies
    office = apply(plan, SetField(bridge.id, "title", "推動橋頭科學園區（研考會）"), Remove(plan.draft.content.focus.focus_areas[4].id, 0))
    bureau = apply(part, SetField(bridge.id, "title", "推動橋頭科學園區（經發局）"), Move(park.id, part.draft.content.focus.focus_areas[1].id, 0))
    bureau.draft.author = "經發局"
    result = merge_part(office, bureau)
    [conflict] = result.conflicts
    assert (conflict.kind, conflict.node_id, conflict.place) == ("text", bridge.id, "一、拚經濟 （一）推動橋頭科學園區（研考會）")
    [proposal] = result.plan.proposals
    assert (proposal.new, proposal.author) == ("推動橋頭科學園區（經發局）", "經發局")
    areas = result.plan.draft.content.focus.focus_areas
    assert areas[1].strategies[0].id == park.id and park.id not in [s.id for s in areas[0].strategies]
    assert len(areas[4].strategies) == 3  # the office's removal stays


def test_a_whole_plan_is_not_a_part(plan):
    with pytest.raises(PartError, match=r"^other.plan.json is not a part handed out from a plan \(it remembers no base\)$"):
        merge_part(plan, plan, part_name="other.plan.json")
