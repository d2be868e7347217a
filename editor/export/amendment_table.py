"""The 修正對照表 (amendment comparison table) of two versions of a plan, as a Word document.

Landscape A4 in the official styles (標楷體, see official_docx/styles): the title
「<plan title>修正對照表」, a line naming the two versions, a note stating the marks, and a
three-column table 修正規定 | 現行規定 | 說明 (amended text | current text | explanation)
whose header row repeats on every page. One row per change of the comparison, in document
order: the item's place, number and full text in each version (an empty cell where it does not
exist); in 修正規定 the inserted characters are underlined, in 現行規定 the deleted characters
struck through (character styles "Inserted Text" / "Deleted Text", so an office that prefers
another mark changes one style). Numbers are never marked: they follow from position.
說明 is the item's 修正說明, or a generated one a person can then edit (「新增推動策略」,
「文字修正」, 「調整順序」, 「由一、拚經濟移列，並酌作文字修正」 …).
"""
from __future__ import annotations

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.shared import Cm, RGBColor

from editor.export import styles as st
from editor.export.amendment_merge import Pairing, pair_nodes
from editor.export.official_docx import Progress, setup_styles
from editor.export.textclean import clean_text
from schema import amounts
from schema.compare import Change, Comparison, NodeSide
from schema.model import PlanContent, PlanDocument, Revision
from schema.numbering import all_numbers
from schema.textdiff import DELETE, EQUAL, INSERT, Diff
from schema.tree import KINDS, SECTION_KINDS, walk

HEADERS = ("修正規定", "現行規定", "說明")
COLUMN_WIDTHS = (Cm(9.5), Cm(9.5), Cm(5.7))  # 24.7 cm: landscape A4 less 2 × 2.5 cm margins
NO_CHANGE = "本次無修正"
NOTE = "註：修正規定欄劃底線者為新增或修正後之文字；現行規定欄加刪除線者為刪除或修正前之文字；項次依位置重新編號，不另標示。"
INSERTED_STYLE, DELETED_STYLE = "Inserted Text", "Deleted Text"
FIELD_NAMES = {
    "chart_label": "架構圖標籤", "lead_agencies": "主辦機關", "supporting_agencies": "協辦機關",
    "goal_ids": "對應施政目標", "kpis": "關鍵績效指標", "budget": amounts.LABEL,
}
TEXT_FIELDS = ("title", "body", "text")
_CANT_SPLIT_LIMIT = 400  # characters: a longer row may split across pages rather than leave a page half empty


def version_name(plan: PlanDocument, revision: Revision) -> str:
    return revision.label or ("工作草稿" if revision is plan.draft else "未命名版本")


class _Versions:
    """Where each node of one version sits: its ancestors' numbers and titles."""

    def __init__(self, content: PlanContent):
        self.numbers = all_numbers(content)
        self.parent = {node.id: parent for node, parent in walk(content)}

    def label(self, node) -> str:
        title = getattr(node, "title", None) if node.kind not in ("paragraph", "action") else None
        text = title if title is not None else getattr(node, "text", "")
        text = text.split("\n", 1)[0]
        return self.numbers.get(node.id, "") + (text if len(text) <= 24 else text[:24] + "…")

    def place(self, node_id: str) -> str:
        """The numbers and titles of the items above a node (e.g. 一、拚經濟（三）設置科技新創園區); a section for top items."""
        chain = []
        parent = self.parent.get(node_id)
        while parent is not None:
            chain.append(parent)
            parent = self.parent.get(parent.id)
        inner = [n for n in reversed(chain) if n.kind not in SECTION_KINDS]
        if inner:
            return "".join(self.label(n) for n in inner)
        if chain and chain[0].kind != "focus_section":
            return self.label(chain[0])
        return ""


