"""The summary tables as files: .docx (read back, through LibreOffice, validated), .csv and .xlsx
(read back with the csv module and openpyxl), the official document's appendix, and the command line."""
from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
import zipfile

import docx
import openpyxl
import pytest

from editor import cli
from editor.export.fonts import FONTCONFIG_FILE
from editor.export.official_docx import OfficialOptions, write_official_docx
from editor.export.summary_export import write_summary_table
from tests.editor.ooxml_support import findings
from tests.paths import SAMPLE
from tests.summary_plan import FIGURES_DRAFT_TITLE, plan_with_figures

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TITLE = FIGURES_DRAFT_TITLE


@pytest.fixture(scope="module")
def plan():
    return plan_with_figures()


def cell_texts(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


# --- Word ---------------------------------------------------------------------------------------


def test_the_budget_table_in_word_has_every_line_and_the_exact_totals(plan, tmp_path, validator):
    path = write_summary_table("budget", plan, None, tmp_path / "budget.docx")
    document = docx.Document(str(path))
    assert [p.text for p in document.paragraphs[:3]] == [TITLE, "經費需求表", "單位：千元"]
    section = document.sections[0]
    assert section.page_width > section.page_height  # landscape
    (table,) = document.tables
    rows = cell_texts(table)
    assert rows[0] == ["施政重點", "推動策略", "108年", "109年", "110年", "111年", "合計"]
    assert rows[1] == ["一、拚經濟", "（一）推動橋頭科學園區", "12,500", "30,000.5", "45,000", "52,000.25", "139,500.75"]
    assert rows[2] == ["一、拚經濟", "（二）亞洲新灣區再啟航", "800", "", "1,200.125", "", "2,000.125"]
    assert rows[7] == ["一、拚經濟", "小計", "13,300", "30,000.5", "46,200.125", "52,000.25", "141,500.875"]
    assert rows[-2] == ["五、真安心", "小計", "", "", "", "0.001", "0.001"]
    assert rows[-1] == ["總計", "總計", "16,300", "33,000.5", "49,700.125", "55,500.251", "154,500.876"]  # 總計 spans two columns
    assert len(rows) == 1 + 28 + 5 + 1
    trs = table._tbl.findall(W + "tr")
    assert trs[0].find(f"{W}trPr/{W}tblHeader") is not None  # repeated on every page
    assert all(tr.find(f"{W}trPr/{W}cantSplit") is not None for tr in trs)
    merges = [tc.find(f"{W}tcPr/{W}vMerge") for tc in (tr.findall(W + "tc")[0] for tr in trs[1:8])]
    assert [m.get(W + "val") for m in merges] == ["restart"] + [None] * 6  # 一、拚經濟 merged down its seven lines
    assert findings(validator, path) == []


def test_the_kpi_table_in_word_merges_a_strategy_over_its_indicators(plan, tmp_path, validator):
    path = write_summary_table("kpi", plan, None, tmp_path / "kpi.docx")
    document = docx.Document(str(path))
    assert [p.text for p in document.paragraphs[:2]] == [TITLE, "關鍵績效指標總表"]
    rows = cell_texts(document.tables[0])
    assert rows[0] == ["施政重點", "推動策略", "關鍵績效指標", "衡量標準", "單位", *(f"{y}年\n目標值" for y in range(108, 112))]
    assert rows[1] == ["一、拚經濟", "（一）推動橋頭科學園區", "進駐廠商家數", "累計進駐廠商數", "家", "10", "25", "40", "60"]
    assert rows[2] == ["一、拚經濟", "（一）推動橋頭科學園區", "招商金額", "年度招商金額", "億元", "", "100", "", "300"]
    assert rows[3][2] == "（未訂指標）"
    assert len(rows) == 1 + 29
    second = document.tables[0]._tbl.findall(W + "tr")[2].findall(W + "tc")
    assert [tc.find(f"{W}tcPr/{W}vMerge") is not None for tc in second[:3]] == [True, True, False]
    assert findings(validator, path) == []


def test_other_cities_columns_in_word_narrow_the_others_and_stay_on_the_page(tmp_path, validator):
    plan = plan_with_figures()
    kpi = plan.draft.content.focus.focus_areas[0].strategies[0].kpis[0]
    kpi.objective, kpi.assessment = "吸引投資", "統計資料"
    path = write_summary_table("kpi", plan, None, tmp_path / "kpi.docx")
    document = docx.Document(str(path))
    rows = cell_texts(document.tables[0])
    assert rows[0][:7] == ["施政重點", "推動策略", "策略績效目標", "關鍵績效指標", "評估體制", "衡量標準", "單位"]
    assert rows[1][:7] == ["一、拚經濟", "（一）推動橋頭科學園區", "吸引投資", "進駐廠商家數", "統計資料", "累計進駐廠商數", "家"]
    grid = [int(col.get(W + "w")) for col in document.tables[0]._tbl.find(W + "tblGrid")]
    section = document.sections[0]
    # within the page, to the whole twips each column's width is rounded to (635 EMU a twip)
    assert sum(grid) * 635 <= section.page_width - section.left_margin - section.right_margin + 635 * len(grid)
    assert findings(validator, path) == []


def test_word_tables_are_the_same_bytes_every_time(plan, tmp_path):
    first = write_summary_table("budget", plan, None, tmp_path / "a.docx").read_bytes()
    second = write_summary_table("budget", plan, None, tmp_path / "b.docx").read_bytes()
    assert first == second


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed")  # CI installs it
def test_libreoffice_prints_the_totals_and_repeats_the_header_on_each_page(plan, tmp_path):
    path = write_summary_table("budget", plan, None, tmp_path / "budget.docx")
    env = dict(os.environ, FONTCONFIG_FILE=str(FONTCONFIG_FILE), HOME=str(tmp_path))
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(path)], check=True, capture_output=True, env=env, timeout=180)
    pdf = tmp_path / "budget.pdf"
    pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split("\f")
    pages = [page for page in pages if page.strip()]
    assert len(pages) == 2
    assert all(re.search(r"施政重點\s+推動策略\s+108\s*年", page) for page in pages)  # the header row on both pages
    assert re.search(r"總計\s+16,300\s+33,000\.5\s+49,700\.125\s+55,500\.251\s+154,500\.876", pages[-1])
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "UKaiTW" in fonts


