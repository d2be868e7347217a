"""The official Word document (.docx) of a revision: what reviewers open instead of the plan file.

Layout, as published: the cover title, the preface (理念, which names the goals 施政目標),
壹、施政重點與發展策略 (focus areas 一、 → strategies （一） → actions 1. → sub-actions （1）),
貳、…結語, and the framework chart (架構圖) under its heading on a landscape page of its own.
Options (``OfficialOptions``): a table of contents after the title (off: the published plan has
none), the chart, and an appendix of summary tables. Numbers come from
``schema.numbering.all_numbers`` in the plan's numbering style, never from the text. Formatting
lives in styles (styles.py); the XML is built by the Word XML layer (wordxml.py), the package
around it by docx_package.py. Every field's text carries its node's bookmark (editor.docx_ids).
"""
from __future__ import annotations

import io
import os
from dataclasses import dataclass
from pathlib import Path

from docx.enum.section import WD_SECTION
from docx.oxml.text.paragraph import CT_P
from docx.shared import Cm, Emu
from docx.text.paragraph import Paragraph

from editor.docx_ids import position_field
from editor.export import styles as st
from editor.export import wordxml as wx
from editor.export.chart_picture import ChartPicture, PendingChart, chart_room, render_picture
from editor.export.docx_package import DocumentInfo, docx_bytes, export_date
from editor.export.official_styles import new_official_document
from editor.export.output import save_bytes
from editor.export.textclean import clean_text
from editor.export.wordxml import Progress, WordWriter
from schema.amounts import LABEL, format_amount
from schema.importer_chart import chart_as_text
from schema.importer_tables import KPI_TARGETS_HEADING
from schema.model import PlanDocument, Revision, Strategy
from schema.numbering import all_numbers
from schema.summary import YEAR_COLUMNS
from schema.tree import walk

TOC_INSTRUCTION = 'TOC \\o "1-2" \\h \\z \\u'  # sections, focus areas and the chart: one page, like a plan's 目錄
CHART_HEADING = "架構圖"
HEADING_LEVELS = {"Heading 1": 0, "Heading 2": 1, "Heading 3": 2, "Chart Heading": 0}


def cover_title(plan: PlanDocument, revision: Revision) -> str:
    """The cover's title, its revision label on a line of its own rather than wherever 20 pt breaks it."""
    title = plan.full_title(revision)
    return title if title == plan.title else plan.title + "\n" + title[len(plan.title):]


@dataclass(frozen=True)
class OfficialOptions:
    """What the official document holds besides the plan's text."""

    toc: bool = False  # a table of contents (目錄) after the cover title; the published plan has none
    chart: bool = True  # the framework chart (架構圖) on a landscape page at the end
    summary_tables: bool = False  # an appendix: the plan's 關鍵績效指標 and 經費需求表 (summary_tables.py)


