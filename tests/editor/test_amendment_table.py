"""The 修正對照表: one row per change with the right cells, marks on exactly the changed characters,
the header repeated on every page, landscape A4 in the official fonts, and 「本次無修正」 when
nothing changed."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_UNDERLINE
from docx.oxml.ns import qn
from docx.shared import Pt
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hs

from editor.export.amendment_table import DELETED_STYLE, FIELD_NAMES, INSERTED_STYLE, NO_CHANGE
from editor.export.amendments import write_amendment_table
from editor.export.fonts import FONTCONFIG_FILE
from schema.compare import compare
from schema.document import Document
from schema.fileio import load_plan
from schema.model import Revision
from schema.operations import Insert, Move, Remove, SetField
from schema.textdiff import DELETE, INSERT
from tests.paths import DEMO, SAMPLE


def amended(make_ops):
    plan = load_plan(SAMPLE)
    plan.draft = Revision(label="110年修正版", content=plan.revisions[-1].content.model_copy(deep=True))
    Document(plan.draft.content).apply_all(make_ops(plan.draft.content))
    return plan


def strategy(content, area: int, index: int):
    return content.focus.focus_areas[area].strategies[index]


def write(plan, tmp_path: Path, old=None, new=None):
    old, new = old or plan.revisions[-1], new or plan.draft
    comparison = compare(old.content, new.content)
    path = write_amendment_table(comparison, plan, old, plan, new, tmp_path / "table.docx")
    return comparison, docx.Document(str(path))


def cell_view(cell) -> dict:
    """The cell's lines, and the text of its runs in the inserted and the deleted style."""
    runs = [run for p in cell.paragraphs for run in p.runs]
    return {
        "lines": [p.text for p in cell.paragraphs if p.text],
        "inserted": "".join(r.text for r in runs if r.style.name == INSERTED_STYLE),
        "deleted": "".join(r.text for r in runs if r.style.name == DELETED_STYLE),
    }


def table_rows(document) -> list[list[dict]]:
    table = document.tables[0]
    return [[cell_view(c) for c in row.cells] for row in table.rows[1:]]


def marked(change, op: int) -> str:
    """What the table must mark for a change: the field diffs' parts of ``op``, in the cell's order, and
    for an added or removed item everything that went with it."""
    order = ["title", "body", "text", *FIELD_NAMES]
    parts = [text for name in order if name in change.fields for o, text in change.fields[name] if o == op]
    side = change.new if op == INSERT else change.old

    def below(sides):
        for s in sides:
            yield s.title or s.text
            if s.title and s.text:
                yield s.text
            yield from below(s.children)

    if side is not None:
        parts += list(below(side.children))
    return "".join(parts).replace("\n", "")


CASES = {
    "rename": (lambda c: [SetField(strategy(c, 3, 0).id, "title", "加速興建捷運及輕軌路網")], "文字修正"),
    "delete": (lambda c: [Remove(c.focus.focus_areas[0].id, 1)], "刪除推動策略"),
    "add": (lambda c: [Insert(c.focus.focus_areas[4].id, 0, {
        "kind": "strategy", "id": "x1", "title": "推動智慧防災韌性城市", "body": "強化城市韌性。",
        "actions": [{"kind": "action", "id": "x2", "text": "建置防災平台。"}, {"kind": "action", "id": "x3", "text": "推動社區防災。"}]})],
        "新增推動策略"),
    "move": (lambda c: [Move(strategy(c, 1, 5).id, c.focus.focus_areas[0].id, 5)], "由二、衝就業移列"),
    "move and edit": (lambda c: [Move(strategy(c, 1, 5).id, c.focus.focus_areas[0].id, 5),
                                 SetField(strategy(c, 1, 5).id, "body", strategy(c, 1, 5).body.replace("青年", "青農"))],
                      "由二、衝就業移列，並酌作文字修正"),
    "reorder": (lambda c: [Move(strategy(c, 3, 5).id, c.focus.focus_areas[3].id, 0)], "調整順序"),
    "body edit": (lambda c: [SetField(strategy(c, 3, 5).id, "body", strategy(c, 3, 5).body.replace("雙管齊下", "多管齊下"))], "文字修正"),
    "action moved to another strategy": (lambda c: [Move(strategy(c, 0, 0).actions[1].id, strategy(c, 0, 2).id, 0)],
                                         "由一、拚經濟（一）推動橋頭科學園區移列"),
    "agencies": (lambda c: [SetField(strategy(c, 0, 0).id, "lead_agencies", ["經濟發展局"]),
                            SetField(strategy(c, 0, 0).id, "title", "推動橋頭科學園區開發")], "文字修正，並修正主辦機關"),
}