def test_a_table_wider_than_word_allows_is_one_sentence_and_no_file(tmp_path, capsys):
    from schema.fileio import save_plan
    from schema.model import KPI, FocusArea, Period, PlanDocument, Strategy

    plan = PlanDocument(title="計畫", period=Period(start=1, end=999))
    plan.draft.content.focus.focus_areas = [FocusArea(title="重點", strategies=[Strategy(
        title="策略", kpis=[KPI(name="指標", targets={year: str(year) for year in range(1, 60)})])])]
    source = tmp_path / "wide.plan.json"
    save_plan(plan, source)
    out = tmp_path / "kpi.docx"
    assert cli.main(["export", str(source), "--kpi-table", str(out)]) == 2
    assert capsys.readouterr().err == (f"{out} was not written: the 關鍵績效指標總表 would need 64 columns (one per year that holds "
                                       "a figure) and a Word table holds at most 63: write it as .xlsx or .csv instead\n")
    assert not out.exists()
    assert cli.main(["export", str(source), "--kpi-table", str(tmp_path / "kpi.xlsx")]) == 0
    assert openpyxl.load_workbook(tmp_path / "kpi.xlsx").active.max_column == 64


# --- the official document's appendix -------------------------------------------------------------


def test_the_appendix_is_off_by_default_and_adds_both_tables_when_asked(plan, tmp_path, validator):
    plain = docx.Document(str(write_official_docx(plan, None, tmp_path / "plain.docx")))
    assert not any(p.text.startswith("附錄") for p in plain.paragraphs)
    path = write_official_docx(plan, None, tmp_path / "appendix.docx", options=OfficialOptions(toc=True, summary_tables=True))
    document = docx.Document(str(path))
    headings = [p.text for p in document.paragraphs if p.style.name == "Chart Heading"]
    assert headings == ["架構圖", "附錄一　關鍵績效指標總表", "附錄二　經費需求表"]
    toc = [p.text for p in document.paragraphs if p.style.name == "TOC 1"]
    assert toc[-2:] == ["附錄一　關鍵績效指標總表", "附錄二　經費需求表"]
    assert len(document.tables) == len(plain.tables) + 2
    assert cell_texts(document.tables[-1])[-1][-1] == "154,500.876"
    assert cell_texts(document.tables[-2])[1][2] == "進駐廠商家數"
    assert all(s.page_width > s.page_height for s in document.sections[-2:])  # each on a landscape page
    assert findings(validator, path) == []


