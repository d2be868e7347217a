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

from schema.model import AnyNode
from schema.tree import children, sections

LOCAL_THRESHOLD = 0.3  # siblings under matched parents: a weaker likeness is enough
GLOBAL_THRESHOLD = 0.5  # anywhere else on the same level (moves across parents)
_PROBES = 12  # rarest shingles of a node used to find its candidates
_CANDIDATES = 24  # candidates per node scored exactly
_LOCAL_PAIRS = 400  # beyond this many sibling pairs, leave the rest to the shingle index


def own_text(node: AnyNode) -> tuple[str, str]:
    """(title, text) as NodeSide reports them."""
    title = getattr(node, "title", "") if node.kind not in ("paragraph", "action") else ""
    text = getattr(node, "body", None)
    if text is None:
        text = getattr(node, "text", "")
    return title, text


def match_by_id(a, b, shared: set[str]) -> dict[str, str]:
    """The shared ids of the same kind, and the four sections by kind."""
    matched = {nid: nid for nid in shared if a.nodes[nid].kind == b.nodes[nid].kind}
    for sa, sb in zip(sections(a.content), sections(b.content)):
        matched[sa.id] = sb.id
    return matched


def match_by_content(a, b) -> dict[str, str]:
    """Level by level: the same words beat mere likeness, and a parent's own children come first."""
    matched: dict[str, str] = {}
    for sa, sb in zip(sections(a.content), sections(b.content)):
        matched[sa.id] = sb.id
    likeness = _Likeness()
    for depth in range(1, min(len(a.levels), len(b.levels))):
        taken: set[str] = set()  # new ids matched on this level

        def take(pairs, taken: set[str] = taken) -> None:
            for x, y in pairs:
                matched[x.id] = y.id
                taken.add(y.id)

        def rest(xs, ys, taken: set[str] = taken) -> tuple[list, list]:
            return [x for x in xs if x.id not in matched], [y for y in ys if y.id not in taken]

        families = [(children(p), children(b.nodes[matched[p.id]])) for p in a.levels[depth - 1] if p.id in matched]
        for xs, ys in families:  # 1. unchanged, under the same parent
            take(_match_same_text(xs, ys)[0])
        take(_match_same_text(*rest(a.levels[depth], b.levels[depth]))[0])  # 2. unchanged, moved elsewhere
        for xs, ys in families:  # 3. edited, under the same parent
            take(_match_siblings(*rest(xs, ys), likeness))
        take(_match_anywhere(*rest(a.levels[depth], b.levels[depth]), likeness))  # 4. edited and moved
    return matched


def _key(node: AnyNode) -> tuple:
    return (node.kind, *own_text(node))


def _match_same_text(xs: list, ys: list) -> tuple[list[tuple], list, list]:
    """Pairs of nodes with the same kind and words, in order; and the nodes left on each side."""
    pairs = []
    by_key: dict[tuple, deque] = defaultdict(deque)
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


def _match_siblings(rest_x: list, rest_y: list, likeness: _Likeness) -> list[tuple]:
    """The most alike pairs among a matched parent's unmatched children (few, so every pair is scored)."""
    pairs = []
    if rest_x and rest_y and len(rest_x) * len(rest_y) <= _LOCAL_PAIRS:
        scored = [
            (likeness.score(x, y), -abs(i - j), i, j)
            for i, x in enumerate(rest_x)
            for j, y in enumerate(rest_y)
            if x.kind == y.kind
        ]
        pairs.extend(_greedy(scored, rest_x, rest_y, LOCAL_THRESHOLD))
    return pairs


def _match_anywhere(rest_x: list, rest_y: list, likeness: _Likeness) -> list[tuple]:
    """The most alike pairs among the rest of one level, candidates found through the shingle index."""
    pairs = []
    postings: dict[str, list[int]] = defaultdict(list)
    for i, x in enumerate(rest_x):
        for shingle in likeness.shingles(x):
            postings[shingle].append(i)
    scored = []
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


def _greedy(scored: list[tuple], xs: list, ys: list, threshold: float) -> list[tuple]:
    """Best pairs first; each node used once; ties go to the nearer place, then document order."""
    scored.sort(key=lambda t: (-t[0], -t[1], t[2], t[3]))
    used_x: set[int] = set()
    used_y: set[int] = set()
    pairs = []
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

    def __init__(self):
        self._cache: dict[int, frozenset] = {}

    def shingles(self, node: AnyNode) -> frozenset:
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


def _subtree_texts(node: AnyNode):
    yield from own_text(node)
    for child in children(node):
        yield from _subtree_texts(child)
