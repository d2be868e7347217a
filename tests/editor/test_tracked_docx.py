"""The Word document with tracked changes: "accept all" gives the newer revision's official
document and "reject all" the older one's, on amendments of the Kaohsiung plan and the demo sample.

python-docx's ``Paragraph.text`` skips text inside ``w:ins``, so the tests read the XML: accept
all = unwrap w:ins, drop w:del and rows marked deleted, join a paragraph whose mark is deleted
with the next one; reject all = the reverse, with w:delText read as w:t.
"""
from __future__ import annotations

import copy
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hs
from lxml import etree

from editor.export.amendments import write_tracked_document
from editor.export.fonts import FONTCONFIG_FILE
from editor.export.official_docx import write_official_docx
from editor.export.tracked_docx import DEFAULT_AUTHOR, revision_date
from schema.compare import compare
from schema.document import Document
from schema.fileio import load_plan
from schema.model import KPI, Action, FocusArea, Period, PlanContent, PlanDocument, Revision, Strategy
from schema.operations import Insert, Move, Remove, SetField
from tests.paths import DEMO, SAMPLE
from tests.schema.plans import plan_contents

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
INS, DEL = f"{W}ins", f"{W}del"


# --- reading the XML as Word's Accept all / Reject all would leave it --------------------------------
def body_of(path: Path):
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read("word/document.xml")).find(f"{W}body")


def resolve(body, accept: bool):
    """The body after "accept all" (accept=True) or "reject all"."""
    body = copy.deepcopy(body)
    drop, keep = (DEL, INS) if accept else (INS, DEL)
    for row in list(body.iter(f"{W}tr")):
        props = row.find(f"{W}trPr")
        if props is not None and props.find(drop) is not None:
            row.getparent().remove(row)
    marks: list = []  # paragraphs whose mark goes away
    for el in list(body.iter(drop, keep)):
        parent = el.getparent()
        if parent.tag in (f"{W}rPr", f"{W}trPr"):
            if el.tag == drop and parent.tag == f"{W}rPr":
                marks.append(parent.getparent().getparent())
            parent.remove(el)
        elif el.tag == drop:
            parent.remove(el)
        else:
            at = parent.index(el)
            for child in list(el):
                parent.insert(at, child)
                at += 1
            parent.remove(el)
    if not accept:
        for t in body.iter(f"{W}delText"):
            t.tag = f"{W}t"
    for p in marks:
        following = p.getnext()
        runs = [c for c in p if c.tag != f"{W}pPr"]
        if runs and text_of(p):
            assert following is not None and following.tag == f"{W}p", "a paragraph with text joins the next paragraph"
            at = 1 if following.find(f"{W}pPr") is not None else 0
            for run in runs:
                following.insert(at, run)
                at += 1
        p.getparent().remove(p)
    return body


def text_of(el) -> str:
    out = []
    for node in el.iter(f"{W}t", f"{W}delText", f"{W}tab", f"{W}br"):
        out.append({f"{W}tab": "\t", f"{W}br": "\n"}.get(node.tag, node.text or ""))
    return "".join(out)


def blocks(body) -> list[tuple]:
    """(style, text, pictures) of every paragraph and (row, cell texts) of every table row, in order."""
    out = []
    for el in body:
        if el.tag == f"{W}p":
            style = el.find(f"{W}pPr/{W}pStyle")
            out.append((style.get(f"{W}val") if style is not None else "", text_of(el), len(el.findall(f".//{W}drawing"))))
        elif el.tag == f"{W}tbl":
            out += [("row", tuple(text_of(tc) for tc in tr.iter(f"{W}tc"))) for tr in el.iter(f"{W}tr")]
    return out


def row_marks(body) -> list[tuple]:
    """(repeated as a header, bookmark names) of every table row, in order."""
    return [(tr.find(f"{W}trPr/{W}tblHeader") is not None, [b.get(f"{W}name") for b in tr.iter(f"{W}bookmarkStart")])
            for tr in body.iter(f"{W}tr")]


def official(plan, revision, path: Path) -> list[tuple]:
    write_official_docx(plan, revision, path)
    return blocks(body_of(path))


