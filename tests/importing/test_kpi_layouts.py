"""KPI tables in both layouts: ours (關鍵績效指標｜衡量標準｜單位｜108年…) and other cities'
(策略績效目標｜衡量指標｜評估體制｜衡量標準｜目標值, one objective merged down its indicators' rows),
from Word documents and from their PDFs, into the strategy's KPI fields."""
from __future__ import annotations

import docx

from editor.export.official_docx import write_official_docx
from editor.importing.sources import import_file
from tests.importing.material import city_kpis, enriched_plan


def _kpis(plan) -> list[list[tuple]]:
    """Per focus area, the first strategy's KPIs as (objective, name, assessment, measurement, unit, targets)."""
    return [[(k.objective, k.name, k.assessment, k.measurement, k.unit, k.targets) for k in area.strategies[0].kpis]
            for area in plan.revisions[0].content.focus.focus_areas]


def _expected_cities() -> list[list[tuple]]:
    return [[(o, n, a, m, "", {111: t}) for o, n, a, m, t in city_kpis(area)] for area in range(5)]


def test_other_cities_kpi_tables_from_word_fill_objective_and_assessment(material):
    result = import_file(material["cities.docx"])
    assert _kpis(result.plan) == _expected_cities()  # the merged objective cell is each indicator's objective
    assert result.unplaced == []
    assert result.warnings == [f"line {n}: the KPI column 目標值 has no year; it was read as 111年" for n in (16, 34, 50, 66, 84)]


def test_our_export_writes_the_other_columns_only_where_used(tmp_path):
    plan = enriched_plan()
    document = docx.Document(str(write_official_docx(plan, None, tmp_path / "plan.docx")))
    heads = [[c.text for c in table.rows[0].cells] for table in document.tables if table.rows[0].cells[0].text != "主辦機關"]
    assert heads == [["關鍵績效指標", "衡量標準", "單位", "108年", "109年", "110年", "111年"],
                     ["策略績效目標", "關鍵績效指標", "評估體制", "衡量標準", "單位", "108年", "109年", "110年", "111年"]]
    cities = next(t for t in document.tables if t.rows[0].cells[0].text == "策略績效目標")
    assert [c.text for c in cities.rows[3].cells] == ["", "滿意度", "問卷調查", "非常滿意及滿意比率", "%", "", "", "", "85"]
