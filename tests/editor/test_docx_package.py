"""Documents a reviewer cannot tell from the office's own: the package around the text (settings,
fonts, properties, dates), the optional table of contents, the tracked document's own settings,
and the same bytes from the same plan."""
from __future__ import annotations

import zipfile
from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest
from lxml import etree

from editor.export.amendments import write_amendment_table, write_tracked_document
from editor.export.docx_package import PROPERTY_LIMIT, export_date
from editor.export.official_docx import OfficialOptions, write_official_docx
from editor.export.tracked_text import title_diff, token_diff
from schema.compare import compare
from schema.fileio import load_plan
from schema.model import KPI, FocusArea, Period, PlanDocument, Revision, Strategy
from schema.textdiff import DELETE, EQUAL, INSERT
from tests.paths import DEMO, SAMPLE

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {"w": W[1:-1]}


def part(path: Path, name: str):
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read(name))


@pytest.fixture(scope="module")
def demo_exports(tmp_path_factory):
    out = tmp_path_factory.mktemp("package")
    plan = load_plan(DEMO)
    old, new = plan.revisions[-1], plan.draft
    comparison = compare(old.content, new.content)
    return plan, {
        "official": write_official_docx(plan, None, out / "official.docx"),
        "table": write_amendment_table(comparison, plan, old, plan, new, out / "table.docx"),
        "tracked": write_tracked_document(comparison, plan, old, plan, new, out / "tracked.docx"),
    }


@pytest.mark.parametrize("kind", ["official", "table", "tracked"])
def test_no_template_leftovers(demo_exports, kind):
    plan, paths = demo_exports
    path = paths[kind]
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        types = archive.read("[Content_Types].xml").decode()
        rels = archive.read("_rels/.rels").decode() + archive.read("word/_rels/document.xml.rels").decode()
    assert "word/stylesWithEffects.xml" not in names and "stylesWithEffects" not in types + rels
    assert not [n for n in names if "thumbnail" in n] and "thumbnail" not in types + rels
    settings = part(path, "word/settings.xml")
    modes = [s.get(f"{W}val") for s in settings.iter(f"{W}compatSetting") if s.get(f"{W}name") == "compatibilityMode"]
    assert modes == ["15"]  # no 「相容模式」 in Word's title bar
    assert settings.find(f"{W}savePreviewPicture") is None and settings.find(f"{W}updateFields") is None
    assert settings.find(f"{W}themeFontLang").get(f"{W}eastAsia") == "zh-TW"
    fonts = {f.get(f"{W}name"): f for f in part(path, "word/fontTable.xml")}
    kai = fonts["標楷體"]
    assert kai.find(f"{W}altName").get(f"{W}val") == "DFKai-SB"
    assert kai.find(f"{W}charset").get(f"{W}val") == "88"  # Big5
    assert "ＭＳ 明朝" not in fonts and "ＭＳ ゴシック" not in fonts
    app = etree.tostring(part(path, "docProps/app.xml"), encoding="unicode")
    assert "<Application>plan-editor</Application>" in app and "<Company>高雄市政府</Company>" in app
    assert "Macintosh" not in app


def test_core_properties_are_the_plans(demo_exports):
    plan, paths = demo_exports
    props = docx.Document(str(paths["official"])).core_properties
    assert props.title == "高雄市政府108至111年度中程施政計畫理念（110年修正草案（示範））"
    assert props.author == props.last_modified_by == "高雄市政府"
    assert props.language == "zh-TW"
    assert "python-docx" not in props.comments
    when = export_date(plan, plan.draft)
    assert props.created == props.modified == when
    table = docx.Document(str(paths["table"])).core_properties
    assert (table.title, table.category, table.author) == ("高雄市政府108至111年度中程施政計畫理念修正對照表", "修正對照表", "高雄市政府")


def test_the_date_comes_from_the_plan_never_the_clock():
    plan = PlanDocument(title="計畫", period=Period(start=108, end=111))
    assert export_date(plan, plan.draft) == datetime(2019, 1, 1, tzinfo=UTC)
    plan.revisions = [Revision(label="108年版", date="2019-06-30")]
    assert export_date(plan, plan.draft) == datetime(2019, 6, 30, tzinfo=UTC)
    assert export_date(plan, Revision(date="2020-02-03T04:05:06")) == datetime(2020, 2, 3, 4, 5, 6, tzinfo=UTC)


