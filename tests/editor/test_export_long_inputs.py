"""Regression tests of the fuzzing harness's slow exports (issue 16), each with the smallest input
that showed it, asserting what the documents hold (speed itself is measured by the benchmarks):

- a "grown plan" whose period runs 1–999: the KPI table had a column per year (1,002 columns,
  which Word's tables cannot hold: 63 at most), so ``export --docx`` and ``diff --tracked`` took
  17–20 s for 200 strategies;
- a plan whose title is 100,000 characters: the tracked document's cover title was matched token by
  token with difflib, quadratic in repeated tokens (over a minute).
"""
from __future__ import annotations

import json
import zipfile

import docx
from lxml import etree

from editor.cli import main
from editor.export.official_docx import KPI_TARGETS_HEADING, kpi_table, write_official_docx
from editor.export.tracked_text import token_diff
from schema.fileio import load_plan
from schema.model import KPI, FocusArea, Period, PlanDocument, Revision, Strategy
from schema.summary import YEAR_COLUMNS
from schema.textdiff import DELETE, EQUAL, INSERT
from tests.fuzz.mutants import base_plan, dump

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
HEAD = ["關鍵績效指標", "衡量標準", "單位"]


def plan_with_kpis(start: int, end: int, *kpis: KPI) -> PlanDocument:
    plan = PlanDocument(title="測試市政府中程施政計畫", organisation="測試市政府", period=Period(start=start, end=end))
    plan.revisions = [Revision(label="原版", author="研考會")]
    plan.draft.content.focus.focus_areas = [FocusArea(title="拚經濟", strategies=[Strategy(title="招商", kpis=list(kpis))])]
    return plan


def kpi_rows(path) -> list[list[str]]:
    (table,) = docx.Document(str(path)).tables
    return [[cell.text for cell in row.cells] for row in table.rows]


def accepted_tables(path) -> list[list[list[str]]]:
    """The cell texts of every table as "accept all" leaves them (w:t, inserted or not; no w:delText)."""
    with zipfile.ZipFile(path) as archive:
        body = etree.fromstring(archive.read("word/document.xml"))
    return [[["".join(t.text or "" for t in tc.iter(W + "t")) for tc in tr.iter(W + "tc")] for tr in tbl.iter(W + "tr")]
            for tbl in body.iter(W + "tbl")]


def test_a_period_of_999_years_shows_only_the_years_with_targets(tmp_path):
    """The fuzz's grown plan: period 1–999, a KPI with targets for 110 and 111."""
    plan = plan_with_kpis(1, 999, KPI(name="進駐廠商家數", measurement="累計家數", unit="家", targets={110: "10", 111: "20"}))
    path = write_official_docx(plan, plan.draft, tmp_path / "long.docx")
    assert kpi_rows(path) == [[*HEAD, "110年", "111年"], ["進駐廠商家數", "累計家數", "家", "10", "20"]]


def test_years_without_a_target_of_any_kpi_are_left_out_only_past_twelve_years():
    a = KPI(id="a", name="甲", targets={101: "1", 105: "5"})
    b = KPI(id="b", name="乙", targets={103: "3", 200: "outside the period"})
    twelve = kpi_table(Strategy(kpis=[a, b]), list(range(101, 101 + YEAR_COLUMNS)))
    assert twelve[0] == [*HEAD, *(f"{y}年" for y in range(101, 113))]  # an ordinary period: every year
    thirteen = kpi_table(Strategy(kpis=[a, b]), list(range(101, 114)))
    assert thirteen[0] == [*HEAD, "101年", "103年", "105年"]
    assert thirteen[1] == [("a", ["甲", "", "", "1", "", "5"]), ("b", ["乙", "", "", "", "3", ""])]
    assert len(thirteen[2]) == 6


def test_more_years_with_targets_than_columns_become_one_column_of_targets(tmp_path):
    targets = {year: str(year * 10) for year in range(1, YEAR_COLUMNS + 2)}  # 13 years with targets
    plan = plan_with_kpis(1, 999, KPI(name="指標", measurement="標準", unit="件", targets=targets))
    path = write_official_docx(plan, plan.draft, tmp_path / "many.docx")
    listed = "；".join(f"{year}年 {year * 10}" for year in range(1, 14))
    assert kpi_rows(path) == [[*HEAD, KPI_TARGETS_HEADING], ["指標", "標準", "件", listed]]


