"""How :mod:`schema.compare` pairs the nodes of two versions of a plan.

By id when the versions share ids (revisions of one file). When they share none (two imported
texts), by content, level by level (focus areas, then strategies, then actions …):

1. the children of already matched parents with the same kind and words, in order;
2. the same words anywhere else on the level (an item moved unchanged);
3. the most alike of the children still unmatched under each matched parent (an item edited);
4. the most alike anywhere else on the level (edited and moved), candidates found through an
   inverted index of 2-character shingles rather than by comparing every pair of the plan.

Likeness is the Dice coefficient of the shingles of a node's words *and everything below it*,
so a renamed strategy whose actions stayed is still recognised. On the Kaohsiung plan unrelated
strategies or actions score at most 0.16, well below both thresholds.

``a`` and ``b`` are the comparison's indexed trees: ``.content``, ``.nodes`` (id → node) and
``.levels`` (the nodes of each depth in document order).
"""
from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterator
from typing import Protocol

from schema.model import BODY_NODES, TEXT_NODES, AnyNode, PlanContent
from schema.tree import children, sections

LOCAL_THRESHOLD = 0.3  # siblings under matched parents: a weaker likeness is enough
GLOBAL_THRESHOLD = 0.5  # anywhere else on the same level (moves across parents)
_PROBES = 12  # rarest shingles of a node used to find its candidates
_CANDIDATES = 24  # candidates per node scored exactly
_LOCAL_PAIRS = 400  # beyond this many sibling pairs, leave the rest to the shingle index


class IndexedTree(Protocol):
    """What matching needs of one version (``schema.compare_index.VersionIndex`` is one)."""

    content: PlanContent
    nodes: dict[str, AnyNode]

    @property
    def levels(self) -> list[list[AnyNode]]: ...


class KindIndexedTree(Protocol):
    """What matching by id needs of one version: its content and, per kind, its ids and nodes."""

    content: PlanContent
    of_kind: dict[str, tuple[list[str], list[AnyNode]]]


Pair = tuple[AnyNode, AnyNode]
Scored = tuple[float, int, int, int]  # likeness, nearness (minus the distance), index in xs, index in ys


def own_text(node: AnyNode) -> tuple[str, str]:
    """(title, text) as NodeSide reports them: a paragraph or action has only text, a section only a title."""
    if isinstance(node, TEXT_NODES):
        return "", node.text
    if isinstance(node, BODY_NODES):
        return node.title, node.body
    return node.title, ""


def match_by_id(a: KindIndexedTree, b: KindIndexedTree) -> dict[str, str]:
    """The ids both versions give to a node of the same kind, and the four sections by kind."""
    matched: dict[str, str] = {}
    for kind, (ids, _nodes) in b.of_kind.items():
        if kind in a.of_kind:
            same = set(ids).intersection(a.of_kind[kind][0])
            matched.update(zip(same, same))
    for sa, sb in zip(sections(a.content), sections(b.content)):
        matched[sa.id] = sb.id
    return matched


def match_by_content(a: IndexedTree, b: IndexedTree) -> dict[str, str]:
    """Level by level: the same words beat mere likeness, and a parent's own children come first."""
    matched: dict[str, str] = {}
    for sa, sb in zip(sections(a.content), sections(b.content)):
        matched[sa.id] = sb.id
    likeness = _Likeness()
    for depth in range(1, min(len(a.levels), len(b.levels))):
        taken: set[str] = set()  # new ids matched on this level

        def take(pairs: list[Pair], taken: set[str] = taken) -> None:
            for x, y in pairs:
                matched[x.id] = y.id
                taken.add(y.id)

        def rest(xs: list[AnyNode], ys: list[AnyNode], taken: set[str] = taken) -> tuple[list[AnyNode], list[AnyNode]]:
            return [x for x in xs if x.id not in matched], [y for y in ys if y.id not in taken]

        families = [(children(p), children(b.nodes[matched[p.id]])) for p in a.levels[depth - 1] if p.id in matched]
        for xs, ys in families:  # 1. unchanged, under the same parent
            take(_match_same_text(xs, ys)[0])
        take(_match_same_text(*rest(a.levels[depth], b.levels[depth]))[0])  # 2. unchanged, moved elsewhere
        for xs, ys in families:  # 3. edited, under the same parent
            take(_match_siblings(*rest(xs, ys), likeness))
        take(_match_anywhere(*rest(a.levels[depth], b.levels[depth]), likeness))  # 4. edited and moved
    return matched


