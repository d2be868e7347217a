"""Test material for the importer, made from the published text (samples/source/) by writers that are
not our exporter: Word documents written with python-docx (numbers typed, or drawn by a Word
multi-level list from numbering.xml), the same re-saved by LibreOffice, PDFs of both made by
LibreOffice, and text variants with other cities' numbering ladders.

Run as a script to write the material into a folder and look at it:
    .venv/bin/python -m tests.importing.material OUT_DIR
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from tests.paths import SOURCE

TEXT = SOURCE.read_text(encoding="utf-8")
_NUMBERED = re.compile(r"^(?:[壹貳參肆]、|[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|\d+\.)")
_HEADING = re.compile(r"^(?:[壹貳參肆]、|[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）])")
_FINAL = "。：；！？"

# The ladder of the multi-level list: (family regex, numFmt, lvlText)
LIST_LEVELS = [
    (re.compile(r"^([壹貳參肆])、\s*"), "ideographLegalTraditional", "%1、"),
    (re.compile(r"^([一二三四五六七八九十]+)、\s*"), "taiwaneseCountingThousand", "%2、"),
    (re.compile(r"^[(（]([一二三四五六七八九十]+)[)）]\s*"), "taiwaneseCountingThousand", "（%3）"),
    (re.compile(r"^(\d+)\.\s*"), "decimal", "%4."),
]


def published() -> tuple[str, list[str], list[str]]:
    """The title line, the body's paragraphs as an author wrote them, and the chart's lines.

    The text was extracted from the PDF, which split three paragraphs at page ends; a Word
    original has them whole: a line that does not end a sentence (and is no heading) goes on
    in the next line that is not numbered.
    """
    lines = TEXT.split("\n")
    chart_at = next(i for i, line in enumerate(lines) if "架構圖" in line)
    paragraphs: list[str] = []
    for line in lines[:chart_at]:
        text = line.strip()
        if not text:
            continue
        previous = paragraphs[-1] if paragraphs else ""
        if previous and previous[-1] not in _FINAL and not _HEADING.match(previous) and not _NUMBERED.match(text) and len(paragraphs) > 1:
            paragraphs[-1] = previous + text
        else:
            paragraphs.append(text)
    return paragraphs[0], paragraphs[1:], [line.strip() for line in lines[chart_at:]]


# --- text variants with other ladders --------------------------------------------------------------
def variant_actions_with_comma() -> str:
    """Actions written 1、 instead of 1."""
    return re.sub(r"^(\d+)\. ?", r"\1、", TEXT, flags=re.M)


def variant_full_width_strategies() -> str:
    """Strategies written （一） (full-width) instead of the text's (一)."""
    return re.sub(r"^\((.)\) ?", r"（\1）", TEXT, flags=re.M)


def variant_three_sections() -> str:
    """壹、施政理念 (the preface as a numbered section), 貳、施政重點…, 參、…結語."""
    lines = TEXT.split("\n")
    title_at = next(i for i, line in enumerate(lines) if line.strip())
    text = "\n".join(lines[: title_at + 1] + ["", "壹、施政理念"] + lines[title_at + 1:])
    return text.replace("壹、施政重點與發展策略", "貳、施政重點與發展策略").replace("貳、未來施政藍圖與結語", "參、未來施政藍圖與結語")


def variant_shifted_ladder() -> str:
    """Strategies numbered 1、 and actions （1）, as some cities write them."""
    text = re.sub(r"^(\d+)\. ?", r"（\1）", TEXT, flags=re.M)
    return re.sub(r"^\(([一二三四五六七八九十]+)\) ?", lambda m: f"{'一二三四五六七八九十'.index(m.group(1)) + 1}、", text, flags=re.M)


def variant_no_chart() -> str:
    """No framework chart (the goals then come from the preface's quotes)."""
    return TEXT[: TEXT.index("高雄市政府108至111年度中程施政計畫理念架構圖")]


def variant_goals_listed() -> str:
    """No chart, and the goals as a numbered list under 施政目標 before 壹."""
    goals = "施政目標\n\n1. 產業轉型優先\n2. 增加就業優先\n3. 交通建設優先\n4. 改善空污優先\n\n"
    return variant_no_chart().replace("壹、施政重點與發展策略", goals + "壹、施政重點與發展策略")


VARIANTS = {
    "actions-comma": variant_actions_with_comma,
    "full-width-strategies": variant_full_width_strategies,
    "three-sections": variant_three_sections,
    "shifted-ladder": variant_shifted_ladder,
    "no-chart": variant_no_chart,
    "goals-listed": variant_goals_listed,
}


# --- Word documents ---------------------------------------------------------------------------------
def write_typed_docx(path: Path) -> Path:
    """Numbers typed in the text, every paragraph in the Normal style (no heading styles)."""
    title, body, chart = published()
    document = Document()
    for text in [title, *body, *[line for line in chart if line]]:
        document.add_paragraph(text)
    document.save(str(path))
    return path


