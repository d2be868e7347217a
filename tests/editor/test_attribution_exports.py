"""Who made each change, as the outputs show it: plan-editor diff names the 修改者 on each change's
line, and the tracked-changes document marks each change with its own w:author."""
from __future__ import annotations

import zipfile

from lxml import etree

from editor.cli import main
from editor.export.amendments import write_tracked_document
from schema.compare import compare
from schema.document import Document
from schema.fileio import load_plan, save_plan
from schema.operations import SetField
from tests.paths import SAMPLE

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def attributed():
    """The sample with a draft in which 王小明 renamed (一) of 拚經濟 and 李小華 rewrote the body of (二)."""
    plan = load_plan(SAMPLE)
    plan.draft.author = "研考會"
    areas = plan.draft.content.focus.focus_areas
    first, second = areas[0].strategies[0], areas[0].strategies[1]
    Document(plan.draft.content).apply_all([SetField(first.id, "title", "推動橋頭科學園區開發"), SetField(second.id, "body", "打造新創聚落。")])
    plan.draft.authors = {first.id: "王小明", second.id: "李小華"}
    return plan


def test_diff_names_who_made_each_change(tmp_path, capsys):
    path = tmp_path / "plan.plan.json"
    save_plan(attributed(), path)
    assert main(["diff", str(path)]) == 0
    headers = [line for line in capsys.readouterr().out.splitlines() if line.startswith("modified")]
    assert headers == [
        "modified\t推動策略\t一、（一）推動橋頭科學園區開發\t修改者 王小明",
        "modified\t推動策略\t一、（二）亞洲新灣區再啟航\t修改者 李小華",
    ]


def test_the_tracked_document_marks_each_change_with_its_author(tmp_path):
    plan = attributed()
    old, new = plan.revisions[-1], plan.draft
    path = tmp_path / "tracked.docx"
    write_tracked_document(compare(old.content, new.content, new.authors), plan, old, plan, new, path)
    with zipfile.ZipFile(path) as archive:
        body = etree.fromstring(archive.read("word/document.xml"))
    marks = [(m.get(f"{W}author"), "".join(m.itertext())) for m in body.iter(f"{W}ins", f"{W}del")]
    assert ("王小明", "開發") in marks
    assert {who for who, text in marks if "新創聚落" in text} == {"李小華"}
    assert {who for who, text in marks if text and who != "研考會"} == {"王小明", "李小華"}
    # the cover, signed by the revision's author: its title (an edited, unlabelled draft is （修正草案）) and paragraph marks
    assert [text for who, text in marks if who == "研考會"] == ["109年修正版", "修正草案", "", ""]


def _cells(path, column: int) -> list[list[tuple[str, str]]]:
    """Each row's cell of ``column`` below the heading: its paragraphs as (style id, text)."""
    with zipfile.ZipFile(path) as archive:
        body = etree.fromstring(archive.read("word/document.xml"))
    cells = [list(row.iter(f"{W}tc"))[column] for row in list(body.iter(f"{W}tr"))[1:]]
    return [[(p.find(f"{W}pPr/{W}pStyle").get(f"{W}val"), "".join(p.itertext())) for p in cell.iter(f"{W}p")] for cell in cells]


def test_the_amendment_table_names_the_authors_only_when_asked(tmp_path, capsys):
    path = tmp_path / "plan.plan.json"
    save_plan(attributed(), path)
    assert main(["diff", str(path), "--table", str(tmp_path / "plain.docx")]) == 0
    assert main(["diff", str(path), "--table", str(tmp_path / "authors.docx"), "--authors"]) == 0
    plain, named = _cells(tmp_path / "plain.docx", 2), _cells(tmp_path / "authors.docx", 2)
    assert len(named) == len(plain) == 2
    assert [cell[:-1] for cell in named] == plain  # the same 說明, one line more
    assert [cell[-1][1] for cell in named] == ["修改者：王小明", "修改者：李小華"]
    place_style = _cells(tmp_path / "authors.docx", 0)[0][0][0]  # the small line naming an item's place
    assert {cell[-1][0] for cell in named} == {place_style} != {cell[0][0] for cell in named}
    assert not any("修改者" in text for cell in plain for _s, text in cell)
    capsys.readouterr()
    assert main(["diff", str(path), "--authors"]) == 2
    assert capsys.readouterr().err.strip() == \
        "plan-editor diff: --authors names the authors in the 修正對照表: give --table OUT.docx too"
