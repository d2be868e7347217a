"""The review reader's index of the plan's items (gathered in the walk listing the exported fields) is a Document's."""
from __future__ import annotations

from editor.review.expected import expected_labels
from schema.document import Document
from schema.fileio import load_plan
from tests.paths import SAMPLE
from tests.synthetic import generate_plan


def test_the_items_by_id_are_the_documents_in_its_order():
    for content in (load_plan(SAMPLE).draft.content, generate_plan(3, 4, 3, seed=7).draft.content):
        nodes: dict = {}
        labels = expected_labels(content, nodes)
        index = Document(content).nodes_by_id
        assert list(nodes) == list(index)
        assert all(nodes[key] is index[key] for key in index)
        assert labels == expected_labels(content)  # the same fields with or without the index
    assert len(nodes) == 4 + 7 + 4 + 3 + 12 + 36  # sections, paragraphs, goals, focus areas, strategies, actions
