"""git carries the plan: plan-editor git-setup, then real git merges and diffs plan files.

Two branches edit different strategies of the sample and one strategy both: ``git merge`` runs
plan-editor as the merge driver, reports the conflict, and leaves a valid plan with both sides'
edits and the conflict pending, never text conflict markers. ``git diff`` shows the plan as
numbered lines through the textconv driver.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from schema.document import Document
from schema.fileio import load_plan, save_plan
from schema.operations import SetField
from tests.paths import SAMPLE

PLAN_EDITOR = Path(sys.executable).parent / "plan-editor"


@pytest.fixture
def repo(tmp_path):
    assert shutil.which("git"), "git is installed by scripts/setup.sh"
    root = tmp_path / "plans"
    root.mkdir()
    env = {
        **os.environ, "HOME": str(tmp_path), "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "研考會", "GIT_AUTHOR_EMAIL": "rdec@example.org",
        "GIT_COMMITTER_NAME": "研考會", "GIT_COMMITTER_EMAIL": "rdec@example.org",
    }

    def git(*args, check=True):
        result = subprocess.run(["git", *args], cwd=root, env=env, capture_output=True, text=True)
        if check and result.returncode != 0:
            raise AssertionError(f"git {' '.join(args)} failed: {result.stdout}{result.stderr}")
        return result

    git("init", "-q", "-b", "main")
    shutil.copy(SAMPLE, root / "kaohsiung.plan.json")
    setup = subprocess.run([str(PLAN_EDITOR), "git-setup", str(root)], env=env, capture_output=True, text=True)
    assert setup.returncode == 0, setup.stderr
    assert setup.stdout.splitlines()[0] == f"git-setup: {root}: plan files (*.plan.json) now merge and diff through {PLAN_EDITOR.resolve()}"
    git("add", ".")
    git("commit", "-q", "-m", "109年修正版")
    return root, git


def edit(path: Path, *ops) -> None:
    plan = load_plan(path)
    Document(plan.draft.content).apply_all(ops)
    save_plan(plan, path)


def test_git_setup_writes_the_drivers_and_the_attributes(repo):
    root, git = repo
    assert (root / ".gitattributes").read_text(encoding="utf-8") == "*.plan.json merge=plan diff=plan\n"
    assert git("config", "merge.plan.driver").stdout.strip() == f"{PLAN_EDITOR.resolve()} merge %O %A %B -o %A"
    assert git("config", "diff.plan.textconv").stdout.strip() == f"{PLAN_EDITOR.resolve()} textconv"
    assert git("check-attr", "merge", "diff", "--", "kaohsiung.plan.json").stdout.splitlines() == [
        "kaohsiung.plan.json: merge: plan", "kaohsiung.plan.json: diff: plan",
    ]


def test_git_merge_of_two_branches_keeps_both_edits_and_the_one_conflict_pending(repo):
    root, git = repo
    path = root / "kaohsiung.plan.json"
    areas = load_plan(path).draft.content.focus.focus_areas
    bridge, bay, shared = areas[0].strategies[0], areas[0].strategies[1], areas[1].strategies[0]
    git("checkout", "-q", "-b", "economy")
    edit(path, SetField(bridge.id, "title", "推動橋頭科學園區開發計畫"), SetField(shared.id, "title", "建置青年創業資源平台"))
    git("commit", "-q", "-am", "經發局的修正")
    git("checkout", "-q", "main")
    git("checkout", "-q", "-b", "youth")
    edit(path, SetField(bay.id, "body", "打造亞洲新灣區新創聚落。"), SetField(shared.id, "title", "建置青年創業服務網"))
    git("commit", "-q", "-am", "青年局的修正")
    git("checkout", "-q", "economy")

    merge = git("merge", "youth", "-m", "合併", check=False)
    assert merge.returncode == 1
    assert "CONFLICT (content): Merge conflict in kaohsiung.plan.json" in merge.stdout
    assert "  1. 二、衝就業 （一）建置青年創業資源平台: both sides changed the title of 推動策略 二、衝就業 （一）建置青年創業資源平台" in merge.stdout
    assert git("status", "--porcelain").stdout.splitlines() == ["UU kaohsiung.plan.json"]
    text = path.read_text(encoding="utf-8")
    assert "<<<<<<<" not in text and ">>>>>>>" not in text and "=======" not in text
    merged = load_plan(path)  # a valid plan
    areas = merged.draft.content.focus.focus_areas
    assert areas[0].strategies[0].title == "推動橋頭科學園區開發計畫"
    assert areas[0].strategies[1].body == "打造亞洲新灣區新創聚落。"
    assert areas[1].strategies[0].title == "建置青年創業資源平台"
    assert [(p.source, p.status, p.node_id, p.new) for p in merged.proposals] == [("merge", "pending", shared.id, "建置青年創業服務網")]

    git("add", "kaohsiung.plan.json")
    git("commit", "-q", "-m", "合併，衝突待審")
    diff = git("diff", "main", "HEAD", "--", "kaohsiung.plan.json").stdout.splitlines()
    assert "-    （一）推動橋頭科學園區" in diff and "+    （一）推動橋頭科學園區開發計畫" in diff
    assert "+      打造亞洲新灣區新創聚落。" in diff
    assert "+proposals (修正建議): 1 pending of 1" in diff
    assert not any('"title"' in line for line in diff)


def test_git_merge_of_edits_to_different_strategies_is_clean(repo):
    root, git = repo
    path = root / "kaohsiung.plan.json"
    areas = load_plan(path).draft.content.focus.focus_areas
    git("checkout", "-q", "-b", "a")
    edit(path, SetField(areas[2].strategies[0].id, "body", "甲的內文。"))
    git("commit", "-q", "-am", "a")
    git("checkout", "-q", "main")
    edit(path, SetField(areas[3].strategies[0].id, "body", "乙的內文。"))
    git("commit", "-q", "-am", "b")
    merge = git("merge", "a", "-m", "合併", check=False)
    assert merge.returncode == 0, merge.stdout + merge.stderr
    merged = load_plan(path).draft.content.focus.focus_areas
    assert (merged[2].strategies[0].body, merged[3].strategies[0].body) == ("甲的內文。", "乙的內文。")
    assert git("status", "--porcelain").stdout == ""
