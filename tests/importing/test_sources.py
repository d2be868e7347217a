"""Every kind of source imports to the published plan: Word documents with typed numbers or Word list
numbering (as python-docx wrote them and as LibreOffice re-saved them), their PDFs, and the text
with other cities' numbering ladders; nothing of the body's Chinese text is lost or invented."""
from __future__ import annotations

import re

import pytest

from editor.importing.sources import import_file
from schema.tree import walk
from tests.importing.material import published
from tests.schema.test_importer import ACTION_COUNTS, FOCUS_AREAS, STRATEGIES

CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Numbers the importer turns into positions (written independently of the importer's own patterns).
MARK = re.compile(r"^\s*(?:[壹貳參肆]\s*、|[一二三四五六七八九十]+\s*、|[(（][一二三四五六七八九十]+[)）]|[(（]\d+[)）]|\d+\s*[.、])")
CHART_LABELS = {"建構農漁高雄隊": "構建農漁高雄隊", "推行共融化公園及親水公園": "推行共融公園及親水公園", "一學區日照中心": "一學區一日照中心"}
DEFAULT_STYLE = {"section": "{壹}、", "focus_area": "{一}、", "strategy": "（{一}）", "action": "{1}.", "sub_action": "（{1}）"}

SOURCES = {
    # name: what differs from the default numbering style
    "typed.docx": {"strategy": "({一})"},  # typed as the published text has them: half-width
    "list.docx": {},
    "typed.lo.docx": {"strategy": "({一})"},
    "list.lo.docx": {},
    "cities.docx": {"strategy": "({一})"},  # with other cities' KPI tables (tests/importing/test_kpi_layouts.py)
    "typed.pdf": {},  # a PDF's text does not tell （ from (: the official form is kept
    "list.pdf": {},
    "cities.pdf": {},  # its KPI tables read by pdfplumber's table extraction, not as text
    "actions-comma.txt": {"action": "{1}、"},
    "full-width-strategies.txt": {},
    "three-sections.txt": {},
    "shifted-ladder.txt": {"strategy": "{1}、", "action": "（{1}）"},
    "no-chart.txt": {},
    "goals-listed.txt": {},
}


def plan_text(plan, *, with_goals: bool) -> str:
    """The plan's text in document order; goals only when the source lists them in its body."""
    c = plan.revisions[0].content
    parts = [plan.title, plan.revisions[0].label, c.preface.title if c.preface.title != "理念" else ""]
    parts += [p.text for p in c.preface.paragraphs]
    if with_goals:
        parts += [c.goals.title, *(g.title for g in c.goals.goals)]
    parts.append(c.focus.title)
    for area in c.focus.focus_areas:
        parts += [area.title, area.body]
        for s in area.strategies:
            parts += [s.title, s.body]
            for a in s.actions:
                parts += [a.text, *(sub.text for sub in a.actions)]
    parts += [c.closing.title, *(p.text for p in c.closing.paragraphs)]
    return "".join(parts)


def source_body(name: str, material) -> str:
    """The source's body before the chart, numbers removed (a text variant's own text; the published text for the rest)."""
    if name.endswith(".txt"):
        lines = material[name].read_text(encoding="utf-8").split("\n")
        lines = lines[: next((i for i, line in enumerate(lines) if "架構圖" in line), len(lines))]
    else:
        title, body, _chart = published()
        lines = [title, *body]
    return "".join(MARK.sub("", line) for line in lines)


@pytest.mark.parametrize("name", SOURCES)
def test_each_source_gives_the_published_plan(material, name):
    result = import_file(material[name])
    plan = result.plan
    content = plan.revisions[0].content
    areas = content.focus.focus_areas
    assert plan.title == "高雄市政府108至111年度中程施政計畫理念"
    assert (plan.organisation, plan.period.start, plan.period.end) == ("高雄市政府", 108, 111)
    assert [a.title for a in areas] == FOCUS_AREAS
    assert [[s.title for s in a.strategies] for a in areas] == STRATEGIES
    assert [[len(s.actions) for s in a.strategies] for a in areas] == ACTION_COUNTS
    assert sum(1 for node, _ in walk(content) if node.kind == "action") == 27
    assert [g.title for g in content.goals.goals] == ["產業轉型優先", "增加就業優先", "交通建設優先", "改善空污優先"]
    assert content.closing.title == "未來施政藍圖與結語" and len(content.closing.paragraphs) == 2
    assert len(content.preface.paragraphs) == 9
    labels = {s.title: s.chart_label for a in areas for s in a.strategies if s.chart_label}
    assert labels == ({} if name in ("no-chart.txt", "goals-listed.txt") else CHART_LABELS)
    assert plan.numbering_style.model_dump() == DEFAULT_STYLE | SOURCES[name]
    assert result.unplaced == []
    with_goals = name == "goals-listed.txt"
    assert CJK.findall(plan_text(plan, with_goals=with_goals)) == CJK.findall(source_body(name, material))
    assert len(CJK.findall(plan_text(plan, with_goals=with_goals))) > 3800


def test_three_sections_take_the_preface_from_section_one(material):
    content = import_file(material["three-sections.txt"]).plan.revisions[0].content
    assert content.preface.title == "施政理念"
    assert content.focus.title == "施政重點與發展策略"


def test_pdf_paragraphs_are_whole_across_lines_and_pages(material):
    _title, body, _chart = published()
    for name in ("typed.pdf", "list.pdf"):
        content = import_file(material[name]).plan.revisions[0].content
        assert [p.text for p in content.preface.paragraphs][4] == body[4]  # split at a page end in the source PDF
        farm = content.focus.focus_areas[0].strategies[4]
        assert farm.actions[0].text == "結合各地農漁業特色及資源，發展可居住、可旅遊的體驗型觀光農業，將自然資源轉化成為經濟資源，創造更多就業機會，使年輕人回流。"


def test_word_documents_keep_latin_spacing_and_notes(material):
    result = import_file(material["list.lo.docx"])
    preface = result.plan.revisions[0].content.preface.paragraphs
    assert "以 AI、IoT、區塊鏈、體感等智慧科技結合 5G 應用為主軸" in preface[2].text
    assert result.plan.revisions[0].note == "由 Word 文件匯入（list.docx）"
    assert result.warnings == []
