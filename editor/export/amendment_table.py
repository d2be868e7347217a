"""The 修正對照表 (amendment comparison table) of two versions of a plan, as a Word document.

Landscape A4 in the official styles (標楷體, see official_docx/styles): the title
「<plan title>修正對照表」, a line naming the two versions, a note stating the marks, and a
three-column table 修正規定 | 現行規定 | 說明 (amended text | current text | explanation)
whose header row repeats on every page. One row per change of the comparison, in document
order: the item's place, number and full text in each version (「（新增）」 in 現行規定 for an
item the amendment adds, 「（刪除）」 in 修正規定 for one it removes); a numbered line's wrapped
lines hang under its text. In 修正規定 the inserted characters are underlined, in 現行規定 the
deleted characters struck through and double-underlined, so that a struck one-stroke character
(一) stays legible (character styles "Inserted Text" / "Deleted Text", so an office that prefers
another mark changes one style). Numbers are never marked: they follow from position.
說明 is the item's 修正說明, or a generated one a person can then edit (「新增推動策略」,
「文字修正」, 「調整順序」, 「由一、拚經濟移列，並酌作文字修正」 …).
"""
from __future__ import annotations

import unicodedata

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_UNDERLINE
from docx.shared import Cm, RGBColor

from editor.export import styles as st
from editor.export import wordxml as wx
from editor.export.amendment_merge import Pairing, pair_nodes
from editor.export.docx_package import DocumentInfo, export_date, new_document
from editor.export.official_styles import setup_styles
from editor.export.textclean import clean_text
from editor.export.wordxml import Progress, WordWriter
from schema import amounts
from schema.compare import Change, Comparison, NodeSide
from schema.model import NumberingStyle, PlanContent, PlanDocument, Revision
from schema.numbering import all_numbers
from schema.textdiff import DELETE, EQUAL, INSERT, Diff
from schema.tree import KINDS, SECTION_KINDS, walk

HEADERS = ("修正規定", "現行規定", "說明")
COLUMN_WIDTHS = (Cm(9.5), Cm(9.5), Cm(5.7))  # 24.7 cm: landscape A4 less 2 × 2.5 cm margins
NO_CHANGE = "本次無修正"
NOTE = ("註：修正規定欄劃底線者為新增或修正後之文字；現行規定欄加刪除線及雙底線者為刪除或修正前之文字"
        "（加雙底線，使「一」等單筆畫字刪除後仍可辨識）；項次依位置重新編號，不另標示。")
ADDED, REMOVED = "（新增）", "（刪除）"  # the cell of the version that does not have the item
NUMBER = 2  # a diff part that is an item's number (EQUAL, INSERT and DELETE are 0, 1, -1)
TABLE_PT = 12
INSERTED_STYLE, DELETED_STYLE = "Inserted Text", "Deleted Text"
FIELD_NAMES = {
    "chart_label": "架構圖策略名稱", "lead_agencies": "主辦機關", "supporting_agencies": "協辦機關",
    "goal_ids": "對應施政目標", "kpis": "關鍵績效指標", "budget": amounts.LABEL,
}
TEXT_FIELDS = ("title", "body", "text")
_CANT_SPLIT_LIMIT = 400  # characters: a longer row may split across pages rather than leave a page half empty


def version_name(plan: PlanDocument, revision: Revision) -> str:
    return revision.label or ("工作草稿" if revision is plan.draft else "未命名版本")


