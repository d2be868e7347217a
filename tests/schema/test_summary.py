"""The summary tables as data (schema/summary.py): every strategy in order, every figure, exact totals."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from schema.fileio import load_plan
from schema.model import KPI, FocusArea, Period, PlanDocument, Strategy
from schema.summary import NO_KPI, budget_summary, kpi_summary
from tests.paths import SAMPLE
from tests.summary_plan import FIGURES_DRAFT_TITLE, plan_with_figures

TITLE = "高雄市政府108至111年度中程施政計畫理念（109年修正版）"


def test_the_kpi_table_lists_each_indicator_under_its_focus_area_and_strategy():
    table = kpi_summary(plan_with_figures())
    assert table.title == FIGURES_DRAFT_TITLE
    assert table.years == (108, 109, 110, 111)
    assert table.header() == ["施政重點", "推動策略", "關鍵績效指標", "衡量標準", "單位",
                              "108年目標值", "109年目標值", "110年目標值", "111年目標值"]
    rows = table.rows()
    assert rows[:3] == [
        ["一、拚經濟", "（一）推動橋頭科學園區", "進駐廠商家數", "累計進駐廠商數", "家", "10", "25", "40", "60"],
        ["一、拚經濟", "（一）推動橋頭科學園區", "招商金額", "年度招商金額", "億元", "", "100", "", "300"],
        ["一、拚經濟", "（二）亞洲新灣區再啟航", NO_KPI, "", "", "", "", "", ""],
    ]
    assert rows[7] == ["二、衝就業", "（一）建置青年創業資源網", "輔導創業人數", "每年輔導人數", "人", "200", "220", "240", "260"]
    assert rows[-1] == ["五、真安心", "（四）提升警消裝備妥善率", NO_KPI, "", "", "", "", "", ""]
    assert len(rows) == 28 + 1  # one line per strategy, and the park's second indicator
    assert [line.kpi_id for line in table.lines[:3]] == ["kpi-firms", "kpi-money", None]


def test_other_cities_columns_appear_only_when_an_indicator_fills_them():
    plan = plan_with_figures()
    assert kpi_summary(plan).text_columns == 5
    plan.draft.content.focus.focus_areas[1].strategies[0].kpis[0].assessment = "統計資料"
    table = kpi_summary(plan)
    assert table.header()[:6] == ["施政重點", "推動策略", "關鍵績效指標", "評估體制", "衡量標準", "單位"]
    assert table.rows()[7][:6] == ["二、衝就業", "（一）建置青年創業資源網", "輔導創業人數", "統計資料", "每年輔導人數", "人"]
    plan.draft.content.focus.focus_areas[0].strategies[0].kpis[1].objective = "擴大招商"
    table = kpi_summary(plan)
    assert table.text_columns == 7 and table.header()[2:5] == ["策略績效目標", "關鍵績效指標", "評估體制"]
    assert table.rows()[1] == ["一、拚經濟", "（一）推動橋頭科學園區", "擴大招商", "招商金額", "", "年度招商金額", "億元", "", "100", "", "300"]


def test_the_published_plan_has_no_indicator_and_every_strategy_shows_the_gap():
    table = kpi_summary(load_plan(SAMPLE))
    assert len(table.lines) == 28
    assert {line.name for line in table.lines} == {NO_KPI}
    assert table.lines[8].strategy == "（三）營造優良文創環境" and table.lines[8].focus_area == "二、衝就業"


def test_the_budget_table_has_subtotals_per_focus_area_and_exact_totals():
    table = budget_summary(plan_with_figures())
    assert table.header() == ["施政重點", "推動策略", "108年", "109年", "110年", "111年", "合計"]
    lines = {(line.focus_area, line.strategy): line for line in table.lines}
    park = lines[("一、拚經濟", "（一）推動橋頭科學園區")]
    assert (park.kind, park.amounts, park.total) == ("strategy", (12500, 30000.5, 45000, 52000.25), 139500.75)
    bay = lines[("一、拚經濟", "（二）亞洲新灣區再啟航")]
    assert (bay.amounts, bay.total) == ((800, None, 1200.125, None), 2000.125)
    empty = lines[("一、拚經濟", "（三）設置科技新創園區")]
    assert (empty.amounts, empty.total) == ((None,) * 4, None)  # nothing entered is not 0
    economy = lines[("一、拚經濟", "小計")]
    assert (economy.kind, economy.amounts, economy.total) == ("subtotal", (13300, 30000.5, 46200.125, 52000.25), 141500.875)
    assert lines[("二、衝就業", "小計")].amounts == (3000, 3000, 3500, 3500)
    assert lines[("三、顧教育", "小計")].total is None
    assert lines[("五、真安心", "小計")].amounts == (None, None, None, 0.001)
    total = table.total
    assert (total.kind, total.focus_area, total.strategy) == ("total", "總計", "")
    assert total.amounts == (16300, 33000.5, 49700.125, 55500.251)
    assert total.total == 154500.876
    assert [line.kind for line in table.lines].count("subtotal") == 5
    assert len(table.lines) == 28 + 5 + 1


def test_a_figure_outside_the_period_gets_its_own_column_rather_than_vanish():
    plan = plan_with_figures()
    plan.draft.content.focus.focus_areas[0].strategies[0].budget[112] = 99.5
    plan.draft.content.focus.focus_areas[0].strategies[0].kpis[0].targets[107] = "5"
    assert budget_summary(plan).years == (108, 109, 110, 111, 112)
    assert budget_summary(plan).total.total == 154600.376
    assert kpi_summary(plan).years == (107, 108, 109, 110, 111)
    assert kpi_summary(plan).rows()[0][5:] == ["5", "10", "25", "40", "60"]


def test_a_period_too_long_for_columns_shows_only_the_years_that_hold_a_figure():
    plan = PlanDocument(title="計畫", period=Period(start=1, end=999))
    plan.draft.content.focus.focus_areas = [FocusArea(title="重點", strategies=[Strategy(
        title="策略", kpis=[KPI(name="指標", targets={1: "1", 999: "999", 500: " "})], budget={3: 1.5, 998: 2})])]
    assert kpi_summary(plan).years == (1, 999)  # a blank target holds nothing
    assert kpi_summary(plan).rows() == [["一、重點", "（一）策略", "指標", "", "", "1", "999"]]
    assert budget_summary(plan).years == (3, 998)
    assert budget_summary(plan).total.total == 3.5


def test_a_revision_is_summarised_not_the_draft():
    plan = plan_with_figures()
    assert budget_summary(plan, plan.revisions[-1]).total.total is None
    assert kpi_summary(plan, plan.revisions[-1]).title == TITLE


amounts = st.integers(0, 10**12).map(lambda thousandths: thousandths / 1000)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.dictionaries(st.integers(105, 114), amounts, max_size=6), max_size=4), min_size=1, max_size=4))
def test_totals_are_the_exact_sums_of_the_amounts(budgets):
    """Whatever the amounts (whole NT$, up to 10⁹ 千元), every total is their exact sum in thousandths."""
    plan = PlanDocument(title="計畫", period=Period(start=108, end=111))
    plan.draft.content.focus.focus_areas = [
        FocusArea(title=f"重點{i}", strategies=[Strategy(title=f"策略{j}", budget=b, kpis=[KPI(name="指標")]) for j, b in enumerate(area)])
        for i, area in enumerate(budgets)]
    table = budget_summary(plan)
    every = [(year, amount) for area in budgets for budget in area for year, amount in budget.items()]
    assert set(table.years) == {108, 109, 110, 111} | {year for year, _ in every}
    thousandths = sum(round(amount * 1000) for _, amount in every)
    assert table.total.total == (thousandths / 1000 if every else None)
    for k, year in enumerate(table.years):
        in_year = [round(amount * 1000) for y, amount in every if y == year]
        assert table.total.amounts[k] == (sum(in_year) / 1000 if in_year else None)
    subtotals = [line.total for line in table.lines if line.kind == "subtotal"]
    assert len(subtotals) == len(budgets)
    assert round(sum(s * 1000 for s in subtotals if s is not None)) == thousandths
    assert len(kpi_summary(plan).lines) == sum(len(area) for area in budgets)


# --- the same tables from plain data (the command line's path) -------------------------------------

from dataclasses import replace  # noqa: E402

from schema.fileio import dump_plan  # noqa: E402
from schema.model import NumberingStyle  # noqa: E402
from schema.plain_read import plan_validator, revision_data  # noqa: E402
from schema.summary import budget_table, data_source, kpi_table, plan_source  # noqa: E402
from tests.schema.plans import plan_documents  # noqa: E402


@settings(max_examples=60, deadline=None)
@given(plan_documents(), st.sampled_from([NumberingStyle(), NumberingStyle(focus_area="{壹}、", strategy="{1}.")]))
def test_tables_from_the_plain_data_of_a_file_equal_the_tables_from_its_models(plan, style):
    plan.numbering_style = style
    data = plan_validator().validate_json(dump_plan(plan))  # what plain_read gives for the saved file
    for revision, plain in ((plan.draft, data["draft"]), (plan.revisions[0], data["revisions"][0])):
        assert kpi_table(data_source(data, plain)) == kpi_summary(plan, revision)
        assert budget_table(data_source(data, plain)) == budget_summary(plan, revision)
        assert replace(data_source(data, plain), focus_areas=()) == replace(plan_source(plan, revision), focus_areas=())


def test_the_plain_data_source_names_the_revision_and_the_dates_files_carry():
    data = plan_validator().validate_json(dump_plan(plan_with_figures()))
    source = data_source(data)
    # an unlabelled draft that differs from the latest revision is a draft of amendment; no date anywhere: 1 January of the first year
    assert (source.title, source.label, source.organisation, source.revision_count) == (FIGURES_DRAFT_TITLE, "修正草案", "高雄市政府", 1)
    assert source.when.isoformat() == "2019-01-01T00:00:00+00:00"
    assert [line.strategy for line in budget_table(source).lines[:3]] == ["（一）推動橋頭科學園區", "（二）亞洲新灣區再啟航", "（三）設置科技新創園區"]
    assert revision_data(data, "109年修正版") is data["revisions"][0]
    try:
        revision_data(data, "110年")
    except KeyError as exc:
        assert exc.args[0] == "no revision labelled '110年' (known: 109年修正版)"
    else:
        raise AssertionError("no KeyError")
