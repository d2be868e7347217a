"""Properties of the comparison on random plans edited by random operation sequences.

Applying the reported changes (their new sides) to the old plan must give the new plan's
texts, in the new plan's order; a plan compared with itself, or with a copy of itself that has
other ids, has no changes.
"""
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from schema.compare import compare, node_values
from schema.document import Document, with_new_ids
from schema.model import Action, FocusArea, Paragraph, PlanContent, Strategy
from schema.operations import Insert, Move, OperationError, Remove, SetField
from schema.tree import KINDS, children, walk

# A small alphabet makes look-alike and duplicate texts common: the hard case for matching.
words = st.text(alphabet="推動產業轉型就業改善空污，。", max_size=12)


def _actions(depth):
    if depth == 0:
        return st.just([])
    return st.lists(st.builds(Action, text=words, actions=_actions(depth - 1)), max_size=2)


@st.composite
def plans(draw) -> PlanContent:
    content = PlanContent()
    content.preface.paragraphs = draw(st.lists(st.builds(Paragraph, text=words), max_size=2))
    content.focus.focus_areas = draw(st.lists(st.builds(
        FocusArea, title=words, strategies=st.lists(st.builds(
            Strategy, title=words, chart_label=words, body=words, actions=_actions(2),
            lead_agencies=st.lists(st.sampled_from(["經發局", "農業局", "環保局"]), max_size=2),
        ), max_size=3),
    ), max_size=3))
    content.closing.paragraphs = draw(st.lists(st.builds(Paragraph, text=words), max_size=2))
    data = content.model_dump(mode="json")
    counter = iter(range(10**6))

    def number(node):  # readable, deterministic ids
        node["id"] = f"n{next(counter)}"
        for key in ("paragraphs", "focus_areas", "strategies", "actions"):
            for child in node.get(key, []):
                number(child)

    for section in ("preface", "goals", "focus", "closing"):
        number(data[section])
    return PlanContent.model_validate(data)


@st.composite
def operation(draw, doc: Document, serial: int):
    nodes = [n for n, _p in walk(doc.content)]
    containers = [n for n in nodes if n.kind in ("preface", "closing", "focus_section", "focus_area", "strategy", "action")]
    movable = [n for n, p in walk(doc.content) if p is not None]
    kind = draw(st.sampled_from(["set", "insert", "remove", "move"]))
    if kind == "set" and movable:
        node = draw(st.sampled_from(movable))
        field = draw(st.sampled_from([f for f in ("title", "chart_label", "body", "text", "lead_agencies") if f in type(node).model_fields]))
        value = draw(st.lists(st.sampled_from(["經發局", "農業局", "新局"]), max_size=2)) if field == "lead_agencies" else draw(words)
        return SetField(node.id, field, value)
    if kind == "insert":
        parent = draw(st.sampled_from(containers))
        child_kind = {"preface": "paragraph", "closing": "paragraph", "focus_section": "focus_area", "focus_area": "strategy"}.get(parent.kind, "action")
        node = {"kind": child_kind, "id": f"new{serial}"}
        node["text" if child_kind in ("paragraph", "action") else "title"] = draw(words)
        if child_kind == "strategy":
            node["actions"] = [{"kind": "action", "id": f"new{serial}a{i}", "text": draw(words)} for i in range(draw(st.integers(0, 2)))]
        return Insert(parent.id, draw(st.integers(0, len(children(parent)))), node)
    if kind == "remove":
        parent = draw(st.sampled_from(containers))
        if children(parent):
            return Remove(parent.id, draw(st.integers(0, len(children(parent)) - 1)))
    if kind == "move" and movable:
        node = draw(st.sampled_from(movable))
        parent = draw(st.sampled_from(containers))
        return Move(node.id, parent.id, draw(st.integers(0, len(children(parent)))))
    return None


@st.composite
def edited_plans(draw):
    old = draw(plans())
    new = old.model_copy(deep=True)
    doc = Document(new)
    for serial in range(draw(st.integers(1, 8))):
        op = draw(operation(doc, serial))
        if op is not None:
            try:
                doc.apply(op)
            except OperationError:
                pass  # e.g. a move into its own subtree: not an edit anyone can make
    return old, new


def shape(node) -> tuple:
    """A node's texts and the shape below it, without ids."""
    return (node.kind, tuple(sorted(node_values(node).items())), tuple(shape(c) for c in children(node)))


def apply_changes(old: PlanContent, comparison) -> tuple:
    """Rebuild the new plan from the old one and the changes alone (ids are shared here)."""
    values = {n.id: (n.kind, node_values(n)) for n, _p in walk(old)}
    kids = {n.id: [c.id for c in children(n)] for n, _p in walk(old)}
    placed: dict[str, list[tuple[int, str]]] = {}

    def place(side, kind):
        values[side.node_id] = (kind, side.values)
        kids.setdefault(side.node_id, [])
        placed.setdefault(side.parent_id, []).append((side.index, side.node_id))
        for child in side.children:
            place(child, KINDS[kind].child_kind)

    for change in comparison.changes:
        if change.old is not None and change.kind != "modified":  # removed or moved: leaves its old place
            kids[change.old.parent_id].remove(change.old.node_id)
        if change.kind == "modified":
            values[change.node_id] = (change.node_kind, change.new.values)
        elif change.new is not None:
            place(change.new, change.node_kind)
    for parent_id, entries in placed.items():
        for index, node_id in sorted(entries):
            kids.setdefault(parent_id, []).insert(index, node_id)

    def build(node_id):
        kind, vals = values[node_id]
        return (kind, tuple(sorted(vals.items())), tuple(build(c) for c in kids[node_id]))

    return tuple(build(s.id) for s in (old.preface, old.goals, old.focus, old.closing))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edited_plans())
def test_applying_the_changes_gives_the_new_plan(pair):
    old, new = pair
    comparison = compare(old, new)
    for kind, count in comparison.counts.items():
        event(f"{kind}: {'some' if count else 'none'}")
    assert apply_changes(old, comparison) == tuple(shape(s) for s in (new.preface, new.goals, new.focus, new.closing))
    assert sum(comparison.counts.values()) == len(comparison.changes)
    assert all(c.fields for c in comparison.changes if c.kind == "modified")


@settings(max_examples=100, deadline=None)
@given(plans())
def test_identical_plans_have_no_changes(content):
    assert compare(content, content.model_copy(deep=True)).changes == []
    data = content.model_dump(mode="json")
    for section in ("preface", "goals", "focus", "closing"):
        data[section] = with_new_ids(data[section])
    assert compare(content, PlanContent.model_validate(data)).changes == []