def check_accept_and_reject(plan_old, old, plan_new, new, tmp_path: Path) -> Path:
    comparison = compare(old.content, new.content)
    tracked = write_tracked_document(comparison, plan_old, old, plan_new, new, tmp_path / "tracked.docx")
    body = body_of(tracked)
    accepted = resolve(body, accept=True)
    assert blocks(accepted) == official(plan_new, new, tmp_path / "new.docx")
    assert blocks(resolve(body, accept=False)) == official(plan_old, old, tmp_path / "old.docx")
    # Accepted, its tables are the official document's: the same header rows, the same KPI bookmarks.
    assert row_marks(accepted) == row_marks(body_of(tmp_path / "new.docx"))
    return tracked


# --- plans ------------------------------------------------------------------------------------
def amended(make_ops, *, date: str = "2021-06-30", author: str = "研考會") -> PlanDocument:
    plan = load_plan(SAMPLE)
    draft = Revision(label="110年修正版", date=date, author=author, content=plan.revisions[-1].content.model_copy(deep=True))
    Document(draft.content).apply_all(make_ops(draft.content))
    plan.draft = draft
    return plan


def strategy(content, area: int, index: int):
    return content.focus.focus_areas[area].strategies[index]


AMENDMENTS = {
    "rename": lambda c: [SetField(strategy(c, 3, 0).id, "title", "加速興建捷運及輕軌路網")],
    "delete": lambda c: [Remove(c.focus.focus_areas[0].id, 1)],
    "add": lambda c: [Insert(c.focus.focus_areas[4].id, 0, {
        "kind": "strategy", "id": "x1", "title": "推動智慧防災韌性城市", "body": "強化城市韌性。",
        "actions": [{"kind": "action", "id": "x2", "text": "建置防災平台。"}, {"kind": "action", "id": "x3", "text": "推動社區防災。"}]})],
    "move": lambda c: [Move(strategy(c, 1, 5).id, c.focus.focus_areas[0].id, 5)],
    "reorder": lambda c: [Move(strategy(c, 3, 5).id, c.focus.focus_areas[3].id, 0)],
    "body edit": lambda c: [SetField(strategy(c, 3, 5).id, "body", strategy(c, 3, 5).body.replace("雙管齊下", "多管齊下") + "\n新增第二段。")],
    "lines merged": lambda c: [SetField(strategy(c, 0, 3).id, "body", strategy(c, 0, 3).body.replace("\n", ""))],
    "action removed": lambda c: [Remove(strategy(c, 0, 0).id, 0)],
    "preface paragraph removed": lambda c: [Remove(c.preface.id, 0)],
    "focus area moved": lambda c: [Move(c.focus.focus_areas[4].id, c.focus.id, 0)],
}


@pytest.fixture(scope="module")
def sample_plan():
    return load_plan(SAMPLE)


@pytest.mark.parametrize("name", list(AMENDMENTS))
def test_accept_all_gives_the_new_text_and_reject_all_the_old(name, tmp_path):
    plan = amended(AMENDMENTS[name])
    check_accept_and_reject(plan, plan.revisions[-1], plan, plan.draft, tmp_path)


def test_all_amendments_at_once_and_the_demo_sample(tmp_path):
    def everything(c):
        ops = []
        for name in ("rename", "body edit", "add", "action removed", "move", "delete", "reorder"):
            ops += AMENDMENTS[name](c)
        return ops

    plan = amended(everything)
    check_accept_and_reject(plan, plan.revisions[-1], plan, plan.draft, tmp_path)
    demo = load_plan(DEMO)
    (tmp_path / "demo").mkdir()
    tracked = check_accept_and_reject(demo, demo.revisions[-1], demo, demo.draft, tmp_path / "demo")
    body = body_of(tracked)
    inserted = "".join(text_of(el) for el in body.iter(INS))
    deleted = "".join(text_of(el) for el in body.iter(DEL))
    assert "與研發" in inserted and "推動智慧防災韌性城市" in inserted
    assert "運用5G、AIoT、互動科技創造文化新經濟" in deleted
    # The chart's boxes changed: the old picture deleted and the new inserted, in one paragraph.
    chart = [p for p in body.iter(f"{W}p") if p.findall(f".//{W}drawing")]
    assert len(chart) == 1
    assert [el.tag for el in chart[0] if el.tag in (INS, DEL)] == [DEL, INS]