# --- .csv and .xlsx --------------------------------------------------------------------------------


def test_csv_is_utf8_with_a_bom_and_plain_numbers(plan, tmp_path):
    path = write_summary_table("budget", plan, None, tmp_path / "budget.csv")
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 only with the BOM
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0] == ["施政重點", "推動策略", "108年（千元）", "109年（千元）", "110年（千元）", "111年（千元）", "合計（千元）"]
    assert rows[1] == ["一、拚經濟", "（一）推動橋頭科學園區", "12500", "30000.5", "45000", "52000.25", "139500.75"]
    assert rows[3] == ["一、拚經濟", "（三）設置科技新創園區", "", "", "", "", ""]
    assert rows[-1] == ["總計", "", "16300", "33000.5", "49700.125", "55500.251", "154500.876"]
    assert b"\r\n" in data  # Excel's line ends
    kpis = list(csv.reader(io.StringIO(write_summary_table("kpi", plan, None, tmp_path / "k.csv").read_bytes().decode("utf-8-sig"), newline="")))
    assert kpis[2] == ["一、拚經濟", "（一）推動橋頭科學園區", "招商金額", "年度招商金額", "億元", "", "100", "", "300"]
    assert len(kpis) == 1 + 29


def test_xlsx_keeps_numbers_as_numbers_in_thousands_with_a_frozen_header(plan, tmp_path, validator):
    path = write_summary_table("budget", plan, None, tmp_path / "budget.xlsx")
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.active
    assert sheet.title == "經費需求表"
    assert sheet["A1"].value == f"{TITLE} 經費需求表（單位：千元）"
    assert [c.value for c in sheet[2]] == ["施政重點", "推動策略", "108年（千元）", "109年（千元）", "110年（千元）", "111年（千元）", "合計（千元）"]
    assert [c.value for c in sheet[3]] == ["一、拚經濟", "（一）推動橋頭科學園區", 12500, 30000.5, 45000, 52000.25, 139500.75]
    assert [c.number_format for c in sheet[3][2:]] == ["#,##0", "#,##0.0", "#,##0", "#,##0.00", "#,##0.00"]
    assert [c.value for c in sheet[4]] == ["一、拚經濟", "（二）亞洲新灣區再啟航", 800, None, 1200.125, None, 2000.125]
    last = [c.value for c in sheet[sheet.max_row]]
    assert last == ["總計", None, 16300, 33000.5, 49700.125, 55500.251, 154500.876]
    assert sheet[sheet.max_row][0].font.b
    assert sheet.freeze_panes == "C3" and sheet.print_title_rows == "$2:$2"
    assert sheet.column_dimensions["B"].width > sheet.column_dimensions["A"].width >= 8
    assert sheet.page_setup.orientation == "landscape"
    assert workbook.properties.creator == "高雄市政府"
    assert str(workbook.properties.created) == str(workbook.properties.modified) == "2019-01-01 00:00:00"
    assert findings(validator, path) == []


def test_xlsx_texts_read_back_exactly_as_typed(tmp_path, validator):
    plan = plan_with_figures()
    kpi = plan.draft.content.focus.focus_areas[0].strategies[0].kpis[0]
    kpi.name, kpi.measurement, kpi.unit = "a<b & c>", " 前導空白", "兩\n行"
    path = write_summary_table("kpi", plan, None, tmp_path / "k.xlsx")
    sheet = openpyxl.load_workbook(path).active
    assert [c.value for c in sheet[3]][2:5] == ["a<b & c>", " 前導空白", "兩\n行"]
    assert sheet["C4"].value == "招商金額" and sheet["C5"].value == sheet["C6"].value == "（未訂指標）"  # one shared string, twice
    assert findings(validator, path) == []