def _list_numbering(document) -> str:
    """Adds a four-level list (壹、/一、/（一）/1.) to numbering.xml; returns its w:numId."""
    numbering = document.part.numbering_part.element
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), "90")
    multi = OxmlElement("w:multiLevelType")
    multi.set(qn("w:val"), "multilevel")
    abstract.append(multi)
    for ilvl, (_pattern, fmt, text) in enumerate(LIST_LEVELS):
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(ilvl))
        for tag, value in (("w:start", "1"), ("w:numFmt", fmt), ("w:lvlText", text), ("w:lvlJc", "left")):
            child = OxmlElement(tag)
            child.set(qn("w:val"), value)
            lvl.append(child)
        abstract.append(lvl)
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), "90")
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), "90")
    num.append(ref)
    numbering.append(num)
    return "90"


def write_list_docx(path: Path) -> Path:
    """The numbers drawn by a Word multi-level list: the paragraphs' text has none."""
    title, body, chart = published()
    document = Document()
    num_id = _list_numbering(document)
    document.add_paragraph(title)
    for text in body:
        paragraph = document.add_paragraph()
        for ilvl, (pattern, _fmt, _text) in enumerate(LIST_LEVELS):
            match = pattern.match(text)
            if match:
                text = text[match.end():]
                num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
                num_pr.get_or_add_ilvl().val = ilvl
                num_pr.get_or_add_numId().val = int(num_id)
                break
        paragraph.add_run(text)
    for line in chart:
        if line:
            document.add_paragraph(line)
    document.save(str(path))
    return path


# Other cities' KPI table (策略績效目標｜衡量指標｜評估體制｜衡量標準｜目標值), one objective drawn over
# its indicators' rows (a cell merged down), under the first strategy of every focus area.
CITY_HEAD = ["策略績效目標", "衡量指標", "評估體制", "衡量標準", "目標值"]


def city_kpis(area: int) -> list[tuple[str, str, str, str, str]]:
    """(objective, name, assessment, measurement, target) of the KPI table under focus area ``area``'s first strategy."""
    return [(f"提升第{area + 1}項施政成效", f"計畫執行率{area + 1}", "統計資料", "實際執行數/預定執行數", f"{90 + area}%"),
            (f"提升第{area + 1}項施政成效", f"民眾滿意度{area + 1}", "問卷調查", "smart city 服務滿意比率", f"{80 + area}%")]


def _city_table(document, area: int) -> None:
    rows = city_kpis(area)
    table = document.add_table(rows=1 + len(rows), cols=len(CITY_HEAD))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, CITY_HEAD):
        cell.text = text
    for r, row in enumerate(rows, start=1):
        for c, text in enumerate(row):
            if c > 0 or r == 1:
                table.cell(r, c).text = text
    table.cell(1, 0).merge(table.cell(len(rows), 0))  # Word's vertical merge (w:vMerge) of the objective
    document.add_paragraph()


def write_cities_docx(path: Path) -> Path:
    """The typed document with other cities' KPI tables under the first strategy of each focus area."""
    title, body, chart = published()
    document = Document()
    document.add_paragraph(title)
    area, pending = -1, False
    for text in body:
        if pending and re.match(r"^(?:[壹貳參肆]、|[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）])", text):
            _city_table(document, area)
            pending = False
        if re.match(r"^[一二三四五六七八九十]+、", text):
            area += 1
        elif re.match(r"^[(（]一[)）]", text) and area >= 0:
            pending = True
        document.add_paragraph(text)
    for line in chart:
        if line:
            document.add_paragraph(line)
    document.save(str(path))
    return path


# A paragraph with Latin words and numbers among Chinese, spaced as Taiwanese plans often write them;
# written after 0–29 characters of padding, so that LibreOffice breaks its lines at every kind of place.
SPACED = "本市推動 smart city 發展與 smart city 建設及 smart city 服務，結合 5G 應用與 AI 技術，於108年完成 smart city 發展。"


def write_spacing_docx(path: Path) -> Path:
    """A plan of one strategy whose body is SPACED thirty times, each after more padding (推)."""
    document = Document()
    for text in ("高雄市政府108至111年度中程施政計畫", "一、拚經濟", "(一) 智慧城市", *("推" * k + SPACED for k in range(30))):
        document.add_paragraph(text)
    document.save(str(path))
    return path


def libreoffice(sources: list[Path], target: str, outdir: Path, profile: Path) -> list[Path]:
    """Convert ``sources`` with LibreOffice in one run (it is slow to start): docx re-saved, or pdf."""
    outdir.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", target,
         "--outdir", str(outdir), *map(str, sources)],
        check=True, capture_output=True, timeout=600,
    )
    return [outdir / (s.stem + "." + target.split(":")[0]) for s in sources]


