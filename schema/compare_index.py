"""The index of one version of a plan that :mod:`schema.compare` works on, and how it finds what changed.

``VersionIndex`` records every node's parent and place level by level, each level's nodes of one
kind with a few C-level calls (``map``, ``zip``, ``chain``, ``dict.update``) rather than a Python
step per node: a comparison indexes every node of both versions, and most nodes never change.
``suspects``, ``disturbed`` and ``out_of_order`` then find, with C-level maps over whole kinds,
the few nodes the comparison must look at one by one.
"""
from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from itertools import chain, compress, repeat
from operator import attrgetter, eq, is_not, lt, ne, or_
from typing import Any

from schema.compare_match import own_text
from schema.model import AnyNode, PlanContent
from schema.numbering import number_at
from schema.sequences import longest_increasing
from schema.tree import KINDS, children, level_groups, sections

_COMPARED = {kind: spec.compared for kind, spec in KINDS.items()}  # the fields that make a change, apart from goal links
GETTERS = {kind: attrgetter(*names) for kind, names in _COMPARED.items()}  # kind → its compared fields, read at once
_CHILD_KIND = {kind: spec.child_kind for kind, spec in KINDS.items() if spec.child_kind is not None}
_ID = attrgetter("id")
_GOAL_IDS = attrgetter("goal_ids")
_number_at = lru_cache(maxsize=4096)(number_at)  # (kind, index, parent kind) → number, in the default style


class VersionIndex:
    """One version's nodes with their parent and place (``nodes``, ``parent_ids`` and ``index`` hold
    their ids in the same order, level by level), its nodes by kind and of each depth."""

    def __init__(self, content: PlanContent) -> None:
        self.content = content
        top: list[AnyNode] = list(sections(content))
        ids = list(map(_ID, top))
        self.nodes: dict[str, AnyNode] = dict(zip(ids, top))
        self.parent_ids: dict[str, str | None] = dict.fromkeys(ids)
        self.index: dict[str, int] = dict(zip(ids, range(len(ids))))
        self.of_kind: dict[str, tuple[list[str], list[AnyNode]]] = {}  # kind → (ids, nodes)
        for nid, node in zip(ids, top):
            self.of_kind[node.kind] = ([nid], [node])
        self.levels: list[list[AnyNode]] = []  # the nodes of each depth, in document order
        self._position: dict[str, tuple[int, ...]] = {}
        self._labels: dict[str, str] = {}
        self._locations: dict[str, str] = {}
        for group in level_groups(content):
            if group.level == len(self.levels):
                self.levels.append([])
            self.levels[group.level] += group.nodes
            if not group.children:
                continue
            kid_ids = group.child_ids
            self.nodes.update(zip(kid_ids, group.children))
            self.parent_ids.update(zip(kid_ids, chain.from_iterable(map(repeat, map(_ID, group.nodes), group.sizes))))
            self.index.update(zip(kid_ids, chain.from_iterable(map(range, group.sizes))))
            ids_of_kind, nodes_of_kind = self.of_kind.setdefault(_CHILD_KIND[group.kind], ([], []))
            ids_of_kind += kid_ids
            nodes_of_kind += group.children
        self.goal_titles = {g.id: g.title for g in content.goals.goals}

    def parent(self, nid: str) -> AnyNode | None:
        parent_id = self.parent_ids[nid]
        return None if parent_id is None else self.nodes[parent_id]

    def position(self, nid: str) -> tuple[int, ...]:
        """A key that sorts as document order: the indices from the section down to the node."""
        found = self._position.get(nid)
        if found is None:
            parent = self.parent_ids[nid]
            found = (self.index[nid],) if parent is None else (*self.position(parent), self.index[nid])
            self._position[nid] = found
        return found

    def end(self, nid: str) -> tuple[int, ...]:
        """The position of the last node of ``nid``'s subtree."""
        node = self.nodes[nid]
        kids = children(node)
        while kids:
            node = kids[-1]
            kids = children(node)
        return self.position(node.id)

    def number(self, node: AnyNode) -> str:
        """The node's official number (``schema.numbering.number_of``), from a cache of the few there are."""
        parent = self.parent(node.id)
        return _number_at(node.kind, self.index[node.id], parent.kind if parent is not None else "")

    def location(self, node: AnyNode) -> str:
        """The numbers from the focus area (施政重點) down to the node, as the plan's text names a
        place: 一、（五）, 四、（三）3. (a section's own 壹、; "" for unnumbered kinds). Only the
        changed nodes and their ancestors are asked, each once."""
        found = self._locations.get(node.id)
        if found is None:
            found = self.number(node)
            parent = self.parent(node.id)
            if found and parent is not None and self.parent_ids[parent.id] is not None:
                found = self.location(parent) + found
            self._locations[node.id] = found
        return found

    def label(self, node: AnyNode | None) -> str:
        """Location and title, e.g. 二、衝就業 or 一、（六）建構農漁高雄隊 (a parent's, named by each
        change below it: computed once)."""
        if node is None:
            return ""
        found = self._labels.get(node.id)
        if found is None:
            title, text = own_text(node)
            found = self._labels[node.id] = self.location(node) + (title or _short(text))
        return found

    def area(self, node: AnyNode) -> str:
        """The label of the focus area a node is in (一、拚經濟), the same level for every kind; for
        a focus area or another item at the top of a section, its section's; "" for a section."""
        parent_id = self.parent_ids[node.id]
        if parent_id is None:
            return ""
        top = node  # climbs to the item whose parent is a section
        grand = self.parent_ids[parent_id]
        while grand is not None:
            top, parent_id, grand = self.nodes[parent_id], grand, self.parent_ids[grand]
        return self.label(self.nodes[parent_id] if top is node else top)


