"""From a located reviewed document to proposals: one per tracked change, added item, removed item, comment.

A field whose text in the document, all changes accepted, equals the plan's has nothing to
propose (an exported tracked-changes document's own marks, or an edit made and taken back). When
the document's text of a field before the changes equals the plan's, each group of adjacent
tracked changes by one author is one proposal, as Word's Review pane lists them; otherwise (a
document re-saved without tracking, or one older than the plan) the field's text is compared with
the plan's and each differing stretch is one proposal. A proposal's ``old`` and ``new`` are the
whole field before and after taking that change alone (``schema.review`` rebases it when others
were taken first).
"""
from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Mapping

from pydantic import TypeAdapter

from editor.review.comments import comment_proposals
from editor.review.expected import export_form
from editor.review.field_text import change_groups, hunks, kind_of, normalise, render
from editor.review.locate import NUMBER, Located, moved_here
from editor.review.moves import pair_moves
from editor.review.placing import BODY_STYLES, NEW_NODE_STYLES, TYPED_NUMBER, new_node
from editor.review.placing import place as place_of
from editor.review.wordml import Piece, WordDocument
from schema.document import Document
from schema.model import BODY_NODES, AnyNode, new_id
from schema.operations import Remove, to_json
from schema.proposals import Proposal, ProposalKind
from schema.review import rebase_text
from schema.tree import KINDS, title_of