def test_a_revision_against_itself_is_its_official_document_without_a_mark(tmp_path):
    # Every item kept as it was goes through the official writer's own paragraphs: the same
    # paragraphs, runs and bookmarks, and not one revision mark.
    plan = load_plan(SAMPLE)
    revision = plan.revisions[-1]
    tracked = body_of(write_tracked_document(compare(revision.content, revision.content), plan, revision, plan, revision,
                                             tmp_path / "tracked.docx"))
    assert list(tracked.iter(INS, DEL, f"{W}delText")) == []
    assert blocks(tracked) == official(plan, revision, tmp_path / "official.docx")
    paragraphs = [p for p in tracked.iter(f"{W}p") if p.find(f"{W}bookmarkStart") is not None]
    expected = [p for p in body_of(tmp_path / "official.docx").iter(f"{W}p") if p.find(f"{W}bookmarkStart") is not None]
    assert len(paragraphs) == len(expected) == 89
    shape = lambda p: [(el.tag, text_of(el), el.get(f"{W}name")) for el in p if el.tag != f"{W}pPr"]  # noqa: E731
    assert [shape(p) for p in paragraphs] == [shape(p) for p in expected]


def test_a_renumbered_heading_tracks_its_number(tmp_path):
    plan = amended(AMENDMENTS["delete"])
    tracked = check_accept_and_reject(plan, plan.revisions[-1], plan, plan.draft, tmp_path)
    headings = [p for p in body_of(tracked).iter(f"{W}p") if "亞洲新灣區再啟航" in text_of(p) or "設置科技新創園區" in text_of(p)]
    removed, renumbered = headings[0], headings[1]
    # The removed strategy: every run deleted, and its paragraph mark too.
    assert all(r.getparent().tag == DEL for r in removed.iter(f"{W}r"))
    assert removed.find(f"{W}pPr/{W}rPr/{W}del") is not None
    # （三）設置科技新創園區 is now （二）: 三 deleted, 二 inserted, the title untouched and bookmarked
    # with the strategy's id (the number stays outside the bookmark).
    strategy = plan.draft.content.focus.focus_areas[0].strategies[1]
    assert [(el.tag, text_of(el) or el.get(f"{W}name")) for el in renumbered if el.tag != f"{W}pPr"] == [
        (f"{W}r", "（"), (DEL, "三"), (INS, "二"), (f"{W}r", "）"),
        (f"{W}bookmarkStart", f"pe_{strategy.id}_title"), (f"{W}r", "設置科技新創園區"), (f"{W}bookmarkEnd", None),
    ]


def test_every_mark_has_a_unique_id_the_author_and_the_date(tmp_path):
    plan = amended(lambda c: AMENDMENTS["add"](c) + AMENDMENTS["delete"](c))
    tracked = check_accept_and_reject(plan, plan.revisions[-1], plan, plan.draft, tmp_path)
    marks = list(body_of(tracked).iter(INS, DEL))
    assert len(marks) > 10
    ids = [m.get(f"{W}id") for m in marks]
    assert len(set(ids)) == len(ids)
    assert {m.get(f"{W}author") for m in marks} == {"研考會"}
    assert {m.get(f"{W}date") for m in marks} == {"2021-06-30T00:00:00Z"}
    # Inserted paragraphs carry an inserted paragraph mark, so "reject" leaves no empty paragraph.
    added = [p for p in body_of(tracked).iter(f"{W}p") if text_of(p) in ("（一）推動智慧防災韌性城市", "強化城市韌性。", "1.\t建置防災平台。")]
    assert len(added) == 3 and all(p.find(f"{W}pPr/{W}rPr/{W}ins") is not None for p in added)


