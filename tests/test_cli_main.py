"""The command line's own contract (docs/architecture.md, "The command line"): exit codes and one-line errors."""
import os
import subprocess
import sys

import pytest

from editor.cli import main
from tests.paths import ROOT, SAMPLE


def run_module(*args: str, env_extra: dict | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-m", "editor", *args], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)


def test_python_dash_m_editor_is_the_same_program():
    result = run_module("revisions", str(SAMPLE))
    assert result.returncode == 0
    assert result.stdout.splitlines()[1].startswith("109年修正版\trevision\t75 items")


def test_without_a_display_the_editor_says_so_in_one_line_instead_of_aborting():
    result = run_module(str(SAMPLE))
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert result.stderr.startswith("plan-editor: there is no display to open the editor window on")
    assert result.stdout == ""


def test_a_path_that_is_neither_a_file_nor_a_command(capsys):
    assert main(["nonexistent.plan.json"]) == 2
    err = capsys.readouterr().err
    assert err == "nonexistent.plan.json does not exist (and is not a command: import, import-text, export, diff, check, revisions, merge, part, git-setup, textconv, review).\n"


@pytest.mark.parametrize(
    "argv, message",
    [
        (["export"], "plan-editor export: the following arguments are required: file"),
        (["check", str(SAMPLE), "--colour"], "plan-editor: unrecognized arguments: --colour"),
        (["diff"], "plan-editor diff: the following arguments are required: FILE"),
        (["-x"], "plan-editor: unrecognized arguments: -x"),
    ],
)
def test_usage_errors_are_one_line_with_exit_2(capsys, argv, message):
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.err == message + "\n"
    assert captured.out == ""


def test_two_files_to_open_is_a_usage_error(capsys):
    assert main([str(SAMPLE), str(SAMPLE)]) == 2
    assert capsys.readouterr().err == "plan-editor: open one file at a time (got 2)\n"


def test_revisions_lists_the_cover_title_then_each_version(capsys):
    assert main(["revisions", str(ROOT / "samples" / "kaohsiung-108-111-demo.plan.json")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "高雄市政府108至111年度中程施政計畫理念（110年修正草案（示範））\t高雄市政府\tROC 108–111"
    # 75 items, as the revisions dialog counts them (tests/editor/test_revisions_dialog.py): the four sections are not items
    assert lines[1] == "109年修正版\trevision\t75 items\t由公告版文字匯入（kaohsiung-108-111-rev109.txt）"
    assert lines[2].startswith("110年修正草案（示範）\tworking draft\t")
    assert len(lines) == 3