class OfficialWriter(WordWriter):
    """Writes the official document of one revision of a plan (see the module docstring)."""

    def __init__(self, plan: PlanDocument, revision: Revision, progress: Progress | None,
                 options: OfficialOptions = OfficialOptions(), chart: PendingChart | None = None):
        self.plan = plan
        self.revision = revision
        self.content = revision.content
        self.options = options
        self.pending_chart = chart  # the chart picture, when it is being made already (chart_picture)
        self.numbers = all_numbers(self.content, plan.numbering_style)
        super().__init__(new_official_document(), progress, sum(1 for _ in walk(self.content)) + 2)  # nodes, chart, saving
        self.headings: list[tuple[int, str]] = []  # (outline level, text) of each heading, for the TOC
        self.toc_anchor: CT_P | None = None  # the 目錄 heading's w:p, when the document has a table of contents

    def heading(self, text: str, style: str, *, mark: tuple[str, str] | None = None, prefix: str = "") -> Paragraph:
        """A heading paragraph (Heading 1–3 or the chart's), remembered for the table of contents."""
        paragraph = self.para(text, style, mark=mark, prefix=prefix)
        self.headings.append((HEADING_LEVELS[style], clean_text(prefix + text).replace("\n", " ")))
        return paragraph

    def write(self):
        self.front_matter()
        self.plan_body()
        if self.options.chart:
            self.chart_page()
        if self.options.summary_tables:
            from editor.export.summary_tables import write_appendix

            write_appendix(self)
        if self.toc_anchor is not None:
            self.table_of_contents(self.toc_anchor)
        self.staff_comments()
        self.tick()
        return self.doc

    def staff_comments(self) -> None:
        """The office's comments on the draft's items, as Word comments (editor.export.comments)."""
        if self.revision is self.plan.draft and self.plan.proposals:
            from editor.export.comments import add_staff_comments

            add_staff_comments(self.doc, self.plan)

    def front_matter(self) -> None:
        """Page setup, the page-number footer, the cover title and (when asked for) the table of contents."""
        section = self.doc.sections[0]
        st.page_setup(section)
        st.page_number_footer(self.doc, section)
        self.title()
        if self.options.toc:
            self.toc_anchor = self.para("目錄", "TOC Heading")._p
            self.para("", "Normal")._p.append(wx.page_break())

    def table_of_contents(self, anchor: CT_P) -> None:
        """The TOC field after the 目錄 heading, its result already holding every heading (without page
        numbers, which only a layout engine knows), so it reads right in any viewer and Word need not
        update it on opening; Word's 「更新功能變數」 adds the page numbers."""
        entries = [(level, text) for level, text in self.headings if level < 2] or [(0, "")]
        for k, (level, text) in enumerate(entries):
            p = wx.paragraph(self.style_ids[f"TOC {level + 1}"])
            if k == 0:
                p.extend(wx.field_begin(TOC_INSTRUCTION))
            if text:
                p.append(wx.run(text))
            if k == len(entries) - 1:
                p.append(wx.field_end())
            anchor.addnext(p)
            anchor = p

    def title(self) -> None:
        self.para(cover_title(self.plan, self.revision), "Title")

    def plan_body(self) -> None:
        """The preface, the goals that have a text of their own, 壹 and 貳: everything before the chart."""
        content = self.content
        self.tick()
        for paragraph in content.preface.paragraphs:
            self.lines(paragraph.text, "Plan Body", (paragraph.id, "text"))
            self.tick()

        # The goals (施政目標) are named in the preface and drawn in the chart, as published; only a
        # goal with a text of its own is printed, as a bold line and its text kept with the next.
        self.tick()
        for goal in content.goals.goals:
            if printed_goal(goal):
                self.para(goal.title, "Plan Goal", mark=(goal.id, "title"))
                self.lines(goal.body, "Plan Body", (goal.id, "body"))
            self.tick()

        focus = content.focus
        self.heading(focus.title, "Heading 1", mark=(focus.id, "title"), prefix=self.numbers[focus.id])
        self.tick()
        for area in focus.focus_areas:
            self.heading(area.title, "Heading 2", mark=(area.id, "title"), prefix=self.numbers[area.id])
            self.lines(area.body, "Plan Body", (area.id, "body"))
            self.tick()
            for strategy in area.strategies:
                self.strategy(strategy)

        closing = content.closing
        self.heading(closing.title, "Heading 1", mark=(closing.id, "title"), prefix=self.numbers[closing.id])
        self.tick()
        for paragraph in closing.paragraphs:
            self.lines(paragraph.text, "Plan Body", (paragraph.id, "text"))
            self.tick()

    def strategy(self, strategy: Strategy) -> None:
        self.heading(strategy.title, "Heading 3", mark=(strategy.id, "title"), prefix=self.numbers[strategy.id])
        self.lines(strategy.body, "Strategy Body", (strategy.id, "body"))
        self.tick()
        for action in strategy.actions:
            self.para(action.text, "Plan Action", mark=(action.id, "text"), prefix=self.numbers[action.id] + "\t")
            self.tick()
            for sub in action.actions:
                self.para(sub.text, "Plan Sub-action", mark=(sub.id, "text"), prefix=self.numbers[sub.id] + "\t")
                self.tick()
        self.details(strategy)

    def details(self, strategy: Strategy) -> None:
        """Agencies, goal links and budget as a two-column table; KPIs as a table of their own."""
        rows = info_rows(strategy, self.content)
        if rows:
            table = self.table(INFO_WIDTHS)
            for label, value in rows:
                self.text_row(table, [label, value], ["Table Heading", "Table Text"])
            self.para("", "Table Text")  # Word joins adjacent tables; keep them apart
        if strategy.kpis:
            head, kpi_rows, widths = kpi_table(strategy, self.plan.period.years)
            table = self.table(widths)
            self.text_row(table, head, ["Table Heading"] * len(head), header=True)
            text_styles = ["Table Text"] * len(head)
            for key, values in kpi_rows:
                self.text_row(table, values, text_styles, mark=(key, "name"))  # the KPI's id on its name
            self.para("", "Table Text")

    def chart_page(self) -> None:
        """The framework chart on a landscape A4 page under its heading (in the TOC and the navigation pane)."""
        section = self.chart_section()
        self.heading(CHART_HEADING, "Chart Heading")
        paragraph = self.para("", "Chart")
        self.chart_goal_marks(paragraph._p)
        if self.pending_chart is not None:
            self.place_chart_picture(paragraph.add_run(), self.pending_chart.result())
        else:
            from editor.export.chart_layout import layout_chart

            self.add_chart_picture(paragraph.add_run(), layout_chart(self.plan, self.revision), section)

    def chart_goal_marks(self, p) -> None:
        """The ids of the goals shown only in the chart, as empty bookmarks before its picture:
        pe_<goals id>_title, and pe_<goal id>_goala, _goalb … naming each goal's place in the chart (an
        import gives them back to the goals it reads from the picture's description)."""
        goals = self.content.goals
        if not goals.goals or any(printed_goal(goal) for goal in goals.goals):
            return
        marks = [(goals.id, "title"), *((goal.id, position_field("goal", k)) for k, goal in enumerate(goals.goals))]
        for mark in marks:
            self.close_bookmark(p, self.open_bookmark(p, mark))

    def chart_section(self):
        """A new landscape section for the chart: width and height swapped."""
        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        self.sect_pr = self.body.sectPr
        st.page_setup(section, landscape=True)
        return section

    def add_chart_picture(self, run, layout, section, plan: PlanDocument | None = None, revision: Revision | None = None) -> None:
        """The chart of ``plan``'s ``revision`` (by default the document's) as a picture in ``run``, as
        large as the section's page allows below its heading."""
        room = chart_room(*st.content_size(section))
        self.place_chart_picture(run, render_picture(layout, room), plan, revision)

    def place_chart_picture(self, run, picture: ChartPicture, plan: PlanDocument | None = None,
                            revision: Revision | None = None) -> None:
        """``picture`` in ``run``, described by the chart's text: screen readers say it, and an import reads it back."""
        shape = run.add_picture(io.BytesIO(picture.png), width=Emu(picture.width), height=Emu(picture.height))
        description = chart_description(plan or self.plan, revision or self.revision)
        shape._inline.docPr.set("descr", clean_text(description))

    def info(self) -> DocumentInfo:
        """The document's properties: cover title, the organisation as author, the plan's dates."""
        plan, revision = self.plan, self.revision
        label = plan.label_of(revision)
        return DocumentInfo(
            title=plan.full_title(revision), author=plan.organisation or revision.author,
            when=export_date(plan, revision), subject=label, version=label,
            keywords="、".join(k for k in ("中程施政計畫", plan.organisation, label) if k),
            category="中程施政計畫", comments=revision.note, revision=len(plan.revisions),
            company=plan.organisation,
        )


