"""The optional KPI columns of other cities' tables: 策略績效目標 (objective) and 評估體制 (assessment)."""
from __future__ import annotations

from pathlib import Path

from schema.compare import compare, node_values
from schema.fileio import dump_plan, load_plan, parse_plan
from schema.merge_fields import merge_kpis
from schema.model import KPI, Strategy

SAMPLE = Path(__file__).parents[2] / "samples" / "kaohsiung-108-111.plan.json"


def test_a_plan_without_the_columns_is_written_byte_for_byte_as_before():
    raw = SAMPLE.read_bytes()
    plan = parse_plan(raw, str(SAMPLE))
    assert dump_plan(plan).encode("utf-8") == raw
    assert b'"objective"' not in raw and b'"assessment"' not in raw


def test_the_columns_are_written_only_when_filled_and_read_back():
    plan = load_plan(SAMPLE)
    strategy = plan.draft.content.focus.focus_areas[0].strategies[0]
    strategy.kpis = [KPI(id="k1", name="污水接管率", objective="提升生活環境品質", assessment="統計資料", targets={109: "45%"}),
                     KPI(id="k2", name="綠地面積")]
    text = dump_plan(plan)
    assert text.count('"objective": "提升生活環境品質"') == 1
    assert text.count('"assessment": "統計資料"') == 1
    assert text.count('"objective"') == 1  # the second indicator has none: left out
    again = parse_plan(text.encode("utf-8"), "again").draft.content.focus.focus_areas[0].strategies[0]
    assert [(k.objective, k.assessment) for k in again.kpis] == [("提升生活環境品質", "統計資料"), ("", "")]


def test_the_comparison_shows_the_columns_only_when_filled():
    plain = Strategy(title="t", kpis=[KPI(name="綠地面積", unit="公頃", targets={109: "10"})])
    assert node_values(plain)["kpis"] == "綠地面積（單位：公頃）109年 10"
    filled = Strategy(title="t", kpis=[KPI(name="綠地面積", objective="宜居", assessment="統計資料", unit="公頃")])
    assert node_values(filled)["kpis"] == "綠地面積（策略績效目標：宜居；評估體制：統計資料；單位：公頃）"


def test_a_changed_objective_is_a_change_of_the_kpis():
    plan = load_plan(SAMPLE)
    old = plan.draft.content
    old.focus.focus_areas[0].strategies[0].kpis = [KPI(id="k", name="新創家數", targets={109: "20"})]
    new = old.model_copy(deep=True)
    new.focus.focus_areas[0].strategies[0].kpis[0].objective = "提升產業競爭力"
    changes = compare(old, new).changes
    assert [(c.kind, sorted(c.fields)) for c in changes] == [("modified", ["kpis"])]


def test_merge_takes_an_objective_added_on_one_side():
    base = [{"id": "k", "name": "綠地", "measurement": "", "unit": "", "targets": {}}]
    theirs = [{**base[0], "objective": "宜居城市"}]
    merged, conflict = merge_kpis(base, base, theirs)
    assert (merged, conflict) == ([{**base[0], "objective": "宜居城市"}], False)
    ours = [{**base[0], "assessment": "問卷調查"}]
    merged, conflict = merge_kpis(base, ours, theirs)
    assert merged == [{**base[0], "assessment": "問卷調查", "objective": "宜居城市"}] and not conflict