def test_author_and_date_default_to_the_program_and_the_plan_never_the_clock():
    plan = PlanDocument(title="計畫", period=Period(start=108, end=111))
    assert DEFAULT_AUTHOR == "計畫編修器"
    assert revision_date(Revision(date="2020-01-02"), plan) == "2020-01-02T00:00:00Z"
    # No date of its own: the newest dated revision's, else 1 January of the plan's first year (2019).
    assert revision_date(Revision(), plan) == "2019-01-01T00:00:00Z"
    assert revision_date(Revision(date="not a date"), plan) == "2019-01-01T00:00:00Z"
    plan.revisions = [Revision(label="108年版", date="2019-05-06T10:20:30+08:00")]
    assert revision_date(Revision(), plan) == "2019-05-06T02:20:30Z"


def _plan_with_tables(**changes) -> PlanDocument:
    strategy = Strategy(
        id="s1", title="推動橋頭科學園區", body="第一段。",
        actions=[Action(id="a1", text="成立小組。", actions=[Action(id="a2", text="細項甲。")])],
        lead_agencies=["經濟發展局"], budget={108: 1200.0},
        kpis=[KPI(id="k1", name="招商金額", unit="億元", targets={108: "100"}), KPI(id="k2", name="進駐廠商", unit="家", targets={109: "5"})],
    )
    plan = PlanDocument(title="測試市政府108至111年度中程施政計畫", organisation="測試市政府", period=Period(start=108, end=111))
    plan.revisions = [Revision(label="108年原版", author="研考會")]
    plan.revisions[0].content.focus.focus_areas = [FocusArea(id="f1", title="拚經濟", strategies=[strategy])]
    plan.draft = Revision(label="109年修正版", content=plan.revisions[0].content.model_copy(deep=True))
    Document(plan.draft.content).apply_all([SetField("s1", name, value) for name, value in changes.items()])
    return plan


def test_table_rows_are_tracked_row_by_row(tmp_path):
    plan = _plan_with_tables(
        lead_agencies=["經濟發展局", "工務局"], supporting_agencies=["都市發展局"], budget={},
        kpis=[{"id": "k2", "name": "進駐廠商", "measurement": "", "unit": "家", "targets": {"109": "8"}}],
    )
    tracked = check_accept_and_reject(plan, plan.revisions[-1], plan, plan.draft, tmp_path)
    rows = list(body_of(tracked).iter(f"{W}tr"))
    state = [("ins" if r.find(f"{W}trPr/{W}ins") is not None else "del" if r.find(f"{W}trPr/{W}del") is not None else "kept", text_of(r)) for r in rows]
    assert state == [
        ("kept", "主辦機關經濟發展局、工務局"), ("del", "預算（千元）108年 1,200"), ("ins", "協辦機關都市發展局"),
        ("kept", "關鍵績效指標衡量標準單位108年109年110年111年"), ("del", "招商金額億元100"), ("kept", "進駐廠商家58"),
    ]
    # The author of the draft is empty: the program signs the marks.
    assert {m.get(f"{W}author") for m in body_of(tracked).iter(INS, DEL)} == {DEFAULT_AUTHOR}


def test_kpi_rows_carry_the_kpi_bookmarks_and_their_header_repeats_as_in_the_official_document(tmp_path):
    plan = _plan_with_tables(
        lead_agencies=["經濟發展局", "工務局"], supporting_agencies=["都市發展局"], budget={},
        kpis=[{"id": "k2", "name": "進駐廠商", "measurement": "", "unit": "家", "targets": {"109": "8"}},
              {"id": "k3", "name": "新增就業", "measurement": "", "unit": "人", "targets": {"110": "300"}}],
    )
    tracked = check_accept_and_reject(plan, plan.revisions[-1], plan, plan.draft, tmp_path)
    kpi_table = list(body_of(tracked).iter(f"{W}tbl"))[1]
    state = [("ins" if r.find(f"{W}trPr/{W}ins") is not None else "del" if r.find(f"{W}trPr/{W}del") is not None else "kept", text_of(r))
             for r in kpi_table.iter(f"{W}tr")]
    assert list(zip(state, row_marks(kpi_table))) == [
        (("kept", "關鍵績效指標衡量標準單位108年109年110年111年"), (True, [])),
        (("del", "招商金額億元100"), (False, ["pe_k1_name"])),  # gone from the newer version: still named
        (("kept", "進駐廠商家58"), (False, ["pe_k2_name"])),
        (("ins", "新增就業人300"), (False, ["pe_k3_name"])),
    ]
    # The bookmark holds the name cell's text, its deleted and inserted runs alike.
    name_cell = kpi_table.findall(f"{W}tr")[1].find(f"{W}tc/{W}p")
    assert [el.tag.split("}")[1] for el in name_cell if el.tag != f"{W}pPr"] == ["bookmarkStart", "del", "bookmarkEnd"]