@pytest.mark.parametrize("name", list(CASES))
def test_one_row_per_change_with_marks_on_exactly_the_changed_characters(name, tmp_path):
    make_ops, explanation = CASES[name]
    comparison, document = write(amended(make_ops), tmp_path)
    rows = table_rows(document)
    assert len(comparison.changes) == 1 and len(rows) == 1
    change, (new, old, note) = comparison.changes[0], rows[0]
    assert new["inserted"] == marked(change, INSERT)
    assert old["deleted"] == marked(change, DELETE)
    assert new["deleted"] == old["inserted"] == ""
    assert note["lines"] == [explanation]
    # A number, a tab (to the hanging indent), the text.
    if change.new is not None:
        assert f"{change.new.number}\t{change.new.title or change.new.text}" in new["lines"][:2]
    else:
        assert new["lines"] == ["（刪除）"]
    if change.old is None:
        assert old["lines"] == ["（新增）"]


def test_the_cells_read_as_each_version(tmp_path):
    comparison, document = write(amended(lambda c: CASES["rename"][0](c) + CASES["delete"][0](c) + CASES["add"][0](c)), tmp_path)
    rows = table_rows(document)
    assert [c.kind for c in comparison.changes] == ["removed", "modified", "added"]
    removed, renamed, added = rows
    assert removed[0]["lines"] == ["（刪除）"]
    assert removed[1]["lines"][:3] == ["一、拚經濟", "（二）\t亞洲新灣區再啟航", "1.\t啟動都市計畫通盤檢討，提供單一服務窗口、獎補助措施及必要的行政協助，協助排除投資障礙，加速投資案的落實。"]
    assert renamed[0]["lines"][:2] == ["四、好生活", "（一）\t加速興建捷運及輕軌路網"]
    assert renamed[1]["lines"][:2] == ["四、好生活", "（一）\t加速興建捷運輕軌"]
    assert renamed[0]["inserted"] == "及路網" and renamed[1]["deleted"] == ""
    assert added[0]["lines"] == ["五、真安心", "（一）\t推動智慧防災韌性城市", "強化城市韌性。", "1.\t建置防災平台。", "2.\t推動社區防災。"]
    assert added[0]["inserted"] == "推動智慧防災韌性城市強化城市韌性。建置防災平台。推動社區防災。"
    assert added[1]["lines"] == ["（新增）"]
    # Numbered lines hang: wrapped lines start under the text, not back at the cell's edge; the
    # place line is in the table's 12 pt.
    cell = document.tables[0].rows[3].cells[0]
    ind = {p.text: p.paragraph_format for p in cell.paragraphs}
    assert ind["1.\t建置防災平台。"].left_indent == ind["1.\t建置防災平台。"].first_line_indent * -1 == Pt(14)
    assert ind["（一）\t推動智慧防災韌性城市"].left_indent == Pt(38)
    assert ind["強化城市韌性。"].left_indent is None
    assert cell.paragraphs[0].style.name == "Amendment Place" and cell.paragraphs[0].style.font.size == Pt(12)


def test_the_demo_sample_has_its_nine_rows_with_their_notes(tmp_path):
    plan = load_plan(DEMO)
    comparison, document = write(plan, tmp_path)
    rows = table_rows(document)
    assert len(rows) == len(comparison.changes) == 9
    assert [row[2]["lines"] for row in rows] == [[c.note] for c in comparison.changes]
    first = rows[0]
    assert first[1]["deleted"] == "運用5G、AIoT、互動科技創造文化新經濟，並型塑高雄科技文化廊道，進而打造高雄未來港，成為新興文化科技產業出海口。"
    assert first[1]["lines"][0] == "一、拚經濟（三）設置科技新創園區"
    assert rows[1][0]["inserted"] == "與研發"
    label_row = rows[2]
    assert "架構圖策略名稱：建構農漁高雄隊" in label_row[0]["lines"] and label_row[0]["inserted"] == "建構"
    assert "架構圖策略名稱：構建農漁高雄隊" in label_row[1]["lines"] and label_row[1]["deleted"] == "構建"


