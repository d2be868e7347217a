"""plan-editor import-text: exit codes, the summary line, warnings, and one-line errors that write nothing."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from editor.cli import main
from schema.fileio import load_plan
from tests.paths import ROOT, SAMPLE, SOURCE

TEXT = SOURCE.read_text(encoding="utf-8")
SUMMARY = "{out}: 109年修正版 — 9 preface paragraphs, 4 goals, 5 focus areas, 28 strategies, 27 actions, 3 chart labels kept"


def run(capsys, *argv):
    code = main(["import-text", *map(str, argv)])
    out, err = capsys.readouterr()
    return code, out, err


def test_imports_the_kaohsiung_plan(tmp_path, capsys):
    out = tmp_path / "k.plan.json"
    code, stdout, stderr = run(capsys, SOURCE, "-o", out)
    assert (code, stderr) == (0, "")
    assert stdout == SUMMARY.format(out=out) + "\n"
    plan = load_plan(out)
    assert plan.revisions[0].label == "109年修正版"
    assert plan.revisions[0].note == "由公告版文字匯入（kaohsiung-108-111-rev109.txt）"


def test_reimport_keeps_the_ids_and_the_bytes(tmp_path, capsys):
    out = tmp_path / "k.plan.json"
    out.write_bytes(SAMPLE.read_bytes())
    code, stdout, _ = run(capsys, SOURCE, "-o", out)
    assert code == 0
    assert stdout == SUMMARY.format(out=out) + "; ids kept from the previous import\n"
    assert out.read_bytes() == SAMPLE.read_bytes()


def test_byte_order_mark_and_label(tmp_path, capsys):
    src = tmp_path / "bom.txt"
    src.write_bytes(b"\xef\xbb\xbf" + TEXT.encode("utf-8"))
    out = tmp_path / "k.plan.json"
    code, stdout, stderr = run(capsys, src, "-o", out, "--label", "109年度第二次修正")
    assert (code, stderr) == (0, "")
    assert stdout.startswith(f"{out}: 109年度第二次修正 — 9 preface paragraphs")
    assert load_plan(out).revisions[0].label == "109年度第二次修正"


def test_unplaced_text_and_warnings_go_to_stderr(tmp_path, capsys):
    src = tmp_path / "extra.txt"
    src.write_text(TEXT + "\n\n- 多出來的策略\n", encoding="utf-8")
    code, _, stderr = run(capsys, src, "-o", tmp_path / "x.plan.json")
    assert code == 0
    assert stderr == (
        "warning: not placed: chart label with no strategy: 多出來的策略\n"
        "warning: the chart's strategy lists (6/6/5/7/4/1) do not match the text's (6/6/5/7/4); "
        "chart labels were matched to strategies by similarity\n"
    )


def _untouched(path: Path, before: bytes | None):
    if before is None:
        assert not path.exists()
    else:
        assert path.read_bytes() == before


@pytest.mark.parametrize("existing", [None, b"precious\n"])
@pytest.mark.parametrize(
    "make, message",
    [
        (lambda d: d / "missing.txt", "{src} does not exist."),
        (lambda d: (d / "folder").mkdir() or d / "folder", "{src} is a folder, not a text file."),
        (lambda d: (d / "b.bin").write_bytes(bytes(range(256))) and d / "b.bin",
         "{src} is not UTF-8 text: it contains NUL bytes, as binary and UTF-16 files do."),
        (lambda d: (d / "big5.txt").write_bytes(TEXT.encode("big5", "replace")) and d / "big5.txt",
         "{src} is not UTF-8 text (bad byte at offset 2); save it as UTF-8 and try again."),
        (lambda d: (d / "u16.txt").write_bytes(TEXT.encode("utf-16")) and d / "u16.txt",
         "{src} is not UTF-8 text: it contains NUL bytes, as binary and UTF-16 files do."),
        (lambda d: (d / "letter.txt").write_text("親愛的市民：\n\n謝謝。\n", encoding="utf-8") and d / "letter.txt",
         "{src} cannot be imported: it has no headings such as 壹、, 一、 or (一), so it is not the text of a plan."),
        (lambda d: (d / "empty.txt").write_bytes(b"") or d / "empty.txt", "{src} cannot be imported: the text is empty."),
    ],
    ids=["missing", "folder", "binary", "big5", "utf16", "no-plan", "empty"],
)
def test_bad_sources(tmp_path, capsys, make, message, existing):
    src = make(tmp_path)
    out = tmp_path / "out.plan.json"
    if existing is not None:
        out.write_bytes(existing)
    code, stdout, stderr = run(capsys, src, "-o", out)
    assert (code, stdout) == (2, "")
    assert stderr == message.format(src=src) + "\n"
    _untouched(out, existing)


def test_output_cannot_be_the_source(tmp_path, capsys):
    src = tmp_path / "k.txt"
    src.write_text(TEXT, encoding="utf-8")
    code, _, stderr = run(capsys, src, "-o", src)
    assert code == 2
    assert stderr == f"{src} is the source text itself; choose another output file.\n"
    assert src.read_text(encoding="utf-8") == TEXT


def test_output_in_a_missing_folder(tmp_path, capsys):
    out = tmp_path / "nowhere" / "k.plan.json"
    code, stdout, stderr = run(capsys, SOURCE, "-o", out)
    assert (code, stdout) == (2, "")
    assert stderr == f"{out} was not saved: No such file or directory.\n"
    assert not out.parent.exists()


def test_another_plan_at_the_output_is_never_replaced(tmp_path, capsys):
    other = tmp_path / "other.txt"
    other.write_text("臺南市政府110至113年度中程施政計畫\n\n一、產業發展\n(一)智慧農業\n推動。\n", encoding="utf-8")
    out = tmp_path / "k.plan.json"
    assert run(capsys, other, "-o", out)[0] == 0
    before = out.read_bytes()
    code, stdout, stderr = run(capsys, SOURCE, "-o", out)
    assert (code, stdout) == (2, "")
    assert stderr == (
        f"{out} already holds the plan 臺南市政府110至113年度中程施政計畫 with its own revisions or edits; "
        "importing would replace them, so choose another output file.\n"
    )
    assert out.read_bytes() == before


def test_an_edited_draft_at_the_output_is_never_replaced(tmp_path, capsys):
    out = tmp_path / "k.plan.json"
    assert run(capsys, SOURCE, "-o", out)[0] == 0
    plan = load_plan(out)
    plan.draft.content.focus.focus_areas[0].title = "拚經濟（已修正）"
    from schema.fileio import save_plan

    save_plan(plan, out)
    before = out.read_bytes()
    code, _stdout, stderr = run(capsys, SOURCE, "-o", out)
    assert code == 2 and "with its own revisions or edits" in stderr
    assert out.read_bytes() == before


@pytest.mark.parametrize("name, message", [
    ("k.txt", "plan-editor import-text: {out}: the plan file must end in .plan.json"),
    ("notes.docx", "plan-editor import-text: {out}: the plan file must end in .plan.json"),
])
def test_the_output_must_be_a_plan_file(tmp_path, capsys, name, message):
    out = tmp_path / name
    code, _stdout, stderr = run(capsys, SOURCE, "-o", out)
    assert (code, stderr) == (2, message.format(out=out) + "\n")
    assert not out.exists()


def test_a_file_that_is_not_a_plan_at_the_output_is_never_replaced(tmp_path, capsys):
    out = tmp_path / "k.plan.json"
    out.write_text("my notes", encoding="utf-8")
    code, _stdout, stderr = run(capsys, SOURCE, "-o", out)
    assert (code, stderr) == (2, f"{out} already exists and is not a plan this import may replace; choose another output file.\n")
    assert out.read_text(encoding="utf-8") == "my notes"


def test_python_dash_m_editor(tmp_path):
    out = tmp_path / "k.plan.json"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [sys.executable, "-m", "editor", "import-text", str(SOURCE), "-o", str(out)],
        capture_output=True, text=True, encoding="utf-8", cwd=ROOT, env=env, timeout=120,
    )
    assert (proc.returncode, proc.stderr) == (0, "")
    assert proc.stdout == SUMMARY.format(out=out) + "\n"