class _Versions:
    """Where each node of one version sits: its ancestors' numbers and titles."""

    def __init__(self, content: PlanContent, style: NumberingStyle | None = None):
        self.numbers = all_numbers(content, style)
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
        assert change.old is not None and change.new is not None  # a move has a place in both versions
        old_parent = change.old.parent_id  # None only for a section, which has no parent
        new_place_of_old_parent = pairing.kept.get(old_parent) if old_parent is not None else None
        if new_place_of_old_parent == change.new.parent_id:
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
    """The lines of one side's cell; parts marked INSERT (new side) or DELETE (old side) are the
    changed characters, a line's first part marked NUMBER its item's number."""
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
        lines += _split(_number(side.number) + field("text", side.text))
    else:
        lines += _split(_number(side.number) + field("title", side.title))
        if change.node_kind in ("goal", "focus_area", "strategy"):
            lines += _split(field("body", side.text))
    for name, caption in FIELD_NAMES.items():
        if name in fields:
            lines += _split([(EQUAL, caption + "：")] + field(name, side.values.get(name, "")))
    lines += _subtree(side.children, mine)
    return lines


def _number(number: str) -> Diff:
    return [(NUMBER, number)] if number else []


def _subtree(sides: tuple[NodeSide, ...], mark: int) -> list[Diff]:
    """What went with an added or removed item (a strategy's actions …), all marked."""
    lines: list[Diff] = []
    for side in sides:
        head = side.title or side.text
        lines += _split(_number(side.number) + [(mark, head)])
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
    return [line for line in lines if any(text.strip() for op, text in line if op != NUMBER)]


def number_width(number: str) -> float:
    """The width in points a number takes at the table's 12 pt: a full-width character 1 em, others ½ em
    (Times New Roman digits are narrower still), plus a little room before the text."""
    ems = sum(1 if unicodedata.east_asian_width(ch) in "FW" else 0.5 for ch in number)
    return ems * TABLE_PT + 2


def _setup(doc) -> None:
    setup_styles(doc)
    st.configure_paragraph_style(doc, "Amendment Subtitle", size=14, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=6)
    st.configure_paragraph_style(doc, "Amendment Note", size=12, align=WD_ALIGN_PARAGRAPH.JUSTIFY, space_after=6)
    # The item's place (四、好生活（二）…) in the table's own size, so it reads as part of the cell.
    st.configure_paragraph_style(doc, "Amendment Place", size=TABLE_PT, align=WD_ALIGN_PARAGRAPH.LEFT)
    styles = doc.styles
    inserted = styles.add_style(INSERTED_STYLE, WD_STYLE_TYPE.CHARACTER)
    inserted.font.underline = True
    inserted.font.color.rgb = RGBColor(0, 0, 0)
    # A struck one-stroke character (一, 二's strokes) reads as 「═」: the double underline keeps a
    # deletion recognisable as one (and apart from the single underline of insertions).
    deleted = styles.add_style(DELETED_STYLE, WD_STYLE_TYPE.CHARACTER)
    deleted.font.strike = True
    deleted.font.underline = WD_UNDERLINE.DOUBLE
    deleted.font.color.rgb = RGBColor(0, 0, 0)


