"""Three-way merge of a plan's content tree, node by node, by id.

Each node is decided on its own, from the base and the two sides (ours: the side applied when
they disagree; theirs: the other one):

- **Existence.** A node stays unless a side removed it. A removal wins, except where the other
  side *touched* what was removed (edited a field, inserted, moved or reordered something in
  it): then the removed subtree stays as the other side has it, and the removal becomes a
  conflict (``delete_edit``) for a person to decide, never lost.
- **Place.** The parent a side moved it to (both moved it to different parents: ours, and a
  ``move`` conflict). Among its siblings, nodes neither side moved keep the base order; each
  node a side inserted, moved in or reordered goes right after its nearest preceding sibling in
  that side's list (both reordered one node differently: ours, and a ``move`` conflict).
- **Fields.** ``schema.merge_fields``: texts at character level, budgets by year, KPIs by id,
  agency lists by item; a clash keeps ours and is a ``text`` or ``field`` conflict.

When only one side touched a family of nodes, the merged family equals that side's, so for
edits that touch disjoint parts of the plan the merge is both edit sequences applied.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from pydantic import BaseModel, TypeAdapter

from schema.merge_fields import merge_value
from schema.model import AnyNode, PlanContent
from schema.tree import KINDS, MAX_ACTION_DEPTH, SECTION_FIELDS, sections

OURS, THEIRS = "ours", "theirs"



def _model(kind: str) -> type[BaseModel]:
    cls: type[BaseModel] = KINDS[kind].cls
    return cls


_OWN_FIELDS = {
    kind: tuple(name for name in _model(kind).model_fields if name not in ("id", "kind", spec.children))
    for kind, spec in KINDS.items()
}
_GETTERS = {kind: attrgetter(*names) for kind, names in _OWN_FIELDS.items()}  # every kind has a note and one more field: tuples
_CHILD_FIELDS = {kind: spec.children for kind, spec in KINDS.items()}
_ADAPTERS: dict[tuple[str, str], TypeAdapter] = {}


@dataclass
class TreeConflict:
    """One disagreement: ``text``/``field`` (both changed a field), ``delete_edit``, ``move``."""

    kind: str
    node_id: str
    field: str = ""
    theirs_value: Any = None  # text/field: the value accepting theirs would set (JSON)
    removed_by: str = ""  # delete_edit: the side whose removal is pending
    parent_id: str = ""  # move: the parent the pending side put it under ...
    before: tuple[str, ...] = ()  # ... after the first of these siblings found there (nearest first)
    pending: str = THEIRS  # move: the side whose place is pending
    cause: str = "both"  # move: both sides moved it, or the two moves made a cycle or a third level of actions


class Version:
    """One version's nodes: id → node, parent id, child ids."""

    def __init__(self, content: PlanContent):
        self.content = content
        self.nodes: dict[str, AnyNode] = {}
        self.parent: dict[str, str | None] = {}
        self.kids: dict[str, list[str]] = {}
        stack: list[tuple[AnyNode, str | None]] = [(s, None) for s in reversed(sections(content))]
        nodes, parents, family, child_fields = self.nodes, self.parent, self.kids, _CHILD_FIELDS
        while stack:
            node, parent = stack.pop()
            nid = node.id
            nodes[nid] = node
            parents[nid] = parent
            field = child_fields[node.kind]
            if field:
                kids = getattr(node, field)
                family[nid] = [k.id for k in kids]
                stack.extend((k, nid) for k in reversed(kids))

    def values(self, nid: str) -> tuple:
        node = self.nodes[nid]
        values: tuple = _GETTERS[node.kind](node)
        return values

    def subtree(self, nid: str) -> list[str]:
        out, stack = [], [nid]
        while stack:
            n = stack.pop()
            out.append(n)
            stack.extend(self.kids.get(n, ()))
        return out


def merge_contents(base: PlanContent, ours: PlanContent, theirs: PlanContent) -> tuple[PlanContent, list[TreeConflict]]:
    """The merged content and its conflicts; the versions share ids (see ``schema.merge.align_ids``)."""
    return merge_versions(Version(base), Version(ours), Version(theirs))