def enriched_plan():
    """The Kaohsiung sample with the fields only tables carry: agencies, goal links, budget, and KPIs in
    our table's layout (指標名稱｜衡量標準｜單位｜年度) and with other cities' columns (策略績效目標, 評估體制)."""
    from schema.fileio import load_plan
    from schema.model import KPI
    from tests.paths import SAMPLE

    plan = load_plan(SAMPLE)
    for content in (plan.revisions[-1].content, plan.draft.content):
        goals = content.goals.goals
        first = content.focus.focus_areas[0].strategies[0]
        first.lead_agencies = ["經濟發展局"]
        first.supporting_agencies = ["工務局", "都市發展局"]
        first.goal_ids = [goals[0].id, goals[1].id]
        first.budget = {108: 1000.0, 109: 2500.5, 111: 12000.0}
        first.kpis = [KPI(id="k1a2b3c4d5e6", name="園區進駐率", measurement="進駐廠商數/可進駐數", unit="%", targets={108: "10", 111: "80"}),
                      KPI(id="k9a8b7c6d5e4", name="就業人數", measurement="新增就業", unit="人", targets={109: "500"})]
        content.focus.focus_areas[3].strategies[2].lead_agencies = ["運動發展局"]
        content.focus.focus_areas[1].strategies[0].kpis = [
            KPI(id="c1a2b3c4d5e6", objective="提升長者照顧量能", name="日照中心數", assessment="統計資料",
                measurement="累計設置處數", unit="處", targets={108: "40", 109: "50", 110: "60", 111: "70"}),
            KPI(id="c2a2b3c4d5e6", objective="提升長者照顧量能", name="服務人次", assessment="統計資料",
                measurement="年服務人次", unit="人次", targets={111: "12,000"}),
            KPI(id="c3a2b3c4d5e6", name="滿意度", assessment="問卷調查", measurement="非常滿意及滿意比率", unit="%", targets={111: "85"}),
        ]
        # A table longer than a page: its PDF draws it on two pages, the header row repeated.
        content.focus.focus_areas[2].strategies[0].kpis = [
            KPI(id=f"long{k:08d}", name=f"托育據點數第{k + 1}區", measurement="累計設置處數", unit="處",
                targets={108: str(k), 111: f"{k * 1000:,}"}) for k in range(40)]
    return plan


def write_export(folder: Path, plan=None, name: str = "export") -> tuple[Path, Path]:
    """Our own official export of ``plan`` (the Kaohsiung sample by default), and the plan it was made from."""
    from editor.export.official_docx import OfficialOptions, write_official_docx
    from schema.fileio import load_plan, save_plan
    from tests.paths import SAMPLE

    plan = plan or load_plan(SAMPLE)
    save_plan(plan, folder / f"{name}.plan.json")
    # With the (optional) table of contents, so that the PDF reader's leaving it out is tested too.
    docx = write_official_docx(plan, None, folder / f"{name}.docx", options=OfficialOptions(toc=True))
    return docx, folder / f"{name}.plan.json"


def write_all(folder: Path) -> dict[str, Path]:
    """Every source: typed.docx, list.docx, their LibreOffice re-saves and PDFs, the text variants,
    cities.docx (other cities' KPI tables) and its PDF, our own export of the sample (export.*) and of
    the sample with KPI tables (kpis.*), that one re-saved by LibreOffice."""
    folder.mkdir(parents=True, exist_ok=True)
    made = {"typed.docx": write_typed_docx(folder / "typed.docx"), "list.docx": write_list_docx(folder / "list.docx"),
            "cities.docx": write_cities_docx(folder / "cities.docx"), "spacing.docx": write_spacing_docx(folder / "spacing.docx")}
    made["export.docx"], made["export.plan.json"] = write_export(folder)
    made["kpis.docx"], made["kpis.plan.json"] = write_export(folder, enriched_plan(), "kpis")
    profile = folder / "lo-profile"
    resaved = libreoffice([made["typed.docx"], made["list.docx"], made["kpis.docx"]], "docx", folder / "libreoffice", profile)
    pdfs = libreoffice([made["typed.docx"], made["list.docx"], made["export.docx"], made["cities.docx"], made["kpis.docx"],
                        made["spacing.docx"]], "pdf", folder / "pdf", profile)
    made |= {"typed.lo.docx": resaved[0], "list.lo.docx": resaved[1], "kpis.lo.docx": resaved[2],
             "typed.pdf": pdfs[0], "list.pdf": pdfs[1], "export.pdf": pdfs[2], "cities.pdf": pdfs[3], "kpis.pdf": pdfs[4],
             "spacing.pdf": pdfs[5]}
    for name, make in VARIANTS.items():
        path = folder / f"{name}.txt"
        path.write_text(make(), encoding="utf-8")
        made[f"{name}.txt"] = path
    return made


if __name__ == "__main__":
    for name, path in write_all(Path(sys.argv[1])).items():
        print(f"{name}: {path}")
