"""Who made each change (修改者): recorded per node in Revision.authors, named by the comparison,
kept through a merge (each side's changes keep their author) and a part merged back."""
from __future__ import annotations

from schema.compare import compare, to_json
from schema.document import Document
from schema.fileio import dump_plan, load_plan, parse_plan
from schema.merge import merge_plans
from schema.model import PlanDocument, Revision
from schema.operations import SetField
from schema.part import hand_out, merge_part
from schema.revisions import create_revision
from tests.paths import SAMPLE
from tests.schema.plans import small_content


def plan() -> PlanDocument:
    return PlanDocument(title="計畫", period={"start": 108, "end": 111}, draft=Revision(content=small_content()))


def edited(base: PlanDocument, author: str, *ops, recorded: bool = True) -> PlanDocument:
    result = base.model_copy(deep=True)
    Document(result.draft.content).apply_all(ops)
    result.draft.author = author
    if recorded:
        result.draft.authors = {**result.draft.authors, **{op.node_id: author for op in ops}}
    return result


def test_the_comparison_names_who_made_each_change():
    base = plan()
    new = edited(base, "王小明", SetField("s1", "title", "甲"), SetField("s3", "body", "乙。"))
    new.draft.authors["s3"] = "李小華"
    comparison = compare(base.draft.content, new.draft.content, new.draft.authors)
    assert [(c.node_id, c.author) for c in comparison.changes] == [("s1", "王小明"), ("s3", "李小華")]
    assert [c.get("author") for c in to_json(comparison, "a", "b")["changes"]] == ["王小明", "李小華"]
    assert "author" not in to_json(compare(base.draft.content, new.draft.content), "a", "b")["changes"][0]


def test_a_merge_keeps_each_sides_authors():
    base = plan()
    ours = edited(base, "研考會", SetField("s1", "title", "甲"))
    theirs = edited(base, "經發局", SetField("s2", "body", "乙。"), SetField("s3", "title", "丙"))
    theirs.draft.authors["s3"] = "青年局"
    merged = merge_plans(base, ours, theirs).plan
    assert merged.draft.authors == {"s1": "研考會", "s2": "經發局", "s3": "青年局"}
    # a copy edited outside the editor (no recorded authors): its changes are its author's
    bare = edited(base, "經發局", SetField("s2", "body", "乙。"), recorded=False)
    assert merge_plans(base, ours, bare).plan.draft.authors == {"s1": "研考會", "s2": "經發局"}


def test_a_part_merged_back_names_the_bureau():
    whole = load_plan(SAMPLE)
    areas = whole.draft.content.focus.focus_areas
    areas[0].strategies[0].lead_agencies = ["經濟發展局"]
    part = hand_out(whole, agency="經濟發展局")
    sid = areas[0].strategies[0].id
    bureau = edited(part, "經發局", SetField(sid, "title", "推動橋頭科學園區開發"))
    result = merge_part(whole, bureau)
    assert result.plan.draft.authors == {sid: "經發局"}
    assert [(c.node_id, c.author) for c in result.changes.changes] == [(sid, "經發局")]


def test_authors_are_saved_kept_by_a_new_revision_and_absent_from_files_without_them():
    new = edited(plan(), "王小明", SetField("s1", "title", "甲"))
    text = dump_plan(new)
    assert '"authors": {\n      "s1": "王小明"\n    }' in text
    assert parse_plan(text.encode(), "x").draft.authors == {"s1": "王小明"}
    assert create_revision(new, "110年修正版").revisions[-1].authors == {"s1": "王小明"}
    assert '"authors"' not in dump_plan(plan()) and '"handed_out"' not in dump_plan(plan())