def merge_versions(base: Version, ours: Version, theirs: Version) -> tuple[PlanContent, list[TreeConflict]]:
    return _Merge(base, ours, theirs).run()


class _Merge:
    def __init__(self, b: Version, o: Version, t: Version):
        self.b, self.o, self.t = b, o, t
        self.side = {OURS: o, THEIRS: t}
        self.conflicts: list[TreeConflict] = []
        self.kinds: dict[str, str] = {}
        self.section_ids = [s.id for s in sections(b.content)]

    def run(self) -> tuple[PlanContent, list[TreeConflict]]:
        self.alive = self._existence()
        self.parent, self.placed_by = self._parents()
        self.members: dict[str, list[str]] = {}
        for n, q in self.parent.items():
            if q is not None:
                self.members.setdefault(q, []).append(n)
        self.order = {p: self._order(p) for p in self.members}
        values = {nid: self._fields(nid) for nid in self.ordered}
        content = PlanContent.model_validate({
            name: self._build(sid, values) for name, sid in zip(SECTION_FIELDS, self.section_ids)
        })
        return content, self.conflicts

    # --- which nodes stay --------------------------------------------------------------------
    def _existence(self) -> set[str]:
        b, o, t = self.b, self.o, self.t
        alive = {n for n in b.nodes if n in o.nodes and n in t.nodes}
        alive.update(n for n in o.nodes if n not in b.nodes)
        alive.update(n for n in t.nodes if n not in b.nodes)
        for remover, keeper in ((OURS, THEIRS), (THEIRS, OURS)):
            d, k = self.side[remover], self.side[keeper]
            removed = {n for n in b.nodes if n in k.nodes and n not in d.nodes}
            for root in [n for n in k.nodes if n in removed and k.parent[n] not in removed]:
                if self._touched(k, root):
                    alive.update(n for n in k.subtree(root) if n in removed)
                    self.conflicts.append(TreeConflict("delete_edit", root, removed_by=remover))
        # in document order (ours, then what only theirs has), so the result never depends on hashing
        self.ordered = [n for n in o.nodes if n in alive] + [n for n in t.nodes if n in alive and n not in o.nodes]
        return alive

    def _touched(self, k: Version, root: str) -> bool:
        """Whether side ``k`` changed anything in the subtree at ``root`` (removals inside do not count)."""
        b = self.b
        for n in k.subtree(root):
            if n not in b.nodes or k.parent[n] != b.parent[n] or k.values(n) != b.values(n):
                return True
            kept = [c for c in k.kids.get(n, ()) if b.parent.get(c) == n]
            still = set(kept)
            if kept != [c for c in b.kids.get(n, ()) if c in still]:
                return True
        return False

    # --- where each node goes ----------------------------------------------------------------
    def _parents(self) -> tuple[dict[str, str | None], dict[str, str]]:
        b, o, t = self.b, self.o, self.t
        parent: dict[str, str | None] = {sid: None for sid in self.section_ids}
        placed_by: dict[str, str] = {}
        for n in self.ordered:
            if n in parent:
                continue
            po, pt, pb = o.parent.get(n), t.parent.get(n), b.parent.get(n)
            if n in o.nodes and n in t.nodes:
                if po == pt or pt == pb:
                    chosen, by = po, OURS
                elif po == pb:
                    chosen, by = pt, THEIRS
                else:
                    chosen, by = po, OURS
                    self._move_conflict(n, pt)
            elif n in o.nodes:
                chosen, by = po, OURS
            else:
                chosen, by = pt, THEIRS
            parent[n], placed_by[n] = chosen, by
        for n in [n for n in parent if n not in self.section_ids]:
            if parent[n] not in self.alive:  # its side's parent was removed: the other side's, else the base's
                parent[n] = next((p for p in (o.parent.get(n), t.parent.get(n), b.parent.get(n)) if p in self.alive), None)
            if parent[n] is None:
                raise ValueError(f"the merge found no place for the item {n!r}")
        self._break_cycles(parent, placed_by)
        self._limit_depth(parent, placed_by)
        return parent, placed_by

    def _break_cycles(self, parent: dict[str, str | None], placed_by: dict[str, str]) -> None:
        """Ours moved X under Y and theirs Y under X: theirs' move of one of them becomes a conflict."""
        for n in list(parent):
            path = [n]
            p = parent[n]
            while p is not None:
                if p in path:
                    cycle = path[path.index(p):]
                    victim = next(c for c in cycle if placed_by.get(c) == THEIRS)
                    self._revert(victim, parent, placed_by, "cycle")
                    break
                path.append(p)
                p = parent[p]

    def _limit_depth(self, parent: dict[str, str | None], placed_by: dict[str, str]) -> None:
        """Actions nest two levels: a sub-action moved under a sub-action by the two sides together is undone."""
        for n in list(parent):
            chain: list[str] = []
            c: str | None = n
            while c is not None and self._kind(c) == "action" and len(chain) <= MAX_ACTION_DEPTH:
                chain.append(c)
                c = parent[c]
            if len(chain) <= MAX_ACTION_DEPTH:
                continue
            moved = [c for c in chain if parent[c] != self.b.parent.get(c, parent[c])]
            victim = next((c for c in moved if placed_by.get(c) == THEIRS), moved[0] if moved else None)
            if victim is None:
                raise ValueError(f"the merge would nest the action {n!r} three levels deep")
            self._revert(victim, parent, placed_by, "depth")

    def _revert(self, n: str, parent: dict[str, str | None], placed_by: dict[str, str], cause: str) -> None:
        """Undo one side's move of ``n`` (to the other side's parent, else the base's); that move is pending."""
        pending = placed_by.get(n, THEIRS)
        other = self.o if pending == THEIRS else self.t
        self._move_conflict(n, parent[n], pending, cause)
        back = other.parent.get(n)
        parent[n] = back if back in self.alive else self.b.parent.get(n)
        placed_by[n] = OURS if pending == THEIRS else THEIRS

    def _move_conflict(self, n: str, to_parent: str | None, pending: str = THEIRS, cause: str = "both") -> None:
        kids = self.side[pending].kids.get(to_parent or "", [])
        i = kids.index(n) if n in kids else 0
        before = tuple(reversed(kids[:i]))
        self.conflicts.append(TreeConflict("move", n, parent_id=to_parent or "", before=before, pending=pending, cause=cause))

    def _order(self, p: str) -> list[str]:
        b = self.b
        members = self.members[p]
        member_set = set(members)
        base_kids = b.kids.get(p, [])
        reordered = {side: self._reordered(self.side[side], p) for side in (OURS, THEIRS)}
        placer: dict[str, str | None] = {}
        for n in members:
            if b.parent.get(n) == p:
                by_o, by_t = n in reordered[OURS], n in reordered[THEIRS]
                if by_o and by_t and self._before(self.o, p, n) != self._before(self.t, p, n):
                    self._move_conflict(n, p)
                placer[n] = OURS if by_o else THEIRS if by_t else None
            else:
                placer[n] = self.placed_by.get(n, OURS)
                if self.o.parent.get(n) == p == self.t.parent.get(n) and self._before(self.o, p, n) != self._before(self.t, p, n):
                    self._move_conflict(n, p)  # both moved it here, to different places
        result = [n for n in base_kids if n in member_set and placer[n] is None]
        for side in (OURS, THEIRS):
            kids = self.side[side].kids.get(p, [])
            for i, n in enumerate(kids):
                if placer.get(n) != side or n not in member_set:
                    continue
                placed = set(result)
                before = next((k for k in reversed(kids[:i]) if k in placed), None)
                result.insert(result.index(before) + 1 if before is not None else 0, n)
        placed = set(result)
        result.extend(n for n in members if n not in placed)  # safety: nothing is ever dropped
        return result

    def _reordered(self, s: Version, p: str) -> set[str]:
        """Children of ``p`` that side ``s`` moved among their siblings: those off the longest run kept in order."""
        b = self.b
        base_kids = b.kids.get(p, [])
        kept = [c for c in s.kids.get(p, []) if b.parent.get(c) == p]
        if kept == [c for c in base_kids if c in set(kept)]:
            return set()
        where = {c: i for i, c in enumerate(base_kids)}
        run = _longest_increasing([where[c] for c in kept])
        return {c for i, c in enumerate(kept) if i not in run}

    def _before(self, s: Version, p: str, n: str) -> str | None:
        kids = s.kids.get(p, [])
        i = kids.index(n)
        return kids[i - 1] if i else None

    # --- fields and the result ---------------------------------------------------------------
    def _kind(self, n: str) -> str:
        kind = self.kinds.get(n)
        if kind is None:
            kind = self.kinds[n] = (self.o.nodes.get(n) or self.t.nodes.get(n) or self.b.nodes[n]).kind
        return kind

    def _fields(self, n: str) -> dict[str, Any]:
        b, o, t = self.b, self.o, self.t
        kind = self._kind(n)
        names = _OWN_FIELDS[kind]
        if n not in t.nodes:
            return _plain(o, n)
        if n not in o.nodes:
            return _plain(t, n)
        ov, tv = o.values(n), t.values(n)
        if ov == tv:
            return _plain(o, n)
        bv = b.values(n) if n in b.nodes else tuple(_BLANK for _ in names)
        if tv == bv:
            return _plain(o, n)
        if ov == bv:
            return _plain(t, n)
        merged = _plain(o, n)
        theirs_plain, base_plain = _plain(t, n), _plain(b, n) if n in b.nodes else {}
        for name, x, y, z in zip(names, bv, ov, tv):
            if y == z or z == x:
                continue
            value, clash = merge_value(base_plain.get(name, _BLANK), merged[name], theirs_plain[name], name)
            merged[name] = value
            if clash:
                wanted, _ = merge_value(base_plain.get(name, _BLANK), theirs_plain[name], merged[name], name)
                kind_of = "text" if isinstance(value, str) else "field"
                self.conflicts.append(TreeConflict(kind_of, n, name, theirs_value=_to_json(kind, name, wanted)))
        return merged

    def _build(self, n: str, values: dict[str, dict]) -> dict:
        data = dict(values[n])
        data["id"], data["kind"] = n, self._kind(n)
        field = KINDS[data["kind"]].children
        if field:
            data[field] = [self._build(c, values) for c in self.order.get(n, [])]
        return data