def _short(text: str, limit: int = 24) -> str:
    line = text.split("\n", 1)[0]
    return line if len(line) <= limit else line[:limit] + "…"


# --- the list of changes ------------------------------------------------------------------------


def suspects(a: VersionIndex, b: VersionIndex, matched: dict[str, str], back: dict[str, str]) -> set[str]:
    """New ids whose compared fields differ from their old node's, or that link goals (compared
    through the goal matching): kind by kind, with C-level maps, since most nodes are unchanged."""
    suspects: set[str] = set()
    a_nodes = a.nodes
    for kind, (ids, nodes) in b.of_kind.items():
        getter = GETTERS[kind]
        old_ids = list(map(back.get, ids))
        is_matched = list(map(is_not, old_ids, repeat(None)))
        olds = map(a_nodes.__getitem__, compress(old_ids, is_matched))  # type: ignore[arg-type]  # None is left out
        differs = map(ne, map(getter, olds), map(getter, compress(nodes, is_matched)))
        suspects.update(compress(compress(ids, is_matched), differs))
    if "strategy" in b.of_kind:
        ids, nodes = b.of_kind["strategy"]
        suspects.update(compress(ids, map(_GOAL_IDS, nodes)))
    if "strategy" in a.of_kind:
        ids, nodes = a.of_kind["strategy"]
        suspects.update(filter(None, map(matched.get, compress(ids, map(_GOAL_IDS, nodes)))))
    return suspects


def disturbed(a: VersionIndex, b: VersionIndex, matched: dict[str, str], back: dict[str, str], suspects: set[str]) -> set[str]:
    """The new ids of the parents whose children are not exactly their old node's children in
    the same places (only there can a child be out of order); adds to ``suspects`` the new ids
    under another parent. Compared id by id with C-level maps, no tuple per node."""
    # Lookups that also answer None for None (an unmatched node has no counterpart, a section no parent).
    new_id: Callable[[Any], Any] = matched.get
    old_id: Callable[[Any], Any] = back.get
    a_parent: Callable[[Any], Any] = a.parent_ids.get
    a_index: Callable[[Any], Any] = a.index.get
    b_parent: Callable[[Any], Any] = b.parent_ids.get
    b_index: Callable[[Any], Any] = b.index.get
    old_ids = list(map(old_id, b.parent_ids.keys()))
    other_parent = list(map(ne, map(new_id, map(a_parent, old_ids)), b.parent_ids.values()))
    suspects.update(compress(b.parent_ids.keys(), other_parent))
    other_place = map(or_, other_parent, map(ne, map(a_index, old_ids), b.index.values()))
    disturbed: set[Any] = set(compress(b.parent_ids.values(), other_place))
    # and the old children that are not in their place in the newer version (removed, moved, shifted)
    new_ids = list(map(new_id, a.parent_ids.keys()))
    expected_parent = list(map(new_id, a.parent_ids.values()))
    elsewhere = map(or_, map(ne, map(b_parent, new_ids), expected_parent), map(ne, map(b_index, new_ids), a.index.values()))
    disturbed.update(compress(expected_parent, elsewhere))
    disturbed.discard(None)
    return disturbed


def out_of_order(a: VersionIndex, b: VersionIndex, matched: dict[str, str], back: dict[str, str], disturbed: set[str]) -> set[str]:
    """New ids of nodes that kept their parent but not their order: those off a longest increasing run.

    Only the children of ``disturbed`` parents can be out of order: the parents (new ids) whose
    children are not exactly their old node's children in the same places."""
    result: set[str] = set()
    old_parent_of: Callable[[Any], Any] = a.parent_ids.get
    new_id: Callable[[Any], Any] = matched.get
    old_place: Callable[[Any], int] = a.index.__getitem__
    for parent_id in disturbed:
        kid_ids = list(map(_ID, children(b.nodes[parent_id])))
        old_ids = list(map(back.get, kid_ids))
        # the children that were children of this parent's old node, with their old places
        stayed = list(map(eq, map(new_id, map(old_parent_of, old_ids)), repeat(parent_id)))
        places = list(map(old_place, compress(old_ids, stayed)))
        if all(map(lt, places, places[1:])):
            continue  # only insertions and removals here
        seq = list(zip(places, compress(kid_ids, stayed)))
        keep = {nid for _i, nid in longest_increasing(seq, key=lambda item: item[0])}
        result.update(nid for _i, nid in seq if nid not in keep)
    return result