def test_xlsx_is_the_same_bytes_dated_by_the_plan(plan, tmp_path):
    first = write_summary_table("kpi", plan, None, tmp_path / "a.xlsx")
    with zipfile.ZipFile(first) as package:
        assert {info.date_time for info in package.infolist()} == {(2019, 1, 1, 0, 0, 0)}
        assert "xl/sharedStrings.xml" in package.namelist()
    assert write_summary_table("kpi", plan, None, tmp_path / "b.xlsx").read_bytes() == first.read_bytes()
    sheet = openpyxl.load_workbook(first).active
    assert [c.value for c in sheet[3]] == ["一、拚經濟", "（一）推動橋頭科學園區", "進駐廠商家數", "累計進駐廠商數", "家", "10", "25", "40", "60"]
    assert [c.value for c in sheet[5]][2:5] == ["（未訂指標）", None, None]


# --- the command line ------------------------------------------------------------------------------


def test_cli_writes_both_tables_in_the_formats_their_names_ask_for(tmp_path, capsys):
    kpi, budget = tmp_path / "kpi.xlsx", tmp_path / "budget.csv"
    assert cli.main(["export", str(SAMPLE), "--kpi-table", str(kpi), "--budget-table", str(budget)]) == 0
    assert capsys.readouterr().out.splitlines() == [str(kpi), str(budget)]
    assert openpyxl.load_workbook(kpi).active["C3"].value == "（未訂指標）"
    assert budget.read_bytes().decode("utf-8-sig").splitlines()[-1] == "總計,,,,,,"


@pytest.mark.parametrize("option", ["--kpi-table", "--budget-table"])
def test_cli_refuses_a_table_of_an_unknown_format_and_writes_nothing(tmp_path, capsys, option):
    out = tmp_path / "table.ods"
    assert cli.main(["export", str(SAMPLE), "--docx", str(tmp_path / "p.docx"), option, str(out)]) == 2
    assert capsys.readouterr().err == f"plan-editor export: {out}: a summary table can be written as .docx, .csv or .xlsx, not .ods.\n"
    assert list(tmp_path.iterdir()) == []


def test_cli_refuses_a_name_without_extension_an_input_and_one_name_for_two_outputs(tmp_path, capsys):
    plan = tmp_path / "p.plan.json"
    shutil.copy(SAMPLE, plan)
    before = plan.read_bytes()
    assert cli.main(["export", str(plan), "--budget-table", str(tmp_path / "table")]) == 2
    assert capsys.readouterr().err.endswith("a summary table can be written as .docx, .csv or .xlsx, and this name has no extension.\n")
    assert cli.main(["export", str(plan), "--kpi-table", str(plan)]) == 2
    assert capsys.readouterr().err == f"plan-editor export: {plan} is an input file; choose another output file\n"
    same = tmp_path / "t.csv"
    assert cli.main(["export", str(plan), "--kpi-table", str(same), "--budget-table", str(same)]) == 2
    assert capsys.readouterr().err == f"plan-editor export: {same} is named for two outputs; give each its own file\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.plan.json"] and plan.read_bytes() == before


def test_cli_toc_and_appendix_shape_the_official_document(tmp_path, capsys):
    assert cli.main(["export", str(SAMPLE), "--toc", "--kpi-table", str(tmp_path / "k.csv")]) == 2
    assert capsys.readouterr().err == ("plan-editor export: --toc and --appendix shape the official document: "
                                       "give --docx OUT.docx or --pdf OUT.pdf too\n")
    out = tmp_path / "plan.docx"
    assert cli.main(["export", str(SAMPLE), "--docx", str(out), "--toc", "--appendix"]) == 0
    document = docx.Document(str(out))
    toc = [p.text for p in document.paragraphs if p.style.name == "TOC 1"]
    assert toc == ["壹、施政重點與發展策略", "貳、未來施政藍圖與結語", "架構圖", "附錄一　關鍵績效指標總表", "附錄二　經費需求表"]