def test_page_title_note_header_and_fonts(tmp_path):
    _comparison, document = write(load_plan(DEMO), tmp_path)
    section = document.sections[0]
    assert (section.page_width.twips, section.page_height.twips, section.orientation) == (16838, 11906, 1)
    assert [m.twips for m in (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)] == [1417] * 4
    texts = [(p.style.name, p.text) for p in document.paragraphs]
    assert texts[0] == ("Title", "高雄市政府108至111年度中程施政計畫理念修正對照表")
    assert texts[1] == ("Amendment Subtitle", "修正規定：110年修正草案（示範）；現行規定：109年修正版")
    assert "修正規定欄劃底線者" in texts[2][1] and "現行規定欄加刪除線及雙底線者" in texts[2][1]
    assert "單筆畫字" in texts[2][1]  # why deletions carry a double underline
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["修正規定", "現行規定", "說明"]
    header_rows = [i for i, row in enumerate(table.rows) if row._tr.trPr is not None and row._tr.trPr.find(qn("w:tblHeader")) is not None]
    assert header_rows == [0]  # repeated by Word on every page
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows)  # short rows stay whole
    styles = document.styles
    for name in ("Title", "Table Text", "Table Heading", "Amendment Note"):
        assert styles[name].element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "標楷體", name
    assert styles[INSERTED_STYLE].font.underline is True and styles[DELETED_STYLE].font.strike is True
    assert styles[DELETED_STYLE].font.underline == WD_UNDERLINE.DOUBLE  # a struck 一 does not read as ═


def test_comparing_a_revision_with_itself_says_there_is_no_change(tmp_path):
    plan = load_plan(SAMPLE)
    revision = plan.revisions[-1]
    comparison, document = write(plan, tmp_path, revision, revision)
    table = document.tables[0]
    assert comparison.changes == [] and len(table.rows) == 2
    assert table.rows[1].cells[0].text == NO_CHANGE
    assert len({id(c._tc) for c in table.rows[1].cells}) == 1  # one cell across the three columns
    assert document.paragraphs[1].text == "修正規定：109年修正版；現行規定：109年修正版"


_WORDS = hs.text(hs.sampled_from("甲乙丙丁，。、\n"), max_size=15)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(cut=hs.integers(0, 80), removed=hs.integers(0, 10), added=_WORDS)
def test_any_body_edit_marks_exactly_its_characters(tmp_path, cut, removed, added):
    def edit(c):
        body = strategy(c, 3, 5).body
        return [SetField(strategy(c, 3, 5).id, "body", body[:cut] + added + body[cut + removed:])]

    plan = amended(edit)
    comparison, document = write(plan, tmp_path)
    rows = table_rows(document)
    if not comparison.changes:  # the edit changed nothing
        assert [row[0]["lines"] for row in rows] == [[NO_CHANGE]]
    assert len(rows) == max(len(comparison.changes), 1) == 1
    for change, (new, old, _note) in zip(comparison.changes, rows):
        assert new["inserted"] == marked(change, INSERT)
        assert old["deleted"] == marked(change, DELETE)


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed")  # CI installs it
def test_libreoffice_opens_the_table(tmp_path):
    write(load_plan(DEMO), tmp_path)
    env = dict(os.environ, FONTCONFIG_FILE=str(FONTCONFIG_FILE), HOME=str(tmp_path))
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(tmp_path / "table.docx")],
        check=True, capture_output=True, env=env, timeout=180,
    )
    pdf = tmp_path / "table.pdf"
    text = re.sub(r"\s", "", subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout)
    assert "修正對照表" in text and "推動智慧防災韌性城市" in text
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Page size:\s+841\.\d+ x 595\.\d+ pts", info)  # landscape A4
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert pages == 2
    for page in range(1, pages + 1):  # the header row on every page
        words = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert all(header in words for header in ("修正規定", "現行規定", "說明")), page
