"""One version of a plan as the three-way merge (schema.merge_tree) sees it: its nodes by id with
their parent and, when asked, their child ids, indexed as the comparison indexes them; and each
node's own fields (everything but its id, kind and children) as plain values."""
from __future__ import annotations

from itertools import compress
from operator import attrgetter, is_not, itemgetter, ne
from typing import Any

from pydantic import BaseModel, TypeAdapter

from schema.compare_index import VersionIndex
from schema.model import AnyNode, PlanContent
from schema.rules import levels
from schema.tree import KINDS

_ID = attrgetter("id")


def model_of(kind: str) -> type[BaseModel]:
    cls: type[BaseModel] = KINDS[kind].cls
    return cls


OWN_FIELDS = {
    kind: tuple(name for name in model_of(kind).model_fields if name not in ("id", "kind", spec.children))
    for kind, spec in KINDS.items()
}
GETTERS = {kind: attrgetter(*names) for kind, names in OWN_FIELDS.items()}  # every kind has a note and one more field: tuples
CHILD_FIELDS = {kind: spec.children for kind, spec in KINDS.items()}
_ADAPTERS: dict[tuple[str, str], TypeAdapter] = {}


class Version:
    """One version's nodes: id → node, parent id, child ids (``kids``, made when asked for), indexed
    level by level as the comparison indexes them (``index``: ``schema.compare_index.VersionIndex``)."""

    def __init__(self, content: PlanContent):
        self.content = content
        self.index = VersionIndex(content)
        self.nodes = self.index.nodes
        self.parent = self.index.parent_ids
        self.of_kind = self.index.of_kind
        self.position = self.index.position  # a key that sorts as document order
        self.kids = _Kids(self.nodes)

    def values(self, nid: str) -> tuple:
        node = self.nodes[nid]
        values: tuple = GETTERS[node.kind](node)
        return values

    def subtree(self, nid: str) -> list[str]:
        out, stack = [], [nid]
        while stack:
            n = stack.pop()
            out.append(n)
            stack.extend(self.kids.get(n, ()))
        return out

    def changed_since(self, base: Version) -> set[str]:
        """Ids of the nodes that are new, under another parent or with other own fields than in ``base``:
        kind by kind with C-level maps, since most nodes are unchanged."""
        changed = set(self.nodes.keys() - base.nodes.keys())
        common = list(self.nodes.keys() & base.nodes.keys())
        changed.update(compress(common, map(ne, map(self.parent.__getitem__, common), map(base.parent.__getitem__, common))))
        base_nodes = base.nodes
        for kind, (ids, nodes) in self.of_kind.items():
            getter = GETTERS[kind]
            olds = list(map(base_nodes.get, ids))
            present = list(map(is_not, olds, [None] * len(olds)))
            differs = map(ne, map(getter, compress(olds, present)), map(getter, compress(nodes, present)))
            changed.update(compress(compress(ids, present), differs))
        return changed


class _Kids:
    """A node's child ids, listed the first time they are asked for (a merge looks at few families)."""

    def __init__(self, nodes: dict[str, AnyNode]):
        self.nodes = nodes
        self.found: dict[str, list[str]] = {}

    def get(self, nid: str, default: Any = None) -> Any:
        found = self.found.get(nid)
        if found is None:
            node = self.nodes.get(nid)
            field = CHILD_FIELDS[node.kind] if node is not None else None
            if field is None:
                return default
            found = self.found[nid] = list(map(_ID, getattr(node, field)))
        return found


def own_values(v: Version, n: str) -> dict[str, Any]:
    """A node's own fields as values for validation; KPIs as dicts so no object is shared with an input."""
    node = v.nodes[n]
    data = dict(zip(OWN_FIELDS[node.kind], GETTERS[node.kind](node)))
    if "kpis" in data:
        data["kpis"] = [k.model_dump() for k in data["kpis"]]
    return data


def dicts_by_id(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Every node's dict of a dumped content by id (rules.levels walks it level by level)."""
    found: dict[str, dict[str, Any]] = {}
    for level in levels(data):
        found.update(zip(map(_ID_KEY, level), level))
    return found


_ID_KEY = itemgetter("id")


def to_json(kind: str, field: str, value: Any) -> Any:
    adapter = _ADAPTERS.get((kind, field))
    if adapter is None:
        annotation: Any = model_of(kind).model_fields[field].annotation
        adapter = _ADAPTERS[(kind, field)] = TypeAdapter(annotation)
    return adapter.dump_python(adapter.validate_python(value), mode="json")
