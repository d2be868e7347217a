"""The KPI summary table's columns as wide as their texts, and a strategy's wrapped lines hanging
after its number (editor/export/column_widths.py, used by summary_table_xml)."""
from __future__ import annotations

import re
import subprocess
import zipfile

from hypothesis import given, settings
from hypothesis import strategies as hs

from editor.export.column_widths import CELL_MARGINS, SLACK, fitted_widths, hanging_twips, number_pattern, text_ems
from editor.export.pdf_export import docx_to_pdf
from editor.export.summary_export import write_summary_table
from schema.fileio import load_plan
from schema.model import KPI
from tests.paths import DEMO
from tests.summary_plan import plan_with_figures

EM = 12 * 12_700  # 12 pt in EMU
PAD = CELL_MARGINS + SLACK


def test_a_text_is_measured_in_ems_full_width_one_ascii_half():
    assert text_ems("（一）推動橋頭科學園區") == 11
    assert text_ems("結合 AI 與 5G") == 2 + 2 + 1 + 1.5  # 結合, " AI ", 與, " 5G"
    assert text_ems("108年\n目標值") == 3  # the longest line: 目標值 (108年 is 1.5 + 1)


def test_a_number_is_found_by_its_template_and_hangs_by_its_width():
    assert hanging_twips("（一）推動橋頭科學園區", number_pattern("（{一}）"), 12) == 720  # 3 em of 12 pt
    assert hanging_twips("（十二）推動", number_pattern("（{一}）"), 12) == 960
    assert hanging_twips("(二)亞洲新灣區", number_pattern("({一})"), 12) == 480  # ( and ) half an em each
    assert hanging_twips("3、推動", number_pattern("{1}、"), 12) == 360
    assert hanging_twips("小計", number_pattern("（{一}）"), 12) == 0  # not numbered: no hanging indent


def test_columns_that_fit_get_their_longest_line_and_never_less_than_their_header():
    widths = fitted_widths([("施政重點", ["一、拚經濟"]), ("衡量標準", ["", ""]), ("單位", ["家"])], 30 * EM, 12)
    assert widths == [5 * EM + PAD, 4 * EM + PAD, 2 * EM + PAD]


def test_when_columns_do_not_fit_one_long_text_does_not_wrap_the_others():
    names = [f"策略名稱第{i:02d}號" for i in range(20)]  # 8 em each (the digits half an em)
    columns = [("推動策略", [*names, "很長" * 20]), ("衡量標準", ["累計進駐廠商數"])]
    widths = fitted_widths(columns, 20 * EM + 2 * PAD, 12)
    assert widths == [13 * EM + PAD, 7 * EM + PAD]  # the typical names on a line, the rest of the room too
    assert sum(widths) == 20 * EM + 2 * PAD


@settings(max_examples=80, deadline=None)
@given(hs.lists(hs.tuples(hs.text("拚經濟AB", min_size=1, max_size=6), hs.lists(hs.text("推動園區xy5 ", max_size=40), max_size=8)),
                min_size=1, max_size=6),
       hs.integers(1, 80))
def test_widths_stay_within_the_room_and_between_header_and_longest_line(columns, room_ems):
    room = room_ems * EM
    widths = fitted_widths(columns, room, 12)
    least = [int(text_ems(header) * EM) + PAD for header, _cells in columns]
    need = [max(low, int(max(map(text_ems, cells), default=0) * EM) + PAD) for low, (_h, cells) in zip(least, columns)]
    assert all(low <= width <= most for low, width, most in zip(least, widths, need))
    assert sum(widths) <= room or widths == least  # only headers that do not fit overflow
    if sum(need) <= room:
        assert widths == need


def _grid_and_indents(path):
    with zipfile.ZipFile(path) as package:
        xml = package.read("word/document.xml").decode()
    grid = [int(w) for w in re.findall(r'<w:gridCol w:w="(\d+)"/>', xml)]
    return grid, re.findall(r"<w:ind [^>]*/>", xml), xml


def test_the_demo_s_kpi_table_has_every_strategy_on_one_line_and_an_empty_column_narrow(tmp_path):
    path = write_summary_table("kpi", load_plan(DEMO), None, tmp_path / "kpi.docx")
    grid, indents, _xml = _grid_and_indents(path)
    # twips: 四、好生活 5 em; （三）扶植在地藝術，成立文化藝術聚落 18 em; （未訂指標） 6 em; the empty 衡量標準 and 單位
    # their headers (4 and 2 em); each + 276 (cell margins and slack); the four years share the rest of 24.7 cm
    assert grid == [1476, 4596, 1716, 1236, 756, 1056, 1056, 1056, 1056]
    assert indents == ['<w:ind w:left="720" w:hanging="720"/>'] * 29  # every strategy's first line, after （一）
    pdf = docx_to_pdf(path, tmp_path / "kpi.pdf")
    lines = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for name in ("（一）推動橋頭科學園區", "（三）扶植在地藝術，成立文化藝術聚落", "（四）設立「技職人才及技術培育基地」"):
        assert name in lines  # on one line, not broken before its last characters


def test_a_long_strategy_wraps_under_its_words_not_under_its_number(tmp_path):
    plan = plan_with_figures()
    strategy = plan.draft.content.focus.focus_areas[0].strategies[0]
    strategy.title = "推動橋頭科學園區並整合產官學研資源，打造南台灣半導體材料與先進封裝產業聚落"
    strategy.kpis.append(KPI(name="產學合作計畫件數", measurement="當年度與在地大專校院簽訂之產學合作計畫件數，及其技術移轉授權金額",
                             unit="件", targets={108: "3"}))
    path = write_summary_table("kpi", plan, None, tmp_path / "long.docx")
    grid, indents, xml = _grid_and_indents(path)
    # The years keep 1.75 cm (992 twips) for 目標值; the text columns fill the other 14003 - 4 × 992 twips, the
    # strategies up to the line most of their names take (16 em), the one long name wrapped.
    assert grid == [1476, 4131, 1716, 1956, 756, 992, 992, 992, 992]
    assert '<w:ind w:left="720" w:hanging="720"/></w:pPr><w:r><w:t>（一）推動橋頭科學園區並整合' in xml
    pdf = docx_to_pdf(path, tmp_path / "long.pdf")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    first, second = next((a, b) for a, b in zip(text.splitlines(), text.splitlines()[1:]) if "（一）推動橋頭" in a)
    # the wrapped line starts where the words start (3 em after （), not under （一）
    assert second.index(second.strip()[0]) >= first.index("推動")
