"""plan-editor merge: exit status, the summary, --json, the output rule, one-line errors."""
from __future__ import annotations

import json

import pytest

from editor.cli import main
from schema.document import Document
from schema.fileio import load_plan, save_plan
from schema.operations import Remove, SetField
from tests.paths import SAMPLE


@pytest.fixture
def copies(tmp_path):
    """base, ours and theirs of the sample: ours renames (一) of 拚經濟, theirs edits (二); both retitle 衝就業 (一)."""
    base = load_plan(SAMPLE)
    ours, theirs = base.model_copy(deep=True), base.model_copy(deep=True)
    areas = base.draft.content.focus.focus_areas
    s0, s1, shared = areas[0].strategies[0], areas[0].strategies[1], areas[1].strategies[0]
    Document(ours.draft.content).apply_all([SetField(s0.id, "title", "推動橋頭科學園區開發計畫"), SetField(shared.id, "title", "建置青年創業資源平台")])
    Document(theirs.draft.content).apply_all([SetField(s1.id, "body", "打造新創聚落。"), SetField(shared.id, "title", "建置青年創業服務網")])
    paths = {name: tmp_path / f"{name}.plan.json" for name in ("base", "ours", "theirs")}
    for name, plan in (("base", base), ("ours", ours), ("theirs", theirs)):
        save_plan(plan, paths[name])
    return paths


def run(capsys, *argv):
    code = main(["merge", *map(str, argv)])
    out, err = capsys.readouterr()
    return code, out, err


def test_conflicts_exit_1_and_the_summary_names_each_change_and_conflict(copies, capsys, tmp_path):
    out_path = tmp_path / "merged.plan.json"
    code, out, err = run(capsys, copies["base"], copies["ours"], copies["theirs"], "-o", out_path)
    assert (code, err) == (1, "")
    assert out.splitlines() == [
        f"merged {copies['theirs']} into {copies['ours']} (base {copies['base']}) → {out_path}: 1 conflict to resolve",
        "base → ours: 2 changes (modified 2)",
        "  modified\t推動策略\t一、（一）推動橋頭科學園區開發計畫",
        "  modified\t推動策略\t二、（一）建置青年創業資源平台",
        "base → theirs: 2 changes (modified 2)",
        "  modified\t推動策略\t一、（二）亞洲新灣區再啟航",
        "  modified\t推動策略\t二、（一）建置青年創業服務網",
        "conflicts (ours is kept; theirs is a pending proposal, shown in the editor's review mode):",
        "  1. 二、衝就業 （一）建置青年創業資源平台: both sides changed the title of 推動策略 二、衝就業 （一）建置青年創業資源平台; ours is kept, theirs is pending",
    ]
    merged = load_plan(out_path)
    areas = merged.draft.content.focus.focus_areas
    assert (areas[0].strategies[0].title, areas[0].strategies[1].body, areas[1].strategies[0].title) == (
        "推動橋頭科學園區開發計畫", "打造新創聚落。", "建置青年創業資源平台",
    )
    [proposal] = merged.proposals
    assert (proposal.source, proposal.status, proposal.old, proposal.new) == ("merge", "pending", "建置青年創業資源平台", "建置青年創業服務網")


def test_json_is_one_document_with_both_sides_changes_and_the_conflicts(copies, capsys, tmp_path):
    code, out, err = run(capsys, copies["base"], copies["ours"], copies["theirs"], "-o", tmp_path / "m.plan.json", "--json")
    assert (code, err) == (1, "")
    document = json.loads(out)
    assert list(document) == ["base", "ours", "theirs", "output", "clean", "ours_changes", "theirs_changes", "conflicts"]
    assert document["clean"] is False
    assert [(c["kind"], c["new"]["number"], c["new"]["title"]) for c in document["theirs_changes"]] == [
        ("modified", "（二）", "亞洲新灣區再啟航"), ("modified", "（一）", "建置青年創業服務網"),
    ]
    [conflict] = document["conflicts"]
    assert {k: conflict[k] for k in ("number", "kind", "field", "place")} == {
        "number": 1, "kind": "text", "field": "title", "place": "二、衝就業 （一）建置青年創業資源平台",
    }
    assert conflict["proposal_id"] == load_plan(tmp_path / "m.plan.json").proposals[0].id


