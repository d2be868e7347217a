"""The official Word document (.docx) of a revision: what reviewers open instead of the plan file.

Layout, as published: cover title, table of contents, the preface (理念), the goals (施政目標),
壹、施政重點與發展策略 (focus areas 一、 → strategies （一） → actions 1. → sub-actions （1）),
貳、…結語, and the framework chart (架構圖) on a landscape page of its own. Numbers come from
``schema.numbering.all_numbers``, never from the text. Formatting lives in styles (see styles.py).
"""
from __future__ import annotations

import io
import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Pt
from docx.text.paragraph import Paragraph

from editor.docx_ids import bookmark_name
from editor.export import styles as st
from editor.export import wordxml as wx
from editor.export.output import save_bytes
from editor.export.textclean import clean_text
from schema.amounts import LABEL, format_amount
from schema.importer_chart import chart_as_text
from schema.model import PlanDocument, Revision, Strategy
from schema.numbering import all_numbers
from schema.revisions import revision_time
from schema.tree import walk

Progress = Callable[[int, int], None]

TOC_INSTRUCTION = 'TOC \\o "1-3" \\h \\z \\u'
TOC_PLACEHOLDER = "（目錄將於 Word 開啟文件時更新；如未更新，請按右鍵選「更新功能變數」。）"
CHART_DPI = 300


def setup_styles(doc) -> None:
    """The official paragraph styles (also used by the 修正對照表 and the tracked-changes document)."""
    st.set_doc_defaults(doc)
    justify, center, flush_left = WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT
    body = st.BODY_PT
    st.configure_paragraph_style(doc, "Normal", size=body, base=None, align=justify)
    st.configure_paragraph_style(doc, "Title", size=st.TITLE_PT, bold=True, align=center, space_after=18)
    st.configure_paragraph_style(doc, "TOC Heading", size=18, bold=True, align=center, space_after=12, outline_level=9)
    levels = (
        ("Heading 1", 18, 32, 32, 0),  # 壹、 sections (and the unnumbered 施政目標)
        ("Heading 2", body, 32, 32, 1),  # 一、 focus areas (施政重點)
        ("Heading 3", body, 64, 48, 2),  # （一） strategies (推動策略)
        ("Heading 4", body, 88, 24, 3),  # 1.-level headings, for documents that need them
    )
    for name, size, left, hanging, level in levels:
        st.configure_paragraph_style(
            doc, name, size=size, bold=True, align=flush_left, left=left, hanging=hanging,
            space_before=12 if level < 2 else 6, space_after=6, keep_with_next=True, outline_level=level,
        )
    st.configure_paragraph_style(doc, "Plan Body", size=body, align=justify, first_line=32, space_after=6)
    st.configure_paragraph_style(doc, "Plan Goal", size=body, bold=True, align=flush_left, left=32, space_after=3)
    st.configure_paragraph_style(doc, "Strategy Body", size=body, align=justify, left=64, first_line=32, space_after=6)
    st.configure_paragraph_style(doc, "Plan Action", size=body, align=justify, left=88, hanging=24, space_after=3)
    st.configure_paragraph_style(doc, "Plan Sub-action", size=body, align=justify, left=136, hanging=48, space_after=3)
    st.configure_paragraph_style(doc, "Table Text", size=12, align=flush_left)
    st.configure_paragraph_style(doc, "Table Heading", size=12, bold=True, align=center)
    st.configure_paragraph_style(doc, "Chart", size=body, align=center)
    for i in range(1, 4):  # the table of contents' own entries
        st.configure_paragraph_style(doc, f"TOC {i}", size=body, align=flush_left, left=16 * (i - 1))
    # The template's other styles (e.g. the character styles linked to the headings, which Word
    # applies when a heading covers part of a paragraph) still name theme fonts: give them 標楷體 too.
    for style in doc.styles:
        fonts = style.element.find(qn("w:rPr") + "/" + qn("w:rFonts"))
        if fonts is not None and any(attr.endswith("Theme") or attr.endswith("theme") for attr in fonts.attrib):
            st.set_fonts(style.element.rPr)


