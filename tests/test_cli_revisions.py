"""plan-editor revisions reads a plan as plain data (schema.plain_read): the listing is what the models
say, an older format is migrated, and a broken file is worded as by the models' loader."""
from __future__ import annotations

import json

from editor.cli import main
from schema.fileio import load_plan
from schema.tree import walk
from tests.fuzz.mutants import base_plan, dump

BASE = base_plan()


def _nest_three_levels(data):
    action = data["draft"]["content"]["focus"]["focus_areas"][0]["strategies"][0]["actions"][0]
    action["actions"] = [{"kind": "action", "id": "sub1", "text": "x", "actions": [{"kind": "action", "id": "sub2", "text": "y"}]}]


def _broken(change) -> bytes:
    data = json.loads(dump(BASE))
    change(data)
    return dump(data)


def test_plan_editor_revisions_reads_an_older_format_and_words_a_broken_file_as_before(tmp_path, capsys):
    current, older, broken = tmp_path / "a.plan.json", tmp_path / "b.plan.json", tmp_path / "c.plan.json"
    current.write_bytes(dump(BASE))
    older.write_bytes(dump(BASE).replace(b'"format_version": 2,', b'"format_version": 1,', 1))
    broken.write_bytes(_broken(_nest_three_levels))
    assert main(["revisions", str(current)]) == 0
    listing = capsys.readouterr().out
    # 18 items in each version, as the models count them (every node below the four sections)
    plan = load_plan(current)
    assert [sum(1 for _node, parent in walk(rev.content) if parent is not None) for rev in (*plan.revisions, plan.draft)] == [18, 18]
    assert [line.split("\t")[:3] for line in listing.splitlines()] == [
        [plan.full_title(), plan.organisation, "ROC 108–111"], ["109年修正版", "revision", "18 items"],
        ["110年修正草案（示範）", "working draft", plan.draft.author]]
    assert (plan.draft.date, plan.draft.author, listing.splitlines()[2].split("\t")[3]) == ("", "示範", "18 items")
    assert main(["revisions", str(older)]) == 0
    assert capsys.readouterr().out == listing
    assert main(["revisions", str(broken)]) == 2
    assert capsys.readouterr().err == (f"{broken} is not a valid plan: at draft.content.focus.focus_areas[0]."
                                       "strategies[0]: actions nest at most two levels (1. and （1）), but a sub-action holds more.\n")


def test_an_edited_unlabelled_draft_is_listed_and_exported_as_a_draft_of_amendment_not_as_the_revision(tmp_path, capsys):
    from docx import Document

    plan = load_plan("samples/kaohsiung-108-111.plan.json")
    plan.draft.content.focus.focus_areas[0].strategies[0].title = "推動橋頭科學園區（修正）"
    path = tmp_path / "edited.plan.json"
    from schema.fileio import save_plan

    save_plan(plan, path)
    assert main(["revisions", str(path)]) == 0
    assert capsys.readouterr().out.splitlines()[0].split("\t")[0] == "高雄市政府108至111年度中程施政計畫理念（修正草案）"
    assert main(["export", str(path), "--docx", str(tmp_path / "plan.docx")]) == 0
    cover = Document(str(tmp_path / "plan.docx")).paragraphs[0].text
    assert cover == "高雄市政府108至111年度中程施政計畫理念\n（修正草案）"  # the label on a line of its own