_BLANK: Any = ""


def _plain(v: Version, n: str) -> dict[str, Any]:
    """A node's own fields as values for validation; KPIs as dicts so no object is shared with an input."""
    node = v.nodes[n]
    data = dict(zip(_OWN_FIELDS[node.kind], _GETTERS[node.kind](node)))
    if "kpis" in data:
        data["kpis"] = [k.model_dump() for k in data["kpis"]]
    return data


def _to_json(kind: str, field: str, value: Any) -> Any:
    adapter = _ADAPTERS.get((kind, field))
    if adapter is None:
        annotation: Any = _model(kind).model_fields[field].annotation
        adapter = _ADAPTERS[(kind, field)] = TypeAdapter(annotation)
    return adapter.dump_python(adapter.validate_python(value), mode="json")


def _longest_increasing(values: list[int]) -> set[int]:
    """Positions of one longest increasing subsequence (patience sorting)."""
    tails: list[int] = []
    tail_at: list[int] = []
    previous = [-1] * len(values)
    for pos, value in enumerate(values):
        k = bisect_left(tails, value)
        if k == len(tails):
            tails.append(value)
            tail_at.append(pos)
        else:
            tails[k], tail_at[k] = value, pos
        previous[pos] = tail_at[k - 1] if k else -1
    run: set[int] = set()
    pos = tail_at[-1] if tail_at else -1
    while pos != -1:
        run.add(pos)
        pos = previous[pos]
    return run