def test_a_clean_merge_exits_0_and_may_write_over_ours(copies, capsys):
    theirs = load_plan(copies["theirs"])
    base = load_plan(copies["base"])
    theirs.draft.content.focus.focus_areas[1].strategies[0].title = base.draft.content.focus.focus_areas[1].strategies[0].title
    Document(theirs.draft.content).apply(Remove(theirs.draft.content.focus.focus_areas[4].id, 0))
    save_plan(theirs, copies["theirs"])
    code, out, err = run(capsys, copies["base"], copies["ours"], copies["theirs"], "-o", copies["ours"])
    assert (code, err) == (0, "")
    assert out.splitlines()[0].endswith(f"→ {copies['ours']}: no conflicts")
    assert "  removed\t推動策略\t五、（一）" in out.splitlines()[-1]
    merged = load_plan(copies["ours"])
    assert len(merged.draft.content.focus.focus_areas[4].strategies) == len(base.draft.content.focus.focus_areas[4].strategies) - 1
    assert merged.draft.content.focus.focus_areas[0].strategies[1].body == "打造新創聚落。"


@pytest.mark.parametrize("which", ["base", "theirs"])
def test_no_other_input_is_written_over(copies, capsys, which):
    before = copies[which].read_bytes()
    code, out, err = run(capsys, copies["base"], copies["ours"], copies["theirs"], "-o", copies[which])
    assert (code, out) == (2, "")
    assert err == f"plan-editor merge: {copies[which]} is an input file; choose another output file\n"
    assert copies[which].read_bytes() == before


def test_bad_input_is_one_sentence_and_writes_nothing(copies, capsys, tmp_path):
    broken = tmp_path / "broken.plan.json"
    broken.write_text('{"format_version": 2, "title": ', encoding="utf-8")
    before = copies["ours"].read_bytes()
    code, out, err = run(capsys, copies["base"], copies["ours"], broken, "-o", copies["ours"])
    assert (code, out) == (2, "")
    assert err == f"{broken} ends unexpectedly at line 1: the file is truncated or incomplete.\n"
    assert copies["ours"].read_bytes() == before
    code, out, err = run(capsys, copies["base"], copies["ours"], copies["theirs"], "-o", tmp_path / "merged.json")
    assert (code, err) == (2, f"plan-editor merge: {tmp_path / 'merged.json'}: the merged plan must end in .plan.json\n")
    assert not (tmp_path / "merged.json").exists()


def test_a_part_handed_out_by_agency_and_merged_back(tmp_path, capsys):
    plan = load_plan(SAMPLE)
    areas = plan.draft.content.focus.focus_areas
    areas[0].strategies[0].lead_agencies = ["經濟發展局"]
    areas[3].strategies[2].lead_agencies = ["經濟發展局"]
    whole, part_path = tmp_path / "plan.plan.json", tmp_path / "經發局.plan.json"
    save_plan(plan, whole)
    assert main(["part", str(whole), "--agency", "經濟發展局", "-o", str(part_path)]) == 0
    assert capsys.readouterr().out == f"wrote {part_path}: 經濟發展局: 2 strategies of 高雄市政府108至111年度中程施政計畫理念（修正草案）\n"
    part = load_plan(part_path)
    strategy = part.draft.content.focus.focus_areas[1].strategies[0]
    Document(part.draft.content).apply_all([
        SetField(strategy.id, "body", "經發局補充的內文。"),
        SetField(part.draft.content.goals.goals[0].id, "title", "產業優先"),
    ])
    save_plan(part, part_path)
    code, out, err = run(capsys, whole, part_path, "-o", whole)
    assert (code, err) == (1, "")
    assert out.splitlines() == [
        f"merged the part {part_path} (經濟發展局: 2 strategies) into {whole} → {whole}: 1 thing to look at",
        f"{whole} → merged: 1 change (modified 1)",
        f"  modified\t推動策略\t四、（三）{strategy.title}",
        "edits outside the part (reported, not merged):",
        "  - 施政目標: edited in the part, but it is not part of what was handed out",
    ]
    merged = load_plan(whole)
    assert merged.draft.content.focus.focus_areas[3].strategies[2].body == "經發局補充的內文。"
    assert merged.draft.content.goals.goals[0].title == "產業轉型優先"


def test_part_refuses_bad_requests_in_one_line(tmp_path, capsys):
    out_path = tmp_path / "p.plan.json"
    assert main(["part", str(SAMPLE), "--focus", "9", "-o", str(out_path)]) == 2
    assert capsys.readouterr().err == f"plan-editor part: {SAMPLE}: the plan has focus areas 1 to 5, not 9\n"
    assert main(["part", str(SAMPLE), "--focus", "一", "-o", str(out_path)]) == 2
    assert capsys.readouterr().err == "plan-editor part: --focus takes focus area numbers such as 1,3, not '一'\n"
    code, out, err = run(capsys, SAMPLE, SAMPLE, "-o", out_path)
    assert (code, err) == (2, f"plan-editor merge: {SAMPLE} is not a part handed out from a plan; give the base too: BASE OURS THEIRS\n")
    assert not out_path.exists()
