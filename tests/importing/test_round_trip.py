"""Export → import: a plan written by our official export (editor/export/official_docx.py) reads back as
the same plan — texts, numbers, KPIs, agencies, budget, goal links — and, with the node ids the
export keeps in bookmarks, as the very same nodes: `plan-editor diff` of the two finds no change."""
from __future__ import annotations

import pytest

from editor.cli import main
from editor.export.official_docx import write_official_docx
from editor.importing.sources import import_file
from schema.fileio import load_plan, save_plan
from schema.model import PlanDocument
from schema.tree import walk
from tests.importing.material import enriched_plan
from tests.synthetic import generate_plan


def _enriched() -> PlanDocument:
    return enriched_plan()


def _without(data, keys):
    if isinstance(data, dict):
        return {k: _without(v, keys) for k, v in data.items() if k not in keys}
    if isinstance(data, list):
        return [_without(v, keys) for v in data]
    return data


def _same_nodes(imported: PlanDocument, plan: PlanDocument) -> None:
    """The drafts are equal, ids included; the preface has no text of its own in the document to carry its id."""
    content = imported.draft.content.model_copy(deep=True)
    content.preface.id = plan.draft.content.preface.id
    assert content.model_dump() == plan.draft.content.model_dump()


@pytest.mark.parametrize("make", [_enriched, lambda: generate_plan(3, 4, 3)], ids=["kaohsiung", "synthetic"])
def test_export_then_import_gives_the_same_plan(tmp_path, capsys, make):
    plan = make()
    docx = write_official_docx(plan, None, tmp_path / "plan.docx")
    result = import_file(docx)
    imported = result.plan
    assert (imported.title, imported.organisation, imported.period) == (plan.title, plan.organisation, plan.period)
    assert imported.revisions[0].label == plan.revisions[-1].label
    assert (result.unplaced, result.warnings) == ([], [])
    _same_nodes(imported, plan)  # texts, numbers (positions), chart labels, KPIs, agencies, budget, goal links, ids
    save_plan(plan, tmp_path / "exported.plan.json")
    save_plan(imported, tmp_path / "imported.plan.json")
    assert main(["diff", str(tmp_path / "exported.plan.json"), str(tmp_path / "imported.plan.json")]) == 0
    label = plan.revisions[-1].label
    assert capsys.readouterr().out == f"{label} → {label}: no changes\n"


def test_without_ids_the_content_still_comes_back(tmp_path):
    """A document whose bookmarks were lost (e.g. retyped) gives the same content with new ids."""
    from docx import Document
    from docx.oxml.ns import qn

    plan = _enriched()
    docx = write_official_docx(plan, None, tmp_path / "plan.docx")
    document = Document(str(docx))
    for mark in list(document.element.body.iter(qn("w:bookmarkStart"))):
        mark.getparent().remove(mark)
    document.save(str(tmp_path / "no-ids.docx"))
    imported = import_file(tmp_path / "no-ids.docx").plan
    keys = {"id", "goal_ids"}
    assert _without(imported.draft.content.model_dump(), keys) == _without(plan.draft.content.model_dump(), keys)
    assert not {n.id for n, _ in walk(imported.draft.content)} & {n.id for n, _ in walk(plan.draft.content)}


def test_the_libreoffice_resaved_export_imports_the_same(material):
    result = import_file(material["kpis.lo.docx"])
    _same_nodes(result.plan, load_plan(material["kpis.plan.json"]))
    assert (result.unplaced, result.warnings) == ([], [])
