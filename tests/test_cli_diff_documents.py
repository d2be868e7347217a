"""plan-editor diff … --table OUT.docx --tracked OUT.docx: the amendment documents from the command line."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import docx
import pytest

from editor.cli import main
from editor.export.amendment_table import NO_CHANGE
from schema.fileio import load_plan
from tests.editor.test_tracked_docx import INS, blocks, body_of, official, resolve
from tests.paths import AMENDED, DEMO, ROOT, SAMPLE, SOURCE


def run(capsys, *argv):
    code = main(["diff", *map(str, argv)])
    out, err = capsys.readouterr()
    return code, out, err


def test_both_documents_of_the_demo_sample(capsys, tmp_path):
    table, tracked = tmp_path / "table.docx", tmp_path / "tracked.docx"
    code, out, err = run(capsys, DEMO, "--table", table, "--tracked", tracked)
    assert (code, err) == (0, "")
    assert out.splitlines()[-2:] == [f"wrote {table}", f"wrote {tracked}"]
    rows = docx.Document(str(table)).tables[0].rows
    assert len(rows) == 1 + 9
    assert rows[-1].cells[0].text.startswith("五、真安心\n（五）\t推動智慧防災韌性城市")  # number, tab, title
    assert any("與研發" in el.xpath("string(.)") for el in body_of(tracked).iter(INS))


def test_json_output_stays_one_document_when_writing_files(capsys, tmp_path):
    code, out, err = run(capsys, DEMO, "--json", "--table", tmp_path / "t.docx")
    assert (code, err) == (0, "")
    assert json.loads(out)["counts"] == {"added": 1, "removed": 1, "modified": 5, "moved": 2}
    assert (tmp_path / "t.docx").is_file()


def test_two_imported_texts_matched_by_content(capsys, tmp_path):
    old_file, new_file = tmp_path / "old.plan.json", tmp_path / "new.plan.json"
    assert main(["import-text", str(SOURCE), "-o", str(old_file), "--label", "109年修正版"]) == 0
    assert main(["import-text", str(AMENDED), "-o", str(new_file), "--label", "110年修正版"]) == 0
    capsys.readouterr()
    tracked, table = tmp_path / "tracked.docx", tmp_path / "table.docx"
    code, _out, err = run(capsys, old_file, new_file, "--tracked", tracked, "--table", table)
    assert (code, err) == (0, "")
    old_plan, new_plan = load_plan(old_file), load_plan(new_file)
    body = body_of(tracked)
    assert blocks(resolve(body, accept=True)) == official(new_plan, new_plan.revisions[-1], tmp_path / "new.docx")
    assert blocks(resolve(body, accept=False)) == official(old_plan, old_plan.revisions[-1], tmp_path / "old.docx")
    assert len(docx.Document(str(table)).tables[0].rows) > 1


def test_a_revision_against_itself_gives_a_table_that_says_so(capsys, tmp_path):
    table, tracked = tmp_path / "table.docx", tmp_path / "tracked.docx"
    code, out, err = run(capsys, SAMPLE, "--from", "109年修正版", "--to", "109年修正版", "--table", table, "--tracked", tracked)
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == "109年修正版 → 109年修正版: no changes"
    rows = docx.Document(str(table)).tables[0].rows
    assert [c.text for c in rows[1].cells] == [NO_CHANGE] * 3  # one merged cell
    body = body_of(tracked)
    assert list(body.iter(INS)) == [] and list(body.iter(f"{INS[:-3]}del")) == []
    plan = load_plan(SAMPLE)
    assert blocks(body) == official(plan, plan.revisions[-1], tmp_path / "official.docx")


def test_an_unwritable_target_is_one_line_and_writes_nothing(capsys, tmp_path):
    missing = tmp_path / "missing" / "table.docx"
    code, out, err = run(capsys, DEMO, "--table", missing, "--tracked", tmp_path / "tracked.docx")
    assert code == 2 and out == ""
    assert err == f"{missing} was not saved: No such file or directory.\n"
    assert list(tmp_path.iterdir()) == []


def test_the_command_runs_without_a_display(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run(
        [sys.executable, "-m", "editor", "diff", str(DEMO), "--tracked", str(tmp_path / "t.docx")],
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == f"wrote {tmp_path / 't.docx'}"


@pytest.mark.parametrize("option", ["--table", "--tracked"])
def test_the_documents_never_overwrite_the_plan_or_take_another_suffix(tmp_path, capsys, option):
    import shutil

    plan = tmp_path / "v.plan.json"
    shutil.copy(DEMO, plan)
    before = plan.read_bytes()
    assert main(["diff", str(plan), option, str(plan)]) == 2
    assert capsys.readouterr().err == f"plan-editor diff: {plan}: the {option} document must end in .docx\n"
    assert main(["diff", str(plan), option, str(tmp_path / "t.txt")]) == 2
    assert capsys.readouterr().err == f"plan-editor diff: {tmp_path / 't.txt'}: the {option} document must end in .docx\n"
    assert plan.read_bytes() == before and not (tmp_path / "t.txt").exists()


def test_table_and_tracked_cannot_share_a_file(tmp_path, capsys):
    out = tmp_path / "same.docx"
    assert main(["diff", str(DEMO), "--table", str(out), "--tracked", str(out)]) == 2
    assert capsys.readouterr().err == "plan-editor diff: --table and --tracked name the same file; give each its own\n"
    assert not out.exists()
