"""plan-editor diff: the readable summary, --json, label defaults, two files, one-line errors."""
from __future__ import annotations

import json
import subprocess
import sys
import types

import pytest

from editor.cli import main
from schema.compare import Comparison
from schema.fileio import save_plan
from schema.model import Period, PlanDocument
from tests.paths import AMENDED, DEMO, ROOT, SAMPLE, SOURCE


def run(capsys, *argv):
    code = main(["diff", *map(str, argv)])
    out, err = capsys.readouterr()
    return code, out, err


def test_summary_of_the_demo_draft_against_the_published_revision(capsys):
    code, out, err = run(capsys, DEMO)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "109年修正版 → 110年修正草案（示範）: 9 changes (modified 5, added 1, removed 1, moved 2)"
    assert lines[1:8] == [
        "removed\t具體作法\t一、（三）3.運用5G、AIoT、互動科技創造文化新經濟，並型…",
        "    內文: [-運用5G、AIoT、互動科技創造文化新經濟，並型塑高雄科技文化廊道，進而打造高雄未來港，成為新興文化科技產業出海口。-]",
        "    修正說明: 文化科技相關作法已併入「營造優良文創環境」推動，刪除原第3項作法。",
        "modified\t推動策略\t一、（四）轉型高階製造中心",
        "    內文: …產業鏈智慧化步驟，進而轉型為亞洲高階製造{+與研發+}中心。",
        "    修正說明: 增列研發功能，以呼應產業升級方向。",
        "modified\t推動策略\t一、（五）建構農漁高雄隊",
    ]
    assert "moved\t推動策略\t二、（六）支持青農在地深耕 → 一、（六）" in lines
    assert "    標題: 加速興建捷運{+及+}輕軌{+路網+}" in lines
    assert lines[-4:] == [
        "added\t推動策略\t五、（五）推動智慧防災韌性城市",
        "    {+1. 建置智慧防災資訊整合平台，即時彙整雨量、水位及災情通報資訊，提升災害應變決策效率。+}",
        "    {+2. 推動社區防災韌性計畫，輔導里民成立自主防災社區，強化第一線應變能力。+}",
        "    修正說明: 新增策略：因應極端氣候，強化城市整體防災韌性。",
    ]


def test_json_is_one_document_and_nothing_else(capsys):
    code, out, err = run(capsys, DEMO, "--json")
    assert (code, err) == (0, "")
    document = json.loads(out)
    assert list(document) == ["from", "to", "changes", "counts"]
    assert (document["from"], document["to"]) == ("109年修正版", "110年修正草案（示範）")
    assert document["counts"] == {"added": 1, "removed": 1, "modified": 5, "moved": 2}
    first = document["changes"][1]
    assert first == {
        "kind": "modified", "node_kind": "strategy",
        "old": {"number": "（四）", "location": "一、（四）", "title": "轉型高階製造中心", "text": first["old"]["text"],
                "parent": "一、拚經濟"},
        "new": {"number": "（四）", "location": "一、（四）", "title": "轉型高階製造中心", "text": first["new"]["text"], "parent": "一、拚經濟"},
        "fields": {"body": [[0, first["old"]["text"][:-3]], [1, "與研發"], [0, "中心。"]]},
        "note": "增列研發功能，以呼應產業升級方向。",
    }
    assert first["old"]["text"].endswith("進而轉型為亞洲高階製造中心。")


@pytest.mark.parametrize("to_label", ["110年修正草案（示範）", "draft", "working draft"])
def test_the_draft_answers_to_its_label_and_to_draft(capsys, to_label):
    code, out, _ = run(capsys, DEMO, "--from", "109年修正版", "--to", to_label, "--json")
    assert code == 0
    assert json.loads(out)["counts"] == {"added": 1, "removed": 1, "modified": 5, "moved": 2}


def test_reversed_direction_swaps_added_and_removed(capsys):
    code, out, _ = run(capsys, DEMO, "--from", "draft", "--to", "109年修正版", "--json")
    document = json.loads(out)
    assert (code, document["from"], document["to"]) == (0, "110年修正草案（示範）", "109年修正版")
    assert document["counts"] == {"added": 1, "removed": 1, "modified": 5, "moved": 2}
    assert [c["kind"] for c in document["changes"]][0] == "added"  # the action comes back


def test_same_revision_has_no_changes(capsys):
    code, out, _ = run(capsys, SAMPLE)
    assert (code, out) == (0, "109年修正版 → working draft: no changes\n")