def test_the_tracked_document_of_a_999_year_grown_plan_has_the_short_tables(tmp_path, capsys):
    """The fuzz's grown plan (base plan, 10 copies of its first strategy, period 1–999) through
    ``diff --table --tracked``: both documents written, the KPI rows as in the official export."""
    data = base_plan()
    area = data["draft"]["content"]["focus"]["focus_areas"][0]
    template = area["strategies"][0]
    for n in range(10):
        copy = json.loads(json.dumps(template))
        copy["id"] = f"grown{n}"
        for i, action in enumerate(copy["actions"]):
            action["id"] = f"grown{n}a{i}"
            action["actions"] = []
        area["strategies"].append(copy)
    data["period"] = {"start": 1, "end": 999}
    path = tmp_path / "grown.plan.json"
    path.write_bytes(dump(data))
    table, tracked = tmp_path / "table.docx", tmp_path / "tracked.docx"
    assert main(["diff", str(path), "--table", str(table), "--tracked", str(tracked)]) == 0
    capsys.readouterr()
    kpi_tables = [rows for rows in accepted_tables(tracked) if rows[0][0] == "關鍵績效指標"]
    assert kpi_tables == [[[*HEAD, "110年", "111年"], ["進駐廠商家數", "累計家數", "家", "10", "20"]]] * 11
    assert load_plan(path).period.end == 999


def test_a_title_of_100000_characters_in_the_tracked_document(tmp_path, capsys):
    """The fuzz's megabyte-string mutant: the plan's title 100,000 characters of 「推動產業轉型，」."""
    data = base_plan()
    data["title"] = ("推動產業轉型，" * 14_286)[:100_000]
    path = tmp_path / "long-title.plan.json"
    path.write_bytes(dump(data))
    tracked = tmp_path / "tracked.docx"
    assert main(["diff", str(path), "--table", str(tmp_path / "table.docx"), "--tracked", str(tracked)]) == 0
    capsys.readouterr()
    title = docx.Document(str(tracked)).paragraphs[0]
    assert title.style.name == "Title"
    assert title.text.startswith(data["title"]) and len(title.text) > 100_000  # the title, then its revision line


def test_long_token_diffs_keep_the_common_ends_and_replace_the_middle():
    long = "推動產業轉型，" * 10_000
    assert token_diff(long, long) == [(EQUAL, long)]
    assert token_diff(long + "108年", long + "109年") == [(EQUAL, long), (DELETE, "108"), (INSERT, "109"), (EQUAL, "年")]
    middle_old, middle_new = "甲乙" * 600, "丙丁" * 600  # 1,200 × 1,200 tokens between the common ends: replaced whole
    assert token_diff("始" + middle_old + "終", "始" + middle_new + "終") == [
        (EQUAL, "始"), (DELETE, middle_old), (INSERT, middle_new), (EQUAL, "終")]
    assert token_diff("第108年", "第109年") == [(EQUAL, "第"), (DELETE, "108"), (INSERT, "109"), (EQUAL, "年")]


def test_a_long_period_s_kpi_tables_import_back_to_the_same_targets(tmp_path, capsys):
    """Export → import of a 21-year plan: the sparse year columns and the one column of targets
    (「100年 一百；…」, a value holding 「；」 too) give back each KPI's targets."""
    many = {year: f"目標{year}" for year in range(100, 114)}  # 14 years with targets: one column
    many[105] = "五；六"
    plan = plan_with_kpis(100, 120, KPI(name="指標", targets=many))
    plan.title = "測試市政府100至120年度中程施政計畫"
    plan.draft.content.focus.focus_areas[0].strategies.append(Strategy(title="二", kpis=[KPI(name="乙", targets={110: "5", 118: "8"})]))
    exported = write_official_docx(plan, plan.draft, tmp_path / "long.docx")
    back = tmp_path / "back.plan.json"
    assert main(["import", str(exported), "-o", str(back)]) == 0
    assert "not placed" not in capsys.readouterr().err
    strategies = load_plan(back).draft.content.focus.focus_areas[0].strategies
    assert [[(k.name, k.targets) for k in s.kpis] for s in strategies] == [[("指標", many)], [("乙", {110: "5", 118: "8"})]]
