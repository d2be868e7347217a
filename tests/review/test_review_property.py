"""Property: any set of tracked replacements in different items, read back and accepted, gives exactly
the edited texts; rejected, the original plan; each proposal on the item whose text it changes."""
import docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.review import read_review
from schema.document import Document
from schema.fileio import load_plan
from schema.review import decide_all
from schema.tree import walk
from tests.paths import SAMPLE
from tests.review.word_edits import EditedDocx

PLAN = load_plan(SAMPLE)
# the actions' and strategy bodies' texts, each once
FIELDS = [(n.id, "text" if n.kind == "action" else "body", n.text if n.kind == "action" else n.body)
          for n, _p in walk(PLAN.draft.content) if (n.kind == "action" and n.text) or (n.kind == "strategy" and n.body)]
WORDS = st.text(alphabet="推動產業城市青年創新永續交通改善", min_size=0, max_size=6)


@st.composite
def edits(draw):
    chosen = draw(st.lists(st.sampled_from(range(len(FIELDS))), min_size=1, max_size=4, unique=True))
    result = []
    for index in chosen:
        node_id, field, text = FIELDS[index]
        start = draw(st.integers(0, max(0, len(text) - 8)))
        length = draw(st.integers(6, 8))
        new = draw(WORDS)
        result.append((node_id, field, text[start:start + length], new, draw(st.sampled_from(["甲", "乙"]))))
    return result


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(chosen=edits())
def test_tracked_replacements_come_back_exactly(reviewed, tmp_path_factory, chosen):
    whole = "\n".join(p.text for p in docx.Document(str(reviewed["exported"])).paragraphs)
    chosen = [c for c in chosen if c[2] and whole.count(c[2]) == 1 and c[2] != c[3]]
    if not chosen:
        return
    edited = EditedDocx(reviewed["exported"])
    for _node, _field, old, new, author in chosen:
        edited.replace(old, new, author)
    path = edited.save(tmp_path_factory.mktemp("prop") / "edited.docx")
    plan = load_plan(SAMPLE)
    result = read_review(plan, path)
    assert result.unplaced == []
    assert sorted((p.node_id, p.field, p.author) for p in result.proposals) == sorted((n, f, a) for n, f, _o, _w, a in chosen)
    plan.proposals += result.proposals
    assert decide_all(plan, "accepted") == (len(chosen), [])
    document = Document(plan.draft.content)
    for node_id, field, old, new, _author in chosen:
        original = next(text for n, f, text in FIELDS if n == node_id)
        assert getattr(document.node(node_id), field) == original.replace(old, new, 1)
    plan = load_plan(SAMPLE)
    plan.proposals += read_review(plan, path).proposals
    decide_all(plan, "rejected")
    assert plan.draft.model_dump() == PLAN.draft.model_dump()
