"""The marked-up reading view of Review mode as HTML (Word's "All Markup", for a structured plan).

The plan (or one branch) reads as the exported document does, each item with its number; every
change to decide sits in place: inserted words underlined in their author's colour, deleted
words struck through, an added item's whole paragraph underlined, a removed one struck, a moved
one marked ⇄, a comment marked ※ (its text is in the margin beside). The change being decided
has a yellow background; each change carries an anchor ``chg<N>`` so the view can scroll to it.
"""
from __future__ import annotations

from html import escape

from editor.ui.i18n import fill, translate
from editor.ui.review.items import ReviewItem
from schema.document import Document
from schema.numbering import all_numbers
from schema.review import rebase_text
from schema.textdiff import DELETE, EQUAL, INSERT, text_diff
from schema.tree import KINDS, children, sections

PALETTE = ("#c0392b", "#1f6fb2", "#1e8449", "#8e44ad", "#b9770e", "#117a65", "#a93226", "#2e4053")
CURRENT = "background-color:#fff2a8;"
_SHOWN_FIELDS = {"title", "body", "text"}


def author_colour(author: str, authors: list[str]) -> str:
    return PALETTE[authors.index(author) % len(PALETTE)] if author in authors else PALETTE[0]


class Markup:
    def __init__(self, document: Document, items: list[ReviewItem], current: int | None, root_id: str | None):
        self.document = document
        self.items = items
        self.current = current
        self.root_id = root_id
        self.numbers = all_numbers(document.content, document.plan.numbering_style if document.plan is not None else None)
        self.authors = sorted({i.author for i in items})
        self.by_field: dict[tuple[str, str], list[int]] = {}
        self.by_node: dict[str, list[int]] = {}
        for index, item in enumerate(items):
            if item.field and item.kind in ("insert", "delete", "replace"):
                self.by_field.setdefault((item.node_id, item.field), []).append(index)
            elif item.change is not None and item.change.kind == "modified":
                for name in item.change.fields:
                    if name in _SHOWN_FIELDS:
                        self.by_field.setdefault((item.node_id, name), []).append(index)
                self.by_node.setdefault(item.node_id, []).append(index)
            else:
                self.by_node.setdefault(item.node_id, []).append(index)

    def html(self) -> str:
        out: list[str] = ["<html><body style='font-size:12pt; line-height:150%'>"]
        roots = [self.document.node(self.root_id)] if self.root_id and self.root_id in self.document else sections(self.document.content)
        for root in roots:
            self._node(root, 0, out)
        placed = {i for ids in [*self.by_field.values(), *self.by_node.values()] for i in ids}
        unplaced = [i for i, item in enumerate(self.items) if item.node_id not in self.document and i not in placed or not item.node_id]
        for index in unplaced:
            out.append(f"<p>{self._mark(index, '※ ' + escape(_describe(self.items[index])), 'border:1px dashed #999')}</p>")
        out.append("</body></html>")
        return "".join(out)

    def _node(self, node, depth: int, out: list[str]) -> None:
        number = self.numbers.get(node.id, "")
        parts = []
        whole = [i for i in self.by_node.get(node.id, []) if self.items[i].kind in ("remove_node", "added")]
        removed_below = [i for i in self.by_node.get(node.id, []) if self.items[i].kind == "removed"]
        for name in KINDS[node.kind].string_fields:
            if name not in _SHOWN_FIELDS:
                continue
            value = getattr(node, name, "")
            if not value and (node.id, name) not in self.by_field:
                continue
            parts.append(self._field(node.id, name, value))
        text = "<br/>".join(p for p in parts if p)
        markers = "".join(self._marker(i) for i in self.by_node.get(node.id, [])
                          if i not in whole and i not in removed_below and self.items[i].kind not in ("insert_node", "modified"))
        style = f"margin:2px 0 2px {depth * 20}px;"
        body = f"<b>{escape(number)}</b>{text}{markers}"
        for index in whole:  # an added or removed item: its whole paragraph marked
            item = self.items[index]
            deco = "line-through" if item.kind in ("remove_node", "removed") else "underline"
            body = self._mark(index, body, f"text-decoration:{deco}; color:{author_colour(item.author, self.authors)}")
        out.append(f"<p style='{style}'><a name='n{node.id}'></a>{body}</p>")
        kids = children(node)
        for position, child in enumerate(kids):
            self._inserted_before(node.id, position, len(kids), depth + 1, out)
            self._node(child, depth + 1, out)
        self._inserted_before(node.id, len(kids), len(kids), depth + 1, out)
        for index in removed_below:  # a removed item, struck, at the end of what held it
            item = self.items[index]
            if item.change is not None and item.change.old is not None:
                side = item.change.old
                words = escape(side.number + (side.title or side.text))
                colour = author_colour(item.author, self.authors)
                out.append(f"<p style='margin-left:{(depth + 1) * 20}px'>{self._mark(index, words, f'text-decoration:line-through; color:{colour}')}</p>")

    def _inserted_before(self, parent_id: str, position: int, count: int, depth: int, out: list[str]) -> None:
        for index in self.by_node.get(parent_id, []):
            item, proposal = self.items[index], self.items[index].proposal
            op = proposal.operation if proposal is not None else None
            if item.kind == "insert_node" and proposal is not None and op and min(op.get("index", 0), count) == position:
                colour = author_colour(item.author, self.authors)
                words = escape(proposal.new)
                out.append(f"<p style='margin-left:{depth * 20}px'>{self._mark(index, words, f'text-decoration:underline; color:{colour}')}</p>")

    def _field(self, node_id: str, name: str, value: str) -> str:
        indexes = self.by_field.get((node_id, name), [])
        if not indexes:
            return escape(value).replace("\n", "<br/>")
        change = self.items[indexes[0]].change if len(indexes) == 1 else None
        if change is not None:
            return self._diff(change.fields[name], indexes[0])
        edits = []  # (start, end, inserted, index) in the current text
        for index in indexes:
            proposal = self.items[index].proposal
            assert proposal is not None  # the items are the draft's changes (one per field: above) or proposals
            target = rebase_text(proposal.old, proposal.new, value) or proposal.new
            position = 0
            for op, text in text_diff(value, target):
                if op == EQUAL:
                    position += len(text)
                elif op == DELETE:
                    edits.append((position, position + len(text), "", index))
                    position += len(text)
                else:
                    edits.append((position, position, text, index))
        edits.sort(key=lambda e: (e[0], e[1]))
        out, position = [], 0
        for start, end, inserted, index in edits:
            if start < position:
                continue  # overlaps an earlier proposal's edit: that one is shown
            out.append(escape(value[position:start]))
            colour = author_colour(self.items[index].author, self.authors)
            if end > start:
                out.append(self._mark(index, escape(value[start:end]), f"text-decoration:line-through; color:{colour}"))
            if inserted:
                out.append(self._mark(index, escape(inserted), f"text-decoration:underline; color:{colour}"))
            position = end
        out.append(escape(value[position:]))
        return "".join(out).replace("\n", "<br/>")

    def _diff(self, diffs, index: int) -> str:
        colour = author_colour(self.items[index].author, self.authors)
        out = []
        for op, text in diffs:
            words = escape(text)
            if op == INSERT:
                out.append(self._mark(index, words, f"text-decoration:underline; color:{colour}"))
            elif op == DELETE:
                out.append(self._mark(index, words, f"text-decoration:line-through; color:{colour}"))
            else:
                out.append(words)
        return "".join(out).replace("\n", "<br/>")

    def _marker(self, index: int) -> str:
        item = self.items[index]
        symbol = "※" if item.is_comment else "⇄" if item.kind in ("moved", "move_node") else "✎"
        return self._mark(index, f" {symbol}", f"color:{author_colour(item.author, self.authors)}; font-weight:bold")

    def _mark(self, index: int, html: str, style: str) -> str:
        if index == self.current:
            style = style.rstrip("; ") + ";" + CURRENT
        return f"<a name='chg{index}'></a><span style='{style}'>{html}</span>"


def _describe(item: ReviewItem) -> str:
    p = item.proposal
    if p is None:
        return item.kind
    said = fill(translate("review", "%1：%2"), item.author, p.comment or p.new or p.old)
    return fill(translate("review", "%1（%2）"), said, p.reason) if p.reason else said