def printed_goal(goal) -> bool:
    """Whether the body prints a goal: only one with a text of its own (the titles are in the chart)."""
    return bool(clean_text(goal.body).strip())


def chart_description(plan: PlanDocument, revision: Revision) -> str:
    content = revision.content
    label = plan.label_of(revision)
    return chart_as_text(plan.title, label, [g.title for g in content.goals.goals],
                         [a.title for a in content.focus.focus_areas],
                         [[s.chart_text for s in a.strategies] for a in content.focus.focus_areas])


INFO_WIDTHS = (Cm(4), Cm(11.5))


def info_rows(strategy: Strategy, content) -> list[tuple[str, str]]:
    """(label, value) of a strategy's agencies, goal links (named by ``content``'s goals) and budget."""
    rows = []
    if strategy.lead_agencies:
        rows.append(("主辦機關", "、".join(strategy.lead_agencies)))
    if strategy.supporting_agencies:
        rows.append(("協辦機關", "、".join(strategy.supporting_agencies)))
    titles = {g.id: g.title for g in content.goals.goals}
    goals = [titles[i] for i in strategy.goal_ids if i in titles]
    if goals:
        rows.append(("對應施政目標", "、".join(goals)))
    if strategy.budget:
        rows.append((LABEL, "；".join(f"{y}年 {_amount(v)}" for y, v in sorted(strategy.budget.items()))))
    return rows