def explanation(change: Change, pairing: Pairing, old_versions: _Versions) -> str:
    """The 修正說明 of a change, or one generated from what changed."""
    if change.note.strip():
        return change.note.strip()
    label = KINDS[change.node_kind].label
    if change.kind == "added":
        return f"新增{label}"
    if change.kind == "removed":
        return f"刪除{label}"
    parts = []
    if change.kind == "moved":
        if pairing.kept.get(change.old.parent_id) == change.new.parent_id:
            parts.append("調整順序")
        else:
            where = old_versions.place(change.old.node_id) or change.moved_from or ""
            parts.append(f"由{where}移列")
    names = list(change.fields)
    if any(n in TEXT_FIELDS for n in names):
        parts.append("酌作文字修正" if parts else "文字修正")
    others = [FIELD_NAMES[n] for n in names if n not in TEXT_FIELDS and n in FIELD_NAMES]
    if others:
        parts.append("修正" + "、".join(others))
    return parts[0] + "".join("，並" + p for p in parts[1:]) if parts else "文字修正"


def cell_lines(change: Change, new: bool) -> list[Diff]:
    """The lines of one side's cell; parts marked INSERT (new side) or DELETE (old side) are the changed characters."""
    side = change.new if new else change.old
    if side is None:
        return []
    mine = INSERT if new else DELETE
    fields = change.fields

    def field(name: str, value: str) -> Diff:
        if name in fields:
            return [(op, text) for op, text in fields[name] if op in (EQUAL, mine)]
        return [(EQUAL, value)] if value else []

    lines: list[Diff] = []
    if change.node_kind in ("paragraph", "action"):
        lines += _split([(EQUAL, side.number)] + field("text", side.text))
    else:
        lines += _split([(EQUAL, side.number)] + field("title", side.title))
        if change.node_kind in ("goal", "focus_area", "strategy"):
            lines += _split(field("body", side.text))
    for name, caption in FIELD_NAMES.items():
        if name in fields:
            lines += _split([(EQUAL, caption + "：")] + field(name, side.values.get(name, "")))
    lines += _subtree(side.children, mine)
    return lines


def _subtree(sides: tuple[NodeSide, ...], mark: int) -> list[Diff]:
    """What went with an added or removed item (a strategy's actions …), all marked."""
    lines: list[Diff] = []
    for side in sides:
        head = side.title or side.text
        lines += _split([(EQUAL, side.number), (mark, head)])
        if side.title and side.text:
            lines += _split([(mark, side.text)])
        lines += _subtree(side.children, mark)
    return lines


def _split(diff: Diff) -> list[Diff]:
    """A diff cut into lines at its newlines; empty lines dropped."""
    lines: list[Diff] = [[]]
    for op, text in diff:
        for k, part in enumerate(clean_text(text).split("\n")):
            if k:
                lines.append([])
            if part:
                lines[-1].append((op, part))
    return [line for line in lines if any(text.strip() for _op, text in line)]


def _setup(doc) -> None:
    setup_styles(doc)
    st.configure_paragraph_style(doc, "Amendment Subtitle", size=14, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=6)
    st.configure_paragraph_style(doc, "Amendment Note", size=12, align=WD_ALIGN_PARAGRAPH.JUSTIFY, space_after=6)
    st.configure_paragraph_style(doc, "Amendment Place", size=10, align=WD_ALIGN_PARAGRAPH.LEFT)
    styles = doc.styles
    for name, attr in ((INSERTED_STYLE, "underline"), (DELETED_STYLE, "strike")):
        style = styles.add_style(name, WD_STYLE_TYPE.CHARACTER)
        setattr(style.font, attr, True)
        style.font.color.rgb = RGBColor(0, 0, 0)


def _row_props(row, *, header: bool = False, cant_split: bool = True) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    if cant_split:
        tr_pr.append(OxmlElement("w:cantSplit"))
    if header:
        tr_pr.append(OxmlElement("w:tblHeader"))