def _key(node: AnyNode) -> tuple[str, str, str]:
    return (node.kind, *own_text(node))


def _match_same_text(xs: list[AnyNode], ys: list[AnyNode]) -> tuple[list[Pair], list[AnyNode], list[AnyNode]]:
    """Pairs of nodes with the same kind and words, in order; and the nodes left on each side."""
    pairs: list[Pair] = []
    by_key: dict[tuple[str, str, str], deque[AnyNode]] = defaultdict(deque)
    for x in xs:
        by_key[_key(x)].append(x)
    rest_y = []
    for y in ys:
        queue = by_key.get(_key(y))
        if queue:
            pairs.append((queue.popleft(), y))
        else:
            rest_y.append(y)
    return pairs, [x for queue in by_key.values() for x in queue], rest_y


def _match_siblings(rest_x: list[AnyNode], rest_y: list[AnyNode], likeness: _Likeness) -> list[Pair]:
    """The most alike pairs among a matched parent's unmatched children (few, so every pair is scored)."""
    pairs: list[Pair] = []
    if rest_x and rest_y and len(rest_x) * len(rest_y) <= _LOCAL_PAIRS:
        scored: list[Scored] = [
            (likeness.score(x, y), -abs(i - j), i, j)
            for i, x in enumerate(rest_x)
            for j, y in enumerate(rest_y)
            if x.kind == y.kind
        ]
        pairs.extend(_greedy(scored, rest_x, rest_y, LOCAL_THRESHOLD))
    return pairs


def _match_anywhere(rest_x: list[AnyNode], rest_y: list[AnyNode], likeness: _Likeness) -> list[Pair]:
    """The most alike pairs among the rest of one level, candidates found through the shingle index."""
    pairs: list[Pair] = []
    postings: dict[str, list[int]] = defaultdict(list)
    for i, x in enumerate(rest_x):
        for shingle in likeness.shingles(x):
            postings[shingle].append(i)
    scored: list[Scored] = []
    for j, y in enumerate(rest_y):
        probes = sorted((s for s in likeness.shingles(y) if s in postings), key=lambda s: (len(postings[s]), s))
        hits: dict[int, int] = defaultdict(int)
        for shingle in probes[:_PROBES]:
            for i in postings[shingle]:
                hits[i] += 1
        best = sorted(hits, key=lambda i: (-hits[i], i))[:_CANDIDATES]
        scored.extend((likeness.score(rest_x[i], y), 0, i, j) for i in best if rest_x[i].kind == y.kind)
    pairs.extend(_greedy(scored, rest_x, rest_y, GLOBAL_THRESHOLD))
    return pairs


def _greedy(scored: list[Scored], xs: list[AnyNode], ys: list[AnyNode], threshold: float) -> list[Pair]:
    """Best pairs first; each node used once; ties go to the nearer place, then document order."""
    scored.sort(key=lambda t: (-t[0], -t[1], t[2], t[3]))
    used_x: set[int] = set()
    used_y: set[int] = set()
    pairs: list[Pair] = []
    for score, _near, i, j in scored:
        if score < threshold:
            break
        if i not in used_x and j not in used_y:
            used_x.add(i)
            used_y.add(j)
            pairs.append((xs[i], ys[j]))
    return pairs


class _Likeness:
    """Dice similarity of 2-character shingles of a node's words and everything below it."""

    def __init__(self) -> None:
        self._cache: dict[int, frozenset[str]] = {}

    def shingles(self, node: AnyNode) -> frozenset[str]:
        key = id(node)
        found = self._cache.get(key)
        if found is None:
            text = "\n".join(_subtree_texts(node))
            found = frozenset(text[i : i + 2] for i in range(len(text) - 1)) or frozenset([text])
            self._cache[key] = found
        return found

    def score(self, x: AnyNode, y: AnyNode) -> float:
        sx, sy = self.shingles(x), self.shingles(y)
        return 2 * len(sx & sy) / (len(sx) + len(sy))


def _subtree_texts(node: AnyNode) -> Iterator[str]:
    yield from own_text(node)
    for child in children(node):
        yield from _subtree_texts(child)
