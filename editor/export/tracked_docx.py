"""The newer revision's official Word document with every difference from the older one as a
real Word revision mark (修訂), so a reviewer can accept or reject each change.

The document is written by the official writer (``official_docx.OfficialWriter``), walking both
versions at once (``amendment_merge``): a kept item's words are diffed (its number too, since a
renumbered heading must read as before when the changes are rejected), an item that only the
newer version has is inserted whole, one that only the older has is deleted whole, and a moved
item is deleted where it was and inserted where it is. Markup (ECMA-376 §17.13.5):

- inserted text: ``<w:ins>`` around runs with ``<w:t>``; deleted text: ``<w:del>`` around runs
  with ``<w:delText>``; each with a unique ``w:id``, ``w:author`` and ``w:date``;
- a paragraph that exists on one side only has its paragraph mark tracked too
  (``<w:pPr><w:rPr><w:ins/></w:rPr></w:pPr>`` or ``<w:del/>``), so that accepting or rejecting
  leaves no empty paragraph behind; a line break added or removed inside a body is the same;
- table rows of one side only carry ``<w:trPr><w:cantSplit w:val="off"/><w:ins/>`` or ``<w:del/>``;
- the framework chart, when its boxes differ, is the old picture deleted and the new one inserted.

"Accept all" thus gives exactly the newer revision's official document and "Reject all" the
older one's (the tests apply both to the XML). What each field's diff is (whole numbers and
Latin words, the cover title, the comparison's own diff of a body) is ``tracked_text``'s.
"""
from __future__ import annotations

import difflib
import functools
from collections.abc import Sequence

from docx.text.paragraph import Paragraph

from editor.export import wordxml as wx
from editor.export.amendment_merge import Pairing, pair_nodes
from editor.export.docx_package import export_date, parse_date, track_revisions
from editor.export.official_docx import (
    CHART_HEADING,
    INFO_WIDTHS,
    OfficialWriter,
    cover_title,
    info_rows,
    kpi_table,
    printed_goal,
)
from editor.export.textclean import clean_text
from editor.export.tracked_text import (
    LINE_BREAK,
    coalesce,
    one_paragraph,
    paragraphs_text,
    pick_diff,
    title_diff,
    token_diff,
)
from editor.export.wordxml import Progress
from schema.compare import Comparison
from schema.model import Action, AnyNode, PlanDocument, Revision
from schema.numbering import all_numbers
from schema.textdiff import DELETE, EQUAL, INSERT, Diff
from schema.tree import children, walk

DEFAULT_AUTHOR = "計畫編修器"


def revision_date(revision: Revision, plan: PlanDocument) -> str:
    """The date of the tracked changes as Word wants it (ISO, UTC, ending in Z): the revision's
    date, else the plan's (docx_package.export_date), never the clock, so the bytes are stable."""
    when = parse_date(revision.date) or export_date(plan, revision)
    return when.replace(tzinfo=None).isoformat() + "Z"