class Builder:
    def __init__(self, doc: WordDocument, located: Located, nodes: Mapping[str, AnyNode], document: Callable[[], Document]):
        self.doc = doc
        self.located = located
        self.nodes = nodes  # the plan's items by id
        self._make_document = document  # made when first needed: only removed, missing and added items need their parents
        # Text proposals (nearly all of them) are kept as their fields until build() validates them in one
        # call (one Proposal each costs more); the structural ones are objects, which moves.py pairs.
        self.proposals: list[Proposal | dict] = []
        self.next_id = _id_maker()
        self.unplaced: list[Proposal] = []
        self.fallback_author = doc.last_modified_by
        self.fallback_date = doc.modified
        self.moved_from: dict[str, Proposal] = {}  # node id → its remove_node proposal, when Word marked it moved away
        self.moved_to: list[tuple[Proposal, dict]] = []  # insert_node proposals of paragraphs Word marked moved here

    @functools.cached_property
    def document(self) -> Document:
        return self._make_document()

    # --- text fields ------------------------------------------------------------------------
    def fields(self) -> None:
        removed: set[str] = set()
        changed = self.located.changed
        by_label = self.located.by_label
        nodes = self.nodes
        # First the items with something to see: a tracked change, or a field whose text is not the
        # plan's. Most fields of most documents are neither, and are passed over without more.
        busy: set[str] = set()
        for label, pieces in by_label.items():
            node_id, name = label
            if label in changed:
                busy.add(node_id)
                continue
            if len(pieces) == 2 and pieces[1].text == "\n":  # one piece and the mark (most paragraphs: the reader joins untracked text)
                text = pieces[0].text.rstrip("\n")
            else:
                text = "".join([p.text for p in pieces]).rstrip("\n")
            node = nodes.get(node_id)
            if node is None or text != getattr(node, name, None):
                busy.add(node_id)
        by_node: dict[str, list[tuple[str, str]]] = {}  # in the order of each item's first field
        for label in by_label:
            if label[0] in busy:
                by_node.setdefault(label[0], []).append(label)
        for node_id, labels in by_node.items():
            if not changed.isdisjoint(labels) and self._removed(node_id, labels, removed):
                continue
            node = nodes.get(node_id)
            for label in labels:
                if label not in changed:  # most fields of most documents: the same text, seen without building anything
                    pieces = by_label[label]
                    if len(pieces) == 2:  # one piece and the mark (most paragraphs: the reader joins untracked text)
                        text = pieces[0].text + pieces[1].text
                    else:
                        text = "".join([p.text for p in pieces])
                    if node is not None and text.rstrip("\n") == getattr(node, label[1], None):
                        continue
                    self._field(label, pieces, False)
                else:
                    self._field(label, by_label[label], True)
        for entry in self.located.missing:
            if (entry.node_id, entry.field) in self.located.by_label or entry.node_id in removed:
                continue
            node = self.document.get(entry.node_id)
            if node is None or any(a.id in removed for a in self.document.ancestors(node)):
                continue
            self._missing(node, entry.field, removed)

    def _removed(self, node_id: str, labels, removed: set[str]) -> bool:
        """A whole item deleted (its text and paragraph marks): one remove_node proposal."""
        by_label = self.located.by_label
        if not all(_marks_deleted(by_label[label]) for label in labels):
            return False  # the common case, found without building anything
        node = self.document.get(node_id)
        parent = self.document.parent(node) if node is not None else None
        if node is None or parent is None:
            return False  # no such item, or a section (the plan's four parts are never removed)
        pieces = [p for label in labels for p in by_label[label]]
        marks = [p for p in pieces if p.is_mark]
        deletions = [m.change for m in marks if m.change is not None and m.change.kind == "del"]
        if not marks or len(deletions) != len(marks):
            return False
        if any(p.in_new and p.text.strip() for p in pieces if not p.is_mark):
            return False
        if any(a.id in removed for a in self.document.ancestors(node)):
            removed.add(node_id)
            return True
        change = deletions[0]
        proposal = self._remove_node(node, parent, change.author, change.date)
        if all(deletion.move == "moveFrom" for deletion in deletions):
            self.moved_from[node_id] = proposal
        removed.add(node_id)
        return True

    def _remove_node(self, node: AnyNode, parent: AnyNode, author: str, date: str) -> Proposal:
        op = Remove(parent.id, self.document.index_of(node))
        proposal = Proposal(
            kind="remove_node", node_id=node.id, author=author, date=date, old=title_of(node) or "",
            operation=to_json(op), reason=f"刪除{KINDS[node.kind].label}",
        )
        self.proposals.append(proposal)
        return proposal

    def _missing(self, node, field: str, removed: set[str]) -> None:
        """A paragraph of the plan that the document no longer has (re-saved without tracking)."""
        expected_fields = {e.field for e in self.located.missing if e.node_id == node.id}
        parent = self.document.parent(node)
        # A section has no parent and is never removed: its heading gone is its title deleted, as when tracked.
        if parent is not None and KINDS[node.kind].string_fields and all(f in expected_fields or not getattr(node, f, "") for f in KINDS[node.kind].string_fields if f not in ("chart_label", "note")):
            self._remove_node(node, parent, self.fallback_author, self.fallback_date)
            removed.add(node.id)
            return
        old = getattr(node, field)
        self.proposals.append(Proposal(kind="delete", node_id=node.id, field=field, author=self.fallback_author,
                                       date=self.fallback_date, old=old, new=""))

    def _field(self, label: tuple[str, str], pieces: list[Piece], changed: bool = True) -> None:
        node_id, field = label
        node = self.nodes.get(node_id)
        if node is None:
            return
        raw = getattr(node, field, "")
        if not isinstance(raw, str):
            return
        if not changed:  # untouched here: only the text itself can differ (a document saved untracked)
            joined = "".join([p.text for p in pieces]).rstrip("\n")
            if joined == raw:
                return  # most fields of most documents: no normalising needed to see it
            form = export_form(node.kind, field, raw)
            new = normalise(node.kind, field, joined)
            if new == form:
                return
        else:
            form = export_form(node.kind, field, raw)
            new = render(node.kind, field, pieces, accept=None)
            if new == form:
                return
        old = render(node.kind, field, pieces, accept=set())
        if old == form:
            groups = change_groups(pieces)
            for group in groups:
                # one group holding every change (most fields): taking it alone is taking them all
                alone = len(groups) == 1 and len(group) == sum(1 for p in pieces if p.change is not None and p.change.kind != "gone")
                text = new if alone else render(node.kind, field, pieces, accept={id(p) for p in group})
                change = next(p.change for p in group if p.change is not None)
                self._text_proposal(node_id, field, raw, form, text, kind_of(group), change.author, change.date)
            return
        marks = [p.change for p in pieces if p.change is not None and p.change.kind in ("ins", "del")]
        author = max(marks, key=lambda c: c.date).author if marks else self.fallback_author
        date = max(marks, key=lambda c: c.date).date if marks else self.fallback_date
        for text, kind in hunks(form, new):
            self._text_proposal(node_id, field, raw, form, text, kind, author, date)

    def _text_proposal(self, node_id, field, raw, form, text, kind, author, date) -> None:
        value = text if raw == form else (rebase_text(form, text, raw) or text)
        self.proposals.append({"id": self.next_id(), "kind": kind, "node_id": node_id, "field": field, "author": author,
                               "date": date, "old": raw, "new": value})

    # --- what cannot be applied ----------------------------------------------------------------
    def numbers_and_joins(self) -> None:
        paras = self.doc.paras
        first = next((i for i, label in enumerate(self.located.para_label) if label is not None), len(paras))
        for i in self.doc.changed_paras:  # every case below is about a tracked change
            para = paras[i]
            label = self.located.para_label[i]
            if label is not None and _wholly_deleted(para):
                continue  # a paragraph removed whole: its number and its mark go with it (a removal or a move)
            number_changes = [p for p in para.pieces if p.label is NUMBER and p.change is not None]
            if number_changes and label is not None:
                self._unplaced(number_changes, f"changes the number of 「{self._name(label[0])}」; numbers follow from the order of the items, so it is not applied", label)
            if label is None and not self.located.added[i] and para.has_changes():
                changed = [p for p in para.pieces if p.change is not None]
                where = "in a table (agencies, goals, budget or indicators are edited in the editor)" if para.in_table else \
                    "before the plan's items (cover or table of contents)" if i < first else "outside the plan's items"
                self._unplaced(changed, f"a change {where}")
            mark = para.mark
            if label is not None and mark.change is not None and mark.change.kind == "del" and i + 1 < len(paras):
                after = self.located.para_label[i + 1]
                if after is not None and after != label and after[0] != label[0] or after is not None and after[0] == label[0] and after[1] != label[1]:
                    self._unplaced([mark], f"joins the paragraphs of 「{self._name(label[0])}」 and 「{self._name(after[0])}」: a change across two items is not applied", label)

    def _unplaced(self, pieces: list[Piece], reason: str, label=None) -> None:
        change = next(p.change for p in pieces if p.change is not None)
        old = "".join(p.text for p in pieces if p.change is not None and p.change.kind == "del" and not p.is_mark)
        new = "".join(p.text for p in pieces if p.change is not None and p.change.kind == "ins" and not p.is_mark)
        kind: ProposalKind = "replace" if old and new else "insert" if new else "delete"
        self.unplaced.append(Proposal(kind=kind, author=change.author, date=change.date, old=old, new=new, reason=reason,
                                      anchor=self._name(label[0]) if label else ""))

    def _name(self, node_id: str) -> str:
        node = self.nodes.get(node_id)
        return (title_of(node) or node_id) if node is not None else node_id

    # --- added paragraphs ---------------------------------------------------------------------
    def added(self) -> None:
        if True not in self.located.added:
            return  # no paragraph a reviewer added (most documents): no pass over every paragraph
        paras = self.doc.paras
        previous: str | None = None  # the item the last placed paragraph belongs to
        pending: list[int] = []
        for i in range(len(paras)):
            if self.located.added[i]:
                pending.append(i)
                continue
            if pending:
                self._insertions(pending, previous)
                pending = []
            label = self.located.para_label[i]
            if label is not None:
                previous = label[0]
        if pending:
            self._insertions(pending, previous)

    def _insertions(self, indexes: list[int], previous: str | None) -> None:
        """Consecutive added paragraphs after the item ``previous``: new items (or new lines of a body)."""
        strategy: dict | None = None  # a new strategy gathering the paragraphs below its heading
        last: tuple[str, int, dict] | None = None  # (parent id, index, node data) of the last new item
        for i in indexes:
            para = self.doc.paras[i]
            text = TYPED_NUMBER.sub("", para.new_text().strip(), count=1)
            change = next((p.change for p in para.pieces if p.change is not None), None)
            author = change.author if change else self.fallback_author
            date = change.date if change else self.fallback_date
            kind = NEW_NODE_STYLES.get(para.style)
            if strategy is not None and para.style in BODY_STYLES:
                strategy["body"] = "\n".join(filter(None, [strategy["body"], text]))
                continue
            if strategy is not None and kind == "action":
                strategy["actions"].append({"id": new_id(), "kind": "action", "text": text, "actions": []})
                continue
            if strategy is not None and kind == "sub_action" and strategy["actions"]:
                strategy["actions"][-1]["actions"].append({"id": new_id(), "kind": "action", "text": text, "actions": []})
                continue
            place = place_of(self.document, kind or para.style, previous, last)
            if place is None:
                self.unplaced.append(Proposal(kind="insert", author=author, date=date, new=text,
                                              reason=f"a new paragraph ({para.style or 'no style'}) that is not a place for one of the plan's items"))
                continue
            parent_id, index, node_kind = place
            if node_kind == "body_line":
                self._body_line(parent_id, text, author, date)
                continue
            data = new_node(node_kind, text)
            if node_kind == "strategy":
                strategy = data
            last = (parent_id, index, data)
            proposal = Proposal(kind="insert_node", node_id=parent_id, author=author, date=date, new=text,
                                operation={"op": "Insert", "parent_id": parent_id, "index": index, "node": data},
                                reason=f"新增{KINDS[data['kind']].label}")
            self.proposals.append(proposal)
            if moved_here(para):
                self.moved_to.append((proposal, data))

    def _body_line(self, node_id: str, text: str, author: str, date: str) -> None:
        node = self.document.node(node_id)
        assert isinstance(node, BODY_NODES)  # placing.place gives a body line only below a goal, focus area or strategy
        raw = node.body
        form = export_form(node.kind, "body", raw)
        new = "\n".join(filter(None, [form, text]))
        self._text_proposal(node_id, "body", raw, form, new, "insert", author, date)

