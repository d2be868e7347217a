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

from dataclasses import dataclass
from itertools import chain, compress
from operator import attrgetter, is_not, ne, not_
from typing import Any

from schema.compare_index import disturbed
from schema.file_reading import collector_paused
from schema.merge_fields import merge_value
from schema.merge_version import CHILD_FIELDS, GETTERS, OWN_FIELDS, Version, dicts_by_id, own_values, to_json
from schema.model import PlanContent
from schema.sequences import longest_increasing
from schema.tree import MAX_ACTION_DEPTH, SECTION_FIELDS, sections

OURS, THEIRS = "ours", "theirs"


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


_ID = attrgetter("id")


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
        with collector_paused():  # many short-lived objects, no cycles (as loading and the comparison do)
            return self._run()

    def _run(self) -> tuple[PlanContent, list[TreeConflict]]:
        """Most nodes are where they were, with the fields they had: sets and C-level maps find the
        few that are not, and only those (and their families) are decided one by one."""
        b, o, t = self.b, self.o, self.t
        self.alive = self._existence()
        self.parent, self.placed_by = self._parents()
        loose = self._loose(self.parent)
        families: set[Any] = set(map(self.parent.__getitem__, loose)) | set(map(o.parent.get, loose))
        families.update(map(o.parent.__getitem__, o.nodes.keys() - self.alive))
        for side in (o, t):
            same = dict(zip(*([list(b.nodes.keys() & side.nodes.keys())] * 2)))
            families |= disturbed(b.index, side.index, same, same, set())
        families |= self.alive - (t.nodes.keys() & b.nodes.keys())  # new, or kept against a removal
        families &= self.alive
        under: dict[str, list[str]] = {}
        for n in loose:
            under.setdefault(self.parent[n] or "", []).append(n)
        members: dict[str, list[str]] = {}
        for p in families:
            found = [k for k in o.kids.get(p, []) if self.parent.get(k) == p] + under.get(p, [])
            if found:
                members[p] = sorted(found, key=self._key)
        # decided in the order the families first appear in the document, as conflicts are numbered
        self.members = dict(sorted(members.items(), key=lambda item: self._key(item[1][0])))
        self.order = {p: self._order(p) for p in self.members}
        values = {nid: self._fields(nid) for nid in sorted(self._differing(), key=self._key)}
        return self._content(values, families), self.conflicts

    def _key(self, n: str) -> tuple:
        """Where ``n`` comes in the merge's order: ours' document order, then what only theirs has, in theirs'."""
        return (0, self.o.position(n)) if n in self.o.nodes else (1, self.t.position(n))

    def _loose(self, parent: dict[str, str | None]) -> list[str]:
        """The nodes the merge puts under another parent than ours has them (or that ours lacks)."""
        rest = list(parent)[len(self.section_ids):]
        return list(compress(rest, map(ne, map(parent.__getitem__, rest), map(self.o.parent.get, rest))))

    def _differing(self) -> set[str]:
        """Nodes whose fields the two sides have differently, and those only theirs has."""
        o, t = self.o, self.t
        found = (self.alive & t.nodes.keys()) - o.nodes.keys()
        for kind, (ids, nodes) in o.of_kind.items():
            getter = GETTERS[kind]
            others = list(map(t.nodes.get, ids))
            present = list(map(is_not, others, [None] * len(others)))
            differs = map(ne, map(getter, compress(nodes, present)), map(getter, compress(others, present)))
            found.update(compress(compress(ids, present), differs))
        return found

    def _content(self, values: dict[str, dict[str, Any]], families: set[str]) -> PlanContent:
        """Ours as plain data (one C-level dump), with the merged fields and families put in, validated whole."""
        dicts = dicts_by_id(self.o.content.model_dump())
        for n, own in values.items():
            data = dicts.get(n) if n in self.o.nodes else None
            if data is None:
                dicts[n] = {**own, "id": n, "kind": self._kind(n)}
            else:
                data.update(own)
        for n in families | (self.alive - self.o.nodes.keys()):
            field = CHILD_FIELDS[self._kind(n)]
            if field:
                dicts[n][field] = [dicts[c] for c in self.order.get(n, [])]
        return PlanContent.model_validate({name: dicts[sid] for name, sid in zip(SECTION_FIELDS, self.section_ids)})

    # --- which nodes stay --------------------------------------------------------------------
    def _existence(self) -> set[str]:
        b, o, t = self.b, self.o, self.t
        bk, ok, tk = b.nodes.keys(), o.nodes.keys(), t.nodes.keys()
        alive = (bk & ok & tk) | (ok - bk) | (tk - bk)
        for remover, keeper in ((OURS, THEIRS), (THEIRS, OURS)):
            d, k = self.side[remover], self.side[keeper]
            removed = (bk & k.nodes.keys()) - d.nodes.keys()
            for root in sorted((n for n in removed if k.parent[n] not in removed), key=k.position):
                if self._touched(k, root):
                    alive.update(n for n in k.subtree(root) if n in removed)
                    self.conflicts.append(TreeConflict("delete_edit", root, removed_by=remover))
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
        parent: dict[str, str | None] = dict.fromkeys(self.section_ids)
        ours = list((self.alive & o.nodes.keys()).difference(self.section_ids))
        parent.update(zip(ours, map(o.parent.__getitem__, ours)))
        placed_by = dict.fromkeys(ours, OURS)
        both = list(filter(t.nodes.__contains__, ours))
        moved = set(compress(both, map(ne, map(o.parent.__getitem__, both), map(t.parent.__getitem__, both))))
        theirs_only = (self.alive & t.nodes.keys()) - o.nodes.keys()
        for n in sorted(moved | theirs_only, key=self._key):
            po, pt, pb = o.parent.get(n), t.parent.get(n), b.parent.get(n)
            if n in theirs_only or (pt != pb and po == pb):
                parent[n], placed_by[n] = pt, THEIRS
            elif pt != pb:
                self._move_conflict(n, pt)  # both moved it: ours, already chosen
        rest = list(parent)[len(self.section_ids):]
        lost = compress(rest, map(not_, map(self.alive.__contains__, map(parent.__getitem__, rest))))
        for n in sorted(lost, key=self._key):  # its side's parent was removed: the other side's, else the base's
            parent[n] = next((p for p in (o.parent.get(n), t.parent.get(n), b.parent.get(n)) if p in self.alive), None)
            if parent[n] is None:
                raise ValueError(f"the merge found no place for the item {n!r}")
        loose = self._loose(parent)
        if self._has_cycle(parent, loose) or self._too_deep(parent, loose):
            # rare: decided node by node in the merge's order, which picks the move to undo
            parent = dict(chain(zip(self.section_ids, [None] * len(self.section_ids)),
                                ((n, parent[n]) for n in sorted(rest, key=self._key))))
            self._break_cycles(parent, placed_by)
            self._limit_depth(parent, placed_by)
        return parent, placed_by

    def _has_cycle(self, parent: dict[str, str | None], loose: list[str]) -> bool:
        """Any cycle passes through a node not under ours' parent (ours is a tree)."""
        for n in loose:
            path = {n}
            p = parent[n]
            while p is not None:
                if p in path:
                    return True
                path.add(p)
                p = parent[p]
        return False

    def _too_deep(self, parent: dict[str, str | None], loose: list[str]) -> bool:
        """Whether some action would sit three levels deep: such a chain holds an action that is
        not under ours' parent, under an action (ours' own chains are valid)."""
        under: dict[str, list[str]] = {}
        for n in loose:
            under.setdefault(parent[n] or "", []).append(n)

        def down(x: str) -> int:
            kids = [k for k in self.o.kids.get(x, []) if parent.get(k) == x] + under.get(x, [])
            return 1 + max((down(k) for k in kids if self._kind(k) == "action"), default=0)

        for c in loose:
            above = parent[c]
            if self._kind(c) != "action" or above is None or self._kind(above) != "action":
                continue
            up, x = 0, c  # type: int, str | None
            while x is not None and self._kind(x) == "action" and up <= MAX_ACTION_DEPTH:
                up, x = up + 1, parent[x]
            if up + down(c) - 1 > MAX_ACTION_DEPTH:
                return True
        return False

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
        run = set(longest_increasing(range(len(kept)), key=[where[c] for c in kept].__getitem__))
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
        names = OWN_FIELDS[kind]
        if n not in t.nodes:
            return own_values(o, n)
        if n not in o.nodes:
            return own_values(t, n)
        ov, tv = o.values(n), t.values(n)
        if ov == tv:
            return own_values(o, n)
        bv = b.values(n) if n in b.nodes else tuple(_BLANK for _ in names)
        if tv == bv:
            return own_values(o, n)
        if ov == bv:
            return own_values(t, n)
        merged = own_values(o, n)
        theirs_plain, base_plain = own_values(t, n), own_values(b, n) if n in b.nodes else {}
        for name, x, y, z in zip(names, bv, ov, tv):
            if y == z or z == x:
                continue
            value, clash = merge_value(base_plain.get(name, _BLANK), merged[name], theirs_plain[name], name)
            merged[name] = value
            if clash:
                wanted, _ = merge_value(base_plain.get(name, _BLANK), theirs_plain[name], merged[name], name)
                kind_of = "text" if isinstance(value, str) else "field"
                self.conflicts.append(TreeConflict(kind_of, n, name, theirs_value=to_json(kind, name, wanted)))
        return merged

_BLANK: Any = ""