class TrackedWriter(OfficialWriter):
    """The official writer walking both versions at once (see the module docstring)."""

    def __init__(self, comparison: Comparison, old_plan: PlanDocument, old_rev: Revision,
                 new_plan: PlanDocument, new_rev: Revision, progress: Progress | None):
        super().__init__(new_plan, new_rev, progress)
        track_revisions(self.doc)
        self.old_plan, self.old_rev, self.old_content = old_plan, old_rev, old_rev.content
        self.old_numbers = all_numbers(self.old_content, old_plan.numbering_style)
        self.pairing: Pairing = pair_nodes(comparison, self.old_content, self.content)
        self.fields = {c.node_id: c.fields for c in comparison.changes if c.kind == "modified"}
        self.author = self.default_author = clean_text(new_rev.author).strip() or DEFAULT_AUTHOR
        self.authors = {nid: clean_text(who).strip() for nid, who in new_rev.authors.items()}  # 修改者 of each node
        self.date = revision_date(new_rev, new_plan)
        self.new_ids = {node.id for node, _parent in walk(self.content)}
        self.total = len(self.new_ids) + sum(1 for _ in walk(self.old_content)) + 2
        self.number_diffs: dict[tuple[str, str], Diff] = {}  # renumbering repeats: （三） → （四） in many strategies
        self.new_kpi_ids: set[str] | None = None  # the newer version's KPIs, when a KPI row is deleted

    # --- markup ---------------------------------------------------------------------------------
    def mark(self, op: int):
        """A new w:ins / w:del element with its id, author and date."""
        return wx.tracked("ins" if op == INSERT else "del", self.ids(), self.author, self.date)

    def add_mark(self, parent, op: int):
        """``mark(op)`` made as the last child of ``parent``."""
        return wx.add_tracked(parent, "ins" if op == INSERT else "del", self.ids(), self.author, self.date)

    def runs(self, p, diff: Diff) -> None:
        """Append one run per part of ``diff`` to ``p`` (a paragraph), wrapped in w:ins / w:del."""
        for op, text in coalesce(diff):
            if text:
                wx.add_run(p if op == EQUAL else self.add_mark(p, op), text.replace(LINE_BREAK, "\n"), deleted=op == DELETE)

    def tpara(self, diff: Diff, style: str, mark: int = EQUAL, *, bookmark: tuple[str, str] | None = None,
              prefix: Sequence[tuple[int, str]] = ()):
        """A paragraph of ``style`` holding ``prefix`` + ``diff``; ``mark`` tracks its paragraph mark as
        inserted or deleted; ``bookmark`` = (node id, field) marks ``diff``'s text (not the number)."""
        p, bookmark_id = self.open_tpara(diff, style, mark, bookmark=bookmark, prefix=prefix)
        self.close_bookmark(p, bookmark_id)
        return p

    def open_tpara(self, diff: Diff, style: str, mark: int = EQUAL, *, bookmark: tuple[str, str] | None = None,
                   prefix: Sequence[tuple[int, str]] = ()):
        """``tpara`` with its bookmark left open: (the w:p, the bookmark id or None)."""
        p = wx.paragraph(self.style_ids[style])
        self.paragraph_mark(p, mark)
        self.runs(p, list(prefix))
        bookmark_id = self.open_bookmark(p, bookmark)
        self.runs(p, diff)
        self.append(p)
        return p, bookmark_id

    def paragraph_mark(self, p, mark: int) -> None:
        """Track ``p``'s paragraph mark as inserted or deleted (so no empty paragraph is left behind)."""
        if mark != EQUAL:
            self.add_mark(wx.sub(p[0], "rPr"), mark)  # p[0]: its w:pPr, always first (wordxml.paragraph)

    def node_mark(self, old: AnyNode | None, new: AnyNode | None, field: str) -> tuple[str, str] | None:
        """The bookmark of a field in the merged document: the new node's id; a deleted node's only
        when no node of the newer version has it (a moved node is marked where it now is)."""
        if new is not None:
            return new.id, field
        if old is not None and old.id not in self.new_ids:
            return old.id, field
        return None

    def tlines(self, old: str | None, new: str | None, style: str, preferred: Diff | None = None,
               bookmark: tuple[str, str] | None = None) -> None:
        """A multi-line field as paragraphs; a line break added or removed is a tracked paragraph mark;
        one ``bookmark`` from the first paragraph to the last."""
        if old is not None and old == new:  # most fields: written as the official writer writes them
            self.lines(new, style, bookmark)
            return
        a = paragraphs_text(old) if old is not None else ""
        b = paragraphs_text(new) if new is not None else ""
        if not a and not b:
            return
        diff = pick_diff(a, b, preferred)
        paragraphs: list[tuple[Diff, int]] = []  # (its parts, how its paragraph mark is tracked)
        current: Diff = []
        for op, text in diff:
            for k, part in enumerate(text.split("\n")):
                if k:
                    paragraphs.append((current, op))  # this paragraph ends with a mark of op's kind
                    current = []
                if part:
                    current.append((op, part))
        paragraphs.append((current, EQUAL if a and b else (INSERT if b else DELETE)))
        first, bookmark_id = self.open_tpara(paragraphs[0][0], style, paragraphs[0][1], bookmark=bookmark)
        last = first
        for parts, mark in paragraphs[1:]:
            last = self.tpara(parts, style, mark)
        self.close_bookmark(last, bookmark_id)

    # --- the document -------------------------------------------------------------------------
    def write(self):
        self.front_matter()
        self.merged_body()
        self.chart_pages()
        self.staff_comments()
        self.tick()
        return self.doc

    def title(self) -> None:
        old, new = cover_title(self.old_plan, self.old_rev), cover_title(self.plan, self.revision)
        self.tpara(title_diff(old, new), "Title")

    def merged_body(self) -> None:
        old, new = self.old_content, self.content
        self.tick()
        self.children(old.preface, new.preface)
        self.children(old.goals, new.goals)
        for o, n in ((old.focus, new.focus), (old.closing, new.closing)):
            self.theading(o, n, "Heading 1")
            self.tick()
            self.children(o, n)

    def children(self, old: AnyNode | None, new: AnyNode | None, style: str = "Plan Action") -> None:
        """The children of a kept, deleted or inserted item, each a ``node``; its marks name the person who
        changed it (Revision.authors), else the revision's author."""
        if old is not None and new is not None:
            old_kids, new_kids = children(old), children(new)
            # Most items keep all their children in place: then the merged order is the pairs in order.
            if len(old_kids) == len(new_kids) and list(map(self.pairing.kept.get, [o.id for o in old_kids])) == [n.id for n in new_kids]:
                pairs: list[tuple[AnyNode | None, AnyNode | None]] = list(zip(old_kids, new_kids))
            else:
                pairs = self.pairing.merged_children(old, new)
        elif old is not None:
            pairs = [(c, None) for c in children(old)]
        else:
            pairs = [(None, c) for c in children(_present(old, new))]
        outer, authors, default = self.author, self.authors, self.default_author
        for o, n in pairs:
            self.author = authors.get(_present(o, n).id) or default
            self._node(o, n, style)
        self.author = outer  # an error abandons the whole document, so no try/finally is needed to restore it

    def _node(self, old: AnyNode | None, new: AnyNode | None, action_style: str) -> None:
        """One item on both sides (kept), on the new side only (inserted) or the old only (deleted)."""
        kind = _present(old, new).kind
        self.tick((old is not None) + (new is not None))
        if isinstance(old, Action) and isinstance(new, Action) and old.text == new.text and self.same_number(old, new):
            # the most frequent item: written as the official writer writes it
            self.close_bookmark(*self.open_para(new.text, action_style, mark=(new.id, "text"),
                                                prefix=self.numbers.get(new.id, "") + "\t"))
            if old.actions or new.actions:
                self.children(old, new, "Plan Sub-action")
            return
        fields = self.fields.get(new.id, {}) if old is not None and new is not None else {}
        if kind == "paragraph":
            self.tlines(_get(old, "text"), _get(new, "text"), "Plan Body", fields.get("text"), self.node_mark(old, new, "text"))
        elif kind == "goal":
            # printed only with a text of its own (official_docx.printed_goal): that is its presence here
            old = old if old is not None and printed_goal(old) else None
            new = new if new is not None and printed_goal(new) else None
            if old is None and new is None:
                return
            self.theading(old, new, "Plan Goal", numbered=False, preferred=fields.get("title"))
            self.tlines(_get(old, "body"), _get(new, "body"), "Plan Body", fields.get("body"), self.node_mark(old, new, "body"))
        elif kind == "focus_area":
            self.theading(old, new, "Heading 2", preferred=fields.get("title"))
            self.tlines(_get(old, "body"), _get(new, "body"), "Plan Body", fields.get("body"), self.node_mark(old, new, "body"))
            self.children(old, new)
        elif kind == "strategy":
            self.theading(old, new, "Heading 3", preferred=fields.get("title"))
            self.tlines(_get(old, "body"), _get(new, "body"), "Strategy Body", fields.get("body"),
                        self.node_mark(old, new, "body"))
            self.children(old, new, "Plan Action")
            self.tracked_details(old, new)
        elif kind == "action":
            number = self.numbers_diff(old, new)
            text = pick_diff(_one(old, "text"), _one(new, "text"), fields.get("text"))
            side = _side_mark(old, new)
            self.tpara(text, action_style, side, bookmark=self.node_mark(old, new, "text"), prefix=number + [(side, "\t")])
            self.children(old, new, "Plan Sub-action")

    def same_number(self, old: AnyNode, new: AnyNode) -> bool:
        return self.old_numbers.get(old.id, "") == self.numbers.get(new.id, "")

    def numbers_diff(self, old: AnyNode | None, new: AnyNode | None) -> Diff:
        """A number's change as whole tokens: （三） → （二） shows 三 replaced, 10. → 9. the whole 10."""
        a = self.old_numbers.get(old.id, "") if old is not None else None
        b = self.numbers.get(new.id, "") if new is not None else None
        if a is None or b is None:
            return pick_diff(a, b)
        diff = self.number_diffs.get((a, b))
        if diff is None:
            diff = self.number_diffs[a, b] = token_diff(a, b)
        return list(diff)

    def theading(self, old, new, style: str, *, numbered: bool = True, preferred: Diff | None = None) -> None:
        """A heading of both versions: its number's and its title's differences tracked."""
        if old is not None and new is not None and old.title == new.title and (not numbered or self.same_number(old, new)):
            prefix = self.numbers.get(new.id, "") if numbered else ""
            self.close_bookmark(*self.open_para(new.title, style, mark=(new.id, "title"), prefix=prefix))
            return
        number = self.numbers_diff(old, new) if numbered else []
        title = pick_diff(_one(old, "title"), _one(new, "title"), preferred)
        self.tpara(title, style, _side_mark(old, new), bookmark=self.node_mark(old, new, "title"), prefix=number)

    def tracked_details(self, old, new) -> None:
        """The agencies/goals/budget table and the KPI table, row by row (OfficialWriter.details of both versions)."""
        old_info = [(label, [label, value]) for label, value in info_rows(old, self.old_content)] if old is not None else []
        new_info = [(label, [label, value]) for label, value in info_rows(new, self.content)] if new is not None else []
        self.table_rows(old_info, new_info, INFO_WIDTHS, lambda r, c: "Table Heading" if c == 0 else "Table Text")
        old_kpi = kpi_table(old, self.old_plan.period.years) if old is not None and old.kpis else None
        new_kpi = kpi_table(new, self.plan.period.years) if new is not None and new.kpis else None
        heading = lambda r, c: "Table Heading" if r == "" else "Table Text"  # noqa: E731 — the header row's key is ""
        # as the official writer's: a repeated header, KPI ids
        kpi_rows = functools.partial(self.table_rows, header_key="", mark_of=self.kpi_mark)
        if old_kpi and new_kpi and len(old_kpi[0]) == len(new_kpi[0]):
            kpi_rows([("", old_kpi[0]), *old_kpi[1]], [("", new_kpi[0]), *new_kpi[1]], new_kpi[2], heading)
        else:  # different periods (two files): the whole table replaced
            if old_kpi:
                kpi_rows([("", old_kpi[0]), *old_kpi[1]], [], old_kpi[2], heading)
            if new_kpi:
                kpi_rows([], [("", new_kpi[0]), *new_kpi[1]], new_kpi[2], heading)

    def kpi_mark(self, key: str, new_cells: list | None) -> tuple[str, str] | None:
        """The bookmark of a KPI row's name, as the official writer's (pe_<KPI id>_name): the KPI's id,
        a deleted row's only when no KPI of the newer version has it (a moved KPI is marked where it now is)."""
        if key == "":
            return None
        if new_cells is None:
            if self.new_kpi_ids is None:
                self.new_kpi_ids = {kpi.id for area in self.content.focus.focus_areas for s in area.strategies for kpi in s.kpis}
            if key in self.new_kpi_ids:
                return None
        return key, "name"

    def table_rows(self, old_rows, new_rows, widths, style_of, *, header_key: str | None = None, mark_of=None) -> None:
        """A table whose rows are matched by key: kept rows show their cells' differences. The row of
        ``header_key`` repeats on every page (w:tblHeader); ``mark_of(key, new cells or None)`` names
        the bookmark of a row's first cell, or None."""
        if not old_rows and not new_rows:
            return
        if old_rows == new_rows:  # most tables: every row kept as it was
            table = self.table(widths)
            for key, cells in new_rows:
                self.text_row(table, cells, [style_of(key, c) for c in range(len(widths))],
                              mark=mark_of(key, cells) if mark_of else None, header=key == header_key)
            self.close_bookmark(*self.open_para("", "Table Text"))
            return
        rows: list[tuple[str, list | None, list | None]] = []
        old_keys, new_keys = [k for k, _ in old_rows], [k for k, _ in new_rows]
        for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old_keys, new_keys, autojunk=False).get_opcodes():
            if op == "equal":
                rows += [(old_rows[i][0], old_rows[i][1], new_rows[j][1]) for i, j in zip(range(i1, i2), range(j1, j2))]
            else:
                rows += [(old_rows[i][0], old_rows[i][1], None) for i in range(i1, i2)]
                rows += [(new_rows[j][0], None, new_rows[j][1]) for j in range(j1, j2)]
        table = self.table(widths)
        for key, old_cells, new_cells in rows:
            mark = mark_of(key, new_cells) if mark_of else None
            header = key == header_key
            if new_cells is not None and old_cells == new_cells:  # (a row has a side at least)
                self.text_row(table, new_cells, [style_of(key, c) for c in range(len(widths))], mark=mark, header=header)
                continue
            tr = self.row(table, header=header)
            row_mark = _side_mark(old_cells, new_cells)
            if row_mark != EQUAL:
                # ECMA-376's row properties need one property before the w:ins/w:del mark (openxml-audit):
                # a header row has its w:tblHeader; cantSplit off is the default, so the row is drawn as without it.
                tr_pr = tr.find(wx.w("trPr")) if header else wx.sub(tr, "trPr")
                if not header:
                    wx.sub(tr_pr, "cantSplit", val="off")
                self.add_mark(tr_pr, row_mark)
            for c, width in enumerate(widths):
                a = one_paragraph(old_cells[c]) if old_cells is not None else None
                b = one_paragraph(new_cells[c]) if new_cells is not None else None
                p = wx.sub(self.cell(tr, width), "p")
                wx.sub(wx.sub(p, "pPr"), "pStyle", val=self.style_ids[style_of(key, c)])
                bookmark = self.open_bookmark(p, mark) if c == 0 else None
                self.runs(p, pick_diff(a, b))
                self.close_bookmark(p, bookmark)
        self.tpara([], "Table Text", _side_mark(old_rows or None, new_rows or None))  # keeps tables apart

    def chart_pages(self) -> None:
        """The chart's heading and the new chart; when its boxes differ from the old one's, the old
        picture deleted before it."""
        from editor.export.chart_layout import chart_data, layout_chart

        section = self.chart_section()
        self.heading(CHART_HEADING, "Chart Heading")
        old_data, new_data = chart_data(self.old_plan, self.old_rev), chart_data(self.plan, self.revision)
        paragraph = Paragraph(self.para("", "Chart")._p, self.doc._body)
        self.chart_goal_marks(paragraph._p)
        if _boxes(old_data) != _boxes(new_data):
            # One paragraph holding both pictures, so neither Accept nor Reject leaves an empty one.
            # Each picture is a page high, a line of its own: widow control would move the two-line
            # paragraph whole past the heading's page, leaving 架構圖 alone on it.
            wx.sub(paragraph._p.get_or_add_pPr(), "widowControl", val="0")
            for op, plan, rev, data in ((DELETE, self.old_plan, self.old_rev, old_data), (INSERT, self.plan, self.revision, new_data)):
                run = paragraph.add_run()
                self.add_chart_picture(run, layout_chart(data), section, plan, rev)
                wrapper = self.mark(op)
                run._r.addprevious(wrapper)
                wrapper.append(run._r)
        else:
            self.add_chart_picture(paragraph.add_run(), layout_chart(new_data), section)


def _boxes(data) -> tuple:
    """What the chart's boxes say, ignoring ids and the title (which names the revision)."""
    return (tuple(t for _i, t in data.goals), tuple((c.title, tuple(label for _i, label in c.strategies)) for c in data.columns))


def _get(node: AnyNode | None, name: str) -> str | None:
    return getattr(node, name) if node is not None else None


def _one(node: AnyNode | None, name: str) -> str | None:
    return one_paragraph(getattr(node, name)) if node is not None else None


def _present(old: AnyNode | None, new: AnyNode | None) -> AnyNode:
    """The newer side of an item, else its older one: an item the writer is given is in one version at least."""
    node = new if new is not None else old
    assert node is not None
    return node


def _side_mark(old, new) -> int:
    if old is not None and new is not None:
        return EQUAL
    return INSERT if new is not None else DELETE


def build_tracked_document(comparison: Comparison, old_plan: PlanDocument, old_rev: Revision,
                           new_plan: PlanDocument, new_rev: Revision, *, progress: Progress | None = None):
    """The python-docx Document with tracked changes (not yet saved)."""
    return TrackedWriter(comparison, old_plan, old_rev, new_plan, new_rev, progress).write()