def test_a_kpi_moved_to_another_strategy_is_named_where_it_now_is(tmp_path):
    plan = load_plan(SAMPLE)
    old = plan.revisions[-1]
    content = old.content.model_copy(deep=True)
    first = content.focus.focus_areas[0].strategies[0]
    first.kpis = [KPI(id="kmoved", name="招商金額", unit="億元", targets={108: "100"})]
    old = Revision(label=old.label, date=old.date, author=old.author, content=content)
    moved = content.model_copy(deep=True)
    moved.focus.focus_areas[0].strategies[1].kpis = moved.focus.focus_areas[0].strategies[0].kpis
    moved.focus.focus_areas[0].strategies[0].kpis = []
    new = Revision(label="110年修正版", date="2021-06-30", author="研考會", content=moved)
    plan.revisions, plan.draft = [old], new
    tracked = check_accept_and_reject(plan, old, plan, new, tmp_path)
    rows = [(r.find(f"{W}trPr/{W}ins") is not None, r.find(f"{W}trPr/{W}del") is not None, text_of(r), marks)
            for r, (_header, marks) in zip(body_of(tracked).iter(f"{W}tr"), row_marks(body_of(tracked))) if "招商金額" in text_of(r)]
    assert rows == [(False, True, "招商金額億元100", []), (True, False, "招商金額億元100", ["pe_kmoved_name"])]