def cover_title(plan: PlanDocument, revision: Revision) -> str:
    """The cover's title, its revision label on a line of its own rather than wherever 20 pt breaks it."""
    title = plan.full_title(revision)
    return title if title == plan.title else plan.title + "\n" + title[len(plan.title):]


class _Writer:
    def __init__(self, plan: PlanDocument, revision: Revision, progress: Progress | None):
        self.plan = plan
        self.revision = revision
        self.content = revision.content
        self.numbers = all_numbers(self.content)
        self.doc = Document()
        setup_styles(self.doc)
        self.style = {s.name: s for s in self.doc.styles if s.type == 1}  # paragraph styles by name
        self.style_ids = {name: s.style_id for name, s in self.style.items()}
        self.body = self.doc.element.body
        self.sect_pr = self.body.sectPr  # the body's last child; paragraphs go before it
        self.progress = progress
        self.total = sum(1 for _ in walk(self.content)) + 2  # nodes, the chart, saving
        self.done = 0
        self._reported = -1
        self.ids = wx.IdCounter()  # bookmark and revision-mark ids, unique in the document
        self.bookmarks: set[str] = set()

    def tick(self, count: int = 1) -> None:
        self.done += count
        if self.progress is None:
            return
        # Report at most ~100 times: the UI repaints on every call.
        step = max(1, self.total // 100)
        if self.done // step != self._reported or self.done >= self.total:
            self._reported = self.done // step
            self.progress(min(self.done, self.total), self.total)

    def para(self, text: str, style: str, *, mark: tuple[str, str] | None = None, prefix: str = "") -> Paragraph:
        """Append a paragraph of ``style`` ("\t" → tab, "\n" → line break).

        ``mark`` = (node id, field) puts the text between that field's bookmark (docx_ids);
        ``prefix`` (the item's number) goes before the bookmark, outside it.
        """
        p, bookmark = self.open_para(text, style, mark=mark, prefix=prefix)
        self.close_bookmark(p, bookmark)
        return Paragraph(p, self.doc._body)

    def open_para(self, text: str, style: str, *, mark: tuple[str, str] | None = None, prefix: str = ""):
        """Append a paragraph like ``para`` whose bookmark stays open: (the w:p, the bookmark id or None)."""
        p = wx.paragraph(self.style_ids[style])
        if prefix:
            p.append(wx.run(clean_text(prefix)))
        bookmark = self.open_bookmark(p, mark)
        text = clean_text(text)
        if text:
            p.append(wx.run(text))
        self.sect_pr.addprevious(p)
        return p, bookmark

    def open_bookmark(self, p, mark: tuple[str, str] | None) -> int | None:
        """Start the bookmark of ``mark`` = (node id, field) at the end of ``p``; its id, or None (no bookmark)."""
        if mark is None:
            return None
        name = bookmark_name(*mark)
        if name is None or name in self.bookmarks:  # an id Word cannot keep, or already marked
            return None
        self.bookmarks.add(name)
        bookmark_id = self.ids()
        p.append(wx.bookmark_start(bookmark_id, name))
        return bookmark_id

    def close_bookmark(self, p, bookmark_id: int | None) -> None:
        if bookmark_id is not None:
            p.append(wx.bookmark_end(bookmark_id))

    def lines(self, text: str, style: str, mark: tuple[str, str] | None = None) -> None:
        """One paragraph per non-blank line; one bookmark from the first to the last."""
        paragraphs = [line.strip() for line in clean_text(text).split("\n") if line.strip()]
        if not paragraphs:
            return
        first, bookmark = self.open_para(paragraphs[0], style, mark=mark)
        last = first
        for line in paragraphs[1:]:
            last = self.para(line, style)._p
        self.close_bookmark(last, bookmark)

    def write(self):
        self.front_matter()
        self.plan_body()
        self.chart_page()
        self.staff_comments()
        self.tick()
        return self.doc

    def staff_comments(self) -> None:
        """The office's comments on the draft's items, as Word comments (editor.export.comments)."""
        if self.revision is self.plan.draft and self.plan.proposals:
            from editor.export.comments import add_staff_comments

            add_staff_comments(self.doc, self.plan)

    def front_matter(self) -> None:
        """Page setup, properties, the cover title and the table of contents."""
        doc = self.doc
        section = doc.sections[0]
        st.page_setup(section)
        st.page_number_footer(doc, section)
        self.properties()
        self.title()
        self.para("目錄", "TOC Heading")
        st.add_field(self.para("", "Normal"), TOC_INSTRUCTION, TOC_PLACEHOLDER)
        st.request_field_update(doc)
        self.para("", "Normal").add_run().add_break(WD_BREAK.PAGE)

    def title(self) -> None:
        self.para(cover_title(self.plan, self.revision), "Title")

    def plan_body(self) -> None:
        """The preface, goals, 壹 and 貳: everything between the table of contents and the chart."""
        content = self.content
        self.tick()
        for paragraph in content.preface.paragraphs:
            self.lines(paragraph.text, "Plan Body", (paragraph.id, "text"))
            self.tick()

        self.tick()
        if content.goals.goals:
            self.para(content.goals.title, "Heading 1", mark=(content.goals.id, "title"))
            for goal in content.goals.goals:
                self.para(goal.title, "Plan Goal", mark=(goal.id, "title"))
                self.lines(goal.body, "Plan Body", (goal.id, "body"))
                self.tick()

        focus = content.focus
        self.para(focus.title, "Heading 1", mark=(focus.id, "title"), prefix=self.numbers[focus.id])
        self.tick()
        for area in focus.focus_areas:
            self.para(area.title, "Heading 2", mark=(area.id, "title"), prefix=self.numbers[area.id])
            self.lines(area.body, "Plan Body", (area.id, "body"))
            self.tick()
            for strategy in area.strategies:
                self.strategy(strategy)

        closing = content.closing
        self.para(closing.title, "Heading 1", mark=(closing.id, "title"), prefix=self.numbers[closing.id])
        self.tick()
        for paragraph in closing.paragraphs:
            self.lines(paragraph.text, "Plan Body", (paragraph.id, "text"))
            self.tick()

    def strategy(self, strategy: Strategy) -> None:
        self.para(strategy.title, "Heading 3", mark=(strategy.id, "title"), prefix=self.numbers[strategy.id])
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
            table = self.table(len(rows), 2, INFO_WIDTHS)
            for r, (label, value) in enumerate(rows):
                self.cell(table, r, 0, label, "Table Heading")
                self.cell(table, r, 1, value, "Table Text")
            self.para("", "Table Text")  # Word joins adjacent tables; keep them apart
        if strategy.kpis:
            head, rows, widths = kpi_table(strategy, self.plan.period.years)
            table = self.table(len(rows) + 1, len(head), widths)
            for c, text in enumerate(head):
                self.cell(table, 0, c, text, "Table Heading")
            for r, (key, values) in enumerate(rows, start=1):
                for c, text in enumerate(values):
                    self.cell(table, r, c, text, "Table Text", mark=(key, "name") if c == 0 else None)  # the KPI's id
            self.para("", "Table Text")

    def table(self, rows: int, cols: int, widths):
        table = self.doc.add_table(rows=rows, cols=cols)
        table.style = self.doc.styles["Table Grid"]
        table.autofit = False
        for c, width in enumerate(widths):
            for cell in table.columns[c].cells:
                cell.width = width
        return table

    def cell(self, table, row: int, col: int, text: str, style: str, mark: tuple[str, str] | None = None) -> None:
        paragraph = table.cell(row, col).paragraphs[0]
        paragraph._p.style = self.style_ids[style]  # not paragraph.style: see para()
        bookmark = self.open_bookmark(paragraph._p, mark)
        paragraph.add_run(clean_text(text))
        self.close_bookmark(paragraph._p, bookmark)

    def chart_page(self) -> None:
        """The framework chart on a landscape A4 page: a new section, width and height swapped."""
        from editor.export.chart_layout import layout_chart

        section = self.chart_section()
        paragraph = self.para("", "Chart")
        self.add_chart_picture(paragraph.add_run(), layout_chart(self.plan, self.revision), section)

    def chart_section(self):
        """A new landscape section for the chart: width and height swapped."""
        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        self.sect_pr = self.body.sectPr
        st.page_setup(section, landscape=True)
        return section

    def add_chart_picture(self, run, layout, section) -> None:
        """The chart as a picture in ``run``, as large as the section's page allows."""
        from editor.export.chart_paint import png_bytes, render_image

        width, height = st.content_size(section)
        height = height - Pt(24)  # the picture's paragraph needs a little room of its own
        if layout.width / layout.height >= width / height:
            shown_w, shown_h = width, int(width * layout.height / layout.width)
        else:
            shown_w, shown_h = int(height * layout.width / layout.height), height
        pixels = round(Emu(shown_w).inches * CHART_DPI)
        image = png_bytes(render_image(layout, pixels, dpi=CHART_DPI))
        shape = run.add_picture(io.BytesIO(image), width=Emu(shown_w), height=Emu(shown_h))
        # The chart's text as the picture's description: screen readers say it, and an import reads it back.
        shape._inline.docPr.set("descr", clean_text(chart_description(self.plan, self.revision)))

    def properties(self) -> None:
        props = self.doc.core_properties
        label = self.revision.label or (self.plan.revisions[-1].label if self.revision is self.plan.draft and self.plan.revisions else "")
        author = self.revision.author or self.plan.organisation
        props.title = clean_text(self.plan.full_title(self.revision))
        props.author = clean_text(author)
        props.last_modified_by = clean_text(author)
        props.subject = clean_text(label)
        props.version = clean_text(label)
        props.keywords = clean_text("、".join(k for k in ("中程施政計畫", self.plan.organisation, label) if k))
        props.category = "中程施政計畫"
        props.comments = clean_text(self.revision.note)
        props.language = "zh-TW"
        props.revision = max(1, len(self.plan.revisions))
        when = revision_time(self.revision.date) or datetime.now(UTC).replace(microsecond=0)
        props.created = when
        props.modified = when


def chart_description(plan: PlanDocument, revision: Revision) -> str:
    content = revision.content
    label = plan.full_title(revision)[len(plan.title):].strip("（）")
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
    """(header, [(kpi id, cells)], column widths) of a strategy's KPI table."""
    head = ["關鍵績效指標", "衡量標準", "單位", *(f"{y}年" for y in years)]
    fixed = [Cm(4), Cm(4.5), Cm(1.8)]
    year_w = max(Cm(1.5), Emu(int((Cm(15.5) - sum(fixed)) / max(len(years), 1))))
    rows = [(kpi.id, [kpi.name, kpi.measurement, kpi.unit, *(kpi.targets.get(y, "") for y in years)]) for kpi in strategy.kpis]
    return head, rows, fixed + [year_w] * len(years)


def _amount(value: float) -> str:
    return format_amount(value)  # the pane's, the file's and every export's one way (schema.amounts)


def build_official_docx(plan: PlanDocument, revision: Revision | None = None, *, progress: Progress | None = None):
    """The python-docx Document of ``revision`` (None: the working draft), not yet saved."""
    return _Writer(plan, revision or plan.draft, progress).write()


def write_official_docx(
    plan: PlanDocument,
    revision: Revision | None,
    path: str | os.PathLike,
    *,
    progress: Progress | None = None,
) -> Path:
    """Write the official Word document of ``revision`` (None: the working draft) to ``path``.

    ``progress(done, total)`` is called as the work advances (for a progress bar). The file is
    written atomically: on any error an existing file at ``path`` is left as it was.
    """
    writer = _Writer(plan, revision or plan.draft, progress)
    doc = writer.write()
    buffer = io.BytesIO()
    doc.save(buffer)
    path = Path(path)
    save_bytes(path, buffer.getvalue())
    writer.tick()
    return path