def test_the_same_plan_gives_the_same_bytes_dated_by_the_plan(demo_exports, tmp_path):
    plan, paths = demo_exports
    old, new = plan.revisions[-1], plan.draft
    comparison = compare(old.content, new.content)
    again = {
        "official": write_official_docx(plan, None, tmp_path / "official.docx"),
        "table": write_amendment_table(comparison, plan, old, plan, new, tmp_path / "table.docx"),
        "tracked": write_tracked_document(comparison, plan, old, plan, new, tmp_path / "tracked.docx"),
    }
    when = export_date(plan, new).timetuple()[:6]
    for kind, path in again.items():
        assert path.read_bytes() == paths[kind].read_bytes(), kind
        with zipfile.ZipFile(path) as archive:
            assert {info.date_time for info in archive.infolist()} == {when}, kind


def test_properties_over_255_characters_are_shortened_and_the_body_keeps_them(tmp_path):
    long_title = "測試市政府" + "非常長的計畫名稱" * 40  # 325 characters
    plan = PlanDocument(title=long_title, organisation="機關" * 150, period=Period(start=108, end=111))
    plan.draft = Revision(label="修正" * 140, note="說明" * 145)
    path = write_official_docx(plan, None, tmp_path / "long.docx")
    document = docx.Document(str(path))
    props = document.core_properties
    for value in (props.title, props.author, props.subject, props.keywords, props.comments, props.version):
        assert len(value) <= PROPERTY_LIMIT
    assert len(props.title) == PROPERTY_LIMIT and props.title.endswith("…") and long_title.startswith(props.title[:-1])
    title = next(p for p in document.paragraphs if p.style.name == "Title")
    assert title.text == long_title + "\n（" + "修正" * 140 + "）"  # the full text, on the cover


def test_table_of_contents_is_optional_and_lists_every_heading(tmp_path):
    plan = load_plan(SAMPLE)
    path = write_official_docx(plan, None, tmp_path / "toc.docx", options=OfficialOptions(toc=True))
    document = docx.Document(str(path))
    entries = [(p.style.name, p.text) for p in document.paragraphs if p.style.name in ("TOC 1", "TOC 2", "TOC 3")]
    # Sections, focus areas and the chart page: one page of entries, like a printed plan's 目錄.
    headings = [p.text for p in document.paragraphs if p.style.name in ("Heading 1", "Heading 2", "Chart Heading")]
    assert len(headings) == 2 + 5 + 1
    assert [text for _style, text in entries] == headings
    assert entries[:3] == [("TOC 1", "壹、施政重點與發展策略"), ("TOC 2", "一、拚經濟"), ("TOC 2", "二、衝就業")]
    assert entries[-2:] == [("TOC 1", "貳、未來施政藍圖與結語"), ("TOC 1", "架構圖")]
    body = document.element.body
    assert [t.text.strip() for t in body.iter(f"{W}instrText")] == ['TOC \\o "1-2" \\h \\z \\u']
    chars = [c.get(f"{W}fldCharType") for c in body.iter(f"{W}fldChar")]
    assert chars == ["begin", "separate", "end"]
    assert not [c for c in body.iter(f"{W}fldChar") if c.get(f"{W}dirty")]  # Word does not ask to update
    assert document.settings.element.find(f"{W}updateFields") is None
    # The entries sit between the field's separator and its end: the field's result.
    paragraphs = body.findall(f"{W}p")
    first = next(i for i, p in enumerate(paragraphs) if p.find(f".//{W}instrText") is not None)
    last = next(i for i, p in enumerate(paragraphs) if p.find(f".//{W}fldChar[@{W}fldCharType='end']") is not None)
    assert last - first + 1 == len(entries)


def test_the_tracked_document_tracks_the_reviewers_edits_too(demo_exports):
    _plan, paths = demo_exports
    assert part(paths["tracked"], "word/settings.xml").find(f"{W}trackRevisions") is not None
    assert part(paths["official"], "word/settings.xml").find(f"{W}trackRevisions") is None