class _TableWriter:
    def __init__(self, comparison, old_plan, old_rev, new_plan, new_rev, progress: Progress | None):
        self.comparison = comparison
        self.old_plan, self.old_rev, self.new_plan, self.new_rev = old_plan, old_rev, new_plan, new_rev
        self.progress = progress
        self.doc = Document()
        _setup(self.doc)
        self.style_ids = {s.name: s.style_id for s in self.doc.styles}

    def write(self):
        doc = self.doc
        section = doc.sections[0]
        st.page_setup(section, landscape=True)
        st.page_number_footer(doc, section)
        title = clean_text(f"{self.new_plan.title}修正對照表")
        doc.add_paragraph(title, style="Title")
        old_name, new_name = version_name(self.old_plan, self.old_rev), version_name(self.new_plan, self.new_rev)
        doc.add_paragraph(clean_text(f"修正規定：{new_name}；現行規定：{old_name}"), style="Amendment Subtitle")
        doc.add_paragraph(NOTE, style="Amendment Note")
        self.properties(title, new_name)

        changes = self.comparison.changes
        table = doc.add_table(rows=1, cols=3)
        table.style = doc.styles["Table Grid"]
        table.autofit = False
        header = table.rows[0]
        _row_props(header, header=True)
        for c, text in enumerate(HEADERS):
            self.fill(header.cells[c], [[(EQUAL, text)]], "Table Heading")
        if not changes:
            row = table.add_row()
            _row_props(row)
            merged = row.cells[0].merge(row.cells[2])
            self.fill(merged, [[(EQUAL, NO_CHANGE)]], "Table Heading")
        else:
            pairing = pair_nodes(self.comparison, self.old_rev.content, self.new_rev.content)
            old_versions, new_versions = _Versions(self.old_rev.content), _Versions(self.new_rev.content)
            for done, change in enumerate(changes, start=1):
                self.row(table, change, pairing, old_versions, new_versions)
                if self.progress is not None:
                    self.progress(done, len(changes) + 1)
        for column, width in zip(table.columns, COLUMN_WIDTHS):
            column.width = width
            for cell in column.cells:
                cell.width = width
        if not changes:
            table.rows[1].cells[0].width = sum(COLUMN_WIDTHS)
        return doc

    def row(self, table, change: Change, pairing: Pairing, old_versions: _Versions, new_versions: _Versions) -> None:
        row = table.add_row()
        new_lines, old_lines = cell_lines(change, True), cell_lines(change, False)
        note = explanation(change, pairing, old_versions)
        size = sum(len(t) for line in new_lines + old_lines for _o, t in line) + len(note)
        _row_props(row, cant_split=size <= _CANT_SPLIT_LIMIT)
        for cell, lines, versions, side in ((row.cells[0], new_lines, new_versions, change.new),
                                            (row.cells[1], old_lines, old_versions, change.old)):
            if side is not None:
                place = versions.place(side.node_id)
                self.fill(cell, ([[(EQUAL, place)]] if place else []) + lines, "Table Text", place_lines=1 if place else 0)
        self.fill(row.cells[2], _split([(EQUAL, note)]), "Table Text")

    def fill(self, cell, lines: list[Diff], style: str, place_lines: int = 0) -> None:
        """The cell's paragraphs, one per line; marked parts in the inserted/deleted character style."""
        for k, line in enumerate(lines):
            paragraph = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
            paragraph._p.style = self.style_ids["Amendment Place" if k < place_lines else style]
            for op, text in line:
                run = paragraph.add_run(clean_text(text))
                if op != EQUAL:
                    run._r.style = self.style_ids[INSERTED_STYLE if op == INSERT else DELETED_STYLE]

    def properties(self, title: str, new_name: str) -> None:
        props = self.doc.core_properties
        author = self.new_rev.author or self.new_plan.organisation
        props.title = title
        props.subject = clean_text(new_name)
        props.author = clean_text(author)
        props.last_modified_by = clean_text(author)
        props.category = "修正對照表"
        props.language = "zh-TW"


def build_amendment_table(comparison: Comparison, old_plan: PlanDocument, old_rev: Revision,
                          new_plan: PlanDocument, new_rev: Revision, *, progress: Progress | None = None):
    """The python-docx Document of the 修正對照表 (not yet saved)."""
    return _TableWriter(comparison, old_plan, old_rev, new_plan, new_rev, progress).write()
