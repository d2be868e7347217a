"""The merge decides only the nodes that differ (schema.merge_tree): the same result as deciding every node.

The sets and C-level maps that skip unchanged nodes (fields equal on both sides, families no side
disturbed, no cycle or third level of actions possible) are switched off here, so every node and
family goes through the node-by-node decisions, in the merge's order; on random overlapping edits
of both sides (moves, removals, inserts and edits of the same nodes: conflicts of every kind) the
plan and the numbered conflicts must be exactly the same.
"""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import schema.merge_tree as merge_tree
from schema.merge import merge_plans
from schema.model import PlanDocument
from tests.schema.plans import plan_documents, small_content
from tests.schema.test_merge_properties import _edited, edits


def _every_node_decided(monkeypatch) -> None:
    monkeypatch.setattr(merge_tree._Merge, "_differing", lambda self: set(self.alive))
    monkeypatch.setattr(merge_tree._Merge, "_has_cycle", lambda self, parent, loose: True)
    monkeypatch.setattr(merge_tree, "disturbed", lambda a, b, *_rest: set(b.nodes))


def _outcome(base: PlanDocument, ours: PlanDocument, theirs: PlanDocument) -> tuple[str, list[tuple]]:
    result = merge_plans(base, ours, theirs, date="2026-12-07T00:00:00Z")
    names = {p.id: f"proposal {i}" for i, p in enumerate(result.plan.proposals)}  # proposal ids are random
    text = result.plan.model_dump_json()
    for pid, name in names.items():
        text = text.replace(pid, name)
    return text, [(c.number, c.kind, c.node_id, c.field, c.place, c.description, names.get(c.proposal_id, "")) for c in result.conflicts]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture])
@given(st.data(), st.booleans())
def test_skipping_unchanged_nodes_decides_as_every_node_would(monkeypatch, data, hand_made):
    if hand_made:  # actions with sub-actions: moves that meet, cycles, a third level
        base = PlanDocument(title="計畫", period={"start": 108, "end": 111}, draft={"content": small_content()})
    else:
        base = data.draw(plan_documents())
    content = base.draft.content
    everything = [s.id for s in (content.preface, content.goals, content.focus, content.closing)]
    sides = []
    for first, then in (("ours-1-", "ours-2-"), ("theirs-1-", "theirs-2-")):  # two rounds of edits each: more of them meet
        side = _edited(base, data.draw(edits(base, everything, first)))
        sides.append(_edited(side, data.draw(edits(side, everything, then))))
    ours, theirs = sides
    fast = _outcome(base, ours, theirs)
    with monkeypatch.context() as patched:
        _every_node_decided(patched)
        slow = _outcome(base, ours, theirs)
    assert fast[1] == slow[1]
    assert fast[0] == slow[0]
