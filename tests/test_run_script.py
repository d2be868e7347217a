"""`bash scripts/run.sh` without a display rewrites exports/ from the samples, and an unchanged
checkout stays unchanged: every export is byte-stable (no clock in any file)."""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess

from tests.paths import ROOT


def test_run_without_a_display_leaves_the_committed_exports_as_they_are(tmp_path):
    stamp = ROOT / ".venv" / (".installed-" + hashlib.sha1((ROOT / "pyproject.toml").read_bytes()).hexdigest()[:12])
    assert stamp.is_file(), "set up first: bash scripts/setup.sh test (the copy below must not reinstall the venv)"
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout.decode().split("\0")
    copy = tmp_path / "checkout"
    for name in filter(None, files):
        if (ROOT / name).is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, copy / name)
    (copy / ".venv").symlink_to(ROOT / ".venv")
    git = ["git", "-c", "user.name=test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false"]
    for argv in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "checkout"]):
        subprocess.run(git + argv, cwd=copy, check=True, capture_output=True)
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    run = subprocess.run(["bash", "scripts/run.sh"], cwd=copy, env=env, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("run: no display here")
    assert "exports/kaohsiung-108-111-demo-tracked-changes.docx" in run.stdout
    status = subprocess.run(["git", "status", "--porcelain", "exports/"], cwd=copy, capture_output=True, text=True, check=True)
    assert status.stdout == ""