class AmendmentTableWriter(WordWriter):
    """Writes the 修正對照表 of a comparison (see the module docstring)."""

    def __init__(self, comparison, old_plan, old_rev, new_plan, new_rev, progress: Progress | None, *, authors: bool = False):
        self.comparison = comparison
        self.authors = authors  # a 修改者 line under each 說明 naming who made the change (when known)
        self.old_plan, self.old_rev, self.new_plan, self.new_rev = old_plan, old_rev, new_plan, new_rev
        doc = new_document()
        _setup(doc)
        super().__init__(doc, progress, len(comparison.changes) + 1)
        self.title = clean_text(f"{new_plan.title}修正對照表")

    def write(self):
        doc = self.doc
        section = doc.sections[0]
        st.page_setup(section, landscape=True)
        st.page_number_footer(doc, section)
        self.para(self.title, "Title")
        old_name, new_name = version_name(self.old_plan, self.old_rev), version_name(self.new_plan, self.new_rev)
        self.para(f"修正規定：{new_name}；現行規定：{old_name}", "Amendment Subtitle")
        self.para(NOTE, "Amendment Note")

        changes = self.comparison.changes
        table = self.table(COLUMN_WIDTHS)
        header = self.row(table, header=True, cant_split=True)
        for width, text in zip(COLUMN_WIDTHS, HEADERS):
            self.fill(self.cell(header, width), [[(EQUAL, text)]], "Table Heading")
        if not changes:
            row = self.row(table, cant_split=True)
            self.fill(self.cell(row, sum(COLUMN_WIDTHS), span=3), [[(EQUAL, NO_CHANGE)]], "Table Heading")
            return doc
        pairing = pair_nodes(self.comparison, self.old_rev.content, self.new_rev.content)
        old_versions = _Versions(self.old_rev.content, self.old_plan.numbering_style)
        new_versions = _Versions(self.new_rev.content, self.new_plan.numbering_style)
        for done, change in enumerate(changes, start=1):
            self.change_row(table, change, pairing, old_versions, new_versions)
            if self.progress is not None:
                self.progress(done, len(changes) + 1)
        return doc

    def change_row(self, table, change: Change, pairing: Pairing, old_versions: _Versions, new_versions: _Versions) -> None:
        new_lines, old_lines = cell_lines(change, True), cell_lines(change, False)
        note = explanation(change, pairing, old_versions)
        size = sum(len(t) for line in new_lines + old_lines for _o, t in line) + len(note)
        row = self.row(table, cant_split=size <= _CANT_SPLIT_LIMIT)
        for width, lines, versions, side, absent in ((COLUMN_WIDTHS[0], new_lines, new_versions, change.new, REMOVED),
                                                     (COLUMN_WIDTHS[1], old_lines, old_versions, change.old, ADDED)):
            cell = self.cell(row, width)
            if side is None:  # the item is not in this version: say so, as offices write it
                self.fill(cell, [[(EQUAL, absent)]], "Table Text")
                continue
            place = versions.place(side.node_id)
            self.fill(cell, ([[(EQUAL, place)]] if place else []) + lines, "Table Text", place_lines=1 if place else 0)
        explained = self.cell(row, COLUMN_WIDTHS[2])
        self.fill(explained, _split([(EQUAL, note)]), "Table Text")
        if self.authors and change.author:  # a small line, in the place line's style
            self.fill(explained, [[(EQUAL, f"修改者：{change.author}")]], "Table Text", place_lines=1)

    def fill(self, cell, lines: list[Diff], style: str, place_lines: int = 0) -> None:
        """The cell's paragraphs, one per line; marked parts in the inserted/deleted character style; a
        numbered line hangs its wrapped lines under its text (the number, a tab, the text)."""
        for k, line in enumerate(lines or [[]]):
            p = wx.paragraph(self.style_ids["Amendment Place" if k < place_lines else style])
            if line and line[0][0] == NUMBER:
                hanging = number_width(line[0][1])
                wx.indent(p, hanging, hanging)
                line = [(EQUAL, clean_text(line[0][1]) + "\t"), *line[1:]]
            for op, text in line:
                style_id = None if op == EQUAL else self.style_ids[INSERTED_STYLE if op == INSERT else DELETED_STYLE]
                p.append(wx.run(clean_text(text), style_id=style_id))
            cell.append(p)

    def info(self) -> DocumentInfo:
        plan, revision = self.new_plan, self.new_rev
        return DocumentInfo(
            title=self.title, author=plan.organisation or revision.author, when=export_date(plan, revision),
            subject=version_name(plan, revision), category="修正對照表", company=plan.organisation,
            revision=len(plan.revisions),
        )


def build_amendment_table(comparison: Comparison, old_plan: PlanDocument, old_rev: Revision,
                          new_plan: PlanDocument, new_rev: Revision, *, progress: Progress | None = None,
                          authors: bool = False):
    """The python-docx Document of the 修正對照表 (not yet saved); ``authors``: name each change's 修改者."""
    return AmendmentTableWriter(comparison, old_plan, old_rev, new_plan, new_rev, progress, authors=authors).write()
