"""Properties of the three-way merge on random plans edited by random operation sequences.

Two people edit disjoint parts of a plan (A the even-numbered focus areas and the preface, B the
odd ones and the closing): the merge must equal applying both edit sequences, one after the
other, with no conflict. Merging a copy with itself, or with the unchanged base, gives the copy.
"""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from schema.document import Document
from schema.merge import merge_plans
from schema.model import PlanDocument
from schema.operations import Insert, Move, Operation, OperationError, Remove, SetField
from schema.tree import KINDS, children, walk
from tests.schema.plans import plan_documents

words = st.text(alphabet="推動產業轉型就業改善空污，。ab", max_size=10)
_TEXT_FIELDS = ("title", "chart_label", "body", "text", "note")


def _region(doc: Document, roots: list[str]) -> list:
    """The nodes below (and including) the given roots."""
    out = []
    for root in roots:
        if root in doc:
            stack = [doc.node(root)]
            while stack:
                node = stack.pop()
                out.append(node)
                stack.extend(children(node))
    return out


@st.composite
def edits(draw, plan: PlanDocument, roots: list[str], serial: str) -> list[Operation]:
    """A random sequence of valid operations that only touch the nodes below ``roots``."""
    doc = Document(plan.draft.content.model_copy(deep=True))
    ops: list[Operation] = []
    for step in range(draw(st.integers(0, 6))):
        nodes = _region(doc, roots)
        if not nodes:
            break
        node = draw(st.sampled_from(nodes))
        kind = draw(st.sampled_from(["set", "set", "insert", "remove", "move"]))
        op: Operation | None = None
        if kind == "set":
            fields = [f for f in (*_TEXT_FIELDS, "lead_agencies", "budget") if f in type(node).model_fields]
            field = draw(st.sampled_from(fields))
            if field == "lead_agencies":
                value = draw(st.lists(st.sampled_from(["經發局", "農業局", "新局"]), max_size=2))
            elif field == "budget":
                value = draw(st.dictionaries(st.integers(108, 111), st.integers(0, 9999).map(float), max_size=2))
            else:
                value = draw(words)
            op = SetField(node.id, field, value)
        elif kind == "insert" and KINDS[node.kind].children and node.kind in ("preface", "closing", "focus_area", "strategy", "action"):
            child_kind = KINDS[node.kind].child_kind
            field = "title" if child_kind == "strategy" else "text"
            index = draw(st.integers(0, len(children(node))))
            op = Insert(node.id, index, {"kind": child_kind, "id": f"{serial}{step}", field: draw(words)})
        elif kind == "remove" and node.id not in roots and node.kind not in ("preface", "closing"):
            parent = doc.parent(node)
            op = Remove(parent.id, doc.index_of(node))
        elif kind == "move" and node.id not in roots and node.kind not in ("preface", "closing"):
            targets = [n for n in nodes if KINDS[n.kind].child_kind == node.kind]
            if targets:
                target = draw(st.sampled_from(targets))
                limit = len(children(target)) - (1 if doc.parent(node) is target else 0)
                op = Move(node.id, target.id, draw(st.integers(0, max(limit, 0))))
        if op is None:
            continue
        try:
            doc.apply(op)
        except OperationError:
            continue
        ops.append(op)
    return ops


def _edited(plan: PlanDocument, *sequences: list[Operation]) -> PlanDocument:
    result = plan.model_copy(deep=True)
    doc = Document(result.draft.content)
    for ops in sequences:
        doc.apply_all(ops)
    return result


def _halves(plan: PlanDocument) -> tuple[list[str], list[str]]:
    content = plan.draft.content
    areas = [fa.id for fa in content.focus.focus_areas]
    return [content.preface.id, *areas[0::2]], [content.closing.id, *areas[1::2]]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.data())
def test_edits_of_disjoint_parts_merge_into_both_sequences_applied(data):
    base = data.draw(plan_documents())
    roots_a, roots_b = _halves(base)
    ops_a = data.draw(edits(base, roots_a, "a"))
    ops_b = data.draw(edits(base, roots_b, "b"))
    ours, theirs = _edited(base, ops_a), _edited(base, ops_b)
    result = merge_plans(base, ours, theirs)
    assert result.conflicts == []
    assert result.plan.draft.content == _edited(base, ops_a, ops_b).draft.content
    assert result.plan.draft.content == _edited(base, ops_b, ops_a).draft.content
    assert result.plan.proposals == []


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.data())
def test_merging_a_copy_with_itself_or_with_the_base_gives_the_copy(data):
    base = data.draw(plan_documents())
    everything = [s.id for s in (base.draft.content.preface, base.draft.content.focus, base.draft.content.closing)]
    copy = _edited(base, data.draw(edits(base, everything, "x")))
    for ours, theirs in ((copy, copy), (base, copy), (copy, base)):
        result = merge_plans(base, ours, theirs)
        assert result.conflicts == []
        assert result.plan.draft.content == copy.draft.content
        assert result.plan.model_dump(exclude={"draft"}) == copy.model_dump(exclude={"draft"})


def test_every_node_of_the_merge_is_where_one_of_the_sides_put_it():
    """A hand-made check of the property's premise: the generated edits really change both halves."""
    from tests.schema.plans import small_content

    base = PlanDocument(title="計畫", period={"start": 108, "end": 111}, draft={"content": small_content()})
    ours = _edited(base, [Move("s2", "fa1", 0), SetField("fa1", "title", "拚經濟！")])
    theirs = _edited(base, [Insert("fa2", 0, {"kind": "strategy", "id": "s9", "title": "新策略"}), Remove("s1", 1)])
    merged = merge_plans(base, ours, theirs).plan.draft.content
    assert [(fa.title, [s.id for s in fa.strategies]) for fa in merged.focus.focus_areas] == [
        ("拚經濟！", ["s2", "s1"]), ("衝就業", ["s9", "s3"]),
    ]
    assert [a.id for a in merged.focus.focus_areas[0].strategies[1].actions] == ["a1"]
    assert "a2" not in {n.id for n, _p in walk(merged)}