def test_title_diffs_replace_numbers_and_labels_whole():
    old = "高雄市政府108至111年度中程施政計畫理念\n（109年修正版）"
    new = "高雄市政府108至111年度中程施政計畫理念\n（110年修正草案）"
    assert title_diff(old, new) == [
        (EQUAL, "高雄市政府108至111年度中程施政計畫理念"), (EQUAL, "\x0b"),
        (EQUAL, "（"), (DELETE, "109年修正版"), (INSERT, "110年修正草案"), (EQUAL, "）"),
    ]
    assert token_diff("高雄市政府108至111年度", "高雄市政府109至112年度") == [
        (EQUAL, "高雄市政府"), (DELETE, "108"), (INSERT, "109"), (EQUAL, "至"), (DELETE, "111"), (INSERT, "112"), (EQUAL, "年度"),
    ]
    assert token_diff("（十）", "（九）") == [(EQUAL, "（"), (DELETE, "十"), (INSERT, "九"), (EQUAL, "）")]
    assert token_diff("10.", "9.") == [(DELETE, "10"), (INSERT, "9"), (EQUAL, ".")]


def test_tracked_cover_title_in_the_document(demo_exports):
    _plan, paths = demo_exports
    body = part(paths["tracked"], "word/document.xml").find(f"{W}body")
    title = body.find(f"{W}p")
    assert "".join(title.xpath(".//w:del//w:delText/text()", namespaces=NS)) == "109年修正版"
    assert "".join(title.xpath(".//w:ins//w:t/text()", namespaces=NS)) == "110年修正草案（示範）"


def _plan_with_kpis(kpis: int, years: int) -> PlanDocument:
    period = Period(start=1, end=years)
    targets = {y: str(y) for y in period.years}
    strategy = Strategy(title="策略", kpis=[KPI(name=f"指標{i}", measurement="衡量", unit="", targets=targets) for i in range(kpis)])
    plan = PlanDocument(title="計畫", period=period)
    plan.draft.content.focus.focus_areas = [FocusArea(title="重點", strategies=[strategy])]
    return plan


@pytest.mark.parametrize(("kpis", "years"), [(500, 4), (3, 999)])  # the 999-year plan is dated 1912: zip entries 1980
def test_big_kpi_tables_are_written_whole(tmp_path, kpis, years):
    """500 KPIs, or a 999-year period: every row and every target written (tables are built row by
    row, linear in rows × years; tests/bench/bench_kpi_table.py measures it). Past 12 years with
    targets the years are one column listing each target with its year (schema.importer_tables.YEAR_COLUMNS)."""
    path = write_official_docx(_plan_with_kpis(kpis, years), None, tmp_path / "kpis.docx", options=OfficialOptions(chart=False))
    table = part(path, "word/document.xml").find(f".//{W}tbl")
    rows = table.findall(f"{W}tr")
    assert len(rows) == kpis + 1
    last = rows[-1].findall(f"{W}tc")
    assert "".join(last[0].itertext()) == f"指標{kpis - 1}"
    if years <= 12:
        assert len(last) == 3 + years and "".join(last[-1].itertext()) == str(years)
    else:
        assert len(last) == 4
        assert "".join(rows[0].findall(f"{W}tc")[-1].itertext()) == "各年度目標值"
        assert "".join(last[-1].itertext()) == "；".join(f"{y}年 {y}" for y in range(1, years + 1))


@pytest.mark.parametrize("start", [1, 300])  # ROC year 1 is 1912, 300 is 2211: outside zip's 1980–2107
def test_a_plan_dated_outside_what_zip_can_date_still_exports(tmp_path, start):
    plan = PlanDocument(title="計畫", period=Period(start=start, end=start + 3))
    path = write_official_docx(plan, None, tmp_path / "old.docx", options=OfficialOptions(chart=False))
    with zipfile.ZipFile(path) as archive:
        years = {info.date_time[0] for info in archive.infolist()}
    assert years == {1980 if start == 1 else 2107}
    assert docx.Document(str(path)).core_properties.created.year == start + 1911