def test_cli_tables_alone_read_the_plan_as_plain_data_and_refuse_a_bad_file_in_the_same_sentence(tmp_path, capsys):
    broken = tmp_path / "broken.plan.json"
    broken.write_text('{\n  "format_version": 2,\n  "title": ""\n}\n', encoding="utf-8")
    assert cli.main(["revisions", str(broken)]) == 2
    sentence = capsys.readouterr().err
    assert sentence.startswith(str(broken)) and sentence.count("\n") == 1
    out = tmp_path / "budget.csv"
    assert cli.main(["export", str(broken), "--budget-table", str(out)]) == 2
    assert capsys.readouterr().err == sentence
    assert not out.exists()
    assert cli.main(["export", str(SAMPLE), "--revision", "110年", "--budget-table", str(out)]) == 2
    assert capsys.readouterr().err == (f"plan-editor export: {SAMPLE}: no revision labelled '110年' (known: 109年修正版)\n")
    assert not out.exists()
    assert cli.main(["export", str(SAMPLE), "--revision", "109年修正版", "--kpi-table", str(out)]) == 0
    lines = out.read_bytes().decode("utf-8-sig").splitlines()
    assert lines[0] == "施政重點,推動策略,關鍵績效指標,衡量標準,單位,108年目標值,109年目標值,110年目標值,111年目標值"
    assert len(lines) == 1 + 28 and lines[1] == "一、拚經濟,（一）推動橋頭科學園區,（未訂指標）,,,,,,"


def test_xlsx_is_written_without_openpyxl_with_excel_s_default_theme_and_fixed_styles(plan, tmp_path):
    from openpyxl.writer.theme import theme_xml

    from editor.export.summary_sheets import THEME

    assert THEME.read_text(encoding="utf-8") == theme_xml  # the theme openpyxl wrote, stored
    path = write_summary_table("budget", plan, None, tmp_path / "b.xlsx")
    with zipfile.ZipFile(path) as package:
        assert sorted(package.namelist()) == sorted([
            "[Content_Types].xml", "_rels/.rels", "docProps/app.xml", "docProps/core.xml", "xl/workbook.xml",
            "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/theme/theme1.xml", "xl/sharedStrings.xml",
            "xl/worksheets/sheet1.xml"])
    sheet = openpyxl.load_workbook(path).active
    assert [c.number_format for c in sheet[sheet.max_row - 1]][2:] == ["General", "General", "General", "#,##0.000", "#,##0.000"]
    assert [(c.value, c.font.b, c.fill.fgColor.rgb) for c in sheet[sheet.max_row - 1]][:3] == [
        ("五、真安心", True, "00F2F2F2"), ("小計", True, "00F2F2F2"), (None, True, "00F2F2F2")]  # a blank keeps the line's look
    assert (sheet["A2"].alignment.horizontal, sheet["A2"].fill.fgColor.rgb, sheet["A1"].font.sz) == ("center", "00D9D9D9", 14)


def test_libreoffice_calc_opens_the_xlsx_and_prints_it_one_page_wide_with_the_totals(plan, tmp_path, validator):
    # A real spreadsheet program reads the in-tree SpreadsheetML; printed, 合計 stays on the page with the years.
    path = write_summary_table("budget", plan, None, tmp_path / "budget.xlsx")
    sheet = openpyxl.load_workbook(path).active
    assert (sheet.sheet_properties.pageSetUpPr.fitToPage, sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (True, 1, 0)
    assert findings(validator, path) == []
    env = dict(os.environ, FONTCONFIG_FILE=str(FONTCONFIG_FILE), HOME=str(tmp_path))
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(path)], check=True, capture_output=True, env=env, timeout=180)
    pages = subprocess.run(["pdftotext", "-layout", str(tmp_path / "budget.pdf"), "-"],
                           capture_output=True, text=True, check=True).stdout.split("\f")
    pages = [page for page in pages if page.strip()]
    assert len(pages) == 1
    assert re.search(r"施政重點\s+推動策略\s+108年（千元）\s+109年（千元）\s+110年（千元）\s+111年（千元）\s+合計（千元）", pages[0])
    assert re.search(r"總計\s+16,300\s+33,000\.5\s+49,700\.125\s+55,500\.251\s+154,500\.876", pages[0])