def _wholly_deleted(para) -> bool:
    """A paragraph whose text and mark a reviewer deleted (or moved away) entirely."""
    return all(p.change is not None and p.change.kind in ("del", "gone") for p in para.pieces if p.text.strip() or p.is_mark)


def _marks_deleted(pieces: list[Piece]) -> bool:
    """Whether every paragraph mark among ``pieces`` is a tracked deletion (the item's paragraphs removed)."""
    found = False
    for piece in pieces:
        if piece.is_mark:
            if piece.change is None or piece.change.kind != "del":
                return False
            found = True
    return found


_PROPOSALS = TypeAdapter(list[Proposal])  # every field's limits checked, as Proposal(...) checks them


def _id_maker() -> Callable[[], str]:
    """Fresh proposal ids for one reading: 12 hex digits like ``new_id``'s, a random 8 and a count (a uuid4
    each costs more); past 65,536 proposals, random ones."""
    prefix = new_id()[:8]
    count = itertools.count()

    def make() -> str:
        n = next(count)
        return f"{prefix}{n:04x}" if n < 0x10000 else new_id()

    return make


def build(doc: WordDocument, located: Located, nodes: Mapping[str, AnyNode],
          document: Callable[[], Document]) -> tuple[list[Proposal], list[Proposal]]:
    """The proposals and the unplaced changes of ``doc``; ``nodes`` the plan's items by id, ``document()`` the
    plan's draft as a Document (made only when the parents of items are needed)."""
    builder = Builder(doc, located, nodes, document)
    builder.fields()
    builder.added()
    builder.numbers_and_joins()
    made = iter(_PROPOSALS.validate_python([p for p in builder.proposals if isinstance(p, dict)]))
    validated = [next(made) if isinstance(p, dict) else p for p in builder.proposals]
    proposals = pair_moves(validated, builder.moved_from, builder.moved_to, builder.document) \
        if builder.moved_from and builder.moved_to else validated
    placed, unplaced = comment_proposals(doc, located)
    return proposals + placed, builder.unplaced + unplaced