def test_two_files_compare_their_current_texts(capsys):
    code, out, _ = run(capsys, SAMPLE, DEMO, "--json")
    document = json.loads(out)
    assert (code, document["from"], document["to"]) == (0, "109年修正版", "110年修正草案（示範）")
    assert document["counts"] == {"added": 1, "removed": 1, "modified": 5, "moved": 2}


def test_two_imported_texts_without_shared_ids(tmp_path, capsys):
    old, new = tmp_path / "old.plan.json", tmp_path / "new.plan.json"
    assert main(["import-text", str(SOURCE), "-o", str(old)]) == 0
    assert main(["import-text", str(AMENDED), "-o", str(new)]) == 0
    capsys.readouterr()
    _, by_content, _ = run(capsys, old, new, "--json")
    _, by_id, _ = run(capsys, DEMO, "--json")
    by_content, by_id = json.loads(by_content), json.loads(by_id)
    assert (by_content["from"], by_content["to"]) == ("109年修正版", "110年修正草案示範")
    assert by_content["counts"] == by_id["counts"]
    def strip(doc):  # texts carry no notes
        return [{k: v for k, v in c.items() if k != "note"} for c in doc["changes"]]

    assert strip(by_content) == strip(by_id)


def one_line_error(capsys, *argv) -> str:
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, "")
    assert err.count("\n") == 1
    return err.rstrip("\n")


def test_unknown_label_lists_the_known_ones(capsys):
    assert one_line_error(capsys, DEMO, "--from", "108年原版") == (
        f"plan-editor diff: {DEMO}: there is no revision labelled '108年原版' (known: 109年修正版、110年修正草案（示範）)"
    )


def test_missing_file_and_not_a_plan(tmp_path, capsys):
    assert one_line_error(capsys, tmp_path / "nope.plan.json") == f"{tmp_path / 'nope.plan.json'} does not exist."
    other = tmp_path / "other.json"
    other.write_text('{"name": "x"}', encoding="utf-8")
    assert one_line_error(capsys, SAMPLE, other) == f"{other} is JSON but not a plan file (it has no format_version)."
    assert other.read_text(encoding="utf-8") == '{"name": "x"}'


def test_three_files_and_a_file_without_revisions(tmp_path, capsys):
    assert one_line_error(capsys, SAMPLE, SAMPLE, SAMPLE) == "plan-editor diff: give one plan file or two, not 3"
    bare = tmp_path / "bare.plan.json"
    save_plan(PlanDocument(title="示範計畫", period=Period(start=108, end=111)), bare)
    assert one_line_error(capsys, bare) == f"plan-editor diff: {bare} has no revision yet to compare the working draft with (use --from)"


def test_table_and_tracked_without_the_writers(tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "editor.export.amendments", None)  # as if the module did not exist
    out = tmp_path / "table.docx"
    assert one_line_error(capsys, DEMO, "--table", out) == (
        "plan-editor diff: --table/--tracked need the amendment writers (editor/export/amendments.py), not built yet"
    )
    assert not out.exists()


def test_table_and_tracked_hand_the_comparison_to_the_writers(tmp_path, capsys, monkeypatch):
    calls = []
    fake = types.ModuleType("editor.export.amendments")
    fake.write_amendment_table = lambda *args: calls.append(("table", args))
    fake.write_tracked_document = lambda *args: calls.append(("tracked", args))
    monkeypatch.setitem(sys.modules, "editor.export.amendments", fake)
    table, tracked = tmp_path / "t.docx", tmp_path / "r.docx"
    code, out, _ = run(capsys, DEMO, "--table", table, "--tracked", tracked, "--json")
    assert code == 0 and json.loads(out)["counts"]["moved"] == 2  # stdout stays one JSON document
    assert [name for name, _ in calls] == ["table", "tracked"]
    comparison, old_plan, old_rev, new_plan, new_rev, path = calls[0][1]
    assert isinstance(comparison, Comparison) and len(comparison.changes) == 9
    assert (old_plan.title, old_rev.label, new_rev.label, path) == (new_plan.title, "109年修正版", "110年修正草案（示範）", str(table))
    assert calls[1][1][-1] == str(tracked)


def test_python_dash_m_editor_is_the_same_program():
    result = subprocess.run([sys.executable, "-m", "editor", "diff", str(DEMO), "--json"], capture_output=True, text=True, cwd=ROOT)
    assert (result.returncode, result.stderr) == (0, "")
    assert json.loads(result.stdout)["to"] == "110年修正草案（示範）"
