"""Every kind of .docx the program writes passes an ECMA-376 validator (openxml-audit: the schemas,
element order, relationships, and Word's own repair rules) with zero errors and zero warnings."""
from __future__ import annotations

import pytest

from editor.export.amendments import write_amendment_table, write_tracked_document
from editor.export.official_docx import OfficialOptions, write_official_docx
from schema.compare import compare
from schema.document import Document
from schema.fileio import load_plan
from schema.model import KPI, Action, FocusArea, Goal, Period, PlanDocument, Revision, Strategy
from tests.editor.ooxml_support import findings
from tests.editor.test_tracked_docx import AMENDMENTS, amended
from tests.paths import DEMO, SAMPLE


def _detailed_plan() -> PlanDocument:
    plan = PlanDocument(title="測試市政府108至111年度中程施政計畫" + "長" * 300, organisation="測試市政府",
                        period=Period(start=108, end=111))
    plan.draft = Revision(label="110年修正草案", note="說明" * 200)
    content = plan.draft.content
    content.goals.goals = [Goal(id="g1", title="產業轉型優先", body="目標說明。"), Goal(id="g2", title="增加就業優先")]
    content.focus.focus_areas = [FocusArea(title="拚經濟", body="重點說明。\n第二段。", strategies=[Strategy(
        title="推動\t園區", body="第一段。\n\n第二段。", lead_agencies=["經濟發展局"], goal_ids=["g1"],
        actions=[Action(text="成立小組。\n換行。", actions=[Action(text="細項。")])],
        kpis=[KPI(name="招商金額", measurement="年度招商金額", unit="", targets={108: "100"})], budget={108: 1200.5},
    )])]
    return plan


def _official(tmp_path, name, plan, **options):
    return write_official_docx(plan, None, tmp_path / f"{name}.docx", options=OfficialOptions(**options))


def _amendments(tmp_path, name, plan, old, new):
    comparison = compare(old.content, new.content)
    return [write_amendment_table(comparison, plan, old, plan, new, tmp_path / f"{name}-table.docx"),
            write_tracked_document(comparison, plan, old, plan, new, tmp_path / f"{name}-tracked.docx")]


def _all_amendments(content):
    ops = []
    for name in ("add", "delete", "rename", "body edit", "action removed"):
        ops += AMENDMENTS[name](content)
    return ops


CASES = {
    "sample": lambda tmp: [_official(tmp, "sample", load_plan(SAMPLE))],
    "sample with toc, no chart": lambda tmp: [_official(tmp, "toc", load_plan(SAMPLE), toc=True, chart=False)],
    "demo and its amendment": lambda tmp: [_official(tmp, "demo", load_plan(DEMO)),
                                           *_amendments(tmp, "demo", load_plan(DEMO), load_plan(DEMO).revisions[-1], load_plan(DEMO).draft)],
    "details, long properties": lambda tmp: [_official(tmp, "details", _detailed_plan(), toc=True)],
    "amendments of every kind": lambda tmp: _amendments(tmp, "kinds", (p := _amended_plan()), p.revisions[-1], p.draft),
    "no change": lambda tmp: _amendments(tmp, "same", (p := load_plan(SAMPLE)), p.revisions[-1], p.revisions[-1]),
    "a 999-year period": lambda tmp: [_official(tmp, "years", _long_period(), chart=False)],
}


def _amended_plan():
    return amended(_all_amendments)


def _long_period() -> PlanDocument:
    plan = PlanDocument(title="計畫", period=Period(start=1, end=999))
    plan.draft.content.focus.focus_areas = [FocusArea(title="重點", strategies=[Strategy(
        title="策略", kpis=[KPI(name="指標", targets={1: "1", 999: "999"})])])]
    Document(plan.draft.content)  # a valid content
    return plan


@pytest.mark.parametrize("case", list(CASES))
def test_every_export_is_valid_ooxml(validator, tmp_path, case):
    paths = CASES[case](tmp_path)
    assert paths
    for path in paths:
        assert findings(validator, path) == [], path.name


def test_the_validator_catches_an_element_out_of_order(validator, tmp_path):
    """The check means something: a paragraph's properties after its runs (what Word repairs) is reported."""
    import zipfile

    good = _official(tmp_path, "good", load_plan(SAMPLE), chart=False)
    bad = tmp_path / "bad.docx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                text = data.decode()
                start = text.index("<w:pPr>")
                end = text.index("</w:pPr>", start) + len("</w:pPr>")
                close = text.index("</w:p>", end)
                text = text[:start] + text[end:close] + text[start:end] + text[close:]
                data = text.encode()
            dst.writestr(info, data)
    assert findings(validator, good) == []
    assert any("pPr" in finding for finding in findings(validator, bad))
