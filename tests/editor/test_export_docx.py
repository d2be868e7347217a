"""The official Word document: read back with python-docx (and through LibreOffice when installed)."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Pt
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor import cli
from editor.export.fonts import FONTCONFIG_FILE
from editor.export.official_docx import write_official_docx
from editor.export.textclean import clean_text
from schema.fileio import PlanFileError, load_plan
from schema.model import KPI, Action, FocusArea, Goal, Paragraph, Period, PlanDocument, Revision, Strategy
from schema.numbering import all_numbers
from tests.paths import ROOT, SAMPLE

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def sample():
    return load_plan(SAMPLE)


@pytest.fixture(scope="module")
def sample_docx(sample, tmp_path_factory):
    path = tmp_path_factory.mktemp("docx") / "plan.docx"
    calls = []
    write_official_docx(sample, None, path, progress=lambda done, total: calls.append((done, total)))
    return path, calls


def styled(document, name):
    return [p.text for p in document.paragraphs if p.style.name == name]


def test_strategies_and_actions_in_order_with_their_numbers(sample, sample_docx):
    document = docx.Document(str(sample_docx[0]))
    content = sample.draft.content
    numbers = all_numbers(content)
    strategies = [s for a in content.focus.focus_areas for s in a.strategies]
    actions = [x for s in strategies for x in s.actions]
    assert len(strategies) == 28 and len(actions) == 27

    headings3 = styled(document, "Heading 3")
    assert headings3 == [numbers[s.id] + s.title for s in strategies]
    assert headings3[0] == "（一）推動橋頭科學園區"
    assert headings3[5] == "（六）啟動商圈造街計畫"
    assert headings3[-1] == "（四）提升警消裝備妥善率"
    action_paragraphs = styled(document, "Plan Action")
    assert action_paragraphs == [f"{numbers[x.id]}\t{x.text}" for x in actions]
    assert action_paragraphs[0].startswith("1.\t成立「橋頭科學園區專案推動小組」")
    assert action_paragraphs[1].startswith("2.\t為完善橋頭科學園區的交通運輸需求")
    assert styled(document, "Heading 2") == ["一、拚經濟", "二、衝就業", "三、顧教育", "四、好生活", "五、真安心"]
    # No invented 「施政目標」 heading before 壹: the goals are named in the preface and drawn in the chart.
    assert styled(document, "Heading 1") == ["壹、施政重點與發展策略", "貳、未來施政藍圖與結語"]
    # The revision label stands on its own line of the cover (a line break, not a new paragraph).
    assert styled(document, "Title") == ["高雄市政府108至111年度中程施政計畫理念\n（109年修正版）"]
    assert styled(document, "Plan Goal") == []  # goals without a text of their own are not printed

    body_texts = styled(document, "Plan Body")
    for paragraph in content.preface.paragraphs + content.closing.paragraphs:
        assert paragraph.text in body_texts
    # A strategy's body: one paragraph per line, right after its heading.
    texts = [p.text for p in document.paragraphs]
    fourth = strategies[3]
    at = texts.index(numbers[fourth.id] + fourth.title)
    assert texts[at + 1: at + 1 + len(fourth.body.split("\n"))] == fourth.body.split("\n")


def test_styles_carry_the_official_typography(sample_docx):
    document = docx.Document(str(sample_docx[0]))
    styles = document.styles
    for name, size in (("Normal", 16), ("Title", 20), ("Plan Body", 16), ("Plan Action", 16), ("Heading 3", 16), ("Footer", 10)):
        style = styles[name]
        assert style.font.size == Pt(size), name
        fonts = style.element.rPr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:eastAsia")) == "標楷體", name
        assert fonts.get(qn("w:ascii")) == "Times New Roman" and fonts.get(qn("w:hAnsi")) == "Times New Roman"
        assert not [a for a in fonts.attrib if a.endswith("Theme") or a.endswith("theme")], name
        assert style.element.rPr.find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-TW"
    defaults = styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert defaults.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "標楷體"
    for level in (1, 2, 3):  # headings feed the navigation pane and the TOC
        outline = styles[f"Heading {level}"].element.pPr.find(qn("w:outlineLvl"))
        assert outline.get(qn("w:val")) == str(level - 1)
    # Formatting lives in styles: no run of the body sets its own font or size.
    for paragraph in document.paragraphs:
        for run in paragraph.runs:
            assert run.font.size is None and run.font.name is None


def test_pages_footer_toc_and_properties(sample, sample_docx):
    document = docx.Document(str(sample_docx[0]))
    first, chart = document.sections[0], document.sections[-1]
    assert len(document.sections) == 2
    # Word stores twips: A4 is 11906 × 16838, 2.5 cm is 1417.
    assert (first.page_width.twips, first.page_height.twips) == (11906, 16838)
    assert first.orientation == 0
    assert (chart.page_width.twips, chart.page_height.twips) == (16838, 11906)
    assert chart.orientation == 1
    for section in document.sections:
        margins = [section.top_margin, section.bottom_margin, section.left_margin, section.right_margin]
        assert [m.twips for m in margins] == [1417] * 4
    # The landscape page holds the chart's heading and the chart, a picture, after the section break.
    body = list(document.element.body.iterchildren())
    break_at = next(i for i, el in enumerate(body) if el.find(f"{W}pPr/{W}sectPr") is not None)
    after = body[break_at + 1:]
    heading = docx.text.paragraph.Paragraph(after[0], document)
    assert (heading.style.name, heading.text) == ("Chart Heading", "架構圖")
    assert len(after[1].findall(f".//{W}drawing")) == 1
    assert sum(len(el.findall(f".//{W}drawing")) for el in body) == 1

    footer = first.footer.paragraphs[0]
    assert footer.style.name == "Footer" and footer.style.paragraph_format.alignment == 1  # centred
    instructions = [t.text.strip() for t in footer._p.iter(f"{W}instrText")]
    assert instructions == ["PAGE"]
    assert [c.get(f"{W}fldCharType") for c in footer._p.iter(f"{W}fldChar")] == ["begin", "separate", "end"]

    # No table of contents by default (the published plan has none), and nothing for Word to update.
    assert [t.text for t in document.element.body.iter(f"{W}instrText")] == []
    tags = [child.tag.split("}")[1] for child in document.settings.element]
    assert "updateFields" not in tags
    assert not [el for el in document.element.body.iter(f"{W}fldChar") if el.get(f"{W}dirty")]

    props = document.core_properties
    assert props.title == "高雄市政府108至111年度中程施政計畫理念（109年修正版）"
    assert props.subject == "109年修正版" and props.version == "109年修正版"
    assert props.author == "高雄市政府"
    assert "109年修正版" in props.keywords


def test_progress_reaches_the_total(sample_docx):
    calls = sample_docx[1]
    assert calls and calls[-1][0] == calls[-1][1]
    assert [d for d, _t in calls] == sorted(d for d, _t in calls)
    assert len({t for _d, t in calls}) == 1 and len(calls) <= 120


def _plan_with_details() -> PlanDocument:
    goals = [Goal(id="g1", title="產業轉型優先"), Goal(id="g2", title="增加就業優先")]
    strategy = Strategy(
        title="推動橋頭科學園區",
        body="第一段。\n\n第二段。",
        actions=[Action(text="成立小組。", actions=[Action(text="細項甲。"), Action(text="細項乙。")]), Action(text="籌設道路。")],
        lead_agencies=["經濟發展局"],
        supporting_agencies=["工務局", "都市發展局"],
        goal_ids=["g2", "missing"],
        kpis=[KPI(name="招商金額", measurement="年度招商金額", unit="億元", targets={108: "100", 110: "150"})],
        budget={108: 1200.0, 109: 1500.5},
    )
    plan = PlanDocument(title="測試市政府108至111年度中程施政計畫", organisation="測試市政府", period=Period(start=108, end=111))
    plan.revisions = [Revision(label="108年原版", author="研考會")]
    plan.draft.content.goals.goals = goals
    plan.draft.content.focus.focus_areas = [FocusArea(title="拚經濟", strategies=[strategy, Strategy(title="空的策略")])]
    return plan


def test_agencies_goal_links_kpis_and_budget_are_word_tables(tmp_path):
    plan = _plan_with_details()
    path = write_official_docx(plan, plan.draft, tmp_path / "details.docx")
    document = docx.Document(str(path))
    assert len(document.tables) == 2
    info, kpis = document.tables
    assert [[c.text for c in row.cells] for row in info.rows] == [
        ["主辦機關", "經濟發展局"],
        ["協辦機關", "工務局、都市發展局"],
        ["對應施政目標", "增加就業優先"],
        ["預算（千元）", "108年 1,200；109年 1,500.5"],
    ]
    assert [[c.text for c in row.cells] for row in kpis.rows] == [
        ["關鍵績效指標", "衡量標準", "單位", "108年", "109年", "110年", "111年"],
        ["招商金額", "年度招商金額", "億元", "100", "", "150", ""],
    ]
    assert styled(document, "Strategy Body") == ["第一段。", "第二段。"]
    assert styled(document, "Plan Action") == ["1.\t成立小組。", "2.\t籌設道路。"]
    assert styled(document, "Plan Sub-action") == ["（1）\t細項甲。", "（2）\t細項乙。"]
    assert styled(document, "Heading 3") == ["（一）推動橋頭科學園區", "（二）空的策略"]
    assert document.core_properties.title == "測試市政府108至111年度中程施政計畫（修正草案）"  # an edited, unlabelled draft (rules.draft_label)
    assert document.core_properties.author == "測試市政府"  # the draft has no author of its own


def test_a_revision_is_exported_not_the_draft(tmp_path):
    plan = _plan_with_details()
    path = write_official_docx(plan, plan.revision("108年原版"), tmp_path / "old.docx")
    document = docx.Document(str(path))
    assert styled(document, "Heading 3") == []  # the 108 revision was empty
    assert document.core_properties.author == "測試市政府"  # the organisation, whoever wrote the revision


_ANY_TEXT = st.text(st.characters(codec="utf-8"), max_size=40)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(title=_ANY_TEXT, action=_ANY_TEXT, body=_ANY_TEXT, plan_title=_ANY_TEXT.filter(lambda t: t.strip()))
def test_any_text_yields_a_document_python_docx_reopens(tmp_path, title, action, body, plan_title):
    plan = PlanDocument(title=plan_title, period=Period(start=108, end=111))
    plan.draft.content.preface.paragraphs = [Paragraph(text=body)]
    plan.draft.content.focus.focus_areas = [FocusArea(title=title, strategies=[Strategy(title=title, body=body, actions=[Action(text=action)])])]
    path = write_official_docx(plan, None, tmp_path / "any.docx")
    document = docx.Document(str(path))
    flat = lambda s: re.sub(r"[\t\n\r]", "", s)  # noqa: E731 — python-docx reads breaks and tabs back as \n, \t
    assert flat(styled(document, "Heading 3")[0]) == flat("（一）" + clean_text(title))
    assert flat(styled(document, "Plan Action")[0]) == flat("1." + clean_text(action))
    assert flat(styled(document, "Title")[0]) == flat(clean_text(plan_title))


def test_clean_text_removes_exactly_the_xml_invalid_characters():
    assert clean_text("a\x00b\x08c\x0bd\x0ce\x1ff\ufffeg\uffffh\ud800i") == "abcdefghi"
    assert clean_text("tab\tnew\nline 標楷體 😀 \ue000") == "tab\tnew\nline 標楷體 😀 \ue000"
    # Line ends become plain "\n": python-docx would make a "\r\n" two line breaks in a cell.
    assert clean_text("一\r\n二\r三\n四") == "一\n二\n三\n四"
    assert clean_text(None) == ""


def test_unwritable_target_is_one_sentence_and_leaves_nothing(tmp_path, sample):
    target = tmp_path / "missing" / "plan.docx"
    with pytest.raises(PlanFileError, match=r"plan\.docx was not saved: No such file or directory\.$"):
        write_official_docx(sample, None, target)
    assert not target.parent.exists()


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed")  # CI installs it
def test_libreoffice_renders_every_strategy_title_in_a_kai_font(sample, sample_docx, tmp_path):
    env = dict(os.environ, FONTCONFIG_FILE=str(FONTCONFIG_FILE), HOME=str(tmp_path))
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(sample_docx[0])],
        check=True, capture_output=True, env=env, timeout=180,
    )
    pdf = tmp_path / "plan.pdf"
    text = re.sub(r"\s", "", subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout)
    for area in sample.draft.content.focus.focus_areas:
        for strategy in area.strategies:
            assert re.sub(r"\s", "", strategy.title) in text, strategy.title
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "UKaiTW" in fonts  # 標楷體 mapped to AR PL UKai TW by editor/export/fonts.conf
    assert re.search(r"LiberationSerif|TimesNewRoman", fonts)  # Times New Roman for Latin letters and digits
    assert not re.search(r"JP|Mincho|Gothic|IPA|Takao|VL ", fonts), fonts  # no Japanese fallback face


def test_fonts_conf_includes_the_system_configuration():
    text = FONTCONFIG_FILE.read_text(encoding="utf-8")
    assert "<include ignore_missing=\"yes\">/etc/fonts/fonts.conf</include>" in text
    assert "<string>標楷體</string>" in text and "<string>DFKai-SB</string>" in text


# --- the command line ---------------------------------------------------------------------------


def test_cli_needs_something_to_write(capsys):
    assert cli.main(["export", str(SAMPLE)]) == 2
    assert capsys.readouterr().err == ("plan-editor export: say what to write: --docx OUT.docx, --pdf OUT.pdf, "
                                       "--chart OUT.svg|OUT.png|OUT.pdf, --kpi-table or --budget-table OUT.docx|OUT.csv|OUT.xlsx\n")


def test_cli_unknown_revision_lists_the_known_ones(capsys, tmp_path):
    out = tmp_path / "x.docx"
    assert cli.main(["export", str(SAMPLE), "--revision", "110年修正版", "--docx", str(out)]) == 2
    err = capsys.readouterr().err
    assert err == f"plan-editor export: {SAMPLE}: no revision labelled '110年修正版' (known: 109年修正版)\n"
    assert not out.exists()


def test_cli_unsupported_chart_suffix_writes_nothing(capsys, tmp_path):
    assert cli.main(["export", str(SAMPLE), "--docx", str(tmp_path / "x.docx"), "--chart", str(tmp_path / "x.jpg")]) == 2
    assert capsys.readouterr().err == f"plan-editor export: {tmp_path / 'x.jpg'}: the chart can be written as .svg, .png or .pdf, not .jpg.\n"
    assert list(tmp_path.iterdir()) == []


def test_cli_bad_plan_file_is_one_line(capsys, tmp_path):
    bad = tmp_path / "bad.plan.json"
    bad.write_text("{", encoding="utf-8")
    assert cli.main(["export", str(bad), "--docx", str(tmp_path / "x.docx")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(bad) in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.plan.json"]


def test_cli_writes_both_files_without_a_display(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run(
        [sys.executable, "-m", "editor", "export", str(SAMPLE), "--revision", "109年修正版",
         "--docx", str(tmp_path / "plan.docx"), "--chart", str(tmp_path / "chart.pdf")],
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [str(tmp_path / "plan.docx"), str(tmp_path / "chart.pdf")]
    assert len(styled(docx.Document(str(tmp_path / "plan.docx")), "Heading 3")) == 28
    assert (tmp_path / "chart.pdf").read_bytes().startswith(b"%PDF")


def test_export_never_writes_over_its_own_plan(tmp_path, capsys):
    import shutil

    from editor.cli import main

    plan = tmp_path / "p.plan.json"
    shutil.copy(SAMPLE, plan)
    before = plan.read_bytes()
    assert main(["export", str(plan), "--chart", str(plan)]) == 2
    assert capsys.readouterr().err == f"plan-editor export: {plan} is an input file; choose another output file\n"
    assert plan.read_bytes() == before


def test_no_style_is_left_with_a_theme_font(tmp_path):
    """Word applies the headings' linked character styles to part of a paragraph; they too must name 標楷體."""
    from docx.oxml.ns import qn

    plan = load_plan(SAMPLE)
    out = write_official_docx(plan, None, tmp_path / "k.docx")
    themed = []
    for style in docx.Document(str(out)).styles:
        fonts = style.element.find(qn("w:rPr") + "/" + qn("w:rFonts"))
        if fonts is None:
            continue
        if any(name.split("}")[1].lower().endswith("theme") for name in fonts.attrib):
            themed.append(style.name)
        elif fonts.get(qn("w:eastAsia")) is not None:
            assert fonts.get(qn("w:eastAsia")) == "標楷體", style.name
    assert themed == []