def test_a_plan_with_tables_against_itself_has_the_official_document_s_rows(tmp_path):
    plan = _plan_with_tables()
    revision = plan.draft
    tracked = body_of(write_tracked_document(compare(revision.content, revision.content), plan, revision, plan, revision,
                                             tmp_path / "tracked.docx"))
    official(plan, revision, tmp_path / "official.docx")
    assert row_marks(tracked) == row_marks(body_of(tmp_path / "official.docx")) == [
        (False, []), (False, []), (True, []), (False, ["pe_k1_name"]), (False, ["pe_k2_name"])]


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed")  # CI installs it
def test_libreoffice_s_accept_all_and_reject_all_keep_the_header_rows_and_the_kpi_bookmarks(tmp_path):
    from tests.review.reviewed_docs import SCRIPT, SYSTEM_PYTHON

    plan = _plan_with_tables(kpis=[{"id": "k2", "name": "進駐廠商", "measurement": "", "unit": "家", "targets": {"109": "8"}},
                                   {"id": "k3", "name": "新增就業", "measurement": "", "unit": "人", "targets": {"110": "300"}}])
    tracked = write_tracked_document(compare(plan.revisions[-1].content, plan.draft.content), plan, plan.revisions[-1], plan,
                                     plan.draft, tmp_path / "tracked-by-us.docx")
    spec = tmp_path / "spec.json"
    spec.write_text(f'{{"input": "{tracked}", "author": "x", "out": "{tmp_path}", "edits": [], "reject_all": true}}', encoding="utf-8")
    done = subprocess.run([SYSTEM_PYTHON, str(SCRIPT), str(spec)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    rows = {name: [(marks, text_of(tr)) for tr, marks in zip(body_of(tmp_path / f"{name}.docx").iter(f"{W}tr"),
                                                             row_marks(body_of(tmp_path / f"{name}.docx")))]
            for name in ("accepted", "rejected")}
    info = [((False, []), "主辦機關經濟發展局"), ((False, []), "預算（千元）108年 1,200"),
            ((True, []), "關鍵績效指標衡量標準單位108年109年110年111年")]
    assert rows["accepted"] == [*info, ((False, ["pe_k2_name"]), "進駐廠商家8"), ((False, ["pe_k3_name"]), "新增就業人300")]
    assert rows["rejected"] == [*info, ((False, ["pe_k1_name"]), "招商金額億元100"), ((False, ["pe_k2_name"]), "進駐廠商家5")]


def test_a_strategy_whose_tables_disappear(tmp_path):
    plan = _plan_with_tables(lead_agencies=[], budget={}, kpis=[])
    check_accept_and_reject(plan, plan.revisions[-1], plan, plan.draft, tmp_path)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(old=plan_contents(), new=plan_contents())
def test_any_two_plans_accept_and_reject_exactly(tmp_path, old, new):
    """Plans that share no ids (matched by content), with any text, lists of any length."""
    plan = PlanDocument(title="測試計畫", period=Period(start=108, end=111), revisions=[Revision(label="甲", content=old)],
                        draft=Revision(label="乙", content=new))
    check_accept_and_reject(plan, plan.revisions[0], plan, plan.draft, tmp_path)


_EDIT = hs.text(hs.sampled_from("甲乙丙，。\n\t "), max_size=12)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(content=plan_contents(), data=hs.data())
def test_edits_of_one_plan_accept_and_reject_exactly(tmp_path, content, data):
    """The same ids on both sides: random texts rewritten, items removed and moved."""
    new = content.model_copy(deep=True)
    document = Document(new)
    from schema.tree import walk

    for node, parent in list(walk(new)):
        if node.id not in document or parent is None:
            continue
        choice = data.draw(hs.sampled_from(["keep", "keep", "edit", "remove", "first"]))
        field = "text" if node.kind in ("paragraph", "action") else "body"
        if choice == "edit" and field in type(node).model_fields:
            document.apply(SetField(node.id, field, getattr(node, field) + data.draw(_EDIT)))
        elif choice == "remove":
            document.apply(Remove(parent.id, document.index_of(node)))
        elif choice == "first" and document.index_of(node) > 0:
            document.apply(Move(node.id, parent.id, 0))
    plan = PlanDocument(title="測試計畫", period=Period(start=108, end=111), revisions=[Revision(label="甲", content=content)],
                        draft=Revision(label="乙", content=new))
    check_accept_and_reject(plan, plan.revisions[0], plan, plan.draft, tmp_path)


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed")  # CI installs it
def test_libreoffice_opens_the_tracked_document(tmp_path):
    demo = load_plan(DEMO)
    comparison = compare(demo.revisions[-1].content, demo.draft.content)
    path = write_tracked_document(comparison, demo, demo.revisions[-1], demo, demo.draft, tmp_path / "tracked.docx")
    env = dict(os.environ, FONTCONFIG_FILE=str(FONTCONFIG_FILE), HOME=str(tmp_path))
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
        check=True, capture_output=True, env=env, timeout=180,
    )
    text = re.sub(r"\s", "", subprocess.run(["pdftotext", str(tmp_path / "tracked.pdf"), "-"], capture_output=True, text=True, check=True).stdout)
    # LibreOffice shows the changes: the deleted action and the added strategy are both on the pages.
    assert "運用5G、AIoT、互動科技創造文化新經濟" in text
    assert "推動智慧防災韌性城市" in text
    assert "轉型為亞洲高階製造與研發中心" in text


def test_windows_line_ends_in_any_field_accept_and_reject_exactly(tmp_path):
    """Found by the property test above: an agency of "\\r\\n" became two line breaks in the
    official document's table but one in the tracked document's."""
    new = PlanContent.model_validate({"focus": {"focus_areas": [{"title": "甲", "strategies": [
        {"title": "乙", "body": "第一段\r\n第二段\r第三段", "lead_agencies": ["\r\n", "研考會\r\n秘書處"]}]}]}})
    plan = PlanDocument(title="測試計畫", period=Period(start=108, end=111), revisions=[Revision(label="甲", content=PlanContent())],
                        draft=Revision(label="乙", content=new))
    check_accept_and_reject(plan, plan.revisions[0], plan, plan.draft, tmp_path)
