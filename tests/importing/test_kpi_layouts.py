"""KPI tables in both layouts: ours (關鍵績效指標｜衡量標準｜單位｜108年…) and other cities'
(策略績效目標｜衡量指標｜評估體制｜衡量標準｜目標值, one objective merged down its indicators' rows),
from Word documents and from their PDFs, into the strategy's KPI fields."""
from __future__ import annotations

import docx

from editor.export.official_docx import write_official_docx
from editor.importing.sources import import_file
from schema.fileio import load_plan
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
    ours = ["關鍵績效指標", "衡量標準", "單位", "108年", "109年", "110年", "111年"]
    assert heads == [ours, ["策略績效目標", "關鍵績效指標", "評估體制", "衡量標準", "單位", "108年", "109年", "110年", "111年"], ours]
    cities = next(t for t in document.tables if t.rows[0].cells[0].text == "策略績效目標")
    assert [c.text for c in cities.rows[3].cells] == ["", "滿意度", "問卷調查", "非常滿意及滿意比率", "%", "", "", "", "85"]


def test_other_cities_kpi_tables_from_the_pdf(material):
    """LibreOffice's PDF of cities.docx: the tables found by their ruling lines, the merged objective
    cell repeated, a cell's wrapped lines joined (smart city 服務 kept its space), nothing else left over."""
    result = import_file(material["cities.pdf"])
    assert _kpis(result.plan) == _expected_cities()
    assert result.unplaced == []


def _fields(content) -> list[tuple]:
    return [(s.title, s.lead_agencies, s.supporting_agencies, s.budget, [k.model_dump(exclude={"id"}) for k in s.kpis])
            for area in content.focus.focus_areas for s in area.strategies]


def test_our_exports_tables_from_its_pdf(material):
    """Our export's agency/budget table and KPI tables in both layouts, one of 40 rows drawn over two pages
    with its header repeated: all back in the strategies' fields, as in the plan exported."""
    plan = load_plan(material["kpis.plan.json"])
    result = import_file(material["kpis.pdf"])
    imported = result.plan.revisions[0].content
    assert _fields(imported) == _fields(plan.draft.content)
    assert len(imported.focus.focus_areas[2].strategies[0].kpis) == 40
    goals = {g.id: g.title for g in imported.goals.goals}
    assert [goals[g] for g in imported.focus.focus_areas[0].strategies[0].goal_ids] == ["產業轉型優先", "增加就業優先"]
    assert result.unplaced == []


def test_the_export_with_the_other_columns_is_valid_ooxml(material, tmp_path):
    """openxml-audit (as tests/editor/test_ooxml_valid.py) on our export with both KPI layouts, and on the
    amendment table and tracked document from the plain sample to the one whose KPIs gained the columns."""
    from openxml_audit import FileFormat, OpenXmlValidator, ValidationSeverity

    from editor.export.amendments import write_amendment_table, write_tracked_document
    from schema.compare import compare

    plan = enriched_plan()
    old, new = plan.revisions[-1].model_copy(deep=True), plan.draft
    for area in old.content.focus.focus_areas:
        for strategy in area.strategies:
            for kpi in strategy.kpis:
                kpi.objective = kpi.assessment = ""
    comparison = compare(old.content, new.content)
    assert [c.kind for c in comparison.changes] == ["modified"]
    paths = [material["kpis.docx"],
             write_amendment_table(comparison, plan, old, plan, new, tmp_path / "table.docx"),
             write_tracked_document(comparison, plan, old, plan, new, tmp_path / "tracked.docx")]
    validator = OpenXmlValidator(file_format=FileFormat.MICROSOFT_365, max_errors=0)
    for path in paths:
        errors = [e.description for e in validator.validate(str(path)).errors
                  if e.severity in (ValidationSeverity.ERROR, ValidationSeverity.WARNING)]
        assert errors == [], path.name
