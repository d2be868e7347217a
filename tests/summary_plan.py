"""The Kaohsiung sample with indicators and budgets on a few strategies (the published text has
neither), for the summary tables' tests: every figure the tests expect is written here by hand."""
from __future__ import annotations

from schema.fileio import load_plan
from schema.model import KPI, PlanDocument
from tests.paths import SAMPLE

# The draft of plan_with_figures holds figures the 109 revision does not: documents call it a draft of amendment.
FIGURES_DRAFT_TITLE = "高雄市政府108至111年度中程施政計畫理念（修正草案）"


def plan_with_figures() -> PlanDocument:
    plan = load_plan(SAMPLE)
    areas = plan.draft.content.focus.focus_areas
    park = areas[0].strategies[0]  # 一、拚經濟 （一）推動橋頭科學園區
    park.kpis = [
        KPI(id="kpi-firms", name="進駐廠商家數", measurement="累計進駐廠商數", unit="家",
            targets={108: "10", 109: "25", 110: "40", 111: "60"}),
        KPI(id="kpi-money", name="招商金額", measurement="年度招商金額", unit="億元", targets={109: "100", 111: "300"}),
    ]
    park.budget = {108: 12500, 109: 30000.5, 110: 45000, 111: 52000.25}
    areas[0].strategies[1].budget = {108: 800, 110: 1200.125}  # （二）亞洲新灣區再啟航
    youth = areas[1].strategies[0]  # 二、衝就業 （一）建置青年創業資源網
    youth.kpis = [KPI(id="kpi-youth", name="輔導創業人數", measurement="每年輔導人數", unit="人",
                      targets={108: "200", 109: "220", 110: "240", 111: "260"})]
    youth.budget = {108: 3000, 109: 3000, 110: 3500, 111: 3500}
    areas[4].strategies[0].budget = {111: 0.001}  # 五、真安心 （一）加速解決淹水問題: one NT$
    return plan