def kpi_table(strategy: Strategy, years: list[int]):
    """(header, [(kpi id, cells)], column widths) of a strategy's KPI table: a column per year of
    the period. A period of more than YEAR_COLUMNS years (as in the summary tables) shows only the years some KPI has a
    target for, and when those are too many still, one column listing each target with its year
    (so the table stays linear in the KPIs' targets, never in the period's length).

    Other cities' columns 策略績效目標 (objective, first) and 評估體制 (assessment, after the name)
    are there only when one of the strategy's KPIs fills them."""
    columns = [("關鍵績效指標", "name", Cm(4)), ("衡量標準", "measurement", Cm(4.5)), ("單位", "unit", Cm(1.8))]
    extended = any(kpi.objective or kpi.assessment for kpi in strategy.kpis)
    if extended:  # narrower columns, so that the years still fit the text width
        columns = [("關鍵績效指標", "name", Cm(2.6)), ("衡量標準", "measurement", Cm(2.8)), ("單位", "unit", Cm(1.2))]
        if any(kpi.assessment for kpi in strategy.kpis):
            columns[1:1] = [("評估體制", "assessment", Cm(1.5))]
        if any(kpi.objective for kpi in strategy.kpis):
            columns[:0] = [("策略績效目標", "objective", Cm(2.4))]
    head = [label for label, _name, _width in columns]
    fixed = [width for _label, _name, width in columns]
    if len(years) > YEAR_COLUMNS:
        period = set(years)
        years = sorted({y for kpi in strategy.kpis for y in kpi.targets if y in period})
        if len(years) > YEAR_COLUMNS:
            rows = [(kpi.id, [*(getattr(kpi, name) for _label, name, _width in columns),
                              "；".join(f"{y}年 {kpi.targets[y]}" for y in sorted(kpi.targets) if y in period)])
                    for kpi in strategy.kpis]
            return [*head, KPI_TARGETS_HEADING], rows, [*fixed, Emu(int(Cm(15.5) - sum(fixed)))]
    head += [f"{y}年" for y in years]
    year_w = max(Cm(1.2 if extended else 1.5), Emu(int((Cm(15.5) - sum(fixed)) / max(len(years), 1))))
    rows = [(kpi.id, [*(getattr(kpi, name) for _label, name, _width in columns), *(kpi.targets.get(y, "") for y in years)])
            for kpi in strategy.kpis]
    return head, rows, fixed + [year_w] * len(years)


def _amount(value: float) -> str:
    return format_amount(value)  # the pane's, the file's and every export's one way (schema.amounts)


def build_official_docx(plan: PlanDocument, revision: Revision | None = None, *, progress: Progress | None = None,
                        options: OfficialOptions = OfficialOptions()):
    """The python-docx Document of ``revision`` (None: the working draft), not yet saved."""
    return OfficialWriter(plan, revision or plan.draft, progress, options).write()


def write_official_docx(
    plan: PlanDocument,
    revision: Revision | None,
    path: str | os.PathLike,
    *,
    progress: Progress | None = None,
    options: OfficialOptions = OfficialOptions(),
    chart: PendingChart | None = None,
) -> Path:
    """Write the official Word document of ``revision`` (None: the working draft) to ``path``.

    ``progress(done, total)`` is called as the work advances (for a progress bar). The file is
    written atomically: on any error an existing file at ``path`` is left as it was. The same plan
    gives the same bytes. ``chart``: the chart picture of the same revision, already started
    (``chart_picture.start_chart_picture``: the command line paints it beside the writing).
    """
    writer = OfficialWriter(plan, revision or plan.draft, progress, options, chart)
    doc = writer.write()
    path = Path(path)
    save_bytes(path, docx_bytes(doc, writer.info()))
    writer.tick()
    return path
